#include "alarmfixtures.h"
#include "alarms/openproblems.h"

#include <QTest>

using namespace cpn;
using namespace cpn::alarms;
using namespace Qt::StringLiterals;

// The wall's order of open problems: unacknowledged first, then the most severe, then the oldest;
// cleared and silenced alarms are not open problems.
class tst_OpenProblems : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void biggestFirst();
};

void tst_OpenProblems::biggestFirst()
{
    const auto make = [](const QString &id, Alarm::Severity severity, qint64 raisedAtMs) {
        Alarm a = makeAlarm(id, Alarm::Kind::NodeDown, severity, AlarmSource::Kind::Node, u"guian"_s);
        a.raisedAtMs = raisedAtMs;
        return StoredAlarm{u"http://127.0.0.1:1"_s, a, {}};
    };
    StoredAlarm acknowledgedCritical = make(u"ack-critical"_s, Alarm::Severity::Critical, 100);
    acknowledgedCritical.alarm.ack = AlarmAck{u"operator"_s, 200, u"on it"_s, 0};
    StoredAlarm cleared = make(u"cleared"_s, Alarm::Severity::Critical, 100);
    cleared.alarm.state = Alarm::State::Cleared;
    cleared.alarm.clearedAtMs = 300;
    StoredAlarm silenced = make(u"silenced"_s, Alarm::Severity::Critical, 100);
    silenced.alarm.silenced = true;
    const QList<StoredAlarm> all{make(u"minor"_s, Alarm::Severity::Minor, 50),        acknowledgedCritical,
                                 make(u"major-new"_s, Alarm::Severity::Major, 500),   cleared,
                                 make(u"critical"_s, Alarm::Severity::Critical, 400), silenced,
                                 make(u"major-old"_s, Alarm::Severity::Major, 20)};
    QStringList order;
    for (const StoredAlarm &s : openProblems(all))
        order.append(s.alarm.id);
    QCOMPARE(order,
             (QStringList{u"critical"_s, u"major-old"_s, u"major-new"_s, u"minor"_s, u"ack-critical"_s}));
}

QTEST_MAIN(tst_OpenProblems)
#include "tst_openproblems.moc"
