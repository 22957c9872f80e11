#include "support/siteenv.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <functional>

using namespace Qt::StringLiterals;

// The real services a site runs (scripts/services/start-site.sh, started once for the "backends" tests by the
// CTest fixture "site"), answering what the gateway will ask of them: Prometheus' view of node_exporter and
// of the dcgm-format exporter (whose figures follow the values file), Slurm's nodes, GPUs and jobs through
// slurmrestd, and Alertmanager. CPN_SITE_ENV names the site.env the script wrote.
class tst_SiteServices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void prometheusAnswersNodeCpuUtilization();
    void gpuUtilizationFollowsTheExporterValues();
    void slurmrestdListsThreeNodesWithGpus();
    void gpuJobRunsBoundToTwoGpusAndCompletes();
    void saturatedGpuAlertReachesAlertmanager();
    void alertmanagerAnswersItsStatus();

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };
    Answer get(const QUrl &url, bool slurm = false);
    Answer post(const QUrl &url, const QJsonObject &body, bool slurm = false);
    Answer wait(QNetworkReply *reply);
    QNetworkRequest request(const QUrl &url, bool slurm) const;
    bool setGpuUtilization(const std::function<int(const QString &host, int gpu)> &utilization)
    {
        return cpn::testing::setGpuUtilization(m_env, utilization);
    }
    // One sample of an instant query's first series, or NaN when it has none.
    double queryScalar(const QString &promql);
    // Polls `condition` until it holds or `timeoutMs` passes (each poll is a request that waits for its
    // answer).
    QUrl url(const char *key, const QString &path) const;

    QHash<QString, QString> m_env;
    QNetworkAccessManager m_nam;
};

void tst_SiteServices::initTestCase()
{
    QString error;
    m_env = cpn::testing::readSiteEnv(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString missing = cpn::testing::missingSiteKey(
        m_env, {"PROMETHEUS_URL", "ALERTMANAGER_URL", "SLURMRESTD_URL", "SLURM_JWT_TOKEN", "SLURM_USER",
                "SLURM_PARTITION", "SLURM_JOB_DIR", "DCGM_VALUES_FILE"});
    QVERIFY2(missing.isEmpty(), qPrintable(missing + u" is not in CPN_SITE_ENV"_s));
}

void tst_SiteServices::prometheusAnswersNodeCpuUtilization()
{
    const double cpu = queryScalar(u"1 - avg(rate(node_cpu_seconds_total{mode=\"idle\"}[5s]))"_s);
    QVERIFY2(cpu >= 0 && cpu <= 1, qPrintable(u"CPU utilization %1"_s.arg(cpu)));
}

void tst_SiteServices::gpuUtilizationFollowsTheExporterValues()
{
    // Every GPU of the site at 37 %, but one on n2 at 61: the model's mean is (23 * 37 + 61) / 24 = 38
    QVERIFY(setGpuUtilization(
        [](const QString &host, int gpu) { return host == u"n2"_s && gpu == 5 ? 61 : 37; }));
    const QString byModel = u"avg by (modelName)(DCGM_FI_DEV_GPU_UTIL{modelName=\"NVIDIA H800\"})"_s;
    double seen = qQNaN();
    QVERIFY2(cpn::testing::eventually([&] { return qFuzzyCompare(seen = queryScalar(byModel), 38.0); }, 10000),
             qPrintable(u"Prometheus still answers %1"_s.arg(seen)));
    QCOMPARE(queryScalar(u"DCGM_FI_DEV_GPU_UTIL{Hostname=\"n2\",gpu=\"5\"}"_s), 61.0);
}

void tst_SiteServices::slurmrestdListsThreeNodesWithGpus()
{
    const Answer answer = get(url("SLURMRESTD_URL", u"/slurm/v0.0.38/nodes"_s), true);
    QCOMPARE(answer.status, 200);
    const QJsonArray nodes = answer.json().value(u"nodes"_s).toArray();
    QStringList names;
    for (const QJsonValue &node : nodes) {
        names << node[u"name"_s].toString();
        QCOMPARE(node[u"gres"_s].toString(), u"gpu:h800:8"_s);
    }
    names.sort();
    QCOMPARE(names, (QStringList{u"n1"_s, u"n2"_s, u"n3"_s}));
}

void tst_SiteServices::gpuJobRunsBoundToTwoGpusAndCompletes()
{
    const QString jobDir = m_env.value(u"SLURM_JOB_DIR"_s);
    const QString name = u"gpu-pair-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    const QString output = QDir(jobDir).filePath(name + u".out"_s);
    const QJsonObject job{
        {u"name"_s, name},
        {u"partition"_s, m_env.value(u"SLURM_PARTITION"_s)},
        {u"nodes"_s, u"1"_s},
        {u"tasks"_s, 1},
        {u"cpus_per_task"_s, 2},
        {u"memory_per_node"_s, 1024},
        {u"gpus_per_node"_s, u"h800:2"_s},
        {u"time_limit"_s, 5},
        {u"current_working_directory"_s, jobDir},
        {u"standard_output"_s, output},
        {u"environment"_s, QJsonObject{{u"PATH"_s, u"/usr/bin:/bin"_s}}},
    };
    const Answer submitted =
        post(url("SLURMRESTD_URL", u"/slurm/v0.0.38/job/submit"_s),
             {{u"job"_s, job},
              {u"script"_s, u"#!/bin/bash\necho \"CUDA_VISIBLE_DEVICES=$CUDA_VISIBLE_DEVICES\"\n"_s}},
             true);
    QCOMPARE(submitted.status, 200);
    const int id = submitted.json().value(u"job_id"_s).toInt();
    QVERIFY2(id > 0, submitted.body.constData());

    QString state;
    QVERIFY2(cpn::testing::eventually(
                 [&] {
                     const Answer a = get(url("SLURMRESTD_URL", u"/slurm/v0.0.38/job/%1"_s.arg(id)), true);
                     state = a.json().value(u"jobs"_s).toArray().at(0)[u"job_state"_s].toString();
                     return state == u"COMPLETED"_s || state == u"FAILED"_s || state == u"CANCELLED"_s;
                 },
                 20000),
             qPrintable(u"job %1 still %2"_s.arg(id).arg(state)));
    QCOMPARE(state, u"COMPLETED"_s);

    QFile out(output);
    QVERIFY2(out.open(QIODevice::ReadOnly), qPrintable(output));
    const QString text = QString::fromUtf8(out.readAll()).trimmed();
    static const QRegularExpression twoGpus(uR"(^CUDA_VISIBLE_DEVICES=\d+,\d+$)"_s);
    QVERIFY2(twoGpus.match(text).hasMatch(), qPrintable(text));
}

void tst_SiteServices::saturatedGpuAlertReachesAlertmanager()
{
    QVERIFY(setGpuUtilization(
        [](const QString &host, int gpu) { return host == u"n3"_s && gpu == 7 ? 99 : 20; }));
    const auto saturated = [&] {
        const Answer a = get(url("ALERTMANAGER_URL", u"/api/v2/alerts?active=true"_s));
        for (const QJsonValue &alert : QJsonDocument::fromJson(a.body).array()) {
            const QJsonObject labels = alert[u"labels"_s].toObject();
            if (labels[u"alertname"_s] == u"GpuSaturated"_s && labels[u"Hostname"_s] == u"n3"_s &&
                labels[u"gpu"_s] == u"7"_s && labels[u"severity"_s] == u"warning"_s)
                return true;
        }
        return false;
    };
    QVERIFY2(cpn::testing::eventually(saturated, 10000), "no GpuSaturated alert for n3's GPU 7 in Alertmanager");
    QVERIFY(setGpuUtilization([](const QString &, int) { return 20; }));
}

void tst_SiteServices::alertmanagerAnswersItsStatus()
{
    const Answer answer = get(url("ALERTMANAGER_URL", u"/api/v2/status"_s));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(u"cluster"_s)[u"status"_s].toString(), u"disabled"_s);
    QVERIFY(answer.json().value(u"versionInfo"_s)[u"version"_s].isString());
}

