#include "charts/chartspec.h"

#include <QStringList>

namespace cpn::charts {
namespace {
const QStringList &kindNames()
{
    static const QStringList names{QStringLiteral("node"), QStringLiteral("link-throughput"),
                                   QStringLiteral("link-quality"), QStringLiteral("region")};
    return names;
}
} // namespace

QString ChartSpec::toString() const
{
    return kindNames().at(int(kind)) + u':' + entity;
}

std::optional<ChartSpec> ChartSpec::fromString(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return std::nullopt;
    const qsizetype kind = kindNames().indexOf(text.left(colon));
    if (kind < 0)
        return std::nullopt;
    const QString entity = text.mid(colon + 1);
    if (entity.isEmpty() && kind != int(Kind::Region))
        return std::nullopt;
    return ChartSpec{Kind(kind), entity};
}

} // namespace cpn::charts
