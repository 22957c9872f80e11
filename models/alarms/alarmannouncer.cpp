#include "alarms/alarmannouncer.h"

#include "domain/clock.h"

namespace cpn::alarms {

AlarmAnnouncer::AlarmAnnouncer(const AlarmStore *store, AlarmSoundPlayer *player, const Clock &clock,
                               QObject *parent)
    : QObject(parent), m_store(store), m_player(player), m_clock(clock)
{
    connect(store, &AlarmStore::attentionNeeded, this, &AlarmAnnouncer::announce);
}

void AlarmAnnouncer::setAnnounced(Alarm::Severity severity, bool on)
{
    if (m_announced[size_t(severity)] == on)
        return;
    m_announced[size_t(severity)] = on;
    Q_EMIT settingsChanged();
}

void AlarmAnnouncer::setMuted(bool muted)
{
    if (m_muted == muted)
        return;
    m_muted = muted;
    Q_EMIT settingsChanged();
}

void AlarmAnnouncer::snooze(qint64 forMs)
{
    m_snoozedUntilMs = m_clock.nowMs() + forMs;
    Q_EMIT settingsChanged();
}

void AlarmAnnouncer::endSnooze()
{
    m_snoozedUntilMs = 0;
    Q_EMIT settingsChanged();
}

bool AlarmAnnouncer::isSnoozed() const
{
    return m_clock.nowMs() < m_snoozedUntilMs;
}

void AlarmAnnouncer::announce(const QList<AlarmKey> &keys)
{
    if (isSnoozed())
        return;
    QList<AlarmKey> told;
    std::optional<Alarm::Severity> worst;
    for (const AlarmKey &key : keys) {
        const StoredAlarm *stored = m_store->find(key);
        // Checked again here: a silence or an acknowledgement may have come in the same answer.
        if (!stored || !stored->needsAttention() || !isAnnounced(stored->alarm.severity))
            continue;
        told.append(key);
        if (!worst || stored->alarm.severity < *worst)
            worst = stored->alarm.severity;
    }
    if (!worst)
        return;
    if (!m_muted && m_player)
        m_player->play(*worst);
    Q_EMIT announced(told, *worst);
}

} // namespace cpn::alarms
