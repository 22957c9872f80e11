#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace cpn::api {

// Runs cpn-nodesim as a child process on an ephemeral loopback port and reports the national
// node's base URL once the simulator prints its "listening on" line. Used by `cpn-console --demo`
// and by the integration tests, which talk to it only through the node protocol.
class LocalSimulator : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString program; // empty: defaultProgram()
        QString scenario = QStringLiteral("default");
        quint64 seed = 42;
        QString devToken;
        QStringList extraArguments;
    };

    explicit LocalSimulator(QObject *parent = nullptr);
    ~LocalSimulator() override;

    void start(const Options &options);
    // Runs an event loop until started() or failed(); for tests and the command line.
    bool waitForStarted(int timeoutMs = 15000);
    void stop();

    bool isRunning() const { return m_baseUrl.isValid(); }
    QUrl baseUrl() const { return m_baseUrl; }
    QString errorString() const { return m_error; }

    // Sets a fault through the running simulator's control API with the development token it was
    // started with (docs/node-api.md, the simulator's section), e.g. kind "node-down" on a node id.
    // Asynchronous: a refusal is logged, not returned.
    void addFault(QNetworkAccessManager *network, const QString &kind, const QString &target);
    // Files an application to join under `parentId` (docs/node-api.md, "Identifier registration") with
    // the dev token, as a node would: the demo's pending applications.
    void applyToJoin(QNetworkAccessManager *network, const QString &parentId, const QByteArray &requestJson);

    // $CPN_NODESIM, else cpn-nodesim beside the running executable, else on PATH.
    static QString defaultProgram();

Q_SIGNALS:
    void started(const QUrl &baseUrl);
    void failed(const QString &reason);
    void finished(int exitCode);

private:
    void readStandardOutput();
    void fail(const QString &reason);

    QProcess m_process;
    QByteArray m_pendingOutput;
    QUrl m_baseUrl;
    QString m_devToken;
    QString m_error;
};

} // namespace cpn::api
