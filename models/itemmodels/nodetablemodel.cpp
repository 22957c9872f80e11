#include "itemmodels/nodetablemodel.h"

#include "domain/clock.h"
#include "domain/nodenames.h"
#include "domain/provinces.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {

// The columns a sample can change; one dataChanged spans them (price, PUE and green share ride along:
// a wider range is cheaper for views than several signals).
constexpr int kFirstSampleColumn = NodeTableModel::StatusColumn;
constexpr int kLastSampleColumn = NodeTableModel::DataAgeColumn;

QString percent(double fraction)
{
    return QStringLiteral("%1 %").arg(std::lround(fraction * 100));
}


} // namespace

NodeTableModel::NodeTableModel(const FederationState *state, QObject *parent)
    : QAbstractTableModel(parent), m_state(nullptr)
{
    setState(state);
}

void NodeTableModel::setState(const FederationState *state)
{
    Q_ASSERT(state);
    if (state == m_state)
        return;
    beginResetModel();
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    m_figures = QList<CachedFigures>(state->nodeCount());
    connect(state, &FederationState::directoryAboutToChange, this, &NodeTableModel::onDirectoryAboutToChange);
    connect(state, &FederationState::directoryChanged, this, &NodeTableModel::onDirectoryChanged);
    connect(state, &FederationState::nodesUpdated, this, [this](const QList<int> &rows) {
        for (const int row : rows) {
            if (row < m_figures.size())
                m_figures[row].samplePart = false;
        }
        emitRowRuns(rows, kFirstSampleColumn, kLastSampleColumn);
    });
    connect(state, &FederationState::refreshed, this, &NodeTableModel::onRefreshed);
    endResetModel();
}

void NodeTableModel::onDirectoryAboutToChange(bool rowsChange)
{
    if (rowsChange)
        beginResetModel();
}

void NodeTableModel::onDirectoryChanged(bool rowsChanged)
{
    m_figures = QList<CachedFigures>(m_state->nodeCount());
    // The same ids in the same order: rows are updated in place, so a periodic refresh keeps the selection.
    if (rowsChanged)
        endResetModel();
    else if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void NodeTableModel::onRefreshed(const QList<int> &rows)
{
    if (rowCount() == 0)
        return;
    emitRowRuns(rows, StatusColumn, StatusColumn);
    // Every age moves with the clock: one signal for the whole column.
    Q_EMIT dataChanged(index(0, DataAgeColumn), index(rowCount() - 1, DataAgeColumn));
}

int NodeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_state->nodeCount());
}

int NodeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const NodeTableModel::Figures &NodeTableModel::figuresAt(int row) const
{
    if (m_figures.size() != m_state->nodeCount()) // read before this model heard of a new directory
        m_figures = QList<CachedFigures>(m_state->nodeCount());
    CachedFigures &cached = m_figures[row];
    if (!cached.nodePart) {
        cached.figures = nodeFigures(m_state->entryAt(row).node);
        cached.nodePart = true;
        cached.samplePart = false;
    }
    if (!cached.samplePart) {
        addSample(cached.figures, m_state->entryAt(row));
        cached.samplePart = true;
    }
    return cached.figures;
}

NodeTableModel::Figures NodeTableModel::nodeFigures(const Node &node)
{
    Figures f;
    f.acceleratorsTotal = node.capacity.acceleratorCount();
    for (const auto &pool : node.capacity.accelerators) {
        const auto price = node.prices.acceleratorHour.constFind(pool.model);
        if (price != node.prices.acceleratorHour.constEnd() && pool.count > 0
            && (!f.cheapestAcceleratorHour || *price < *f.cheapestAcceleratorHour)) {
            f.cheapestAcceleratorHour = *price;
            f.cheapestAcceleratorModel = pool.model;
        }
    }
    return f;
}

void NodeTableModel::addSample(Figures &f, const NodeEntry &row)
{
    f.hasSample = row.sample.has_value();
    f.acceleratorsFree = f.acceleratorsTotal;
    if (!row.sample) {
        f.cpuUtil = f.memoryUtil = f.acceleratorUtil = f.powerKw = 0;
        f.runningJobs = f.queuedJobs = 0;
        return;
    }
    const NodeSample &s = *row.sample;
    f.cpuUtil = s.cpuUtil;
    f.memoryUtil = s.memoryUtil;
    f.powerKw = s.powerKw;
    f.runningJobs = s.runningJobs;
    f.queuedJobs = s.queuedJobs;
    f.acceleratorUtil = 0;
    if (f.acceleratorsTotal > 0) {
        f.acceleratorUtil = row.busyAccelerators / f.acceleratorsTotal;
        f.acceleratorsFree = std::max(0, f.acceleratorsTotal - int(std::lround(row.busyAccelerators)));
    }
}

