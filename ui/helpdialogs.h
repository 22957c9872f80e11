#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QPointer>

class QMenuBar;
class QTableWidget;
class QTextBrowser;

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

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate(); // the sheet read again from the menus

    QPointer<const QMenuBar> m_menus;
    QTableWidget *m_table;
};

// Help > User Guide: the guide shipped with the console (docs/user-guide*.md), in the interface's language.
class UserGuideDialog : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuideDialog(QWidget *parent = nullptr);
    // The guide's Markdown for the current language (English where no translation ships).
    static QString guideMarkdown();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QTextBrowser *m_browser;
};

} // namespace cpn
