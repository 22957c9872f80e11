// The share of a window each pair of the latency targets met its target, from the links' recorded
// latencies: the window cut into kBuckets, a pair's latency in a bucket the sum of its links' highest
// points there, buckets where a link has none counted for neither side.
#include "charts/historysource.h"
#include "charts/latencycompliance.h"
#include "domain/metricnames.h"

#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace cpn::charts;
using namespace Qt::StringLiterals;

namespace {

// The boundary to the cache: every request is kept, answered when the test says so.
class FakeHistory : public HistorySource
{
public:
    struct Request
    {
        SeriesKey key;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        QPointer<QObject> context;
        Done done;
    };
    using HistorySource::HistorySource;
    void readSeries(const SeriesKey &key, qint64 fromMs, qint64 toMs, QObject *context, Done done) override
    {
        requests.append({key, fromMs, toMs, context, std::move(done)});
    }
    void readAlarms(qint64, qint64, QObject *, AlarmsDone) override {}
    // Answers the request for this link with these points (as the cache does: later, on this thread).
    bool answer(int request, const QList<HistoryPoint> &points)
    {
        Request &r = requests[request];
        if (!r.context)
            return false;
        r.done(HistorySeries{false, points});
        return true;
    }
    int requestFor(const QString &linkId, int from = 0) const
    {
        for (int i = from; i < requests.size(); ++i) {
            if (requests[i].key.entity == linkId)
                return i;
        }
        return -1;
    }
    QList<Request> requests;
};

HistoryPoint point(qint64 tsMs, double max, double mean = -1)
{
    return {tsMs, std::min(max, mean < 0 ? max : mean), max, mean < 0 ? max : mean};
}

} // namespace

class tst_LatencyCompliance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucketsWithinTargetOverFilledBuckets();
    void computeEmitsOnceEverySeriesHasCome();
    void aNewComputationDropsTheAnswersOfTheOneBefore();
    void nothingToReadAnswersAtOnce();

private:
    // The window: one second per bucket.
    static constexpr qint64 kFrom = 1764064800000;
    static constexpr qint64 kBucketMs = 1000;
    static constexpr qint64 kTo = kFrom + LatencyCompliance::kBuckets * kBucketMs;

    static QList<Link> links();
    static QList<latency::TargetPair> pairs();
    static QHash<int, QList<HistoryPoint>> series();
};

QList<Link> tst_LatencyCompliance::links()
{
    QList<Link> links;
    for (const char *id : {"l0", "l1", "l2", "l3"}) {
        Link l;
        l.id = QString::fromLatin1(id);
        links.append(l);
    }
    return links;
}

// h1 - c1 over links 0 and 1 (5 ms within the region); h1 - h2 over link 2, which has no data; h1 - h3
// with no path; h2 - c2 over link 3 alone (1 ms within a city).
QList<latency::TargetPair> tst_LatencyCompliance::pairs()
{
    return {{u"h1"_s, u"c1"_s, latency::Scope::Region, {0, 1}},
            {u"h1"_s, u"h2"_s, latency::Scope::BetweenHubs, {2}},
            {u"h1"_s, u"h3"_s, latency::Scope::BetweenHubs, {}},
            {u"h2"_s, u"c2"_s, latency::Scope::City, {3}}};
}

