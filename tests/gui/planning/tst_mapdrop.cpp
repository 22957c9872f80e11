// Dragging a workload from the Workload Queue onto the map, against the real cpn-nodesim through the
// console's composition root: the drop is confirmed and the job reaches the node; a planning move undone
// before submission leaves the node untouched; a refused job comes back to the queue with its reason.
// A QDrag from a test blocks, so the map gets the drag events the row's MIME data would produce.
#include "api/localsimulator.h"
#include "consoleapp.h"
#include "itemmodels/eventlogmodel.h"
#include "jobs/jobtracker.h"
#include "jobs/offerbook.h"
#include "jobs/workloadqueue.h"
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "ui/planning/dropconfirmdialog.h"
#include "ui/planning/planningservices.h"
#include "ui/planning/planningundo.h"
#include "ui/planning/workloadqueuepanel.h"
#include "ui/planning/workloadqueueview.h"
#include "widgets/map/nodemapwidget.h"

#include <QDragEnterEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::console;
using jobs::QueuedWorkload;
using jobs::WorkloadQueue;

namespace {
const QString kDevToken = QStringLiteral("tst-mapdrop-dev");
const QString kReadToken = QStringLiteral("tst-mapdrop-read");
} // namespace

class tst_MapDrop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void dropOnNodeSubmitsAJob();
    void undoBeforeSubmitLeavesTheNodeUntouched();
    void refusedJobReturnsToTheQueue();
    void nodeDownBetweenDropAndSubmit();
    void dropOnRedNodeIsRefusedByTheMap();

private:
    QueuedWorkload smallWorkload(const QString &id) const;
    // A node shown on the map where the workload fits, whose symbol is the one under its position.
    QString fittingNode(const QString &workloadId, map::FitLevel level = map::FitLevel::Good);
    // Drags the queue row onto the map at pos; true if the map accepted the drop.
    bool dragOntoMap(const QString &workloadId, const QPointF &pos);
    QJsonArray jobsOn(const QString &nodeId, const QString &token);
    bool sim(const QByteArray &verb, const QString &path, const QJsonObject &body = {});

    QTemporaryDir m_dir;
    api::LocalSimulator m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<ConsoleApp> m_console;
    MainWindow *m_window = nullptr;
    WorkloadQueuePanel *m_panel = nullptr;
    map::NodeMapWidget *m_map = nullptr;
};