QString NodeTableModel::searchText(const NodeEntry &row) const
{
    const Node &n = row.node;
    return QStringList{n.name, n.nameZh, n.id, n.city, n.cityZh, provinceDisplayName(n.province), provinceAlternateName(n.province),
                       n.province, n.computeId}
        .join(QLatin1Char('\n'))
        .toLower();
}

QVariant NodeTableModel::displayData(int rowIndex, int column) const
{
    const NodeEntry &row = m_state->entryAt(rowIndex);
    const Node &n = row.node;
    const Figures &f = figuresAt(rowIndex);
    const QLocale locale;
    const QString none = QStringLiteral("\u2014");
    switch (column) {
    case NameColumn:
        return bilingual(n.name, n.nameZh);
    case TierColumn:
        return tierName(n.tier);
    case RoleColumn:
        return roleName(n.role);
    case ProvinceColumn:
        return provinceDisplayName(n.province);
    case CityColumn:
        return localizedCity(n);
    case StatusColumn:
        // A suspended node still reports; that it takes no work is part of its status.
        return n.suspended ? tr("%1, suspended").arg(displayStatusName(row.status)) : displayStatusName(row.status);
    case CpuColumn:
        return f.hasSample ? percent(f.cpuUtil) : none;
    case AcceleratorsColumn:
        return f.hasSample && f.acceleratorsTotal > 0 ? percent(f.acceleratorUtil) : none;
    case AcceleratorsFreeColumn:
        if (f.acceleratorsTotal == 0)
            return none;
        return tr("%1 / %2").arg(locale.toString(f.acceleratorsFree), locale.toString(f.acceleratorsTotal));
    case MemoryColumn:
        return f.hasSample ? percent(f.memoryUtil) : none;
    case PowerColumn:
        return f.hasSample ? locale.toString(f.powerKw, 'f', 0) : none;
    case PriceColumn:
        return f.cheapestAcceleratorHour ? tr("\u00a5%1").arg(locale.toString(*f.cheapestAcceleratorHour, 'f', 2))
                                         : none;
    case PueColumn:
        return locale.toString(n.pue, 'f', 2);
    case GreenColumn:
        return percent(n.greenShare);
    case JobsColumn:
        return f.hasSample ? tr("%1 / %2").arg(f.runningJobs).arg(f.queuedJobs) : none;
    case DataAgeColumn: {
        if (!row.sample)
            return none;
        const qint64 ageS = std::max<qint64>(0, m_state->clock().nowMs() - row.sample->tsMs) / 1000;
        if (ageS < 120)
            return tr("%1 s").arg(ageS);
        if (ageS < 2 * 3600)
            return tr("%1 min").arg(ageS / 60);
        return tr("%1 h").arg(ageS / 3600);
    }
    }
    return {};
}

QVariant NodeTableModel::sortData(int rowIndex, int column) const
{
    const NodeEntry &row = m_state->entryAt(rowIndex);
    const Node &n = row.node;
    const Figures &f = figuresAt(rowIndex);
    // Columns without data sort below every real value.
    constexpr double missing = -1;
    switch (column) {
    case NameColumn:
        return n.name;
    case TierColumn:
        return int(n.tier);
    case RoleColumn:
        return int(n.role);
    case ProvinceColumn:
        return provinceDisplayName(n.province);
    case CityColumn:
        return localizedCity(n);
    case StatusColumn:
        return int(row.status);
    case CpuColumn:
        return f.hasSample ? f.cpuUtil : missing;
    case AcceleratorsColumn:
        return f.hasSample && f.acceleratorsTotal > 0 ? f.acceleratorUtil : missing;
    case AcceleratorsFreeColumn:
        return f.acceleratorsTotal > 0 ? f.acceleratorsFree : int(missing);
    case MemoryColumn:
        return f.hasSample ? f.memoryUtil : missing;
    case PowerColumn:
        return f.hasSample ? f.powerKw : missing;
    case PriceColumn:
        // Nodes without accelerators go last when sorting by "cheapest first".
        return f.cheapestAcceleratorHour ? *f.cheapestAcceleratorHour : 1e12;
    case PueColumn:
        return n.pue;
    case GreenColumn:
        return n.greenShare;
    case JobsColumn:
        return f.hasSample ? f.runningJobs + f.queuedJobs : int(missing);
    case DataAgeColumn:
        return row.sample ? std::max<qint64>(0, m_state->clock().nowMs() - row.sample->tsMs)
                          : std::numeric_limits<qint64>::max();
    }
    return {};
}

