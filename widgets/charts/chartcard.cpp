#include "widgets/charts/chartcard.h"

#include "widgets/accessibletext.h"

#include "alarms/alarmstore.h"
#include "charts/chartdatahub.h"
#include "charts/historysource.h"
#include "domain/clock.h"
#include "domain/metricnames.h"
#include "domain/provinces.h"
#include "widgets/charts/plotlayer.h"
#include "widgets/charts/seriescolors.h"

#include <QAction>
#include <QChart>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cpn::charts {
namespace {

SeriesKey::Kind keyKind(ChartSpec::Kind kind)
{
    switch (kind) {
    case ChartSpec::Kind::NodeUtilization:
        return SeriesKey::Kind::Node;
    case ChartSpec::Kind::LinkThroughput:
    case ChartSpec::Kind::LinkQuality:
        return SeriesKey::Kind::Link;
    case ChartSpec::Kind::Region:
        return SeriesKey::Kind::Region;
    }
    return SeriesKey::Kind::Node;
}

} // namespace

qint64 ChartCard::windowMs(Window w)
{
    switch (w) {
    case Window::FiveMinutes:
        return 5 * 60 * 1000;
    case Window::OneHour:
        return 3600 * 1000;
    case Window::OneDay:
        return 24 * 3600 * 1000;
    case Window::SevenDays:
        return 7 * 24 * 3600 * 1000LL;
    }
    return 5 * 60 * 1000;
}

ChartCard::ChartCard(const ChartSpec &spec, ChartDataHub *hub, HistorySource *reader, const Clock *clock,
                     QWidget *parent)
    : QFrame(parent), m_spec(spec), m_hub(hub), m_reader(reader), m_clock(*clock)
{
    setObjectName(QStringLiteral("chartCard"));
    setFrameShape(QFrame::StyledPanel);
    m_stepPhase = double(qHash(spec.entity, size_t(spec.kind)) % 1024) / 1024.0;
    m_present = directoryIsEmpty() || entityInFederation();
    m_lines = linesFor(spec);
    buildChart();
    buildHeader();
    m_absent = new QLabel(this);
    m_absent->setObjectName(QStringLiteral("chartAbsent"));
    m_absent->setWordWrap(true);
    m_absent->setAlignment(Qt::AlignCenter);
    m_absent->setEnabled(false); // greyed, as the title
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_windowCombo);
    header->addWidget(m_pause);
    header->addWidget(m_menu);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_absent, 1);
    connect(m_hub, &ChartDataHub::updated, this, &ChartCard::onHubUpdated);
    connect(m_hub, &ChartDataHub::directoryChanged, this, &ChartCard::onDirectoryChanged);
    showPresence();
    retranslate();
    readHistory();
    refresh();
}

void ChartCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

// The header's, the menu's and the lines' texts; the title too (showPresence()).
void ChartCard::retranslate()
{
    m_absent->setText(tr("The connected federations do not report %1: nothing to show. The chart comes "
                         "back if it appears; unpin it from the … menu otherwise.")
                          .arg(m_spec.entity));
    const QStringList windows{tr("5 min"), tr("1 h"), tr("24 h"), tr("7 d")};
    for (int i = 0; i < windows.size(); ++i)
        m_windowCombo->setItemText(i, windows.at(i));
    m_windowCombo->setToolTip(tr("Time window; older data is read from the cache"));
    m_pause->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_pause->setToolTip(tr("Pause or resume live updates"));
    m_menu->setText(tr("…"));
    const QList<QAction *> actions = m_menu->menu()->actions();
    actions.at(0)->setText(tr("Save as PNG…"));
    actions.at(1)->setText(tr("Export data as CSV…"));
    actions.at(3)->setText(tr("Unpin")); // after the separator
    // The legend: the same lines (metrics), in the new language.
    const QList<Line> lines = linesFor(m_spec);
    const QList<QAbstractSeries *> series = m_chart->series();
    if (lineKeys(lines) == lineKeys(m_lines) && series.size() == lines.size()) {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            m_lines[i].name = lines.at(i).name;
            series.at(i)->setName(lines.at(i).name);
        }
    }
    showPresence(); // the title, and the names said to assistive technology
}

ChartCard::~ChartCard()
{
    for (const SeriesKey &key : std::as_const(m_keys))
        m_hub->unsubscribe(key);
}

bool ChartCard::directoryIsEmpty() const
{
    return !m_hub->hasDirectory();
}

