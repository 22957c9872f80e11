#pragma once

#include "domain/metrics.h"
#include "domain/node.h"
#include "state/federationstate.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace cpn {

// The federation's nodes, one row each, as the FederationState it shows holds them: rows are its
// directory, values its newest samples, the status its freshness. The model keeps no copy; it turns
// the state's signals into the item-model ones.
class NodeTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        TierColumn,
        RoleColumn,
        ProvinceColumn,
        CityColumn,
        StatusColumn,
        CpuColumn,
        AcceleratorsColumn,
        AcceleratorsFreeColumn,
        MemoryColumn,
        PowerColumn,
        PriceColumn,
        PueColumn,
        GreenColumn,
        JobsColumn,
        DataAgeColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole, // raw value of the column: numbers sort as numbers
        NodeIdRole,              // QString, any column
        TierRole,                // int(NodeTier), any column
        NodeRoleRole,            // int(NodeRole), any column
        StatusRole,              // int(DisplayStatus), any column
        UtilizationRole,         // double 0..1 on the bar columns (CPU, accelerators, memory, green), else invalid
        DataAgeMsRole,           // qint64 ms since the newest sample, -1 without one; any column
        ProvinceRole,            // ISO 3166-2:CN code, any column
        SearchTextRole,          // lower-case text that free-text search matches, any column
        HasSampleRole,           // bool, any column
        FiguresCurrentRole,      // bool: false on a sample figure (CPU, cards, memory, power, jobs) of a node
                                 // that is late or silent: its last known value, to be shown greyed
    };
    Q_ENUM(Role)

    // Values derived from a node and its newest sample; also used by the overview totals.
    struct Figures
    {
        bool hasSample = false;
        double cpuUtil = 0;
        double memoryUtil = 0;
        double acceleratorUtil = 0; // weighted by the pools' card counts
        int acceleratorsTotal = 0;
        int acceleratorsFree = 0;
        double powerKw = 0;
        int runningJobs = 0;
        int queuedJobs = 0;
        std::optional<double> cheapestAcceleratorHour; // CNY per card-hour
        QString cheapestAcceleratorModel;
    };

    explicit NodeTableModel(const FederationState *state, QObject *parent = nullptr);
    // Shows another state (the live one, or a recording's); resets the rows.
    void setState(const FederationState *state);
    const FederationState &state() const { return *m_state; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int sampleIntervalMs() const { return m_state->intervalMs(); }

    QModelIndex nodeIndex(const QString &nodeId, int column = NameColumn) const;
    const Node &nodeAt(int row) const { return m_state->entryAt(row).node; }
    std::optional<NodeSample> sampleAt(int row) const { return m_state->entryAt(row).sample; }
    DisplayStatus statusAt(int row) const { return m_state->entryAt(row).status; }
    // Worked out on the first read after the row's sample or the directory changed.
    const Figures &figuresAt(int row) const;
    qint64 dataAgeMsAt(int row) const { return m_state->ageMsAt(row); } // -1 without a sample
    qint64 newestSampleMs() const { return m_state->newestSampleMs(); } // 0 without any

private:
    // The node's own figures (cards, cheapest price), then its sample's on top.
    static Figures nodeFigures(const Node &node);
    static void addSample(Figures &figures, const NodeEntry &row);
    QVariant displayData(int row, int column) const;
    QVariant sortData(int row, int column) const;
    QString searchText(const NodeEntry &row) const;
    void emitRowRuns(QList<int> rows, int firstColumn, int lastColumn);
    void onDirectoryAboutToChange(bool rowsChange);
    void onDirectoryChanged(bool rowsChanged);
    void onRefreshed(const QList<int> &rows);

    const FederationState *m_state;
    struct CachedFigures
    {
        Figures figures;
        bool nodePart = false;   // worked out again when the directory changes
        bool samplePart = false; // and when the row's sample does
    };
    mutable QList<CachedFigures> m_figures; // by row
};

} // namespace cpn
