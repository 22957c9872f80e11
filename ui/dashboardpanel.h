#pragma once

#include "charts/chartspec.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QScrollArea;
class QToolButton;

namespace cpn {

class Clock;
namespace alarms {
class AlarmStore;
}
namespace charts {
class ChartCard;
class ChartDataHub;
class HistorySource;
} // namespace charts

// The Dashboard dock: charts the user pinned (from the map's or the node table's context menu, or dragged
// from it: NodeDragSource), in a grid that is saved with the layout. Each chart is a
// ChartCard over the shared ChartDataHub; the whole grid exports to PDF for a shift report.
class DashboardPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kColumns = 2;
    // The MIME type of a drag of node ids (one per line) onto the dashboard.
    static QString nodeIdsMimeType() { return QStringLiteral("application/x-cpn-node-ids"); }

    // reader may be null (no history).
    DashboardPanel(charts::ChartDataHub *hub, charts::HistorySource *reader, const Clock *clock,
                   QWidget *parent = nullptr);

    // The live alarms the charts mark on their time axis (the store must outlive the panel).
    void setAlarmStore(const alarms::AlarmStore *store);

    // False when that chart is pinned already.
    bool pin(const charts::ChartSpec &spec);
    void unpin(charts::ChartCard *card);
    void unpinAll();
    bool isPinned(const charts::ChartSpec &spec) const;
    int count() const { return int(m_cards.size()); }
    charts::ChartCard *card(int index) const { return m_cards.at(index); }

    // For the settings: the pinned charts in grid order.
    QStringList pinnedSpecs() const;
    void restorePinned(const QStringList &specs);

    bool exportPdf(const QString &file, const QString &title);

Q_SIGNALS:
    void pinnedChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QToolButton *m_pdf = nullptr;
    QToolButton *m_unpinAll = nullptr;
    void relayout();
    void exportPdfDialog();
    void pinPending();

    charts::ChartDataHub *m_hub;
    charts::HistorySource *m_reader;
    const Clock *m_clock;
    const alarms::AlarmStore *m_alarms = nullptr;
    QList<charts::ChartCard *> m_cards;
    // Restored before the first directory: a node chart needs the node's accelerator models.
    QList<charts::ChartSpec> m_pending;
    QScrollArea *m_scroll;
    QWidget *m_grid;
    QGridLayout *m_layout;
    QLabel *m_empty;
};

} // namespace cpn
