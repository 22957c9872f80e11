#include "widgets/map/placementfit.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace cpn::map {

FitShading PlacementFit::shadingFor(const placement::Workload &workload, const placement::PlacementResult &result)
{
    FitShading shading;
    shading.workloadName = workload.name;
    const QLocale locale;
    QList<const placement::Candidate *> singles;
    for (const placement::Candidate &c : result.ranked)
        if (!c.isSplit())
            singles.append(&c);
    const int n = int(singles.size());
    const int goodRanks = std::max(3, int(std::ceil(n / 3.0)));
    const double best = n > 0 ? singles.first()->totalScore : 0;
    for (int i = 0; i < n; ++i) {
        const placement::Candidate &c = *singles[i];
        QStringList poor;
        if (i >= goodRanks)
            poor << tr("rank %1 of %2").arg(i + 1).arg(n);
        if (c.totalScore < fitrules::kGoodScoreShare * best)
            poor << tr("low score");
        if (c.queueWaitHours > fitrules::kLongQueueHours)
            poor << tr("queue of %1 h").arg(locale.toString(c.queueWaitHours, 'f', 1));
        if (workload.budgetCny > 0 && c.estimatedCostCny > fitrules::kBudgetShare * workload.budgetCny)
            poor << tr("%1 % of the budget").arg(std::lround(100 * c.estimatedCostCny / workload.budgetCny));
        NodeFit fit;
        fit.rank = i;
        fit.level = poor.isEmpty() ? FitLevel::Good : FitLevel::Poor;
        const QString head = poor.isEmpty() ? tr("Fits well: rank %1 of %2").arg(i + 1).arg(n)
                                            : tr("Fits poorly: %1").arg(poor.join(QStringLiteral(", ")));
        const QString finish = QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.estimatedFinishMs),
                                                  QLocale::ShortFormat);
        fit.text = head + u'\n'
                   + tr("score %1 of 100 · ≈ %2 CNY · done %3")
                         .arg(QString::number(placement::scorePoints(c.totalScore)),
                              locale.toString(c.estimatedCostCny, 'f', 0), finish);
        shading.nodes.insert(c.nodeId(), fit);
    }
    for (const placement::Rejection &r : result.rejected) {
        NodeFit fit;
        fit.level = FitLevel::Cannot;
        fit.text = tr("Cannot run here: %1").arg(r.message);
        shading.nodes.insert(r.nodeId, fit);
    }
    return shading;
}

} // namespace cpn::map
