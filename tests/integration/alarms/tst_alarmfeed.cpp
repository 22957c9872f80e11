#include "alarms/alarmannouncer.h"
#include "alarms/alarmfeed.h"
#include "alarms/alarmstore.h"
#include "api/localsimulator.h"
#include "api/nodeapiclient.h"
#include "domain/clock.h"
#include "integration/api/simcontrol.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace cpn;
using namespace cpn::alarms;
using namespace Qt::StringLiterals;

// Consoles' alarm feeds against the real cpn-nodesim: a fault raises one alarm with its affected nodes
// and clearing it clears it; an acknowledgement with a comment made in one console reaches another
// within 2 s; an acknowledgement with a short expiry lapses; a token without alarms:write is refused
// with the scope named; the alarms outlive a console (they live on the node). --alarm-hold 1 keeps
// the threshold alarms quick.
class tst_AlarmFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void hubDownRaisesOneAlarmWithItsNodesAndClearingClearsIt();
    void ackWithCommentReachesTheOtherConsoleWithinTwoSeconds();
    void ackWithShortExpiryReturnsToUnacknowledged();
    void silenceKeepsTheAlarmListedButQuiet();
    void endingTheSilencesThatCoverAnAlarm();
    void alarmUnderASilenceNeverSoundsUntilTheSilenceEnds();
    void tokenWithoutTheScopeIsRefusedNamingIt();
    void alarmsSurviveAConsoleRestart();
    void silentRootsAlarmsAreMarkedUnconfirmed();

private:
    // One console: its connection, client, store and feed.
    struct Console
    {
        Console(const QUrl &url, const QString &token, const Clock &clock)
            : client(&nam, url, options(token)), feed(&client, &store, clock)
        {
            feed.start();
        }
        static api::ClientOptions options(const QString &token)
        {
            api::ClientOptions o;
            o.token = token;
            return o;
        }
        QNetworkAccessManager nam;
        api::NodeApiClient client;
        AlarmStore store;
        AlarmFeed feed;
    };
    std::unique_ptr<Console> console(const QString &token = u"dev-token"_s)
    {
        return std::make_unique<Console>(m_sim.baseUrl(), token, m_clock);
    }
    // Waits on the store's changes until `condition` holds, or the deadline passes.
    static bool waitFor(Console &console, const std::function<bool()> &condition, int timeoutMs);
    // Runs an action and waits for its one answer; returns the error (empty on success).
    static QString run(const std::function<void(AlarmFeed::Done)> &action);
    static const StoredAlarm *activeOf(const AlarmStore &store, Alarm::Kind kind, const QString &sourceId);
    // A link-down alarm on a leaf link, as seen by `c`.
    AlarmKey raiseLinkDown(Console &c);

    api::LocalSimulator m_sim;
    QNetworkAccessManager m_nam;
    SystemClock m_clock;
    QString m_link;    // a link between two nodes that stay up
    QString m_linkEnd; // one of its ends
};

void tst_AlarmFeed::initTestCase()
{
    api::LocalSimulator::Options options;
    options.devToken = u"dev-token"_s;
    options.extraArguments = {u"--read-token"_s, u"reader"_s, u"--alarm-hold"_s, u"1"_s};
    m_sim.start(options);
    QVERIFY2(m_sim.waitForStarted(15000), qPrintable(m_sim.errorString()));

    Console c(m_sim.baseUrl(), u"dev-token"_s, m_clock);
    QList<Link> links;
    QEventLoop loop;
    c.client.fetchLinks([&](const api::ApiResult<QList<Link>> &r) {
        if (r.ok())
            links = r.value();
        loop.quit();
    });
    loop.exec();
    QVERIFY(!links.isEmpty());
    m_link = links.constLast().id;
    m_linkEnd = links.constLast().a;
}

void tst_AlarmFeed::cleanupTestCase()
{
    m_sim.stop();
}

