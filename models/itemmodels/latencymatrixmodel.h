#pragma once

#include "domain/latencytargets.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QPointer>

#include <optional>

namespace cpn {

class FederationState;

// The hub-by-hub matrix of the latency targets over the state shown: a cell off the diagonal is the
// path between two hubs (20 ms); a diagonal cell is the hub's region, the worst of its nodes' paths
// against their targets (5 ms, 1 ms in the hub's city). Latencies are the sums of the links' current
// samples along the shortest paths by base latency (domain/latencytargets.h); compliance over a
// window comes from outside (charts::LatencyCompliance). A pair that crosses its target is announced
// once it has stayed above for breachHold() samples in a row (breached), and once when it is back under
// 95 % of it (recovered), so a path at its limit does not flood the events; a pair that misses its
// target by design (no headroom at base latency) is shown so and never announced.
class LatencyMatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class CellState { Within, Near, Above, ByDesign, NoData };
    static constexpr int CellStateRole = Qt::UserRole + 1; // CellState as an int
    static constexpr int LatencyRole = Qt::UserRole + 2;   // ms, invalid without data
    static constexpr int TargetRole = Qt::UserRole + 3;    // ms
    static constexpr int PairRole = Qt::UserRole + 4;      // "a|b" of the pair the cell shows
    static constexpr double kNearShare = 0.8;              // within, but above this share of the target
    static constexpr double kRecoveredShare = 0.95;        // a breach ends below this share
    static constexpr int kDefaultBreachHold = 5;           // samples above the target before it is told

    explicit LatencyMatrixModel(QObject *parent = nullptr);

    void setState(const FederationState *state);
    // Share of a window each pair met its target, by "a|b" (LatencyCompliance::pairKey).
    void setBreachHold(int samples) { m_breachHold = std::max(1, samples); }
    int breachHold() const { return m_breachHold; }
    void setCompliance(const QHash<QString, double> &shareByPair, const QString &windowName);

    const QList<latency::TargetPair> &pairs() const { return m_pairs; }
    const QStringList &hubs() const { return m_hubs; }
    std::optional<double> latencyOf(const QString &a, const QString &b) const;
    CellState stateOf(const QString &a, const QString &b) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString scopeName(latency::Scope scope);

Q_SIGNALS:
    void breached(const cpn::latency::TargetPair &pair, double ms);
    void recovered(const cpn::latency::TargetPair &pair, double ms);

private:
    struct PairState
    {
        std::optional<double> ms;
        double baseMs = 0;
        CellState state = CellState::NoData;
    };
    void rebuild();
    void recompute();
    int pairIndex(const QString &a, const QString &b) const;
    // The pair a cell shows: two hubs, or the worst of a hub's region.
    int pairAt(int row, int column) const;
    QString nameOf(const QString &nodeId) const;

    QPointer<const FederationState> m_state;
    QStringList m_hubs; // by id
    QList<latency::TargetPair> m_pairs;
    QList<PairState> m_now;        // by pair
    QList<Link> m_links;           // the pairs' paths index these
    QSet<QString> m_breached;      // "a|b" of the pairs announced above their target
    QHash<QString, int> m_above;   // "a|b" -> samples in a row above the target, not yet announced
    int m_breachHold = kDefaultBreachHold;
    qint64 m_countedAtMs = -1; // the newest sample time the hold last counted
    QHash<QString, int> m_byKey;   // "a|b" -> pair
    QHash<QString, double> m_compliance;
    QString m_windowName;
};

} // namespace cpn
