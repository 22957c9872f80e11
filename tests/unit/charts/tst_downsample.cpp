#include "charts/downsample.h"

#include <QTest>

#include <algorithm>
#include <vector>

using namespace cpn::charts;

class tst_Downsample : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleSpikeSurvivesInAMillion();
    void minAndMaxOfEachColumnKept_data();
    void minAndMaxOfEachColumnKept();
    void shortRangeUnchanged();
    void onlyTheRangeIsUsed();
    void envelopeKeepsBucketExtremes();
    void envelopeOfFewBucketsDrawsEach();
    void lttbKeepsEndsAndSize();
    void nearestIndex_data();
    void nearestIndex();
    void gapBreaksTheLine_data();
    void gapBreaksTheLine();
    void typicalStep();
};

namespace {
struct Data
{
    std::vector<qint64> t;
    std::vector<double> v;
};

Data noisy(qsizetype n, quint32 seed)
{
    Data d;
    d.t.resize(size_t(n));
    d.v.resize(size_t(n));
    quint32 x = seed;
    for (qsizetype i = 0; i < n; ++i) {
        x = x * 1664525u + 1013904223u;
        d.t[size_t(i)] = 1'700'000'000'000 + i * 1000;
        d.v[size_t(i)] = 50 + double(x >> 24) / 25.6; // 50..60
    }
    return d;
}
} // namespace

