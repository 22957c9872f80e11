#pragma once

#include "placement/costmodel.h"
#include "placement/placementresult.h"
#include "placement/routes.h"
#include "placement/workload.h"

#include <optional>
#include <variant>

namespace cpn::placement {

// The hard constraints: each check returns the Rejection, with its translated message, or nothing.
class ConstraintChecker
{
public:
    struct ModelChoice
    {
        QString model; // empty when the job needs no accelerators
        int freeCards = 0;
    };

    ConstraintChecker(const FederationIndex &index, const Workload &workload, const Routes &users);

    // What a node must pass to take any part of the job: up and fresh, inside the residency region,
    // close enough to the users.
    std::optional<Rejection> checkNode(int node) const;
    // The cheapest accepted model with at least `cards` free (ties by model slug).
    std::variant<ModelChoice, Rejection> chooseModel(int node, int cards) const;
    std::optional<Rejection> checkResources(int node, const costmodel::Resources &r) const;
    std::optional<Rejection> checkBudget(int node, const Candidate &c) const;
    std::optional<Rejection> checkDeadline(int node, const Candidate &c) const;

    // Not a rejection: whether a split proposal fits the budget and the deadline.
    bool withinBudgetAndDeadline(const Candidate &c) const;

private:
    Rejection reject(int node, RejectionReason reason, const QString &message) const;
    QString label(int node) const;
    QString heldNodeLabel() const;

    const FederationIndex &m_index;
    const Workload &m_workload;
    const Routes &m_users;
    QStringList m_models;
};

} // namespace cpn::placement
