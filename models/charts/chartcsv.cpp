#include "charts/chartcsv.h"

#include <QDateTime>
#include <QIODevice>
#include <QTextStream>

namespace cpn::charts {
namespace {

// Splits one CSV line honouring double quotes ("" inside quotes is a quote).
QStringList splitLine(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < line.size() && line.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

const QString kHeader = QStringLiteral("series,unit,timestamp_ms,time_utc,value");

} // namespace

QString ChartCsv::escape(const QString &field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n'))
        return field;
    QString quoted = field;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

bool ChartCsv::write(QIODevice *device, const QList<CsvSeries> &series)
{
    if (!device || !device->isWritable())
        return false;
    QTextStream out(device);
    out.setEncoding(QStringConverter::Utf8);
    out << kHeader << '\n';
    for (const CsvSeries &s : series) {
        const QString name = escape(s.name);
        const QString unit = escape(s.unit);
        for (size_t i = 0; i < s.times.size() && i < s.values.size(); ++i) {
            out << name << ',' << unit << ',' << s.times[i] << ','
                << QDateTime::fromMSecsSinceEpoch(s.times[i], Qt::UTC).toString(Qt::ISODateWithMs) << ','
                << QString::number(s.values[i], 'g', 17) << '\n';
        }
    }
    out.flush();
    return out.status() == QTextStream::Ok;
}

bool ChartCsv::read(QIODevice *device, QList<CsvSeries> *series, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!device || !device->isReadable())
        return fail(QStringLiteral("not readable"));
    QTextStream in(device);
    in.setEncoding(QStringConverter::Utf8);
    if (in.readLine() != kHeader)
        return fail(QStringLiteral("unexpected header"));
    series->clear();
    int lineNumber = 1;
    while (!in.atEnd()) {
        const QString line = in.readLine();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        const QStringList fields = splitLine(line);
        if (fields.size() != 5)
            return fail(QStringLiteral("line %1: %2 fields").arg(lineNumber).arg(fields.size()));
        bool okTime = false;
        bool okValue = false;
        const qint64 t = fields.at(2).toLongLong(&okTime);
        const double v = fields.at(4).toDouble(&okValue);
        if (!okTime || !okValue)
            return fail(QStringLiteral("line %1: not a number").arg(lineNumber));
        if (series->isEmpty() || series->last().name != fields.at(0) || series->last().unit != fields.at(1))
            series->append(CsvSeries{fields.at(0), fields.at(1), {}, {}});
        series->last().times.push_back(t);
        series->last().values.push_back(v);
    }
    return true;
}

} // namespace cpn::charts
