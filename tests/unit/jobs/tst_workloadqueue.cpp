// WorkloadQueue (the model) and workloadjson (the queue file): model invariants under every change,
// a full round trip, the shipped example, and malformed files each refused with their own message.
#include "jobs/workloadjson.h"
#include "jobs/workloadqueue.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace cpn;
using namespace cpn::jobs;

namespace {

QueuedWorkload sample(const QString &id, const QString &name)
{
    QueuedWorkload item;
    item.id = id;
    item.workload.name = name;
    item.workload.kind = JobKind::Inference;
    item.workload.requirements = {QStringLiteral("h800"), 8, 64, 256, 1, 4};
    return item;
}

// A complete workload with every optional field set, in every state the file keeps.
QList<QueuedWorkload> fullQueue()
{
    QueuedWorkload a = sample(QStringLiteral("a"), QStringLiteral("Alpha"));
    placement::Workload &w = a.workload;
    w.kind = JobKind::Training;
    w.requirements = {{}, 64, 512, 2048.5, 10, 12};
    w.acceleratorModels = {QStringLiteral("a800"), QStringLiteral("ascend-910b")};
    w.dataLocation = placement::Location::atNode(QStringLiteral("guian"));
    w.dataTB = 50;
    w.usersLocation = placement::Location::inProvince(QStringLiteral("CN-GD"));
    w.maxLatencyMs = 40;
    w.residencyProvinces = {QStringLiteral("CN-GZ"), QStringLiteral("CN-GD")};
    w.deadlineMs = 1'800'000'000'123;
    w.budgetCny = 20000;
    w.preferGreen = true;
    w.weights = {0.5, 0.1, 0.1, 0.2, 0.1};
    w.splittable = true;
    w.maxSplitNodes = 3;
    a.state = QueuedWorkload::State::Planned;
    a.plannedNodeId = QStringLiteral("guian");

    QueuedWorkload b = sample(QStringLiteral("b"), QStringLiteral("Beta"));
    b.workload.usersLocation = placement::Location::at(QStringLiteral("CN-SH"), 31.2, 121.5);
    b.state = QueuedWorkload::State::Submitted;
    b.plannedNodeId = QStringLiteral("sh-finance");
    b.jobId = QStringLiteral("job-000042");

    QueuedWorkload c = sample(QStringLiteral("c"), QStringLiteral("Gamma 中文"));
    c.state = QueuedWorkload::State::Refused;
    c.reason = QStringLiteral("the node lacks h800");

    QueuedWorkload d = sample(QStringLiteral("d"), QStringLiteral("Delta"));
    d.state = QueuedWorkload::State::Planned;
    d.plannedProvince = QStringLiteral("CN-SC");

    QueuedWorkload e = sample(QStringLiteral("e"), QStringLiteral("Epsilon"));
    e.workload.kind = JobKind::Batch;
    e.workload.requirements = {{}, 0, 4096, 16384, 200, 48};
    return {a, b, c, d, e};
}

QByteArray withWorkload(const QByteArray &workload)
{
    return R"({"format": "cpn-workload-queue", "version": 1, "workloads": [)" + workload + "]}";
}

const QByteArray kGood = R"({"id": "w1", "name": "W", "kind": "batch", "requirements": {"cpuCores": 8, "durationHours": 2}})";

} // namespace

class tst_WorkloadQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelChanges();
    void dragData();
    void roundTrip();
    void submittingIsSavedAsQueued();
    void exampleFileLoads();
    void malformed_data();
    void malformed();
    void oversizedFile();
    void failedLoadLeavesQueueUnchanged();
};

