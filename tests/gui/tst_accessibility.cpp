// What assistive technology sees of the console (issue 18): every interactive control of the main window,
// its docks (each in front in turn), the windows and dialogs its menus open and the wizards' pages has a
// name; and the map tells the selected node, its status and figures, which N and Shift+N change, with an
// event for screen readers. tests/a11y/atspi_tree.py checks the same over AT-SPI on the running console.
#include "consoleapp.h"
#include "domain/provinces.h"
#include "itemmodels/nodetablemodel.h"
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "ui/nodespanel.h"
#include "widgets/frozencolumnview.h"
#include "widgets/map/nodemapwidget.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWizard>

using namespace cpn;
using namespace cpn::console;

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void mapTellsTheSelectedNode();
    void everyControlHasAName();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConsoleApp> m_console;
};

namespace {

QList<QAccessibleEvent *> g_events; // what the widgets told assistive technology, owned here

void recordEvent(QAccessibleEvent *event)
{
    if (event->type() == QAccessible::DescriptionChanged || event->type() == QAccessible::NameChanged)
        g_events.append(new QAccessibleEvent(event->object(), event->type()));
}

// The roles a user acts on: each must say what it is.
bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Dial:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::List:
    case QAccessible::PageTab:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::ButtonDropGrid:
    case QAccessible::HotkeyField:
        return true;
    default:
        return false;
    }
}

QString describe(QAccessibleInterface *iface)
{
    QStringList path;
    for (QObject *o = iface->object(); o; o = o->parent()) {
        if (!o->objectName().isEmpty() || !o->parent() || o == iface->object())
            path.prepend(QStringLiteral("%1(%2)").arg(QString::fromLatin1(o->metaObject()->className()), o->objectName()));
        if (o->isWidgetType() && static_cast<QWidget *>(o)->isWindow())
            break;
    }
    if (!iface->object())
        path << QStringLiteral("child of %1").arg(describe(iface->parent()));
    return QStringLiteral("role %1 without a name: %2 (tooltip \"%3\")")
        .arg(int(iface->role()))
        .arg(path.join(QStringLiteral(" > ")),
             iface->object() && iface->object()->isWidgetType() ? static_cast<QWidget *>(iface->object())->toolTip()
                                                                : QString());
}

// Walks the accessibility tree below iface: the shown controls, or every control when includeHidden
// (a wizard's other pages). Item views' rows are named by their data and are not walked.
void collectUnnamed(QAccessibleInterface *iface, bool includeHidden, QStringList &problems, int depth = 0)
{
    if (!iface || !iface->isValid() || depth > 64)
        return;
    if (iface->state().invisible && !includeHidden)
        return;
    const QAccessible::Role role = iface->role();
    if (isInteractive(role) && iface->text(QAccessible::Name).trimmed().isEmpty())
        problems << describe(iface);
    if (role == QAccessible::Table || role == QAccessible::Tree || role == QAccessible::List
        || role == QAccessible::MenuBar || role == QAccessible::PopupMenu
        || role == QAccessible::ComboBox) // its list is its popup's, named by the combo box
        return;
    for (int i = 0; i < iface->childCount(); ++i)
        collectUnnamed(iface->child(i), includeHidden, problems, depth + 1);
}

QStringList unnamedIn(QWidget *window)
{
    QStringList problems;
    collectUnnamed(QAccessible::queryAccessibleInterface(window), false, problems);
    // A wizard's pages other than the one shown.
    if (auto *wizard = qobject_cast<QWizard *>(window)) {
        for (int id : wizard->pageIds())
            collectUnnamed(QAccessible::queryAccessibleInterface(wizard->page(id)), true, problems);
    }
    return problems;
}

} // namespace

void TestAccessibility::initTestCase()
{
    QAccessible::installUpdateHandler(recordEvent);
    QAccessible::setActive(true);
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    ConsoleOptions options;
    options.demo = true; // the simulated federation: nodes on the map
    options.cacheDirectory = m_dir.path();
    m_console = std::make_unique<ConsoleApp>(options, m_settings.get());
    m_console->start();
    MainWindow *window = m_console->window();
    window->resize(1600, 1000);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->nodeModel().rowCount() > 10, 30000);
}

