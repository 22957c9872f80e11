#include "ui/report/handoverreportwriter.h"

#include "alarms/alarmtext.h"
#include "charts/valuescale.h"
#include "state/freshness.h"
#include "widgets/statuscolors.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>

namespace cpn {

using report::HandoverData;
using report::NationalFigures;
using report::Outage;

namespace {

// The page is drawn in device units at this resolution; pt() converts typographic points.
constexpr double kDpi = 300;
constexpr double pt(double points)
{
    return points * kDpi / 72.0;
}

// Past this many the outage table lists the longest ones and says how many it left out: a root that
// went silent would otherwise fill fifty pages with its nodes.
constexpr qsizetype kMaxOutageRows = 300;

const QColor kInk(0x1f, 0x29, 0x37);
const QColor kMuted(0x5b, 0x67, 0x76);
const QColor kRule(0xcf, 0xd6, 0xdf);
const QColor kBrand(0x1f, 0x3a, 0x5f);
const QColor kBrandLight(0xc9, 0xd6, 0xe8);
const QColor kHeaderFill(0xe8, 0xed, 0xf3);
const QColor kZebra(0xf6, 0xf8, 0xfa);
const QColor kGrid(0xe3, 0xe7, 0xec);

bool isChinese()
{
    return QLocale().language() == QLocale::Chinese;
}

// The map's and the dock's hues (colors::alarmSeverity, made for a dark screen), darker for paper.
QColor severityColor(Alarm::Severity severity)
{
    return colors::alarmSeverity(severity).darker(140);
}

QString outageKindName(Outage::Kind kind)
{
    switch (kind) {
    case Outage::Kind::NodeDown:
        return HandoverReportWriter::tr("Node offline");
    case Outage::Kind::NodeNotReporting:
        return HandoverReportWriter::tr("Node not reporting");
    case Outage::Kind::LinkDown:
        break;
    }
    return HandoverReportWriter::tr("Link down");
}

QString jobKindName(JobKind kind)
{
    switch (kind) {
    case JobKind::Training:
        return HandoverReportWriter::tr("Training");
    case JobKind::FineTuning:
        return HandoverReportWriter::tr("Fine-tuning");
    case JobKind::Inference:
        return HandoverReportWriter::tr("Inference");
    case JobKind::Batch:
        break;
    }
    return HandoverReportWriter::tr("Batch");
}

QString dateTimeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// Times within the report: the time of day, with the date when it is not the period's last day.
QString timeText(qint64 ms, const HandoverData &data)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    if (at.date() == QDateTime::fromMSecsSinceEpoch(data.toMs).date())
        return at.toString(QStringLiteral("HH:mm"));
    return at.toString(QStringLiteral("MM-dd HH:mm"));
}

QString nameOf(const HandoverData &data, const QString &id)
{
    const auto found = data.names.constFind(id);
    if (found == data.names.cend())
        return id;
    return isChinese() && !found->nameZh.isEmpty() ? found->nameZh : found->name;
}

QString alarmSourceText(const HandoverData &data, const Alarm &alarm)
{
    const QString name = nameOf(data, alarm.source.id);
    switch (alarm.source.kind) {
    case AlarmSource::Kind::Endpoint:
        return HandoverReportWriter::tr("endpoint of %1").arg(name);
    case AlarmSource::Kind::Subtree:
        return HandoverReportWriter::tr("%1 and the nodes under it").arg(name);
    case AlarmSource::Kind::Node:
    case AlarmSource::Kind::Link:
        break;
    }
    return name;
}

QString percentText(double fraction)
{
    return QLocale().toString(fraction * 100, 'f', 1) + QStringLiteral(" %");
}

QString powerText(double kw)
{
    return kw >= 10'000 || kw <= -10'000
               ? HandoverReportWriter::tr("%1 MW").arg(QLocale().toString(kw / 1000, 'f', 2))
               : HandoverReportWriter::tr("%1 kW").arg(QLocale().toString(kw, 'f', 0));
}

QString countOf(int n, int total)
{
    return HandoverReportWriter::tr("%1 of %2").arg(QLocale().toString(n), QLocale().toString(total));
}

QString signedText(double delta, int decimals, const QString &unit = {})
{
    if (std::abs(delta) < std::pow(10.0, -decimals) / 2)
        return QStringLiteral("±0") + unit;
    const QString number = QLocale().toString(std::abs(delta), 'f', decimals);
    return (delta > 0 ? QStringLiteral("+") : QStringLiteral("−")) + number + unit;
}

struct Column
{
    QString header;
    double share; // of the page's width
    Qt::Alignment align = Qt::AlignLeft;
};

struct Row
{
    QStringList cells;
    QColor marker;     // a bar at the row's left edge; invalid: none
    QStringList notes; // lines under the row (comments), across the columns after the first
};

// One series of a chart: points (x in ms, y in the chart's unit) and an optional band around them.
struct ChartData
{
    QList<QPointF> points;
    QList<QPointF> lows;
    QList<QPointF> highs;
};

// The pages as they are drawn: a cursor down the body of the current page, a new page when what
// comes next does not fit.
class Document
{
public:
    Document(QPdfWriter *writer, const HandoverData &data) : m_writer(writer), m_data(data)
    {
        const QRectF page(QPointF(0, 0), QSizeF(writer->width(), writer->height()));
        m_body = page.adjusted(pt(48), pt(46), -pt(48), -pt(52));
        m_y = m_body.top();
    }

