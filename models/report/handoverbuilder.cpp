#include "report/handoverbuilder.h"

#include "cache/cachedatabase.h"
#include "cache/seriesreader.h"
#include "domain/metricnames.h"

#include <QSet>

#include <algorithm>
#include <optional>

namespace cpn::report {

namespace {

constexpr double kCongestedAbove = 0.9; // as the console's events call a link congested

bool isCongested(const Link &link, const LinkSample &sample)
{
    if (sample.status == LinkStatus::Congested)
        return true;
    return link.capacityGbps > 0 &&
           std::max(sample.abGbps, sample.baGbps) / link.capacityGbps > kCongestedAbove;
}

// Whether a node counts as down at a moment, and how: maintenance is planned, not an outage.
std::optional<Outage::Kind> nodeProblem(const Node &node, const cache::ReplayState &state)
{
    const auto sample = state.nodeSamples.constFind(node.id);
    if (sample == state.nodeSamples.cend())
        return node.status == NodeStatus::Maintenance ? std::nullopt
                                                      : std::optional(Outage::Kind::NodeNotReporting);
    if (sample->status == NodeStatus::Offline)
        return Outage::Kind::NodeDown;
    return std::nullopt;
}

// Follows each node's and link's problems from moment to moment of the timeline.
class OutageTracker
{
public:
    void observe(const cache::ReplayState &state, bool first)
    {
        QHash<QString, Outage> still;
        QSet<QString> nodesDown;
        for (const Node &node : state.nodes) {
            if (const auto kind = nodeProblem(node, state)) {
                nodesDown.insert(node.id);
                note(node.id, *kind, state.atMs, first, &still);
            }
        }
        for (const Link &link : state.links) {
            // A link whose end is down is that node's outage, not the link's (as the events log has it).
            if (nodesDown.contains(link.a) || nodesDown.contains(link.b))
                continue;
            const auto sample = state.linkSamples.constFind(link.id);
            if (sample != state.linkSamples.cend() && sample->status == LinkStatus::Down)
                note(link.id, Outage::Kind::LinkDown, state.atMs, first, &still);
        }
        // What was open and is not seen any more ended at this moment.
        for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
            if (!still.contains(it.key())) {
                Outage ended = it.value();
                ended.endMs = state.atMs;
                m_done.append(ended);
            }
        }
        m_open = std::move(still);
    }

    QList<Outage> finish(qint64 rangeEndMs)
    {
        QList<Outage> all = m_done;
        for (const Outage &open : std::as_const(m_open))
            all.append(open);
        std::sort(all.begin(), all.end(), [rangeEndMs](const Outage &a, const Outage &b) {
            const qint64 da = a.durationMs(rangeEndMs), db = b.durationMs(rangeEndMs);
            return da != db                 ? da > db
                   : a.startMs != b.startMs ? a.startMs < b.startMs
                                            : a.entityId < b.entityId;
        });
        return all;
    }

private:
    void note(const QString &id, Outage::Kind kind, qint64 atMs, bool first, QHash<QString, Outage> *still)
    {
        const QString key = id + QLatin1Char('\x1f') + QString::number(int(kind));
        const auto open = m_open.constFind(key);
        if (open != m_open.cend()) {
            still->insert(key, *open);
            return;
        }
        Outage outage;
        outage.kind = kind;
        outage.entityId = id;
        outage.startMs = atMs;
        outage.beganBefore = first;
        still->insert(key, outage);
    }

    QHash<QString, Outage> m_open; // by id and kind
    QList<Outage> m_done;
};

// Names as first listed: a directory rarely changes within a shift, and 12,000 names per moment
// would cost more than the moment's figures.
void addNames(const cache::ReplayState &state, QHash<QString, EntityNames> *names)
{
    for (const Node &node : state.nodes) {
        if (!names->contains(node.id))
            names->insert(node.id, {node.name.isEmpty() ? node.id : node.name, node.nameZh});
    }
    for (const Link &link : state.links) {
        if (names->contains(link.id))
            continue;
        const EntityNames a = names->value(link.a, {link.a, {}});
        const EntityNames b = names->value(link.b, {link.b, {}});
        const auto zh = [](const EntityNames &n) { return n.nameZh.isEmpty() ? n.name : n.nameZh; };
        names->insert(link.id,
                      {a.name + QStringLiteral(" – ") + b.name, zh(a) + QStringLiteral(" – ") + zh(b)});
    }
}

} // namespace

qint64 HandoverBuilder::stepFor(qint64 fromMs, qint64 toMs)
{
    const qint64 step = (toMs - fromMs + kTimelineSteps - 1) / kTimelineSteps;
    return std::max(kMinStepMs, (step + 999) / 1000 * 1000); // whole seconds, as the ticks are
}