void TestAccessibility::cleanupTestCase()
{
    m_console.reset();
    QAccessible::installUpdateHandler(nullptr);
    qDeleteAll(g_events);
    g_events.clear();
}

void TestAccessibility::everyControlHasAName()
{
    MainWindow *window = m_console->window();
    QStringList problems = unnamedIn(window);
    // Each dock in front in turn: a dock behind a tab shows nothing until it is raised.
    for (QDockWidget *dock : window->findChildren<QDockWidget *>()) {
        dock->show();
        dock->raise();
        QTest::qWait(20);
        problems << unnamedIn(window);
    }
    // The windows and dialogs the menus open (as tests/gui/windows/tst_windowtexts.cpp opens them).
    int windowsSeen = 0;
    for (const char *name :
         {"connectFederationAction", "manageAccountsAction", "selectResourcesAction", "placeJobAction",
          "saveSnapshotAction", "compareSnapshotsAction", "reviewLastHourAction", "handoverReportAction",
          "identifierManagementAction", "userGuideAction", "shortcutsAction", "newWorkload"}) {
        QAction *action = window->findChild<QAction *>(QLatin1String(name));
        for (QMenu *menu : window->findChildren<QMenu *>()) {
            for (QAction *a : menu->actions()) {
                if (a->objectName() == QLatin1String(name))
                    action = a;
            }
        }
        if (!action) {
            qWarning("no action %s", name);
            continue;
        }
        const QWidgetList before = QApplication::topLevelWidgets();
        bool seen = false;
        QTimer look; // from the event loop: a dialog opened with exec() returns only once closed
        look.setInterval(50);
        connect(&look, &QTimer::timeout, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (w == window || !w->isVisible() || before.contains(w) || qobject_cast<QMenu *>(w)
                    || w->inherits("QTipLabel"))
                    continue;
                if (w->objectName().isEmpty())
                    w->setObjectName(QString::fromLatin1(name));
                look.stop();
                if (!qobject_cast<QFileDialog *>(w)) // a file chooser is Qt's own
                    problems << unnamedIn(w);
                seen = true;
                look.stop();
                if (auto *dialog = qobject_cast<QDialog *>(w))
                    dialog->reject();
                else
                    w->close();
                return;
            }
        });
        look.start();
        action->setEnabled(true);
        action->trigger();
        (void)QTest::qWaitFor([&] { return seen; }, 3000); // some actions open no window here
        look.stop();
        windowsSeen += seen;
        QTest::qWait(50);
    }
    QVERIFY2(windowsSeen >= 8, qPrintable(QString::number(windowsSeen)));
    problems.removeDuplicates();
    for (const QString &problem : std::as_const(problems))
        qWarning("%s", qPrintable(problem));
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 unnamed controls, listed above").arg(problems.size())));
}

