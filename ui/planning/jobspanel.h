#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace cpn {

class Clock;
namespace jobs {
class JobListModel;
class JobTracker;
} // namespace jobs

// The Jobs dock: every job the console submitted, with live state and progress from the nodes until it
// ends. Cancel asks the node to stop the selected job; a double click centres the map on its node.
class JobsPanel : public QWidget
{
    Q_OBJECT

public:
    JobsPanel(jobs::JobTracker *tracker, const Clock &clock, QWidget *parent = nullptr);
    ~JobsPanel() override;

    jobs::JobListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *messageLabel() const { return m_message; }
    // The job id of the selected row, or empty.
    QString selectedJobId() const;
    bool selectJob(const QString &jobId);

Q_SIGNALS:
    void nodeActivated(const QString &nodeId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButtons();
    void cancelSelected();

    jobs::JobTracker *m_tracker;
    jobs::JobListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QPushButton *m_cancel;
    QLabel *m_message;
};

} // namespace cpn
