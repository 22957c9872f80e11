#pragma once

#include "placement/placementresult.h"
#include "placement/workload.h"

namespace cpn::placement {

// Turns raw part values into scores: each part is min-max normalized over the candidates of one ranking
// (the best gets 1, the worst 0, all 1 when they are equal), and the total is the weighted sum.
class Scorer
{
public:
    explicit Scorer(const ScoreWeights &weights) : m_weights(weights) {}
    void score(QList<Candidate> &candidates) const;
    // Best first; equal totals by key() ("a" before "a+b" before "b").
    static void sort(QList<Candidate> &candidates);

private:
    ScoreWeights m_weights;
};

} // namespace cpn::placement
