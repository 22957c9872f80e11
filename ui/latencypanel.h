#pragma once

#include "domain/latencytargets.h"
#include "itemmodels/eventlogmodel.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace cpn {
class Clock;
class FederationState;
class LatencyMatrixModel;
namespace charts {
class HistorySource;
class LatencyCompliance;
} // namespace charts
namespace map {
class NodeMapWidget;
}

// The Latency Targets dock: the hub-by-hub matrix (LatencyMatrixModel) coloured against the network's
// targets, the share of a chosen window each pair met its target (from the cache), and the latency
// rings on the map from the selected node. A breach and its end are told as events (breachEvent).
class LatencyPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kComplianceRefreshMs = 30000;

    // history is optional (no compliance without it); the map shows the rings.
    LatencyPanel(map::NodeMapWidget *map, charts::HistorySource *history, const Clock &clock,
                 QWidget *parent = nullptr);

    void setState(const FederationState *state);
    // The node the rings start from (the selection); empty clears them.
    void setSelectedNode(const QString &nodeId);

    LatencyMatrixModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QCheckBox *ringsBox() const { return m_rings; }
    QComboBox *windowBox() const { return m_window; }
    // Reads the compliance of the chosen window again.
    void refreshCompliance();

Q_SIGNALS:
    void breachEvent(cpn::EventLogModel::Severity severity, const QString &message);
    // A cell was double-clicked: the pair's path, to show on the map.
    void pathRequested(const QStringList &nodeIds, const QStringList &linkIds);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateRings();
    QString pairText(const latency::TargetPair &pair) const;

    QPointer<map::NodeMapWidget> m_map;
    const Clock &m_clock;
    QPointer<const FederationState> m_state;
    LatencyMatrixModel *m_model;
    charts::LatencyCompliance *m_compliance = nullptr;
    QComboBox *m_window;
    QCheckBox *m_rings;
    QTableView *m_view;
    QLabel *m_legend;
    QLabel *m_windowLabel;
    QString m_selected;
    QTimer m_complianceTimer;
};

} // namespace cpn