void TestAccessibility::mapTellsTheSelectedNode()
{
    MainWindow *window = m_console->window();
    map::NodeMapWidget *map = window->mapPanel()->mapWidget();
    // The events reach a handler only where the platform has accessibility (not offscreen): there they are
    // checked too; tests/a11y/atspi_tree.py reads the map over AT-SPI on X11.
    QAccessible::setActive(true);
    const bool events = QAccessible::isActive();
    window->activateWindow();
    map->setFocus();
    QTRY_VERIFY(map->hasFocus());
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(map);
    QVERIFY(iface);
    QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("National map"));
    QVERIFY(iface->state().focusable);

    const auto nameOf = [this](const QString &id) {
        const NodeTableModel &nodes = m_console->nodeModel();
        return nodes.nodeAt(nodes.nodeIndex(id).row()).name; // in the interface's language
    };
    const auto changesOfMap = [map] {
        return std::count_if(g_events.cbegin(), g_events.cend(), [map](QAccessibleEvent *e) {
            return e->object() == map && e->type() == QAccessible::DescriptionChanged;
        });
    };
    // The map's scene is fed after the table: wait for its nodes.
    QTRY_VERIFY_WITH_TIMEOUT(!map->nodePosition(m_console->nodeModel().nodeAt(0).id).isNull(), 20000);
    // N selects a node: the description says its name, status and figures, and changed for screen readers.
    const qsizetype changesBefore = changesOfMap();
    QTest::keyClick(map, Qt::Key_N);
    const QString first = map->selectedNodeId();
    QVERIFY(!first.isEmpty());
    // Read when asked: once the node's first metrics are in (the directory can come a tick before them), its
    // figures and power are part of it.
    QTRY_VERIFY_WITH_TIMEOUT(iface->text(QAccessible::Description).contains(QStringLiteral("Power: ")), 20000);
    const QString description = iface->text(QAccessible::Description);
    QVERIFY2(description.contains(nameOf(first)), qPrintable(nameOf(first) + u'|' + description));
    QVERIFY2(description.contains(QStringLiteral("Status: ")), qPrintable(description));
    QVERIFY2(description.contains(QStringLiteral("Data age: ")), qPrintable(description));
    QVERIFY2(description.contains(QStringLiteral("busy")), qPrintable(description));
    QVERIFY(!events || changesOfMap() > changesBefore);
    // The Nodes table follows.
    QCOMPARE(window->nodesPanel()->view()->selectionModel()->currentIndex().data(NodeTableModel::NodeIdRole).toString(),
             first);

    // N again: the next node; Shift+N: back.
    QTest::keyClick(map, Qt::Key_N);
    const QString second = map->selectedNodeId();
    QVERIFY(!second.isEmpty() && second != first);
    QVERIFY(iface->text(QAccessible::Description).contains(nameOf(second)));
    QTest::keyClick(map, Qt::Key_N, Qt::ShiftModifier);
    QCOMPARE(map->selectedNodeId(), first);

    // S announces it: the same words, in the status bar and as an event.
    QString announced;
    connect(map, &map::NodeMapWidget::announced, this, [&](const QString &text) { announced = text; });
    const qsizetype changesBeforeS = changesOfMap();
    QTest::keyClick(map, Qt::Key_S);
    QCOMPARE(announced, iface->text(QAccessible::Description));
    QVERIFY(!events || changesOfMap() > changesBeforeS);
    QVERIFY(window->statusBar()->currentMessage().contains(nameOf(first)));

    // L says the selected node's links one by one, each highlighted; Shift+L goes back. The description
    // reads the link until the selection changes.
    QTest::keyClick(map, Qt::Key_L);
    QVERIFY2(announced.startsWith(QStringLiteral("Link 1 of ")), qPrintable(announced));
    QVERIFY2(announced.contains(nameOf(first)), qPrintable(announced));
    QCOMPARE(iface->text(QAccessible::Description), announced);
    const int firstLink = map->frameState().hoverLink;
    QVERIFY(firstLink >= 0);
    QTest::keyClick(map, Qt::Key_L);
    QVERIFY2(announced.startsWith(QStringLiteral("Link 2 of ")), qPrintable(announced)); // the national node has many
    QVERIFY(map->frameState().hoverLink != firstLink);
    QTest::keyClick(map, Qt::Key_L, Qt::ShiftModifier);
    QCOMPARE(map->frameState().hoverLink, firstLink);
    // R says its province; F shows the province's nodes in the table, as a double click on it does.
    const NodeTableModel &nodes = m_console->nodeModel();
    const QString province = nodes.nodeAt(nodes.nodeIndex(first).row()).province;
    QTest::keyClick(map, Qt::Key_R);
    QVERIFY2(announced.startsWith(provinceDisplayName(province)), qPrintable(announced));
    QVERIFY2(announced.contains(QStringLiteral("reporting")), qPrintable(announced));
    QSignalSpy provinceShown(map, &map::NodeMapWidget::provinceActivated);
    QTest::keyClick(map, Qt::Key_F);
    QCOMPARE(provinceShown.size(), 1);
    QCOMPARE(provinceShown.first().first().toString(), province);
    // S: the selected node again.
    QTest::keyClick(map, Qt::Key_S);
    QVERIFY(iface->text(QAccessible::Description).startsWith(QStringLiteral("Selected: ")));

    // The Menu key asks for the context menu about the selected node.
    map->setContextMenuPolicy(Qt::CustomContextMenu);
    disconnect(map, &QWidget::customContextMenuRequested, nullptr, nullptr); // not the real menu's exec()
    QString menuNode;
    connect(map, &QWidget::customContextMenuRequested, this,
            [&](const QPoint &pos) { menuNode = map->contextNodeId(pos); });
    QTest::keyClick(map, Qt::Key_F10, Qt::ShiftModifier);
    QCOMPARE(menuNode, first);
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
