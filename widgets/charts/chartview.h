#pragma once

#include <QChartView>

#include <functional>

namespace cpn::charts {

// A QChartView with the interactions of the dashboard: the wheel zooms the time axis around the
// cursor, a left-button drag pans it, a double click goes back to following the live window;
// a crosshair follows the mouse with a label of the exact values under it. The values come from
// a provider (the chart card asks its SeriesFeeder for the stored sample nearest the time), so
// the label never shows a downsampled or interpolated value.
class ChartView : public QChartView
{
    Q_OBJECT

public:
    struct CrosshairLine
    {
        QString name;
        QColor color;
        qint64 tsMs = 0;
        double value = 0;
        QString unit;
    };
    using ValueProvider = std::function<QList<CrosshairLine>(qint64 tMs)>;

    explicit ChartView(QChart *chart, QWidget *parent = nullptr);

    void setValueProvider(ValueProvider provider) { m_provider = std::move(provider); }
    // Puts the crosshair at a widget position (what a mouse move does); false outside the plot.
    bool setCrosshairAt(const QPointF &pos);
    void clearCrosshair();
    bool hasCrosshair() const { return m_crosshairVisible; }
    qint64 crosshairTime() const { return m_crosshairMs; }
    const QList<CrosshairLine> &crosshairValues() const { return m_values; }
    // The time range on the x axis (epoch ms).
    qint64 rangeFrom() const;
    qint64 rangeTo() const;
    // Zooms the time axis by factor (< 1 zooms in) around time tMs.
    void zoomTime(double factor, qint64 tMs);
    void panPixels(double dx);

Q_SIGNALS:
    // The user zoomed or panned: the card stops following live and shows [fromMs, toMs].
    void userRangeChanged(qint64 fromMs, qint64 toMs);
    // Double click: back to the live window.
    void followRequested();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    qint64 timeAt(const QPointF &pos) const;
    void setRange(qint64 fromMs, qint64 toMs);

    ValueProvider m_provider;
    bool m_crosshairVisible = false;
    qint64 m_crosshairMs = 0;
    QPointF m_crosshairPos;
    QList<CrosshairLine> m_values;
    bool m_dragging = false;
    QPointF m_lastDrag;
};

} // namespace cpn::charts
