#include "memberwatch.h"

#include "protocolbackend.h"
#include "registry.h"
#include "scenario.h"

#include "domain/logging.h"
#include "domain/protocoljson.h"
#include "domain/registration.h"

#include <QNetworkReply>

namespace cpn::sim {

MemberWatch::MemberWatch(server::ProtocolBackend &backend, const Scenario &scenario, const QString &token,
                         QObject *parent)
    : QObject(parent), m_backend(backend), m_scenario(scenario), m_token(token)
{
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &MemberWatch::poll);
}

bool MemberWatch::add(const QString &spec, QString *error)
{
    const qsizetype equals = spec.indexOf(u'=');
    const QString parentId = spec.left(equals);
    const QUrl url(spec.mid(equals + 1), QUrl::StrictMode);
    if (equals <= 0 || !url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()) {
        *error = QStringLiteral("--member '%1': expected PARENT=URL, e.g. guizhou-hub=http://127.0.0.1:8081/n/guian")
                     .arg(spec);
        return false;
    }
    const Node *parent = m_scenario.node(parentId);
    if (!parent || (parent->role != NodeRole::National && parent->role != NodeRole::Hub)) {
        *error = QStringLiteral("--member '%1': '%2' is not the national node or a hub of this federation")
                     .arg(spec, parentId);
        return false;
    }
    m_members.append({parentId, url.adjusted(QUrl::StripTrailingSlash), {}, false});
    return true;
}

void MemberWatch::start()
{
    if (m_members.isEmpty())
        return;
    poll();
    m_timer.start();
}

void MemberWatch::poll()
{
    for (int i = 0; i < m_members.size(); ++i)
        ask(i);
}

void MemberWatch::ask(int index)
{
    QUrl url = m_members[index].baseUrl;
    url.setPath(url.path() + QStringLiteral("/api/v1/node"));
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    QNetworkReply *reply = m_nam.get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxAnswerBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, index] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200)
            failed(index, status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString());
        else
            answered(index, reply->readAll());
    });
}

void MemberWatch::answered(int index, const QByteArray &body)
{
    Member &m = m_members[index];
    const auto parsed = protocol::parseNode(body);
    if (!parsed.ok()) {
        failed(index, QStringLiteral("its node answer is malformed: %1").arg(parsed.error()));
        return;
    }
    Node node = parsed.value();
    if (m.nodeId.isEmpty()) {
        if (!mayJoinUnder(node.role, m_scenario.node(m.parentId)->role)) {
            failed(index, QStringLiteral("a node of role %1 cannot join under '%2'").arg(toWire(node.role), m.parentId));
            return;
        }
        node.baseUrl = m.baseUrl; // where this federation reaches it
        const auto result = m_backend.registry()->admit(m.parentId, node, QStringLiteral("command line (--member)"));
        if (result.status != 201) {
            failed(index, result.detail);
            return;
        }
        m.nodeId = node.id;
    }
    if (!m.answering)
        qCInfo(lcSim).noquote() << "member" << m.nodeId << "at" << m.baseUrl.toString() << "answers";
    m.answering = true;
    m_backend.registry()->setReportedStatus(m.nodeId, node.status);
}

void MemberWatch::failed(int index, const QString &why)
{
    Member &m = m_members[index];
    if (m.answering || !m.warned)
        qCWarning(lcSim).noquote() << "member at" << m.baseUrl.toString() << "does not answer:" << why;
    m.answering = false;
    m.warned = true;
    if (!m.nodeId.isEmpty())
        m_backend.registry()->setReportedStatus(m.nodeId, NodeStatus::Offline);
}

} // namespace cpn::sim