    bool begin() { return m_painter.begin(m_writer); }
    bool end()
    {
        drawPageFrame();
        return m_painter.end();
    }
    int pages() const { return m_page; }

    QFont font(double points, bool bold = false) const
    {
        // Latin text and digits in DejaVu Sans, Chinese in Noto Sans CJK SC (what Debian's
        // fonts-noto-cjk installs): with the CJK font first, pdftotext loses its digits.
        QFont f;
        f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC")});
        f.setPointSizeF(points);
        // No ligatures: "offline" stays seven letters a reader can search for.
        f.setStyleStrategy(QFont::PreferNoShaping);
        f.setBold(bold);
        return f;
    }

    double textHeight(const QString &text, const QFont &f, double width)
    {
        m_painter.setFont(f);
        return m_painter.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
    }

    void newPage()
    {
        drawPageFrame();
        m_writer->newPage();
        ++m_page;
        m_y = m_body.top();
    }

    // Starts a new page unless `height` fits below the cursor.
    bool ensure(double height)
    {
        if (m_y + height <= m_body.bottom())
            return false;
        newPage();
        return true;
    }

    void space(double points) { m_y += pt(points); }

    void titleBlock(const QString &summary)
    {
        const double bandHeight = pt(74);
        const QRectF band(m_body.left(), m_body.top(), m_body.width(), bandHeight);
        m_painter.fillRect(band, kBrand);
        m_painter.fillRect(QRectF(band.left(), band.bottom() - pt(4), band.width(), pt(4)), kBrandLight);
        const QRectF inner = band.adjusted(pt(16), pt(12), -pt(16), -pt(12));
        m_painter.setPen(Qt::white);
        m_painter.setFont(font(20, true));
        m_painter.drawText(inner, Qt::AlignLeft | Qt::AlignTop, HandoverReportWriter::title());
        m_painter.setFont(font(10.5));
        m_painter.setPen(kBrandLight);
        const QString federation = m_data.federation.isEmpty()
                                       ? HandoverReportWriter::tr("China Computing Power Network")
                                       : m_data.federation;
        m_painter.drawText(inner, Qt::AlignLeft | Qt::AlignBottom, federation);
        m_y = band.bottom() + pt(12);

        // Period, author and generation time in three columns.
        const double widths[] = {m_body.width() * 0.42, m_body.width() * 0.29, m_body.width() * 0.29};
        const QString period = HandoverReportWriter::tr("%1 – %2 (%3)")
                                   .arg(dateTimeText(m_data.fromMs), timeText(m_data.toMs, m_data),
                                        durationText(m_data.toMs - m_data.fromMs));
        const QString author =
            m_data.author.isEmpty() ? HandoverReportWriter::tr("not signed in") : m_data.author;
        const std::pair<QString, QString> facts[] = {
            {HandoverReportWriter::tr("Period"), period},
            {HandoverReportWriter::tr("Prepared by"), author},
            {HandoverReportWriter::tr("Generated"), dateTimeText(m_data.generatedAtMs)}};
        double height = 0;
        for (int i = 0; i < 3; ++i) {
            const double left = m_body.left() + (i > 0 ? widths[0] : 0) + (i > 1 ? widths[1] : 0);
            const QRectF cell(left, m_y, widths[i] - pt(8), pt(40));
            m_painter.setPen(kMuted);
            m_painter.setFont(font(7.5, true));
            m_painter.drawText(cell, Qt::AlignLeft | Qt::AlignTop, facts[i].first.toUpper());
            m_painter.setPen(kInk);
            m_painter.setFont(font(9.5));
            const QRectF value = cell.adjusted(0, pt(11), 0, 0);
            QRectF used;
            m_painter.drawText(value, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, facts[i].second,
                               &used);
            height = std::max(height, used.bottom() - m_y);
        }
        m_y += height + pt(10);

        // The summary in a tinted box.
        const QFont summaryFont = font(10, true);
        const double textWidth = m_body.width() - pt(20);
        const double boxHeight = textHeight(summary, summaryFont, textWidth) + pt(14);
        const QRectF box(m_body.left(), m_y, m_body.width(), boxHeight);
        m_painter.fillRect(box, kHeaderFill);
        m_painter.fillRect(QRectF(box.left(), box.top(), pt(3), box.height()), kBrand);
        m_painter.setPen(kInk);
        m_painter.setFont(summaryFont);
        m_painter.drawText(box.adjusted(pt(12), pt(7), -pt(8), -pt(7)),
                           Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, summary);
        m_y = box.bottom() + pt(14);
    }

