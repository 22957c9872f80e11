#pragma once

#include <QFont>
#include <QHash>
#include <QMargins>
#include <QStaticText>
#include <QString>

class QPainter;
class QRect;
class QStyleOptionViewItem;

namespace cpn {

// Draws the text of table cells from laid-out text it keeps. A table repaints every tick, and the
// style lays out each cell's text again on every paint (twice: once to size it, once to draw it);
// the texts themselves mostly repeat (names, "63 %", "2 s"), so each is shaped and elided once per
// column width and then only drawn. One per delegate; the cache starts over when the font changes
// or it holds kMaxTexts.
class CellText
{
public:
    static constexpr qsizetype kMaxTexts = 4096;

    // `text` in `rect` (already inside the cell's margins), elided to fit.
    void draw(QPainter *painter, const QRect &rect, Qt::Alignment alignment, const QString &text, const QFont &font,
              Qt::TextElideMode elide = Qt::ElideRight) const;
    // Background, selection and focus through the style, then the text as the style would place and
    // colour it. `option` has been through the delegate's initStyleOption().
    void drawItem(QPainter *painter, const QStyleOptionViewItem &option) const;
    qsizetype size() const { return m_texts.size(); }

private:
    // Where the style draws an item's text: its text rectangle less the margin it keeps inside it.
    // The insets do not depend on the text or the cell's width, so they are asked for once per height.
    QRect textRect(const QStyleOptionViewItem &option) const;

    struct Key
    {
        QString text;
        int width = 0;
        bool italic = false;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0) { return qHashMulti(seed, key.text, key.width, key.italic); }
    };
    mutable QMargins m_insets;
    mutable int m_insetsHeight = -1;
    mutable const QWidget *m_insetsWidget = nullptr;
    mutable QFont m_font;
    mutable QHash<Key, QStaticText> m_texts;
};

} // namespace cpn
