#include "ui/replay/replaycontroller.h"

#include "domain/clock.h"

#include <QTimer>

namespace cpn {

namespace {
// Ten position updates a second: smooth enough for a slider, and the fetcher coalesces anyway.
constexpr int kTickMs = 100;
} // namespace

ReplayController::ReplayController(const Clock &clock, Fetcher fetcher, QObject *parent)
    : QObject(parent), m_clock(clock), m_fetcher(std::move(fetcher)), m_timer(new QTimer(this))
{
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &ReplayController::advance);
}

void ReplayController::setRange(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = qMax(fromMs, toMs);
    Q_EMIT rangeChanged(m_fromMs, m_toMs);
    seek(qBound(m_fromMs, m_positionMs, m_toMs));
}

void ReplayController::seek(qint64 atMs)
{
    const qint64 bounded = qBound(m_fromMs, atMs, m_toMs);
    const bool moved = bounded != m_positionMs;
    m_positionMs = bounded;
    if (moved)
        Q_EMIT positionChanged(m_positionMs);
    request();
}

void ReplayController::setPlaying(bool playing)
{
    if (playing && m_positionMs >= m_toMs)
        seek(m_fromMs); // play at the end starts over
    if (playing == m_playing)
        return;
    m_playing = playing;
    m_lastTickMs = m_clock.monotonicMs();
    if (playing)
        m_timer->start();
    else
        m_timer->stop();
    Q_EMIT playingChanged(playing);
}

void ReplayController::setSpeed(int speed)
{
    if (speed <= 0 || speed == m_speed)
        return;
    m_speed = speed;
    Q_EMIT speedChanged(speed);
}

void ReplayController::advance()
{
    if (!m_playing)
        return;
    const qint64 now = m_clock.monotonicMs();
    const qint64 elapsed = now - m_lastTickMs;
    m_lastTickMs = now;
    seek(m_positionMs + elapsed * m_speed);
    if (m_positionMs >= m_toMs)
        setPlaying(false);
}

void ReplayController::request()
{
    if (m_inFlight) {
        m_pending = true;
        return;
    }
    m_inFlight = true;
    m_pending = false;
    m_fetcher(m_positionMs, this, [this](const cache::ReplayState &state) {
        m_inFlight = false;
        // An answer for a T that has moved on is still shown: during a drag the map keeps up
        // with the newest answer rather than freezing until the drag ends.
        Q_EMIT stateReady(state);
        if (m_pending)
            request();
    });
}

} // namespace cpn