void tst_WorkloadQueue::modelChanges()
{
    WorkloadQueue queue;
    QAbstractItemModelTester tester(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&queue, &WorkloadQueue::workloadChanged);

    QVERIFY(queue.insert(sample(QStringLiteral("a"), QStringLiteral("A"))));
    QVERIFY(queue.insert(sample(QStringLiteral("b"), QStringLiteral("B"))));
    QVERIFY(queue.insert(sample(QStringLiteral("c"), QStringLiteral("C")), 0));
    QVERIFY(!queue.insert(sample(QStringLiteral("a"), QStringLiteral("again")))); // ids are unique
    QCOMPARE(queue.rowCount(), 3);
    QCOMPARE(queue.rowOf(QStringLiteral("c")), 0);
    QCOMPARE(queue.newId(), QStringLiteral("wl-4"));

    QVERIFY(queue.move(QStringLiteral("c"), 2));
    QCOMPARE(queue.rowOf(QStringLiteral("c")), 2);
    QVERIFY(queue.move(QStringLiteral("c"), 0));
    QCOMPARE(queue.rowOf(QStringLiteral("c")), 0);
    QVERIFY(!queue.move(QStringLiteral("c"), 3));

    QVERIFY(queue.setPlan(QStringLiteral("a"), QStringLiteral("guian"), QStringLiteral("CN-GZ")));
    const QModelIndex a = queue.index(queue.rowOf(QStringLiteral("a")), WorkloadQueue::StateColumn);
    QCOMPARE(a.data(WorkloadQueue::StateRole).toInt(), int(QueuedWorkload::State::Planned));
    QCOMPARE(a.data().toString(), QStringLiteral("Planned on guian"));

    QVERIFY(queue.markSubmitting(QStringLiteral("a"), QStringLiteral("guian")));
    QVERIFY(!a.data(WorkloadQueue::PlaceableRole).toBool());
    QVERIFY(!(queue.flags(a) & Qt::ItemIsDragEnabled));
    QVERIFY(queue.markRefused(QStringLiteral("a"), QStringLiteral("403: jobs:write missing")));
    QCOMPARE(a.data(WorkloadQueue::ReasonRole).toString(), QStringLiteral("403: jobs:write missing"));
    QVERIFY(a.data().toString().contains(QStringLiteral("jobs:write")));
    QVERIFY(a.data(WorkloadQueue::PlaceableRole).toBool()); // back in the queue
    QVERIFY(queue.markSubmitting(QStringLiteral("a"), QStringLiteral("guian")));
    QVERIFY(queue.markSubmitted(QStringLiteral("a"), QStringLiteral("job-7")));
    QCOMPARE(a.data(WorkloadQueue::JobIdRole).toString(), QStringLiteral("job-7"));
    QVERIFY(a.data().toString().contains(QStringLiteral("job-7")));

    QueuedWorkload before = *queue.find(QStringLiteral("b"));
    QVERIFY(queue.setPlan(QStringLiteral("b"), {}, QStringLiteral("CN-SC")));
    QVERIFY(queue.restore(before));
    QCOMPARE(*queue.find(QStringLiteral("b")), before);

    const auto taken = queue.take(QStringLiteral("b"));
    QVERIFY(taken);
    QCOMPARE(taken->id, QStringLiteral("b"));
    QCOMPARE(queue.rowCount(), 2);
    QVERIFY(!queue.take(QStringLiteral("b")));
    QVERIFY(!queue.setPlan(QStringLiteral("b"), QStringLiteral("x"), {}));
    queue.replaceAll(fullQueue());
    QCOMPARE(queue.rowCount(), 5);
    QVERIFY(changed.count() >= 8);
}

void tst_WorkloadQueue::dragData()
{
    WorkloadQueue queue;
    queue.replaceAll(fullQueue());
    // b is submitted: not draggable; a is planned: draggable.
    std::unique_ptr<QMimeData> none(queue.mimeData({queue.index(1, 0)}));
    QVERIFY(!none);
    std::unique_ptr<QMimeData> mime(queue.mimeData({queue.index(1, 0), queue.index(0, 0)}));
    QVERIFY(mime);
    QCOMPARE(mime->data(WorkloadQueue::mimeType()), QByteArray("a"));
    QCOMPARE(queue.mimeTypes(), QStringList{QStringLiteral("application/x-cpn-workload")});
}