void tst_Downsample::singleSpikeSurvivesInAMillion()
{
    Data d = noisy(1'000'000, 7);
    d.v[654'321] = 1000;
    d.v[123'456] = -1000;
    const QList<QPointF> out = minMaxPerColumn(d.t, d.v, d.t.front(), d.t.back(), 1600);
    QVERIFY(out.size() <= 2 * 1600);
    QVERIFY(std::any_of(out.begin(), out.end(),
                        [&](const QPointF &p) { return p.y() == 1000 && qint64(p.x()) == d.t[654'321]; }));
    QVERIFY(std::any_of(out.begin(), out.end(), [](const QPointF &p) { return p.y() == -1000; }));
    QVERIFY(std::is_sorted(out.begin(), out.end(),
                           [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
}

void tst_Downsample::minAndMaxOfEachColumnKept_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("columns");
    QTest::newRow("100k into 1600") << 100'000 << 1600;
    QTest::newRow("uneven 9999 into 7") << 9999 << 7;
    QTest::newRow("3601 into 800") << 3601 << 800;
    QTest::newRow("just over 2x") << 41 << 20;
}

void tst_Downsample::minAndMaxOfEachColumnKept()
{
    QFETCH(int, n);
    QFETCH(int, columns);
    const Data d = noisy(n, quint32(n));
    const qint64 from = d.t.front();
    const qint64 to = d.t.back();
    const QList<QPointF> out = minMaxPerColumn(d.t, d.v, from, to, columns);
    QVERIFY(out.size() <= 2 * columns);
    // Every column's extremes, computed independently here, appear in the output.
    const double per = double(to - from) / columns;
    std::vector<double> mins(size_t(columns), 1e300), maxs(size_t(columns), -1e300);
    for (size_t i = 0; i < d.t.size(); ++i) {
        const int c = std::min(columns - 1, int(double(d.t[i] - from) / per));
        mins[size_t(c)] = std::min(mins[size_t(c)], d.v[i]);
        maxs[size_t(c)] = std::max(maxs[size_t(c)], d.v[i]);
    }
    std::vector<double> outMin(size_t(columns), 1e300), outMax(size_t(columns), -1e300);
    for (const QPointF &p : out) {
        const int c = std::min(columns - 1, int((p.x() - double(from)) / per));
        outMin[size_t(c)] = std::min(outMin[size_t(c)], p.y());
        outMax[size_t(c)] = std::max(outMax[size_t(c)], p.y());
    }
    for (int c = 0; c < columns; ++c) {
        if (mins[size_t(c)] > 1e299)
            continue; // an empty column
        QCOMPARE(outMin[size_t(c)], mins[size_t(c)]);
        QCOMPARE(outMax[size_t(c)], maxs[size_t(c)]);
    }
}

void tst_Downsample::shortRangeUnchanged()
{
    const Data d = noisy(100, 1);
    const QList<QPointF> out = minMaxPerColumn(d.t, d.v, d.t.front(), d.t.back(), 50);
    QCOMPARE(out.size(), 100);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(out.at(i), QPointF(double(d.t[size_t(i)]), d.v[size_t(i)]));
}

void tst_Downsample::onlyTheRangeIsUsed()
{
    const Data d = noisy(10'000, 3);
    const qint64 from = d.t[2000];
    const qint64 to = d.t[2999];
    const QList<QPointF> out = minMaxPerColumn(d.t, d.v, from, to, 100);
    QVERIFY(!out.isEmpty());
    QVERIFY(out.first().x() >= double(from));
    QVERIFY(out.last().x() <= double(to));
    QVERIFY(minMaxPerColumn(d.t, d.v, 0, 1, 100).isEmpty());
}

void tst_Downsample::envelopeKeepsBucketExtremes()
{
    // A week of 1-minute buckets (10,080) into 200 columns: bucket means hover at 10, lows at 5,
    // highs at 20, but one bucket's high is 99 and another's low is 0.5.
    const qsizetype n = 7 * 24 * 60;
    std::vector<qint64> t(static_cast<size_t>(n));
    std::vector<double> lows(size_t(n), 5.0);
    std::vector<double> highs(size_t(n), 20.0);
    for (qsizetype i = 0; i < n; ++i)
        t[size_t(i)] = 1'700'000'000'000 + i * 60'000;
    highs[4321] = 99;
    lows[777] = 0.5;
    const QList<QPointF> out = minMaxEnvelopePerColumn(t, lows, highs, t.front(), t.back(), 200);
    QVERIFY(out.size() <= 400);
    const auto top = std::max_element(out.begin(), out.end(),
                                      [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    const auto bottom = std::min_element(out.begin(), out.end(),
                                         [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    QCOMPARE(*top, QPointF(double(t[4321]), 99.0));
    QCOMPARE(*bottom, QPointF(double(t[777]), 0.5));
    QVERIFY(std::is_sorted(out.begin(), out.end(),
                           [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    // Every other column spans its buckets' full range, not their means.
    QCOMPARE(std::count_if(out.begin(), out.end(), [](const QPointF &p) { return p.y() == 20.0; }), 199);
}

void tst_Downsample::envelopeOfFewBucketsDrawsEach()
{
    const std::vector<qint64> t{1000, 2000, 3000};
    const std::vector<double> lows{1, 2, 3};
    const std::vector<double> highs{1, 8, 3};
    const QList<QPointF> out = minMaxEnvelopePerColumn(t, lows, highs, 0, 4000, 100);
    const QList<QPointF> expected{{1000, 1}, {2000, 2}, {2000, 8}, {3000, 3}};
    QCOMPARE(out, expected);
}

void tst_Downsample::lttbKeepsEndsAndSize()
{
    const Data d = noisy(100'000, 5);
    const QList<QPointF> out = lttb(d.t, d.v, 2000);
    QCOMPARE(out.size(), 2000);
    QCOMPARE(out.first(), QPointF(double(d.t.front()), d.v.front()));
    QCOMPARE(out.last(), QPointF(double(d.t.back()), d.v.back()));
    QVERIFY(std::is_sorted(out.begin(), out.end(),
                           [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    QCOMPARE(lttb(d.t, d.v, 2).size(), qsizetype(d.t.size()));
}

void tst_Downsample::nearestIndex_data()
{
    QTest::addColumn<qint64>("t");
    QTest::addColumn<qsizetype>("expected");
    QTest::newRow("before") << qint64(0) << qsizetype(0);
    QTest::newRow("exact") << qint64(2000) << qsizetype(1);
    QTest::newRow("closer to next") << qint64(2700) << qsizetype(2);
    QTest::newRow("closer to previous") << qint64(2200) << qsizetype(1);
    QTest::newRow("after") << qint64(99999) << qsizetype(3);
}

void tst_Downsample::nearestIndex()
{
    QFETCH(qint64, t);
    QFETCH(qsizetype, expected);
    const std::vector<qint64> times{1000, 2000, 3000, 4000};
    QCOMPARE(cpn::charts::nearestIndex(times, t), expected);
    QCOMPARE(cpn::charts::nearestIndex(std::span<const qint64>(), t), qsizetype(-1));
}

// Samples each second with two minutes missing in the middle: one break inside the gap, whether
// the range is drawn sample by sample or reduced per column; none where only one sample is missing.
void tst_Downsample::gapBreaksTheLine_data()
{
    QTest::addColumn<int>("columns");
    QTest::newRow("each sample") << 2000;
    QTest::newRow("min/max per column") << 100;
}

void tst_Downsample::gapBreaksTheLine()
{
    QFETCH(int, columns);
    std::vector<qint64> t;
    std::vector<double> v;
    for (qint64 s = 0; s < 600; ++s) {
        if ((s > 200 && s < 320) || s == 400) // a gap, and one missed sample
            continue;
        t.push_back(s * 1000);
        v.push_back(double(s % 7));
    }
    const QList<QPointF> out = minMaxPerColumn(t, v, 0, 599'000, columns, maxGapFor(1000));
    QList<QPointF> breaks;
    std::copy_if(out.begin(), out.end(), std::back_inserter(breaks), isLineBreak);
    QCOMPARE(breaks.size(), 1);
    QVERIFY(breaks.first().x() > 200'000 && breaks.first().x() < 320'000);
    // In time order, with drawn points on both sides.
    const auto at = std::find_if(out.begin(), out.end(), isLineBreak) - out.begin();
    QVERIFY(at > 0 && at < out.size() - 1);
    QVERIFY(out.at(at - 1).x() <= 200'000 && out.at(at + 1).x() >= 320'000);
    // Without a gap limit, no break.
    const QList<QPointF> joined = minMaxPerColumn(t, v, 0, 599'000, columns);
    QVERIFY(std::none_of(joined.begin(), joined.end(), isLineBreak));
}

void tst_Downsample::typicalStep()
{
    const std::vector<qint64> t{0, 1000, 2000, 3000, 60'000, 61'000, 62'000};
    QCOMPARE(typicalStepMs(t), qint64(1000));
    QCOMPARE(typicalStepMs(std::vector<qint64>{5}), qint64(0));
}

QTEST_GUILESS_MAIN(tst_Downsample)
#include "tst_downsample.moc"