void tst_AlarmFeed::cleanup()
{
    SimControl control(&m_nam, m_sim.baseUrl(), u"dev-token"_s);
    QVERIFY2(control.clearFaults(), qPrintable(control.lastError()));
    // The next test's fault must raise a new alarm, not find this one still active.
    auto c = console();
    QVERIFY(waitFor(
        *c,
        [&] {
            return !c->feed.cursor().isEmpty() && !activeOf(c->store, Alarm::Kind::LinkDown, m_link) &&
                   !activeOf(c->store, Alarm::Kind::NodeDown, u"guizhou-hub"_s);
        },
        10000));
}

// A root that stops answering keeps its alarms listed, marked as not confirmed since its last answer.
void tst_AlarmFeed::silentRootsAlarmsAreMarkedUnconfirmed()
{
    api::LocalSimulator sim;
    api::LocalSimulator::Options options;
    options.devToken = u"dev-token"_s;
    options.extraArguments = {u"--fault"_s, u"link-down:l-guizhou-hub-gy-gov"_s};
    sim.start(options);
    QVERIFY2(sim.waitForStarted(15000), qPrintable(sim.errorString()));
    Console c(sim.baseUrl(), u"dev-token"_s, m_clock);
    QVERIFY(waitFor(c, [&] { return activeOf(c.store, Alarm::Kind::LinkDown, u"l-guizhou-hub-gy-gov"_s); }, 10000));
    QVERIFY(!c.store.unconfirmedSince(c.feed.origin()));
    const qint64 stoppedAt = m_clock.nowMs();
    sim.stop();

    QTRY_VERIFY_WITH_TIMEOUT(c.store.unconfirmedSince(c.feed.origin()).has_value(), 20000);
    const qint64 lastHeard = *c.store.unconfirmedSince(c.feed.origin());
    QVERIFY2(lastHeard > 0 && lastHeard <= stoppedAt, qPrintable(QString::number(stoppedAt - lastHeard)));
    QVERIFY(m_clock.nowMs() - lastHeard >= AlarmFeed::kUnconfirmedAfterMs);
    // Still listed: the last thing the root said.
    QVERIFY(activeOf(c.store, Alarm::Kind::LinkDown, u"l-guizhou-hub-gy-gov"_s));
}

bool tst_AlarmFeed::waitFor(Console &console, const std::function<bool()> &condition, int timeoutMs)
{
    if (condition())
        return true;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    const auto check = [&] {
        if (condition())
            loop.quit();
    };
    connect(&console.store, &AlarmStore::changed, &loop, check);
    connect(&console.feed, &AlarmFeed::polled, &loop, check);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    loop.exec();
    return condition();
}

QString tst_AlarmFeed::run(const std::function<void(AlarmFeed::Done)> &action)
{
    QEventLoop loop;
    bool answered = false;
    QString error;
    action([&](const QString &e) {
        answered = true;
        error = e;
        loop.quit();
    });
    if (!answered)
        loop.exec(); // the client's transfer timeout bounds it
    return error;
}

const StoredAlarm *tst_AlarmFeed::activeOf(const AlarmStore &store, Alarm::Kind kind, const QString &sourceId)
{
    for (const StoredAlarm &s : store.all()) {
        if (s.isActive() && s.alarm.kind == kind && s.alarm.source.id == sourceId)
            return &s;
    }
    return nullptr;
}

AlarmKey tst_AlarmFeed::raiseLinkDown(Console &c)
{
    SimControl control(&m_nam, m_sim.baseUrl(), u"dev-token"_s);
    if (!control.addFault(QJsonObject{{u"kind"_s, u"link-down"_s}, {u"target"_s, m_link}}))
        return {};
    if (!waitFor(
            c, [&] { return activeOf(c.store, Alarm::Kind::LinkDown, m_link); }, 10000))
        return {};
    return activeOf(c.store, Alarm::Kind::LinkDown, m_link)->key();
}