bool ChartCard::entityInFederation() const
{
    switch (keyKind(m_spec.kind)) {
    case SeriesKey::Kind::Node:
        return m_hub->node(m_spec.entity) != nullptr;
    case SeriesKey::Kind::Link:
        return m_hub->link(m_spec.entity) != nullptr;
    case SeriesKey::Kind::Region:
        return true; // national, or a province: there whatever the federation
    }
    return true;
}

QStringList ChartCard::lineKeys(const QList<Line> &lines)
{
    QStringList keys;
    for (const Line &line : lines)
        keys << (line.constant ? QStringLiteral("=%1").arg(*line.constant) : line.metric);
    return keys;
}

void ChartCard::onDirectoryChanged()
{
    // An empty directory is a console between federations, or a replay starting over: no answer.
    if (directoryIsEmpty())
        return;
    const bool present = entityInFederation();
    const QList<Line> lines = linesFor(m_spec);
    scheduleAlarmPeriods(); // presence, or where a node lies, may have changed
    if (present == m_present && lineKeys(lines) == lineKeys(m_lines)) {
        m_title->setText(title()); // a node may have been renamed
        nameForAccessibility();
        return;
    }
    // Lines built again from scratch: no point drawn before the change (another federation's) stays.
    m_present = present;
    clearLines();
    m_lines = lines;
    buildLines();
    showPresence();
    readHistory();
    refresh();
}

void ChartCard::showPresence()
{
    m_title->setText(title());
    nameForAccessibility();
    m_title->setEnabled(m_present);
    m_view->setVisible(m_present);
    m_absent->setVisible(!m_present);
    m_windowCombo->setEnabled(m_present);
    m_pause->setEnabled(m_present);
}

QString ChartCard::title() const
{
    if (!m_present) {
        const QString what =
            keyKind(m_spec.kind) == SeriesKey::Kind::Link ? tr("Link %1").arg(m_spec.entity) : m_spec.entity;
        return tr("%1: not in this federation").arg(what);
    }
    QString name = m_spec.entity;
    switch (m_spec.kind) {
    case ChartSpec::Kind::NodeUtilization:
        if (const Node *n = m_hub->node(m_spec.entity))
            name = n->name.isEmpty() ? n->id : n->name;
        return tr("%1 — utilization and power").arg(name);
    case ChartSpec::Kind::LinkThroughput:
        return tr("Link %1 — throughput").arg(name);
    case ChartSpec::Kind::LinkQuality:
        return tr("Link %1 — latency and loss").arg(name);
    case ChartSpec::Kind::Region:
        if (const QString root = metrics::subtreeRootOf(m_spec.entity); !root.isEmpty()) {
            const Node *n = m_hub->node(root);
            return tr("%1 and the nodes below — utilization and power").arg(n && !n->name.isEmpty() ? n->name : root);
        }
        return m_spec.entity.isEmpty() ? tr("National — utilization and power")
                                       : tr("%1 — utilization and power").arg(m_spec.entity);
    }
    return name;
}

QList<ChartCard::Line> ChartCard::linesFor(const ChartSpec &spec) const
{
    QList<Line> lines;
    auto add = [&](const QString &metric, const QString &name, bool right = false) {
        lines.append(Line{metric, name, QColor(), right, std::nullopt});
    };
    switch (spec.kind) {
    case ChartSpec::Kind::NodeUtilization: {
        add(QStringLiteral("cpu"), tr("CPU"));
        if (const Node *n = m_hub->node(spec.entity)) {
            for (const AcceleratorPool &pool : n->capacity.accelerators)
                add(metrics::acceleratorMetric(pool.model), acceleratorDisplayName(pool.model));
        }
        add(QStringLiteral("memory"), tr("Memory"));
        add(QStringLiteral("storage"), tr("Storage"));
        add(QStringLiteral("power_kw"), tr("Power"), true);
        break;
    }
    case ChartSpec::Kind::LinkThroughput: {
        add(QStringLiteral("ab_gbps"), tr("A → B"));
        add(QStringLiteral("ba_gbps"), tr("B → A"));
        if (const Link *l = m_hub->link(spec.entity))
            lines.append(Line{QString(), tr("Capacity"), QColor(0x90, 0xa4, 0xae), false, l->capacityGbps});
        break;
    }
    case ChartSpec::Kind::LinkQuality:
        add(QStringLiteral("latency_ms"), tr("Latency"));
        add(QStringLiteral("loss_pct"), tr("Loss"), true);
        break;
    case ChartSpec::Kind::Region:
        add(regionmetrics::cpu(), tr("CPU"));
        add(regionmetrics::accelerators(), tr("Accelerators"));
        add(regionmetrics::memory(), tr("Memory"));
        add(regionmetrics::powerKw(), tr("Power"), true);
        break;
    }
    // By metric, not by place in the chart: a metric has its colour on every card and in every run.
    QStringList metrics;
    for (const Line &line : std::as_const(lines))
        metrics.append(line.metric);
    const QList<QColor> colors = seriesColors(metrics);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).constant)
            lines[i].color = colors.at(i);
    }
    return lines;
}

