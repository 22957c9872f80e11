#include "ui/replay/replaybar.h"

#include "widgets/accessibletext.h"

#include "ui/replay/replaycontroller.h"

#include <algorithm>
#include <climits>

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

namespace cpn {

namespace {
QString clockText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString durationText(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms / 1000);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

ReplayBar::ReplayBar(ReplayController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("replayBar"));
    // The banner's colour is not themeable on purpose: amber on black reads as "not live" on any
    // theme, in any room.
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("recordingBanner"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setStyleSheet(QStringLiteral("QLabel#recordingBanner { background: #f5a623; color: #141414; "
                                           "font-weight: bold; font-size: 15px; padding: 6px; }"));

    m_play = new QToolButton(this);
    m_play->setObjectName(QStringLiteral("replayPlay"));
    // No Space shortcut: it would also fire while typing in the search fields.
    // Text, not the style's media icons: those are drawn dark and vanish on the dark theme.
    m_stepBack = new QToolButton(this);
    m_stepForward = new QToolButton(this);

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("replaySlider"));
    m_slider->setStyleSheet(QStringLiteral(
        "QSlider#replaySlider::groove:horizontal { height: 6px; background: #3a4250; border-radius: 3px; }"
        "QSlider#replaySlider::sub-page:horizontal { background: #f5a623; border-radius: 3px; }"
        "QSlider#replaySlider::handle:horizontal { background: #ffd27a; width: 14px; margin: -5px 0; "
        "border-radius: 7px; }"));
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("replayTime"));
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(
        QStringLiteral("0000-00-00 00:00:00  (00:00:00 / 00:00:00)")));

    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    for (int speed : ReplayController::speeds())
        m_speed->addItem(QString(), speed);

    m_markAButton = new QToolButton(this);
    m_markBButton = new QToolButton(this);
    m_compare = new QPushButton(this);
    m_compare->setObjectName(QStringLiteral("replayCompare"));
    m_compare->setEnabled(false);
    m_backToLive = new QPushButton(this);
    m_backToLive->setObjectName(QStringLiteral("backToLive"));
    m_backToLive->setVisible(false);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 2, 6, 2);
    controls->addWidget(m_stepBack);
    controls->addWidget(m_play);
    controls->addWidget(m_stepForward);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_time);
    controls->addWidget(m_speed);
    controls->addSpacing(12);
    controls->addWidget(m_markAButton);
    controls->addWidget(m_markBButton);
    controls->addWidget(m_compare);
    controls->addWidget(m_backToLive);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addLayout(controls);

    connect(m_play, &QToolButton::clicked, m_controller, &ReplayController::togglePlaying);
    connect(m_stepBack, &QToolButton::clicked, m_controller, &ReplayController::stepBackward);
    connect(m_stepForward, &QToolButton::clicked, m_controller, &ReplayController::stepForward);
    // valueChanged, not sliderReleased: the map follows a drag; the controller keeps one request
    // in flight and coalesces the rest.
    connect(m_slider, &QSlider::valueChanged, this, &ReplayBar::onSliderMoved);
    connect(m_speed, &QComboBox::currentIndexChanged, this, &ReplayBar::onSpeedChosen);
    connect(m_markAButton, &QToolButton::clicked, this, &ReplayBar::setMarkA);
    connect(m_markBButton, &QToolButton::clicked, this, &ReplayBar::setMarkB);
    connect(m_compare, &QPushButton::clicked, this, [this] { Q_EMIT compareRequested(m_markA, m_markB); });
    connect(m_backToLive, &QPushButton::clicked, this, &ReplayBar::backToLiveRequested);
    connect(m_controller, &ReplayController::rangeChanged, this, &ReplayBar::onRangeChanged);
    connect(m_controller, &ReplayController::positionChanged, this, &ReplayBar::onPositionChanged);
    connect(m_controller, &ReplayController::playingChanged, this, &ReplayBar::onPlayingChanged);
    connect(m_controller, &ReplayController::speedChanged, this,
            [this](int speed) { m_speed->setCurrentIndex(m_speed->findData(speed)); });

    onRangeChanged(m_controller->fromMs(), m_controller->toMs());
    retranslate();
}

void ReplayBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

// The bar's texts; the banner's are its owner's (setBannerText).
void ReplayBar::retranslate()
{
    m_play->setToolTip(tr("Play or pause the replay"));
    setAccessibleText(m_play, tr("Play or pause"));
    m_stepBack->setText(tr("◀ Step"));
    m_stepBack->setToolTip(tr("Step back (a second per 1× of speed)"));
    m_stepForward->setText(tr("Step ▶"));
    m_stepForward->setToolTip(tr("Step forward (a second per 1× of speed)"));
    m_slider->setToolTip(tr("Recorded time"));
    setAccessibleText(m_slider, tr("Recorded time"), tr("The moment of the recording shown; arrows step, Page Up and Down jump"));
    m_speed->setToolTip(tr("Replay speed"));
    m_speed->setAccessibleDescription(tr("Replay speed"));
    for (int i = 0; i < m_speed->count(); ++i)
        m_speed->setItemText(i, tr("%1×").arg(m_speed->itemData(i).toInt()));
    m_compare->setText(tr("Compare A–B"));
    m_backToLive->setText(tr("Back to live"));
    onPlayingChanged(m_controller->isPlaying());
    onPositionChanged(m_controller->positionMs());
    updateMarks();
}

void ReplayBar::setBannerText(const QString &text)
{
    m_banner->setText(text);
}

QString ReplayBar::bannerText() const
{
    return m_banner->text();
}

void ReplayBar::setBackToLiveVisible(bool visible)
{
    m_backToLive->setVisible(visible);
}

void ReplayBar::onRangeChanged(qint64 fromMs, qint64 toMs)
{
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, int(std::clamp<qint64>((toMs - fromMs) / 1000, 0, INT_MAX)));
    m_slider->setPageStep(qMax(1, m_slider->maximum() / 20));
    m_markA = m_markB = -1;
    updateMarks();
    onPositionChanged(m_controller->positionMs());
}

void ReplayBar::onPositionChanged(qint64 atMs)
{
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue(int(std::clamp<qint64>((atMs - m_controller->fromMs()) / 1000, 0, INT_MAX)));
    }
    m_time->setText(tr("%1  (%2 / %3)")
                        .arg(clockText(atMs), durationText(atMs - m_controller->fromMs()),
                             durationText(m_controller->toMs() - m_controller->fromMs())));
}

void ReplayBar::onPlayingChanged(bool playing)
{
    m_play->setText(playing ? tr("❚❚ Pause") : tr("▶ Play"));
}

void ReplayBar::onSliderMoved(int seconds)
{
    m_controller->seek(m_controller->fromMs() + qint64(seconds) * 1000);
}

void ReplayBar::onSpeedChosen(int index)
{
    m_controller->setSpeed(m_speed->itemData(index).toInt());
}

void ReplayBar::setMarkA()
{
    m_markA = m_controller->positionMs();
    updateMarks();
}

void ReplayBar::setMarkB()
{
    m_markB = m_controller->positionMs();
    updateMarks();
}

void ReplayBar::updateMarks()
{
    m_markAButton->setToolTip(m_markA < 0 ? tr("Remember this moment as A, the earlier side of a comparison")
                                          : tr("A: %1").arg(clockText(m_markA)));
    m_markBButton->setToolTip(m_markB < 0 ? tr("Remember this moment as B")
                                          : tr("B: %1").arg(clockText(m_markB)));
    m_markAButton->setText(m_markA < 0 ? tr("Mark A")
                                       : tr("A %1").arg(QDateTime::fromMSecsSinceEpoch(m_markA).toString(
                                             QStringLiteral("HH:mm:ss"))));
    m_markBButton->setText(m_markB < 0 ? tr("Mark B")
                                       : tr("B %1").arg(QDateTime::fromMSecsSinceEpoch(m_markB).toString(
                                             QStringLiteral("HH:mm:ss"))));
    m_compare->setEnabled(m_markA >= 0 && m_markB >= 0 && m_markA != m_markB);
}

} // namespace cpn