    void heading(const QString &text, double roomAfter = 60)
    {
        ensure(pt(26 + roomAfter));
        m_painter.setPen(kBrand);
        m_painter.setFont(font(12.5, true));
        const QRectF r(m_body.left(), m_y, m_body.width(), pt(18));
        m_painter.drawText(r, Qt::AlignLeft | Qt::AlignBottom, text);
        m_painter.setPen(QPen(kBrandLight, pt(1)));
        m_painter.drawLine(QPointF(m_body.left(), r.bottom() + pt(3)),
                           QPointF(m_body.right(), r.bottom() + pt(3)));
        m_y = r.bottom() + pt(9);
    }

    void paragraph(const QString &text, const QColor &color = kMuted, double points = 8.5)
    {
        const QFont f = font(points);
        const double height = textHeight(text, f, m_body.width());
        ensure(height);
        m_painter.setPen(color);
        m_painter.setFont(f);
        m_painter.drawText(QRectF(m_body.left(), m_y, m_body.width(), height),
                           Qt::AlignLeft | Qt::TextWordWrap, text);
        m_y += height + pt(6);
    }

    void table(const QList<Column> &columns, const QList<Row> &rows)
    {
        double shares = 0;
        for (const Column &c : columns)
            shares += c.share;
        QList<double> widths;
        for (const Column &c : columns)
            widths.append(m_body.width() * c.share / shares);
        const double padX = pt(4);
        const double padY = pt(3);
        const QFont headerFont = font(7.5, true);
        const QFont cellFont = font(8);
        const QFont noteFont = font(7.5);
        const double headerHeight = textHeight(QStringLiteral("X"), headerFont, 1000) + 2 * padY;
        const double noteIndent = widths.value(0);
        const double noteWidth = m_body.width() - noteIndent - padX * 2;

        auto drawHeader = [&] {
            const QRectF r(m_body.left(), m_y, m_body.width(), headerHeight);
            m_painter.fillRect(r, kHeaderFill);
            m_painter.setPen(kMuted);
            m_painter.setFont(headerFont);
            double x = m_body.left();
            for (qsizetype i = 0; i < columns.size(); ++i) {
                m_painter.drawText(QRectF(x + padX, m_y, widths[i] - 2 * padX, headerHeight),
                                   columns[i].align | Qt::AlignVCenter, columns[i].header.toUpper());
                x += widths[i];
            }
            m_y += headerHeight;
        };

        ensure(headerHeight + pt(30));
        drawHeader();
        for (qsizetype index = 0; index < rows.size(); ++index) {
            const Row &row = rows[index];
            double height = 0;
            for (qsizetype i = 0; i < columns.size(); ++i)
                height = std::max(height, textHeight(row.cells.value(i), cellFont, widths[i] - 2 * padX));
            height += 2 * padY;
            if (ensure(height))
                drawHeader();
            const QColor fill = index % 2 ? kZebra : QColor(Qt::white);
            m_painter.fillRect(QRectF(m_body.left(), m_y, m_body.width(), height), fill);
            if (row.marker.isValid())
                m_painter.fillRect(QRectF(m_body.left(), m_y, pt(2.5), height), row.marker);
            m_painter.setPen(kInk);
            m_painter.setFont(cellFont);
            double x = m_body.left();
            for (qsizetype i = 0; i < columns.size(); ++i) {
                m_painter.drawText(QRectF(x + padX, m_y + padY, widths[i] - 2 * padX, height - 2 * padY),
                                   columns[i].align | Qt::AlignTop | Qt::TextWordWrap, row.cells.value(i));
                x += widths[i];
            }
            m_y += height;
            // The thread under its alarm: each line may start a page of its own, header repeated.
            for (const QString &note : row.notes) {
                const double noteHeight = textHeight(note, noteFont, noteWidth) + pt(3);
                if (ensure(noteHeight))
                    drawHeader();
                const QRectF r(m_body.left(), m_y, m_body.width(), noteHeight);
                m_painter.fillRect(r, fill);
                m_painter.setPen(QPen(kRule, pt(0.8)));
                m_painter.drawLine(QPointF(m_body.left() + noteIndent - pt(4), m_y),
                                   QPointF(m_body.left() + noteIndent - pt(4), m_y + noteHeight));
                m_painter.setPen(kMuted);
                m_painter.setFont(noteFont);
                m_painter.drawText(QRectF(m_body.left() + noteIndent + padX, m_y, noteWidth, noteHeight),
                                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, note);
                m_y += noteHeight;
            }
            if (!row.notes.isEmpty())
                m_y += pt(2);
            m_painter.setPen(QPen(kRule, pt(0.5)));
            m_painter.drawLine(QPointF(m_body.left(), m_y), QPointF(m_body.right(), m_y));
        }
        m_y += pt(10);
    }

