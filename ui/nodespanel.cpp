#include "ui/nodespanel.h"

#include "itemmodels/textschanged.h"

#include "widgets/accessibletext.h"

#include "domain/provinces.h"
#include "itemmodels/nodefilterproxymodel.h"
#include "itemmodels/nodetablemodel.h"
#include "state/displaystatus.h"
#include "widgets/delegates/lastknowndelegate.h"
#include "widgets/frozencolumnview.h"
#include "widgets/delegates/statusdelegate.h"
#include "widgets/delegates/utilizationbardelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include <QAction>
#include <QEvent>

namespace cpn {

namespace {
// Combo data for "needs attention": every status but online.
constexpr int kAttention = -2;
constexpr int kAll = -1;
} // namespace

NodesPanel::NodesPanel(NodeTableModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new NodeFilterProxyModel(this)), m_search(new QLineEdit(this)),
      m_tier(new QComboBox(this)), m_status(new QComboBox(this)), m_province(new QComboBox(this)),
      m_count(new QLabel(this)), m_view(new FrozenColumnView(this))
{
    setObjectName(QStringLiteral("nodesPanel"));
    m_proxy->setSourceModel(m_model);

    m_search->setObjectName(QStringLiteral("nodeSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition)
        ->setObjectName(QStringLiteral("nodeSearchIcon"));

    m_tier->addItem(QString(), kAll);
    for (NodeTier tier : {NodeTier::National, NodeTier::Regional, NodeTier::Industry})
        m_tier->addItem(QString(), int(tier));

    m_status->addItem(QString(), kAll);
    m_status->addItem(QString(), kAttention);
    for (DisplayStatus status : allDisplayStatuses())
        m_status->addItem(QString(), int(status));

    m_province->addItem(QString(), QString());
    m_count->setObjectName(QStringLiteral("countLabel"));

    m_view->setObjectName(QStringLiteral("nodesTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(NodeTableModel::TierColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionsMovable(true);

    m_view->setItemDelegate(new LastKnownDelegate(NodeTableModel::FiguresCurrentRole, m_view));
    auto *bars = new UtilizationBarDelegate(UtilizationBarDelegate::Ramp::Load, m_view);
    for (int column : {NodeTableModel::CpuColumn, NodeTableModel::AcceleratorsColumn, NodeTableModel::MemoryColumn})
        m_view->setItemDelegateForColumn(column, bars);
    m_view->setItemDelegateForColumn(NodeTableModel::GreenColumn,
                                     new UtilizationBarDelegate(UtilizationBarDelegate::Ramp::Green, m_view));
    m_view->setItemDelegateForColumn(NodeTableModel::StatusColumn, new StatusDelegate(m_view));
    resetColumns();

    auto *filters = new QHBoxLayout;
    filters->setSpacing(6);
    filters->addWidget(m_search, 3);
    filters->addWidget(m_tier, 1);
    filters->addWidget(m_status, 1);
    filters->addWidget(m_province, 1);
    filters->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::textChanged, this, &NodesPanel::applyFilters);
    connect(m_tier, &QComboBox::currentIndexChanged, this, &NodesPanel::applyFilters);
    connect(m_status, &QComboBox::currentIndexChanged, this, &NodesPanel::applyFilters);
    connect(m_province, &QComboBox::currentIndexChanged, this, &NodesPanel::applyFilters);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NodesPanel::rebuildProvinces);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &NodesPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &NodesPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &NodesPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &NodesPanel::updateCount);
    rebuildProvinces();
    updateCount();
    retranslate();
}

void NodesPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        announceTextsChanged(m_model);
    }
    QWidget::changeEvent(event);
}

void NodesPanel::retranslate()
{
    setAccessibleText(m_search, tr("Search nodes"), tr("By name, Chinese name, id, city, province or compute id"));
    setAccessibleText(m_tier, tr("Tier"), tr("Show the nodes of one tier"));
    setAccessibleText(m_status, tr("Status"), tr("Show the nodes of one status"));
    setAccessibleText(m_province, tr("Province"), tr("Show the nodes of one province"));
    setAccessibleText(m_view, tr("Nodes"), tr("Every node with its status and figures; the map follows the selection"));
    setAccessibleText(m_view->frozenView(), tr("Node names"), tr("The Nodes table's first column, kept in view"));
    // What assistive technology calls the controls whose text does not say what they are.
    m_search->findChild<QAction *>(QStringLiteral("nodeSearchIcon"))->setText(tr("Search"));
    m_search->setPlaceholderText(tr("Search name, 中文名, id, city, province, compute id  (Ctrl+F)"));
    m_tier->setItemText(0, tr("All tiers"));
    for (int i = 1; i < m_tier->count(); ++i)
        m_tier->setItemText(i, tierName(NodeTier(m_tier->itemData(i).toInt())));
    m_status->setItemText(0, tr("All statuses"));
    m_status->setItemText(1, tr("Needs attention"));
    for (int i = 2; i < m_status->count(); ++i)
        m_status->setItemText(i, displayStatusName(DisplayStatus(m_status->itemData(i).toInt())));
    rebuildProvinces(); // their names in the language's order; the count
}

