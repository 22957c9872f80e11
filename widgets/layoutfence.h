#pragma once

#include <QWidget>

namespace cpn {

// Holds one widget and passes a change of its size hints up to its own parent only when the hints
// really changed. A label whose text changes calls updateGeometry(), and every layout above it passes
// that on whether or not its size moved (QLayout::activate ends in updateGeometry()): figures that
// change every second would otherwise lay out their panel, its dock and the main window each time.
class LayoutFence : public QWidget
{
    Q_OBJECT

public:
    explicit LayoutFence(QWidget *content, QWidget *parent = nullptr);

    QWidget *content() const { return m_content; }

    QSize sizeHint() const override { return m_hint; }
    QSize minimumSizeHint() const override { return m_minimumHint; }
    bool hasHeightForWidth() const override { return m_content->hasHeightForWidth(); }
    int heightForWidth(int width) const override { return m_content->heightForWidth(width); }

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // Takes the content's hints; true when any of them moved.
    bool takeHints();

    QWidget *m_content;
    QSize m_hint;
    QSize m_minimumHint;
    int m_heightForWidth = -1; // at the fence's width, for content whose height follows its width
};

} // namespace cpn
