#pragma once

#include "alarms/alarmstore.h"
#include "domain/alarm.h"

#include <QList>
#include <QObject>

#include <array>

namespace cpn {
class Clock;
}

namespace cpn::alarms {

// What plays an alarm's sound: QSoundEffect in the window (ui/alarms/soundeffectplayer.h).
class AlarmSoundPlayer
{
public:
    virtual ~AlarmSoundPlayer() = default;
    virtual void play(Alarm::Severity severity) = 0;
};

// Decides when alarms are announced. On AlarmStore::attentionNeeded, the alarms that still need
// attention (active, unacknowledged, not silenced: a silenced alarm never sounds) whose severity is
// announced (by default critical and major) are announced once, with the sound of the worst of
// them, unless muted or snoozed. Snooze holds the announcements (sound and notification) for a
// while; mute holds the sound only.
class AlarmAnnouncer : public QObject
{
    Q_OBJECT

public:
    AlarmAnnouncer(const AlarmStore *store, AlarmSoundPlayer *player, const Clock &clock,
                   QObject *parent = nullptr);

    void setAnnounced(Alarm::Severity severity, bool on);
    bool isAnnounced(Alarm::Severity severity) const { return m_announced[size_t(severity)]; }
    void setMuted(bool muted);
    bool isMuted() const { return m_muted; }
    void snooze(qint64 forMs);
    void endSnooze();
    bool isSnoozed() const;
    qint64 snoozedUntilMs() const { return m_snoozedUntilMs; }

    // The decision for these alarms (AlarmStore::attentionNeeded's), as the store's signal runs it.
    void announce(const QList<AlarmKey> &keys);

Q_SIGNALS:
    // Alarms were announced (the sound, if not muted, is playing): for a desktop notification.
    void announced(const QList<cpn::alarms::AlarmKey> &keys, cpn::Alarm::Severity worst);
    // Mute, snooze or a severity's setting changed.
    void settingsChanged();

private:
    const AlarmStore *m_store;
    AlarmSoundPlayer *m_player;
    const Clock &m_clock;
    std::array<bool, 5> m_announced{true, true, false, false, false}; // by Alarm::Severity
    bool m_muted = false;
    qint64 m_snoozedUntilMs = 0;
};

} // namespace cpn::alarms
