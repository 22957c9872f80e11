#include "ui/alarms/problemsband.h"

#include "widgets/accessibletext.h"

#include "alarms/openproblems.h"
#include "domain/clock.h"
#include "widgets/map/mapstyle.h"
#include "widgets/statuscolors.h"

#include <QEvent>
#include <QPainter>
#include <QTimer>

namespace cpn {

namespace {
constexpr double kRowPoints = 20; // readable from the back of a control room on a wall display
constexpr double kPad = 10;
} // namespace

ProblemsBand::ProblemsBand(const alarms::AlarmStore *store, alarms::SourceNamer namer, const Clock &clock,
                           QWidget *parent)
    : QWidget(parent), m_store(store), m_namer(std::move(namer)), m_clock(clock), m_ages(new QTimer(this))
{
    setObjectName(QStringLiteral("problemsBand"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_ages->setInterval(1000);
    connect(m_ages, &QTimer::timeout, this, &ProblemsBand::refresh);
    connect(store, &alarms::AlarmStore::changed, this, [this] {
        if (m_active)
            refresh();
    });
    hide();
}

void ProblemsBand::setActive(bool active)
{
    m_active = active;
    refresh();
}

void ProblemsBand::refresh()
{
    if (!m_active) {
        m_rows.clear();
        m_ages->stop();
        hide();
        return;
    }
    const qint64 now = m_clock.nowMs();
    QList<Row> rows;
    for (const alarms::StoredAlarm &stored : alarms::openProblems(m_store->all())) {
        const Alarm &a = stored.alarm;
        QString what = alarms::kindName(a.kind);
        if (stored.isAcknowledged())
            what = tr("%1 · acknowledged by %2").arg(what, a.ack->by);
        rows.append({a.severity, alarms::severityName(a.severity), m_namer ? m_namer(a.source) : a.source.id,
                     what, alarms::durationText(std::max<qint64>(0, now - a.raisedAtMs)),
                     stored.isAcknowledged()});
    }
    const bool resized = rows.size() != m_rows.size();
    // What it paints, for assistive technology: one sentence per problem, the worst first.
    QStringList said;
    for (const Row &row : rows)
        said << tr("%1: %2, %3, for %4").arg(row.severityText, row.source, row.what, row.age);
    setAccessibleText(this, tr("Open problems"), said.join(QStringLiteral(". ")));
    m_rows = std::move(rows);
    if (m_rows.isEmpty()) {
        m_ages->stop();
        hide();
        return;
    }
    if (!m_ages->isActive())
        m_ages->start();
    if (resized)
        updateGeometry();
    show();
    update();
}

QFont ProblemsBand::rowFont(bool bold) const
{
    QFont f = font();
    f.setPointSizeF(kRowPoints);
    if (bold)
        f.setWeight(QFont::DemiBold);
    return f;
}

double ProblemsBand::rowHeight() const
{
    return QFontMetricsF(rowFont()).height() * 1.3;
}

QString ProblemsBand::moreText() const
{
    const int more = int(m_rows.size()) - kMaxRows;
    return more > 0 ? tr("+ %n more open problem(s)", nullptr, more) : QString();
}

QSize ProblemsBand::sizeHint() const
{
    const int shown = int(std::min<qsizetype>(m_rows.size(), kMaxRows));
    const double more = moreText().isEmpty() ? 0 : rowHeight() * 0.8;
    return QSize(600, int(std::ceil(2 * kPad + shown * rowHeight() + more)));
}

void ProblemsBand::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    else if (event->type() == QEvent::LanguageChange)
        refresh(); // its rows' words, worked out anew
    QWidget::changeEvent(event);
}

void ProblemsBand::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), map::style::kSea);
    const QFont plain = rowFont();
    const QFont bold = rowFont(true);
    const QFontMetricsF fm(plain), fb(bold);
    const double h = rowHeight();
    // The severity pills share one width, so sources line up in a column.
    double pillWidth = 0;
    for (const Row &row : m_rows)
        pillWidth = std::max(pillWidth, fb.horizontalAdvance(row.severityText));
    pillWidth += 24;
    double ageWidth = 0;
    for (const Row &row : m_rows)
        ageWidth = std::max(ageWidth, fm.horizontalAdvance(row.age));

    double y = kPad;
    const double left = 2 * kPad;
    const double right = width() - 2 * kPad;
    for (qsizetype i = 0; i < m_rows.size() && i < kMaxRows; ++i) {
        const Row &row = m_rows[i];
        const QRectF line(left, y, right - left, h);
        // A thin rule in the severity's colour on the left of every row, the pill in it.
        const QColor colour = colors::alarmSeverity(row.severity);
        QColor band = colour;
        band.setAlpha(row.acknowledged ? 18 : 40);
        painter.setPen(Qt::NoPen);
        painter.setBrush(band);
        painter.drawRoundedRect(line.adjusted(-kPad / 2, 1, kPad / 2, -1), 4, 4);
        const QRectF pill(left, y + h * 0.12, pillWidth, h * 0.76);
        painter.setBrush(row.acknowledged ? colour.darker(170) : colour);
        painter.drawRoundedRect(pill, 5, 5);
        painter.setFont(bold);
        painter.setPen(QColor(0x0b, 0x10, 0x16));
        painter.drawText(pill, Qt::AlignCenter, row.severityText);

        const QColor text = row.acknowledged ? map::style::kMutedText : map::style::kText;
        double x = pill.right() + 18;
        const double textRight = right - ageWidth - 24;
        painter.setPen(row.acknowledged ? map::style::kMutedText : QColor(0xee, 0xf3, 0xf8));
        const QString source =
            fb.elidedText(row.source, Qt::ElideRight, std::max(40.0, (textRight - x) * 0.5));
        painter.drawText(QRectF(x, y, textRight - x, h), Qt::AlignLeft | Qt::AlignVCenter, source);
        x += fb.horizontalAdvance(source) + 18;
        painter.setFont(plain);
        painter.setPen(text);
        painter.drawText(QRectF(x, y, std::max(0.0, textRight - x), h), Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(row.what, Qt::ElideRight, std::max(0.0, textRight - x)));
        painter.setPen(map::style::kMutedText);
        painter.drawText(QRectF(right - ageWidth, y, ageWidth, h), Qt::AlignRight | Qt::AlignVCenter,
                         row.age);
        y += h;
    }
    const QString more = moreText();
    if (!more.isEmpty()) {
        QFont small = plain;
        small.setPointSizeF(kRowPoints * 0.75);
        painter.setFont(small);
        painter.setPen(map::style::kMutedText);
        painter.drawText(QRectF(left, y, right - left, h * 0.8), Qt::AlignLeft | Qt::AlignVCenter, more);
    }
}

} // namespace cpn
