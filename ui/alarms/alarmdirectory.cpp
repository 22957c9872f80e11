#include "ui/alarms/alarmdirectory.h"

#include "domain/provinces.h"
#include "state/federationstate.h"

#include <QCoreApplication>
#include <QSet>

namespace cpn {

QString AlarmDirectory::nodeName(const QString &nodeId) const
{
    const Node *node = m_state->node(nodeId);
    return node ? bilingual(node->name, node->nameZh) : nodeId;
}

QString AlarmDirectory::sourceName(const AlarmSource &source) const
{
    if (source.kind != AlarmSource::Kind::Link)
        return nodeName(source.id);
    const Link *link = m_state->link(source.id);
    if (!link)
        return source.id;
    return QCoreApplication::translate("cpn::AlarmDirectory", "%1 – %2")
        .arg(nodeName(link->a), nodeName(link->b));
}

bool AlarmDirectory::inProvince(const AlarmSource &source, const QString &province) const
{
    const auto provinceOf = [this](const QString &nodeId) {
        const Node *node = m_state->node(nodeId);
        return node ? node->province : QString();
    };
    if (source.kind != AlarmSource::Kind::Link)
        return provinceOf(source.id) == province;
    const Link *link = m_state->link(source.id);
    return link && (provinceOf(link->a) == province || provinceOf(link->b) == province);
}

bool AlarmDirectory::nodeUnder(const QString &nodeId, const QString &rootId) const
{
    QString id = nodeId;
    for (int depth = 0; depth < 64 && !id.isEmpty(); ++depth) { // bounded: a broken directory may loop
        if (id == rootId)
            return true;
        const Node *node = m_state->node(id);
        if (!node)
            return false;
        id = node->parentId;
    }
    return false;
}

bool AlarmDirectory::inSubtree(const AlarmSource &source, const QString &rootId) const
{
    if (source.kind != AlarmSource::Kind::Link)
        return nodeUnder(source.id, rootId);
    const Link *link = m_state->link(source.id);
    return link && (nodeUnder(link->a, rootId) || nodeUnder(link->b, rootId));
}

bool AlarmDirectory::silenceCovers(const AlarmSource &target, const AlarmSource &source) const
{
    switch (target.kind) {
    case AlarmSource::Kind::Link:
        return source.kind == AlarmSource::Kind::Link && source.id == target.id;
    case AlarmSource::Kind::Node:
    case AlarmSource::Kind::Endpoint:
        if (source.kind != AlarmSource::Kind::Link)
            return source.id == target.id;
        if (const Link *link = m_state->link(source.id))
            return link->a == target.id || link->b == target.id;
        return false;
    case AlarmSource::Kind::Subtree:
        return inSubtree(source, target.id);
    }
    return false;
}

QList<QPair<QString, QString>> AlarmDirectory::subtreeRoots() const
{
    QSet<QString> parents;
    for (const Node &node : m_state->nodes())
        parents.insert(node.parentId);
    QList<QPair<QString, QString>> roots;
    for (const Node &node : m_state->nodes()) {
        if (parents.contains(node.id))
            roots.append({node.id, bilingual(node.name, node.nameZh)});
    }
    return roots;
}

QString AlarmDirectory::nodeToShow(const AlarmSource &source) const
{
    if (source.kind != AlarmSource::Kind::Link)
        return source.id;
    const Link *link = m_state->link(source.id);
    return link ? link->a : QString();
}

alarms::SourceNamer AlarmDirectory::namer() const
{
    return [this](const AlarmSource &source) { return sourceName(source); };
}

alarms::AlarmFilterProxyModel::RegionMatcher AlarmDirectory::regionMatcher() const
{
    return
        [this](const AlarmSource &source, const QString &province) { return inProvince(source, province); };
}

alarms::AlarmFilterProxyModel::SubtreeMatcher AlarmDirectory::subtreeMatcher() const
{
    return [this](const AlarmSource &source, const QString &rootId) { return inSubtree(source, rootId); };
}

} // namespace cpn
