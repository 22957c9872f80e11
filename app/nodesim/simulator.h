#pragma once

#include "alarmbook.h"
#include "alarmdetector.h"
#include "clock.h"
#include "faultinjector.h"
#include "jobengine.h"
#include "loadmodel.h"
#include "metricshistory.h"
#include "scenario.h"

#include "domain/metricscodec.h"

#include <QObject>
#include <QTimer>

namespace cpn::sim {

// The simulated federation: scenario, load model, faults, jobs and the metrics ring, advanced by
// one tick per interval. It knows nothing about HTTP (ApiRouter does) so tests drive it directly
// with a ManualClock and tick().
class Simulator : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        quint64 seed = 42;
        double jobSpeedup = JobEngine::kDefaultSpeedup;
        int intervalMs = 1000;
        int historyTicks = MetricsHistory::kDefaultCapacity;
        qint64 alarmHoldMs = 60'000; // how long a threshold must be crossed before it raises an alarm
    };

    // The clock must outlive the simulator.
    Simulator(Scenario scenario, const Config &config, const server::Clock &clock, QObject *parent = nullptr);

    // Fills the ring with `ticks` past ticks (so a console has history at once) and starts the
    // tick timer.
    void start(int backfillTicks = 600);
    void stop() { m_timer.stop(); }
    // Records one tick at the clock's current time.
    void tick();

    const Scenario &scenario() const { return m_scenario; }
    Scenario &scenario() { return m_scenario; }
    const LoadModel &loadModel() const { return m_loadModel; }
    const FaultInjector &faults() const { return m_faults; }
    JobEngine &jobs() { return m_jobs; }
    const MetricsHistory &history() const { return m_history; }
    AlarmBook &alarms() { return m_alarms; }
    const AlarmBook &alarms() const { return m_alarms; }
    const server::Clock &clock() const { return m_clock; }
    int intervalMs() const { return m_config.intervalMs; }

    // Fault changes go through here: they also fail jobs on nodes that go down.
    bool addFault(const Fault &fault, QString *error);
    bool removeFault(Fault::Kind kind, const QString &target);
    void clearFaults();

    NodeStatus statusOf(const QString &nodeId) const;
    // Whether a silence's target (node, link or subtree) holds an alarm's source; a subtree target
    // is also what a node oversees: the alarms its base URL lists.
    bool covers(const AlarmSource &target, const AlarmSource &source) const;

    // Changes whenever a fault is added or removed (what /nodes shows depends on it).
    quint64 faultRevision() const { return m_faultRevision; }

    // The GET /metrics body for the directory of `scopeNodeId`, as JSON or in the compact
    // encoding (docs/node-api.md); `delta`: the client holds the tick at `cursor`, so the first
    // tick may be sent as a delta against it. The answer is cut before `maxBytes` and before
    // protocol::kMaxDecodedSamples (at least one tick is sent) so that a large federation never
    // produces a body clients refuse; the client then asks again with the returned cursor.
    static constexpr qsizetype kMaxMetricsBytes = 8 * 1024 * 1024;
    enum class Encoding { Json, Compact };
    QByteArray metricsBody(const QString &scopeNodeId, const QString &cursor, int limit,
                           qsizetype maxBytes = kMaxMetricsBytes, Encoding encoding = Encoding::Json,
                           bool delta = false);
    // The samples of one tick within a scope (also used by tests).
    QList<NodeSample> nodeSamples(const TickRecord &tick, const QList<int> &directory) const;
    QList<LinkSample> linkSamples(const TickRecord &tick, const QList<int> &links) const;

private:
    struct TickJson
    {
        QString scope;
        qint64 seq = 0;
        QByteArray nodes; // comma-separated sample objects
        QByteArray links;
    };
    // One tick of one scope in the compact encoding: its integer state, and the tick encoded
    // against the tick before (delta) and alone (keyframe), each built on first demand.
    struct TickCompact
    {
        QString scope;
        qint64 seq = 0;
        protocol::CompactTick state;
        qsizetype samples = 0;
        QByteArray delta;
        QByteArray keyframe;
    };
    const TickJson &tickJson(const QString &scope, const TickRecord &tick);
    TickCompact &tickCompact(const QString &scope, const TickRecord &tick);
    QByteArray jsonMetricsBody(const QString &scope, const MetricsHistory::Slice &slice, qsizetype maxBytes);
    QByteArray compactMetricsBody(const QString &scope, const QString &cursor,
                                  const MetricsHistory::Slice &slice, qsizetype maxBytes, bool delta);
    void recordTick(qint64 tsMs, bool withCurrentState);
    // Raises and clears alarms from the tick just recorded.
    void detectAlarms(const TickRecord &tick);

    Scenario m_scenario;
    Config m_config;
    const server::Clock &m_clock;
    LoadModel m_loadModel;
    FaultInjector m_faults;
    JobEngine m_jobs;
    MetricsHistory m_history;
    AlarmBook m_alarms;
    AlarmDetector m_detector;
    QTimer m_timer;
    QList<TickJson> m_jsonCache; // a few recent ticks: a 1 Hz poller asks for the same one
    QList<TickCompact> m_compactCache;
    quint64 m_faultRevision = 0;
};

} // namespace cpn::sim
