#pragma once

#include "domain/alarm.h"

#include <QColor>
#include <QList>
#include <QString>

namespace cpn::charts {

// The colour of a chart line, from its metric name alone: the same metric has the same colour on
// every card, in every run, whatever else the chart shows. The usual metrics have fixed colours;
// an accelerator model ("accel:<model>") takes a slot of its own palette by a hash of its name that
// does not change between runs (qHash is seeded per process, so it is not used).
QColor seriesColor(const QString &metric);

// The colours of the lines of one chart, in order: seriesColor() of each, except that an
// accelerator model whose slot another model of the same chart took first (in name order) moves to
// the next free slot, so two lines of a chart never share a colour. Depends only on the set of
// metrics, so a chart of the same node looks the same from one run to the next.
QList<QColor> seriesColors(const QStringList &metrics);

// The translucent colour of an alarm's period on a chart, by its severity: red for critical, orange
// for major, amber for minor, blue for a warning, grey for information (as the handover report).
QColor alarmBandColor(Alarm::Severity severity);

} // namespace cpn::charts