void NodesPanel::resetColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics fm = fontMetrics();
    // Widths from representative content, so they follow the font rather than fixed pixels.
    const auto width = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 24; };
    // Each column as wide as its widest sample in the language shown, and never narrower than its
    // header (with room for the sort arrow): a translation may be longer than the English.
    const QFontMetrics headerFm(header->font());
    const auto resize = [&](int column, const QStringList &samples, int extra = 0) {
        int widest = headerFm.horizontalAdvance(m_proxy->headerData(column, Qt::Horizontal).toString()) + 40;
        for (const QString &sample : samples)
            widest = std::max(widest, width(sample) + extra);
        header->resizeSection(column, widest);
    };
    QStringList statuses;
    for (DisplayStatus status : allDisplayStatuses())
        statuses << displayStatusName(status);
    QStringList tiers, roles;
    for (NodeTier tier : {NodeTier::National, NodeTier::Regional, NodeTier::Industry})
        tiers << tierName(tier);
    for (NodeRole role : {NodeRole::National, NodeRole::Hub, NodeRole::Cluster, NodeRole::Industry})
        roles << roleName(role);
    resize(NodeTableModel::NameColumn, {QStringLiteral("Beijing-Tianjin-Hebei hub  京津冀枢纽")});
    resize(NodeTableModel::TierColumn, tiers);
    resize(NodeTableModel::RoleColumn, roles);
    resize(NodeTableModel::ProvinceColumn, {QStringLiteral("Inner Mongolia"), provinceDisplayName(QStringLiteral("CN-NM"))});
    resize(NodeTableModel::CityColumn, {QStringLiteral("Zhangjiakou")});
    resize(NodeTableModel::StatusColumn, statuses, 16); // the status dot
    for (int column : {NodeTableModel::CpuColumn, NodeTableModel::AcceleratorsColumn, NodeTableModel::MemoryColumn,
                       NodeTableModel::GreenColumn})
        resize(column, {QStringLiteral("100 %")}, 28);
    resize(NodeTableModel::AcceleratorsFreeColumn, {QStringLiteral("8,888 / 8,888")});
    resize(NodeTableModel::PowerColumn, {QStringLiteral("8,888.8")});
    resize(NodeTableModel::PriceColumn, {QStringLiteral("¥88.88")});
    resize(NodeTableModel::PueColumn, {QStringLiteral("1.88")});
    resize(NodeTableModel::JobsColumn, {QStringLiteral("888 / 88")});
    resize(NodeTableModel::DataAgeColumn, {QStringLiteral("88 min")});
    for (int column = 0; column < NodeTableModel::ColumnCount; ++column) {
        if (header->visualIndex(column) != column)
            header->moveSection(header->visualIndex(column), column);
        header->setSectionHidden(column, false);
    }
    // Role and city repeat what tier and province say for most rows; the header menu can show them.
    header->setSectionHidden(NodeTableModel::RoleColumn, true);
    header->setSectionHidden(NodeTableModel::CityColumn, true);
}

void NodesPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QByteArray NodesPanel::saveHeaderState() const
{
    return m_view->horizontalHeader()->saveState();
}

void NodesPanel::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_view->horizontalHeader()->restoreState(state);
}

void NodesPanel::applyFilters()
{
    m_proxy->setSearchText(m_search->text());
    const int tier = m_tier->currentData().toInt();
    m_proxy->setTierFilter(tier == kAll ? std::nullopt : std::optional<NodeTier>(NodeTier(tier)));
    const int status = m_status->currentData().toInt();
    QList<DisplayStatus> statuses;
    if (status == kAttention) {
        statuses = allDisplayStatuses();
        statuses.removeAll(DisplayStatus::Online);
    } else if (status != kAll) {
        statuses = {DisplayStatus(status)};
    }
    m_proxy->setStatusFilter(statuses);
    m_proxy->setProvinceFilter(m_province->currentData().toString());
    updateCount();
}

void NodesPanel::rebuildProvinces()
{
    const QString current = m_province->currentData().toString();
    QSet<QString> present;
    for (int row = 0; row < m_model->rowCount(); ++row)
        present.insert(m_model->nodeAt(row).province);
    const QSignalBlocker blocker(m_province);
    m_province->clear();
    m_province->addItem(tr("All provinces"), QString());
    for (const Province &p : provinces()) {
        const QString iso = QString::fromLatin1(p.isoCode);
        if (present.contains(iso))
            m_province->addItem(bilingual(QString::fromUtf8(p.nameEn), QString::fromUtf8(p.nameZh)), iso);
    }
    m_province->setCurrentIndex(std::max(0, m_province->findData(current)));
    updateCount();
}

void NodesPanel::updateCount()
{
    m_count->setText(tr("%1 of %2 nodes").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

} // namespace cpn
