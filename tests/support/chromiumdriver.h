#pragma once

// Headless Chromium as the user of an OAuth sign-in test: it opens the authorization URL the console
// hands to its browser opener, and the test then fills in and submits the login form through the
// DevTools protocol (Runtime.evaluate over the page target's WebSocket), as a person would type.
// Test support only: waits with nested event loops (QTest::qWaitFor).

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

class ChromiumDriver
{
public:
    static QString program()
    {
        const QString path = QStringLiteral("/usr/bin/chromium");
        return QFile::exists(path) ? path : QString();
    }

    ChromiumDriver() = default;
    ChromiumDriver(const ChromiumDriver &) = delete;
    ChromiumDriver &operator=(const ChromiumDriver &) = delete;
    ~ChromiumDriver() { stop(); }

    // As a browser opener: starts Chromium at `url` and returns at once.
    bool launch(const QUrl &url)
    {
        stop();
        m_profile = std::make_unique<QTemporaryDir>();
        m_stderr.clear();
        m_devToolsPort = 0;
        ++m_launches;
        m_lastUrl = url;
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(), [this] {
            m_stderr += m_process->readAllStandardError();
            static const QRegularExpression listening(QStringLiteral("DevTools listening on ws://[^:]+:(\\d+)/"));
            const auto match = listening.match(QString::fromUtf8(m_stderr));
            if (match.hasMatch())
                m_devToolsPort = match.captured(1).toInt();
        });
        m_process->start(program(), {QStringLiteral("--headless=new"), QStringLiteral("--no-sandbox"),
                                     QStringLiteral("--disable-gpu"), QStringLiteral("--no-first-run"),
                                     QStringLiteral("--disable-background-networking"),
                                     QStringLiteral("--disable-dev-shm-usage"),
                                     QStringLiteral("--user-data-dir=") + m_profile->path(),
                                     QStringLiteral("--remote-debugging-port=0"), url.toString(QUrl::FullyEncoded)});
        return m_process->waitForStarted(10000);
    }

    int launches() const { return m_launches; }
    QUrl lastUrl() const { return m_lastUrl; }
    QString error() const { return m_error; }

    // Waits for the login form on the page, fills in user and password and submits it.
    bool logIn(const QString &user, const QString &password, int timeoutMs = 30000)
    {
        if (!attach(timeoutMs))
            return false;
        const QString script = QStringLiteral(
                                   "(function(){const u=document.querySelector('input[name=username]');"
                                   "const p=document.querySelector('input[name=password]');"
                                   "if(!u||!p||!u.form) return 'waiting';"
                                   "u.value=%1; p.value=%2; u.form.submit(); return 'submitted';})()")
                                   .arg(jsString(user), jsString(password));
        QString answer;
        const bool submitted = QTest::qWaitFor(
            [&] {
                answer = evaluate(script, 5000).toString();
                if (answer != u"submitted")
                    QTest::qWait(200);
                return answer == u"submitted";
            },
            timeoutMs);
        if (!submitted)
            m_error = QStringLiteral("the login form did not appear (%1)").arg(answer);
        return submitted;
    }

    // The text of the page now shown (e.g. the console's "you can close this page" after the redirect).
    QString pageText(int timeoutMs = 5000) { return evaluate(QStringLiteral("document.body ? document.body.innerText : ''"), timeoutMs).toString(); }

    void stop()
    {
        if (m_socket) {
            m_socket->abort();
            m_socket.reset();
        }
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(5000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        m_process.reset();
        m_profile.reset();
    }

private:
    static QString jsString(const QString &s)
    {
        return QString::fromUtf8(QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    }

    bool attach(int timeoutMs)
    {
        if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
            return true;
        if (!QTest::qWaitFor([&] { return m_devToolsPort > 0; }, timeoutMs)) {
            m_error = QStringLiteral("Chromium did not announce its DevTools port: ") + QString::fromUtf8(m_stderr.right(2000));
            return false;
        }
        // The page target's WebSocket, from the DevTools HTTP endpoint.
        QString pageSocket;
        QNetworkAccessManager nam;
        const bool found = QTest::qWaitFor(
            [&] {
                QNetworkReply *reply =
                    nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/json/list").arg(m_devToolsPort))));
                if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 5000))
                    reply->abort(); // asked again below
                const QJsonArray targets = QJsonDocument::fromJson(reply->readAll()).array();
                reply->deleteLater();
                for (const QJsonValue &t : targets) {
                    if (t.toObject().value(QStringLiteral("type")).toString() == u"page") {
                        pageSocket = t.toObject().value(QStringLiteral("webSocketDebuggerUrl")).toString();
                        break;
                    }
                }
                if (pageSocket.isEmpty())
                    QTest::qWait(200);
                return !pageSocket.isEmpty();
            },
            timeoutMs);
        if (!found) {
            m_error = QStringLiteral("no page target in Chromium");
            return false;
        }
        m_socket = std::make_unique<QWebSocket>();
        QObject::connect(m_socket.get(), &QWebSocket::textMessageReceived, m_socket.get(),
                         [this](const QString &message) {
                             const QJsonObject o = QJsonDocument::fromJson(message.toUtf8()).object();
                             if (o.contains(QStringLiteral("id")))
                                 m_answers.insert(o.value(QStringLiteral("id")).toInt(), o);
                         });
        m_socket->open(QUrl(pageSocket));
        if (!QTest::qWaitFor([&] { return m_socket->state() == QAbstractSocket::ConnectedState; }, timeoutMs)) {
            m_error = QStringLiteral("could not attach to the page: ") + m_socket->errorString();
            return false;
        }
        return true;
    }

    QVariant evaluate(const QString &expression, int timeoutMs)
    {
        if (!m_socket)
            return {};
        const int id = ++m_nextId;
        const QJsonObject command{{QStringLiteral("id"), id},
                                  {QStringLiteral("method"), QStringLiteral("Runtime.evaluate")},
                                  {QStringLiteral("params"), QJsonObject{{QStringLiteral("expression"), expression},
                                                                         {QStringLiteral("returnByValue"), true}}}};
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(command).toJson(QJsonDocument::Compact)));
        if (!QTest::qWaitFor([&] { return m_answers.contains(id); }, timeoutMs))
            return {};
        const QJsonObject answer = m_answers.take(id);
        return answer.value(QStringLiteral("result")).toObject().value(QStringLiteral("result")).toObject()
            .value(QStringLiteral("value")).toVariant();
    }

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<QWebSocket> m_socket;
    QByteArray m_stderr;
    int m_devToolsPort = 0;
    int m_nextId = 0;
    int m_launches = 0;
    QUrl m_lastUrl;
    QHash<int, QJsonObject> m_answers;
    QString m_error;
};
