#include "api/federationclient.h"
#include "api/localsimulator.h"
#include "domain/clock.h"
#include "integration/api/simcontrol.h"
#include "itemmodels/eventlogmodel.h"
#include "itemmodels/statusevents.h"
#include "state/federationstate.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <optional>
#include <QTimer>

#include <memory>

using namespace cpn;
using namespace cpn::api;

namespace {

const QString kToken = QStringLiteral("cpn-dev-canary-55e1");

// What the console runs for one root, with short limits so faults show within seconds: the
// client, the state it feeds, the events it raises, refreshed and evaluated every 200 ms.
struct LivePipeline
{
    explicit LivePipeline(const QUrl &root) : state(clock), events(&state, &log)
    {
        ClientOptions options;
        options.token = kToken;
        options.refreshIntervalMs = 200;
        options.backoffBaseMs = 300;
        options.backoffCapMs = 300;
        options.maxRetryAfterSeconds = 1;
        client = std::make_unique<FederationClient>(&nam, root, options, clock);
        client->setRandomSource([](qint64 upper) { return upper; });
        const QString rootId = root.toString();
        events.addRoot(rootId, QStringLiteral("root"));
        // Beyond the 3 s of the simulator's slow fault, as 30 s is beyond any answer in service.
        state.setNotReportingAfterMs(6000);
        events.setHoldMs(4000);
        QObject::connect(client.get(), &FederationClient::directoryChanged, &state,
                         [this, rootId](const QList<Node> &nodes, const QList<Link> &links) {
                             state.setRootDirectory(rootId, nodes, links);
                         });
        QObject::connect(client.get(), &FederationClient::metricsReceived, &state, &FederationState::ingest);
        QObject::connect(client.get(), &FederationClient::statusChanged, &state,
                         [this, rootId](const EndpointStatus &status) {
                             events.setRootHealth(rootId, status.state, status.lastError);
                         });
        QObject::connect(client.get(), &FederationClient::problem, &state,
                         [this, rootId](const QString &message) { events.rootProblem(rootId, message); });
        ticker.setInterval(200);
        QObject::connect(&ticker, &QTimer::timeout, &state, [this] {
            state.refresh();
            events.evaluate();
        });
    }

    bool start()
    {
        QSignalSpy ticks(&state, &FederationState::tickComputed);
        client->start();
        ticker.start();
        return ticks.wait(10000) && state.nodeCount() > 0;
    }

    // The events logged from `from` on, as "source: message" lines for failure messages.
    QStringList eventsSince(int from) const
    {
        QStringList lines;
        for (int row = from; row < log.rowCount(); ++row)
            lines << log.eventAt(row).source + QStringLiteral(": ") + log.eventAt(row).message;
        return lines;
    }

    QNetworkAccessManager nam;
    SystemClock clock;
    FederationState state;
    EventLogModel log;
    StatusEvents events;
    std::unique_ptr<FederationClient> client;
    QTimer ticker;
};

} // namespace

// One problem, one event, against the real cpn-nodesim: a lost root, a slowdown, a node down and a
// congested link each make the events an operator should read, and no more.
class tst_LiveEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lostRootIsOneEvent();
    void slowdownIsNotAFlood();
    void nodeDownIsOneEventAndItsRecoverySaysHowLong();
    void congestedLinkIsAnEvent();

private:
    bool addFault(const QString &kind, const QString &target);

    std::unique_ptr<LocalSimulator> m_simulator;
    std::unique_ptr<LivePipeline> m_live;
    QNetworkAccessManager m_nam;
    std::unique_ptr<SimControl> m_control;
};

