#include "charts/chartcsv.h"

#include <QBuffer>
#include <QTest>

using namespace cpn::charts;

class tst_ChartCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void refusesGarbage();
};

void tst_ChartCsv::roundTrip()
{
    QList<CsvSeries> written;
    written.append(CsvSeries{QStringLiteral("A → B, \"east\""), QStringLiteral("Gbit/s"), {}, {}});
    written.append(CsvSeries{QStringLiteral("Latency"), QStringLiteral("ms"), {}, {}});
    for (int i = 0; i < 500; ++i) {
        written[0].times.push_back(1'700'000'000'000 + i * 1000);
        written[0].values.push_back(0.1 * i + 1.0 / 3.0);
        written[1].times.push_back(1'700'000'000'500 + i * 1000);
        written[1].values.push_back(i * 1e-9 - 5.5);
    }
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::ReadWrite));
    QVERIFY(ChartCsv::write(&buffer, written));
    buffer.seek(0);
    QList<CsvSeries> read;
    QString error;
    QVERIFY2(ChartCsv::read(&buffer, &read, &error), qPrintable(error));
    QCOMPARE(read, written);
}

void tst_ChartCsv::refusesGarbage()
{
    QByteArray bytes("series,unit,timestamp_ms,time_utc,value\nx,%,abc,t,1\n");
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QList<CsvSeries> read;
    QVERIFY(!ChartCsv::read(&buffer, &read));
}

QTEST_GUILESS_MAIN(tst_ChartCsv)
#include "tst_chartcsv.moc"
