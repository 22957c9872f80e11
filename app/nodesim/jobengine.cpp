#include "jobengine.h"

#include "domain/logging.h"

namespace cpn::sim {

JobEngine::JobEngine(const Scenario &scenario, const server::Clock &clock, double speedup)
    : m_scenario(scenario), m_clock(clock), m_speedup(speedup > 0 ? speedup : kDefaultSpeedup)
{
}

qint64 JobEngine::durationMs(const Job &job) const
{
    return std::max<qint64>(1, qint64(std::llround(job.requirements.durationHours * 3600000.0 / m_speedup)));
}

double JobEngine::estimatedCost(const Node &node, const JobRequirements &q)
{
    const NodePrices &p = node.prices;
    const double perHour = q.accelerators * p.acceleratorHour.value(q.acceleratorModel) + q.cpuCores * p.cpuCoreHour
                           + q.memoryGiB * p.memoryGiBHour + q.storageTB * p.storageTBHour;
    return std::round(perHour * q.durationHours * 100) / 100;
}

bool JobEngine::fits(const Node &node, const JobRequirements &q, const NodeUsage &used) const
{
    if (q.cpuCores + used.cpuCores > node.capacity.cpuCores)
        return false;
    if (q.memoryGiB + used.memoryGiB > node.capacity.memoryTiB * 1024)
        return false;
    if (q.accelerators == 0)
        return true;
    for (const auto &pool : node.capacity.accelerators) {
        if (pool.model == q.acceleratorModel)
            return q.accelerators + used.accelerators.value(pool.model) <= pool.count;
    }
    return false;
}

JobEngine::Result JobEngine::submit(const JobRequest &request, const QString &nodeId)
{
    update();
    const Node *node = m_scenario.node(nodeId);
    if (!node)
        return {404, QStringLiteral("No node '%1' in this federation").arg(nodeId), {}};
    const JobRequirements &q = request.requirements;
    if (q.accelerators > 0
        && std::none_of(node->capacity.accelerators.begin(), node->capacity.accelerators.end(),
                        [&](const AcceleratorPool &p) { return p.model == q.acceleratorModel; }))
        return {422, QStringLiteral("Node '%1' has no %2 accelerators").arg(nodeId, q.acceleratorModel), {}};
    if (!fits(*node, q, {}) || q.storageTB > node->capacity.storagePB * 1000)
        return {422, QStringLiteral("The job is larger than the whole capacity of node '%1'").arg(nodeId), {}};
    dropOldEndedJobs();
    if (m_jobs.size() >= kMaxJobs)
        return {503, QStringLiteral("The simulator holds %1 unfinished jobs; try again later").arg(kMaxJobs), {}};
    Reservation *held = nullptr;
    if (!request.reservationId.isEmpty()) {
        for (auto &r : m_reservations) {
            if (r.id == request.reservationId)
                held = &r;
        }
        if (!held)
            return {409, QStringLiteral("Reservation '%1' does not exist").arg(request.reservationId), {}};
        if (held->state != Reservation::State::Active)
            return {409, QStringLiteral("Reservation '%1' is %2").arg(held->id, toWire(held->state)), {}};
        if (held->nodeId != nodeId)
            return {409, QStringLiteral("Reservation '%1' holds units at '%2', not at '%3'").arg(held->id, held->nodeId, nodeId), {}};
    }

    Job job;
    job.id = QStringLiteral("job-%1").arg(m_nextSerial++, 6, 10, QLatin1Char('0'));
    job.name = request.name;
    job.kind = request.kind;
    job.nodeId = nodeId;
    job.state = JobState::Queued;
    job.requirements = q;
    job.estimatedCostCny = estimatedCost(*node, q);
    job.submittedAtMs = m_clock.nowMs();
    m_jobs.append(job);
    if (held) {
        // The held units pass to the job: it starts as soon as everything else it needs is free.
        held->state = Reservation::State::Used;
        held->jobId = job.id;
    }
    qCInfo(lcSim) << "job" << job.id << "queued on" << nodeId;
    startQueued(nodeId, job.submittedAtMs);
    return {201, {}, *this->job(job.id)};
}

JobEngine::Result JobEngine::cancel(const QString &jobId)
{
    update();
    for (auto &j : m_jobs) {
        if (j.id != jobId)
            continue;
        if (isTerminal(j.state))
            return {409, QStringLiteral("Job '%1' already ended (%2)").arg(jobId, toWire(j.state)), j};
        const bool wasRunning = j.state == JobState::Running;
        j.state = JobState::Cancelled;
        j.finishedAtMs = m_clock.nowMs();
        j.message = QStringLiteral("cancelled by request");
        const Job result = j; // startQueued() may reallocate m_jobs' storage
        if (wasRunning)
            startQueued(result.nodeId, result.finishedAtMs);
        return {200, {}, result};
    }
    return {404, QStringLiteral("No job '%1'").arg(jobId), {}};
}

void JobEngine::update()
{
    const qint64 now = m_clock.nowMs();
    expireReservations(now);
    // Complete jobs in the order they finish, starting queued work at each finish time.
    for (;;) {
        Job *next = nullptr;
        for (auto &j : m_jobs) {
            if (j.state == JobState::Running && j.startedAtMs + durationMs(j) <= now
                && (!next || j.startedAtMs + durationMs(j) < next->startedAtMs + durationMs(*next)))
                next = &j;
        }
        if (!next)
            break;
        next->state = JobState::Completed;
        next->progress = 1;
        next->finishedAtMs = next->startedAtMs + durationMs(*next);
        const QString nodeId = next->nodeId;
        const qint64 at = next->finishedAtMs;
        startQueued(nodeId, at);
    }
    for (auto &j : m_jobs) {
        if (j.state == JobState::Running)
            j.progress = std::clamp(double(now - j.startedAtMs) / double(durationMs(j)), 0.0, 0.999);
    }
}

void JobEngine::startQueued(const QString &nodeId, qint64 atMs)
{
    const Node *node = m_scenario.node(nodeId);
    if (!node || m_downNodes.contains(nodeId))
        return;
    NodeUsage used = usage(nodeId);
    // Units held for someone else are not free for queued jobs.
    const NodeUsage held = reserved(nodeId);
    used.cpuCores += held.cpuCores;
    used.memoryGiB += held.memoryGiB;
    for (auto it = held.accelerators.begin(); it != held.accelerators.end(); ++it)
        used.accelerators[it.key()] += it.value();
    for (auto &j : m_jobs) {
        if (j.nodeId != nodeId || j.state != JobState::Queued)
            continue;
        if (!fits(*node, j.requirements, used))
            return; // first come, first served: later jobs do not overtake
        j.state = JobState::Running;
        j.startedAtMs = atMs;
        j.progress = 0;
        used.cpuCores += j.requirements.cpuCores;
        used.memoryGiB += j.requirements.memoryGiB;
        if (j.requirements.accelerators > 0)
            used.accelerators[j.requirements.acceleratorModel] += j.requirements.accelerators;
    }
}

void JobEngine::setNodeDown(const QString &nodeId, bool down)
{
    update();
    if (!down) {
        m_downNodes.remove(nodeId);
        startQueued(nodeId, m_clock.nowMs());
        return;
    }
    m_downNodes.insert(nodeId);
    for (auto &j : m_jobs) {
        if (j.nodeId == nodeId && j.state == JobState::Running) {
            j.state = JobState::Failed;
            j.finishedAtMs = m_clock.nowMs();
            j.message = QStringLiteral("node '%1' went down while the job was running").arg(nodeId);
        }
    }
}

std::optional<Job> JobEngine::job(const QString &id) const
{
    for (const auto &j : m_jobs) {
        if (j.id == id)
            return j;
    }
    return std::nullopt;
}

NodeUsage JobEngine::usage(const QString &nodeId) const
{
    NodeUsage u;
    for (const auto &j : m_jobs) {
        if (j.nodeId != nodeId)
            continue;
        if (j.state == JobState::Queued)
            ++u.queuedJobs;
        if (j.state != JobState::Running)
            continue;
        ++u.runningJobs;
        u.cpuCores += j.requirements.cpuCores;
        u.memoryGiB += j.requirements.memoryGiB;
        u.storageTB += j.requirements.storageTB;
        if (j.requirements.accelerators > 0)
            u.accelerators[j.requirements.acceleratorModel] += j.requirements.accelerators;
    }
    return u;
}

QHash<QString, NodeUsage> JobEngine::usageByNode() const
{
    QSet<QString> active;
    for (const auto &j : m_jobs) {
        if (!isTerminal(j.state))
            active.insert(j.nodeId);
    }
    QHash<QString, NodeUsage> result;
    for (const auto &id : active)
        result.insert(id, usage(id));
    return result;
}

JobEngine::ReservationResult JobEngine::reserve(const Offer &offer, int count, double hours)
{
    update();
    const Node *node = m_scenario.node(offer.nodeId);
    if (!node)
        return {404, QStringLiteral("No node '%1' in this federation").arg(offer.nodeId), {}};
    if (m_reservations.size() >= kMaxReservations) {
        // Forget the oldest settled reservations first.
        for (qsizetype i = 0; i < m_reservations.size() && m_reservations.size() >= kMaxReservations;) {
            if (m_reservations[i].state != Reservation::State::Active)
                m_reservations.removeAt(i);
            else
                ++i;
        }
        if (m_reservations.size() >= kMaxReservations)
            return {503, QStringLiteral("The simulator holds %1 active reservations; try again later").arg(kMaxReservations), {}};
    }
    Reservation r;
    r.id = QStringLiteral("rsv-%1").arg(m_nextReservation++, 6, 10, QLatin1Char('0'));
    r.offerId = offer.id;
    r.nodeId = offer.nodeId;
    r.resource = offer.resource;
    r.model = offer.model;
    r.count = count;
    r.hours = hours;
    r.priceCnyPerHour = offer.pricePerHour;
    r.createdAtMs = m_clock.nowMs();
    r.expiresAtMs = r.createdAtMs + kReservationHoldMs;
    r.state = Reservation::State::Active;
    m_reservations.append(r);
    qCInfo(lcSim) << "reservation" << r.id << "holds" << count << "of" << offer.id;
    return {201, {}, r};
}

JobEngine::ReservationResult JobEngine::cancelReservation(const QString &reservationId)
{
    update();
    for (auto &r : m_reservations) {
        if (r.id != reservationId)
            continue;
        if (r.state != Reservation::State::Active)
            return {409, QStringLiteral("Reservation '%1' is already %2").arg(r.id, toWire(r.state)), r};
        r.state = Reservation::State::Cancelled;
        const Reservation result = r;
        startQueued(result.nodeId, m_clock.nowMs()); // the released units may start a queued job
        return {200, {}, result};
    }
    return {404, QStringLiteral("No reservation '%1'").arg(reservationId), {}};
}

std::optional<Reservation> JobEngine::reservation(const QString &id) const
{
    for (const auto &r : m_reservations) {
        if (r.id == id)
            return r;
    }
    return std::nullopt;
}

NodeUsage JobEngine::reserved(const QString &nodeId) const
{
    NodeUsage u;
    for (const auto &r : m_reservations) {
        if (r.nodeId != nodeId || r.state != Reservation::State::Active)
            continue;
        switch (r.resource) {
        case Offer::Resource::Accelerator:
            u.accelerators[r.model] += r.count;
            break;
        case Offer::Resource::Cpu:
            u.cpuCores += r.count;
            break;
        case Offer::Resource::Memory:
            u.memoryGiB += r.count;
            break;
        case Offer::Resource::Storage:
            u.storageTB += r.count;
            break;
        }
    }
    return u;
}

void JobEngine::expireReservations(qint64 nowMs)
{
    QSet<QString> released;
    for (auto &r : m_reservations) {
        if (r.state == Reservation::State::Active && r.expiresAtMs <= nowMs) {
            r.state = Reservation::State::Expired;
            released.insert(r.nodeId);
        }
    }
    for (const QString &nodeId : std::as_const(released))
        startQueued(nodeId, nowMs);
}

void JobEngine::dropOldEndedJobs()
{
    // Keep memory bounded: forget the oldest ended jobs once the table is full.
    for (qsizetype i = 0; i < m_jobs.size() && m_jobs.size() >= kMaxJobs;) {
        if (isTerminal(m_jobs[i].state))
            m_jobs.removeAt(i);
        else
            ++i;
    }
}

} // namespace cpn::sim