double tst_SiteServices::queryScalar(const QString &promql)
{
    QUrl query = url("PROMETHEUS_URL", u"/api/v1/query"_s);
    query.setQuery(QUrlQuery{{u"query"_s, QString::fromUtf8(QUrl::toPercentEncoding(promql))}});
    const Answer answer = get(query);
    const QJsonArray result = answer.json().value(u"data"_s)[u"result"_s].toArray();
    if (answer.status != 200 || result.isEmpty())
        return qQNaN();
    // sample values are strings: [time, "value"]
    return result.at(0)[u"value"_s].toArray().at(1).toString().toDouble();
}


QUrl tst_SiteServices::url(const char *key, const QString &path) const
{
    return QUrl(m_env.value(QString::fromLatin1(key)) + path);
}

QNetworkRequest tst_SiteServices::request(const QUrl &url, bool slurm) const
{
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    if (slurm) {
        request.setRawHeader("X-SLURM-USER-NAME", m_env.value(u"SLURM_USER"_s).toUtf8());
        request.setRawHeader("X-SLURM-USER-TOKEN", m_env.value(u"SLURM_JWT_TOKEN"_s).toUtf8());
    }
    return request;
}

tst_SiteServices::Answer tst_SiteServices::get(const QUrl &url, bool slurm)
{
    return wait(m_nam.get(request(url, slurm)));
}

tst_SiteServices::Answer tst_SiteServices::post(const QUrl &url, const QJsonObject &body, bool slurm)
{
    QNetworkRequest r = request(url, slurm);
    r.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    return wait(m_nam.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

tst_SiteServices::Answer tst_SiteServices::wait(QNetworkReply *reply)
{
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return answer;
}

QTEST_GUILESS_MAIN(tst_SiteServices)
#include "tst_siteservices.moc"
