#include "snapshotcommands.h"

#include "cache/cachedatabase.h"
#include "cache/cachewriter.h"
#include "cache/snapshotdiff.h"
#include "cache/snapshotexporter.h"
#include "cache/snapshotreader.h"
#include "domain/clock.h"
#include "offlinesession.h"
#include "ui/mainwindow.h"
#include "ui/replay/snapshotdialogs.h"
#include "widgets/statuscolors.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QStatusBar>
#include <QThread>
#include <QTimer>

#include <memory>

namespace cpn::console {

namespace {
const QString kSnapshotFilter = QStringLiteral("*.cpnsnap");
}

SnapshotCommands::SnapshotCommands(MainWindow *window, OfflineSession *offline, cache::CacheWriter *cache,
                                   QString cachePath, const Clock &clock, QObject *parent)
    : QObject(parent), m_window(window), m_offline(offline), m_cache(cache),
      m_cachePath(std::move(cachePath)), m_clock(clock)
{
    m_open = new QAction(this);
    m_open->setObjectName(QStringLiteral("openSnapshotAction"));
    m_open->setShortcut(QKeySequence::Open);
    m_save = new QAction(this);
    m_save->setObjectName(QStringLiteral("saveSnapshotAction"));
    m_save->setShortcut(QKeySequence::Save);
    m_import = new QAction(this);
    m_import->setObjectName(QStringLiteral("importSnapshotAction"));
    m_compareFiles = new QAction(this);
    m_compareFiles->setObjectName(QStringLiteral("compareSnapshotsAction"));
    m_clear = new QAction(this);
    m_clear->setObjectName(QStringLiteral("clearCacheAction"));
    m_review = new QAction(this);
    m_review->setObjectName(QStringLiteral("reviewLastHourAction"));
    m_backToLive = new QAction(this);
    m_backToLive->setObjectName(QStringLiteral("backToLiveAction"));
    retranslate();
    connect(m_window, &MainWindow::languageChanged, this, &SnapshotCommands::retranslate);
    m_backToLive->setEnabled(false);
    for (QAction *action : {m_save, m_import, m_clear, m_review})
        action->setEnabled(m_cache != nullptr);

    connect(m_open, &QAction::triggered, this, &SnapshotCommands::openSnapshot);
    connect(m_save, &QAction::triggered, this, &SnapshotCommands::saveSnapshot);
    connect(m_import, &QAction::triggered, this, &SnapshotCommands::importSnapshot);
    connect(m_compareFiles, &QAction::triggered, this, &SnapshotCommands::compareSnapshots);
    connect(m_clear, &QAction::triggered, this, &SnapshotCommands::clearCache);
    connect(m_review, &QAction::triggered, this, &SnapshotCommands::reviewLastHour);
    connect(m_backToLive, &QAction::triggered, this, &SnapshotCommands::backToLiveRequested);
    connect(this, &SnapshotCommands::backToLiveRequested, this, [this] { m_backToLive->setEnabled(false); });
    connect(m_offline, &OfflineSession::opened, this, &SnapshotCommands::onReviewChanged);
    connect(m_offline, &OfflineSession::backToLiveRequested, this, &SnapshotCommands::backToLiveRequested);

    m_sizeLabel = new QLabel(m_window);
    m_sizeLabel->setObjectName(QStringLiteral("cacheSize"));
    m_sizeTimer = new QTimer(this);
    m_sizeTimer->setInterval(30 * 1000);
    connect(m_sizeTimer, &QTimer::timeout, this, &SnapshotCommands::updateCacheSize);
    if (m_cache) {
        m_window->statusBar()->addPermanentWidget(m_sizeLabel);
        m_sizeTimer->start();
        connect(m_cache, &cache::CacheWriter::cleared, this, [this](bool ok) {
            m_window->logEvent(ok ? EventLogModel::Severity::Info : EventLogModel::Severity::Error,
                               tr("Cache"),
                               ok ? tr("The cache was cleared.") : tr("The cache could not be cleared."));
            updateCacheSize();
        });
        // A cache that cannot write (a full disk) is an event and a state the status bar keeps showing.
        connect(m_cache, &cache::CacheWriter::recordingStopped, this, [this](const QString &reason) {
            m_recordingProblem = reason;
            m_window->logEvent(EventLogModel::Severity::Error, tr("Cache"),
                               tr("Recording stopped: the cache cannot write (%1). The console goes on; what "
                                  "arrives now is not recorded until the cache can write again.")
                                   .arg(reason));
            updateCacheSize();
        });
        connect(m_cache, &cache::CacheWriter::recordingResumed, this, [this](qint64 lostBatches) {
            m_recordingProblem.clear();
            m_window->logEvent(EventLogModel::Severity::Info, tr("Cache"),
                               tr("Recording resumed; %n batch(es) of data were not recorded meanwhile.", nullptr,
                                  int(std::min<qint64>(lostBatches, INT_MAX))));
            updateCacheSize();
        });
        connect(m_cache, &cache::CacheWriter::imported, this, [this](bool ok, const QString &message) {
            if (ok) {
                m_window->logEvent(EventLogModel::Severity::Info, tr("Cache"),
                                   tr("Snapshot imported into the cache."));
            } else {
                m_window->logEvent(EventLogModel::Severity::Error, tr("Cache"),
                                   tr("The snapshot was not imported: %1").arg(message));
                auto *box = new QMessageBox(QMessageBox::Warning, tr("Import Snapshot"),
                                            tr("The snapshot was not imported."), QMessageBox::Ok, m_window);
                box->setObjectName(QStringLiteral("importError"));
                box->setInformativeText(message);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            }
            updateCacheSize();
            Q_EMIT snapshotImported(ok, message);
        });
        updateCacheSize();
    } else {
        m_sizeLabel->hide();
    }
    addToMenus();
}

void SnapshotCommands::addToMenus()
{
    // The recording's entries in the File menu (above Quit); reviewing in the View menu.
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_window->addFileActions(MainWindow::FileSection::Recording,
                             {m_open, m_save, m_import, m_compareFiles, separator, m_clear});
    m_window->addViewActions({m_review, m_backToLive});
}

void SnapshotCommands::retranslate()
{
    m_open->setText(tr("&Open Snapshot…"));
    m_save->setText(tr("&Save Snapshot…"));
    m_import->setText(tr("&Import Snapshot…"));
    m_compareFiles->setText(tr("Co&mpare Snapshots…"));
    m_clear->setText(tr("&Clear Cache…"));
    m_review->setText(tr("Review the &Last Hour"));
    m_backToLive->setText(tr("&Back to Live"));
    if (m_sizeLabel)
        updateCacheSize();
}

void SnapshotCommands::onReviewChanged()
{
    m_backToLive->setEnabled(m_offline->isActive() && m_cache);
}

void SnapshotCommands::updateCacheSize()
{
    // Three stat() calls: cheap enough for the UI thread every half minute.
    const qint64 bytes = cache::CacheDatabase::sizeOnDisk(m_cachePath);
    const QString size = QLocale().formattedDataSize(bytes);
    if (m_recordingProblem.isEmpty()) {
        m_sizeLabel->setText(tr("Cache %1").arg(size));
        m_sizeLabel->setToolTip(tr("Size of the local cache of recorded data (File > Clear Cache…)"));
        m_sizeLabel->setStyleSheet({});
        return;
    }
    m_sizeLabel->setText(tr("Cache %1: not recording").arg(size));
    m_sizeLabel->setToolTip(tr("The cache cannot write: %1\nFree disk space (or File > Clear Cache…); recording "
                               "resumes by itself.")
                                .arg(m_recordingProblem));
    m_sizeLabel->setStyleSheet(QStringLiteral("color: %1; font-weight: bold").arg(colors::severity(EventLogModel::Severity::Error).name()));
}

void SnapshotCommands::openSnapshot()
{
    const QString file = QFileDialog::getOpenFileName(
        m_window, tr("Open Snapshot"), {}, tr("CPN snapshots (%1);;All files (*)").arg(kSnapshotFilter));
    if (!file.isEmpty())
        m_offline->openFile(file);
}

void SnapshotCommands::saveSnapshot()
{
    if (!m_cache || m_saving)
        return;
    SaveSnapshotDialog dialog(m_clock.nowMs(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString file = QFileDialog::getSaveFileName(m_window, tr("Save Snapshot"),
                                                dialog.request().name + QStringLiteral(".cpnsnap"),
                                                tr("CPN snapshots (%1)").arg(kSnapshotFilter));
    if (file.isEmpty())
        return;
    if (!file.endsWith(QStringLiteral(".cpnsnap")))
        file += QStringLiteral(".cpnsnap");
    exportSnapshot(file, dialog.request());
}

void SnapshotCommands::exportSnapshot(const QString &file, cache::SnapshotRequest request)
{
    if (!m_cache || m_saving)
        return;
    request.createdBy = QStringLiteral("cpn-console %1").arg(QCoreApplication::applicationVersion());
    m_cache->flush(); // the latest batches too, as far as they are committed when the export reads
    m_saving = true;
    m_save->setEnabled(false);
    m_window->statusBar()->showMessage(tr("Saving snapshot %1…").arg(request.name));
    auto error = std::make_shared<QString>();
    auto ok = std::make_shared<bool>(false);
    const QString cachePath = m_cachePath;
    QThread *thread = QThread::create(
        [=] { *ok = cache::SnapshotExporter::exportRange(cachePath, file, request, error.get()); });
    connect(thread, &QThread::finished, this, [this, thread, ok, error, file] {
        thread->deleteLater();
        m_saving = false;
        m_save->setEnabled(true);
        if (*ok) {
            m_window->statusBar()->showMessage(tr("Snapshot saved to %1").arg(file), 8000);
            m_window->logEvent(EventLogModel::Severity::Info, tr("Cache"),
                               tr("Snapshot saved to %1").arg(file));
            Q_EMIT snapshotSaved(true, file);
            return;
        }
        m_window->statusBar()->clearMessage();
        m_window->logEvent(EventLogModel::Severity::Error, tr("Cache"),
                           tr("The snapshot was not saved: %1").arg(*error));
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Save Snapshot"),
                                    tr("The snapshot was not saved."), QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("saveError"));
        box->setInformativeText(*error);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        Q_EMIT snapshotSaved(false, *error);
    });
    thread->start();
}

void SnapshotCommands::importSnapshot()
{
    if (!m_cache)
        return;
    const QString file = QFileDialog::getOpenFileName(
        m_window, tr("Import Snapshot"), {}, tr("CPN snapshots (%1);;All files (*)").arg(kSnapshotFilter));
    if (file.isEmpty())
        return;
    importFile(file);
}

void SnapshotCommands::importFile(const QString &file)
{
    if (!m_cache)
        return;
    m_window->statusBar()->showMessage(tr("Importing %1…").arg(file), 5000);
    m_cache->importSnapshot(file); // verified on the writer thread first; imported() follows
}

void SnapshotCommands::clearCache()
{
    if (!m_cache)
        return;
    const auto answer = QMessageBox::question(
        m_window, tr("Clear Cache"),
        tr("Delete everything recorded in the local cache (%1)? Saved snapshots are not affected.")
            .arg(QLocale().formattedDataSize(cache::CacheDatabase::sizeOnDisk(m_cachePath))),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        m_cache->clear();
}

void SnapshotCommands::reviewLastHour()
{
    if (!m_cache)
        return;
    m_cache->flush();
    m_offline->reviewCache(m_cachePath, m_clock.nowMs() - 3600 * 1000);
}

void SnapshotCommands::compareSnapshots()
{
    const QString filter = tr("CPN snapshots (%1);;All files (*)").arg(kSnapshotFilter);
    const QString before =
        QFileDialog::getOpenFileName(m_window, tr("Compare: the Earlier Snapshot"), {}, filter);
    if (before.isEmpty())
        return;
    const QString after =
        QFileDialog::getOpenFileName(m_window, tr("Compare: the Later Snapshot"), {}, filter);
    if (!after.isEmpty())
        compareFiles(before, after);
}

void SnapshotCommands::compareFiles(const QString &before, const QString &after)
{
    struct Outcome
    {
        cache::DiffResult diff;
        QString error;
        QString beforeName;
        QString afterName;
    };
    auto outcome = std::make_shared<Outcome>();
    // Both files are verified (hostile until proven otherwise) off the UI thread.
    QThread *thread = QThread::create([outcome, before, after] {
        cache::SnapshotReader a;
        cache::SnapshotReader b;
        if (!a.open(before)) {
            outcome->error = QStringLiteral("%1: %2").arg(QFileInfo(before).fileName(), a.errorString());
            return;
        }
        if (!b.open(after)) {
            outcome->error = QStringLiteral("%1: %2").arg(QFileInfo(after).fileName(), b.errorString());
            return;
        }
        outcome->beforeName = a.manifest().name;
        outcome->afterName = b.manifest().name;
        outcome->diff =
            cache::SnapshotDiff::compare(a.stateAt(a.manifest().toMs), b.stateAt(b.manifest().toMs));
    });
    connect(thread, &QThread::finished, this, [this, thread, outcome] {
        thread->deleteLater();
        if (!outcome->error.isEmpty()) {
            m_window->logEvent(EventLogModel::Severity::Error, tr("Compare"),
                               tr("The snapshots cannot be compared: %1").arg(outcome->error));
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Compare Snapshots"),
                                        tr("The snapshots cannot be compared."), QMessageBox::Ok, m_window);
            box->setObjectName(QStringLiteral("compareError"));
            box->setInformativeText(outcome->error);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        m_offline->showComparison(outcome->diff, outcome->beforeName, outcome->afterName);
    });
    thread->start();
}

} // namespace cpn::console
