#include "placement/constraintchecker.h"

#include "domain/enums.h"
#include "domain/provinces.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace cpn::placement {

namespace {

QString number(double value, int decimals = 1) { return QLocale().toString(value, 'f', decimals); }
QString utcTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

} // namespace

ConstraintChecker::ConstraintChecker(const FederationIndex &index, const Workload &workload, const Routes &users)
    : m_index(index), m_workload(workload), m_users(users), m_models(workload.acceptedModels())
{
}

QString ConstraintChecker::label(int node) const
{
    const Node &n = m_index.node(node);
    return n.name.isEmpty() ? n.id : n.name;
}

QString ConstraintChecker::heldNodeLabel() const
{
    const int held = m_index.indexOf(m_workload.held->nodeId);
    return held >= 0 ? label(held) : m_workload.held->nodeId;
}

Rejection ConstraintChecker::reject(int node, RejectionReason reason, const QString &message) const
{
    return {m_index.node(node).id, reason, message};
}

std::optional<Rejection> ConstraintChecker::checkNode(int node) const
{
    const Node &n = m_index.node(node);
    const NodeSample *sample = m_index.sample(node);
    const FederationSnapshot &snapshot = m_index.snapshot();
    // The newest sample knows better than the directory.
    const NodeStatus status = sample ? sample->status : n.status;
    if (m_workload.held && n.id != m_workload.held->nodeId) {
        return reject(node, RejectionReason::NotTheHeldNode,
                      QCoreApplication::translate("cpn::placement", "The job runs on the units reserved at %1.")
                          .arg(heldNodeLabel()));
    }
    if (n.suspended) {
        return reject(node, RejectionReason::IdentifierSuspended,
                      QCoreApplication::translate("cpn::placement", "The compute identifier of %1 is suspended.")
                          .arg(label(node)));
    }
    if (status == NodeStatus::Offline)
        return reject(node, RejectionReason::NodeUnavailable, QCoreApplication::translate("cpn::placement", "%1 is offline.").arg(label(node)));
    if (status == NodeStatus::Maintenance)
        return reject(node, RejectionReason::NodeUnavailable, QCoreApplication::translate("cpn::placement", "%1 is in maintenance.").arg(label(node)));
    if (snapshot.requireSamples) {
        if (!sample)
            return reject(node, RejectionReason::NodeStale, QCoreApplication::translate("cpn::placement", "%1 has sent no measurements.").arg(label(node)));
        const qint64 ageMs = snapshot.nowMs - sample->tsMs;
        if (ageMs > snapshot.staleAfterMs) {
            return reject(node, RejectionReason::NodeStale,
                          QCoreApplication::translate("cpn::placement", "%1 has sent no measurements for %2 s.").arg(label(node), number(ageMs / 1000.0, 0)));
        }
    }
    if (!m_workload.residencyProvinces.isEmpty() && !m_workload.residencyProvinces.contains(n.province)) {
        return reject(node, RejectionReason::OutsideResidency,
                      QCoreApplication::translate("cpn::placement", "%1 is in %2, outside the data-residency region.")
                          .arg(label(node), provinceDisplayName(n.province)));
    }
    if (m_workload.maxLatencyMs > 0 && m_users.isSet()) {
        const double latency = m_users.latencyMsTo(node);
        if (latency > m_workload.maxLatencyMs) {
            return reject(node, RejectionReason::LatencyTooHigh,
                          QCoreApplication::translate("cpn::placement", "Latency from the users to %1 is %2 ms, over the limit of %3 ms.")
                              .arg(label(node), number(latency), number(m_workload.maxLatencyMs)));
        }
    }
    return std::nullopt;
}

