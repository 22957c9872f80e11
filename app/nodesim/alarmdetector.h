#pragma once

#include "alarmbook.h"
#include "scenario.h"

#include "domain/latencytargets.h"

#include <QHash>
#include <future>
#include <QSet>

namespace cpn::sim {

using server::AlarmBook;
using server::AlarmCondition;

// What the simulator holds at one tick, as far as alarms are concerned.
struct AlarmInputs
{
    qint64 tsMs = 0;
    QSet<QString> downNodes;
    QSet<QString> downLinks;
    QHash<QString, int> slowEndpoints; // node id (or "*") -> delay of its answers in ms
    struct NodeLoad
    {
        QString id;
        double utilization = 0; // the busiest of CPU and each accelerator model, [0, 1]
    };
    struct LinkLoad
    {
        QString id;
        bool down = false;
        double utilization = 0; // the busier direction, [0, 1]
        double latencyMs = 0;
    };
    QList<NodeLoad> nodes; // the nodes that report at this tick
    QList<LinkLoad> links;
};

// Turns each tick of the simulated federation into the alarm conditions that hold (docs/node-api.md,
// "Alarms", has the rules and thresholds). One cause gives one condition: a node that goes down
// covers the nodes under it and the links to it. Threshold conditions must hold for `holdMs`
// before they count and clear below a lower threshold, so a value near the line does not flap.
class AlarmDetector
{
public:
    static constexpr double kCongestedAbove = 0.9;
    static constexpr double kCongestedClearsBelow = 0.8;
    static constexpr double kUtilizationAbove = 0.95;
    static constexpr double kUtilizationClearsBelow = 0.9;
    static constexpr int kSlowAboveMs = 1000;

    AlarmDetector(const Scenario &scenario, qint64 holdMs) : m_scenario(scenario), m_holdMs(holdMs) {}

    QList<AlarmCondition> evaluate(const AlarmInputs &inputs);
    // A link's latency target: twice its base latency, and at least 5 ms above it.
    static double latencyTargetMs(const Link &link);

private:
    // Raised once `above` has held for m_holdMs; stays raised until `below`.
    bool held(QHash<QString, qint64> &since, QSet<QString> &raised, const QString &key, bool above,
              bool below, qint64 tsMs);
    void nodeDown(const AlarmInputs &in, QList<AlarmCondition> &out) const;
    void linkDown(const AlarmInputs &in, QList<AlarmCondition> &out) const;
    void linkThresholds(const AlarmInputs &in, QList<AlarmCondition> &out);
    void nodeThresholds(const AlarmInputs &in, QList<AlarmCondition> &out);
    void slowEndpoints(const AlarmInputs &in, QList<AlarmCondition> &out) const;
    // The network's targets (domain/latencytargets.h): a pair whose path stays above its target.
    void pathTargets(const AlarmInputs &in, QList<AlarmCondition> &out);
    struct WatchedPair;
    // The pairs with headroom, made once: false while a worker still makes them.
    bool takeWatchedPairs();
    QStringList cutOffBy(const Link &link) const; // the nodes a link that is down separates

    const Scenario &m_scenario;
    qint64 m_holdMs;
    QHash<QString, qint64> m_congestedSince, m_latencySince, m_utilizationSince, m_pathSince;
    QSet<QString> m_congested, m_latency, m_utilization, m_path;
    static constexpr int kPairsInlineUpToNodes = 5000;
    struct WatchedPair
    {
        QString a;
        QString b;
        QList<int> links;
        double targetMs = 0;
        QString key;
        Alarm::Severity severity = Alarm::Severity::Minor;
        QString summary;
    };
    static QList<WatchedPair> watchedPairs(const QList<Node> &nodes, const QList<Link> &links);
    std::optional<QList<WatchedPair>> m_watched; // made on first use
    std::future<QList<WatchedPair>> m_watchedLater;
};

} // namespace cpn::sim
