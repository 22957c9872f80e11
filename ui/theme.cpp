#include "ui/theme.h"

#include "domain/logging.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QStyleFactory>

namespace cpn::theme {

QPalette darkPalette()
{
    const QColor window(0x0e, 0x13, 0x19);
    const QColor panel(0x13, 0x1a, 0x22);
    const QColor base(0x0b, 0x10, 0x16);
    const QColor text(0xd6, 0xde, 0xe8);
    const QColor muted(0x7f, 0x90, 0xa3);
    const QColor accent(0x3f, 0xa7, 0xd6);

    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x0f, 0x15, 0x1d));
    p.setColor(QPalette::ToolTipBase, QColor(0x1a, 0x24, 0x30));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, panel);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x63));
    p.setColor(QPalette::Light, QColor(0x2a, 0x3a, 0x4c));
    p.setColor(QPalette::Midlight, QColor(0x22, 0x30, 0x40));
    p.setColor(QPalette::Mid, QColor(0x1c, 0x27, 0x33));
    p.setColor(QPalette::Dark, QColor(0x08, 0x0c, 0x11));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x1d, 0x4f, 0x73));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::LinkVisited, accent.darker(120));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x55, 0x62, 0x70));
    return p;
}

QString darkStyleSheet()
{
    QFile file(QStringLiteral(":/styles/dark.qss"));
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcUi) << "dark style sheet missing from resources";
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

void applyDark(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(darkPalette());
    app.setStyleSheet(darkStyleSheet());
}

} // namespace cpn::theme