std::variant<ConstraintChecker::ModelChoice, Rejection> ConstraintChecker::chooseModel(int node, int cards) const
{
    if (m_models.isEmpty() || cards <= 0)
        return ModelChoice{};
    const Node &n = m_index.node(node);
    const FederationIndex::Offers &offers = m_index.offers(node);
    std::optional<ModelChoice> best;
    double bestPrice = 0;
    bool present = false;
    int mostFree = 0;
    QString mostFreeModel;
    for (const QString &model : m_models) { // sorted, so ties keep the lower slug
        const Offer *offer = offers.accelerators.value(model);
        const bool inCapacity = std::any_of(n.capacity.accelerators.cbegin(), n.capacity.accelerators.cend(),
                                            [&](const AcceleratorPool &p) { return p.model == model && p.count > 0; });
        if (!offer && !inCapacity)
            continue;
        present = true;
        const int free = offer ? int(offer->available) : 0;
        if (mostFreeModel.isEmpty() || free > mostFree) {
            mostFree = free;
            mostFreeModel = model;
        }
        if (free < cards)
            continue;
        const double price = costmodel::unitPrice(offer, n.prices.acceleratorHour.value(model));
        if (!best || price < bestPrice) {
            best = ModelChoice{model, free};
            bestPrice = price;
        }
    }
    if (best)
        return *best;
    if (!present) {
        return reject(node, RejectionReason::ModelMissing,
                      QCoreApplication::translate("cpn::placement", "%1 has none of the accelerator models %2.").arg(label(node), m_models.join(u", ")));
    }
    return reject(node, RejectionReason::NotEnoughAccelerators,
                  QCoreApplication::translate("cpn::placement", "%1 has %2 free %3 cards; the job needs %4.")
                      .arg(label(node), QString::number(mostFree), acceleratorDisplayName(mostFreeModel),
                           QString::number(cards)));
}

std::optional<Rejection> ConstraintChecker::checkResources(int node, const costmodel::Resources &r) const
{
    const FederationIndex::Offers &offers = m_index.offers(node);
    const auto available = [](const Offer *o) { return o ? o->available : 0.0; };
    if (r.cpuCores > 0 && available(offers.cpu) < r.cpuCores) {
        return reject(node, RejectionReason::NotEnoughCpu,
                      QCoreApplication::translate("cpn::placement", "%1 has %2 free CPU cores; the job needs %3.")
                          .arg(label(node), number(available(offers.cpu), 0), QString::number(r.cpuCores)));
    }
    if (r.memoryGiB > 0 && available(offers.memory) < r.memoryGiB) {
        return reject(node, RejectionReason::NotEnoughMemory,
                      QCoreApplication::translate("cpn::placement", "%1 has %2 GiB of memory free; the job needs %3 GiB.")
                          .arg(label(node), number(available(offers.memory), 0), number(r.memoryGiB, 0)));
    }
    if (r.storageTB > 0 && available(offers.storage) < r.storageTB) {
        return reject(node, RejectionReason::NotEnoughStorage,
                      QCoreApplication::translate("cpn::placement", "%1 has %2 TB of storage free; the job needs %3 TB.")
                          .arg(label(node), number(available(offers.storage)), number(r.storageTB)));
    }
    return std::nullopt;
}

std::optional<Rejection> ConstraintChecker::checkBudget(int node, const Candidate &c) const
{
    if (m_workload.budgetCny > 0 && c.estimatedCostCny > m_workload.budgetCny) {
        return reject(node, RejectionReason::OverBudget,
                      QCoreApplication::translate("cpn::placement", "The job would cost %1 CNY on %2, over the budget of %3 CNY.")
                          .arg(number(c.estimatedCostCny, 0), label(node), number(m_workload.budgetCny, 0)));
    }
    return std::nullopt;
}

std::optional<Rejection> ConstraintChecker::checkDeadline(int node, const Candidate &c) const
{
    if (m_workload.deadlineMs > 0 && c.estimatedFinishMs > m_workload.deadlineMs) {
        return reject(node, RejectionReason::DeadlineUnreachable,
                      QCoreApplication::translate("cpn::placement", "The job would finish on %1 at %2, after the deadline of %3.")
                          .arg(label(node), utcTime(c.estimatedFinishMs), utcTime(m_workload.deadlineMs)));
    }
    return std::nullopt;
}

bool ConstraintChecker::withinBudgetAndDeadline(const Candidate &c) const
{
    const bool budgetOk = m_workload.budgetCny <= 0 || c.estimatedCostCny <= m_workload.budgetCny;
    const bool deadlineOk = m_workload.deadlineMs <= 0 || c.estimatedFinishMs <= m_workload.deadlineMs;
    return budgetOk && deadlineOk;
}

} // namespace cpn::placement
