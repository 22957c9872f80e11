// Helper of tst_crashrecovery: ingests tick after tick through CacheWriter into the cache named
// on the command line and prints "committed <tick>" for every tick once it is on disk, until it is
// killed. Tick i is two batches: one sample per series at ts = i * 1000, then revision i of alarm
// "a-<i % 50>" observed then (cleared when i is a multiple of 3).
#include "cache/cachewriter.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>

using namespace cpn;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("cpn.*.info=false"));
    if (app.arguments().size() != 2) {
        std::fprintf(stderr, "usage: cache_ingest_child CACHE\n");
        return 2;
    }
    cache::CacheWriter::Options options;
    options.path = app.arguments().at(1);
    options.retentionIntervalMs = 0;
    // Batch ids stand for ticks here: a dropped batch (id 0) would break the count the test checks.
    options.maxBatchesInFlight = 1 << 20;
    cache::CacheWriter writer(options);
    QObject::connect(&writer, &cache::CacheWriter::opened, [](bool ok, const QString &error) {
        if (!ok) {
            std::fprintf(stderr, "cannot open: %s\n", qPrintable(error));
            QCoreApplication::exit(1);
        }
    });
    qint64 reported = 0;
    QObject::connect(&writer, &cache::CacheWriter::committed, [&reported](qint64 id) {
        for (; reported < id / 2; ++reported) // a tick is on disk with its second batch
            std::printf("committed %lld\n", reported + 1);
        std::fflush(stdout);
    });
    qint64 next = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        // A few batches per tick, so the writer has transactions in flight when the kill comes.
        for (int k = 0; k < 5; ++k) {
            MetricsBatch batch;
            const qint64 id = next + 1; // the tick
            for (int n = 0; n < 40; ++n) {
                NodeSample s;
                s.nodeId = QStringLiteral("node-%1").arg(n);
                s.tsMs = id * 1000;
                s.cpuUtil = double((id + n) % 100) / 100.0;
                batch.nodes.append(s);
            }
            writer.ingestMetrics(batch);
            Alarm alarm;
            alarm.id = QStringLiteral("a-%1").arg(id % 50);
            alarm.source = {AlarmSource::Kind::Node, QStringLiteral("node-%1").arg(id % 40)};
            alarm.summary = QStringLiteral("node down");
            alarm.affected = {alarm.source.id};
            alarm.raisedAtMs = id * 1000;
            alarm.revision = id;
            if (id % 3 == 0) {
                alarm.state = Alarm::State::Cleared;
                alarm.clearedAtMs = id * 1000;
            }
            if (writer.ingestAlarms(QStringLiteral("http://127.0.0.1:8080"), {alarm}, id * 1000) > 0)
                next = id;
        }
    });
    timer.start(2);
    return app.exec();
}