    // Charts side by side, two a row, each a vector drawing (QPainterPath) with its axes.
    struct Chart
    {
        QString title;
        ChartData data;
        double yMax = 0; // 0: from the data
        std::function<QString(double)> label;
        QColor color;
        bool whole = false; // counts: whole numbers on the axis
    };
    void charts(const QList<Chart> &charts)
    {
        const double gap = pt(14);
        const double width = (m_body.width() - gap) / 2;
        const double height = pt(118);
        for (qsizetype i = 0; i < charts.size(); i += 2) {
            ensure(height);
            for (qsizetype j = i; j < std::min(i + 2, charts.size()); ++j)
                chart(QRectF(m_body.left() + (j - i) * (width + gap), m_y, width, height), charts[j]);
            m_y += height + pt(8);
        }
        m_y += pt(4);
    }

private:
    void chart(const QRectF &frame, const Chart &c)
    {
        m_painter.setPen(kInk);
        m_painter.setFont(font(8.5, true));
        m_painter.drawText(QRectF(frame.left(), frame.top(), frame.width(), pt(13)),
                           Qt::AlignLeft | Qt::AlignTop, c.title);
        const QRectF plot = frame.adjusted(pt(40), pt(18), -pt(6), -pt(16));
        const qint64 from = m_data.fromMs;
        const qint64 to = std::max(m_data.toMs, from + 1);

        double top = c.yMax;
        for (const QList<QPointF> *list : {&c.data.points, &c.data.highs}) {
            for (const QPointF &p : *list)
                top = std::max(top, p.y());
        }
        top = niceCeiling(top > 0 ? top * (c.yMax > 0 ? 1 : 1.1) : 1);
        if (c.whole)
            top = std::ceil(top / 4) * 4; // whole numbers on every grid line
        const auto xOf = [&](double ms) {
            return plot.left() + (ms - from) / double(to - from) * plot.width();
        };
        const auto yOf = [&](double v) {
            return plot.bottom() - std::clamp(v / top, 0.0, 1.0) * plot.height();
        };

        // Grid and the value axis: five lines with their labels.
        m_painter.setFont(font(6.5));
        for (int i = 0; i <= 4; ++i) {
            const double v = top * i / 4;
            const double y = yOf(v);
            m_painter.setPen(QPen(i == 0 ? kMuted : kGrid, pt(i == 0 ? 0.8 : 0.5)));
            m_painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            m_painter.setPen(kMuted);
            m_painter.drawText(QRectF(frame.left(), y - pt(5), pt(36), pt(10)),
                               Qt::AlignRight | Qt::AlignVCenter, c.label(v));
        }
        m_painter.setPen(QPen(kMuted, pt(0.8)));
        m_painter.drawLine(plot.bottomLeft(), plot.topLeft());

        // The time axis: ticks at round times, about six of them.
        for (const qint64 t : charts::roundTimeTicks(from, to)) {
            const double x = xOf(double(t));
            m_painter.setPen(QPen(kGrid, pt(0.5)));
            m_painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            m_painter.setPen(QPen(kMuted, pt(0.8)));
            m_painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + pt(3)));
            m_painter.drawText(QRectF(x - pt(20), plot.bottom() + pt(4), pt(40), pt(10)), Qt::AlignCenter,
                               QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("HH:mm")));
        }

        if (c.data.points.isEmpty()) {
            m_painter.setPen(kMuted);
            m_painter.setFont(font(8));
            m_painter.drawText(plot, Qt::AlignCenter, HandoverReportWriter::tr("Not recorded"));
            return;
        }
        // A gap in the recording (more than three steps without a point) breaks the line.
        qint64 typical = m_data.timelineStepMs;
        if (c.data.points.size() > 1)
            typical = std::max<qint64>(1000, qint64(c.data.points.last().x() - c.data.points.first().x()) /
                                                 (c.data.points.size() - 1));
        const auto broken = [&](const QList<QPointF> &pts, qsizetype i) {
            return i == 0 || pts[i].x() - pts[i - 1].x() > 3.0 * typical;
        };
        m_painter.setRenderHint(QPainter::Antialiasing);
        if (!c.data.lows.isEmpty() && c.data.lows.size() == c.data.highs.size()) {
            QColor band = c.color;
            band.setAlpha(45);
            QPainterPath area;
            qsizetype start = 0;
            for (qsizetype i = 1; i <= c.data.lows.size(); ++i) {
                if (i < c.data.lows.size() && !broken(c.data.lows, i))
                    continue;
                QPolygonF polygon;
                for (qsizetype k = start; k < i; ++k)
                    polygon << QPointF(xOf(c.data.highs[k].x()), yOf(c.data.highs[k].y()));
                for (qsizetype k = i - 1; k >= start; --k)
                    polygon << QPointF(xOf(c.data.lows[k].x()), yOf(c.data.lows[k].y()));
                area.addPolygon(polygon);
                area.closeSubpath();
                start = i;
            }
            m_painter.fillPath(area, band);
        }
        QPainterPath line;
        for (qsizetype i = 0; i < c.data.points.size(); ++i) {
            const QPointF p(xOf(c.data.points[i].x()), yOf(c.data.points[i].y()));
            if (broken(c.data.points, i))
                line.moveTo(p);
            else
                line.lineTo(p);
        }
        m_painter.strokePath(line, QPen(c.color, pt(1.2), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        m_painter.setRenderHint(QPainter::Antialiasing, false);
    }

    static double niceCeiling(double v)
    {
        const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
        for (double m : {1.0, 2.0, 2.5, 4.0, 5.0, 10.0}) {
            if (m * magnitude >= v * 0.999)
                return m * magnitude;
        }
        return 10 * magnitude;
    }

    void drawPageFrame()
    {
        const double footerY = m_body.bottom() + pt(18);
        m_painter.setPen(QPen(kRule, pt(0.5)));
        m_painter.drawLine(QPointF(m_body.left(), footerY), QPointF(m_body.right(), footerY));
        m_painter.setPen(kMuted);
        m_painter.setFont(font(7));
        const QRectF footer(m_body.left(), footerY + pt(3), m_body.width(), pt(12));
        m_painter.drawText(
            footer, Qt::AlignLeft | Qt::AlignTop,
            HandoverReportWriter::tr("%1 · %2 – %3")
                .arg(HandoverReportWriter::title(), dateTimeText(m_data.fromMs), dateTimeText(m_data.toMs)));
        m_painter.drawText(footer, Qt::AlignRight | Qt::AlignTop,
                           HandoverReportWriter::tr("Page %1").arg(m_page));
    }

    QPdfWriter *m_writer;
    const HandoverData &m_data;
    QPainter m_painter;
    QRectF m_body;
    double m_y = 0;
    int m_page = 1;
};

