#include "ui/alarms/soundeffectplayer.h"

#include <QSoundEffect>

namespace cpn {

SoundEffectPlayer::SoundEffectPlayer(QObject *parent)
{
    for (Alarm::Severity severity :
         {Alarm::Severity::Critical, Alarm::Severity::Major, Alarm::Severity::Minor, Alarm::Severity::Warning,
          Alarm::Severity::Info}) {
        auto *effect = new QSoundEffect(parent);
        effect->setSource(soundOf(severity));
        effect->setVolume(severity == Alarm::Severity::Critical ? 1.0f : 0.8f);
        m_effects[size_t(severity)] = effect;
    }
}

QUrl SoundEffectPlayer::soundOf(Alarm::Severity severity)
{
    return QUrl(QStringLiteral("qrc:/sounds/%1.wav").arg(toWire(severity)));
}

void SoundEffectPlayer::play(Alarm::Severity severity)
{
    QSoundEffect *effect = m_effects[size_t(severity)];
    if (effect->isPlaying())
        effect->stop();
    effect->play();
}

} // namespace cpn
