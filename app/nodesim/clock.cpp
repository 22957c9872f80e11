#include "clock.h"

#include <QDateTime>

namespace cpn::sim {

qint64 SystemClock::nowMs() const { return QDateTime::currentMSecsSinceEpoch(); }

} // namespace cpn::sim