QVariant NodeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NodeEntry &row = m_state->entryAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(index.row(), column);
    case Qt::ToolTipRole:
        switch (column) {
        case NameColumn:
            return tr("%1\nid %2\n%3").arg(row.node.computeId, row.node.id, row.node.baseUrl.toDisplayString());
        case ProvinceColumn:
            return provinceAlternateName(row.node.province);
        case PriceColumn: {
            const Figures &f = figuresAt(index.row());
            if (!f.cheapestAcceleratorHour)
                return {};
            return tr("Cheapest accelerator: %1 at \u00a5%2 per card-hour")
                .arg(acceleratorDisplayName(f.cheapestAcceleratorModel))
                .arg(*f.cheapestAcceleratorHour, 0, 'f', 2);
        }
        case AcceleratorsColumn: {
            QStringList lines;
            for (const auto &pool : row.node.capacity.accelerators) {
                const double util = row.sample ? row.sample->acceleratorUtil.value(pool.model, 0.0) : 0.0;
                lines << tr("%1 \u00d7 %2: %3 %").arg(acceleratorDisplayName(pool.model)).arg(pool.count)
                             .arg(std::lround(util * 100));
            }
            return lines.join(QLatin1Char('\n'));
        }
        case JobsColumn:
            return tr("running / queued");
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column >= CpuColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case SortRole:
        return sortData(index.row(), column);
    case NodeIdRole:
        return row.node.id;
    case TierRole:
        return int(row.node.tier);
    case NodeRoleRole:
        return int(row.node.role);
    case StatusRole:
        return int(row.status);
    case UtilizationRole: {
        const Figures &f = figuresAt(index.row());
        switch (column) {
        case CpuColumn:
            return f.hasSample ? QVariant(f.cpuUtil) : QVariant();
        case AcceleratorsColumn:
            return f.hasSample && f.acceleratorsTotal > 0 ? QVariant(f.acceleratorUtil) : QVariant();
        case MemoryColumn:
            return f.hasSample ? QVariant(f.memoryUtil) : QVariant();
        case GreenColumn:
            return row.node.greenShare;
        }
        return {};
    }
    case DataAgeMsRole:
        return row.sample ? std::max<qint64>(0, m_state->clock().nowMs() - row.sample->tsMs) : qint64(-1);
    case ProvinceRole:
        return row.node.province;
    case SearchTextRole:
        return searchText(row);
    case HasSampleRole:
        return row.sample.has_value();
    case FiguresCurrentRole:
        switch (column) {
        case CpuColumn:
        case AcceleratorsColumn:
        case AcceleratorsFreeColumn:
        case MemoryColumn:
        case PowerColumn:
        case JobsColumn:
            return !row.sample || m_state->freshnessAt(index.row()) == Freshness::Fresh;
        }
        return true;
    }
    return {};
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Node");
        case TierColumn:
            return tr("Tier");
        case RoleColumn:
            return tr("Role");
        case ProvinceColumn:
            return tr("Province");
        case CityColumn:
            return tr("City");
        case StatusColumn:
            return tr("Status");
        case CpuColumn:
            return tr("CPU");
        case AcceleratorsColumn:
            return tr("Accel.");
        case AcceleratorsFreeColumn:
            return tr("Accel. free");
        case MemoryColumn:
            return tr("Memory");
        case PowerColumn:
            return tr("Power kW");
        case PriceColumn:
            return tr("Price /h");
        case PueColumn:
            return tr("PUE");
        case GreenColumn:
            return tr("Green");
        case JobsColumn:
            return tr("Jobs");
        case DataAgeColumn:
            return tr("Data age");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AcceleratorsColumn:
            return tr("Accelerator utilization, weighted by the card count of each model");
        case AcceleratorsFreeColumn:
            return tr("Accelerator cards free / installed");
        case PriceColumn:
            return tr("Cheapest accelerator, CNY per card-hour");
        case GreenColumn:
            return tr("Share of power from renewables");
        case JobsColumn:
            return tr("Jobs running / queued");
        case DataAgeColumn:
            return tr("Age of the newest sample");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

QModelIndex NodeTableModel::nodeIndex(const QString &nodeId, int column) const
{
    const int row = m_state->rowOf(nodeId);
    return row < 0 ? QModelIndex() : index(row, column);
}

void NodeTableModel::emitRowRuns(QList<int> rows, int firstColumn, int lastColumn)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    int runStart = rows.first();
    int previous = runStart;
    for (int i = 1; i <= rows.size(); ++i) {
        if (i < rows.size() && rows.at(i) == previous + 1) {
            previous = rows.at(i);
            continue;
        }
        Q_EMIT dataChanged(index(runStart, firstColumn), index(previous, lastColumn));
        if (i < rows.size())
            runStart = previous = rows.at(i);
    }
}

} // namespace cpn