void tst_AlarmFeed::hubDownRaisesOneAlarmWithItsNodesAndClearingClearsIt()
{
    // The nodes under the hub, as its own base URL lists them before it goes down.
    QNetworkAccessManager nam;
    api::ClientOptions hubOptions = Console::options(u"dev-token"_s);
    api::NodeApiClient hub(&nam, QUrl(m_sim.baseUrl().toString() + u"/n/guizhou-hub"_s), hubOptions);
    QStringList underHub;
    QEventLoop loop;
    hub.fetchDirectory([&](const api::ApiResult<protocol::NodeDirectory> &r) {
        for (const Node &n : r.ok() ? r.value().nodes : QList<Node>())
            underHub.append(n.id);
        loop.quit();
    });
    loop.exec();
    underHub.sort();
    QVERIFY(underHub.size() > 2);

    auto c = console();
    SimControl control(&m_nam, m_sim.baseUrl(), u"dev-token"_s);
    QVERIFY(control.addFault(QJsonObject{{u"kind"_s, u"node-down"_s}, {u"target"_s, u"guizhou-hub"_s}}));
    QVERIFY2(waitFor(
                 *c, [&] { return activeOf(c->store, Alarm::Kind::NodeDown, u"guizhou-hub"_s); }, 10000),
             "no node-down alarm for guizhou-hub within 10 s");
    int nodeDown = 0;
    for (const StoredAlarm &s : c->store.all())
        nodeDown += s.isActive() && s.alarm.kind == Alarm::Kind::NodeDown;
    QCOMPARE(nodeDown, 1);
    const StoredAlarm *alarm = activeOf(c->store, Alarm::Kind::NodeDown, u"guizhou-hub"_s);
    QCOMPARE(alarm->alarm.severity, Alarm::Severity::Critical);
    QStringList affected = alarm->alarm.affected;
    affected.sort();
    QCOMPARE(affected, underHub);
    QCOMPARE(c->store.worstUnacknowledgedForNode(u"guizhou-hub"_s), Alarm::Severity::Critical);
    QVERIFY(c->store.unacknowledgedCriticals().contains(alarm->key()));

    const AlarmKey key = alarm->key();
    QVERIFY(control.clearFaults());
    QVERIFY2(waitFor(
                 *c, [&] { return c->store.find(key) && !c->store.find(key)->isActive(); }, 10000),
             "the alarm did not clear within 10 s");
    QVERIFY(!c->store.worstUnacknowledgedForNode(u"guizhou-hub"_s));
}

void tst_AlarmFeed::ackWithCommentReachesTheOtherConsoleWithinTwoSeconds()
{
    auto first = console();
    auto second = console();
    const AlarmKey key = raiseLinkDown(*first);
    QVERIFY(!key.id.isEmpty());
    QVERIFY(waitFor(
        *second, [&] { return second->store.find(key); }, 5000));

    const QString comment = u"Fibre cut near Kaili, crew on the way"_s;
    QCOMPARE(run([&](AlarmFeed::Done done) {
                 first->feed.acknowledge(key.id, AckRequest{comment, 0}, done);
             }),
             QString());
    QElapsedTimer sinceAck;
    sinceAck.start();
    QVERIFY(first->store.find(key)->isAcknowledged()); // the answer went to its store at once
    QVERIFY(waitFor(
        *second,
        [&] {
            const StoredAlarm *s = second->store.find(key);
            return s && s->alarm.ack && s->alarm.ack->comment == comment;
        },
        2000));
    QVERIFY2(sinceAck.elapsed() <= 2000, qPrintable(QString::number(sinceAck.elapsed())));
    QCOMPARE(second->store.find(key)->alarm.ack->by, u"developer"_s);
    QVERIFY(!second->store.worstUnacknowledgedForLink(m_link));

    QCOMPARE(run([&](AlarmFeed::Done done) { second->feed.comment(key.id, u"Crew arrives 14:00"_s, done); }),
             QString());
    QVERIFY(waitFor(
        *first, [&] { return first->store.find(key)->alarm.comments.size() == 1; }, 2000));
    QCOMPARE(run([&](AlarmFeed::Done done) { second->feed.unacknowledge(key.id, done); }), QString());
    QVERIFY(waitFor(
        *first, [&] { return !first->store.find(key)->isAcknowledged(); }, 2000));
    QCOMPARE(first->store.worstUnacknowledgedForLink(m_link), first->store.find(key)->alarm.severity);
}

