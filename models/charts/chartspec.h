#pragma once

#include <QString>

#include <optional>

namespace cpn::charts {

// What a pinned chart shows; saved with the dashboard as "<kind>:<entity>".
struct ChartSpec
{
    enum class Kind { NodeUtilization, LinkThroughput, LinkQuality, Region };
    Kind kind = Kind::NodeUtilization;
    QString entity; // node id, link id, or province ISO code ("" = national)

    QString toString() const;
    static std::optional<ChartSpec> fromString(const QString &text);
    friend bool operator==(const ChartSpec &, const ChartSpec &) = default;
};

} // namespace cpn::charts