struct AlarmCounts
{
    int raised = 0;
    int cleared = 0;
    int open = 0;
    int openCritical = 0;
};

bool isOpenAtEnd(const Alarm &alarm, qint64 toMs)
{
    return alarm.clearedAtMs == 0 || alarm.clearedAtMs > toMs;
}

AlarmCounts countAlarms(const HandoverData &data)
{
    AlarmCounts counts;
    for (const Alarm &a : data.alarms) {
        if (a.raisedAtMs >= data.fromMs && a.raisedAtMs <= data.toMs)
            ++counts.raised;
        if (a.clearedAtMs >= data.fromMs && a.clearedAtMs > 0 && a.clearedAtMs <= data.toMs)
            ++counts.cleared;
        if (isOpenAtEnd(a, data.toMs)) {
            ++counts.open;
            if (a.severity == Alarm::Severity::Critical)
                ++counts.openCritical;
        }
    }
    return counts;
}

QString summaryLine(const HandoverData &data)
{
    const auto number = [](qsizetype n) { return QLocale().toString(n); };
    QStringList parts;
    if (data.alarmsAvailable) {
        const AlarmCounts c = countAlarms(data);
        QString alarms = HandoverReportWriter::tr("Alarms: %1 raised, %2 cleared, %3 still open")
                             .arg(number(c.raised), number(c.cleared), number(c.open));
        if (c.openCritical > 0)
            alarms +=
                QLatin1Char(' ') + HandoverReportWriter::tr("(%1 critical)").arg(number(c.openCritical));
        parts << alarms;
    } else {
        parts << HandoverReportWriter::tr("Alarm history not available");
    }
    if (data.recorded)
        parts << HandoverReportWriter::tr("Outages: %1").arg(number(data.outages.size()));
    parts << HandoverReportWriter::tr("Failed jobs: %1").arg(number(data.failedJobs.size()));
    if (data.atEnd.recorded)
        parts << HandoverReportWriter::tr("Nodes online at the end: %1")
                     .arg(countOf(data.atEnd.nodesOnline, data.atEnd.nodesListed));
    return parts.join(QStringLiteral("  ·  "));
}

