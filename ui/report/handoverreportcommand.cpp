#include "ui/report/handoverreportcommand.h"

#include "domain/clock.h"
#include "report/handoverbuilder.h"
#include "ui/mainwindow.h"
#include "ui/report/handoverreportdialog.h"
#include "ui/report/handoverreportwriter.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QThread>
#include <QUrl>

#include <memory>

namespace cpn {

HandoverReportCommand::HandoverReportCommand(MainWindow *window, QString cachePath, const Clock &clock,
                                             QObject *parent)
    : QObject(parent), m_window(window), m_cachePath(std::move(cachePath)), m_clock(clock)
{
    m_action = new QAction(this);
    m_action->setObjectName(QStringLiteral("handoverReportAction"));
    retranslate();
    connect(m_action, &QAction::triggered, this, &HandoverReportCommand::showDialog);
    if (m_window) {
        m_window->addFileActions(MainWindow::FileSection::Recording, {m_action});
        connect(m_window, &MainWindow::languageChanged, this, &HandoverReportCommand::retranslate);
    }
}

void HandoverReportCommand::retranslate()
{
    m_action->setText(tr("&Handover Report…"));
    m_action->setStatusTip(tr("Write a PDF of the alarms, outages, failed jobs and national figures of a period"));
}

HandoverReportCommand::~HandoverReportCommand()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void HandoverReportCommand::addRoot(const QString &endpointId, const QString &label)
{
    m_rootLabels.insert(endpointId, label);
}

void HandoverReportCommand::removeRoot(const QString &endpointId)
{
    m_rootLabels.remove(endpointId);
}

void HandoverReportCommand::showDialog()
{
    if (isRunning())
        return;
    const qint64 now = m_clock.nowMs();
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    HandoverReportDialog dialog(now, HandoverReportDialog::suggestedFile(folder, now), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    createReport(dialog.fromMs(), dialog.toMs(), dialog.file());
}

bool HandoverReportCommand::createReport(qint64 fromMs, qint64 toMs, const QString &file)
{
    if (isRunning())
        return false;
    m_action->setEnabled(false);
    report::HandoverData header;
    header.generatedAtMs = m_clock.nowMs();
    header.author = m_author ? m_author() : QString();
    header.federation = QStringList(m_rootLabels.values()).join(QStringLiteral(", "));

    m_progress = new QProgressDialog(tr("Reading the recording…"), QString(), 0, 0, m_window);
    m_progress->setObjectName(QStringLiteral("handoverProgress"));
    m_progress->setWindowTitle(HandoverReportWriter::title());
    m_progress->setMinimumDuration(300);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);

    struct Outcome
    {
        bool ok = false;
        QString fileOrError;
        int pages = 0;
    };
    auto outcome = std::make_shared<Outcome>();
    const QString cachePath = m_cachePath;
    const AlarmHistory alarmHistory = m_alarmHistory;
    QPointer<HandoverReportCommand> self(this);
    const auto progress = [self](int done, int total, const QString &label) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, total, label] {
                if (!self || !self->m_progress)
                    return;
                self->m_progress->setMaximum(total);
                self->m_progress->setValue(done);
                if (!label.isEmpty())
                    self->m_progress->setLabelText(label);
            },
            Qt::QueuedConnection);
    };
    const QString writing = tr("Writing the PDF…");
    m_thread = QThread::create([=] {
        report::HandoverData data;
        QString error;
        if (!report::HandoverBuilder::buildFromFile(
                cachePath, fromMs, toMs, &data, &error,
                [&](int done, int total) { progress(done, total + 1, QString()); })) {
            outcome->fileOrError = HandoverReportWriter::tr("The recording could not be read: %1").arg(error);
            return;
        }
        data.generatedAtMs = header.generatedAtMs;
        data.author = header.author;
        data.federation = header.federation;
        if (alarmHistory) {
            data.alarms = alarmHistory(fromMs, toMs);
            // Only those whose life overlaps the period, whatever the history hands over.
            data.alarms.removeIf([&](const Alarm &a) {
                return a.raisedAtMs > toMs || (a.clearedAtMs > 0 && a.clearedAtMs < fromMs);
            });
            data.alarmsAvailable = true;
        }
        progress(int(data.timeline.size()), int(data.timeline.size()) + 1, writing);
        outcome->ok = HandoverReportWriter::write(data, file, &error, &outcome->pages);
        outcome->fileOrError = outcome->ok ? QFileInfo(file).absoluteFilePath() : error;
    });
    connect(m_thread, &QThread::finished, this, [this, outcome] {
        m_thread->deleteLater();
        m_thread = nullptr;
        onFinished(outcome->ok, outcome->fileOrError, outcome->pages);
    });
    m_thread->start(QThread::LowPriority);
    return true;
}

void HandoverReportCommand::onFinished(bool ok, const QString &fileOrError, int pages)
{
    m_action->setEnabled(true);
    if (m_progress)
        m_progress->close();
    const QString title = HandoverReportWriter::title();
    if (!ok) {
        if (m_window) {
            m_window->logEvent(EventLogModel::Severity::Error, title,
                               tr("The handover report was not written: %1").arg(fileOrError));
            auto *box =
                new QMessageBox(QMessageBox::Warning, title, tr("The handover report was not written."),
                                QMessageBox::Ok, m_window);
            box->setObjectName(QStringLiteral("handoverError"));
            box->setInformativeText(fileOrError);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        Q_EMIT finished(false, fileOrError, 0);
        return;
    }
    if (m_window) {
        const QString message = tr("Handover report saved to %1 (pages: %2)").arg(fileOrError).arg(pages);
        m_window->statusBar()->showMessage(message, 10000);
        m_window->logEvent(EventLogModel::Severity::Info, title, message);
        auto *box = new QMessageBox(QMessageBox::Information, title, tr("The handover report is ready."),
                                    QMessageBox::Close, m_window);
        box->setObjectName(QStringLiteral("handoverDone"));
        box->setInformativeText(fileOrError);
        QPushButton *openReport = box->addButton(tr("Open Report"), QMessageBox::AcceptRole);
        QPushButton *openFolder = box->addButton(tr("Open Folder"), QMessageBox::ActionRole);
        connect(openReport, &QPushButton::clicked, this,
                [fileOrError] { QDesktopServices::openUrl(QUrl::fromLocalFile(fileOrError)); });
        connect(openFolder, &QPushButton::clicked, this, [fileOrError] {
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(fileOrError).absolutePath()));
        });
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT finished(true, fileOrError, pages);
}

} // namespace cpn
