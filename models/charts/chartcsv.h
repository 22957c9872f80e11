#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <vector>

class QIODevice;

namespace cpn::charts {

// One chart series as exported: the stored samples, not the downsampled line.
struct CsvSeries
{
    QString name;
    QString unit;
    std::vector<qint64> times; // epoch ms
    std::vector<double> values;
    friend bool operator==(const CsvSeries &, const CsvSeries &) = default;
};

// A chart's data as CSV in long form, one sample per row:
//   series,unit,timestamp_ms,time_utc,value
// Values are written with 17 significant digits so that reading the file back gives the same
// doubles; time_utc (ISO 8601) is for people and spreadsheets, timestamp_ms is what is read back.
class ChartCsv
{
public:
    static bool write(QIODevice *device, const QList<CsvSeries> &series);
    static bool read(QIODevice *device, QList<CsvSeries> *series, QString *error = nullptr);
    static QString escape(const QString &field);
};

} // namespace cpn::charts