QList<Row> figureRows(const HandoverData &data)
{
    const NationalFigures &s = data.atStart;
    const NationalFigures &e = data.atEnd;
    const auto cell = [](const NationalFigures &f, const QString &text) {
        return f.recorded ? text : HandoverReportWriter::tr("not recorded");
    };
    const auto change = [&](const QString &text) {
        return s.recorded && e.recorded ? text : QStringLiteral("–");
    };
    const auto accel = [](const NationalFigures &f) {
        const QString busy = QLocale().toString(qRound(f.acceleratorsBusy));
        return f.acceleratorsTotal > 0 ? HandoverReportWriter::tr("%1 of %2 (%3)")
                                             .arg(busy, QLocale().toString(f.acceleratorsTotal),
                                                  percentText(f.acceleratorsBusy / f.acceleratorsTotal))
                                       : busy;
    };
    QList<Row> rows;
    rows << Row{{HandoverReportWriter::tr("Nodes online"), cell(s, countOf(s.nodesOnline, s.nodesListed)),
                 cell(e, countOf(e.nodesOnline, e.nodesListed)),
                 change(signedText(e.nodesOnline - s.nodesOnline, 0))},
                {},
                {}};
    rows << Row{{HandoverReportWriter::tr("Nodes offline or not reporting"),
                 cell(s, QLocale().toString(s.nodesDown)), cell(e, QLocale().toString(e.nodesDown)),
                 change(signedText(e.nodesDown - s.nodesDown, 0))},
                {},
                {}};
    rows << Row{{HandoverReportWriter::tr("Accelerators in use"), cell(s, accel(s)), cell(e, accel(e)),
                 change(signedText(qRound(e.acceleratorsBusy) - qRound(s.acceleratorsBusy), 0))},
                {},
                {}};
    rows << Row{{HandoverReportWriter::tr("CPU utilization"), cell(s, percentText(s.cpuUtil)),
                 cell(e, percentText(e.cpuUtil)),
                 change(signedText((e.cpuUtil - s.cpuUtil) * 100, 1, HandoverReportWriter::tr(" pts")))},
                {},
                {}};
    const bool megawatts = std::max(s.powerKw, e.powerKw) >= 10'000;
    const QString powerChange =
        megawatts ? signedText((e.powerKw - s.powerKw) / 1000, 2, HandoverReportWriter::tr(" MW"))
                  : signedText(e.powerKw - s.powerKw, 0, HandoverReportWriter::tr(" kW"));
    rows << Row{{HandoverReportWriter::tr("Power"), cell(s, powerText(s.powerKw)),
                 cell(e, powerText(e.powerKw)), change(powerChange)},
                {},
                {}};
    rows << Row{{HandoverReportWriter::tr("Links congested"), cell(s, countOf(s.linksCongested, s.links)),
                 cell(e, countOf(e.linksCongested, e.links)),
                 change(signedText(e.linksCongested - s.linksCongested, 0))},
                {},
                {}};
    rows << Row{{HandoverReportWriter::tr("Links down"), cell(s, QLocale().toString(s.linksDown)),
                 cell(e, QLocale().toString(e.linksDown)), change(signedText(e.linksDown - s.linksDown, 0))},
                {},
                {}};
    return rows;
}

ChartData fromSeries(const cache::Series &series, double scale)
{
    ChartData d;
    for (const cache::SeriesPoint &p : series.points) {
        d.points << QPointF(double(p.tsMs), p.mean * scale);
        if (series.resolution != cache::Resolution::Raw) {
            d.lows << QPointF(double(p.tsMs), p.min * scale);
            d.highs << QPointF(double(p.tsMs), p.max * scale);
        }
    }
    return d;
}

ChartData fromTimeline(const HandoverData &data, const std::function<double(const NationalFigures &)> &value)
{
    ChartData d;
    for (const NationalFigures &f : data.timeline) {
        if (f.recorded)
            d.points << QPointF(double(f.atMs), value(f));
    }
    return d;
}

QList<Document::Chart> chartsOf(const HandoverData &data)
{
    const auto percent = [](double v) { return QLocale().toString(v, 'f', 0) + QStringLiteral(" %"); };
    const auto count = [](double v) { return QLocale().toString(qRound(v)); };
    int listed = 0;
    double peakPower = 0;
    for (const NationalFigures &f : data.timeline)
        listed = std::max(listed, f.nodesListed);
    for (const cache::SeriesPoint &p : data.powerSeries.points)
        peakPower = std::max(peakPower, p.max);
    const bool megawatts = peakPower >= 10'000;
    // The axis is in the chart's unit already (MW or kW): whole values without decimals.
    const auto power = [](double v) { return QLocale().toString(v, 'f', v == std::floor(v) ? 0 : 1); };
    return {
        {HandoverReportWriter::tr("CPU utilization (%)"), fromSeries(data.cpuSeries, 100), 100, percent,
         QColor(0x1f, 0x6f, 0xb5)},
        {HandoverReportWriter::tr("Accelerators in use (%)"), fromSeries(data.acceleratorSeries, 100), 100,
         percent, QColor(0x7b, 0x3f, 0xa0)},
        {megawatts ? HandoverReportWriter::tr("Power (MW)") : HandoverReportWriter::tr("Power (kW)"),
         fromSeries(data.powerSeries, megawatts ? 0.001 : 1), 0, power, QColor(0xd9, 0x7a, 0x00)},
        {HandoverReportWriter::tr("Nodes online"),
         fromTimeline(data, [](const NationalFigures &f) { return double(f.nodesOnline); }), double(listed),
         count, QColor(0x2e, 0x8b, 0x57), true},
        {HandoverReportWriter::tr("Links congested"),
         fromTimeline(data, [](const NationalFigures &f) { return double(f.linksCongested); }), 0, count,
         QColor(0xc6, 0x28, 0x28), true},
        {HandoverReportWriter::tr("Nodes offline or not reporting"),
         fromTimeline(data, [](const NationalFigures &f) { return double(f.nodesDown); }), 0, count,
         QColor(0x5b, 0x67, 0x76), true},
    };
}