void tst_WorkloadQueue::roundTrip()
{
    const QList<QueuedWorkload> queue = fullQueue();
    const QByteArray json = workloadjson::write(queue);
    const auto result = workloadjson::read(json);
    QVERIFY2(result.workloads, qPrintable(result.error));
    QCOMPARE(result.workloads->size(), queue.size());
    for (int i = 0; i < queue.size(); ++i)
        QCOMPARE(result.workloads->at(i), queue.at(i));
    // And through a file.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("queue.json"));
    QString error;
    QVERIFY2(workloadjson::writeFile(path, queue, &error), qPrintable(error));
    const auto fromFile = workloadjson::readFile(path);
    QVERIFY2(fromFile.workloads, qPrintable(fromFile.error));
    QCOMPARE(*fromFile.workloads, queue);
}

void tst_WorkloadQueue::submittingIsSavedAsQueued()
{
    QueuedWorkload item = sample(QStringLiteral("s"), QStringLiteral("S"));
    item.state = QueuedWorkload::State::Submitting;
    item.plannedNodeId = QStringLiteral("guian");
    const auto result = workloadjson::read(workloadjson::write({item}));
    QVERIFY2(result.workloads, qPrintable(result.error));
    QCOMPARE(result.workloads->first().state, QueuedWorkload::State::Queued);
}

void tst_WorkloadQueue::exampleFileLoads()
{
    const auto result = workloadjson::readFile(QStringLiteral(CPN_EXAMPLES_DIR "/workload-queue.json"));
    QVERIFY2(result.workloads, qPrintable(result.error));
    QVERIFY(result.workloads->size() >= 5);
    for (const QueuedWorkload &item : *result.workloads)
        QCOMPARE(item.state, QueuedWorkload::State::Queued);
}

