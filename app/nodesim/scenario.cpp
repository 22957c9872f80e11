#include "scenario.h"

#include <QSet>

namespace cpn::sim {

Scenario::Scenario(QList<Node> nodes, QList<Link> links) : m_nodes(std::move(nodes)), m_links(std::move(links))
{
    Q_ASSERT(!m_nodes.isEmpty() && m_nodes.first().tier == NodeTier::National);
    for (int i = 0; i < m_nodes.size(); ++i) {
        m_nodeIndex.insert(m_nodes[i].id, i);
        if (!m_nodes[i].parentId.isEmpty())
            m_children[m_nodes[i].parentId].append(i);
    }
    for (int i = 0; i < m_links.size(); ++i)
        m_linkIndex.insert(m_links[i].id, i);
}

const Node *Scenario::node(const QString &id) const
{
    const int i = nodeIndex(id);
    return i < 0 ? nullptr : &m_nodes[i];
}

const Link *Scenario::link(const QString &id) const
{
    const int i = linkIndex(id);
    return i < 0 ? nullptr : &m_links[i];
}

QList<int> Scenario::directory(const QString &nodeId) const
{
    const int self = nodeIndex(nodeId);
    if (self < 0)
        return {};
    const Node &n = m_nodes[self];
    if (n.role == NodeRole::National) {
        QList<int> all(m_nodes.size());
        for (int i = 0; i < all.size(); ++i)
            all[i] = i;
        return all;
    }
    QList<int> result{self};
    if (n.role == NodeRole::Hub)
        result += m_children.value(nodeId);
    return result;
}

QList<int> Scenario::linksAmong(const QString &nodeId) const
{
    const Node *n = node(nodeId);
    if (!n)
        return {};
    QList<int> result;
    if (n->role == NodeRole::National) {
        result.resize(m_links.size());
        for (int i = 0; i < result.size(); ++i)
            result[i] = i;
        return result;
    }
    if (n->role != NodeRole::Hub)
        return result;
    for (int i = 0; i < m_links.size(); ++i) {
        if (inDirectory(nodeId, m_links[i].a) && inDirectory(nodeId, m_links[i].b))
            result.append(i);
    }
    return result;
}

bool Scenario::inDirectory(const QString &scopeNodeId, const QString &nodeId) const
{
    const Node *scope = node(scopeNodeId);
    const Node *n = node(nodeId);
    if (!scope || !n)
        return false;
    switch (scope->role) {
    case NodeRole::National:
        return true;
    case NodeRole::Hub:
        return n->id == scope->id || n->parentId == scope->id;
    case NodeRole::Cluster:
    case NodeRole::Industry:
        return n->id == scope->id;
    }
    return false;
}

void Scenario::setRootUrl(const QUrl &root)
{
    m_rootUrl = root;
    const QString base = root.toString(QUrl::StripTrailingSlash);
    for (auto &n : m_nodes) {
        n.baseUrl = n.role == NodeRole::National ? QUrl(base)
                                                 : QUrl(base + QStringLiteral("/n/") + n.id);
    }
}

} // namespace cpn::sim
