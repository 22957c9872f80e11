#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>

class QMenuBar;

namespace cpn {

// Help > Keyboard Shortcuts: every menu action that has a shortcut, read from the menus themselves (so the
// sheet is never out of date), and the map's own keys.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Entry
    {
        QString where; // "View › Nodes"
        QKeySequence keys;
    };
    explicit ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);

    // The menus' shortcuts, in menu order.
    static QList<Entry> menuShortcuts(const QMenuBar *menus);
};

// Help > User Guide: the guide shipped with the console (docs/user-guide*.md), in the interface's language.
class UserGuideDialog : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuideDialog(QWidget *parent = nullptr);
    // The guide's Markdown for the current language (English where no translation ships).
    static QString guideMarkdown();
};

} // namespace cpn
