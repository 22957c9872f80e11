#pragma once

#include "domain/nodenames.h"
#include "placement/federationsnapshot.h"
#include "placement/placementresult.h"
#include "placement/workload.h"

#include <QWizardPage>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace cpn {
namespace placement {
class SharedRanking;
}

struct PlanningServices;

// The engine's answer for the draft: the ranked candidates with their total score and the five score
// parts (cost, transfer, latency, headroom, energy) drawn as bars, and a second tab with every
// rejected node and its reason. The planner picks one row; the candidates are offered to the map
// through candidatesShown() so it can highlight them.
class RankedOffersPage : public QWizardPage
{
    Q_OBJECT

public:
    // The names of the nodes the proposals name (the ids go in tooltips).
    NodeNames nodeNames() const;
    enum Column {
        NodeColumn,
        ProvinceColumn,
        PriceColumn,
        CostColumn,
        ScoreColumn,
        CostScoreColumn,
        TransferScoreColumn,
        LatencyScoreColumn,
        HeadroomScoreColumn,
        EnergyScoreColumn,
        StartColumn,
        ColumnCount
    };

    // `ranking` is the wizard's, shared with its requirements page.
    RankedOffersPage(PlanningServices *services, placement::Workload *draft, placement::SharedRanking *ranking,
                     QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    // Ranks the draft against the federation as it is now and refills the tables (Refresh).
    void rank();
    const placement::PlacementResult &result() const;
    const placement::FederationSnapshot &snapshot() const;
    // How the proposals name a candidate: "Name" or, for a split, "A (4 cards) + B (4 cards)".
    static QString candidateName(const placement::Candidate &candidate, const NodeNames &names);
    // The chosen candidate, or nullptr.
    const placement::Candidate *selectedCandidate() const;
    bool selectCandidate(int row);

    QTableWidget *candidatesTable() const { return m_candidates; }
    QTableWidget *rejectedTable() const { return m_rejected; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *summaryLabel() const { return m_summary; }

    // The offer a share runs on, from the snapshot (nullptr when the node has none for it).
    static const Offer *offerFor(const placement::FederationSnapshot &snapshot, const placement::Share &share);

Q_SIGNALS:
    // Node ids of the candidates shown, best first (for the map's highlights).
    void candidatesShown(const QStringList &nodeIds);
    void candidateSelected(const QStringList &nodeIds);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showRanking(); // fills the tables unless they show the current ranking
    void fill();
    QString priceText(const placement::Candidate &c) const;

    PlanningServices *m_services;
    placement::Workload *m_draft;
    placement::SharedRanking *m_ranking;
    int m_shownGeneration = -1;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QTableWidget *m_candidates;
    QTableWidget *m_rejected;
    QPushButton *m_refresh;
};

} // namespace cpn
