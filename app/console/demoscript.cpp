#include "demoscript.h"

#include "alarms/alarmfeed.h"
#include "alarms/alarmstore.h"
#include "domain/logging.h"
#include "jobs/offerbook.h"
#include "jobs/workloadqueue.h"
#include "state/federationstate.h"
#include "ui/accounts/accountsui.h"
#include "ui/alarms/alarmspanel.h"
#include "ui/connectdialog.h"
#include "ui/dashboardpanel.h"
#include "ui/hierarchypanel.h"
#include "ui/latencypanel.h"

#include <QCheckBox>
#include <QLineEdit>
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "ui/planning/jobkindpage.h"
#include "ui/planning/jobspanel.h"
#include "ui/planning/jobwizard.h"
#include "ui/planning/rankedofferspage.h"
#include "ui/planning/requirementspage.h"
#include "ui/planning/reviewpage.h"
#include "ui/planning/selectionwizard.h"
#include "ui/planning/workloadeditor.h"
#include "ui/planning/workloadqueuepanel.h"
#include "widgets/map/nodemapwidget.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QTabWidget>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QMenuBar>
#include <QMenu>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>

namespace cpn::console {

DemoScript::DemoScript(const ConsoleOptions &options, const Parts &parts, QObject *parent)
    : QObject(parent), m_options(options), m_parts(parts)
{
    Q_ASSERT(m_parts.window);
    if (m_options.pinDemoCharts && m_parts.liveState) {
        connect(m_parts.liveState, &FederationState::directoryChanged, this, [this] {
            if (!m_chartsPinned && m_parts.liveState->nodeCount() > 0)
                pinDemoCharts();
        });
    }
    if (!m_options.openPlanning.isEmpty() && m_parts.offers) {
        // Once offers are in and a few seconds of samples have arrived, so the ranking has data.
        connect(m_parts.offers, &jobs::OfferBook::offersChanged, this, [this] {
            if (!m_planningOpened) {
                m_planningOpened = true;
                QTimer::singleShot(3000, this, &DemoScript::openPlanning);
            }
        });
    }
}

void DemoScript::start()
{
    if (!m_options.screenshotFile.isEmpty())
        scheduleScreenshot();
}

void DemoScript::loadExampleQueue()
{
    WorkloadQueuePanel *queue = m_parts.window->workloadQueuePanel();
    if (!queue || queue->queue()->rowCount() != 0)
        return;
    QString error;
    if (!queue->loadFile(QStringLiteral(":/examples/workload-queue.json"), &error))
        qCWarning(lcApp).noquote() << "the example workload queue could not be loaded:" << error;
}

void DemoScript::openPlanning()
{
    MainWindow *window = m_parts.window;
    SelectionWizard *wizard = window->openSelectionWizard();
    if (!wizard)
        return;
    // A fine-tuning sized request with its data in Shanghai and users in Guangdong, so every part of the
    // score has something to say; the wizard stands on the right, the ringed candidates on the left.
    RequirementsPage *requirements = wizard->requirementsPage();
    requirements->acceleratorCombo()->setCurrentIndex(
        requirements->acceleratorCombo()->findData(QStringLiteral("ascend-910b")));
    requirements->acceleratorCount()->setValue(64);
    requirements->dataLocation()->setCurrentIndex(
        requirements->dataLocation()->findData(QStringLiteral("province:CN-SH")));
    requirements->dataTB()->setValue(50);
    requirements->usersLocation()->setCurrentIndex(
        requirements->usersLocation()->findData(QStringLiteral("province:CN-GD")));
    requirements->maxLatency()->setValue(40);
    const QRect area = window->geometry();
    wizard->resize(std::min(area.width() / 2, 990), std::min(area.height() - 160, 820));
    wizard->move(area.right() - wizard->width() - 8, area.top() + 100);
    wizard->next();
}

void DemoScript::pinDemoCharts()
{
    using charts::ChartSpec;
    m_chartsPinned = true;
    MainWindow *window = m_parts.window;
    window->pinChart(ChartSpec{ChartSpec::Kind::Region, QString()});
    // The busiest kind of node: one with accelerators; then a link from it and its province.
    const Node *node = nullptr;
    for (const NodeEntry &entry : m_parts.liveState->entries()) {
        const Node &n = entry.node;
        if (!n.capacity.accelerators.isEmpty() && n.tier != NodeTier::National) {
            node = &n;
            break;
        }
    }
    if (node) {
        window->pinChart(ChartSpec{ChartSpec::Kind::NodeUtilization, node->id});
        for (const Link &link : m_parts.liveState->links()) {
            if (link.a == node->id || link.b == node->id) {
                window->pinChart(ChartSpec{ChartSpec::Kind::LinkThroughput, link.id});
                window->pinChart(ChartSpec{ChartSpec::Kind::LinkQuality, link.id});
                break;
            }
        }
        if (!node->province.isEmpty())
            window->pinChart(ChartSpec{ChartSpec::Kind::Region, node->province});
    }
    // Room for the charts: wider than the Nodes dock's default, and most of the right column's height.
    window->resizeDocks({window->dashboardDock()}, {960}, Qt::Horizontal);
    window->resizeDocks({window->dashboardDock(), window->detailsDock()}, {860, 120}, Qt::Vertical);
}

void DemoScript::injectFault(const QString &spec)
{
    const qsizetype colon = spec.indexOf(u':');
    if (colon <= 0 || !m_parts.injectFault) {
        qCWarning(lcApp).noquote() << "no fault" << spec << "for the screenshot (kind:target, --demo only)";
        return;
    }
    m_parts.injectFault(spec.left(colon), spec.mid(colon + 1));
}

void DemoScript::hoverNode(const QString &nodeId)
{
    map::NodeMapWidget *map = m_parts.window->mapPanel()->mapWidget();
    const QPointF at = map->nodePosition(nodeId);
    if (map->nodeIdAt(at) != nodeId) {
        qCWarning(lcApp).noquote() << "node" << nodeId << "is not on the map to hover";
        return;
    }
    // What resting the mouse there does: the hover highlight, then the hover card (a tooltip).
    const QPoint global = map->mapToGlobal(at.toPoint());
    QMouseEvent move(QEvent::MouseMove, at, QPointF(global), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(map, &move);
    QHelpEvent help(QEvent::ToolTip, at.toPoint(), global);
    QCoreApplication::sendEvent(map, &help);
}

void DemoScript::acknowledge(const QString &spec)
{
    const qsizetype colon = spec.indexOf(u':');
    const QString sourceId = spec.left(colon);
    const QString comment = colon < 0 ? QString() : spec.mid(colon + 1);
    const alarms::StoredAlarm *found = nullptr;
    if (m_parts.alarms) {
        for (const alarms::StoredAlarm &stored : m_parts.alarms->all()) {
            if (stored.isActive() && stored.alarm.source.id == sourceId)
                found = &stored;
        }
    }
    alarms::AlarmFeed *feed = found && m_parts.alarmFeeds ? m_parts.alarmFeeds(found->origin) : nullptr;
    if (!feed) {
        qCWarning(lcApp).noquote() << "no active alarm on" << sourceId << "to acknowledge for the screenshot";
        return;
    }
    // As the operator does in the dock: acknowledged with a comment, through the root's protocol.
    const alarms::AlarmKey key = found->key();
    feed->acknowledge(key.id, {comment, 0}, [this, key](const QString &error) {
        if (!error.isEmpty()) {
            qCWarning(lcApp).noquote() << "the screenshot's acknowledgement failed:" << error;
            return;
        }
        // Raised and taller, as an operator working the alarms drags it.
        m_parts.window->alarmsDock()->raise();
        m_parts.window->resizeDocks({m_parts.window->alarmsDock()}, {420}, Qt::Vertical);
        m_parts.window->alarmsPanel()->selectAlarm(key);
    });
}

void DemoScript::placeJob(const QString &spec)
{
    const QStringList parts = spec.split(u':');
    MainWindow *window = m_parts.window;
    JobWizard *wizard = parts.size() == 3 ? window->openJobWizard() : nullptr;
    if (!wizard) {
        qCWarning(lcApp).noquote() << "no job" << spec << "for the screenshot (node:model:count)";
        return;
    }
    const QString nodeId = parts.at(0);
    // As an operator fills it in: a batch job of the cards, a few cores, no storage (a site may sell none).
    wizard->kindPage()->nameEdit()->setText(QStringLiteral("resnet-batch-%1gpu").arg(parts.at(2)));
    wizard->kindPage()->kindCombo()->setCurrentIndex(
        wizard->kindPage()->kindCombo()->findData(int(JobKind::Batch)));
    wizard->next();
    RequirementsPage *requirements = wizard->requirementsPage();
    requirements->acceleratorCombo()->setCurrentIndex(
        requirements->acceleratorCombo()->findData(parts.at(1)));
    requirements->acceleratorCount()->setValue(parts.at(2).toInt());
    requirements->cpuCores()->setValue(8);
    requirements->memoryGiB()->setValue(16);
    requirements->storageTB()->setValue(0);
    requirements->durationHours()->setValue(2);
    wizard->next();
    RankedOffersPage *proposals = wizard->proposalsPage();
    int row = -1;
    for (int i = 0; i < proposals->result().ranked.size() && row < 0; ++i) {
        if (proposals->result().ranked.at(i).nodeId() == nodeId &&
            !proposals->result().ranked.at(i).isSplit())
            row = i;
    }
    if (row < 0 || !proposals->selectCandidate(row)) {
        qCWarning(lcApp).noquote() << "the wizard does not propose" << nodeId << "for the screenshot's job";
        wizard->close();
        return;
    }
    connect(wizard, &JobWizard::submitted, this, [wizard, window](const QList<Job> &jobs) {
        wizard->accept();
        window->jobsDock()->show();
        window->jobsDock()->raise();
        if (!jobs.isEmpty())
            window->jobsPanel()->selectJob(jobs.first().id);
    });
    connect(wizard, &JobWizard::submissionFailed, this, [wizard](const QString &reason) {
        qCWarning(lcApp).noquote() << "the screenshot's job was not placed:" << reason;
        wizard->close();
    });
    wizard->next(); // review
    wizard->next(); // submit
}

void DemoScript::editFirstWorkload()
{
    WorkloadQueuePanel *queue = m_parts.window->workloadQueuePanel();
    m_parts.window->workloadQueueDock()->raise();
    if (queue->queue()->rowCount() == 0 || !queue->selectWorkload(queue->queue()->items().constFirst().id)) {
        qCWarning(lcApp) << "no workload to edit for the screenshot";
        return;
    }
    queue->editAction()->trigger();
    if (WorkloadEditorDialog *editor = queue->pendingEditor())
        editor->tabs()->setCurrentIndex(1); // what it needs, with the live count
}

void DemoScript::showIdentifierTypo()
{
    // The Guizhou hub's identifier with its check character mistyped: the field explains it.
    IdentifierManagementWindow *identifiers = m_parts.window->openIdentifierManagement();
    connect(identifiers, &IdentifierManagementWindow::refreshed, identifiers, [identifiers] {
        identifiers->identifierField()->setText(QStringLiteral("CPN-R52-GEN-00001-C"));
    }, Qt::SingleShotConnection);
}

void DemoScript::scheduleScreenshot()
{
    MainWindow *window = m_parts.window;
    // For scripts/screenshots.sh: CPN_SCREENSHOT_DRAG=<workload id> holds that workload of the queue
    // over its best node on the map, so the picture shows the fit shading of a drag in progress.
    if (const QString drag = qEnvironmentVariable("CPN_SCREENSHOT_DRAG"); !drag.isEmpty()) {
        QTimer::singleShot(std::max(0, m_options.screenshotDelayMs - 1500), this, [window, drag] {
            WorkloadQueuePanel *queue = window->workloadQueuePanel();
            if (queue)
                window->workloadQueueDock()->raise(); // the row being dragged is in the picture
            if (!queue || !queue->showDragPreview(window->mapPanel()->mapWidget(), drag))
                qCWarning(lcApp).noquote() << "no drag preview for workload" << drag;
        });
    }
    // CPN_SCREENSHOT_LANGUAGE=<choice> (e.g. zh_CN) opens Place a Job, then switches the language through
    // View > Language and shows that menu open for the picture.
    if (const QString language = qEnvironmentVariable("CPN_SCREENSHOT_LANGUAGE"); !language.isEmpty()) {
        QTimer::singleShot(std::max(0, m_options.screenshotDelayMs - 5000), this, [window] {
            if (JobWizard *wizard = window->openJobWizard())
                wizard->move(window->geometry().center() - wizard->rect().center() + QPoint(200, 60));
        });
        QTimer::singleShot(std::max(0, m_options.screenshotDelayMs - 3000), this, [window, language] {
            QMenu *menu = window->languageMenu();
            QAction *choice = menu ? menu->findChild<QAction *>(QStringLiteral("language_") + language) : nullptr;
            if (!choice) {
                qCWarning(lcApp).noquote() << "no language" << language << "for the screenshot";
                return;
            }
            choice->trigger();
        });
        QTimer::singleShot(std::max(0, m_options.screenshotDelayMs - 1500), this, [window] {
            QMenuBar *bar = window->menuBar();
            QMenu *view = window->viewMenu();
            view->popup(bar->mapToGlobal(bar->actionGeometry(view->menuAction()).bottomLeft()));
            QMenu *languages = window->languageMenu();
            languages->popup(view->mapToGlobal(view->actionGeometry(languages->menuAction()).topRight()));
        });
    }
    // CPN_SCREENSHOT_DIALOG=accounts|connect|workload-editor|identifiers opens that dialog over the window for the
    // picture (the workload editor on the queue's first workload).
    if (const QString dialog = qEnvironmentVariable("CPN_SCREENSHOT_DIALOG"); !dialog.isEmpty()) {
        QTimer::singleShot(std::max(0, m_options.screenshotDelayMs - 1500), this, [this, dialog] {
            if (dialog == u"accounts" && m_parts.accounts)
                m_parts.accounts->showDialog();
            else if (dialog == u"workload-editor" && m_parts.window->workloadQueuePanel())
                editFirstWorkload();
            else if (dialog == u"identifiers" && m_parts.window->identifierManagementAction())
                showIdentifierTypo();
            else if (dialog == u"connect" && m_parts.accounts)
                m_parts.openConnectDialog()->setEndpoint(
                    {QUrl(QStringLiteral("https://cpn-east.example.cn:8443")), false, {}, false});
            else
                qCWarning(lcApp).noquote() << "no dialog" << dialog << "for the screenshot";
        });
    }
    // CPN_SCREENSHOT_FAULT=<kind>:<target>[,<kind>:<target>...] (e.g. node-down:guian) sets those
    // faults on the demo's simulator 40 s before the picture (10 s after the start at the earliest, so
    // the console has figures from it first): long enough for a node to be shown offline and its one
    // event told.
    const QStringList faults = qEnvironmentVariable("CPN_SCREENSHOT_FAULT").split(u',', Qt::SkipEmptyParts);
    for (const QString &fault : faults) {
        QTimer::singleShot(std::max(10000, m_options.screenshotDelayMs - 40000), this,
                           [this, fault] { injectFault(fault); });
    }
    // CPN_SCREENSHOT_ACK=<source id>:<comment> acknowledges the active alarm of that source with that
    // comment 6 s before the picture and shows it selected in the Alarms dock, its thread beside.
    if (const QString ack = qEnvironmentVariable("CPN_SCREENSHOT_ACK"); !ack.isEmpty()) {
        QTimer::singleShot(std::max(0, m_options.screenshotDelayMs - 6000), this,
                           [this, ack] { acknowledge(ack); });
    }
    // CPN_SCREENSHOT_JOB=<node id>:<accelerator model>:<count> places a 2-hour batch job of that many
    // cards on that node with the Place a Job wizard 25 s before the picture (scripts/screenshots.sh
    // site: a job running on a real site's Slurm), and shows it selected in the Jobs dock.
    if (const QString job = qEnvironmentVariable("CPN_SCREENSHOT_JOB"); !job.isEmpty()) {
        QTimer::singleShot(std::max(0, m_options.screenshotDelayMs - 25000), this,
                           [this, job] { placeJob(job); });
    }
    // CPN_SCREENSHOT_HIERARCHY=<node id> chooses that node in the Hierarchy dock, in front: its subtree
    // narrows the table and the map.
    if (const QString node = qEnvironmentVariable("CPN_SCREENSHOT_HIERARCHY"); !node.isEmpty()) {
        QTimer::singleShot(std::max(0, m_options.screenshotDelayMs - 3000), this, [window, node] {
            window->hierarchyDock()->raise();
            if (!window->hierarchyPanel()->choose(node))
                qCWarning(lcApp).noquote() << "no node" << node << "in the hierarchy for the screenshot";
        });
    }
    // CPN_SCREENSHOT_LATENCY=<node id> shows the Latency Targets dock and the latency rings on the map from
    // that node, selected.
    if (const QString node = qEnvironmentVariable("CPN_SCREENSHOT_LATENCY"); !node.isEmpty()) {
        QTimer::singleShot(std::max(0, m_options.screenshotDelayMs - 3000), this, [window, node] {
            window->latencyDock()->raise();
            window->latencyPanel()->ringsBox()->setChecked(true);
            if (!window->mapPanel()->mapWidget()->jumpToNode(node))
                qCWarning(lcApp).noquote() << "no node" << node << "on the map for the screenshot";
            window->mapPanel()->mapWidget()->fitCountry(); // every ring in the picture
        });
    }
    // CPN_SCREENSHOT_HOVER=<node id> holds the mouse over that node on the map: its hover card.
    if (const QString node = qEnvironmentVariable("CPN_SCREENSHOT_HOVER"); !node.isEmpty()) {
        QTimer::singleShot(std::max(0, m_options.screenshotDelayMs - 1500), this,
                           [this, node] { hoverNode(node); });
    }
    QTimer::singleShot(m_options.screenshotDelayMs, this, [this, window] {
        const QString file = m_options.screenshotFile;
        // CPN_SCREENSHOT_DASHBOARD_PDF=<file> also exports the dashboard's report as it stands.
        if (const QString pdf = qEnvironmentVariable("CPN_SCREENSHOT_DASHBOARD_PDF"); !pdf.isEmpty()) {
            if (window->dashboard() && window->dashboard()->exportPdf(pdf, DashboardPanel::tr("CPN dashboard")))
                qCInfo(lcApp) << "dashboard report saved to" << pdf;
            else
                qCWarning(lcApp) << "could not save the dashboard report to" << pdf;
        }
        // Dialogs open over the window (e.g. --open-planning) and a tooltip (a hover card) are
        // painted where they stand.
        QPixmap shot = window->grab();
        QPainter painter(&shot);
        QList<QWidget *> over;
        for (QDialog *dialog : window->findChildren<QDialog *>())
            over.append(dialog);
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (top->inherits("QTipLabel") || qobject_cast<QMenu *>(top))
                over.append(top);
        }
        for (QWidget *widget : std::as_const(over)) {
            if (widget->isVisible())
                painter.drawPixmap(widget->geometry().topLeft() - window->geometry().topLeft(),
                                   widget->grab());
        }
        painter.end();
        if (shot.save(file, "PNG"))
            qCInfo(lcApp) << "screenshot saved to" << file;
        else
            qCWarning(lcApp) << "could not save the screenshot to" << file;
        window->close();
        QCoreApplication::exit(0);
    });
}

} // namespace cpn::console
