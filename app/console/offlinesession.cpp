#include "offlinesession.h"

#include "cache/snapshotdiff.h"
#include "domain/logging.h"
#include "reviewclock.h"
#include "ui/alarms/alarmspanel.h"
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "ui/replay/comparepanel.h"
#include "ui/replay/replaybar.h"
#include "ui/replay/replaycontroller.h"
#include "widgets/map/nodemapwidget.h"

#include <QDateTime>
#include <QDockWidget>
#include <QFileInfo>
#include <QMessageBox>
#include <QToolBar>

namespace cpn::console {

namespace {
QString rangeText(qint64 fromMs, qint64 toMs)
{
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(toMs);
    // Short recordings need the seconds to tell their ends apart.
    const QString timeFormat =
        toMs - fromMs < 10 * 60 * 1000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    if (from.date() == to.date())
        return QStringLiteral("%1 %2–%3")
            .arg(from.toString(QStringLiteral("yyyy-MM-dd")), from.toString(timeFormat),
                 to.toString(timeFormat));
    return QStringLiteral("%1–%2").arg(from.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                       to.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}
} // namespace

OfflineSession::OfflineSession(MainWindow *window, ReviewClock *clock, QObject *parent)
    : QObject(parent), m_window(window), m_clock(clock), m_source(std::make_unique<cache::RecordingSource>()),
      m_state(*clock)
{
    m_state.setFeed(FederationState::Feed::Recording);
    m_controller = new ReplayController(
        *clock,
        [this](qint64 atMs, QObject *context, ReplayController::Done done) {
            m_source->readStateAt(atMs, context, std::move(done));
        },
        this);
    connect(m_controller, &ReplayController::stateReady, this, &OfflineSession::show);

    // The bar sits in a fixed tool bar above the map: wide, always in the same place, and out of
    // the saved dock layout.
    m_bar = new ReplayBar(m_controller);
    m_barHost = new QToolBar(m_window);
    m_barHost->setObjectName(QStringLiteral("replayToolBar"));
    m_barHost->setMovable(false);
    m_barHost->setFloatable(false);
    m_barHost->toggleViewAction()->setVisible(false);
    m_barHost->addWidget(m_bar);
    m_window->addToolBar(Qt::TopToolBarArea, m_barHost);
    m_barHost->hide();
    connect(m_bar, &ReplayBar::compareRequested, this, &OfflineSession::compareMoments);
    connect(m_bar, &ReplayBar::backToLiveRequested, this, &OfflineSession::backToLiveRequested);

    m_comparePanel = new ComparePanel(&m_changes);
    m_compareDock = new QDockWidget(m_window);
    m_compareDock->setObjectName(QStringLiteral("compareDock"));
    m_compareDock->setWidget(m_comparePanel);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_compareDock);
    m_window->tabifyDockWidget(m_window->eventsDock(), m_compareDock);
    m_window->eventsDock()->raise();
    m_compareDock->hide();
    retranslate();
    connect(m_window, &MainWindow::languageChanged, this, &OfflineSession::retranslate);
}

void OfflineSession::retranslate()
{
    m_barHost->setWindowTitle(tr("Replay"));
    m_compareDock->setWindowTitle(tr("Compare"));
    if (!m_active || !m_source)
        return;
    // The window has just set its own title again, in the new language.
    m_liveTitle = m_window->windowTitle();
    m_window->setWindowTitle(tr("RECORDING, not live — %1").arg(m_liveTitle));
    m_bar->setBannerText(bannerText());
}

OfflineSession::~OfflineSession()
{
    // The window and the dock must not be left over this session's state and store, which go now
    // (the window outlives the session and still paints and lays out its tables while closing).
    if (m_active)
        showWhatWasShownBefore();
}

void OfflineSession::showWhatWasShownBefore()
{
    if (m_stateBefore)
        m_window->showState(m_stateBefore);
    if (m_alarmsBefore)
        m_window->showAlarms(m_alarmsBefore, false);
}

void OfflineSession::openFile(const QString &file)
{
    start(file, 0, false);
}

void OfflineSession::reviewCache(const QString &cachePath, qint64 fromMs)
{
    start(cachePath, fromMs, true);
}

void OfflineSession::start(const QString &file, qint64 fromMs, bool live)
{
    m_openingFile = file;
    m_comparedWhileOpening = false;
    // A new source for each file: a refused one leaves the recording on screen untouched.
    m_opening = std::make_unique<cache::RecordingSource>();
    connect(m_opening.get(), &cache::RecordingSource::opened, this,
            [this, fromMs, live](bool ok, const QString &error) {
                m_fromMs = fromMs;
                onOpened(ok, error, live);
            });
    m_opening->open(file, live ? cache::RecordingSource::Kind::Cache : cache::RecordingSource::Kind::Detect);
}

void OfflineSession::onOpened(bool ok, const QString &error, bool live)
{
    if (!ok) {
        m_opening.reset();
        m_lastError = error;
        const QString name = QFileInfo(m_openingFile).fileName();
        m_window->logEvent(EventLogModel::Severity::Error, tr("Offline review"),
                           tr("%1 cannot be opened: %2").arg(name, error));
        // Not exec(): the window stays live behind the message, and tests are not blocked by it.
        auto *box =
            new QMessageBox(QMessageBox::Warning, tr("Cannot Open Recording"),
                            tr("%1 cannot be opened for review.").arg(name), QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("offlineError"));
        box->setInformativeText(error);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        Q_EMIT opened(false, error);
        return;
    }
    m_lastError.clear();
    m_source = std::move(m_opening);
    if (!m_active)
        m_liveTitle = m_window->windowTitle();
    if (!m_active) {
        m_stateBefore = m_window->shownState();
        m_alarmsBefore = m_window->alarmsPanel() ? m_window->alarmsPanel()->store() : nullptr;
    }
    m_active = true;
    m_live = live;
    m_shownMs = -1;
    m_shownNodes.clear();
    m_shownLinks.clear();
    if (!m_comparedWhileOpening) {
        m_changes.clear();
        m_window->mapPanel()->mapWidget()->setHighlights({}, {});
    }
    // The recording's own state, from a clean slate (another recording may have been shown).
    m_state.clear();
    m_window->showState(&m_state);
    m_alarms.clear();
    m_shownAlarms.clear();
    m_window->showAlarms(&m_alarms, true);

    const cache::ContentSummary &summary = m_source->info().summary;
    // From the first moment with both a directory and samples: samples that arrived before the
    // directory they belong to show nothing.
    qint64 from = qMin(qMax(summary.fromMs, summary.firstListedMs), summary.toMs);
    if (live)
        from = qMax(from, m_fromMs);
    m_controller->setPlaying(false);
    m_controller->setRange(from, summary.toMs);
    m_bar->setBannerText(bannerText());
    m_bar->setBackToLiveVisible(live);
    m_barHost->show();
    m_window->setWindowTitle(tr("RECORDING, not live — %1").arg(m_liveTitle));
    m_window->logEvent(EventLogModel::Severity::Info, tr("Offline review"),
                       tr("Reviewing %1: %2 to %3, not live")
                           .arg(QFileInfo(m_source->info().file).fileName(),
                                QDateTime::fromMSecsSinceEpoch(m_controller->fromMs()).toString(Qt::ISODate),
                                QDateTime::fromMSecsSinceEpoch(m_controller->toMs()).toString(Qt::ISODate)));
    m_controller->seek(m_initialOffsetMs >= 0 ? from + m_initialOffsetMs : from);
    m_initialOffsetMs = -1;
    Q_EMIT opened(true, {});
}

QString OfflineSession::bannerText() const
{
    const cache::RecordingSource::Info &info = m_source->info();
    const QString range = rangeText(m_controller->fromMs(), m_controller->toMs());
    if (m_live)
        return tr("RECORDING — the live cache rewound, %1, not live").arg(range);
    if (info.isSnapshot)
        return tr("RECORDING — snapshot %1, %2, not live").arg(info.manifest.name, range);
    return tr("RECORDING — cache %1, %2, not live").arg(QFileInfo(info.file).fileName(), range);
}

void OfflineSession::close()
{
    if (!m_active)
        return;
    m_controller->setPlaying(false);
    m_active = false;
    m_barHost->hide();
    m_clock->unpin();
    m_window->setWindowTitle(m_liveTitle);
    m_source = std::make_unique<cache::RecordingSource>(); // lets the reader connection go
    m_changes.clear();
    m_window->mapPanel()->mapWidget()->setHighlights({}, {});
    showWhatWasShownBefore();
    m_state.clear();
    m_alarms.clear();
    m_shownAlarms.clear();
}

void OfflineSession::show(const cache::ReplayState &state)
{
    if (!m_active)
        return;
    m_clock->pin(state.atMs);
    // The state keeps the newest sample per node: going back in time needs a clean slate.
    if (m_shownMs >= 0 && state.atMs < m_shownMs) {
        m_state.clear();
        m_shownNodes.clear();
        m_shownLinks.clear();
    }
    if (state.nodes != m_shownNodes || state.links != m_shownLinks) {
        m_shownNodes = state.nodes;
        m_shownLinks = state.links;
        // Listed since the recording says, so a node without samples is aged as it was then.
        m_state.setDirectory(state.nodes, state.links, state.listedSinceMs);
    }
    MetricsBatch batch;
    batch.serverTimeMs = state.atMs;
    batch.intervalMs = 1000;
    batch.nodes = state.nodeSamples.values();
    batch.links = state.linkSamples.values();
    m_state.ingest(batch);
    showAlarms(state.alarms);
    m_window->tick();
    m_shownMs = state.atMs;
    Q_EMIT stateShown(state.atMs);
}

void OfflineSession::showAlarms(const QList<cache::RecordedAlarm> &recorded)
{
    // Most moments of a replay list the same alarms as the one before: the dock keeps its selection.
    if (recorded == m_shownAlarms)
        return;
    m_shownAlarms = recorded;
    // Each moment from a clean slate: an alarm not listed then (not yet raised, or going back in
    // time) must not stay from the moment shown before.
    m_alarms.clear();
    QList<alarms::AlarmStore::Observed> observed;
    observed.reserve(recorded.size());
    for (const cache::RecordedAlarm &r : recorded)
        observed.append({r.origin, r.alarm, r.observedAtMs});
    m_alarms.applyAlarms(observed);
}

void OfflineSession::compareMoments(qint64 aMs, qint64 bMs)
{
    if (!m_active)
        return;
    const qint64 from = qMin(aMs, bMs);
    const qint64 to = qMax(aMs, bMs);
    // Two reads on the reader thread, one after the other; the diff is cheap beside them.
    m_source->readStateAt(from, this, [this, to](const cache::ReplayState &before) {
        m_source->readStateAt(to, this, [this, before](const cache::ReplayState &after) {
            showComparison(cache::SnapshotDiff::compare(before, after), {}, {});
        });
    });
}

void OfflineSession::showComparison(const cache::DiffResult &diff, const QString &aLabel,
                                    const QString &bLabel)
{
    m_comparedWhileOpening = m_opening != nullptr;
    m_changes.setDiff(diff);
    m_window->mapPanel()->mapWidget()->setHighlights(m_changes.changedNodeIds(), m_changes.changedLinkIds());
    m_comparePanel->setMoments(diff.fromMs, diff.toMs, aLabel, bLabel);
    m_compareDock->show();
    m_compareDock->raise();
    Q_EMIT compared();
}

} // namespace cpn::console