QList<Row> alarmRows(const HandoverData &data)
{
    QList<Alarm> alarms = data.alarms;
    // Open ones first, worst first; then the cleared ones in the order they cleared.
    std::stable_sort(alarms.begin(), alarms.end(), [&](const Alarm &a, const Alarm &b) {
        const bool openA = isOpenAtEnd(a, data.toMs), openB = isOpenAtEnd(b, data.toMs);
        if (openA != openB)
            return openA;
        if (openA)
            return a.severity != b.severity ? a.severity < b.severity : a.raisedAtMs < b.raisedAtMs;
        return a.clearedAtMs < b.clearedAtMs;
    });
    QList<Row> rows;
    for (const Alarm &alarm : std::as_const(alarms)) {
        Row row;
        row.marker = severityColor(alarm.severity);
        QString what = HandoverReportWriter::tr("%1: %2", "alarm kind: its source")
                           .arg(alarms::kindName(alarm.kind), alarmSourceText(data, alarm));
        if (alarm.affected.size() > 1)
            what +=
                QLatin1Char('\n') +
                HandoverReportWriter::tr("Nodes affected: %1").arg(QLocale().toString(alarm.affected.size()));
        const QString state =
            isOpenAtEnd(alarm, data.toMs)
                ? HandoverReportWriter::tr("Open for %1").arg(durationText(data.toMs - alarm.raisedAtMs))
                : HandoverReportWriter::tr("%1, after %2")
                      .arg(timeText(alarm.clearedAtMs, data),
                           durationText(alarm.clearedAtMs - alarm.raisedAtMs));
        QString ack = QStringLiteral("–");
        if (alarm.ack) {
            ack = HandoverReportWriter::tr("%1 at %2").arg(alarm.ack->by, timeText(alarm.ack->atMs, data));
            if (alarm.ack->untilMs > 0)
                ack += QLatin1Char('\n') +
                       HandoverReportWriter::tr("until %1").arg(timeText(alarm.ack->untilMs, data));
        }
        if (alarm.silenced)
            ack += QLatin1Char('\n') + HandoverReportWriter::tr("silenced");
        row.cells = {alarms::severityName(alarm.severity), what, timeText(alarm.raisedAtMs, data), state, ack};
        if (alarm.ack && !alarm.ack->comment.isEmpty())
            row.notes << HandoverReportWriter::tr("Acknowledged by %1 at %2: %3")
                             .arg(alarm.ack->by, timeText(alarm.ack->atMs, data), alarm.ack->comment);
        for (const AlarmComment &comment : alarm.comments)
            row.notes << HandoverReportWriter::tr("%1 at %2: %3")
                             .arg(comment.by, timeText(comment.atMs, data), comment.text);
        rows << row;
    }
    return rows;
}

QList<Row> outageRows(const HandoverData &data)
{
    QList<Row> rows;
    for (const Outage &o : data.outages.mid(0, kMaxOutageRows)) {
        const QString from = o.beganBefore
                                 ? HandoverReportWriter::tr("before %1").arg(timeText(o.startMs, data))
                                 : timeText(o.startMs, data);
        const QString until = o.endMs > 0 ? timeText(o.endMs, data) : HandoverReportWriter::tr("still down");
        const QString duration = (o.beganBefore || o.endMs == 0 ? HandoverReportWriter::tr("at least %1")
                                                                : HandoverReportWriter::tr("about %1"))
                                     .arg(durationText(o.durationMs(data.toMs)));
        rows << Row{{nameOf(data, o.entityId), outageKindName(o.kind), from, until, duration},
                    o.endMs == 0 ? QColor(0xc6, 0x28, 0x28) : QColor(0xf2, 0xa9, 0x00),
                    {}};
    }
    return rows;
}

QList<Row> jobRows(const HandoverData &data)
{
    QList<Row> rows;
    for (const Job &job : data.failedJobs) {
        const QString name = job.name.isEmpty() ? job.id : job.name + QStringLiteral("\n") + job.id;
        rows << Row{{name, nameOf(data, job.nodeId), jobKindName(job.kind), timeText(job.finishedAtMs, data),
                     job.message.isEmpty() ? QStringLiteral("–") : job.message},
                    QColor(0xc6, 0x28, 0x28),
                    {}};
    }
    return rows;
}

