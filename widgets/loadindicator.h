#pragma once

#include <QLabel>

namespace cpn {

// The status bar's word on load: ticks the screen skipped to keep up, answers the parser dropped and
// batches the cache writer dropped. Hidden while every count is zero, so it only ever shows a problem.
class LoadIndicator : public QLabel
{
    Q_OBJECT

public:
    explicit LoadIndicator(QWidget *parent = nullptr);

    // Totals since the console started.
    void setSkippedTicks(qint64 total);
    void setDroppedAnswers(qint64 total);
    void setDroppedCacheBatches(qint64 total);

    qint64 skippedTicks() const { return m_skippedTicks; }
    qint64 droppedAnswers() const { return m_droppedAnswers; }
    qint64 droppedCacheBatches() const { return m_droppedCacheBatches; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateText();

    qint64 m_skippedTicks = 0;
    qint64 m_droppedAnswers = 0;
    qint64 m_droppedCacheBatches = 0;
};

} // namespace cpn
