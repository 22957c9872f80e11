#pragma once

#include "alarms/alarmstore.h"
#include "domain/alarm.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;
class QTimer;

namespace cpn {

class AlarmDirectory;
class Clock;
namespace alarms {
class AlarmFeed;
class AlarmFilterProxyModel;
class AlarmTableModel;
} // namespace alarms

// The Alarms dock: every alarm of the store with a filter bar; the actions on the selected alarms
// (acknowledge with a comment and an expiry, withdraw, comment, silence their sources, end those
// silences) through each alarm's own root; and the selected alarm's affected nodes, comment thread
// and history. The actions need alarms:write (ScopeGate disables them with the reason).
class AlarmsPanel : public QWidget
{
    Q_OBJECT

public:
    // The feed of an alarm's origin; nullptr when that root is gone.
    using FeedFinder = std::function<alarms::AlarmFeed *(const QString &origin)>;

    AlarmsPanel(alarms::AlarmStore *store, FeedFinder feeds, const AlarmDirectory *directory,
                const Clock &clock, QWidget *parent = nullptr);
    ~AlarmsPanel() override;

    alarms::AlarmTableModel *model() const { return m_model; }
    alarms::AlarmFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QTextBrowser *detailView() const { return m_detail; }
    QLabel *messageLabel() const { return m_message; }
    QComboBox *severityCombo() const { return m_severity; }
    QComboBox *acknowledgedCombo() const { return m_acknowledged; }
    QComboBox *regionCombo() const { return m_region; }
    QComboBox *subtreeCombo() const { return m_subtree; }
    QLineEdit *searchEdit() const { return m_search; }
    QCheckBox *activeOnlyCheck() const { return m_activeOnly; }
    QPushButton *acknowledgeButton() const { return m_ack; }
    QPushButton *unacknowledgeButton() const { return m_unack; }
    QPushButton *commentButton() const { return m_comment; }
    QPushButton *silenceButton() const { return m_silence; }
    QPushButton *unsilenceButton() const { return m_unsilence; }

    // Shows another store: an offline review's, read-only (every action disabled, saying it is a
    // recording, and none sent), or the live one again.
    void setStore(alarms::AlarmStore *store, bool readOnly);
    alarms::AlarmStore *store() const { return m_store; }
    bool isReadOnly() const { return m_readOnly; }

    QList<alarms::AlarmKey> selectedAlarms() const;
    bool selectAlarm(const alarms::AlarmKey &key);

    // The actions, as the buttons run them after their dialogs (tests call them directly).
    void acknowledgeSelected(const QString &comment, qint64 forMs);
    void unacknowledgeSelected();
    void commentSelected(const QString &text);
    void silenceSelected(const QString &reason, qint64 forMs);
    void unsilenceSelected();

public Q_SLOTS:
    // The directory changed: names and the subtree choices follow.
    void refreshDirectory();

Q_SIGNALS:
    // Double click or "Show on map": the map centres on the source and selects it.
    void showSourceRequested(const cpn::AlarmSource &source);
    // Every action reports here once, with its outcome (for the Events log).
    void actionReported(const QString &message, bool failed);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showToolTips(); // the action buttons': why not, when read-only
    void buildFilterBar();
    void applyFilters();
    void updateButtons();
    void showDetail();
    void askAcknowledge();
    void askComment();
    void askSilence();
    // Runs `action` for each selected alarm through its feed and reports once when all answered.
    using FeedAction = std::function<void(alarms::AlarmFeed *, const alarms::StoredAlarm &,
                                          std::function<void(const QString &)>)>;
    void runOnSelected(const QString &done, const FeedAction &action, bool perSource = false);
    QString selectionSubject() const;
    QList<QPushButton *> actionButtons() const;

    alarms::AlarmStore *m_store;
    FeedFinder m_feeds;
    const AlarmDirectory *m_directory;
    const Clock &m_clock;
    alarms::AlarmTableModel *m_model;
    alarms::AlarmFilterProxyModel *m_proxy;
    QComboBox *m_severity = nullptr;
    QComboBox *m_acknowledged = nullptr;
    QComboBox *m_region = nullptr;
    QComboBox *m_subtree = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_activeOnly = nullptr;
    QTableView *m_view;
    QTextBrowser *m_detail;
    QLabel *m_message;
    QPushButton *m_ack;
    QPushButton *m_unack;
    QPushButton *m_comment;
    QPushButton *m_silence;
    QPushButton *m_unsilence;
    QPushButton *m_show;
    QTimer *m_ageTimer;
    QMetaObject::Connection m_storeChanged;
    bool m_readOnly = false; // an offline review's alarms
};

} // namespace cpn
