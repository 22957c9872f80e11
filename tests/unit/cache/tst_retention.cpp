#include "cache/cachedatabase.h"
#include "cache/retention.h"
#include "cache/sampleblock.h"
#include "cache/sqlite.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cpn::cache;

namespace {
constexpr qint64 kBase = 1'767'225'600'000; // 2026-01-01T00:00:00Z, on an hour boundary
constexpr qint64 kMin = 60'000;
constexpr qint64 kHour = 3'600'000;
} // namespace

// Roll-ups against values worked out by hand, and each window's purge.
class TestRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rollsUpMinutesAndHours();
    void purgesByWindow_data();
    void purgesByWindow();
    void rollsUpEachBucketOnce();
    void leavesRecentMinutesAlone();
    void windowsFitTheBudget_data();
    void windowsFitTheBudget();
    void twoThousandNodesByHand();
    void purgesRawPastTheBudget();

private:
    void insert(qint64 series, qint64 ts, double value)
    {
        sampleblock::Writer writer(m_db->handle());
        writer.add(series, ts, value);
        QString error;
        QVERIFY2(writer.flush(&error), qPrintable(error));
    }
    // Rows of a roll-up table, or raw samples for "samples".
    qint64 count(const char *table)
    {
        sql::Statement s(m_db->handle(), qstrcmp(table, "samples") == 0
                                             ? QByteArray("SELECT ifnull(sum(samples), 0) FROM sample_ticks")
                                             : QByteArray("SELECT count(*) FROM ") + table);
        return s.step() ? s.int64(0) : -1;
    }
    struct Bucket
    {
        qint64 ts;
        double min, max, mean;
        qint64 count;
        double last;
    };
    QList<Bucket> buckets(const char *table)
    {
        QList<Bucket> out;
        sql::Statement s(m_db->handle(), QByteArray("SELECT ts, min, max, mean, count, last FROM ") + table
                                             + " WHERE series_id = 1 ORDER BY ts");
        while (s.step())
            out.append({s.int64(0), s.real(1), s.real(2), s.real(3), s.int64(4), s.real(5)});
        return out;
    }

    QTemporaryDir *m_dir = nullptr;
    CacheDatabase *m_db = nullptr;
};

