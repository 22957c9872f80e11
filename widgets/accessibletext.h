#pragma once

#include <QString>
#include <QWidget>

namespace cpn {

// Names a control for assistive technology, which says the name, its role, then the description: for the
// controls whose own text does not name them (views, fields with only a placeholder, icon-only buttons).
// Call it where the control's other texts are set (retranslate() where the class has one), with tr() texts.
inline void setAccessibleText(QWidget *widget, const QString &name, const QString &description = QString())
{
    widget->setAccessibleName(name);
    if (!description.isEmpty())
        widget->setAccessibleDescription(description);
}

} // namespace cpn
