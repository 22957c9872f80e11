// Helper of tst_crashrecovery: ingests batch after batch through CacheWriter into the cache named
// on the command line and prints "committed <id>" for every batch once it is on disk, until it is
// killed. Batch i holds one sample per series at ts = i * 1000.
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
        for (; reported < id; ++reported)
            std::printf("committed %lld\n", reported + 1);
        std::fflush(stdout);
    });
    qint64 next = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        // A few batches per tick, so the writer has transactions in flight when the kill comes.
        for (int k = 0; k < 5; ++k) {
            MetricsBatch batch;
            const qint64 id = next + 1;
            for (int n = 0; n < 40; ++n) {
                NodeSample s;
                s.nodeId = QStringLiteral("node-%1").arg(n);
                s.tsMs = id * 1000;
                s.cpuUtil = double((id + n) % 100) / 100.0;
                batch.nodes.append(s);
            }
            next = writer.ingestMetrics(batch);
        }
    });
    timer.start(2);
    return app.exec();
}
