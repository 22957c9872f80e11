#pragma once

#include "alarms/alarmstore.h"
#include "alarms/alarmtext.h"

#include <QList>
#include <QWidget>

class QTimer;

namespace cpn {

class Clock;

// Wall mode's band of open problems over the map, in type a room can read: biggest first
// (alarms::openProblems), each with its severity, source, what happened and for how long. It shows
// only while active (wall mode) and something is open: nothing when all is well.
class ProblemsBand : public QWidget
{
    Q_OBJECT

public:
    ProblemsBand(const alarms::AlarmStore *store, alarms::SourceNamer namer, const Clock &clock,
                 QWidget *parent = nullptr);

    struct Row
    {
        Alarm::Severity severity = Alarm::Severity::Info;
        QString severityText;
        QString source;
        QString what;
        QString age;
        bool acknowledged = false;
    };
    // Every open problem, in the order shown (the band paints the first kMaxRows).
    const QList<Row> &rows() const { return m_rows; }
    static constexpr int kMaxRows = 5;

    void setActive(bool active);
    bool isActive() const { return m_active; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

public Q_SLOTS:
    void refresh();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QFont rowFont(bool bold = false) const;
    double rowHeight() const;
    QString moreText() const;

    const alarms::AlarmStore *m_store;
    alarms::SourceNamer m_namer;
    const Clock &m_clock;
    QTimer *m_ages;
    QList<Row> m_rows;
    bool m_active = false;
};

} // namespace cpn
