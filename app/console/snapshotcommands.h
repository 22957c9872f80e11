#pragma once

#include "cache/snapshotexporter.h"

#include <QObject>
#include <QString>

class QAction;
class QLabel;
class QTimer;

namespace cpn {
class Clock;
class MainWindow;
namespace cache {
class CacheWriter;
}
} // namespace cpn

namespace cpn::console {

class OfflineSession;

// The File and View menu entries of the cache and snapshots: Open / Save / Import snapshot,
// Clear cache (with the cache's size in the status bar), Review the last hour and Back to live.
// Disk work runs off the UI thread (the exporter on a thread of its own, import and clear on the
// cache's writer thread); the outcome goes to the status bar and the Events log.
class SnapshotCommands : public QObject
{
    Q_OBJECT

public:
    // cache may be null (offline review records nothing): the cache's entries are then disabled.
    SnapshotCommands(MainWindow *window, OfflineSession *offline, cache::CacheWriter *cache,
                     QString cachePath, const Clock &clock, QObject *parent = nullptr);

    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QAction *importAction() const { return m_import; }
    QAction *clearAction() const { return m_clear; }
    QAction *compareAction() const { return m_compareFiles; }
    QAction *reviewAction() const { return m_review; }
    QAction *backToLiveAction() const { return m_backToLive; }
    QLabel *cacheSizeLabel() const { return m_sizeLabel; }

    void openSnapshot();
    void saveSnapshot();
    // The export itself, on a thread of its own; snapshotSaved() follows.
    void exportSnapshot(const QString &file, cache::SnapshotRequest request);
    void importSnapshot();
    // Verified, then copied into the cache on its writer thread; snapshotImported() follows.
    void importFile(const QString &file);
    void compareSnapshots();
    // Verifies both files and compares each at its last moment, off the UI thread.
    void compareFiles(const QString &before, const QString &after);
    void clearCache();
    void reviewLastHour();
    void updateCacheSize();

Q_SIGNALS:
    void backToLiveRequested();
    void snapshotSaved(bool ok, const QString &fileOrError);
    void snapshotImported(bool ok, const QString &message);

private:
    void addToMenus();
    void retranslate();
    void onReviewChanged();

    MainWindow *m_window;
    OfflineSession *m_offline;
    cache::CacheWriter *m_cache;
    QString m_cachePath;
    const Clock &m_clock;
    QAction *m_open;
    QAction *m_save;
    QAction *m_import;
    QAction *m_clear;
    QAction *m_compareFiles;
    QAction *m_review;
    QAction *m_backToLive;
    QLabel *m_sizeLabel = nullptr;
    QTimer *m_sizeTimer;
    bool m_saving = false;
    QString m_recordingProblem; // why the cache cannot write; empty while it records
};

} // namespace cpn::console
