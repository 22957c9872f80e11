#include "ui/dashboardpanel.h"

#include "charts/chartdatahub.h"
#include "widgets/charts/chartcard.h"

#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QPdfWriter>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

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
    auto *pdf = new QToolButton(this);
    pdf->setText(tr("Export PDF…"));
    pdf->setToolTip(tr("Save every pinned chart to a PDF for the shift report"));
    connect(pdf, &QToolButton::clicked, this, &DashboardPanel::exportPdfDialog);
    auto *clear = new QToolButton(this);
    clear->setText(tr("Unpin all"));
    connect(clear, &QToolButton::clicked, this, &DashboardPanel::unpinAll);
    toolBar->addStretch(1);
    toolBar->addWidget(pdf);
    toolBar->addWidget(clear);

    m_empty = new QLabel(
        tr("Pin charts from the map's or the node table's context menu, or drag nodes here from the table."),
        this);
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
    QPdfWriter writer(file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setTitle(title);
    writer.setCreator(tr("CPN Control Center"));
    writer.setResolution(150);
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    const QRect page = painter.viewport();
    const int header = 60;
    const int rows = 2;
    const int cellW = page.width() / kColumns;
    const int cellH = (page.height() - header) / rows;
    int slot = 0;
    auto drawHeader = [&] {
        QFont f = painter.font();
        f.setPointSize(12);
        painter.setFont(f);
        painter.drawText(
            QRect(0, 0, page.width(), header), Qt::AlignLeft | Qt::AlignVCenter,
            tr("%1 — %2").arg(title, QLocale().toString(QDateTime::currentDateTime(), QLocale::LongFormat)));
    };
    drawHeader();
    for (ChartCard *card : std::as_const(m_cards)) {
        if (slot == kColumns * rows) {
            writer.newPage();
            drawHeader();
            slot = 0;
        }
        const QPixmap image = card->grab();
        const QRect cell(slot % kColumns * cellW, header + slot / kColumns * cellH, cellW, cellH);
        const QSize size = image.size().scaled(cell.size() - QSize(12, 12), Qt::KeepAspectRatio);
        painter.drawPixmap(QRect(cell.topLeft() + QPoint(6, 6), size), image);
        ++slot;
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
