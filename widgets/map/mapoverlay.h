#pragma once

#include "itemmodels/federationsummary.h"
#include "widgets/map/mapscene.h"

#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QRectF>

#include <functional>
#include <optional>
#include <utility>

class QPainter;

namespace cpn::geo {
class MapViewport;
}

namespace cpn::map {

// What sits on top of the map and does not move with it: the national totals with the time of the data
// shown, the legends (node symbols and status, link load and capacity, province shading) and a scale
// bar. Bigger type in wall mode, so a room can read it. The totals and the legend are drawn into images
// when what they show changes and only blitted on other frames: their text is most of a frame's cost.
class MapOverlay
{
    Q_DECLARE_TR_FUNCTIONS(cpn::map::MapOverlay)

public:
    void setSummary(const FederationSummary &summary, qint64 nowMs, int intervalMs);
    void setTextScale(double scale);
    double textScale() const { return m_textScale; }
    void setDiagnostics(const QString &text) { m_diagnostics = text; }
    void setLegendVisible(bool visible) { m_legendVisible = visible; }
    bool legendVisible() const { return m_legendVisible; }
    // Panel images drawn so far (tests).
    int panelDraws() const { return m_panelDraws; }

    // A panel drawn into an image, for what `key` says it shows.
    struct Panel
    {
        QImage image;
        QRectF rect;
        QString key;
    };
    // The totals panel at this pixel ratio, drawn on any thread (the map's composing thread draws the
    // next tick's with its data); adoptTotalsPanel() takes it if it shows the summary set now.
    Panel drawTotalsPanel(qreal devicePixelRatio) const;
    void adoptTotalsPanel(const Panel &panel) const;

    void paint(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene) const;
    // Where the panels are, so the inset can sit clear of them.
    QRectF legendRect(const geo::MapViewport &viewport) const;
    // Where the totals panel is for the current summary: a new summary repaints only this.
    QRectF totalsRect() const { return totalsLayout().box; }

    static QString metricName(ShadingMetric metric);
    static QString alarmSeverityName(Alarm::Severity severity);
    // The line under the totals telling the time of the data: its age live, the time recorded in a replay.
    QString dataTimeText() const;

private:
    struct TotalsRow
    {
        QString label;
        QString value;
        QColor color;
    };
    struct TotalsLayout
    {
        QString headline;
        QString dataTime;
        QColor dataColor;
        QList<TotalsRow> rows;
        double labelWidth = 0;
        QRectF box;
    };
    // Laid out once per summary: the map asks for its box and paints it on the same tick.
    const TotalsLayout &totalsLayout() const;
    QRectF paintTotals(QPainter &painter) const;
    void paintLegend(QPainter &painter, const QRectF &box, const MapScene &scene) const;
    void paintScaleBar(QPainter &painter, const geo::MapViewport &viewport, const QPointF &bottomLeft) const;
    QSizeF legendSize() const;
    // The node symbols the legend explains, in its order: legendSize() measures what paintLegend() draws.
    struct LegendSymbol
    {
        NodeRole role;
        QString name;
    };
    static QList<LegendSymbol> legendSymbols();
    // The alarm severities the legend explains, most severe first, with their names.
    static QList<std::pair<Alarm::Severity, QString>> legendSeverities();
    QFont font(double points, bool bold = false) const;
    // The two ends of the province shading's scale, as the legend writes them.
    static std::pair<QString, QString> shadingRangeText(const MapScene &scene);

    // Blits `panel`, first drawing it with `draw` (in widget coordinates) when `key` or `rect` moved.
    void paintPanel(QPainter &painter, Panel &panel, const QRectF &rect, const QString &key,
                    const std::function<void(QPainter &)> &draw) const;
    static Panel drawPanel(const QRectF &rect, const QString &key, qreal devicePixelRatio,
                           const std::function<void(QPainter &)> &draw);
    // What a panel's look depends on besides its content.
    QString styleKey(qreal devicePixelRatio) const;
    QString totalsKey(qreal devicePixelRatio) const;

    std::optional<FederationSummary> m_summary;
    qint64 m_nowMs = 0;
    int m_intervalMs = 1000;
    double m_textScale = 1.0;
    QString m_diagnostics;
    bool m_legendVisible = true;
    quint64 m_summaryRevision = 0;
    mutable std::optional<TotalsLayout> m_totalsLayout; // of the summary and text scale set
    mutable Panel m_totalsPanel;
    mutable Panel m_legendPanel;
    mutable int m_panelDraws = 0;
};

} // namespace cpn::map
