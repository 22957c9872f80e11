#pragma once

#include "domain/metrics.h"
#include "domain/node.h"
#include "itemmodels/displaystatus.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace cpn {

class Clock;

// The federation's nodes, one row each, with the newest sample of each node folded in.
// Rows come from the directory; samples only update values. Staleness is derived from the
// injected clock, so the view never shows an old number as if it were live.
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

    explicit NodeTableModel(const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the directory. Samples of nodes that stay are kept. When the ids are the same and in
    // the same order, rows are updated in place (so a periodic directory refresh keeps the selection).
    void setDirectory(const QList<Node> &nodes);
    // Folds samples in; per node only the newest (by ts) is kept. Emits one dataChanged per run of
    // consecutive changed rows, spanning the sample-driven columns.
    void applySamples(const QList<NodeSample> &samples);
    // Recomputes staleness and data age against the clock; the window calls this once a second.
    void refreshStaleness();

    // A node is stale once its newest sample is older than twice this interval.
    void setSampleIntervalMs(int intervalMs);
    int sampleIntervalMs() const { return m_intervalMs; }

    QModelIndex nodeIndex(const QString &nodeId, int column = NameColumn) const;
    const Node &nodeAt(int row) const { return m_rows.at(row).node; }
    std::optional<NodeSample> sampleAt(int row) const { return m_rows.at(row).sample; }
    DisplayStatus statusAt(int row) const { return m_rows.at(row).status; }
    Figures figuresAt(int row) const { return figures(m_rows.at(row)); }
    qint64 dataAgeMsAt(int row) const; // -1 without a sample
    qint64 newestSampleMs() const;     // 0 without any

Q_SIGNALS:
    // A node's displayed status moved, e.g. online -> stale, stale -> online (recovered), online -> offline.
    void nodeStatusChanged(const QString &nodeId, cpn::DisplayStatus oldStatus, cpn::DisplayStatus newStatus);

private:
    struct Row
    {
        Node node;
        std::optional<NodeSample> sample;
        DisplayStatus status = DisplayStatus::Online;
        qint64 sinceMs = 0; // when the directory first listed the node: ages nodes that never reported
    };

    static Figures figures(const Row &row);
    DisplayStatus computeStatus(const Row &row) const;
    QVariant displayData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;
    QString searchText(const Row &row) const;
    void emitRowRuns(QList<int> rows, int firstColumn, int lastColumn);
    void rebuildIndex();

    const Clock &m_clock;
    QList<Row> m_rows;
    QHash<QString, int> m_rowById;
    int m_intervalMs = 1000;
};

} // namespace cpn
