#pragma once

#include "alarms/alarmannouncer.h"

#include <QUrl>

#include <array>

class QObject;
class QSoundEffect;

namespace cpn {

// Plays the alarm sounds shipped as resources (resources/sounds, made by tools/make-alarm-sounds.py)
// with Qt Multimedia's QSoundEffect: loaded once, low latency. Without an audio device a play does
// nothing.
class SoundEffectPlayer : public alarms::AlarmSoundPlayer
{
public:
    explicit SoundEffectPlayer(QObject *parent);
    void play(Alarm::Severity severity) override;

    static QUrl soundOf(Alarm::Severity severity);
    QSoundEffect *effect(Alarm::Severity severity) const { return m_effects[size_t(severity)]; }

private:
    std::array<QSoundEffect *, 5> m_effects{}; // by Alarm::Severity, owned by the parent
};

} // namespace cpn
