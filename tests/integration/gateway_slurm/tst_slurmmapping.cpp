#include "slurmjobs.h"
#include "slurmoffers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cpn;
using namespace cpn::gateway;

// What the bridge reads from slurmrestd's answers, for the cases the test site cannot produce on demand:
// several gres entries, nodes that take no jobs, and the end states a job reaches only after minutes
// (TIMEOUT) or with cgroups (OUT_OF_MEMORY). tst_slurmbridge covers the rest against the real Slurm.
class tst_SlurmMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capacityCountsFreeAcceleratorsByModelOnNodesThatTakeJobs();
    void slurmStatesMapToTheProtocols_data();
    void slurmStatesMapToTheProtocols();
};

void tst_SlurmMapping::capacityCountsFreeAcceleratorsByModelOnNodesThatTakeJobs()
{
    const QJsonArray nodes = QJsonDocument::fromJson(R"json([
      {"name": "a1", "state": "mixed", "state_flags": [], "partitions": ["gpu"], "cpus": 64, "alloc_cpus": 16,
       "real_memory": 262144, "alloc_memory": 65536,
       "gres": "gpu:h800:8(S:0-1),gpu:a800:2", "gres_used": "gpu:h800:3(IDX:0-2),gpu:a800:0(IDX:N/A)"},
      {"name": "a2", "state": "idle", "state_flags": ["DRAIN"], "partitions": ["gpu"], "cpus": 64,
       "alloc_cpus": 0, "real_memory": 262144, "alloc_memory": 0, "gres": "gpu:h800:8", "gres_used": ""},
      {"name": "a3", "state": "down", "state_flags": [], "partitions": ["gpu"], "cpus": 64, "alloc_cpus": 0,
       "real_memory": 262144, "alloc_memory": 0, "gres": "gpu:h800:8", "gres_used": ""},
      {"name": "c1", "state": "idle", "state_flags": [], "partitions": ["cpu"], "cpus": 128, "alloc_cpus": 0,
       "real_memory": 524288, "alloc_memory": 0, "gres": "", "gres_used": ""}
    ])json")
                                 .array();
    const SlurmCapacity gpu = SlurmCapacity::of(nodes, u"gpu"_s);
    QCOMPARE(gpu.nodes, 1);
    QCOMPARE(gpu.freeCores, 48);
    QCOMPARE(gpu.freeMemoryGiB, 192.0);
    QCOMPARE(gpu.freeAccelerators, (QMap<QString, int>{{u"h800"_s, 5}, {u"a800"_s, 2}}));

    const SlurmCapacity cpu = SlurmCapacity::of(nodes, u"cpu"_s);
    QCOMPARE(cpu.freeCores, 128);
    QVERIFY(cpu.freeAccelerators.isEmpty());
}

void tst_SlurmMapping::slurmStatesMapToTheProtocols_data()
{
    QTest::addColumn<QString>("slurmState");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<JobState>("state");
    QTest::addColumn<QString>("message");
    QTest::newRow("pending") << u"PENDING"_s << 0 << u"Resources"_s << JobState::Queued << QString();
    QTest::newRow("running") << u"RUNNING"_s << 0 << u"None"_s << JobState::Running << QString();
    QTest::newRow("completed") << u"COMPLETED"_s << 0 << u"None"_s << JobState::Completed << QString();
    QTest::newRow("exit 3") << u"FAILED"_s << 768 << u"NonZeroExitCode"_s << JobState::Failed
                            << u"Failed in Slurm: exit code 3 (NonZeroExitCode)"_s;
    QTest::newRow("signal 9") << u"FAILED"_s << 9 << u"None"_s << JobState::Failed
                              << u"Failed in Slurm: killed by signal 9"_s;
    QTest::newRow("timeout") << u"TIMEOUT"_s << 0 << u"TimeLimit"_s << JobState::Failed
                             << u"Failed in Slurm: it reached its time limit (TimeLimit)"_s;
    QTest::newRow("node fail") << u"NODE_FAIL"_s << 0 << u"None"_s << JobState::Failed
                               << u"Failed in Slurm: a node running it failed"_s;
    QTest::newRow("out of memory") << u"OUT_OF_MEMORY"_s << 0 << u"None"_s << JobState::Failed
                                   << u"Failed in Slurm: it ran out of memory"_s;
    QTest::newRow("cancelled") << u"CANCELLED"_s << 0 << u"None"_s << JobState::Cancelled
                               << u"Cancelled in Slurm"_s;
}

void tst_SlurmMapping::slurmStatesMapToTheProtocols()
{
    QFETCH(QString, slurmState);
    QFETCH(int, exitCode);
    QFETCH(QString, reason);
    const SlurmJobState seen = SlurmJobState::of(slurmState, exitCode, reason);
    QTEST(seen.state, "state");
    QTEST(seen.message, "message");
}

QTEST_GUILESS_MAIN(tst_SlurmMapping)
#include "tst_slurmmapping.moc"
