#include "ui/overviewpanel.h"

#include "widgets/accessibletext.h"

#include "itemmodels/nodefilterproxymodel.h"
#include "itemmodels/nodetablemodel.h"
#include "widgets/delegates/statusdelegate.h"
#include "widgets/keyfiguretile.h"
#include "widgets/map/mapstyle.h"

#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

namespace cpn {

namespace {

QLabel *makeLabel(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

OverviewPanel::OverviewPanel(NodeTableModel *nodes, QWidget *parent)
    : QWidget(parent), m_subtitle(makeLabel(QStringLiteral("panelSubtitle"), {}, this)),
      m_title(makeLabel(QStringLiteral("panelTitle"), {}, this)),
      m_tierTitle(makeLabel(QStringLiteral("sectionTitle"), {}, this)),
      m_attentionTitle(makeLabel(QStringLiteral("sectionTitle"), {}, this)),
      m_attentionProxy(new NodeFilterProxyModel(this)), m_attention(new QTableView(this)),
      m_attentionEmpty(makeLabel(QStringLiteral("panelSubtitle"), {}, this))
{
    setObjectName(QStringLiteral("overviewPanel"));
    setAttribute(Qt::WA_StyledBackground, true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);

    auto *tiles = new QGridLayout;
    tiles->setSpacing(10);
    for (int i = 0; i < TileCount; ++i) {
        m_tiles[i] = new KeyFigureTile(QString(), this);
        tiles->addWidget(m_tiles[i], i / 2, i % 2);
    }
    for (int c = 0; c < 2; ++c)
        tiles->setColumnStretch(c, 1);
    layout->addLayout(tiles);

    layout->addWidget(m_tierTitle);
    auto *tierFrame = new QFrame(this);
    tierFrame->setObjectName(QStringLiteral("tierTable"));
    auto *grid = new QGridLayout(tierFrame);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(0);
    for (int c = 0; c < int(m_tierHeaders.size()); ++c) {
        QLabel *h = m_tierHeaders[c] = makeLabel(QStringLiteral("tierHeader"), {}, tierFrame);
        h->setAlignment(c == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(h, 0, c);
    }
    for (NodeTier tier : {NodeTier::National, NodeTier::Regional, NodeTier::Industry}) {
        const int row = int(tier) + 1;
        m_tierNames[int(tier)] = makeLabel(QStringLiteral("tierName"), {}, tierFrame);
        grid->addWidget(m_tierNames[int(tier)], row, 0);
        for (int c = 0; c < 5; ++c) {
            QLabel *cell = makeLabel(QStringLiteral("tierCell"), QStringLiteral("\u2014"), tierFrame);
            cell->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_tierCells[int(tier)][c] = cell;
            grid->addWidget(cell, row, c + 1);
        }
    }
    grid->setColumnStretch(0, 2);
    for (int c = 1; c < int(m_tierHeaders.size()); ++c)
        grid->setColumnStretch(c, 2);
    layout->addWidget(tierFrame);

    layout->addWidget(m_attentionTitle);
    m_attentionProxy->setSourceModel(nodes);
    QList<DisplayStatus> attention = allDisplayStatuses();
    attention.removeAll(DisplayStatus::Online);
    m_attentionProxy->setStatusFilter(attention);
    m_attentionProxy->sort(NodeTableModel::StatusColumn, Qt::DescendingOrder);
    m_attention->setObjectName(QStringLiteral("attentionView"));
    m_attention->setModel(m_attentionProxy);
    m_attention->setItemDelegateForColumn(NodeTableModel::StatusColumn, new StatusDelegate(m_attention));
    m_attention->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_attention->setShowGrid(false);
    m_attention->setAlternatingRowColors(true);
    m_attention->verticalHeader()->hide();
    m_attention->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = m_attention->horizontalHeader();
    header->setHighlightSections(false);
    for (int c = 0; c < NodeTableModel::ColumnCount; ++c) {
        const bool shown = c == NodeTableModel::NameColumn || c == NodeTableModel::TierColumn
                           || c == NodeTableModel::ProvinceColumn || c == NodeTableModel::StatusColumn
                           || c == NodeTableModel::DataAgeColumn;
        header->setSectionHidden(c, !shown);
    }
    header->setSectionResizeMode(NodeTableModel::NameColumn, QHeaderView::Stretch);
    header->resizeSection(NodeTableModel::StatusColumn, fontMetrics().horizontalAdvance(QStringLiteral("Maintenance")) + 44);
    layout->addWidget(m_attention, 1);
    layout->addWidget(m_attentionEmpty);

    const auto updateEmpty = [this] {
        const bool empty = m_attentionProxy->rowCount() == 0;
        m_attention->setVisible(!empty);
        m_attentionEmpty->setVisible(empty);
    };
    connect(m_attentionProxy, &QAbstractItemModel::rowsInserted, this, updateEmpty);
    connect(m_attentionProxy, &QAbstractItemModel::rowsRemoved, this, updateEmpty);
    connect(m_attentionProxy, &QAbstractItemModel::modelReset, this, updateEmpty);
    connect(m_attentionProxy, &QAbstractItemModel::layoutChanged, this, updateEmpty);
    updateEmpty();
    retranslate();
}

void OverviewPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void OverviewPanel::retranslate()
{
    m_title->setText(tr("Federation overview"));
    const QStringList captions{tr("Nodes online"),     tr("Accelerators in use"), tr("CPU utilization"),
                               tr("Links congested"), tr("Power draw"),          tr("Newest data")};
    for (int i = 0; i < TileCount; ++i)
        m_tiles[i]->setCaption(captions.at(i));
    m_tierTitle->setText(tr("BY TIER"));
    const QStringList headers{tr("Tier"), tr("Nodes online"), tr("Accelerators in use"), tr("CPU"),
                              tr("Power"), tr("Jobs running / queued")};
    for (int c = 0; c < int(m_tierHeaders.size()); ++c)
        m_tierHeaders[c]->setText(headers.at(c));
    for (NodeTier tier : {NodeTier::National, NodeTier::Regional, NodeTier::Industry})
        m_tierNames[int(tier)]->setText(tierName(tier));
    m_attentionTitle->setText(tr("NEEDS ATTENTION"));
    setAccessibleText(m_attention, tr("Nodes that need attention"));
    m_attentionEmpty->setText(tr("Every node is online and reporting."));
    if (m_shown)
        showFigures(Shown(*m_shown)); // the figures' own words (a copy: showFigures keeps what it shows)
}

void OverviewPanel::showSummary(const FederationSummary &summary, qint64 nowMs, int intervalMs)
{
    Shown shown{summary, nowMs, intervalMs};
    if (!m_onScreen) {
        m_waiting = std::move(shown);
        return;
    }
    m_waiting.reset();
    showFigures(shown);
}

void OverviewPanel::setOnScreen(bool onScreen)
{
    m_onScreen = onScreen;
    if (m_onScreen && m_waiting)
        showFigures(*std::exchange(m_waiting, std::nullopt));
}

void OverviewPanel::showFigures(const Shown &shown)
{
    m_shown = shown;
    const FederationSummary &s = shown.summary;
    const qint64 nowMs = shown.nowMs;
    const int intervalMs = shown.intervalMs;
    const QLocale locale;
    const auto &all = s.all;

    m_subtitle->setText(tr("%1 nodes: %2 national, %3 regional, %4 industry \u00b7 %5 links")
                            .arg(all.nodes)
                            .arg(s.byTier[int(NodeTier::National)].nodes)
                            .arg(s.byTier[int(NodeTier::Regional)].nodes)
                            .arg(s.byTier[int(NodeTier::Industry)].nodes)
                            .arg(s.links));

    KeyFigureTile *nodes = m_tiles[NodesTile];
    nodes->setValue(tr("%1 / %2").arg(all.online).arg(all.nodes));
    nodes->setDetail(tr("%1 degraded \u00b7 %2 stale \u00b7 %3 offline or maintenance")
                         .arg(all.degraded)
                         .arg(all.stale)
                         .arg(all.offline));
    nodes->setLevel(all.nodes == 0                      ? KeyFigureTile::Level::Normal
                    : all.offline > 0                   ? KeyFigureTile::Level::Critical
                    : all.stale > 0 || all.degraded > 0 ? KeyFigureTile::Level::Warning
                                                        : KeyFigureTile::Level::Good);

    KeyFigureTile *accel = m_tiles[AcceleratorsTile];
    accel->setValue(tr("%1 / %2").arg(locale.toString(all.acceleratorsInUse), locale.toString(all.acceleratorsTotal)));
    accel->setDetail(all.acceleratorsTotal > 0
                         ? tr("%1 busy \u00b7 %2 cards free")
                               .arg(map::style::percentText(double(all.acceleratorsInUse) / all.acceleratorsTotal),
                                    locale.toString(all.acceleratorsTotal - all.acceleratorsInUse))
                         : QString());

    KeyFigureTile *cpu = m_tiles[CpuTile];
    cpu->setValue(all.reporting > 0 ? map::style::percentText(all.cpuUtil) : QStringLiteral("\u2014"));
    cpu->setDetail(tr("mean weighted by cores, %1 of %2 nodes reporting").arg(all.reporting).arg(all.nodes));
    cpu->setLevel(all.cpuUtil >= 0.9 ? KeyFigureTile::Level::Critical
                  : all.cpuUtil >= 0.8 ? KeyFigureTile::Level::Warning
                                       : KeyFigureTile::Level::Normal);

    KeyFigureTile *links = m_tiles[LinksTile];
    links->setValue(tr("%1 / %2").arg(s.linksCongested).arg(s.links));
    links->setDetail(tr("%1 down \u00b7 %2 up \u00b7 %3 not reporting")
                         .arg(s.linksDown)
                         .arg(s.linksUp)
                         .arg(s.linksUnreported));
    links->setLevel(s.linksDown > 0        ? KeyFigureTile::Level::Critical
                    : s.linksCongested > 0 ? KeyFigureTile::Level::Warning
                                           : KeyFigureTile::Level::Normal);

    KeyFigureTile *power = m_tiles[PowerTile];
    power->setValue(tr("%1 MW").arg(locale.toString(all.powerKw / 1000.0, 'f', 1)));
    power->setDetail(tr("%1 jobs running \u00b7 %2 queued")
                         .arg(locale.toString(all.runningJobs), locale.toString(all.queuedJobs)));

    KeyFigureTile *newest = m_tiles[NewestDataTile];
    if (s.newestSampleMs > 0) {
        const qint64 ageMs = std::max<qint64>(0, nowMs - s.newestSampleMs);
        newest->setValue(QDateTime::fromMSecsSinceEpoch(s.newestSampleMs).toString(QStringLiteral("HH:mm:ss")));
        const QString every = locale.toString(intervalMs / 1000.0, 'g', 3);
        // A replay's clock is pinned to the moment shown: an age against it would read as live.
        newest->setDetail(s.recorded ? tr("recorded, not live \u00b7 sampled every %1 s").arg(every)
                                     : tr("%1 s ago \u00b7 sampled every %2 s").arg(ageMs / 1000).arg(every));
        newest->setLevel(ageMs > 2 * qint64(intervalMs) ? KeyFigureTile::Level::Warning
                                                        : KeyFigureTile::Level::Normal);
    } else {
        newest->setValue(QStringLiteral("\u2014"));
        newest->setDetail(tr("no data received yet"));
        newest->setLevel(KeyFigureTile::Level::Warning);
    }

    for (NodeTier tier : {NodeTier::National, NodeTier::Regional, NodeTier::Industry}) {
        const auto &t = s.byTier[int(tier)];
        auto &cells = m_tierCells[int(tier)];
        cells[0]->setText(tr("%1 / %2").arg(t.online).arg(t.nodes));
        cells[1]->setText(tr("%1 / %2").arg(locale.toString(t.acceleratorsInUse), locale.toString(t.acceleratorsTotal)));
        cells[2]->setText(t.reporting > 0 ? map::style::percentText(t.cpuUtil) : QStringLiteral("\u2014"));
        cells[3]->setText(tr("%1 MW").arg(locale.toString(t.powerKw / 1000.0, 'f', 1)));
        cells[4]->setText(tr("%1 / %2").arg(locale.toString(t.runningJobs), locale.toString(t.queuedJobs)));
    }
}

QString OverviewPanel::tierCellText(NodeTier tier, int column) const
{
    return m_tierCells.at(int(tier)).at(column)->text();
}

} // namespace cpn
