#include "widgets/map/mapoverlay.h"

#include "geo/mapviewport.h"
#include "widgets/map/mapstyle.h"
#include "widgets/map/nodesprites.h"
#include "widgets/statuscolors.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>

#include <cmath>

namespace cpn::map {

namespace {

constexpr double kMargin = 14;
constexpr double kPad = 12;
// The legend's node rows, at text scale 1: where a name starts after its mark, and the gap after it.
constexpr double kSymbolNameAt = 22, kSymbolGap = 12;
constexpr double kStatusNameAt = 13, kStatusGap = 10;
constexpr double kAlarmNameAt = 17;

QString alarmsHeading()
{
    return MapOverlay::tr("ALARMS  unacknowledged · a new critical one blinks");
}

// A panel's image with a pixel of room around it for its antialiased border.
QRectF withRoom(const QRectF &panel)
{
    return panel.adjusted(-2, -2, 2, 2);
}


} // namespace

void MapOverlay::setSummary(const FederationSummary &summary, qint64 nowMs, int intervalMs)
{
    m_summary = summary;
    ++m_summaryRevision;
    m_totalsLayout.reset();
    m_nowMs = nowMs;
    m_intervalMs = intervalMs > 0 ? intervalMs : 1000;
}

void MapOverlay::setTextScale(double scale)
{
    if (scale > 0)
        m_textScale = scale;
    m_totalsLayout.reset();
}

QFont MapOverlay::font(double points, bool bold) const
{
    QFont f = QGuiApplication::font();
    f.setPointSizeF(points * m_textScale);
    if (bold)
        f.setWeight(QFont::DemiBold);
    return f;
}

QString MapOverlay::metricName(ShadingMetric metric)
{
    switch (metric) {
    case ShadingMetric::None:
        return tr("No shading");
    case ShadingMetric::Utilization:
        return tr("Utilization");
    case ShadingMetric::FreeAccelerators:
        return tr("Free accelerators");
    case ShadingMetric::Price:
        return tr("Cheapest accelerator price (CNY/card-h)");
    }
    return {};
}

void MapOverlay::paint(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal dpr = painter.device()->devicePixelRatioF();
    paintPanel(painter, m_totalsPanel, totalsRect(), totalsKey(dpr), [this](QPainter &p) { paintTotals(p); });
    if (m_legendVisible) {
        const QRectF legend = legendRect(viewport);
        const auto [lo, hi] = shadingRangeText(scene);
        paintPanel(painter, m_legendPanel, legend,
                   QStringLiteral("%1/%2/%3/").arg(int(scene.shadingMetric())).arg(lo, hi) + styleKey(dpr),
                   [&](QPainter &p) { paintLegend(p, legend, scene); });
        paintScaleBar(painter, viewport, QPointF(legend.right() + 24 * m_textScale, legend.bottom() - 4));
    }
    if (!m_diagnostics.isEmpty()) {
        painter.setFont(font(8));
        painter.setPen(style::kMutedText);
        painter.drawText(QRectF(0, 4, viewport.size().width() - 10, 20), Qt::AlignRight | Qt::AlignTop,
                         m_diagnostics);
    }
    painter.restore();
}

void MapOverlay::paintPanel(QPainter &painter, Panel &panel, const QRectF &rect, const QString &key,
                            const std::function<void(QPainter &)> &draw) const
{
    const qreal dpr = painter.device()->devicePixelRatioF();
    if (panel.key != key || panel.rect != withRoom(rect) || panel.image.devicePixelRatio() != dpr) {
        panel = drawPanel(rect, key, dpr, draw);
        ++m_panelDraws;
    }
    painter.drawImage(panel.rect.topLeft(), panel.image);
}

MapOverlay::Panel MapOverlay::drawPanel(const QRectF &rect, const QString &key, qreal devicePixelRatio,
                                        const std::function<void(QPainter &)> &draw)
{
    const QRectF room = withRoom(rect);
    Panel panel{QImage((room.size() * devicePixelRatio).toSize(), QImage::Format_ARGB32_Premultiplied), room, key};
    panel.image.setDevicePixelRatio(devicePixelRatio);
    panel.image.fill(Qt::transparent);
    QPainter painter(&panel.image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(-room.topLeft());
    draw(painter);
    return panel;
}

QString MapOverlay::styleKey(qreal devicePixelRatio) const
{
    // The language too: the panels are drawn again in a new one (View > Language).
    return QStringLiteral("%1/%2/%3/%4")
        .arg(m_textScale)
        .arg(devicePixelRatio)
        .arg(QGuiApplication::font().key(), QLocale().name());
}

QString MapOverlay::totalsKey(qreal devicePixelRatio) const
{
    return QString::number(m_summaryRevision) + QLatin1Char('/') + styleKey(devicePixelRatio);
}

MapOverlay::Panel MapOverlay::drawTotalsPanel(qreal devicePixelRatio) const
{
    return drawPanel(totalsRect(), totalsKey(devicePixelRatio), devicePixelRatio,
                     [this](QPainter &painter) { paintTotals(painter); });
}

void MapOverlay::adoptTotalsPanel(const Panel &panel) const
{
    if (!panel.image.isNull() && panel.key == totalsKey(panel.image.devicePixelRatio()))
        m_totalsPanel = panel;
}

std::pair<QString, QString> MapOverlay::shadingRangeText(const MapScene &scene)
{
    const QLocale locale;
    switch (scene.shadingMetric()) {
    case ShadingMetric::Utilization:
        return {QStringLiteral("0 %"), QStringLiteral("100 %")};
    case ShadingMetric::FreeAccelerators:
        return {locale.toString(std::lround(scene.shadingMin())), locale.toString(std::lround(scene.shadingMax()))};
    case ShadingMetric::Price:
        return {locale.toString(scene.shadingMin(), 'f', 1), locale.toString(scene.shadingMax(), 'f', 1)};
    case ShadingMetric::None:
        break;
    }
    return {};
}

QString MapOverlay::dataTimeText() const
{
    if (!m_summary || m_summary->newestSampleMs <= 0)
        return tr("Waiting for data");
    const QString time =
        QDateTime::fromMSecsSinceEpoch(m_summary->newestSampleMs).toString(QStringLiteral("HH:mm:ss"));
    // A replay's clock is pinned to the moment shown: an age against it would read as live.
    if (m_summary->recorded)
        return tr("Recorded %1, not live").arg(time);
    const qint64 age = std::max<qint64>(0, m_nowMs - m_summary->newestSampleMs);
    return tr("Data as of %1 (%2 s ago)").arg(time).arg(age / 1000);
}

const MapOverlay::TotalsLayout &MapOverlay::totalsLayout() const
{
    if (m_totalsLayout)
        return *m_totalsLayout;
    const QFont caption = font(8, true);
    const QFont big = font(17, true);
    const QFont body = font(9.5);
    const QFontMetricsF fc(caption), fb(big), fm(body);
    const QLocale locale;

    QList<TotalsRow> rows;
    QString headline = QStringLiteral("—");
    const QString dataTime = dataTimeText();
    QColor dataColor = style::kMutedText;
    if (m_summary) {
        const FederationSummary::Totals &t = m_summary->all;
        // Totals of an old tick are the last known ones: greyed like the data time is coloured.
        const bool old = m_summary->newestSampleMs > 0 && m_nowMs - m_summary->newestSampleMs > 2 * m_intervalMs;
        const QColor figures = old ? style::kMutedText : style::kText;
        headline = tr("%1 / %2 nodes online").arg(locale.toString(t.online), locale.toString(t.nodes));
        if (t.degraded + t.stale + t.offline > 0)
            rows.append({tr("Attention"),
                         tr("%1 degraded · %2 stale · %3 offline")
                             .arg(locale.toString(t.degraded), locale.toString(t.stale), locale.toString(t.offline)),
                         t.offline > 0 ? style::statusColor(DisplayStatus::Offline)
                                       : style::statusColor(DisplayStatus::Degraded)});
        if (t.acceleratorsTotal > 0)
            rows.append({tr("Accelerators"),
                         tr("%1 / %2 in use (%3)")
                             .arg(locale.toString(t.acceleratorsInUse), locale.toString(t.acceleratorsTotal),
                                  style::percentText(double(t.acceleratorsInUse) / t.acceleratorsTotal)),
                         figures});
        rows.append({tr("CPU"), style::percentText(t.cpuUtil), figures});
        rows.append({tr("Links"),
                     tr("%1 up · %2 congested · %3 down")
                         .arg(locale.toString(m_summary->linksUp), locale.toString(m_summary->linksCongested),
                              locale.toString(m_summary->linksDown)),
                     m_summary->linksDown > 0 ? style::statusColor(DisplayStatus::Offline) : style::kText});
        rows.append({tr("Power"), tr("%1 MW").arg(locale.toString(t.powerKw / 1000.0, 'f', 1)), figures});
        rows.append({tr("Jobs"),
                     tr("%1 running · %2 queued").arg(locale.toString(t.runningJobs), locale.toString(t.queuedJobs)),
                     figures});
        if (old)
            dataColor = style::statusColor(DisplayStatus::Degraded);
    }

    double labelWidth = 0;
    double valueWidth = fb.horizontalAdvance(headline);
    for (const TotalsRow &row : std::as_const(rows)) {
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(row.label));
        valueWidth = std::max(valueWidth - 0, fm.horizontalAdvance(row.value));
    }
    const double gap = 12 * m_textScale;
    const double width =
        std::max({labelWidth + gap + valueWidth, fb.horizontalAdvance(headline), fc.horizontalAdvance(dataTime)}) +
        2 * kPad;
    const double lineH = fm.height() * 1.25;
    const double height = kPad + fc.height() + 4 + fb.height() + 6 + rows.size() * lineH + 6 + fc.height() + kPad;
    const QRectF box(kMargin, kMargin, std::max(width, fc.horizontalAdvance(tr("NATIONAL COMPUTING-POWER NETWORK")) +
                                                           2 * kPad),
                     height);
    m_totalsLayout = TotalsLayout{headline, dataTime, dataColor, rows, labelWidth, box};
    return *m_totalsLayout;
}

QRectF MapOverlay::paintTotals(QPainter &painter) const
{
    const QFont caption = font(8, true);
    const QFont big = font(17, true);
    const QFont body = font(9.5);
    const QFontMetricsF fc(caption), fb(big), fm(body);
    const TotalsLayout &layout = totalsLayout();
    const QRectF box = layout.box;
    const double gap = 12 * m_textScale;
    const double lineH = fm.height() * 1.25;

    painter.setPen(QPen(style::kPanelBorder, 1));
    painter.setBrush(style::kPanel);
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(Qt::NoPen);
    painter.setBrush(style::kAccent);
    painter.drawRect(QRectF(box.left(), box.top(), box.width(), 2));

    double y = box.top() + kPad;
    const double x = box.left() + kPad;
    painter.setFont(caption);
    painter.setPen(style::kMutedText);
    painter.drawText(QPointF(x, y + fc.ascent()), tr("NATIONAL COMPUTING-POWER NETWORK"));
    y += fc.height() + 4;
    painter.setFont(big);
    painter.setPen(QColor(0xee, 0xf3, 0xf8));
    painter.drawText(QPointF(x, y + fb.ascent()), layout.headline);
    y += fb.height() + 6;
    painter.setFont(body);
    for (const TotalsRow &row : layout.rows) {
        painter.setPen(style::kMutedText);
        painter.drawText(QPointF(x, y + fm.ascent()), row.label);
        painter.setPen(row.color);
        painter.drawText(QPointF(x + layout.labelWidth + gap, y + fm.ascent()), row.value);
        y += lineH;
    }
    y += 6;
    painter.setFont(caption);
    painter.setPen(layout.dataColor);
    painter.drawText(QPointF(x, y + fc.ascent()), layout.dataTime);
    return box;
}

QList<MapOverlay::LegendSymbol> MapOverlay::legendSymbols()
{
    return {{NodeRole::National, tr("National")},
            {NodeRole::Hub, tr("Hub")},
            {NodeRole::Cluster, tr("Cluster")},
            {NodeRole::Industry, tr("Industry")}};
}

QString MapOverlay::alarmSeverityName(Alarm::Severity severity)
{
    switch (severity) {
    case Alarm::Severity::Critical:
        return tr("Critical");
    case Alarm::Severity::Major:
        return tr("Major");
    case Alarm::Severity::Minor:
        return tr("Minor");
    case Alarm::Severity::Warning:
        return tr("Warning");
    case Alarm::Severity::Info:
        return tr("Info");
    }
    return {};
}

QList<std::pair<Alarm::Severity, QString>> MapOverlay::legendSeverities()
{
    QList<std::pair<Alarm::Severity, QString>> out;
    for (Alarm::Severity severity : {Alarm::Severity::Critical, Alarm::Severity::Major,
                                     Alarm::Severity::Minor, Alarm::Severity::Warning, Alarm::Severity::Info})
        out.append({severity, alarmSeverityName(severity)});
    return out;
}

QSizeF MapOverlay::legendSize() const
{
    const QFontMetricsF fm(font(8.5));
    const double line = fm.height() * 1.35;
    const double s = m_textScale;
    // Wide enough for its widest row (the status names, longer in some languages), as paintLegend lays them out.
    double symbols = 0;
    for (const LegendSymbol &symbol : legendSymbols())
        symbols += (kSymbolNameAt + kSymbolGap) * s + fm.horizontalAdvance(symbol.name);
    double statuses = 0;
    for (DisplayStatus status : allDisplayStatuses())
        statuses += (kStatusNameAt + kStatusGap) * s + fm.horizontalAdvance(displayStatusName(status));
    double severities = 0;
    for (const auto &[severity, name] : legendSeverities())
        severities += (kAlarmNameAt + kStatusGap) * s + fm.horizontalAdvance(name);
    const QFontMetricsF fc(font(7.5, true));
    const double width =
        std::max({330.0 * s, fm.horizontalAdvance(metricName(ShadingMetric::Price)) * 1.25 + 2 * kPad,
                  symbols - kSymbolGap * s + 2 * kPad, statuses - kStatusGap * s + 2 * kPad,
                  severities - kStatusGap * s + 2 * kPad,
                  fc.horizontalAdvance(tr("LINKS  load · capacity · › heavier direction")) + 2 * kPad,
                  fc.horizontalAdvance(alarmsHeading()) + 2 * kPad});
    // Headings, two node rows, the alarm row, the link ramp with its labels and the widths, the province
    // ramp.
    const double height = 2 * kPad + 4 * (fc.height() + 4) + 3 * line + 8 +
                          (8 * m_textScale + fm.height() + 6) + line + 6 +
                          (10 * m_textScale + fm.height() + 4);
    return {width, height};
}

QRectF MapOverlay::legendRect(const geo::MapViewport &viewport) const
{
    const QSizeF size = legendSize();
    return QRectF(QPointF(kMargin, viewport.size().height() - kMargin - size.height()), size);
}

void MapOverlay::paintLegend(QPainter &painter, const QRectF &box, const MapScene &scene) const
{
    const QFont caption = font(7.5, true);
    const QFont body = font(8.5);
    const QFontMetricsF fc(caption), fm(body);
    const double line = fm.height() * 1.35;
    const double s = m_textScale;

    painter.setPen(QPen(style::kPanelBorder, 1));
    painter.setBrush(style::kPanel);
    painter.drawRoundedRect(box, 4, 4);
    const double x = box.left() + kPad;
    const double innerW = box.width() - 2 * kPad;
    double y = box.top() + kPad;
    const auto heading = [&](const QString &text) {
        painter.setFont(caption);
        painter.setPen(style::kMutedText);
        painter.drawText(QPointF(x, y + fc.ascent()), text);
        y += fc.height() + 4;
        painter.setFont(body);
    };

    // Nodes: tier symbols, then status colours.
    heading(tr("NODES"));
    double cx = x;
    for (const LegendSymbol &e : legendSymbols()) {
        painter.save();
        painter.translate(cx + 10 * s, y + line / 2);
        NodeSprites::paintSymbol(painter, e.role, DisplayStatus::Online, 12, 0.8 * s);
        painter.restore();
        painter.setPen(style::kText);
        painter.drawText(QPointF(cx + kSymbolNameAt * s, y + (line + fm.ascent() - fm.descent()) / 2), e.name);
        cx += (kSymbolNameAt + kSymbolGap) * s + fm.horizontalAdvance(e.name);
    }
    y += line;
    cx = x;
    for (DisplayStatus status : allDisplayStatuses()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(style::statusColor(status));
        painter.drawEllipse(QPointF(cx + 5 * s, y + line / 2), 4.5 * s, 4.5 * s);
        const QString name = displayStatusName(status);
        painter.setPen(style::kText);
        painter.drawText(QPointF(cx + kStatusNameAt * s, y + (line + fm.ascent() - fm.descent()) / 2), name);
        cx += (kStatusNameAt + kStatusGap) * s + fm.horizontalAdvance(name);
    }
    y += line + 4;

    // Alarms: the ring a node with an unacknowledged alarm wears (a link gets a casing of the colour).
    heading(alarmsHeading());
    cx = x;
    for (const auto &[severity, name] : legendSeverities()) {
        painter.save();
        painter.translate(cx + 7 * s, y + line / 2);
        NodeSprites::paintHalo(painter, colors::alarmSeverity(severity), 5 * s, 0.7 * s);
        painter.restore();
        painter.setPen(style::kText);
        painter.drawText(QPointF(cx + kAlarmNameAt * s, y + (line + fm.ascent() - fm.descent()) / 2), name);
        cx += (kAlarmNameAt + kStatusGap) * s + fm.horizontalAdvance(name);
    }
    y += line + 4;

    // Links: load colours, then capacity widths.
    heading(tr("LINKS  load · capacity · › heavier direction"));
    QLinearGradient gradient(x, 0, x + innerW, 0);
    for (int i = 0; i <= 10; ++i)
        gradient.setColorAt(i / 10.0, style::linkColor(i / 10.0));
    painter.setPen(Qt::NoPen);
    painter.setBrush(gradient);
    painter.drawRect(QRectF(x, y + 2, innerW, 6 * s));
    painter.setPen(style::kText);
    const double labelY = y + 8 * s + fm.ascent() + 2;
    painter.drawText(QPointF(x, labelY), QStringLiteral("0 %"));
    const QString half = QStringLiteral("50 %");
    painter.drawText(QPointF(x + (innerW - fm.horizontalAdvance(half)) / 2, labelY), half);
    const QString full = QStringLiteral("100 %");
    painter.drawText(QPointF(x + innerW - fm.horizontalAdvance(full), labelY), full);
    y += 8 * s + fm.height() + 6;
    const QList<double> thresholds = style::linkWidthThresholds();
    const double slot = innerW / style::kLinkWidthClasses;
    for (int c = 0; c < style::kLinkWidthClasses; ++c) {
        const double left = x + c * slot;
        const double w = style::linkWidth(c) * s;
        painter.setPen(QPen(style::linkColor(0.3), w, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(left, y + line / 2), QPointF(left + 22 * s, y + line / 2));
        painter.setPen(style::kMutedText);
        const QString label = c == 0 ? tr("< %1 Gbps").arg(thresholds.value(1))
                                     : tr("≥ %1 Gbps").arg(thresholds.value(c));
        painter.drawText(QPointF(left + 28 * s, y + (line + fm.ascent() - fm.descent()) / 2), label);
    }
    y += line + 6;

    // Provinces: the chosen aggregate.
    heading(tr("PROVINCES  %1").arg(metricName(scene.shadingMetric()).toUpper()));
    if (scene.shadingMetric() != ShadingMetric::None) {
        QLinearGradient shade(x, 0, x + innerW, 0);
        for (int i = 0; i <= 10; ++i) {
            const double t = i / 10.0;
            const QColor c = scene.shadingMetric() == ShadingMetric::Utilization ? style::shadeLoad(t)
                             : scene.shadingMetric() == ShadingMetric::Price     ? style::shadePrice(t)
                                                                                 : style::shadeSupply(std::sqrt(t));
            shade.setColorAt(t, c);
        }
        painter.setPen(QPen(style::kPanelBorder, 1));
        painter.setBrush(shade);
        painter.drawRect(QRectF(x, y + 2, innerW, 8 * s));
        const auto [lo, hi] = shadingRangeText(scene);
        painter.setPen(style::kText);
        painter.drawText(QPointF(x, y + 10 * s + fm.ascent() + 2), lo);
        painter.drawText(QPointF(x + innerW - fm.horizontalAdvance(hi), y + 10 * s + fm.ascent() + 2), hi);
    }
}

void MapOverlay::paintScaleBar(QPainter &painter, const geo::MapViewport &viewport, const QPointF &bottomLeft) const
{
    // A round distance of about 120 px.
    const double targetKm = 120 * m_textScale / viewport.scale();
    const double magnitude = std::pow(10.0, std::floor(std::log10(targetKm)));
    double km = magnitude;
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (step * magnitude <= targetKm)
            km = step * magnitude;
    const double px = km * viewport.scale();
    const QFont f = font(8);
    painter.setFont(f);
    const QFontMetricsF fm(f);
    const double y = bottomLeft.y();
    painter.setPen(QPen(style::kMutedText, 1.5));
    painter.drawLine(QPointF(bottomLeft.x(), y), QPointF(bottomLeft.x() + px, y));
    painter.drawLine(QPointF(bottomLeft.x(), y - 5), QPointF(bottomLeft.x(), y));
    painter.drawLine(QPointF(bottomLeft.x() + px, y - 5), QPointF(bottomLeft.x() + px, y));
    painter.drawText(QPointF(bottomLeft.x(), y - 8), tr("%1 km").arg(QLocale().toString(qint64(km))));
    Q_UNUSED(fm);
}

} // namespace cpn::map
