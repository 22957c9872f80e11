#include "charts/alarmperiods.h"

#include "domain/metricnames.h"

#include <QHash>

#include <algorithm>

namespace cpn::charts {
namespace {

bool isSerious(Alarm::Severity severity)
{
    return severity == Alarm::Severity::Critical || severity == Alarm::Severity::Major;
}

bool aboutNode(const Alarm &alarm, const QString &nodeId)
{
    return (alarm.source.kind != AlarmSource::Kind::Link && alarm.source.id == nodeId) ||
           alarm.affected.contains(nodeId);
}

bool inProvince(const Alarm &alarm, const QString &province, const NodeProvince &nodeProvince)
{
    if (!nodeProvince)
        return false;
    if (alarm.source.kind != AlarmSource::Kind::Link && nodeProvince(alarm.source.id) == province)
        return true;
    return std::any_of(alarm.affected.cbegin(), alarm.affected.cend(),
                       [&](const QString &nodeId) { return nodeProvince(nodeId) == province; });
}

} // namespace

bool chartMarks(const ChartSpec &spec, const Alarm &alarm, const NodeProvince &nodeProvince)
{
    switch (spec.kind) {
    case ChartSpec::Kind::NodeUtilization:
        return aboutNode(alarm, spec.entity);
    case ChartSpec::Kind::LinkThroughput:
    case ChartSpec::Kind::LinkQuality:
        return alarm.source.kind == AlarmSource::Kind::Link && alarm.source.id == spec.entity;
    case ChartSpec::Kind::Region:
        if (!isSerious(alarm.severity))
            return false;
        // A subtree's chart: the serious alarms about its root or affecting it (a cut below it affects it).
        if (const QString root = metrics::subtreeRootOf(spec.entity); !root.isEmpty())
            return aboutNode(alarm, root);
        return spec.entity.isEmpty() || inProvince(alarm, spec.entity, nodeProvince);
    }
    return false;
}

QList<AlarmPeriod> periodsToMark(const ChartSpec &spec, const QList<ChartAlarm> &history,
                                 const QList<ChartAlarm> &live, const NodeProvince &nodeProvince)
{
    QList<AlarmPeriod> periods;
    QHash<QPair<QString, QString>, qsizetype> byKey;
    const auto add = [&](const ChartAlarm &a) {
        if (!chartMarks(spec, a.alarm, nodeProvince))
            return;
        const AlarmPeriod period{a.origin, a.alarm.id, a.alarm.severity, a.alarm.raisedAtMs,
                                 a.alarm.state == Alarm::State::Cleared ? a.alarm.clearedAtMs : 0};
        const QPair<QString, QString> key{a.origin, a.alarm.id};
        if (const auto it = byKey.constFind(key); it != byKey.constEnd()) {
            periods[*it] = period;
            return;
        }
        byKey.insert(key, periods.size());
        periods.append(period);
    };
    for (const ChartAlarm &a : history)
        add(a);
    for (const ChartAlarm &a : live)
        add(a);
    // The enum lists the most severe first: those go last, on top.
    std::stable_sort(periods.begin(), periods.end(), [](const AlarmPeriod &x, const AlarmPeriod &y) {
        return int(x.severity) > int(y.severity);
    });
    return periods;
}

} // namespace cpn::charts