void TestRetention::init()
{
    m_dir = new QTemporaryDir;
    m_db = new CacheDatabase;
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("cache.sqlite")), QStringLiteral("t.retention"),
                       CacheDatabase::Role::Writer));
    QVERIFY(sql::exec(m_db->handle(), "INSERT INTO series(series_id, kind, entity_id, metric) VALUES "
                                      "(1, 0, 'guian', 'cpu'), (2, 1, 'l1', 'ab_gbps')"));
    // Minute 0: 1, 2, 3, 6 -> min 1, max 6, mean 3, count 4, last 6.
    insert(1, kBase, 1);
    insert(1, kBase + 10'000, 2);
    insert(1, kBase + 20'000, 3);
    insert(1, kBase + 50'000, 6);
    // Minute 1: 10, 20 -> min 10, max 20, mean 15, count 2, last 20.
    insert(1, kBase + kMin, 10);
    insert(1, kBase + kMin + 30'000, 20);
    // Hour 0 from both: min 1, max 20, mean 42/6 = 7 (weighted by count), count 6, last 20.
    // Another series in hour 1, minute 10: one value.
    insert(2, kBase + kHour + 10 * kMin, 40);
}

void TestRetention::cleanup()
{
    delete m_db;
    delete m_dir;
}

void TestRetention::rollsUpMinutesAndHours()
{
    const RetentionReport report = Retention().run(m_db->handle(), kBase + 2 * kHour + 5 * kMin);
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.minuteBuckets, 3);
    QCOMPARE(report.hourBuckets, 2);

    const QList<Bucket> minutes = buckets("samples_1m");
    QCOMPARE(minutes.size(), 2);
    QCOMPARE(minutes[0].ts, kBase);
    QCOMPARE(minutes[0].min, 1.0);
    QCOMPARE(minutes[0].max, 6.0);
    QCOMPARE(minutes[0].mean, 3.0);
    QCOMPARE(minutes[0].count, 4);
    QCOMPARE(minutes[0].last, 6.0);
    QCOMPARE(minutes[1].ts, kBase + kMin);
    QCOMPARE(minutes[1].min, 10.0);
    QCOMPARE(minutes[1].max, 20.0);
    QCOMPARE(minutes[1].mean, 15.0);
    QCOMPARE(minutes[1].count, 2);
    QCOMPARE(minutes[1].last, 20.0);

    const QList<Bucket> hours = buckets("samples_1h");
    QCOMPARE(hours.size(), 1);
    QCOMPARE(hours[0].ts, kBase);
    QCOMPARE(hours[0].min, 1.0);
    QCOMPARE(hours[0].max, 20.0);
    QCOMPARE(hours[0].mean, 7.0); // not (3 + 15) / 2 = 9: buckets weigh by their count
    QCOMPARE(hours[0].count, 6);
    QCOMPARE(hours[0].last, 20.0);
    QCOMPARE(count("samples"), 7); // the raw window (24 h) keeps them
}

void TestRetention::purgesByWindow_data()
{
    QTest::addColumn<qint64>("rawWindow");
    QTest::addColumn<qint64>("minuteWindow");
    QTest::addColumn<qint64>("hourWindow");
    QTest::addColumn<qint64>("raw");
    QTest::addColumn<qint64>("minutes");
    QTest::addColumn<qint64>("hours");
    // now = base + 2 h 5 min; rolled up: minutes before base + 2 h 3 min, hours before base + 2 h.
    QTest::newRow("defaults keep everything") << 24 * kHour << 7 * 24 * kHour << 400 * 24 * kHour << 7LL << 3LL << 2LL;
    QTest::newRow("raw window 1 h drops hour 0's raw samples")
        << kHour << 7 * 24 * kHour << 400 * 24 * kHour << 1LL << 3LL << 2LL;
    QTest::newRow("minute window 1 h drops hour 0's minutes")
        << kHour << kHour << 400 * 24 * kHour << 1LL << 1LL << 2LL;
    QTest::newRow("hour window 90 min drops hour 0") << kHour << kHour << 90 * kMin << 1LL << 1LL << 1LL;
    QTest::newRow("every window short") << kMin << kMin << kMin << 0LL << 0LL << 0LL;
}

void TestRetention::purgesByWindow()
{
    QFETCH(qint64, rawWindow);
    QFETCH(qint64, minuteWindow);
    QFETCH(qint64, hourWindow);
    RetentionPolicy policy;
    policy.rawWindowMs = rawWindow;
    policy.minuteWindowMs = minuteWindow;
    policy.hourWindowMs = hourWindow;
    const RetentionReport report = Retention(policy).run(m_db->handle(), kBase + 2 * kHour + 5 * kMin);
    QVERIFY2(report.ok, qPrintable(report.error));
    QTEST(count("samples"), "raw");
    QTEST(count("samples_1m"), "minutes");
    QTEST(count("samples_1h"), "hours");
}

void TestRetention::rollsUpEachBucketOnce()
{
    Retention retention;
    QVERIFY(retention.run(m_db->handle(), kBase + 10 * kMin).ok);
    QCOMPARE(buckets("samples_1m").size(), 2);
    // Each run rolls up only minutes after the last run's mark: a sample arriving later for an
    // earlier minute (minute 5 here, the mark being minute 8) stays raw only.
    insert(1, kBase + 5 * kMin, 100);
    const RetentionReport second = retention.run(m_db->handle(), kBase + 10 * kMin);
    QCOMPARE(second.minuteBuckets, 0); // minute 5 was before the first run's mark: late, ignored
    const RetentionReport third = retention.run(m_db->handle(), kBase + 20 * kMin);
    QCOMPARE(third.minuteBuckets, 0);
    insert(1, kBase + 25 * kMin, 7);
    const RetentionReport fourth = retention.run(m_db->handle(), kBase + 30 * kMin);
    QCOMPARE(fourth.minuteBuckets, 1);
    const QList<Bucket> minutes = buckets("samples_1m");
    QCOMPARE(minutes.size(), 3);
    QCOMPARE(minutes[0].mean, 3.0);
    QCOMPARE(minutes[2].ts, kBase + 25 * kMin);
    QCOMPARE(minutes[2].last, 7.0);
}

void TestRetention::leavesRecentMinutesAlone()
{
    // now = base + 3 min 30 s: with 2 min of lateness, minutes up to base + 1 min 30 s may still
    // receive samples, so only minute 0 is rolled up.
    const RetentionReport report = Retention().run(m_db->handle(), kBase + 3 * kMin + 30'000);
    QVERIFY(report.ok);
    QCOMPARE(buckets("samples_1m").size(), 1);
    QCOMPARE(count("samples_1h"), 0);
}

// The whole cache's budget: small federations keep every window; large ones keep the raw floor and
// share the rest, and the windows' bytes stay within the budget less its reserve.
void TestRetention::windowsFitTheBudget_data()
{
    QTest::addColumn<qint64>("series");
    QTest::addColumn<qint64>("budget");
    QTest::addColumn<bool>("full"); // every configured window kept
    const qint64 gib2 = 2LL * 1024 * 1024 * 1024;
    QTest::newRow("no series yet") << qint64(0) << gib2 << true;
    QTest::newRow("default scenario keeps every window") << qint64(635) << gib2 << true;
    QTest::newRow("10,000 series") << qint64(10000) << gib2 << false;
    QTest::newRow("2,000 nodes") << qint64(66776) << gib2 << false;
    QTest::newRow("no budget") << qint64(66776) << qint64(0) << true;
}

void TestRetention::windowsFitTheBudget()
{
    QFETCH(qint64, series);
    QFETCH(qint64, budget);
    QFETCH(bool, full);
    RetentionPolicy policy;
    policy.byteBudget = budget;
    const RetentionPolicy::Windows w = policy.effectiveWindows(series);
    if (full) {
        QCOMPARE(w.rawMs, policy.rawWindowMs);
        QCOMPARE(w.minuteMs, policy.minuteWindowMs);
        QCOMPARE(w.hourMs, policy.hourWindowMs);
        return;
    }
    QVERIFY(w.rawMs >= policy.minRawWindowMs);
    QVERIFY(w.minuteMs < policy.minuteWindowMs);
    QVERIFY(w.hourMs > w.minuteMs); // hours reach further back than minutes
    QVERIFY(policy.bytesFor(w, series) <= double(budget) * (1 - RetentionPolicy::kReservedShare) + 1);
}

// At 2,000 nodes, worked by hand from the per-sample and per-row sizes: the hour of raw samples
// the floor keeps, then a quarter of what is left for hours and two thirds of the rest for minutes.
void TestRetention::twoThousandNodesByHand()
{
    RetentionPolicy policy;
    const qint64 series = 66776;
    const double usable = 2.0 * 1024 * 1024 * 1024 * 15 / 16;
    const double raw = series * RetentionPolicy::kBytesPerRawSample / 1000; // bytes per ms
    const double minute = series * RetentionPolicy::kBytesPerRollup / kMin;
    const double hour = series * RetentionPolicy::kBytesPerRollup / kHour;
    double left = usable - raw * kHour;
    const qint64 hourMs = qint64(left / 4 / hour);
    left -= hour * double(hourMs);
    const qint64 minuteMs = qint64(left * 2 / 3 / minute);
    left -= minute * double(minuteMs);
    const RetentionPolicy::Windows w = policy.effectiveWindows(series);
    QCOMPARE(w.hourMs, hourMs);
    QCOMPARE(w.minuteMs, minuteMs);
    QCOMPARE(w.rawMs, kHour + qint64(left / raw));
}

// A tight budget shortens the raw window to its floor in an actual run; roll-ups still cover the
// purged raw.
void TestRetention::purgesRawPastTheBudget()
{
    QVERIFY(sql::exec(m_db->handle(), "DELETE FROM sample_blocks; DELETE FROM sample_ticks; "
                                      "DELETE FROM series WHERE series_id = 2"));
    const qint64 now = kBase + 10 * kHour;
    for (qint64 ts = kBase; ts < now; ts += 10 * kMin)
        insert(1, ts, 0.5);
    RetentionPolicy policy;
    policy.byteBudget = 1000; // less than any window: raw keeps its floor
    policy.minRawWindowMs = 2 * kHour;
    const RetentionReport report = Retention(policy).run(m_db->handle(), now);
    QVERIFY2(report.ok, qPrintable(report.error));
    sql::Statement oldest(m_db->handle(), "SELECT min(ts) FROM sample_ticks");
    QVERIFY(oldest.step());
    QCOMPARE(oldest.int64(0), now - 2 * kHour);
    QCOMPARE(report.rawDeleted, 48);
}

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
