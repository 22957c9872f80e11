#include "clock.h"

#include <QDateTime>

namespace cpn::server {

qint64 SystemClock::nowMs() const { return QDateTime::currentMSecsSinceEpoch(); }

} // namespace cpn::server
