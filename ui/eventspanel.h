#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace cpn {

class EventLogModel;

// The Events dock's content: the event log, newest at the bottom, following new events unless the
// operator has scrolled up to read.
class EventsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit EventsPanel(EventLogModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QPushButton *clearButton() const { return m_clear; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rowsAboutToBeInserted();
    void rowsInserted();
    void updateCount();

    EventLogModel *m_model;
    QTableView *m_view;
    QLabel *m_count;
    QPushButton *m_clear;
    bool m_follow = true;
};

} // namespace cpn
