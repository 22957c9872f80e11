#pragma once

#include "support/siteenv.h"

#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

// The site's services as scripts/services/start-site.sh wrote them to CPN_SITE_ENV; empty without one.
inline QHash<QString, QString> readSiteEnv()
{
    QString error;
    return cpn::testing::readSiteEnv(&error);
}

// One HTTP answer of the gateway (or of the site's services), read in full.
struct GatewayAnswer
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QHash<QByteArray, QByteArray> headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Sends a request and waits for its answer (the transfer timeout ends a hung one); withToken adds
// the gateway's test token.
inline GatewayAnswer sendAndWait(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
                                 const QByteArray &body, bool withToken);

// A real cpn-gateway child process with a config file it is given; start() waits for its
// "listening on" line.
class GatewayProcess
{
public:
    static inline const QString kToken = QStringLiteral("gw-test-token");

    // A config for the site at prometheusUrl, on a free port, with `extra` lines appended to [prometheus].
    static QString configFor(const QString &prometheusUrl, const QString &stateDir, const QString &extra = {})
    {
        return QStringLiteral("[site]\n"
                              "id = lab-site\n"
                              "name = Lab Site\n"
                              "name_zh = 实验站点\n"
                              "compute_id = CPN-I44-GEN-00001-2\n"
                              "tier = industry\n"
                              "role = industry\n"
                              "province = CN-GD\n"
                              "lat = 22.54\n"
                              "lon = 114.06\n"
                              "sector = GEN\n"
                              "[server]\n"
                              "port = 0\n"
                              "dev_token = %1\n"
                              "[prometheus]\n"
                              "url = %2\n"
                              "%4"
                              "[models]\n"
                              "\"NVIDIA H800\" = h800\n"
                              "[state]\n"
                              "directory = %3\n")
            .arg(kToken, prometheusUrl, stateDir, extra);
    }

    // [slurm] on the site fixture's slurmrestd with `token`, running `jobScript`, and [prices].
    static QString slurmSectionsFor(const QHash<QString, QString> &env, const QString &token,
                                    const QString &jobScript)
    {
        return QStringLiteral("[slurm]\n"
                              "url = %1\n"
                              "user = %2\n"
                              "token = %3\n"
                              "partition = %4\n"
                              "job_directory = %5\n"
                              "job_script = %6\n"
                              "[prices]\n"
                              "cpu_core_hour = 0.12\n"
                              "memory_gib_hour = 0.01\n"
                              "accelerator.h800 = 18.5\n")
            .arg(env.value(QStringLiteral("SLURMRESTD_URL")), env.value(QStringLiteral("SLURM_USER")), token,
                 env.value(QStringLiteral("SLURM_PARTITION")), env.value(QStringLiteral("SLURM_JOB_DIR")), jobScript);
    }

    // What the site runs for a protocol job: it prints the GPUs Slurm bound, and its name says how it
    // behaves (fail*: exits 3; hold*: runs until cancelled; else it ends at once).
    static bool writeJobScript(const QString &path)
    {
        QFile script(path);
        return script.open(QIODevice::WriteOnly) &&
               script.write("#!/bin/bash\n"
                            "echo \"CUDA_VISIBLE_DEVICES=$CUDA_VISIBLE_DEVICES\"\n"
                            "case \"$CPN_JOB_NAME\" in\n"
                            "  fail*) exit 3 ;;\n"
                            "  hold*) sleep 600 ;;\n"
                            "esac\n") > 0;
    }

    ~GatewayProcess() { stop(); }

    // `arguments` follow --config FILE; `environment` is added to the test's own.
    bool start(const QString &configText, const QStringList &arguments = {},
               const QHash<QString, QString> &environment = {})
    {
        m_configPath = m_dir.filePath(QStringLiteral("gateway.conf"));
        QFile config(m_configPath);
        if (!config.open(QIODevice::WriteOnly) || config.write(configText.toUtf8()) < 0)
            return false;
        config.close();
        m_process.setProgram(QStringLiteral(CPN_GATEWAY_EXE));
        m_process.setArguments(QStringList{QStringLiteral("--config"), m_configPath} + arguments);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (auto it = environment.cbegin(); it != environment.cend(); ++it)
            env.insert(it.key(), it.value());
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted())
            return false;
        static const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
        QByteArray out;
        while (!listening.match(QString::fromUtf8(out)).hasMatch()) {
            if (!m_process.waitForReadyRead(10000))
                return false;
            out += m_process.readAllStandardOutput();
        }
        m_url = QUrl(listening.match(QString::fromUtf8(out)).captured(1));
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }

    QUrl url() const { return m_url; }
    QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_configPath;
    QUrl m_url;
};

inline GatewayAnswer sendAndWait(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
                                 const QByteArray &body, bool withToken)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (withToken)
        request.setRawHeader("Authorization", "Bearer " + GatewayProcess::kToken.toUtf8());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec(); // the transfer timeout ends a hung request
    GatewayAnswer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    a.contentType = reply->rawHeader("Content-Type");
    for (const auto &pair : reply->rawHeaderPairs())
        a.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return a;
}
