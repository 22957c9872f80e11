#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

namespace cpn::server {
class ProtocolBackend;
}

namespace cpn::sim {

class Scenario;

// cpn-nodesim --member PARENT=URL: a node served by another server (another cpn-nodesim, a
// cpn-gateway) joins this federation's directory under PARENT. Its GET /api/v1/node is asked with
// --member-token until it answers, then the registry admits it; afterwards it is asked every
// kPollMs, and the status it reports (offline when it does not answer) is what the directory says.
class MemberWatch : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPollMs = 10000;
    static constexpr int kTimeoutMs = 8000;
    static constexpr qint64 kMaxAnswerBytes = 256 * 1024;

    MemberWatch(server::ProtocolBackend &backend, const Scenario &scenario, const QString &token,
                QObject *parent = nullptr);

    // "guizhou-hub=http://127.0.0.1:8081/n/guian"; false and *error for a malformed spec or a
    // parent that cannot take members.
    bool add(const QString &spec, QString *error);
    void start();

private:
    struct Member
    {
        QString parentId;
        QUrl baseUrl;
        QString nodeId; // once admitted
        bool answering = false;
        bool warned = false; // a member that never answered is reported once
    };
    void poll();
    void ask(int index);
    void answered(int index, const QByteArray &body);
    void failed(int index, const QString &why);

    server::ProtocolBackend &m_backend; // its registry, asked once the base URLs are known
    const Scenario &m_scenario;
    QString m_token;
    QList<Member> m_members;
    QNetworkAccessManager m_nam;
    QTimer m_timer;
};

} // namespace cpn::sim