QHash<int, QList<HistoryPoint>> tst_LatencyCompliance::series()
{
    const auto at = [](int bucket, qint64 offsetMs = 0) { return kFrom + bucket * kBucketMs + offsetMs; };
    // h1 - c1, bucket by bucket:
    //   0: 2 + 2 = 4 ms, within
    //   1: 2 + 3 = 5 ms, at the target: within
    //   2: link 0 twice (1, then 0.5: its highest is 1) + 1 = 2 ms, within
    //   3: link 0 a roll-up of mean 1.5 but highest 3.5, + 2 = 5.5 ms: above (the mean would be within)
    //   4: link 0 alone: counts for neither side
    //  10: link 1 alone, far above: neither
    // Before the window: far above on both links, ignored.
    // So 3 of 4 buckets within: 0.75.
    QHash<int, QList<HistoryPoint>> s;
    s[0] = {point(kFrom - 5000, 50), point(at(0), 2),        point(at(1, 999), 2), point(at(2, 100), 1),
            point(at(2, 700), 0.5),  point(at(3), 3.5, 1.5), point(at(4), 0.1)};
    s[1] = {point(kFrom - 5000, 50), point(at(0, 500), 2), point(at(1), 3),
            point(at(2), 1),         point(at(3, 999), 2), point(at(10), 9)};
    s[2] = {};
    // h2 - c2: within 1 ms in one bucket of two; the last point, at the window's end, falls in the last
    // bucket.
    s[3] = {point(at(100), 0.8), point(kTo, 1.2)};
    return s;
}

void tst_LatencyCompliance::bucketsWithinTargetOverFilledBuckets()
{
    const QHash<QString, double> shares = LatencyCompliance::shares(pairs(), series(), kFrom, kTo);
    QCOMPARE(shares.size(), 2);
    QCOMPARE(shares.value(u"h1|c1"_s, -1), 0.75);
    QCOMPARE(shares.value(u"h2|c2"_s, -1), 0.5);
    // No data (an empty series, no path): absent, not 0.
    QVERIFY(!shares.contains(u"h1|h2"_s));
    QVERIFY(!shares.contains(u"h1|h3"_s));
    QCOMPARE(LatencyCompliance::pairKey(pairs().first()), u"h1|c1"_s);

    // A link without a series at all makes its pairs absent too.
    QHash<int, QList<HistoryPoint>> withoutLink1 = series();
    withoutLink1.remove(1);
    const QHash<QString, double> partial = LatencyCompliance::shares(pairs(), withoutLink1, kFrom, kTo);
    QVERIFY(!partial.contains(u"h1|c1"_s));
    QCOMPARE(partial.value(u"h2|c2"_s, -1), 0.5);

    // Link 1 filling bucket 4 makes it count: 0.1 + 4 = 4.1 ms, within: 4 of 5.
    QHash<int, QList<HistoryPoint>> filled = series();
    filled[1].append(point(kFrom + 4 * kBucketMs + 10, 4));
    QCOMPARE(LatencyCompliance::shares(pairs(), filled, kFrom, kTo).value(u"h1|c1"_s), 0.8);

    // Over a window of twice the length, each bucket takes two seconds: buckets 0 and 1 of the series above
    // fall together (2 + 3 = 5 at their highest), as do 2 and 3 (3.5 + 2 = 5.5); link 0 alone in the third,
    // link 1 alone in the sixth: 1 of 2.
    QCOMPARE(LatencyCompliance::shares(pairs(), series(), kFrom, kFrom + 2 * (kTo - kFrom)).value(u"h1|c1"_s),
             0.5);
}

