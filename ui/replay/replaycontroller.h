#pragma once

#include "cache/cachetypes.h"

#include <QObject>

#include <functional>

class QTimer;

namespace cpn {

class Clock;

// The replay's transport: the recorded range, the current time T, play/pause and speed. Asks for
// the state at T through an asynchronous fetcher (a RecordingSource on its reader thread) and
// emits it. At most one request is in flight: seeks that arrive meanwhile (a slider drag) are
// coalesced into the newest one, sent when the answer comes back. Playback advances T by the
// clock's monotonic time times the speed, so tests step it with a ManualClock and advance().
class ReplayController : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const cache::ReplayState &)>;
    using Fetcher = std::function<void(qint64 atMs, QObject *context, Done done)>;

    ReplayController(const Clock &clock, Fetcher fetcher, QObject *parent = nullptr);

    void setRange(qint64 fromMs, qint64 toMs); // T moves into the range
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    qint64 positionMs() const { return m_positionMs; }
    int speed() const { return m_speed; }
    bool isPlaying() const { return m_playing; }
    bool isFetching() const { return m_inFlight; }
    static QList<int> speeds() { return {1, 10, 60, 600}; }
    // One step is a second of recording per 1x of speed.
    qint64 stepMs() const { return 1000LL * m_speed; }

public Q_SLOTS:
    void seek(qint64 atMs);
    void setPlaying(bool playing);
    void togglePlaying() { setPlaying(!m_playing); }
    void setSpeed(int speed);
    void stepForward() { seek(m_positionMs + stepMs()); }
    void stepBackward() { seek(m_positionMs - stepMs()); }
    // A playback tick (the internal timer's; public so tests can step it with a ManualClock).
    void advance();

Q_SIGNALS:
    void rangeChanged(qint64 fromMs, qint64 toMs);
    void positionChanged(qint64 atMs);
    void playingChanged(bool playing);
    void speedChanged(int speed);
    void stateReady(const cpn::cache::ReplayState &state);

private:
    void request();

    const Clock &m_clock;
    Fetcher m_fetcher;
    QTimer *m_timer;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    qint64 m_positionMs = 0;
    int m_speed = 1;
    bool m_playing = false;
    qint64 m_lastTickMs = 0; // monotonic
    bool m_inFlight = false;
    bool m_pending = false; // T moved while a request was in flight
};

} // namespace cpn