void ChartCard::buildChart()
{
    m_chart = new QChart;
    m_chart->setTheme(QChart::ChartThemeDark);
    m_chart->setBackgroundBrush(QColor(0x0f, 0x15, 0x1d));
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    QFont small = m_chart->legend()->font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1));
    m_chart->legend()->setFont(small);

    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(6);
    m_timeAxis->setLabelsFont(small);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_timeAxis->setGridLineVisible(false); // the layer draws it

    m_layer = new PlotLayer(m_chart, m_timeAxis, &m_feeder);
    buildLines();
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { m_layer->plotAreaChanged(); });
    m_view = new ChartView(m_chart, this);
    m_view->setMinimumHeight(160);
    m_view->setValueProvider([this](qint64 t) { return valuesAt(t); });
    connect(m_view, &ChartView::userRangeChanged, this, &ChartCard::showRange);
    connect(m_view, &ChartView::followRequested, this, &ChartCard::follow);
}

void ChartCard::buildLines()
{
    const QFont small = m_chart->legend()->font();    // a point smaller: buildChart()
    const bool qtChartsGrid = m_feeder.feedsSeries(); // the layer draws the grid otherwise
    const SeriesKey::Kind kind = keyKind(m_spec.kind);
    for (const Line &line : std::as_const(m_lines)) {
        const QString unit = line.constant ? QStringLiteral("Gbit/s") : unitOf(kind, line.metric).unit;
        ValueAxis &side = line.rightAxis ? m_right : m_left;
        if (!side.axis) {
            side.storedUnit = unit;
            side.scale = ValueScale{unit};
            side.axis = new QValueAxis;
            side.axis->setTitleText(unit);
            side.axis->setLabelsFont(small);
            side.axis->setTitleFont(small);
            side.axis->setLabelFormat(QStringLiteral("%.0f"));
            side.axis->setGridLineVisible(qtChartsGrid);
            m_chart->addAxis(side.axis, line.rightAxis ? Qt::AlignRight : Qt::AlignLeft);
        }
        QValueAxis *axis = side.axis;
        auto *series = new QLineSeries;
        series->setName(line.name);
        series->setUseOpenGL(false); // OpenGL series are missing from offscreen grabs and tests
        QPen pen(line.color, 1.0);   // 1 px: the rasterizer's fast path
        if (line.constant)
            pen.setStyle(Qt::DashLine);
        series->setPen(pen);
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(axis);
        if (line.constant) {
            m_feeder.addConstant(series, unit, *line.constant);
        } else {
            const SeriesKey key{kind, m_spec.entity, line.metric};
            m_hub->subscribe(key);
            m_keys.append(key);
            m_feeder.addSeries(series, unit, m_hub->store(key));
        }
    }
}

void ChartCard::clearLines()
{
    for (const SeriesKey &key : std::as_const(m_keys))
        m_hub->unsubscribe(key);
    m_keys.clear();
    const bool feedsSeries = m_feeder.feedsSeries();
    m_feeder = SeriesFeeder();
    m_feeder.setFeedsSeries(feedsSeries);
    m_chart->removeAllSeries();
    for (ValueAxis *side : {&m_left, &m_right}) {
        if (side->axis) {
            m_chart->removeAxis(side->axis);
            delete side->axis;
        }
        *side = ValueAxis();
    }
}

void ChartCard::nameForAccessibility()
{
    // The header's controls say which chart they act on: a dashboard holds many of them.
    const QString chart = title();
    setAccessibleText(m_view, tr("Chart: %1").arg(chart),
                      tr("Wheel zooms the time axis, a drag pans it, a double click follows the present again"));
    setAccessibleText(m_windowCombo, tr("Time window of %1").arg(chart), m_windowCombo->toolTip());
    setAccessibleText(m_pause, tr("Pause %1").arg(chart), m_pause->toolTip());
    setAccessibleText(m_menu, tr("Menu of %1").arg(chart), tr("Save as PNG, export as CSV, unpin"));
}

