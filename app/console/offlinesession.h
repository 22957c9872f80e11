#pragma once

#include "alarms/alarmstore.h"
#include "cache/recordingsource.h"
#include "cache/snapshotdiff.h"
#include "state/federationstate.h"
#include "ui/replay/changetablemodel.h"

#include <QObject>

#include <memory>

class QDockWidget;
class QToolBar;

namespace cpn {
class ComparePanel;
class MainWindow;
class ReplayBar;
class ReplayController;
} // namespace cpn

namespace cpn::console {

class ReviewClock;

// A recording shown in the main window instead of the federations: opens a snapshot or cache
// file through RecordingSource (reader thread), drives a ReplayController over its range and
// feeds each replayed state into a FederationState of its own, which the window shows instead of the
// live one, with the window's clock pinned to the replayed moment, and the moment's alarms into an
// AlarmStore of its own, which the Alarms dock shows read-only. While active it shows the amber
// banner and the replay bar, and titles the window as a recording. The compare marks run
// SnapshotDiff over two replayed states into the Compare dock. A file that is refused changes
// nothing and leaves the window as it was, with the reason in a dialog and the Events log.
class OfflineSession : public QObject
{
    Q_OBJECT

public:
    OfflineSession(MainWindow *window, ReviewClock *clock, QObject *parent = nullptr);
    ~OfflineSession() override;

    // Offline review of a .cpnsnap or a cache file.
    void openFile(const QString &file);
    // The live cache rewound: its range from..to, with "Back to live" on the bar.
    void reviewCache(const QString &cachePath, qint64 fromMs);
    // Leaves the recording: bar and banner hidden, clock unpinned, title restored.
    void close();
    bool isActive() const { return m_active; }
    // What changed between two replayed moments, into the Compare dock; compared() follows.
    void compareMoments(qint64 aMs, qint64 bMs);
    // A comparison made elsewhere (two snapshot files), shown in the same dock and on the map.
    void showComparison(const cache::DiffResult &diff, const QString &aLabel, const QString &bLabel);
    // Diagnostic (--replay-at): seek this far into the recording once it is open.
    void setInitialOffsetMs(qint64 offsetMs) { m_initialOffsetMs = offsetMs; }

    ReplayController *controller() const { return m_controller; }
    ReplayBar *bar() const { return m_bar; }
    ChangeTableModel *changes() { return &m_changes; }
    // The recording's alarms at the replayed moment, which the Alarms dock shows read-only.
    const alarms::AlarmStore *alarms() const { return &m_alarms; }
    QDockWidget *compareDock() const { return m_compareDock; }
    const cache::RecordingSource::Info &info() const { return m_source->info(); }
    // The last refusal, one line; empty after a successful open.
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void stateShown(qint64 atMs);
    void compared();
    void backToLiveRequested();

private:
    void retranslate();
    void start(const QString &file, qint64 fromMs, bool live);
    void onOpened(bool ok, const QString &error, bool live);
    void show(const cache::ReplayState &state);
    void showWhatWasShownBefore(); // the window's live state and alarms, as before the session
    void showAlarms(const QList<cache::RecordedAlarm> &recorded);
    QString bannerText() const;

    MainWindow *m_window;
    ReviewClock *m_clock;
    std::unique_ptr<cache::RecordingSource> m_source;  // the recording shown
    std::unique_ptr<cache::RecordingSource> m_opening; // being verified; replaces m_source if it passes
    ReplayController *m_controller;
    ReplayBar *m_bar;
    QToolBar *m_barHost;
    ChangeTableModel m_changes;
    ComparePanel *m_comparePanel;
    QDockWidget *m_compareDock;
    QString m_liveTitle;
    QString m_lastError;
    bool m_active = false;
    bool m_live = false; // the live cache rewound
    QString m_openingFile;
    // A comparison shown while a file was opening is newer than that file: its opening keeps it.
    bool m_comparedWhileOpening = false;
    qint64 m_fromMs = 0; // requested start, for the live cache
    qint64 m_initialOffsetMs = -1;
    qint64 m_shownMs = -1;
    FederationState m_state;                // the recording at the replayed moment
    FederationState *m_stateBefore = nullptr; // what the window showed before: shown again on close
    QList<Node> m_shownNodes;
    QList<Link> m_shownLinks;
    alarms::AlarmStore m_alarms;                  // the recording's alarms at the replayed moment
    alarms::AlarmStore *m_alarmsBefore = nullptr; // what the Alarms dock showed before
    QList<cache::RecordedAlarm> m_shownAlarms;
};

} // namespace cpn::console
