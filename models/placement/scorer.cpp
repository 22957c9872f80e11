#include "placement/scorer.h"

#include <algorithm>
#include <cmath>

namespace cpn::placement {

namespace {

// Lower raw values are better for every part.
void normalize(QList<Candidate> &candidates, ScorePart ScoreParts::*part)
{
    if (candidates.isEmpty())
        return;
    double lo = (candidates.first().parts.*part).raw;
    double hi = lo;
    for (const Candidate &c : candidates) {
        lo = std::min(lo, (c.parts.*part).raw);
        hi = std::max(hi, (c.parts.*part).raw);
    }
    // A spread lost in rounding noise is no spread: equal inputs must score equal.
    const bool flat = hi - lo <= 1e-12 * std::max(1.0, std::abs(hi));
    for (Candidate &c : candidates) {
        ScorePart &p = c.parts.*part;
        p.score = flat ? 1.0 : (hi - p.raw) / (hi - lo);
    }
}

} // namespace

void Scorer::score(QList<Candidate> &candidates) const
{
    normalize(candidates, &ScoreParts::cost);
    normalize(candidates, &ScoreParts::transfer);
    normalize(candidates, &ScoreParts::latency);
    normalize(candidates, &ScoreParts::headroom);
    normalize(candidates, &ScoreParts::energy);
    for (Candidate &c : candidates) {
        c.totalScore = m_weights.cost * c.parts.cost.score + m_weights.transfer * c.parts.transfer.score
                       + m_weights.latency * c.parts.latency.score + m_weights.headroom * c.parts.headroom.score
                       + m_weights.energy * c.parts.energy.score;
    }
}

void Scorer::sort(QList<Candidate> &candidates)
{
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.totalScore != b.totalScore)
            return a.totalScore > b.totalScore;
        return a.key() < b.key();
    });
}

} // namespace cpn::placement
