#pragma once

#include "charts/alarmperiods.h"
#include "charts/chartspec.h"
#include "charts/serieskey.h"
#include "charts/valuescale.h"
#include "widgets/charts/chartview.h"
#include "widgets/charts/chartpicture.h"
#include "widgets/charts/seriesfeeder.h"

#include <QFrame>
#include <QPointer>

class QChart;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QToolButton;
class QValueAxis;

namespace cpn {
class Clock;
namespace alarms {
class AlarmStore;
}
} // namespace cpn

namespace cpn::charts {

class ChartDataHub;
class ChartView;
class HistorySource;
class PlotLayer;

// One pinned chart: a header (title, window, pause, menu) over a ChartView. The samples live in
// the ChartDataHub (live, 1 h) and, for longer windows or what came before the pin, in the cache
// (read asynchronously through a HistorySource); a SeriesFeeder reduces them to the plot's width.
// Repaints follow the hub's coalesced updated() signal: one per second at most.
class ChartCard : public QFrame
{
    Q_OBJECT

public:
    enum class Window { FiveMinutes, OneHour, OneDay, SevenDays };
    static qint64 windowMs(Window w);
    // Who draws the lines: a PlotLayer over the plot area, the time axis moving by whole pixels (the
    // default); or, the path before, QtCharts from the QLineSeries' points, re-stroking every line
    // and moving the axis on each tick (kept for bench_charts' baseline).
    enum class LineRenderer { PlotLayer, QtCharts };

    // reader may be null (no history); hub and clock must outlive the card.
    ChartCard(const ChartSpec &spec, ChartDataHub *hub, HistorySource *reader, const Clock *clock,
              QWidget *parent = nullptr);
    ~ChartCard() override;

    const ChartSpec &spec() const { return m_spec; }
    // "<id>: not in this federation" while the connected federations do not report the chart's
    // node or link (pinned in another federation): greyed, with nothing drawn, not even what the
    // cache holds under that id. It comes back to life when a directory names it.
    QString title() const;
    bool isInFederation() const { return m_present; }
    ChartView *view() const { return m_view; }
    QChart *chart() const { return m_chart; }
    SeriesFeeder &feeder() { return m_feeder; }
    Window window() const { return m_window; }
    bool isPaused() const { return m_paused; }
    bool isFollowing() const { return m_following; }
    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    // The points drawn for a line (its series' index in the chart), in (epoch ms, value in the unit
    // its axis shows).
    const QList<QPointF> &linePoints(int index) const { return m_feeder.points(index); }
    // How far ahead of now the time axis' right edge may run while following: one pixel column's
    // time with the PlotLayer, 0 with QtCharts.
    qint64 axisStepMs() const;
    LineRenderer lineRenderer() const;
    void setLineRenderer(LineRenderer renderer);

    // The live alarms whose periods the card marks on its time axis (with those the history
    // source recorded for the window); null: only the recorded ones. Must outlive the card.
    void setAlarmStore(const alarms::AlarmStore *store);
    // The alarm periods marked, the most severe last.
    const QList<AlarmPeriod> &markedPeriods() const { return m_periods; }

    void setWindow(Window window);
    void setPaused(bool paused);
    // Back to the live window after a zoom or pan.
    void follow();
    // Shows [fromMs, toMs] and stops following.
    void showRange(qint64 fromMs, qint64 toMs);
    // Reduces and hands over the samples, moving the window to now when following.
    void refresh();

    // What the card shows now, for a printed report drawn as vectors (paintChartPicture).
    ChartPicture picture() const;

    bool exportPng(const QString &file);
    bool exportCsv(const QString &file);

Q_SIGNALS:
    void unpinRequested(cpn::charts::ChartCard *card);
    // The cache answered for the current window (every series, and the alarms).
    void historyLoaded();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Line
    {
        QString metric; // cache metric name; empty for a constant line
        QString name;
        QColor color;
        bool rightAxis = false;
        std::optional<double> constant;
    };
    QList<Line> linesFor(const ChartSpec &spec) const;
    // The metric (or the constant) of each line: what decides whether the lines must be built again.
    static QStringList lineKeys(const QList<Line> &lines);
    bool directoryIsEmpty() const;
    bool entityInFederation() const;
    void onDirectoryChanged();
    void showPresence();
    void buildChart();
    // The value axes and a series for each of m_lines; clearLines() takes them all away.
    void buildLines();
    void clearLines();
    void buildHeader();
    void retranslate();
    void nameForAccessibility(); // the view's and the header's accessible names, with the chart's title
    void readHistory();
    // One read of readHistory() answered; the last one refreshes and says historyLoaded().
    void readFinished();
    // The store changed or the history answered: the periods are worked out again, once per burst.
    void scheduleAlarmPeriods();
    void updateAlarmPeriods();
    void onHubUpdated();
    void saveDialogPng();
    void saveDialogCsv();
    QList<ChartView::CrosshairLine> valuesAt(qint64 tMs) const;
    int plotColumns() const;

    ChartSpec m_spec;
    ChartDataHub *m_hub;
    QPointer<HistorySource> m_reader;
    const Clock &m_clock;
    QList<Line> m_lines;
    QList<SeriesKey> m_keys; // subscribed
    SeriesFeeder m_feeder;
    QChart *m_chart = nullptr;
    ChartView *m_view = nullptr;
    PlotLayer *m_layer = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    // A value axis, the unit its lines' samples are stored in and how it reads now.
    struct ValueAxis
    {
        QValueAxis *axis = nullptr;
        QString storedUnit;
        ValueScale scale;
    };
    void fitValueAxis(ValueAxis &axis);
    ValueAxis m_left;
    ValueAxis m_right;
    QLabel *m_title = nullptr;
    QLabel *m_absent = nullptr; // in the plot's place while not in the federation
    QComboBox *m_windowCombo = nullptr;
    QToolButton *m_pause = nullptr;
    QToolButton *m_menu = nullptr;
    Window m_window = Window::FiveMinutes;
    bool m_present = true; // the node or link is in the connected federations' directory
    bool m_paused = false;
    bool m_following = true;
    qint64 m_from = 0;
    qint64 m_to = 0;
    double m_stepPhase = 0; // in [0, 1): when this card's time axis takes its pixel steps
    const alarms::AlarmStore *m_alarms = nullptr;
    QList<ChartAlarm> m_historyAlarms; // recorded for the window last read
    QList<AlarmPeriod> m_periods;
    bool m_periodsScheduled = false;
    int m_historyGeneration = 0;
    int m_pendingReads = 0;
};

} // namespace cpn::charts