void tst_LiveEvents::init()
{
    if (LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim is not built");
    m_simulator = std::make_unique<LocalSimulator>();
    LocalSimulator::Options options;
    options.devToken = kToken;
    m_simulator->start(options);
    QVERIFY2(m_simulator->waitForStarted(), qPrintable(m_simulator->errorString()));
    m_control = std::make_unique<SimControl>(&m_nam, m_simulator->baseUrl(), kToken);
    m_live = std::make_unique<LivePipeline>(m_simulator->baseUrl());
    QVERIFY(m_live->start());
}

void tst_LiveEvents::cleanup()
{
    m_live.reset();
    m_control.reset();
    m_simulator.reset();
}

bool tst_LiveEvents::addFault(const QString &kind, const QString &target)
{
    const bool ok = m_control->addFault({{QStringLiteral("kind"), kind}, {QStringLiteral("target"), target}});
    if (!ok)
        qWarning("%s", qPrintable(m_control->lastError()));
    return ok;
}

// Losing the only root once made one event per node (2,008 at 2,000 nodes).
void tst_LiveEvents::lostRootIsOneEvent()
{
    const int from = m_live->log.rowCount();
    const int nodes = int(m_live->state.nodeCount());
    m_simulator->stop();
    // Long enough for every node to pass the not-reporting limit and the hold.
    QTRY_VERIFY_WITH_TIMEOUT(m_live->state.entryAt(0).status == DisplayStatus::Offline, 15000);
    QTest::qWait(4500);
    const QStringList events = m_live->eventsSince(from);
    QVERIFY2(events.size() == 1, qPrintable(events.join(u'\n')));
    const EventLogModel::Event &event = m_live->log.eventAt(from);
    QCOMPARE(event.severity, EventLogModel::Severity::Error);
    QVERIFY2(event.message.contains(QString::number(nodes)), qPrintable(event.message));
}

// A slowdown of every answer once made an event per node and the endpoint flapping online and stale
// (91 events for 15 s); at 2,000 nodes, 4,000. Answers 5 s late for 12 s: the root's data is late,
// one problem.
void tst_LiveEvents::slowdownIsNotAFlood()
{
    const int from = m_live->log.rowCount();
    QVERIFY(m_control->addFault({{QStringLiteral("kind"), QStringLiteral("slow")},
                                 {QStringLiteral("target"), QStringLiteral("*")},
                                 {QStringLiteral("delayMs"), 5000}}));
    QTest::qWait(12000);
    QVERIFY(m_control->clearFaults());
    QTRY_VERIFY_WITH_TIMEOUT(m_live->state.entryAt(0).status == DisplayStatus::Online, 15000);
    QTest::qWait(5000);
    const QStringList events = m_live->eventsSince(from);
    QVERIFY2(events.size() <= 2, qPrintable(events.join(u'\n')));
    for (int row = from; row < m_live->log.rowCount(); ++row)
        QCOMPARE(m_live->log.eventAt(row).source, QStringLiteral("root")); // never one per node
}

void tst_LiveEvents::nodeDownIsOneEventAndItsRecoverySaysHowLong()
{
    QString target;
    for (const NodeEntry &entry : m_live->state.entries()) {
        if (entry.node.role == NodeRole::Cluster) {
            target = entry.node.id;
            break;
        }
    }
    QVERIFY(!target.isEmpty());
    const int from = m_live->log.rowCount();
    QVERIFY(addFault(QStringLiteral("node-down"), target));
    QTRY_VERIFY_WITH_TIMEOUT(m_live->log.rowCount() > from, 15000);
    const EventLogModel::Event down = m_live->log.eventAt(from);
    QCOMPARE(down.source, target);
    QVERIFY(down.severity != EventLogModel::Severity::Info);
    // Past the not-reporting limit it is shown offline, without a second event.
    QTRY_COMPARE_WITH_TIMEOUT(m_live->state.entryAt(m_live->state.rowOf(target)).status,
                              DisplayStatus::Offline, 10000);
    // Its links are unknown, not shown at their last load.
    for (const Link &link : m_live->state.links()) {
        if (link.a == target || link.b == target)
            QVERIFY(!m_live->state.currentLinkSample(link.id));
    }
    QCOMPARE(m_live->log.rowCount(), from + 1);
    QVERIFY(m_control->clearFaults());
    QTRY_VERIFY_WITH_TIMEOUT(m_live->log.rowCount() > from + 1, 15000);
    QTest::qWait(1000);
    const QStringList events = m_live->eventsSince(from);
    QVERIFY2(events.size() == 2, qPrintable(events.join(u'\n')));
    const EventLogModel::Event up = m_live->log.eventAt(from + 1);
    QCOMPARE(up.source, target);
    QVERIFY2(up.message.contains(QStringLiteral("recovered after")), qPrintable(up.message));
}

void tst_LiveEvents::congestedLinkIsAnEvent()
{
    m_live->events.setCongestedForMs(2000);
    const Link link = m_live->state.links().constFirst();
    const int from = m_live->log.rowCount();
    QVERIFY(addFault(QStringLiteral("link-congested"), link.id));
    // The simulated load congests other links now and then: look for this link's event.
    const auto eventOfLink = [&]() -> std::optional<EventLogModel::Event> {
        for (int row = from; row < m_live->log.rowCount(); ++row) {
            if (m_live->log.eventAt(row).source == link.id)
                return m_live->log.eventAt(row);
        }
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(eventOfLink().has_value(), 15000);
    const EventLogModel::Event event = *eventOfLink();
    QVERIFY2(event.message.contains(QStringLiteral("above 90 %")), qPrintable(event.message));
}

QTEST_GUILESS_MAIN(tst_LiveEvents)
#include "tst_liveevents.moc"
