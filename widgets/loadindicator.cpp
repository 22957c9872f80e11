#include "widgets/loadindicator.h"

#include <QEvent>
#include <QStringList>

#include <algorithm>
#include <climits>

namespace cpn {

LoadIndicator::LoadIndicator(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("loadIndicator"));
    hide();
}

void LoadIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateText();
    QLabel::changeEvent(event);
}

void LoadIndicator::setSkippedTicks(qint64 total)
{
    m_skippedTicks = total;
    updateText();
}

void LoadIndicator::setDroppedAnswers(qint64 total)
{
    m_droppedAnswers = total;
    updateText();
}

void LoadIndicator::setDroppedCacheBatches(qint64 total)
{
    m_droppedCacheBatches = total;
    updateText();
}

void LoadIndicator::updateText()
{
    QStringList parts;
    QStringList details;
    if (m_skippedTicks > 0) {
        parts << tr("%n tick(s) skipped on screen", nullptr, int(std::min<qint64>(m_skippedTicks, INT_MAX)));
        details << tr("The console fell behind and showed the newest tick; the cache recorded every "
                      "tick it received.");
    }
    if (m_droppedAnswers > 0) {
        parts << tr("%n answer(s) dropped", nullptr, int(std::min<qint64>(m_droppedAnswers, INT_MAX)));
        details << tr("Answers arrived faster than they could be read; the dropped ones are asked for again.");
    }
    if (m_droppedCacheBatches > 0) {
        parts << tr("%n batch(es) not recorded", nullptr, int(std::min<qint64>(m_droppedCacheBatches, INT_MAX)));
        details << tr("The cache could not keep up; these batches are missing from the recording.");
    }
    setVisible(!parts.isEmpty());
    setText(parts.join(QStringLiteral(" · ")));
    setToolTip(details.join(QLatin1Char('\n')));
}

} // namespace cpn
