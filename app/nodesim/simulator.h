#pragma once

#include "clock.h"
#include "faultinjector.h"
#include "jobengine.h"
#include "loadmodel.h"
#include "metricshistory.h"
#include "scenario.h"

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
    };

    // The clock must outlive the simulator.
    Simulator(Scenario scenario, const Config &config, const Clock &clock, QObject *parent = nullptr);

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
    const Clock &clock() const { return m_clock; }
    int intervalMs() const { return m_config.intervalMs; }

    // Fault changes go through here: they also fail jobs on nodes that go down.
    bool addFault(const Fault &fault, QString *error);
    bool removeFault(Fault::Kind kind, const QString &target);
    void clearFaults();

    NodeStatus statusOf(const QString &nodeId) const;

    // The GET /metrics body for the directory of `scopeNodeId`. The answer is cut before
    // `maxBytes` (at least one tick is sent) so that a large federation never produces a body
    // clients refuse; the client then asks again with the returned cursor.
    static constexpr qsizetype kMaxMetricsBytes = 8 * 1024 * 1024;
    QByteArray metricsBody(const QString &scopeNodeId, const QString &cursor, int limit,
                           qsizetype maxBytes = kMaxMetricsBytes);
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
    const TickJson &tickJson(const QString &scope, const TickRecord &tick);
    void recordTick(qint64 tsMs, bool withCurrentState);

    Scenario m_scenario;
    Config m_config;
    const Clock &m_clock;
    LoadModel m_loadModel;
    FaultInjector m_faults;
    JobEngine m_jobs;
    MetricsHistory m_history;
    QTimer m_timer;
    QList<TickJson> m_jsonCache; // a few recent ticks: a 1 Hz poller asks for the same one
};

} // namespace cpn::sim
