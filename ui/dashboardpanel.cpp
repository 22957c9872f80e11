#include "ui/dashboardpanel.h"

#include "charts/chartdatahub.h"
#include "domain/clock.h"
#include "domain/logging.h"
#include "widgets/charts/chartcard.h"

#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QMimeData>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

#include <QEvent>

namespace cpn {

using charts::ChartCard;
using charts::ChartSpec;

DashboardPanel::DashboardPanel(charts::ChartDataHub *hub, charts::HistorySource *reader, const Clock *clock,
                               QWidget *parent)
    : QWidget(parent), m_hub(hub), m_reader(reader), m_clock(clock)
{
    setObjectName(QStringLiteral("dashboardPanel"));
    setAcceptDrops(true);
    auto *toolBar = new QHBoxLayout;
    m_pdf = new QToolButton(this);
    connect(m_pdf, &QToolButton::clicked, this, &DashboardPanel::exportPdfDialog);
    m_unpinAll = new QToolButton(this);
    connect(m_unpinAll, &QToolButton::clicked, this, &DashboardPanel::unpinAll);
    toolBar->addStretch(1);
    toolBar->addWidget(m_pdf);
    toolBar->addWidget(m_unpinAll);

    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_grid = new QWidget;
    m_layout = new QGridLayout(m_grid);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_grid);
    connect(m_hub, &charts::ChartDataHub::directoryChanged, this, &DashboardPanel::pinPending);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(toolBar);
    layout->addWidget(m_empty);
    layout->addWidget(m_scroll, 1);
    relayout();
    retranslate();
}

void DashboardPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DashboardPanel::retranslate()
{
    m_pdf->setText(tr("Export PDF…"));
    m_pdf->setToolTip(tr("Save every pinned chart to a PDF for the shift report"));
    m_unpinAll->setText(tr("Unpin all"));
    m_empty->setText(
        tr("Pin charts from the map's or the node table's context menu, or drag nodes here from the table."));
}

void DashboardPanel::setAlarmStore(const alarms::AlarmStore *store)
{
    m_alarms = store;
    for (ChartCard *card : std::as_const(m_cards))
        card->setAlarmStore(store);
}

bool DashboardPanel::isPinned(const ChartSpec &spec) const
{
    return std::any_of(m_cards.begin(), m_cards.end(), [&](const ChartCard *c) { return c->spec() == spec; });
}

bool DashboardPanel::pin(const ChartSpec &spec)
{
    if (isPinned(spec))
        return false;
    auto *card = new ChartCard(spec, m_hub, m_reader, m_clock, m_grid);
    card->setMinimumHeight(230);
    card->setAlarmStore(m_alarms);
    connect(card, &ChartCard::unpinRequested, this, &DashboardPanel::unpin);
    m_cards.append(card);
    relayout();
    Q_EMIT pinnedChanged();
    return true;
}

void DashboardPanel::unpin(ChartCard *card)
{
    if (!m_cards.removeOne(card))
        return;
    card->hide();
    card->deleteLater(); // may come from the card's own menu
    relayout();
    Q_EMIT pinnedChanged();
}

void DashboardPanel::unpinAll()
{
    for (ChartCard *card : std::as_const(m_cards)) {
        card->hide();
        card->deleteLater();
    }
    m_cards.clear();
    relayout();
    Q_EMIT pinnedChanged();
}

void DashboardPanel::relayout()
{
    for (ChartCard *card : std::as_const(m_cards))
        m_layout->removeWidget(card);
    for (int i = 0; i < m_cards.size(); ++i)
        m_layout->addWidget(m_cards.at(i), i / kColumns, i % kColumns);
    for (int c = 0; c < kColumns; ++c)
        m_layout->setColumnStretch(c, 1);
    m_empty->setVisible(m_cards.isEmpty());
    m_scroll->setVisible(!m_cards.isEmpty());
}

QStringList DashboardPanel::pinnedSpecs() const
{
    QStringList specs;
    for (const ChartCard *card : m_cards)
        specs << card->spec().toString();
    for (const ChartSpec &spec : m_pending)
        specs << spec.toString();
    return specs;
}

void DashboardPanel::restorePinned(const QStringList &specs)
{
    for (const QString &text : specs) {
        const auto spec = ChartSpec::fromString(text);
        if (!spec)
            continue;
        if (!m_hub->hasDirectory())
            m_pending.append(*spec);
        else
            pin(*spec);
    }
}

