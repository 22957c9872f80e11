#pragma once

#include <QFrame>

class QLabel;

namespace cpn {

// A big figure with a caption above and a detail line below, for the overview panel. Its look comes
// from the style sheet (objectName "keyFigureTile", property "level").
class KeyFigureTile : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Normal, Good, Warning, Critical };
    Q_ENUM(Level)

    explicit KeyFigureTile(const QString &caption, QWidget *parent = nullptr);

    void setCaption(const QString &caption);
    void setValue(const QString &value);
    void setDetail(const QString &detail);
    // Colours the value through the style sheet: [level="warning"] etc.
    void setLevel(Level level);

    QString caption() const;
    QString value() const;
    QString detail() const;
    Level level() const { return m_level; }

private:
    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_detail;
    Level m_level = Level::Normal;
};

} // namespace cpn
