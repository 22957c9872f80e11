#include "widgets/keyfiguretile.h"

#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace cpn {

KeyFigureTile::KeyFigureTile(const QString &caption, QWidget *parent)
    : QFrame(parent), m_caption(new QLabel(caption.toUpper(), this)),
      m_value(new QLabel(QStringLiteral("\u2014"), this)), m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("keyFigureTile"));
    setFrameShape(QFrame::StyledPanel);
    m_caption->setObjectName(QStringLiteral("keyFigureCaption"));
    m_value->setObjectName(QStringLiteral("keyFigureValue"));
    m_detail->setObjectName(QStringLiteral("keyFigureDetail"));
    m_value->setTextFormat(Qt::PlainText);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    setProperty("level", QStringLiteral("normal"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addStretch(1);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void KeyFigureTile::setCaption(const QString &caption)
{
    m_caption->setText(caption.toUpper());
}

void KeyFigureTile::setValue(const QString &value)
{
    m_value->setText(value);
}

void KeyFigureTile::setDetail(const QString &detail)
{
    m_detail->setText(detail);
}

void KeyFigureTile::setLevel(Level level)
{
    if (level == m_level)
        return;
    m_level = level;
    static const char *const names[] = {"normal", "good", "warning", "critical"};
    const QString name = QString::fromLatin1(names[int(level)]);
    setProperty("level", name);
    m_value->setProperty("level", name);
    // Dynamic properties in selectors need a re-polish to take effect.
    for (QWidget *w : {static_cast<QWidget *>(this), static_cast<QWidget *>(m_value)}) {
        w->style()->unpolish(w);
        w->style()->polish(w);
    }
}

QString KeyFigureTile::caption() const
{
    return m_caption->text();
}

QString KeyFigureTile::value() const
{
    return m_value->text();
}

QString KeyFigureTile::detail() const
{
    return m_detail->text();
}

} // namespace cpn
