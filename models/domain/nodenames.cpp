#include "domain/nodenames.h"

#include "domain/provinces.h"

#include <QCoreApplication>

namespace cpn {

QString localizedName(const Node &node)
{
    if (chineseNamesFirst() && !node.nameZh.isEmpty())
        return node.nameZh;
    return node.name.isEmpty() ? node.id : node.name;
}

QString localizedCity(const Node &node)
{
    return chineseNamesFirst() && !node.cityZh.isEmpty() ? node.cityZh : node.city;
}

QString identityText(const Node &node)
{
    return node.computeId.isEmpty()
               ? QCoreApplication::translate("cpn::NodeNames", "Node id %1").arg(node.id)
               : QCoreApplication::translate("cpn::NodeNames", "Node id %1, compute identifier %2")
                     .arg(node.id, node.computeId);
}

NodeNames::NodeNames(const QList<Node> &directory)
{
    m_entries.reserve(directory.size());
    for (const Node &node : directory)
        m_entries.insert(node.id, {localizedName(node), identityText(node)});
}

QString NodeNames::name(const QString &nodeId) const
{
    const auto it = m_entries.constFind(nodeId);
    return it == m_entries.cend() ? nodeId : it->name;
}

QString NodeNames::tooltip(const QString &nodeId) const
{
    const auto it = m_entries.constFind(nodeId);
    return it == m_entries.cend() ? QString() : it->tooltip;
}

} // namespace cpn