void tst_WorkloadQueue::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << "malformed JSON";
    QTest::newRow("array at the top") << QByteArray("[]") << "expected a JSON object";
    QTest::newRow("other format") << QByteArray(R"({"format": "x", "version": 1, "workloads": []})")
                                  << "format: expected \"cpn-workload-queue\"";
    QTest::newRow("newer version") << QByteArray(R"({"format": "cpn-workload-queue", "version": 2, "workloads": []})")
                                   << "version: version 2 is newer";
    QTest::newRow("no workloads") << QByteArray(R"({"format": "cpn-workload-queue", "version": 1})")
                                  << "workloads: missing";
    QTest::newRow("unknown top-level field")
        << QByteArray(R"({"format": "cpn-workload-queue", "version": 1, "workloads": [], "x": 1})") << "x: unknown field";
    QTest::newRow("workload not an object") << withWorkload("3") << "[0]: expected an object";
    QTest::newRow("bad id") << withWorkload(R"({"id": "Bad Id", "name": "W", "kind": "batch", "requirements": {"durationHours": 2}})")
                            << "workloads[0].id: not an identifier";
    QTest::newRow("empty name") << withWorkload(R"({"id": "w", "name": " ", "kind": "batch", "requirements": {"durationHours": 2}})")
                                << "workloads[0].name: empty";
    QTest::newRow("unknown kind") << withWorkload(R"({"id": "w", "name": "W", "kind": "mining", "requirements": {"durationHours": 2}})")
                                  << "workloads[0].kind: expected one of";
    QTest::newRow("no duration") << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "requirements": {}})")
                                 << "workloads[0].requirements.durationHours: missing";
    QTest::newRow("zero duration") << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "requirements": {"durationHours": 0}})")
                                   << "workloads[0].requirements.durationHours: expected more than 0";
    QTest::newRow("negative cards")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "requirements": {"accelerators": -1, "acceleratorModel": "h800", "durationHours": 1}})")
        << "workloads[0].requirements.accelerators: expected a number in";
    QTest::newRow("fractional cores")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "requirements": {"cpuCores": 1.5, "durationHours": 1}})")
        << "workloads[0].requirements.cpuCores: expected a whole number";
    QTest::newRow("cards without a model")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "requirements": {"accelerators": 4, "durationHours": 1}})")
        << "workloads[0].requirements.acceleratorModel: accelerators are needed";
    QTest::newRow("misspelt field")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "budgetCNY": 5, "requirements": {"durationHours": 1}})")
        << "workloads[0].budgetCNY: unknown field";
    QTest::newRow("unknown province")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "residencyProvinces": ["CN-GD", "CN-XX"], "requirements": {"durationHours": 1}})")
        << "workloads[0].residencyProvinces: [1]: not an ISO 3166-2:CN province code";
    QTest::newRow("location with node and province")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "data": {"node": "guian", "province": "CN-GZ"}, "requirements": {"durationHours": 1}})")
        << "workloads[0].data: a node location has no province";
    QTest::newRow("latitude out of China")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "users": {"province": "CN-GZ", "lat": 80, "lon": 106}, "requirements": {"durationHours": 1}})")
        << "workloads[0].users.lat: expected a number in";
    QTest::newRow("deadline without zone")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "deadline": "2026-12-01T18:00:00", "requirements": {"durationHours": 1}})")
        << "workloads[0].deadline: expected an ISO 8601 time with a zone";
    QTest::newRow("weights of nothing")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "weights": {"cost": 0, "transfer": 0, "latency": 0, "headroom": 0, "energy": 0}, "requirements": {"durationHours": 1}})")
        << "workloads[0].weights: the weights add up to 0";
    QTest::newRow("planned nowhere")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "state": "planned", "requirements": {"durationHours": 1}})")
        << "workloads[0].plannedNode: a planned workload names its node or province";
    QTest::newRow("submitted without job")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "state": "submitted", "plannedNode": "guian", "requirements": {"durationHours": 1}})")
        << "workloads[0].jobId: missing";
    QTest::newRow("job id on a queued workload")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "jobId": "j1", "requirements": {"durationHours": 1}})")
        << "workloads[0].jobId: not allowed in state \"queued\"";
    QTest::newRow("submitting is not a saved state")
        << withWorkload(R"({"id": "w", "name": "W", "kind": "batch", "state": "submitting", "requirements": {"durationHours": 1}})")
        << "workloads[0].state: expected one of";
    QTest::newRow("duplicate id") << withWorkload(kGood + "," + kGood) << "workloads[1].id: \"w1\" is used twice";
}

void tst_WorkloadQueue::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const auto result = workloadjson::read(json);
    QVERIFY(!result.workloads);
    QVERIFY2(result.error.contains(message), qPrintable(result.error));
}

void tst_WorkloadQueue::oversizedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(workloadjson::kMaxFileBytes + 10, ' '));
    file.close();
    const auto result = workloadjson::readFile(path);
    QVERIFY(!result.workloads);
    QVERIFY2(result.error.contains(QStringLiteral("exceeds the limit")), qPrintable(result.error));
    QVERIFY(workloadjson::readFile(dir.filePath(QStringLiteral("missing.json"))).error.contains(QStringLiteral("no such file")));
}

void tst_WorkloadQueue::failedLoadLeavesQueueUnchanged()
{
    WorkloadQueue queue;
    queue.replaceAll(fullQueue());
    const QList<QueuedWorkload> before = queue.items();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(withWorkload(kGood + ",{\"id\": 5}"));
    file.close();
    QString error;
    QVERIFY(!workloadjson::loadInto(queue, path, &error));
    QVERIFY2(error.contains(QStringLiteral("workloads[1].id")), qPrintable(error));
    QCOMPARE(queue.items(), before);
}

QTEST_GUILESS_MAIN(tst_WorkloadQueue)
#include "tst_workloadqueue.moc"
