#include "widgets/connectionindicator.h"

#include "domain/clock.h"
#include "widgets/statuscolors.h"

#include <QDateTime>
#include <QEvent>
#include <QPainter>

namespace cpn {

namespace {
constexpr int kDot = 8;
constexpr int kGap = 6;
constexpr int kMargin = 6;

QColor stateColour(ConnectionIndicator::State state)
{
    switch (state) {
    case ConnectionIndicator::State::Connecting:
        return colors::status(DisplayStatus::Maintenance);
    case ConnectionIndicator::State::Online:
        return colors::status(DisplayStatus::Online);
    case ConnectionIndicator::State::Stale:
        return colors::status(DisplayStatus::Degraded);
    case ConnectionIndicator::State::Offline:
        return colors::status(DisplayStatus::Offline);
    }
    return colors::status(DisplayStatus::Stale);
}
} // namespace

ConnectionIndicator::ConnectionIndicator(const Clock &clock, const QString &label, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_label(label)
{
    setObjectName(QStringLiteral("connectionIndicator"));
    updateText();
}

void ConnectionIndicator::setLabel(const QString &label)
{
    m_label = label;
    updateText();
}

void ConnectionIndicator::setUrl(const QUrl &url)
{
    m_url = url;
    updateText();
}

void ConnectionIndicator::setStatus(State state, qint64 lastDataMs, const QString &lastError,
                                    int consecutiveFailures)
{
    m_state = state;
    m_lastDataMs = lastDataMs;
    m_lastError = lastError;
    m_failures = consecutiveFailures;
    updateText();
}

void ConnectionIndicator::refresh()
{
    updateText();
}

QString ConnectionIndicator::stateText() const
{
    switch (m_state) {
    case State::Connecting:
        return tr("connecting");
    case State::Online:
        return tr("online");
    case State::Stale:
        return tr("stale");
    case State::Offline:
        return tr("offline");
    }
    return {};
}

void ConnectionIndicator::updateText()
{
    const QString state = stateText();
    QString age;
    if (m_lastDataMs > 0) {
        const qint64 ageS = std::max<qint64>(0, m_clock.nowMs() - m_lastDataMs) / 1000;
        if (m_state == State::Online)
            age = ageS < 120 ? tr("data %1 s old").arg(ageS) : tr("data %1 min old").arg(ageS / 60);
        else
            age = tr("stale since %1")
                      .arg(QDateTime::fromMSecsSinceEpoch(m_lastDataMs).toString(QStringLiteral("HH:mm:ss")));
    } else if (m_state != State::Connecting) {
        age = tr("no data yet");
    }
    const QString text = age.isEmpty() ? tr("%1 \u00b7 %2").arg(m_label, state)
                                       : tr("%1 \u00b7 %2 \u00b7 %3").arg(m_label, state, age);
    if (text != m_text || m_state != m_paintedState) {
        const bool resize = text.size() != m_text.size();
        m_text = text;
        if (resize)
            updateGeometry();
        m_paintedState = m_state;
        update();
    }
}

QString ConnectionIndicator::details() const
{
    QStringList tip{m_label};
    if (m_url.isValid())
        tip << m_url.toDisplayString();
    tip << tr("State: %1").arg(stateText());
    if (m_lastDataMs > 0)
        tip << tr("Newest data: %1")
                   .arg(QDateTime::fromMSecsSinceEpoch(m_lastDataMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    if (m_failures > 0)
        tip << tr("Failed requests in a row: %1").arg(m_failures);
    if (!m_lastError.isEmpty())
        tip << tr("Last error: %1").arg(m_lastError);
    return tip.join(QLatin1Char('\n'));
}

bool ConnectionIndicator::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip)
        setToolTip(details());
    else if (event->type() == QEvent::LanguageChange)
        updateText(); // now, not at the next tick
    return QWidget::event(event);
}

QSize ConnectionIndicator::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    // Reserve room for a few more digits so the status bar does not jitter as ages tick.
    return {kMargin + kDot + kGap + fm.horizontalAdvance(m_text) + fm.horizontalAdvance(QStringLiteral("00"))
                + kMargin,
            std::max(fm.height(), kDot) + 4};
}

void ConnectionIndicator::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor colour = stateColour(m_state);
    const QRectF dot(kMargin, (height() - kDot) / 2.0, kDot, kDot);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(dot);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(rect().adjusted(kMargin + kDot + kGap, 0, -kMargin, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     m_text);
}

} // namespace cpn
