#include "alarms/alarmtext.h"

#include <QCoreApplication>
#include <QDateTime>

namespace cpn::alarms {
QString severityName(Alarm::Severity severity)
{
    switch (severity) {
    case Alarm::Severity::Critical:
        return QCoreApplication::translate("cpn::alarms", "Critical");
    case Alarm::Severity::Major:
        return QCoreApplication::translate("cpn::alarms", "Major");
    case Alarm::Severity::Minor:
        return QCoreApplication::translate("cpn::alarms", "Minor");
    case Alarm::Severity::Warning:
        return QCoreApplication::translate("cpn::alarms", "Warning");
    case Alarm::Severity::Info:
        return QCoreApplication::translate("cpn::alarms", "Info");
    }
    return {};
}

QString kindName(Alarm::Kind kind)
{
    switch (kind) {
    case Alarm::Kind::NodeDown:
        return QCoreApplication::translate("cpn::alarms", "Node down");
    case Alarm::Kind::LinkDown:
        return QCoreApplication::translate("cpn::alarms", "Link down");
    case Alarm::Kind::LinkCongested:
        return QCoreApplication::translate("cpn::alarms", "Link congested");
    case Alarm::Kind::LatencyAboveTarget:
        return QCoreApplication::translate("cpn::alarms", "Latency above target");
    case Alarm::Kind::UtilizationHigh:
        return QCoreApplication::translate("cpn::alarms", "High utilization");
    case Alarm::Kind::EndpointSlow:
        return QCoreApplication::translate("cpn::alarms", "Slow endpoint");
    case Alarm::Kind::SiteAlert:
        return QCoreApplication::translate("cpn::alarms", "Site alert");
    }
    return {};
}

QString sourceKindName(AlarmSource::Kind kind)
{
    switch (kind) {
    case AlarmSource::Kind::Node:
        return QCoreApplication::translate("cpn::alarms", "Node");
    case AlarmSource::Kind::Link:
        return QCoreApplication::translate("cpn::alarms", "Link");
    case AlarmSource::Kind::Endpoint:
        return QCoreApplication::translate("cpn::alarms", "Endpoint");
    case AlarmSource::Kind::Subtree:
        return QCoreApplication::translate("cpn::alarms", "Subtree");
    }
    return {};
}

QString describeAlarm(const Alarm &alarm, const QString &sourceName)
{
    QString text = QCoreApplication::translate("cpn::alarms", "%1: %2").arg(kindName(alarm.kind), sourceName);
    // A site's own alerts have no kind of their own: the site's summary says what happened.
    if (alarm.kind == Alarm::Kind::SiteAlert && !alarm.summary.isEmpty())
        text = QCoreApplication::translate("cpn::alarms", "%1 (%2)").arg(text, alarm.summary);
    const qsizetype others = alarm.affected.size();
    if (others <= 1)
        return text;
    return QCoreApplication::translate("cpn::alarms", "%1, %n nodes affected", nullptr, int(others))
        .arg(text);
}

QString describeEvent(const AlarmEvent &event)
{
    switch (event.kind) {
    case AlarmEvent::Kind::Raised:
        return QCoreApplication::translate("cpn::alarms", "Raised");
    case AlarmEvent::Kind::Acknowledged: {
        QString text =
            QCoreApplication::translate("cpn::alarms", "Acknowledged by %1: %2").arg(event.by, event.text);
        if (event.untilMs > 0)
            text =
                QCoreApplication::translate("cpn::alarms", "%1 (until %2)")
                    .arg(text, QDateTime::fromMSecsSinceEpoch(event.untilMs).toString(u"yyyy-MM-dd HH:mm"));
        return text;
    }
    case AlarmEvent::Kind::Unacknowledged:
        return QCoreApplication::translate("cpn::alarms", "Acknowledgement withdrawn");
    case AlarmEvent::Kind::AckExpired:
        return QCoreApplication::translate("cpn::alarms", "Acknowledgement expired");
    case AlarmEvent::Kind::Commented:
        return QCoreApplication::translate("cpn::alarms", "Comment by %1: %2").arg(event.by, event.text);
    case AlarmEvent::Kind::Silenced:
        return QCoreApplication::translate("cpn::alarms", "Silenced by a maintenance window");
    case AlarmEvent::Kind::Unsilenced:
        return QCoreApplication::translate("cpn::alarms", "Maintenance window ended");
    case AlarmEvent::Kind::Cleared:
        return QCoreApplication::translate("cpn::alarms", "Cleared");
    }
    return {};
}

QString durationText(qint64 ms)
{
    const qint64 s = std::max<qint64>(ms, 0) / 1000;
    if (s < 60)
        return QCoreApplication::translate("cpn::alarms", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("cpn::alarms", "%1 min").arg(s / 60);
    if (s < 86400)
        return QCoreApplication::translate("cpn::alarms", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return QCoreApplication::translate("cpn::alarms", "%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

} // namespace cpn::alarms