void tst_MapDrop::initTestCase()
{
    api::LocalSimulator::Options options;
    options.devToken = kDevToken;
    options.extraArguments = {QStringLiteral("--read-token"), kReadToken};
    m_sim.start(options);
    QVERIFY2(m_sim.waitForStarted(), qPrintable(m_sim.errorString()));

    ConsoleOptions console;
    console.connectUrls = {m_sim.baseUrl()};
    console.token = kDevToken;
    console.cacheDirectory = m_dir.path();
    m_console = std::make_unique<ConsoleApp>(console, nullptr);
    m_console->start();
    m_window = m_console->window();
    m_window->resize(1600, 1000);
    m_panel = m_window->workloadQueuePanel();
    QVERIFY(m_panel);
    m_map = m_window->mapPanel()->mapWidget();
    // Live data and offers before anything is ranked.
    QTRY_VERIFY_WITH_TIMEOUT(m_console->nodeModel().rowCount() >= 30, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->planning()->offers->hasOffers(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->planning()->snapshot().nodeSamples.size() >= 30, 20000);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    // The map's scene is fed from the node table on its own beat.
    QTRY_VERIFY_WITH_TIMEOUT(!m_map->nodePosition(QStringLiteral("guian")).isNull(), 10000);
    m_map->fitCountry();
}

void tst_MapDrop::cleanupTestCase()
{
    m_console.reset();
    m_sim.stop();
}

QueuedWorkload tst_MapDrop::smallWorkload(const QString &id) const
{
    QueuedWorkload item;
    item.id = id;
    item.workload.name = QStringLiteral("tst-mapdrop %1").arg(id);
    item.workload.kind = JobKind::Inference;
    item.workload.requirements = {QStringLiteral("ascend-910b"), 4, 16, 64, 0.5, 2};
    return item;
}

QString tst_MapDrop::fittingNode(const QString &workloadId, map::FitLevel level)
{
    const map::FitShading shading = m_panel->fitFor(workloadId);
    QMap<int, QString> byRank; // best first, for a stable choice
    for (auto it = shading.nodes.begin(); it != shading.nodes.end(); ++it) {
        if (it->level != level)
            continue;
        const QPointF pos = m_map->nodePosition(it.key());
        if (!QRectF(m_map->rect()).adjusted(20, 20, -20, -20).contains(pos) ||
            m_map->nodeIdAt(pos) != it.key())
            continue;
        byRank.insert(level == map::FitLevel::Cannot ? byRank.size() : it->rank, it.key());
    }
    if (byRank.isEmpty())
        qWarning() << "no node of level" << int(level) << "among" << shading.nodes.size() << "map"
                   << m_map->size() << "scene nodes" << m_map->nodePosition(shading.nodes.keys().value(0))
                   << m_map->nodeIdAt(m_map->nodePosition(shading.nodes.keys().value(0)));
    return byRank.isEmpty() ? QString() : byRank.first();
}

bool tst_MapDrop::dragOntoMap(const QString &workloadId, const QPointF &pos)
{
    // The row's own drag payload, as the view would start it.
    WorkloadQueue *queue = m_panel->queue();
    std::unique_ptr<QMimeData> mime(queue->mimeData({queue->index(queue->rowOf(workloadId), 0)}));
    if (!mime)
        return false;
    const QPoint entry(5, 5);
    QDragEnterEvent enter(entry, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_map, &enter);
    if (!enter.isAccepted() || !m_map->renderer().fitLayer().isActive())
        return false;
    QDragMoveEvent move(pos.toPoint(), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_map, &move);
    m_map->repaint(); // the shading and the label are drawn during the drag
    QDropEvent drop(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_map, &drop);
    return drop.isAccepted() && !m_map->renderer().fitLayer().isActive();
}

QJsonArray tst_MapDrop::jobsOn(const QString &nodeId, const QString &token)
{
    const Node *node = m_window->planning()->jobs->node(nodeId);
    if (!node)
        return {};
    QNetworkRequest request(QUrl(node->baseUrl.toString() + QStringLiteral("/api/v1/jobs")));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply *reply = m_network.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    const QJsonArray all =
        QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("jobs")).toArray();
    reply->deleteLater();
    QJsonArray mine;
    for (const QJsonValue &job : all)
        if (job.toObject().value(QStringLiteral("nodeId")).toString() == nodeId)
            mine.append(job);
    return mine;
}

bool tst_MapDrop::sim(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    QNetworkRequest request(QUrl(m_sim.baseUrl().adjusted(QUrl::RemovePath).toString() + path));
    request.setRawHeader("Authorization", "Bearer " + kDevToken.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, QJsonDocument(body).toJson());
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status >= 200 && status < 300;
}

void tst_MapDrop::dropOnNodeSubmitsAJob()
{
    WorkloadQueue *queue = m_panel->queue();
    QVERIFY(queue->insert(smallWorkload(QStringLiteral("drop-submit"))));
    const QString node = fittingNode(QStringLiteral("drop-submit"));
    QVERIFY2(!node.isEmpty(), "no green node on screen for a small inference job");
    QCOMPARE(jobsOn(node, kDevToken).size(), 0);

    QVERIFY(dragOntoMap(QStringLiteral("drop-submit"), m_map->nodePosition(node)));
    DropConfirmDialog *confirm = m_panel->pendingConfirmation();
    QVERIFY(confirm);
    QVERIFY(confirm->isVisible());
    QVERIFY(confirm->findChild<QLabel *>(QStringLiteral("targetNode"))->text().contains(node));
    QVERIFY(confirm->findChild<QLabel *>(QStringLiteral("cost"))->text().contains(QStringLiteral("CNY")));
    QVERIFY(confirm->submitButton()->isEnabled());
    QTest::mouseClick(confirm->submitButton(), Qt::LeftButton);

    // The row shows the job id once the node answered, and the node has the job.
    QTRY_COMPARE_WITH_TIMEOUT(queue->find(QStringLiteral("drop-submit"))->state,
                              QueuedWorkload::State::Submitted, 15000);
    const QString jobId = queue->find(QStringLiteral("drop-submit"))->jobId;
    QVERIFY(!jobId.isEmpty());
    const QModelIndex state =
        queue->index(queue->rowOf(QStringLiteral("drop-submit")), WorkloadQueue::StateColumn);
    QVERIFY2(state.data().toString().contains(jobId), qPrintable(state.data().toString()));
    const QJsonArray jobs = jobsOn(node, kDevToken);
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs.first().toObject().value(QStringLiteral("id")).toString(), jobId);
    QCOMPARE(jobs.first().toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("tst-mapdrop drop-submit"));
    // The Jobs dock follows it; a submitted workload can no longer be dragged.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->planning()->jobs->job(jobId) != nullptr, 5000);
    QVERIFY(!(queue->flags(state) & Qt::ItemIsDragEnabled));
}

