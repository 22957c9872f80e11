#include "widgets/layoutfence.h"

#include <QEvent>

namespace cpn {

LayoutFence::LayoutFence(QWidget *content, QWidget *parent) : QWidget(parent), m_content(content)
{
    m_content->setParent(this);
    m_content->show();
    takeHints();
}

bool LayoutFence::event(QEvent *event)
{
    // The content has no layout above it here: its updateGeometry() arrives as this request.
    if (event->type() == QEvent::LayoutRequest) {
        if (takeHints())
            updateGeometry();
        m_content->setGeometry(rect());
        return true;
    }
    return QWidget::event(event);
}

void LayoutFence::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_content->setGeometry(rect());
    m_heightForWidth = m_content->hasHeightForWidth() ? m_content->heightForWidth(width()) : -1;
}

void LayoutFence::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Hidden, the content's changes (its polish, a new font) did not reach here.
    if (takeHints())
        updateGeometry();
}

bool LayoutFence::takeHints()
{
    const QSize hint = m_content->sizeHint();
    const QSize minimumHint = m_content->minimumSizeHint();
    const int heightForWidth = m_content->hasHeightForWidth() ? m_content->heightForWidth(width()) : -1;
    const bool moved = hint != m_hint || minimumHint != m_minimumHint || heightForWidth != m_heightForWidth ||
                       sizePolicy() != m_content->sizePolicy();
    m_hint = hint;
    m_minimumHint = minimumHint;
    m_heightForWidth = heightForWidth;
    setSizePolicy(m_content->sizePolicy());
    return moved;
}

} // namespace cpn
