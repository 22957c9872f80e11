#include "itemmodels/statusevents.h"

#include "domain/clock.h"
#include "state/displaystatus.h"
#include "state/federationstate.h"

#include <algorithm>

namespace cpn {

namespace {

EventLogModel::Severity severityOf(DisplayStatus status)
{
    switch (status) {
    case DisplayStatus::Offline:
        return EventLogModel::Severity::Error;
    case DisplayStatus::Degraded:
    case DisplayStatus::Stale:
        return EventLogModel::Severity::Warning;
    case DisplayStatus::Online:
    case DisplayStatus::Maintenance:
        break;
    }
    return EventLogModel::Severity::Info;
}

bool isProblem(ConnectionState health)
{
    return health == ConnectionState::Stale || health == ConnectionState::Offline;
}

} // namespace

StatusEvents::StatusEvents(const FederationState *state, EventLogModel *log, QObject *parent)
    : QObject(parent), m_state(state), m_log(log)
{
    Q_ASSERT(state && log);
}

void StatusEvents::addRoot(const QString &rootId, const QString &label)
{
    m_roots[rootId].label = label;
}

void StatusEvents::setRootHealth(const QString &rootId, ConnectionState health, const QString &error)
{
    RootTrack &root = m_roots[rootId];
    if (root.label.isEmpty())
        root.label = rootId;
    root.connection = health;
    root.error = error;
    evaluateRoots(m_state->clock().nowMs(), newestSamplePerRoot()); // an unreachable root is told at once
}

QHash<QString, qint64> StatusEvents::newestSamplePerRoot() const
{
    QHash<QString, qint64> newest;
    const QString *runRoot = nullptr; // a root's nodes are listed together: one lookup per run
    qint64 *ts = nullptr;
    for (const NodeEntry &entry : m_state->entries()) {
        if (!entry.sample)
            continue;
        if (!runRoot || *runRoot != entry.rootId) {
            runRoot = &entry.rootId;
            ts = &newest[entry.rootId];
        }
        *ts = std::max(*ts, entry.sample->tsMs);
    }
    return newest;
}

void StatusEvents::removeRoot(const QString &rootId)
{
    m_roots.remove(rootId);
}

void StatusEvents::rootProblem(const QString &rootId, const QString &message)
{
    constexpr qsizetype kMaxPending = 8; // a root failing in many ways at once is told by its outage
    RootTrack &root = m_roots[rootId];
    if (root.label.isEmpty())
        root.label = rootId;
    if (root.pendingProblems.size() < kMaxPending)
        root.pendingProblems.append({m_state->clock().nowMs(), message});
}

void StatusEvents::evaluate()
{
    const qint64 now = m_state->clock().nowMs();
    const QHash<QString, qint64> newest = newestSamplePerRoot();
    evaluateRoots(now, newest);
    evaluateNodes(now, newest);
    evaluateLinks(now);
}

int StatusEvents::nodesOf(const QString &rootId) const
{
    return int(std::count_if(m_state->entries().cbegin(), m_state->entries().cend(),
                             [&rootId](const NodeEntry &e) { return e.rootId == rootId; }));
}

QString StatusEvents::nodeName(const QString &nodeId) const
{
    return displayNameOf(*m_state, nodeId);
}

void StatusEvents::log(EventLogModel::Severity severity, const QString &source, const QString &message)
{
    m_log->append(m_state->clock().nowMs(), severity, source, message);
}

void StatusEvents::evaluateRoots(qint64 now, const QHash<QString, qint64> &newest)
{
    const qint64 staleAfter = m_state->freshnessRule().staleAfterMs();
    for (auto it = m_roots.begin(); it != m_roots.end(); ++it) {
        RootTrack &root = it.value();
        // Answers that arrive but carry old data (a slow root) are late data all the same: the
        // client calls it online between answers, so its word alone would flap.
        const qint64 newestTs = newest.value(it.key(), 0);
        const bool dataLate = newestTs > 0 && now - newestTs > staleAfter;
        const ConnectionState health =
            root.connection == ConnectionState::Online && dataLate ? ConnectionState::Stale : root.connection;
        if (!isProblem(root.health) && isProblem(health))
            root.sinceMs = now;
        root.health = health;
        if (isProblem(root.health)) {
            root.pendingProblems.clear(); // the outage says it
            // Unreachable is told at once (it failed several times already); late only once it lasts.
            const bool lasted = root.health == ConnectionState::Offline || now - root.sinceMs >= m_holdMs;
            if (!lasted || root.told == root.health || root.told == ConnectionState::Offline)
                continue;
            const int hidden = nodesOf(it.key());
            if (root.health == ConnectionState::Offline)
                log(EventLogModel::Severity::Error, root.label,
                    (root.error.isEmpty()
                         ? tr("Cannot be reached; no news of its %n node(s).", nullptr, hidden)
                         : tr("Cannot be reached (%1); no news of its %n node(s).", nullptr, hidden)
                               .arg(root.error)));
            else
                log(EventLogModel::Severity::Warning, root.label,
                    tr("No new data for %1; its %n node(s) are not updated.", nullptr, hidden)
                        .arg(durationText(now - root.sinceMs)));
            root.told = root.health;
        } else if (root.health == ConnectionState::Online && root.told == ConnectionState::Online) {
            while (!root.pendingProblems.isEmpty() &&
                   now - root.pendingProblems.constFirst().first >= m_holdMs) {
                const QString message = root.pendingProblems.takeFirst().second;
                if (message != root.lastProblemTold)
                    log(EventLogModel::Severity::Warning, root.label, message);
                root.lastProblemTold = message;
            }
        }
        if (root.health == ConnectionState::Online && root.told != ConnectionState::Online) {
            log(EventLogModel::Severity::Info, root.label,
                root.told == ConnectionState::Offline
                    ? tr("Reachable again after %1.").arg(durationText(now - root.sinceMs))
                    : tr("Data is current again after %1.").arg(durationText(now - root.sinceMs)));
            root.told = ConnectionState::Online;
        }
    }
}

void StatusEvents::evaluateNodes(qint64 now, const QHash<QString, qint64> &newest)
{
    const qint64 staleAfter = m_state->freshnessRule().staleAfterMs();
    m_nodes.align(m_state->directoryRevision(), m_state->nodeCount(),
                  [this](qsizetype row) { return m_state->entryAt(row).node.id; });
    // A root's nodes are listed together: its health and newest sample are looked up once per run.
    const QString *runRoot = nullptr;
    bool rootSilent = false;
    qint64 rootNewest = 0;
    for (qsizetype row = 0; row < m_nodes.tracks.size(); ++row) {
        const NodeEntry &entry = m_state->entryAt(row);
        const QString &id = entry.node.id;
        if (!runRoot || *runRoot != entry.rootId) {
            runRoot = &entry.rootId;
            const auto root = m_roots.constFind(entry.rootId);
            rootSilent = root != m_roots.constEnd() && root->health != ConnectionState::Online;
            rootNewest = newest.value(entry.rootId, 0);
        }
        // While its root is silent, a node's silence is the root's problem, already told once.
        if (rootSilent)
            continue;
        NodeTrack &track = m_nodes.tracks[row];
        const DisplayStatus status = entry.status;
        if (status == DisplayStatus::Online) {
            if (track.told != DisplayStatus::Online)
                log(EventLogModel::Severity::Info, id,
                    tr("%1 recovered after %2 (was %3)")
                        .arg(nodeName(id), durationText(now - track.problemSinceMs),
                             displayStatusName(track.told).toLower()));
            track = {};
            continue;
        }
        // A silent node as current as the rest of its root is not behind them: its age is the root's.
        const bool notReporting = m_state->freshnessAt(row) == Freshness::NotReporting;
        const bool silent =
            status == DisplayStatus::Stale || (status == DisplayStatus::Offline && notReporting);
        if (silent && track.told == DisplayStatus::Online) {
            if (entry.sample ? rootNewest - entry.sample->tsMs <= staleAfter : rootNewest == 0)
                continue;
        }
        if (track.problemSinceMs == 0)
            track.problemSinceMs = now;
        // A problem is told once it lasted; a worse one is told again, but not a silence that merely
        // passed the not-reporting limit (stale -> offline): that is the same problem.
        if (now - track.problemSinceMs < m_holdMs ||
            (track.told != DisplayStatus::Online && status <= track.told))
            continue;
        if (track.told == DisplayStatus::Stale && notReporting) {
            track.told = status;
            continue;
        }
        const qint64 silenceMs = now - (entry.sample ? entry.sample->tsMs : entry.listedSinceMs);
        QString message;
        switch (status) {
        case DisplayStatus::Degraded:
            message = tr("%1 is degraded").arg(nodeName(id));
            break;
        case DisplayStatus::Stale:
            message = tr("%1 stopped reporting: no data for %2").arg(nodeName(id), durationText(silenceMs));
            break;
        case DisplayStatus::Maintenance:
            message = tr("%1 entered maintenance").arg(nodeName(id));
            break;
        case DisplayStatus::Offline:
            message = entry.sample && entry.sample->status == NodeStatus::Offline
                          ? tr("%1 went offline").arg(nodeName(id))
                          : tr("%1 is not reporting: no data for %2, shown offline")
                                .arg(nodeName(id), durationText(silenceMs));
            break;
        case DisplayStatus::Online:
            break;
        }
        log(severityOf(status), id, message);
        track.told = status;
    }
}

void StatusEvents::evaluateLinks(qint64 now)
{
    m_links.align(m_state->directoryRevision(), m_state->links().size(),
                  [this](qsizetype row) { return m_state->links().at(row).id; });
    const LinkSamplesByRow &current = m_state->currentLinkSamples();
    const auto endUp = [this](int row) {
        if (row < 0)
            return false;
        const DisplayStatus s = m_state->entryAt(row).status;
        return s == DisplayStatus::Online || s == DisplayStatus::Degraded;
    };
    for (qsizetype row = 0; row < m_links.tracks.size(); ++row) {
        const Link &link = m_state->links().at(row);
        LinkTrack &track = m_links.tracks[row];
        const std::optional<LinkSample> &sample = current.at(row);
        const auto [a, b] = m_state->linkEndsAt(row);
        // Unknown, or an end that is down (its own event says so): nothing to say of the link.
        if (!sample || !endUp(a) || !endUp(b)) {
            track = {};
            continue;
        }
        // Named only when something is said of it: formatting 10,000 names a second is most of the cost.
        const auto name = [&] { return displayNameOf(*m_state, link.id); };
        if (sample->status == LinkStatus::Down) {
            if (track.downSinceMs == 0)
                track.downSinceMs = now;
            if (!track.downTold && now - track.downSinceMs >= m_holdMs) {
                log(EventLogModel::Severity::Error, link.id, tr("Link %1 is down").arg(name()));
                track.downTold = true;
            }
            continue;
        }
        if (track.downTold)
            log(EventLogModel::Severity::Info, link.id,
                tr("Link %1 is up again after %2").arg(name(), durationText(now - track.downSinceMs)));
        track.downSinceMs = 0;
        track.downTold = false;

        const double load =
            link.capacityGbps > 0 ? std::max(sample->abGbps, sample->baGbps) / link.capacityGbps : 0;
        if (load > kCongestedAbove) {
            if (track.congestedSinceTs == 0)
                track.congestedSinceTs = sample->tsMs;
            track.peak = std::max(track.peak, load);
            if (!track.congestionTold && sample->tsMs - track.congestedSinceTs >= m_congestedForMs) {
                log(EventLogModel::Severity::Warning, link.id,
                    tr("Link %1 above 90 % of its capacity for a minute (peak %2 %)")
                        .arg(name())
                        .arg(qRound(track.peak * 100)));
                track.congestionTold = true;
            }
        } else if (load < kCongestionClearsBelow || track.congestedSinceTs == 0) {
            if (track.congestionTold)
                log(EventLogModel::Severity::Info, link.id,
                    tr("Link %1 below 90 % again after %2")
                        .arg(name(), durationText(sample->tsMs - track.congestedSinceTs)));
            track.congestedSinceTs = 0;
            track.peak = 0;
            track.congestionTold = false;
        }
    }
}

} // namespace cpn