void ChartCard::buildHeader()
{
    m_title = new QLabel(title(), this);
    m_title->setObjectName(QStringLiteral("chartTitle"));
    m_windowCombo = new QComboBox(this);
    for (int i = 0; i < 4; ++i) // 5 min, 1 h, 24 h, 7 d: Window; the texts are retranslate()'s
        m_windowCombo->addItem(QString());
    connect(m_windowCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setWindow(Window(index)); });
    m_pause = new QToolButton(this);
    m_pause->setCheckable(true);
    connect(m_pause, &QToolButton::toggled, this, &ChartCard::setPaused);
    m_menu = new QToolButton(this);
    m_menu->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_menu);
    menu->addAction(QString(), this, &ChartCard::saveDialogPng);
    menu->addAction(QString(), this, &ChartCard::saveDialogCsv);
    menu->addSeparator();
    menu->addAction(QString(), this, [this] { Q_EMIT unpinRequested(this); });
    m_menu->setMenu(menu);
}

qint64 ChartCard::axisStepMs() const
{
    // (QtCharts drawing the lines, the path before, kept the edge at now.)
    return m_feeder.feedsSeries() ? 0 : std::max<qint64>(1, windowMs(m_window) / plotColumns());
}

ChartCard::LineRenderer ChartCard::lineRenderer() const
{
    return m_feeder.feedsSeries() ? LineRenderer::QtCharts : LineRenderer::PlotLayer;
}

void ChartCard::setLineRenderer(LineRenderer renderer)
{
    m_feeder.setFeedsSeries(renderer == LineRenderer::QtCharts);
    m_layer->setVisible(renderer == LineRenderer::PlotLayer);
    // The layer draws the grid with the lines; QtCharts' own grid otherwise.
    for (QAbstractAxis *axis : m_chart->axes())
        axis->setGridLineVisible(renderer == LineRenderer::QtCharts);
    refresh();
}

void ChartCard::setWindow(Window window)
{
    if (m_windowCombo->currentIndex() != int(window)) {
        m_windowCombo->setCurrentIndex(int(window)); // comes back here through the signal
        return;
    }
    m_window = window;
    m_timeAxis->setFormat(window == Window::SevenDays ? QStringLiteral("MM-dd HH:mm")
                                                      : QStringLiteral("HH:mm"));
    m_following = true;
    readHistory();
    refresh();
}

void ChartCard::setPaused(bool paused)
{
    if (m_pause->isChecked() != paused) {
        m_pause->setChecked(paused);
        return;
    }
    m_paused = paused;
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused)
        refresh();
}

void ChartCard::follow()
{
    m_following = true;
    refresh();
}

void ChartCard::showRange(qint64 fromMs, qint64 toMs)
{
    m_following = false;
    m_from = fromMs;
    m_to = toMs;
    // Zooming or panning is browsing: show it even when paused.
    const bool paused = m_paused;
    m_paused = false;
    refresh();
    m_paused = paused;
    if (fromMs < m_clock.nowMs() - ChartDataHub::kChartCapacity * 1000)
        readHistory();
}