void layOut(Document &doc, const HandoverData &data)
{
    doc.titleBlock(summaryLine(data));

    doc.heading(HandoverReportWriter::tr("National figures"), 140);
    if (!data.recorded)
        doc.paragraph(HandoverReportWriter::tr(
                          "The cache holds no samples for this period: the console was not recording, or the "
                          "samples have been purged. Figures, outages and charts are not available."),
                      QColor(0xc6, 0x28, 0x28));
    doc.table({{HandoverReportWriter::tr("Figure"), 0.34},
               {HandoverReportWriter::tr("At start (%1)").arg(timeText(data.fromMs, data)), 0.24},
               {HandoverReportWriter::tr("At end (%1)").arg(timeText(data.toMs, data)), 0.24},
               {HandoverReportWriter::tr("Change"), 0.18, Qt::AlignRight}},
              figureRows(data));

    doc.heading(HandoverReportWriter::tr("Over the period"), 130);
    doc.charts(chartsOf(data));

    doc.heading(HandoverReportWriter::tr("Alarms"));
    if (!data.alarmsAvailable) {
        doc.paragraph(HandoverReportWriter::tr(
            "Alarm history not available: this console does not record the alarms for this period."));
    } else if (data.alarms.isEmpty()) {
        doc.paragraph(HandoverReportWriter::tr("No alarm was raised or open during the period."));
    } else {
        doc.paragraph(HandoverReportWriter::tr(
            "Open alarms first, most severe first; then those cleared during the period. "
            "Acknowledgements and comments are listed under their alarm."));
        doc.table({{HandoverReportWriter::tr("Severity"), 0.11},
                   {HandoverReportWriter::tr("Alarm"), 0.33},
                   {HandoverReportWriter::tr("Raised"), 0.12},
                   {HandoverReportWriter::tr("Cleared"), 0.19},
                   {HandoverReportWriter::tr("Acknowledged"), 0.25}},
                  alarmRows(data));
    }

    doc.heading(HandoverReportWriter::tr("Outages"));
    if (!data.recorded) {
        doc.paragraph(HandoverReportWriter::tr("Not available: nothing was recorded for this period."));
    } else if (data.outages.isEmpty()) {
        doc.paragraph(
            HandoverReportWriter::tr("No node or link was down or silent at the moments checked (every %1).")
                .arg(durationText(data.timelineStepMs)));
    } else {
        doc.paragraph(
            HandoverReportWriter::tr(
                "Nodes that were offline or not reporting, and links that were down while both their "
                "ends reported, as recorded by the console every %1: times are to that step, and "
                "shorter outages may not appear. Longest first.")
                .arg(durationText(data.timelineStepMs)));
        doc.table({{HandoverReportWriter::tr("Node or link"), 0.36},
                   {HandoverReportWriter::tr("Outage"), 0.19},
                   {HandoverReportWriter::tr("From"), 0.15},
                   {HandoverReportWriter::tr("Until"), 0.13},
                   {HandoverReportWriter::tr("Duration"), 0.17}},
                  outageRows(data));
        if (data.outages.size() > kMaxOutageRows)
            doc.paragraph(HandoverReportWriter::tr("Shorter outages not listed: %1.")
                              .arg(QLocale().toString(data.outages.size() - kMaxOutageRows)));
    }

    doc.heading(HandoverReportWriter::tr("Failed jobs"));
    if (!data.jobsRecorded) {
        doc.paragraph(HandoverReportWriter::tr(
            "Not recorded: the cache holds only the jobs submitted from this console, and there are "
            "none."));
    } else if (data.failedJobs.isEmpty()) {
        doc.paragraph(
            HandoverReportWriter::tr("No job submitted from this console failed during the period."));
    } else {
        doc.paragraph(
            HandoverReportWriter::tr("Jobs submitted from this console that failed during the period."));
        doc.table({{HandoverReportWriter::tr("Job"), 0.26},
                   {HandoverReportWriter::tr("Node"), 0.2},
                   {HandoverReportWriter::tr("Kind"), 0.12},
                   {HandoverReportWriter::tr("Failed at"), 0.12},
                   {HandoverReportWriter::tr("Reason"), 0.3}},
                  jobRows(data));
    }
}

} // namespace

QString HandoverReportWriter::title()
{
    return HandoverReportWriter::tr("Shift Handover Report");
}

bool HandoverReportWriter::write(const HandoverData &data, const QString &file, QString *error, int *pages)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return fail(HandoverReportWriter::tr("Cannot write %1: %2")
                        .arg(QFileInfo(file).absoluteFilePath(), out.errorString()));
    {
        QPdfWriter writer(&out);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
        writer.setResolution(int(kDpi));
        writer.setTitle(title());
        writer.setCreator(QStringLiteral("CPN Control Center"));
        Document doc(&writer, data);
        if (!doc.begin())
            return fail(HandoverReportWriter::tr("Cannot write %1: the PDF could not be started.").arg(file));
        layOut(doc, data);
        if (!doc.end())
            return fail(
                HandoverReportWriter::tr("Cannot write %1: the PDF could not be completed.").arg(file));
        if (pages)
            *pages = doc.pages();
    }
    if (!out.commit())
        return fail(HandoverReportWriter::tr("Cannot write %1: %2")
                        .arg(QFileInfo(file).absoluteFilePath(), out.errorString()));
    return true;
}

} // namespace cpn
