#pragma once

#include "itemmodels/federationsummary.h"

#include <QWidget>

#include <array>
#include <optional>

class QLabel;
class QTableView;

namespace cpn {

class KeyFigureTile;
class NodeFilterProxyModel;
class NodeTableModel;

// The central "Federation overview": national key figures, a per-tier breakdown and the nodes that need
// attention. Shows a FederationSummary computed by the window; the map joins this area later.
class OverviewPanel : public QWidget
{
    Q_OBJECT

public:
    enum Tile { NodesTile, AcceleratorsTile, CpuTile, LinksTile, PowerTile, NewestDataTile, TileCount };

    explicit OverviewPanel(NodeTableModel *nodes, QWidget *parent = nullptr);

    // intervalMs: the sampling interval, to judge whether the newest data is itself stale.
    void showSummary(const FederationSummary &summary, qint64 nowMs, int intervalMs);
    // Off screen (its dock a tab behind another) the panel keeps only the newest summary and shows
    // it when it is back: laying out figures nobody sees would cost the UI thread every tick.
    void setOnScreen(bool onScreen);
    KeyFigureTile *tile(Tile tile) const { return m_tiles.at(tile); }
    QString tierCellText(NodeTier tier, int column) const;
    QTableView *attentionView() const { return m_attention; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    struct Shown
    {
        FederationSummary summary;
        qint64 nowMs = 0;
        int intervalMs = 0;
    };
    void showFigures(const Shown &shown);

    bool m_onScreen = true;
    std::optional<Shown> m_waiting; // the newest summary while the panel is off screen
    std::optional<Shown> m_shown;   // the summary on screen, shown again in a new language
    std::array<KeyFigureTile *, TileCount> m_tiles{};
    // [tier][column]: nodes, accelerators, CPU, power, jobs
    std::array<std::array<QLabel *, 5>, 3> m_tierCells{};
    QLabel *m_subtitle;
    QLabel *m_title;
    QLabel *m_tierTitle;
    QLabel *m_attentionTitle;
    std::array<QLabel *, 6> m_tierHeaders{};
    std::array<QLabel *, 3> m_tierNames{};
    NodeFilterProxyModel *m_attentionProxy;
    QTableView *m_attention;
    QLabel *m_attentionEmpty;
};

} // namespace cpn
