#pragma once

#include "domain/link.h"
#include "domain/node.h"

#include <QHash>
#include <QList>
#include <QUrl>

namespace cpn::sim {

// A simulated federation: its nodes, the links between them and the scope each node answers for.
// Built once by ScenarioBuilder; only base URLs change afterwards (they depend on the port).
class Scenario
{
public:
    Scenario() = default;
    Scenario(QList<Node> nodes, QList<Link> links);

    const QList<Node> &nodes() const { return m_nodes; }
    const QList<Link> &links() const { return m_links; }
    const Node *node(const QString &id) const;
    const Link *link(const QString &id) const;
    int nodeIndex(const QString &id) const { return m_nodeIndex.value(id, -1); }
    int linkIndex(const QString &id) const { return m_linkIndex.value(id, -1); }
    const Node &national() const { return m_nodes.first(); }

    // docs/node-api.md: the national node lists every node, a hub itself and the nodes below it,
    // a cluster or industry node only itself. Indices into nodes() / links(), in scenario order.
    QList<int> directory(const QString &nodeId) const;
    QList<int> linksAmong(const QString &nodeId) const;
    bool inDirectory(const QString &scopeNodeId, const QString &nodeId) const;

    // The national node at `root`, every other node at `root`/n/<id>.
    void setRootUrl(const QUrl &root);
    QUrl rootUrl() const { return m_rootUrl; }

private:
    QList<Node> m_nodes; // the national node first
    QList<Link> m_links;
    QHash<QString, int> m_nodeIndex;
    QHash<QString, int> m_linkIndex;
    QHash<QString, QList<int>> m_children; // parent id -> child indices
    QUrl m_rootUrl;
};

} // namespace cpn::sim