void ChartCard::readHistory()
{
    const int generation = ++m_historyGeneration;
    if (!m_reader || !m_present)
        return; // what the cache holds under that id is another federation's
    const qint64 to = m_following ? m_clock.nowMs() : m_to;
    const qint64 from = m_following ? to - windowMs(m_window) : m_from;
    const SeriesKey::Kind kind = keyKind(m_spec.kind);
    m_pendingReads = 0;
    for (int i = 0; i < m_lines.size(); ++i) {
        const Line &line = m_lines.at(i);
        if (line.constant)
            continue;
        ++m_pendingReads;
        const double scale = unitOf(kind, line.metric).scale;
        auto done = [this, i, scale, generation](const HistorySeries &series) {
            if (generation != m_historyGeneration)
                return; // a newer window was asked for meanwhile
            const size_t n = size_t(series.points.size());
            std::vector<qint64> t;
            std::vector<double> mean;
            t.reserve(n);
            mean.reserve(n);
            for (const HistoryPoint &p : series.points) {
                t.push_back(p.tsMs);
                mean.push_back(p.mean * scale);
            }
            if (!series.rolledUp) {
                m_feeder.setHistory(i, std::move(t), std::move(mean));
            } else {
                // Roll-ups: the line goes through each bucket's min and max, so a spike survives.
                std::vector<double> low;
                std::vector<double> high;
                low.reserve(n);
                high.reserve(n);
                for (const HistoryPoint &p : series.points) {
                    low.push_back(p.min * scale);
                    high.push_back(p.max * scale);
                }
                m_feeder.setHistory(i, std::move(t), std::move(mean), std::move(low), std::move(high));
            }
            readFinished();
        };
        m_reader->readSeries(SeriesKey{kind, m_spec.entity, line.metric}, from, to, this, done);
    }
    // The alarms of the window, read with the series: historyLoaded() waits for them too.
    ++m_pendingReads;
    m_reader->readAlarms(from, to, this, [this, generation](const QList<ChartAlarm> &alarms) {
        if (generation != m_historyGeneration)
            return;
        m_historyAlarms = alarms;
        updateAlarmPeriods();
        readFinished();
    });
}

void ChartCard::readFinished()
{
    if (--m_pendingReads > 0)
        return;
    const bool paused = m_paused;
    m_paused = false;
    refresh();
    m_paused = paused;
    Q_EMIT historyLoaded();
}

void ChartCard::setAlarmStore(const alarms::AlarmStore *store)
{
    if (m_alarms)
        disconnect(m_alarms, nullptr, this, nullptr);
    m_alarms = store;
    if (m_alarms)
        connect(m_alarms, &alarms::AlarmStore::changed, this, &ChartCard::scheduleAlarmPeriods);
    updateAlarmPeriods();
}

void ChartCard::scheduleAlarmPeriods()
{
    if (m_periodsScheduled)
        return;
    m_periodsScheduled = true;
    QMetaObject::invokeMethod(this, &ChartCard::updateAlarmPeriods, Qt::QueuedConnection);
}

void ChartCard::updateAlarmPeriods()
{
    m_periodsScheduled = false;
    QList<ChartAlarm> live;
    const NodeProvince province = [this](const QString &nodeId) {
        const Node *node = m_hub->node(nodeId);
        return node ? node->province : QString();
    };
    if (m_alarms && m_present) {
        for (const alarms::StoredAlarm &s : m_alarms->all()) {
            if (chartMarks(m_spec, s.alarm, province))
                live.append({s.origin, s.alarm});
        }
    }
    QList<AlarmPeriod> periods =
        m_present ? periodsToMark(m_spec, m_historyAlarms, live, province) : QList<AlarmPeriod>();
    if (periods == m_periods)
        return;
    m_periods = std::move(periods);
    QList<PlotLayer::Band> bands;
    bands.reserve(m_periods.size());
    for (const AlarmPeriod &p : std::as_const(m_periods))
        bands.append({p.fromMs, p.toMs, alarmBandColor(p.severity)});
    m_layer->setBands(std::move(bands));
}

void ChartCard::onHubUpdated()
{
    if (!m_paused && m_following)
        refresh();
}

int ChartCard::plotColumns() const
{
    const int w = int(m_chart->plotArea().width());
    return w > 10 ? w : std::max(100, m_view->width());
}

void ChartCard::refresh()
{
    if (m_paused || !m_present)
        return;
    m_feeder.setLiveStepMs(m_hub->samplingIntervalMs());
    if (m_following) {
        // The time axis moves by whole pixels only: a shift under a pixel shows nothing, while every
        // axis change makes QtCharts lay out its labels again (most of a live tick of a dashboard).
        // So the right edge runs up to a pixel ahead of now, never behind: the newest sample shows.
        const qint64 now = m_clock.nowMs();
        const qint64 window = windowMs(m_window);
        const qint64 step = axisStepMs();
        if (m_to - m_from != window || m_to - now > step) {
            // A new window: its edge starts a card's own part of a pixel ahead, so that the cards of
            // a dashboard take their one-pixel steps on different ticks rather than all on one.
            m_to = now + qint64(m_stepPhase * double(step));
            m_from = m_to - window;
        } else if (now > m_to) {
            m_to = now + step;
            m_from = m_to - window;
        }
    }
    m_feeder.prepare(m_from, m_to, plotColumns()); // series are empty now: axis changes cost little
    if (m_timeAxis->min().toMSecsSinceEpoch() != m_from || m_timeAxis->max().toMSecsSinceEpoch() != m_to)
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_from), QDateTime::fromMSecsSinceEpoch(m_to));
    fitValueAxis(m_left);
    fitValueAxis(m_right);
    m_feeder.commit();
    m_layer->linesChanged();
}