void tst_AlarmFeed::ackWithShortExpiryReturnsToUnacknowledged()
{
    auto c = console();
    const AlarmKey key = raiseLinkDown(*c);
    QVERIFY(!key.id.isEmpty());
    QSignalSpy attention(&c->store, &AlarmStore::attentionNeeded);
    const qint64 until = m_clock.nowMs() + 1500;
    QCOMPARE(run([&](AlarmFeed::Done done) {
                 c->feed.acknowledge(key.id, AckRequest{u"brief look"_s, until}, done);
             }),
             QString());
    QVERIFY(c->store.find(key)->isAcknowledged());
    QVERIFY2(waitFor(
                 *c, [&] { return !c->store.find(key)->isAcknowledged(); }, 10000),
             "the acknowledgement did not lapse");
    QVERIFY(m_clock.nowMs() >= until);
    QVERIFY(c->store.find(key)->needsAttention());
    bool toldAgain = false; // the sound and the blink come back
    for (const QList<QVariant> &emission : std::as_const(attention))
        toldAgain |= emission.at(0).value<QList<AlarmKey>>().contains(key);
    QVERIFY(toldAgain);
    bool expired = false;
    for (const AlarmEvent &e : historyOf(*c->store.find(key)))
        expired |= e.kind == AlarmEvent::Kind::AckExpired;
    QVERIFY(expired);
}

void tst_AlarmFeed::silenceKeepsTheAlarmListedButQuiet()
{
    auto c = console();
    const AlarmKey key = raiseLinkDown(*c);
    QVERIFY(!key.id.isEmpty());
    const AlarmSource source{AlarmSource::Kind::Link, m_link};
    QCOMPARE(run([&](AlarmFeed::Done done) {
                 c->feed.silence(
                     SilenceRequest{source, 0, m_clock.nowMs() + 3'600'000, u"Planned fibre work"_s}, done);
             }),
             QString());
    QVERIFY(waitFor(
        *c, [&] { return c->store.find(key)->alarm.silenced; }, 5000));
    QVERIFY(c->store.find(key)->isActive());
    QVERIFY(!c->store.worstUnacknowledgedForLink(m_link));
    QVERIFY(!c->store.unacknowledgedCriticals().contains(key));
    QCOMPARE(run([&](AlarmFeed::Done done) { c->feed.unsilence(source, done); }), QString());
    QVERIFY(waitFor(
        *c, [&] { return !c->store.find(key)->alarm.silenced; }, 5000));
    QVERIFY(c->store.worstUnacknowledgedForLink(m_link));
}

// A window on one end of a link silences the link's alarm; ending the windows that cover the alarm
// (not only one on the link itself) brings it back.
void tst_AlarmFeed::endingTheSilencesThatCoverAnAlarm()
{
    auto c = console();
    const AlarmKey key = raiseLinkDown(*c);
    QVERIFY(!key.id.isEmpty());
    const AlarmSource end{AlarmSource::Kind::Node, m_linkEnd};
    QCOMPARE(run([&](AlarmFeed::Done done) {
                 c->feed.silence(SilenceRequest{end, 0, m_clock.nowMs() + 3'600'000, u"Rack move"_s}, done);
             }),
             QString());
    QVERIFY(waitFor(*c, [&] { return c->store.find(key)->alarm.silenced; }, 5000));
    // The link itself has no window of its own to end.
    QVERIFY(!run([&](AlarmFeed::Done done) {
                 c->feed.unsilence(AlarmSource{AlarmSource::Kind::Link, m_link}, done);
             }).isEmpty());
    QCOMPARE(run([&](AlarmFeed::Done done) {
                 c->feed.unsilence([&](const AlarmSource &target) { return target == end; }, done);
             }),
             QString());
    QVERIFY(waitFor(*c, [&] { return !c->store.find(key)->alarm.silenced; }, 5000));
}

