#include "itemmodels/eventlog.h"

#include "domain/clock.h"

namespace cpn {

EventLog::EventLog(EventLogModel *model, const Clock &clock, QObject *parent)
    : QObject(parent), m_model(model), m_clock(clock)
{
    Q_ASSERT(m_model);
}

void EventLog::log(EventLogModel::Severity severity, const QString &source, const QString &message)
{
    m_model->append(m_clock.nowMs(), severity, source, message);
}

} // namespace cpn