void tst_LatencyCompliance::computeEmitsOnceEverySeriesHasCome()
{
    FakeHistory history;
    LatencyCompliance compliance(&history);
    QSignalSpy computed(&compliance, &LatencyCompliance::computed);
    compliance.compute(pairs(), links(), kFrom, kTo);
    // One read per link on a path, each link once; over the window, the links' latency.
    QCOMPARE(history.requests.size(), 4);
    const QString latencyMetric = metrics::linkMetricNames().at(metrics::LatencyMs);
    QStringList asked;
    for (const FakeHistory::Request &r : std::as_const(history.requests)) {
        QCOMPARE(r.key.kind, SeriesKey::Kind::Link);
        QCOMPARE(r.key.metric, latencyMetric);
        QCOMPARE(r.fromMs, kFrom);
        QCOMPARE(r.toMs, kTo);
        asked.append(r.key.entity);
    }
    asked.sort();
    QCOMPARE(asked, QStringList({u"l0"_s, u"l1"_s, u"l2"_s, u"l3"_s}));

    const QHash<int, QList<HistoryPoint>> s = series();
    QVERIFY(history.answer(history.requestFor(u"l1"_s), s[1]));
    QVERIFY(history.answer(history.requestFor(u"l3"_s), s[3]));
    QVERIFY(history.answer(history.requestFor(u"l0"_s), s[0]));
    QCOMPARE(computed.count(), 0); // l2 still to come
    QVERIFY(history.answer(history.requestFor(u"l2"_s), s[2]));
    QCOMPARE(computed.count(), 1);
    const auto shares = computed.at(0).at(0).value<QHash<QString, double>>();
    QCOMPARE(shares, LatencyCompliance::shares(pairs(), s, kFrom, kTo));
    QCOMPARE(shares.value(u"h1|c1"_s), 0.75);
    QCOMPARE(computed.at(0).at(1).toLongLong(), kFrom);
    QCOMPARE(computed.at(0).at(2).toLongLong(), kTo);
}

void tst_LatencyCompliance::aNewComputationDropsTheAnswersOfTheOneBefore()
{
    FakeHistory history;
    LatencyCompliance compliance(&history);
    QSignalSpy computed(&compliance, &LatencyCompliance::computed);
    compliance.compute(pairs(), links(), kFrom, kTo);
    QCOMPARE(history.requests.size(), 4);
    // The first answers arrive before the window moves on.
    QVERIFY(history.answer(history.requestFor(u"l0"_s), series()[0]));
    QVERIFY(history.answer(history.requestFor(u"l1"_s), series()[1]));

    // A new window, h1 - c1 alone: two reads of its own.
    const qint64 later = kFrom + 60'000;
    compliance.compute({pairs().first()}, links(), later, later + (kTo - kFrom));
    QCOMPARE(history.requests.size(), 6);
    // The rest of the first computation's answers come: they are dropped, and the second's two reads
    // are still awaited.
    QVERIFY(history.answer(history.requestFor(u"l2"_s), {}));
    QVERIFY(history.answer(history.requestFor(u"l3"_s), series()[3]));
    QCOMPARE(computed.count(), 0);
    const int l0 = history.requestFor(u"l0"_s, 4);
    const int l1 = history.requestFor(u"l1"_s, 4);
    QVERIFY(l0 >= 4 && l1 >= 4);
    QCOMPARE(history.requests[l0].fromMs, later);
    // Its first bucket within (1 + 2 ms), its sixth above (1 + 9 ms).
    QVERIFY(history.answer(l0, {point(later, 1), point(later + 5000, 1)}));
    QCOMPARE(computed.count(), 0);
    QVERIFY(history.answer(l1, {point(later + 10, 2), point(later + 5010, 9)}));
    QCOMPARE(computed.count(), 1);
    const auto shares = computed.at(0).at(0).value<QHash<QString, double>>();
    QCOMPARE(shares, (QHash<QString, double>{{u"h1|c1"_s, 0.5}}));
    QCOMPARE(computed.at(0).at(1).toLongLong(), later);

    // An answer of the first computation that comes even later changes nothing.
    QVERIFY(history.answer(history.requestFor(u"l0"_s), series()[0]));
    QCOMPARE(computed.count(), 1);
}

void tst_LatencyCompliance::nothingToReadAnswersAtOnce()
{
    FakeHistory history;
    LatencyCompliance compliance(&history);
    QSignalSpy computed(&compliance, &LatencyCompliance::computed);
    compliance.compute({pairs().at(2)}, links(), kFrom, kTo); // a pair with no path
    QCOMPARE(history.requests.size(), 0);
    QCOMPARE(computed.count(), 1);
    QVERIFY((computed.at(0).at(0).value<QHash<QString, double>>().isEmpty()));
}

QTEST_GUILESS_MAIN(tst_LatencyCompliance)
#include "tst_latencycompliance.moc"