NationalFigures HandoverBuilder::figuresOf(const cache::ReplayState &state)
{
    NationalFigures f;
    f.atMs = state.atMs;
    f.recorded = !state.nodeSamples.isEmpty();
    f.nodesListed = int(state.nodes.size());
    double cores = 0;
    double busyCores = 0;
    for (const Node &node : state.nodes) {
        f.acceleratorsTotal += node.capacity.acceleratorCount();
        if (nodeProblem(node, state))
            ++f.nodesDown;
        const auto sample = state.nodeSamples.constFind(node.id);
        if (sample == state.nodeSamples.cend())
            continue;
        if (sample->status == NodeStatus::Online || sample->status == NodeStatus::Degraded)
            ++f.nodesOnline;
        if (sample->status == NodeStatus::Offline)
            continue; // an offline node's last figures are not load
        cores += node.capacity.cpuCores;
        busyCores += node.capacity.cpuCores * sample->cpuUtil;
        f.powerKw += sample->powerKw;
        for (const AcceleratorPool &pool : node.capacity.accelerators)
            f.acceleratorsBusy += pool.count * sample->acceleratorUtil.value(pool.model, 0);
    }
    f.cpuUtil = cores > 0 ? busyCores / cores : 0;
    f.links = int(state.links.size());
    for (const Link &link : state.links) {
        const auto sample = state.linkSamples.constFind(link.id);
        if (sample == state.linkSamples.cend())
            continue;
        if (sample->status == LinkStatus::Down)
            ++f.linksDown;
        else if (isCongested(link, *sample))
            ++f.linksCongested;
    }
    return f;
}

HandoverData HandoverBuilder::build(qint64 fromMs, qint64 toMs,
                                    const std::function<void(int done, int total)> &progress) const
{
    HandoverData data;
    data.fromMs = fromMs;
    data.toMs = std::max(fromMs, toMs);
    data.timelineStepMs = stepFor(fromMs, data.toMs);
    const cache::SeriesReader reader(m_db);

    QList<qint64> moments;
    for (qint64 t = fromMs; t < data.toMs; t += data.timelineStepMs)
        moments.append(t);
    moments.append(data.toMs);

    OutageTracker outages;
    cache::ReplayState last;
    for (qsizetype i = 0; i < moments.size(); ++i) {
        cache::ReplayState state = reader.stateAt(moments.at(i));
        addNames(state, &data.names);
        const NationalFigures figures = figuresOf(state);
        data.recorded = data.recorded || figures.recorded;
        data.timeline.append(figures);
        outages.observe(state, i == 0);
        if (progress)
            progress(int(i + 1), int(moments.size()));
        if (i + 1 == moments.size())
            last = std::move(state);
    }
    data.atStart = data.timeline.constFirst();
    data.atEnd = data.timeline.constLast();
    data.outages = outages.finish(data.toMs);

    // Jobs are stored in their latest state: the end's state says which had failed by then.
    const cache::ContentSummary summary = reader.summary();
    data.jobsRecorded = summary.jobs > 0;
    for (const Job &job : std::as_const(last.jobs)) {
        if (job.state == JobState::Failed && job.finishedAtMs >= fromMs && job.finishedAtMs <= data.toMs)
            data.failedJobs.append(job);
    }
    std::sort(data.failedJobs.begin(), data.failedJobs.end(),
              [](const Job &a, const Job &b) { return a.finishedAtMs < b.finishedAtMs; });

    const QStringList &metricNames = metrics::regionMetricNames();
    data.cpuSeries = reader.readRegionSeries({}, metricNames.at(metrics::RegionCpu), fromMs, data.toMs);
    data.acceleratorSeries =
        reader.readRegionSeries({}, metricNames.at(metrics::RegionAccelerators), fromMs, data.toMs);
    data.powerSeries = reader.readRegionSeries({}, metricNames.at(metrics::RegionPowerKw), fromMs, data.toMs);
    return data;
}

bool HandoverBuilder::buildFromFile(const QString &cachePath, qint64 fromMs, qint64 toMs, HandoverData *data,
                                    QString *error, const std::function<void(int done, int total)> &progress)
{
    cache::CacheDatabase db;
    if (!db.open(cachePath, cache::CacheDatabase::uniqueConnectionName(QStringLiteral("cpn.report")),
                 cache::CacheDatabase::Role::Reader)) {
        if (error)
            *error = db.errorString();
        return false;
    }
    *data = HandoverBuilder(db.handle()).build(fromMs, toMs, progress);
    return true;
}

} // namespace cpn::report