void tst_MapDrop::undoBeforeSubmitLeavesTheNodeUntouched()
{
    WorkloadQueue *queue = m_panel->queue();
    QVERIFY(queue->insert(smallWorkload(QStringLiteral("drop-undo"))));
    const QString node = fittingNode(QStringLiteral("drop-undo"));
    QVERIFY(!node.isEmpty());
    const int before = jobsOn(node, kDevToken).size();

    QVERIFY(dragOntoMap(QStringLiteral("drop-undo"), m_map->nodePosition(node)));
    DropConfirmDialog *confirm = m_panel->pendingConfirmation();
    QVERIFY(confirm);
    QTest::mouseClick(confirm->planButton(), Qt::LeftButton);
    QCOMPARE(queue->find(QStringLiteral("drop-undo"))->state, QueuedWorkload::State::Planned);
    QCOMPARE(queue->find(QStringLiteral("drop-undo"))->plannedNodeId, node);
    QVERIFY(m_panel->undoAction()->isEnabled());

    // Ctrl+Z in the dock takes the move back.
    m_panel->selectWorkload(QStringLiteral("drop-undo"));
    m_panel->view()->setFocus();
    m_panel->undoAction()->trigger();
    QCOMPARE(queue->find(QStringLiteral("drop-undo"))->state, QueuedWorkload::State::Queued);
    QVERIFY(queue->find(QStringLiteral("drop-undo"))->plannedNodeId.isEmpty());
    QVERIFY(!m_panel->submitAction()->isEnabled()); // nothing planned to submit
    // Redo and undo again: still nothing sent.
    m_panel->redoAction()->trigger();
    QCOMPARE(queue->find(QStringLiteral("drop-undo"))->state, QueuedWorkload::State::Planned);
    m_panel->undoAction()->trigger();
    QCOMPARE(queue->find(QStringLiteral("drop-undo"))->state, QueuedWorkload::State::Queued);
    QTest::qWait(1500); // anything wrongly sent would have reached the node by now
    QCOMPARE(jobsOn(node, kDevToken).size(), before);

    // Planned and submitted from the dock: its moves are then gone from undo.
    QVERIFY(m_panel->undoStack()->plan(QStringLiteral("drop-undo"), node, {}));
    m_panel->selectWorkload(QStringLiteral("drop-undo"));
    QVERIFY(m_panel->submitAction()->isEnabled());
    // Submit asks first, as a drop does; Cancel sends nothing and keeps the plan.
    m_panel->submitAction()->trigger();
    QVERIFY(m_panel->pendingConfirmation());
    QTest::mouseClick(m_panel->pendingConfirmation()->cancelButton(), Qt::LeftButton);
    QCOMPARE(queue->find(QStringLiteral("drop-undo"))->state, QueuedWorkload::State::Planned);
    m_panel->submitAction()->trigger();
    QVERIFY(m_panel->pendingConfirmation());
    QTest::mouseClick(m_panel->pendingConfirmation()->submitButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(queue->find(QStringLiteral("drop-undo"))->state,
                              QueuedWorkload::State::Submitted, 15000);
    QVERIFY(!m_panel->undoStack()->canUndoMove());
    m_panel->undoAction()->trigger(); // does nothing
    QCOMPARE(queue->find(QStringLiteral("drop-undo"))->state, QueuedWorkload::State::Submitted);
    QCOMPARE(jobsOn(node, kDevToken).size(), before + 1);
}

void tst_MapDrop::refusedJobReturnsToTheQueue()
{
    // A read-only token: the node answers 403 naming jobs:write.
    jobs::JobTracker *tracker = m_window->planning()->jobs;
    tracker->setToken(m_sim.baseUrl(), kReadToken);
    WorkloadQueue *queue = m_panel->queue();
    QVERIFY(queue->insert(smallWorkload(QStringLiteral("drop-403"))));
    const QString node = fittingNode(QStringLiteral("drop-403"));
    QVERIFY(!node.isEmpty());
    const int before = jobsOn(node, kDevToken).size();
    QSignalSpy logged(m_panel, &WorkloadQueuePanel::eventLogged);

    QVERIFY(dragOntoMap(QStringLiteral("drop-403"), m_map->nodePosition(node)));
    QTest::mouseClick(m_panel->pendingConfirmation()->submitButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(queue->find(QStringLiteral("drop-403"))->state, QueuedWorkload::State::Refused,
                              15000);
    tracker->setToken(m_sim.baseUrl(), kDevToken);
    const QueuedWorkload *item = queue->find(QStringLiteral("drop-403"));
    QVERIFY2(item->reason.contains(QStringLiteral("jobs:write")), qPrintable(item->reason));
    QVERIFY(item->isPlaceable()); // back in the queue, never lost
    const QModelIndex state =
        queue->index(queue->rowOf(QStringLiteral("drop-403")), WorkloadQueue::StateColumn);
    QVERIFY(state.data().toString().contains(QStringLiteral("jobs:write")));
    QVERIFY(m_panel->messageLabel()->isVisible());
    QCOMPARE(jobsOn(node, kDevToken).size(), before);
    // In the Events log too.
    QVERIFY(!logged.isEmpty());
    QCOMPARE(logged.last().at(0).value<EventLogModel::Severity>(), EventLogModel::Severity::Warning);
    QVERIFY(logged.last().at(2).toString().contains(QStringLiteral("jobs:write")));

    // And it can be placed again, this time with the right to do so.
    QVERIFY(dragOntoMap(QStringLiteral("drop-403"), m_map->nodePosition(node)));
    QTest::mouseClick(m_panel->pendingConfirmation()->submitButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(queue->find(QStringLiteral("drop-403"))->state,
                              QueuedWorkload::State::Submitted, 15000);
}

void tst_MapDrop::nodeDownBetweenDropAndSubmit()
{
    WorkloadQueue *queue = m_panel->queue();
    QVERIFY(queue->insert(smallWorkload(QStringLiteral("drop-down"))));
    const QString node = fittingNode(QStringLiteral("drop-down"));
    QVERIFY(!node.isEmpty());
    QVERIFY(dragOntoMap(QStringLiteral("drop-down"), m_map->nodePosition(node)));
    DropConfirmDialog *confirm = m_panel->pendingConfirmation();
    QVERIFY(confirm);
    // The node goes down while the planner reads the confirmation.
    QVERIFY(sim("POST", QStringLiteral("/sim/v1/faults"),
                {{QStringLiteral("kind"), QStringLiteral("node-down")}, {QStringLiteral("target"), node}}));
    QTest::mouseClick(confirm->submitButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(queue->find(QStringLiteral("drop-down"))->state, QueuedWorkload::State::Refused,
                              20000);
    const QString reason = queue->find(QStringLiteral("drop-down"))->reason;
    qInfo().noquote() << "refused after node-down:" << reason;
    QVERIFY(!reason.isEmpty());
    QVERIFY(queue->find(QStringLiteral("drop-down"))->isPlaceable());
    QVERIFY(sim("DELETE", QStringLiteral("/sim/v1/faults")));
}

void tst_MapDrop::dropOnRedNodeIsRefusedByTheMap()
{
    // Far more cards than any node has free: every node is red, and the map takes no drop.
    WorkloadQueue *queue = m_panel->queue();
    QueuedWorkload huge = smallWorkload(QStringLiteral("drop-huge"));
    huge.workload.requirements.accelerators = 100000;
    QVERIFY(queue->insert(huge));
    const QString node = fittingNode(QStringLiteral("drop-huge"), map::FitLevel::Cannot);
    QVERIFY(!node.isEmpty());
    const map::FitShading shading = m_panel->fitFor(QStringLiteral("drop-huge"));
    QVERIFY(!shading.nodes.value(node).text.isEmpty());
    QVERIFY(!dragOntoMap(QStringLiteral("drop-huge"), m_map->nodePosition(node)));
    QVERIFY(!m_panel->pendingConfirmation());
    QCOMPARE(queue->find(QStringLiteral("drop-huge"))->state, QueuedWorkload::State::Queued);
}

QTEST_MAIN(tst_MapDrop)
#include "tst_mapdrop.moc"
