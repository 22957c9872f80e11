#include "api/localsimulator.h"

#include "domain/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace cpn::api {
namespace {
const QByteArray kListeningPrefix = "cpn-nodesim listening on ";
}

LocalSimulator::LocalSimulator(QObject *parent) : QObject(parent)
{
    // Its log lines reach our stderr; stdout carries the "listening on" line we wait for.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
#ifdef Q_OS_LINUX
    // A test that crashes never runs our destructor: the simulator must not outlive it, holding
    // the port and the pipe CTest waits on.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &LocalSimulator::readStandardOutput);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        if (!m_baseUrl.isValid())
            fail(m_process.errorString());
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus) {
        if (!m_baseUrl.isValid())
            fail(tr("the simulator exited with code %1 before it was ready").arg(exitCode));
        m_baseUrl.clear();
        Q_EMIT finished(exitCode);
    });
}

LocalSimulator::~LocalSimulator()
{
    stop();
}

QString LocalSimulator::defaultProgram()
{
    const QString fromEnvironment = qEnvironmentVariable("CPN_NODESIM");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString beside =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("cpn-nodesim"));
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("cpn-nodesim"));
}

void LocalSimulator::start(const Options &options)
{
    stop();
    m_error.clear();
    m_pendingOutput.clear();
    m_devToken = options.devToken;
    const QString program = options.program.isEmpty() ? defaultProgram() : options.program;
    if (program.isEmpty()) {
        fail(tr("cpn-nodesim was not found beside the console or on PATH"));
        return;
    }
    QStringList arguments{QStringLiteral("--port"), QStringLiteral("0"),      QStringLiteral("--scenario"),
                          options.scenario,         QStringLiteral("--seed"), QString::number(options.seed)};
    arguments << options.extraArguments;
    // The token goes by environment: a command line is readable by every user of the machine (ps).
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CPN_DEV_TOKEN"));
    if (!options.devToken.isEmpty())
        environment.insert(QStringLiteral("CPN_DEV_TOKEN"), options.devToken);
    m_process.setProcessEnvironment(environment);
    qCInfo(lcApi) << "starting" << program << "scenario" << options.scenario << "seed" << options.seed;
    m_process.start(program, arguments);
}

void LocalSimulator::readStandardOutput()
{
    m_pendingOutput += m_process.readAllStandardOutput();
    if (m_baseUrl.isValid()) {
        m_pendingOutput.clear();
        return;
    }
    const qsizetype at = m_pendingOutput.indexOf(kListeningPrefix);
    const qsizetype end = at < 0 ? -1 : m_pendingOutput.indexOf('\n', at);
    if (end < 0) {
        if (m_pendingOutput.size() > 64 * 1024)
            m_pendingOutput = m_pendingOutput.right(4096);
        return;
    }
    const QByteArray url =
        m_pendingOutput.mid(at + kListeningPrefix.size(), end - at - kListeningPrefix.size());
    m_baseUrl = QUrl(QString::fromUtf8(url.trimmed()));
    m_pendingOutput.clear();
    if (!m_baseUrl.isValid() || m_baseUrl.host() != u"127.0.0.1") {
        fail(tr("the simulator announced an unexpected address: %1").arg(QString::fromUtf8(url)));
        return;
    }
    qCInfo(lcApi) << "simulator ready at" << m_baseUrl.toString();
    Q_EMIT started(m_baseUrl);
}

void LocalSimulator::addFault(QNetworkAccessManager *network, const QString &kind, const QString &target)
{
    if (!m_baseUrl.isValid())
        return;
    QUrl url = m_baseUrl;
    url.setPath(url.path() + QStringLiteral("/sim/v1/faults"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_devToken.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QJsonObject fault{{QStringLiteral("kind"), kind}, {QStringLiteral("target"), target}};
    QNetworkReply *reply = network->post(request, QJsonDocument(fault).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [reply, kind, target] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 201)
            qCInfo(lcApi).noquote() << "simulator fault set:" << kind << target;
        else
            qCWarning(lcApi).noquote() << "the simulator refused the fault" << kind << target << "with"
                                       << status << reply->readAll().left(300);
    });
}

void LocalSimulator::applyToJoin(QNetworkAccessManager *network, const QString &parentId,
                                 const QByteArray &requestJson)
{
    if (!m_baseUrl.isValid())
        return;
    QUrl url = m_baseUrl;
    url.setPath(url.path() + QStringLiteral("/n/%1/api/v1/registry").arg(parentId));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_devToken.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network->post(request, requestJson);
    connect(reply, &QNetworkReply::finished, this, [reply, parentId] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 201)
            qCWarning(lcApi).noquote() << "the simulator refused an application under" << parentId << "with"
                                       << status << reply->readAll().left(300);
    });
}

bool LocalSimulator::waitForStarted(int timeoutMs)
{
    if (m_baseUrl.isValid())
        return true;
    if (!m_error.isEmpty())
        return false;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    connect(this, &LocalSimulator::started, &loop, &QEventLoop::quit);
    connect(this, &LocalSimulator::failed, &loop, &QEventLoop::quit);
    loop.exec();
    if (!m_baseUrl.isValid() && m_error.isEmpty())
        fail(tr("the simulator did not start within %1 s").arg(timeoutMs / 1000));
    return m_baseUrl.isValid();
}

void LocalSimulator::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
    m_baseUrl.clear();
}

void LocalSimulator::fail(const QString &reason)
{
    m_error = reason;
    qCWarning(lcApi) << "simulator:" << reason;
    Q_EMIT failed(reason);
}

} // namespace cpn::api