void ChartCard::fitValueAxis(ValueAxis &side)
{
    if (!side.axis)
        return;
    // Utilizations from 0 to 100 %; the rest from 0 to a round number above what is visible, in a
    // unit that reads well (MW rather than tens of thousands of kW).
    if (side.storedUnit == QLatin1String("%") && m_spec.kind != ChartSpec::Kind::LinkQuality) {
        side.scale = ValueScale{side.storedUnit};
        side.scale.max = 100;
    } else {
        double top = 0;
        for (int i = 0; i < m_feeder.count(); ++i) {
            if (m_feeder.series(i)->attachedAxes().contains(side.axis))
                top = std::max(top, m_feeder.maxValue(i));
        }
        side.scale = ValueScale::fit(side.storedUnit, top);
    }
    for (int i = 0; i < m_feeder.count(); ++i) {
        if (m_feeder.series(i)->attachedAxes().contains(side.axis))
            m_feeder.setDivisor(i, side.scale.divisor);
    }
    QValueAxis *axis = side.axis;
    if (axis->titleText() != side.scale.unit)
        axis->setTitleText(side.scale.unit);
    if (axis->tickCount() != side.scale.tickCount)
        axis->setTickCount(side.scale.tickCount);
    const QString format = QStringLiteral("%.%1f").arg(side.scale.decimals);
    if (axis->labelFormat() != format)
        axis->setLabelFormat(format);
    if (axis->max() != side.scale.max || axis->min() != 0)
        axis->setRange(0, side.scale.max);
}

QList<ChartView::CrosshairLine> ChartCard::valuesAt(qint64 tMs) const
{
    QList<ChartView::CrosshairLine> out;
    for (int i = 0; i < m_feeder.count(); ++i) {
        const auto sample = m_feeder.nearest(i, tMs, m_from, m_to);
        if (!sample)
            continue;
        // In the unit of the line's axis, as the plot shows it.
        const ValueScale &scale =
            (m_feeder.series(i)->attachedAxes().contains(m_right.axis) ? m_right : m_left).scale;
        out.append(ChartView::CrosshairLine{m_feeder.series(i)->name(), m_feeder.series(i)->pen().color(),
                                            sample->tsMs, scale.shown(sample->value), scale.unit});
    }
    return out;
}

void ChartCard::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    refresh(); // the pixel width decides how many points the series get
}

ChartPicture ChartCard::picture() const
{
    ChartPicture picture;
    picture.title = title();
    picture.fromMs = m_from;
    picture.toMs = m_to;
    picture.left = m_left.scale;
    picture.right = m_right.scale;
    picture.hasRightAxis = m_right.axis != nullptr;
    bool anyPoint = false;
    for (int i = 0; i < m_feeder.count(); ++i) {
        QXYSeries *series = m_feeder.series(i); // attachedAxes() is not const
        ChartPicture::Line line;
        line.name = series->name();
        line.color = series->pen().color();
        line.dashed = series->pen().style() == Qt::DashLine;
        line.rightAxis = m_right.axis && series->attachedAxes().contains(m_right.axis);
        line.points = m_present ? m_feeder.points(i) : QList<QPointF>();
        anyPoint = anyPoint || !line.points.isEmpty();
        picture.lines.append(line);
    }
    if (!m_present)
        picture.note = tr("Not in the connected federations");
    else if (!anyPoint)
        picture.note = tr("No data in this window");
    return picture;
}

bool ChartCard::exportPng(const QString &file)
{
    return m_view->grab().save(file, "PNG");
}

bool ChartCard::exportCsv(const QString &file)
{
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return ChartCsv::write(&out, m_feeder.samples(m_from, m_to));
}

void ChartCard::saveDialogPng()
{
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Save chart as PNG"), QString(), tr("PNG images (*.png)"));
    if (!file.isEmpty())
        exportPng(file);
}

void ChartCard::saveDialogCsv()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export chart data as CSV"), QString(),
                                                      tr("CSV files (*.csv)"));
    if (!file.isEmpty())
        exportCsv(file);
}

} // namespace cpn::charts
