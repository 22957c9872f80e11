#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QToolButton;

namespace cpn {

class ReplayController;

// The strip above the map while a recording is shown: a banner that cannot be mistaken for live
// ("RECORDING — snapshot NAME, 12:00–12:30, not live") over the transport: play/pause, step,
// a time slider over the recorded range, the time at the slider, the speed, marks A and B to
// compare, and "Back to live" when the recording is the live cache rewound.
class ReplayBar : public QWidget
{
    Q_OBJECT

public:
    explicit ReplayBar(ReplayController *controller, QWidget *parent = nullptr);

    void setBannerText(const QString &text);
    QString bannerText() const;
    void setBackToLiveVisible(bool visible);
    QSlider *slider() const { return m_slider; }
    QLabel *timeLabel() const { return m_time; }
    qint64 markA() const { return m_markA; }
    qint64 markB() const { return m_markB; }

Q_SIGNALS:
    void backToLiveRequested();
    // Both marks are set: compare the state at A with the state at B.
    void compareRequested(qint64 aMs, qint64 bMs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onRangeChanged(qint64 fromMs, qint64 toMs);
    void onPositionChanged(qint64 atMs);
    void onPlayingChanged(bool playing);
    void onSliderMoved(int seconds);
    void onSpeedChosen(int index);
    void setMarkA();
    void setMarkB();
    void updateMarks();

    ReplayController *m_controller;
    QLabel *m_banner;
    QToolButton *m_play;
    QToolButton *m_stepBack;
    QToolButton *m_stepForward;
    QSlider *m_slider;
    QLabel *m_time;
    QComboBox *m_speed;
    QToolButton *m_markAButton;
    QToolButton *m_markBButton;
    QPushButton *m_compare;
    QPushButton *m_backToLive;
    qint64 m_markA = -1;
    qint64 m_markB = -1;
};

} // namespace cpn
