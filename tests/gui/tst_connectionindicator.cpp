#include "domain/clock.h"
#include "widgets/connectionindicator.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QTest>

using namespace cpn;
using namespace Qt::StringLiterals;

class tst_ConnectionIndicator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void texts_data();
    void texts();
    void ageFollowsClock();
    void tooltip();
};

static constexpr qint64 kT0 = 1764064800000;

void tst_ConnectionIndicator::texts_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<qint64>("lastDataMs");
    QTest::addColumn<QString>("expected");
    const QString since = QDateTime::fromMSecsSinceEpoch(kT0 - 9000).toString(u"HH:mm:ss"_s);
    QTest::newRow("connecting") << int(ConnectionIndicator::State::Connecting) << qint64(0)
                                << u"National \u00b7 connecting"_s;
    QTest::newRow("online") << int(ConnectionIndicator::State::Online) << kT0 - 3000
                            << u"National \u00b7 online \u00b7 data 3 s old"_s;
    QTest::newRow("stale") << int(ConnectionIndicator::State::Stale) << kT0 - 9000
                           << u"National \u00b7 stale \u00b7 stale since "_s + since;
    QTest::newRow("offline, never") << int(ConnectionIndicator::State::Offline) << qint64(0)
                                    << u"National \u00b7 offline \u00b7 no data yet"_s;
}

void tst_ConnectionIndicator::texts()
{
    QFETCH(int, state);
    QFETCH(qint64, lastDataMs);
    QFETCH(QString, expected);
    ManualClock clock(kT0);
    ConnectionIndicator indicator(clock, u"National"_s);
    indicator.setStatus(ConnectionIndicator::State(state), lastDataMs);
    QCOMPARE(indicator.text(), expected);
    QVERIFY(indicator.sizeHint().width() > indicator.fontMetrics().horizontalAdvance(expected));
}

void tst_ConnectionIndicator::ageFollowsClock()
{
    ManualClock clock(kT0);
    ConnectionIndicator indicator(clock, u"Hub"_s);
    indicator.setStatus(ConnectionIndicator::State::Online, kT0);
    QVERIFY(indicator.text().endsWith(u"data 0 s old"_s));
    clock.advance(4200);
    indicator.refresh();
    QVERIFY(indicator.text().endsWith(u"data 4 s old"_s));
}

void tst_ConnectionIndicator::tooltip()
{
    ManualClock clock(kT0);
    ConnectionIndicator indicator(clock, u"Hub"_s);
    indicator.setUrl(QUrl(u"http://127.0.0.1:8080/n/guian"_s));
    indicator.setStatus(ConnectionIndicator::State::Offline, kT0 - 1000, u"HTTP 503: node down"_s, 3);
    QVERIFY(indicator.details().contains(u"http://127.0.0.1:8080/n/guian"_s));
    QVERIFY(indicator.details().contains(u"HTTP 503: node down"_s));
    QVERIFY(indicator.details().contains(u"3"_s));
    QCOMPARE(indicator.state(), ConnectionIndicator::State::Offline);
    // Hovered, the tooltip is what details() says at that moment.
    QHelpEvent hover(QEvent::ToolTip, QPoint(2, 2), QPoint(2, 2));
    QCoreApplication::sendEvent(&indicator, &hover);
    QCOMPARE(indicator.toolTip(), indicator.details());
    QVERIFY(!indicator.grab().isNull());
}

QTEST_MAIN(tst_ConnectionIndicator)
#include "tst_connectionindicator.moc"
