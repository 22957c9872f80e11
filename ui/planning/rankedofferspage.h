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

    RankedOffersPage(PlanningServices *services, placement::Workload *draft, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    // Ranks the draft against the federation as it is now and refills the tables.
    void rank();
    const placement::PlacementResult &result() const { return m_result; }
    const placement::FederationSnapshot &snapshot() const { return m_snapshot; }
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

private:
    void fill();
    QString priceText(const placement::Candidate &c) const;

    PlanningServices *m_services;
    placement::Workload *m_draft;
    placement::FederationSnapshot m_snapshot;
    placement::PlacementResult m_result;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QTableWidget *m_candidates;
    QTableWidget *m_rejected;
    QPushButton *m_refresh;
};

} // namespace cpn
