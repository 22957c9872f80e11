#pragma once

#include "itemmodels/eventlogmodel.h"

#include <QObject>

namespace cpn {

class Clock;

// The console's logger of record: stamps each entry with the clock's time and appends it to the
// Events model. The composition root owns it and hands it to the window and to whatever reports
// to the operators (federation roots, snapshots, the demo).
class EventLog : public QObject
{
    Q_OBJECT

public:
    // model and clock must outlive the log.
    EventLog(EventLogModel *model, const Clock &clock, QObject *parent = nullptr);

    EventLogModel *model() const { return m_model; }

public Q_SLOTS:
    void log(cpn::EventLogModel::Severity severity, const QString &source, const QString &message);

private:
    EventLogModel *m_model;
    const Clock &m_clock;
};

} // namespace cpn
