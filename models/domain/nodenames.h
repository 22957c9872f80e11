#pragma once

#include "domain/node.h"

#include <QHash>
#include <QList>
#include <QString>

namespace cpn {

// The node's name in the user's language: the Chinese one where the interface is Chinese and the node
// has one, else the English one; the id when the node has no name.
QString localizedName(const Node &node);
// Its city the same way: the Chinese name under a Chinese interface where the node gives one.
QString localizedCity(const Node &node);
// Which node exactly, for a tooltip beside its name: its id and compute identifier.
QString identityText(const Node &node);

// What people read where the protocol says a node id: names from one directory, looked up by id. A node
// the directory does not hold keeps its id. Cheap to copy (implicitly shared).
class NodeNames
{
public:
    NodeNames() = default;
    explicit NodeNames(const QList<Node> &directory);

    QString name(const QString &nodeId) const;    // the id when unknown
    QString tooltip(const QString &nodeId) const; // empty when unknown
    bool contains(const QString &nodeId) const { return m_entries.contains(nodeId); }

private:
    struct Entry
    {
        QString name;
        QString tooltip;
    };
    QHash<QString, Entry> m_entries;
};

} // namespace cpn