namespace {
// Counts what the announcer would play: there is no audio device where the tests run.
class CountingPlayer : public AlarmSoundPlayer
{
public:
    void play(Alarm::Severity severity) override { played.append(severity); }
    QList<Alarm::Severity> played;
};
} // namespace

// A maintenance window set before the fault: the alarm comes in silenced, listed, and neither sounds
// nor blinks; when the window ends it needs attention and sounds. The simulator's own load may raise
// other alarms meanwhile (utilization, congestion), so what is checked is what this alarm triggers.
void tst_AlarmFeed::alarmUnderASilenceNeverSoundsUntilTheSilenceEnds()
{
    auto c = console();
    CountingPlayer player;
    AlarmAnnouncer announcer(&c->store, &player, m_clock);
    QList<AlarmKey> calledFor; // every alarm the store said needs attention
    connect(&c->store, &AlarmStore::attentionNeeded, this,
            [&calledFor](const QList<AlarmKey> &keys) { calledFor += keys; });
    const AlarmSource source{AlarmSource::Kind::Link, m_link};
    QCOMPARE(run([&](AlarmFeed::Done done) {
                 c->feed.silence(
                     SilenceRequest{source, 0, m_clock.nowMs() + 3'600'000, u"Planned fibre work"_s}, done);
             }),
             QString());
    const AlarmKey key = raiseLinkDown(*c);
    QVERIFY(!key.id.isEmpty());
    QVERIFY(c->store.find(key)->alarm.silenced);
    QVERIFY(!calledFor.contains(key));
    QVERIFY(!c->store.unacknowledgedCriticals().contains(key));

    const qsizetype playedBefore = player.played.size();
    QCOMPARE(run([&](AlarmFeed::Done done) { c->feed.unsilence(source, done); }), QString());
    QVERIFY(waitFor(
        *c, [&] { return !c->store.find(key)->alarm.silenced; }, 5000));
    QVERIFY(calledFor.contains(key));
    QVERIFY(player.played.mid(playedBefore).contains(c->store.find(key)->alarm.severity));
}

void tst_AlarmFeed::tokenWithoutTheScopeIsRefusedNamingIt()
{
    auto operatorConsole = console();
    const AlarmKey key = raiseLinkDown(*operatorConsole);
    QVERIFY(!key.id.isEmpty());
    auto reader = console(u"reader"_s);
    QVERIFY(waitFor(
        *reader, [&] { return reader->store.find(key); }, 5000)); // it may read
    const QString error = run([&](AlarmFeed::Done done) {
        reader->feed.acknowledge(key.id, AckRequest{u"mine"_s, 0}, done);
    });
    QCOMPARE(error, u"Your account may not acknowledge alarms (it lacks alarms:write)"_s);
    QVERIFY(run([&](AlarmFeed::Done done) {
                reader->feed.comment(key.id, u"x"_s, done);
            }).contains(u"alarms:write"_s));
    QVERIFY(!reader->store.find(key)->isAcknowledged());
}

void tst_AlarmFeed::alarmsSurviveAConsoleRestart()
{
    AlarmKey key;
    {
        auto before = console();
        key = raiseLinkDown(*before);
        QVERIFY(!key.id.isEmpty());
        QCOMPARE(run([&](AlarmFeed::Done done) {
                     before->feed.acknowledge(key.id, AckRequest{u"handled"_s, 0}, done);
                 }),
                 QString());
        QCOMPARE(
            run([&](AlarmFeed::Done done) { before->feed.comment(key.id, u"for the next shift"_s, done); }),
            QString());
    } // the console goes
    auto after = console();
    QVERIFY(waitFor(
        *after, [&] { return after->store.find(key); }, 5000));
    const Alarm &alarm = after->store.find(key)->alarm;
    QVERIFY(alarm.ack && alarm.ack->comment == u"handled"_s);
    QCOMPARE(alarm.comments.size(), 1);
    QCOMPARE(alarm.comments.constFirst().text, u"for the next shift"_s);
}

QTEST_GUILESS_MAIN(tst_AlarmFeed)
#include "tst_alarmfeed.moc"
