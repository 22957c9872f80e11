#include "ui/alarms/soundeffectplayer.h"

#include <QAudioDevice>
#include <QFile>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QTest>

using namespace cpn;

// The alarm sounds are shipped as resources (resources/sounds, tools/make-alarm-sounds.py) and
// QSoundEffect loads them. Where there is no audio device (a build machine), loading is skipped: the
// decision to play is tested in tst_alarmannouncer.
class tst_SoundEffectPlayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySeverityHasAShortWavResource();
    void soundEffectLoadsTheResources();
};

void tst_SoundEffectPlayer::everySeverityHasAShortWavResource()
{
    for (Alarm::Severity severity :
         {Alarm::Severity::Critical, Alarm::Severity::Major, Alarm::Severity::Minor, Alarm::Severity::Warning,
          Alarm::Severity::Info}) {
        const QUrl url = SoundEffectPlayer::soundOf(severity);
        QFile file(QLatin1Char(':') + url.path());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(url.toString()));
        const QByteArray header = file.read(44);
        QVERIFY(header.startsWith("RIFF"));
        QCOMPARE(header.mid(8, 4), QByteArray("WAVE"));
        QVERIFY2(file.size() < 64 * 1024, "a short sound"); // under a second of 22 kHz mono
    }
}

void tst_SoundEffectPlayer::soundEffectLoadsTheResources()
{
    if (QMediaDevices::audioOutputs().isEmpty())
        QSKIP("no audio output device");
    QObject parent;
    SoundEffectPlayer player(&parent);
    for (Alarm::Severity severity : {Alarm::Severity::Critical, Alarm::Severity::Major}) {
        QSoundEffect *effect = player.effect(severity);
        QTRY_VERIFY(effect->status() == QSoundEffect::Ready || effect->status() == QSoundEffect::Error);
        QCOMPARE(effect->status(), QSoundEffect::Ready);
    }
}

QTEST_MAIN(tst_SoundEffectPlayer)
#include "tst_soundeffectplayer.moc"
