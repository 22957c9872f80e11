#pragma once

#include "domain/alarm.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QAction;
class QProgressDialog;
class QThread;

namespace cpn {

class Clock;
class MainWindow;

// File > Handover Report…: asks for the period and the file (HandoverReportDialog), then reads the
// cache (HandoverBuilder) and writes the PDF (HandoverReportWriter) on a thread of its own, with a
// progress dialog; says where the report went, or why it could not be written.
class HandoverReportCommand : public QObject
{
    Q_OBJECT

public:
    // The alarms whose life overlaps [fromMs, toMs], with their acknowledgement and comments.
    // Called on the report's worker thread, never on the UI thread: it may read the cache itself.
    using AlarmHistory = std::function<QList<Alarm>(qint64 fromMs, qint64 toMs)>;

    // Adds its entry to the window's File menu (the recording's section).
    HandoverReportCommand(MainWindow *window, QString cachePath, const Clock &clock,
                          QObject *parent = nullptr);
    ~HandoverReportCommand() override;

    QAction *action() const { return m_action; }

    // Without one the report says the alarm history is not available.
    void setAlarmHistory(AlarmHistory history) { m_alarmHistory = std::move(history); }
    // Asked on the UI thread when a report starts: who writes it (the signed-in account, empty
    // when nobody is).
    void setAuthor(std::function<QString()> author) { m_author = std::move(author); }

    void showDialog();
    // Builds and writes off the UI thread; finished() follows. False when a report is already being made.
    bool createReport(qint64 fromMs, qint64 toMs, const QString &file);
    bool isRunning() const { return m_thread != nullptr; }

public Q_SLOTS:
    // The connected roots: the report names the federation by their labels.
    void addRoot(const QString &endpointId, const QString &label);
    void removeRoot(const QString &endpointId);

Q_SIGNALS:
    // ok: fileOrError is the file written, with its page count; else the reason.
    void finished(bool ok, const QString &fileOrError, int pages);

private:
    void retranslate();
    void onFinished(bool ok, const QString &fileOrError, int pages);

    MainWindow *m_window;
    QString m_cachePath;
    const Clock &m_clock;
    QAction *m_action;
    AlarmHistory m_alarmHistory;
    std::function<QString()> m_author;
    QMap<QString, QString> m_rootLabels; // by endpoint id
    QThread *m_thread = nullptr;
    QPointer<QProgressDialog> m_progress;
};

} // namespace cpn