void DashboardPanel::pinPending()
{
    // A card judges on the first real directory whether its node is in this federation.
    if (!m_hub->hasDirectory())
        return;
    const QList<ChartSpec> pending = std::exchange(m_pending, {});
    for (const ChartSpec &spec : pending)
        pin(spec);
}

void DashboardPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(nodeIdsMimeType()))
        event->acceptProposedAction();
}

void DashboardPanel::dropEvent(QDropEvent *event)
{
    const QString ids = QString::fromUtf8(event->mimeData()->data(nodeIdsMimeType()));
    for (const QString &id : ids.split(u'\n', Qt::SkipEmptyParts))
        pin(ChartSpec{ChartSpec::Kind::NodeUtilization, id});
    event->acceptProposedAction();
}

bool DashboardPanel::exportPdf(const QString &file, const QString &title)
{
    // A report rather than a picture of the widget: each chart drawn as vectors with its own axes, units
    // and legend, four to an A4 landscape page under a heading that says what and when.
    constexpr double kDpi = 300;
    const auto pt = [](double points) { return points * kDpi / 72.0; };
    QPdfWriter writer(file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(15, 12, 15, 12), QPageLayout::Millimeter);
    writer.setTitle(title);
    writer.setCreator(tr("CPN Control Center"));
    writer.setResolution(int(kDpi));
    QPainter painter;
    if (!painter.begin(&writer)) {
        qCWarning(lcUi).noquote() << "dashboard not exported to" << file << ": it cannot be written";
        return false;
    }
    const QRectF page(QPointF(0, 0), QSizeF(painter.viewport().size()));
    const double header = pt(40);
    const double footer = pt(16);
    const double gap = pt(14);
    const int rows = 2;
    const double cellW = (page.width() - gap * (kColumns - 1)) / kColumns;
    const double cellH = (page.height() - header - footer - gap * (rows - 1)) / rows;
    qint64 from = 0, to = 0;
    QList<charts::ChartPicture> pictures;
    for (const ChartCard *card : std::as_const(m_cards)) {
        pictures.append(card->picture());
        from = from == 0 ? pictures.last().fromMs : std::min(from, pictures.last().fromMs);
        to = std::max(to, pictures.last().toMs);
    }
    const int pages = std::max<int>(1, int((pictures.size() + kColumns * rows - 1) / (kColumns * rows)));
    const QLocale locale;
    const auto when = [&](qint64 ms) { return locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat); };
    const auto drawPageFrame = [&](int pageNumber) {
        painter.setPen(QColor(0x1f, 0x29, 0x37));
        QFont heading = painter.font();
        heading.setPointSizeF(14);
        heading.setBold(true);
        painter.setFont(heading);
        painter.drawText(QRectF(0, 0, page.width(), pt(20)), Qt::AlignLeft | Qt::AlignTop, title);
        QFont small = painter.font();
        small.setPointSizeF(8);
        small.setBold(false);
        painter.setFont(small);
        painter.setPen(QColor(0x5b, 0x67, 0x76));
        const QString range = pictures.isEmpty() ? tr("No chart is pinned.")
                                                 : tr("%1 – %2 · %n chart(s)", nullptr, int(pictures.size()))
                                                       .arg(when(from), when(to));
        painter.drawText(QRectF(0, pt(20), page.width(), pt(12)), Qt::AlignLeft | Qt::AlignTop, range);
        painter.drawText(QRectF(0, page.height() - footer + pt(4), page.width(), pt(12)), Qt::AlignLeft,
                         tr("Exported %1").arg(when(m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch())));
        painter.drawText(QRectF(0, page.height() - footer + pt(4), page.width(), pt(12)), Qt::AlignRight,
                         tr("Page %1 of %2").arg(pageNumber).arg(pages));
    };
    drawPageFrame(1);
    for (qsizetype i = 0; i < pictures.size(); ++i) {
        const int slot = int(i % (kColumns * rows));
        if (i > 0 && slot == 0) {
            writer.newPage();
            drawPageFrame(int(i / (kColumns * rows)) + 1);
        }
        const QRectF cell(slot % kColumns * (cellW + gap), header + slot / kColumns * (cellH + gap), cellW, cellH);
        charts::paintChartPicture(painter, cell, pictures.at(i), pt(1));
    }
    return painter.end();
}

void DashboardPanel::exportPdfDialog()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export dashboard to PDF"), QString(),
                                                      tr("PDF documents (*.pdf)"));
    if (!file.isEmpty())
        exportPdf(file, tr("CPN dashboard"));
}

} // namespace cpn
