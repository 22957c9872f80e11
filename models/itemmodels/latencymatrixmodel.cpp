#include "itemmodels/latencymatrixmodel.h"

#include "state/displaystatus.h"
#include "state/federationstate.h"

#include <QLocale>

namespace cpn {
namespace {

QString key(const QString &a, const QString &b)
{
    return a < b ? a + u'|' + b : b + u'|' + a;
}

} // namespace

LatencyMatrixModel::LatencyMatrixModel(QObject *parent) : QAbstractTableModel(parent) {}

void LatencyMatrixModel::setState(const FederationState *state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    m_breached.clear();
    if (m_state) {
        // A status change also changes the directory: the pairs are made again only when its nodes or links do.
        connect(m_state, &FederationState::directoryChanged, this, [this](bool rowsChanged) {
            if (rowsChanged || m_links != m_state->links())
                rebuild();
            else
                recompute();
        });
        connect(m_state, &FederationState::linkSamplesUpdated, this, &LatencyMatrixModel::recompute);
        connect(m_state, &FederationState::refreshed, this, &LatencyMatrixModel::recompute);
    }
    rebuild();
}

void LatencyMatrixModel::setCompliance(const QHash<QString, double> &shareByPair, const QString &windowName)
{
    m_compliance = shareByPair;
    m_windowName = windowName;
    if (!m_hubs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_hubs.size()) - 1, int(m_hubs.size()) - 1));
}

void LatencyMatrixModel::rebuild()
{
    beginResetModel();
    m_hubs.clear();
    m_pairs.clear();
    m_byKey.clear();
    if (m_state) {
        const QList<Node> nodes = m_state->nodes();
        for (const Node &n : nodes) {
            if (n.role == NodeRole::Hub)
                m_hubs.append(n.id);
        }
        m_hubs.sort();
        m_links = m_state->links();
        m_pairs = latency::targetPairs(nodes, m_links);
    }
    for (int i = 0; i < m_pairs.size(); ++i)
        m_byKey.insert(key(m_pairs[i].a, m_pairs[i].b), i);
    m_now = QList<PairState>(m_pairs.size());
    // Breaches of pairs still there stay announced; the rest are forgotten.
    m_breached.removeIf([this](const QString &k) { return !m_byKey.contains(k); });
    m_above.clear();
    endResetModel();
    recompute();
}

void LatencyMatrixModel::recompute()
{
    if (!m_state || m_pairs.isEmpty())
        return;
    const QList<Link> &links = m_state->links();
    const LinkSamplesByRow &samples = m_state->currentLinkSamples();
    const auto measured = [&](int link) -> std::optional<double> {
        const std::optional<LinkSample> &s = samples.value(link);
        if (!s || s->status == LinkStatus::Down)
            return std::nullopt;
        return s->latencyMs;
    };
    const auto base = [&](int link) -> std::optional<double> { return links.value(link).baseLatencyMs; };
    // The hold counts samples, not recomputations (a refresh between ticks recomputes the same ones).
    const bool newSamples = m_state->newestSampleMs() != m_countedAtMs;
    m_countedAtMs = m_state->newestSampleMs();
    bool changed = false;
    for (int i = 0; i < m_pairs.size(); ++i) {
        const latency::TargetPair &pair = m_pairs[i];
        PairState next;
        next.ms = latency::pathLatencyMs(pair, measured);
        next.baseMs = latency::pathLatencyMs(pair, base).value_or(0);
        const double target = pair.targetMs();
        const bool byDesign = next.baseMs > latency::kHeadroom * target;
        if (!next.ms)
            next.state = CellState::NoData;
        else if (byDesign)
            next.state = CellState::ByDesign;
        else if (*next.ms > target)
            next.state = CellState::Above;
        else
            next.state = *next.ms > kNearShare * target ? CellState::Near : CellState::Within;
        // Announced once when crossed, once when well back under.
        if (!byDesign && next.ms) {
            const QString k = key(pair.a, pair.b);
            if (*next.ms <= target)
                m_above.remove(k);
            if (*next.ms > target && !m_breached.contains(k)) {
                int &above = m_above[k];
                above += newSamples ? 1 : 0;
                if (above >= m_breachHold) {
                    m_above.remove(k);
                    m_breached.insert(k);
                    Q_EMIT breached(pair, *next.ms);
                }
            } else if (*next.ms <= kRecoveredShare * target && m_breached.remove(k)) {
                Q_EMIT recovered(pair, *next.ms);
            }
        }
        PairState &now = m_now[i];
        changed = changed || now.ms != next.ms || now.state != next.state;
        now = next;
    }
    if (changed && !m_hubs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_hubs.size()) - 1, int(m_hubs.size()) - 1));
}

int LatencyMatrixModel::pairIndex(const QString &a, const QString &b) const
{
    return m_byKey.value(key(a, b), -1);
}

int LatencyMatrixModel::pairAt(int row, int column) const
{
    if (row < 0 || column < 0 || row >= m_hubs.size() || column >= m_hubs.size())
        return -1;
    if (row != column)
        return pairIndex(m_hubs[row], m_hubs[column]);
    // The region: the pair furthest over (or nearest to) its target.
    int worst = -1;
    double worstShare = -1;
    for (int i = 0; i < m_pairs.size(); ++i) {
        const latency::TargetPair &p = m_pairs[i];
        if (p.scope == latency::Scope::BetweenHubs || p.a != m_hubs[row])
            continue;
        const double share = m_now[i].ms ? *m_now[i].ms / p.targetMs() : -0.5;
        if (share > worstShare) {
            worstShare = share;
            worst = i;
        }
    }
    return worst;
}

std::optional<double> LatencyMatrixModel::latencyOf(const QString &a, const QString &b) const
{
    const int i = pairIndex(a, b);
    return i < 0 ? std::nullopt : m_now[i].ms;
}

LatencyMatrixModel::CellState LatencyMatrixModel::stateOf(const QString &a, const QString &b) const
{
    const int i = pairIndex(a, b);
    return i < 0 ? CellState::NoData : m_now[i].state;
}

int LatencyMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hubs.size());
}

int LatencyMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hubs.size());
}

QString LatencyMatrixModel::scopeName(latency::Scope scope)
{
    switch (scope) {
    case latency::Scope::BetweenHubs:
        return tr("between hubs");
    case latency::Scope::Region:
        return tr("within a region");
    case latency::Scope::City:
        return tr("within a city");
    }
    return {};
}

QString LatencyMatrixModel::nameOf(const QString &nodeId) const
{
    return m_state ? displayNameOf(*m_state, nodeId) : nodeId;
}

QVariant LatencyMatrixModel::data(const QModelIndex &index, int role) const
{
    const int i = index.isValid() ? pairAt(index.row(), index.column()) : -1;
    if (i < 0)
        return role == CellStateRole ? QVariant(int(CellState::NoData)) : QVariant();
    const latency::TargetPair &pair = m_pairs[i];
    const PairState &now = m_now[i];
    const QLocale locale;
    const auto compliance = m_compliance.constFind(pair.a + u'|' + pair.b);
    switch (role) {
    case CellStateRole:
        return int(now.state);
    case LatencyRole:
        return now.ms ? QVariant(*now.ms) : QVariant();
    case TargetRole:
        return pair.targetMs();
    case PairRole:
        return pair.a + u'|' + pair.b;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::DisplayRole: {
        QString text = now.ms ? tr("%1 ms").arg(locale.toString(*now.ms, 'f', 1)) : tr("no data");
        if (compliance != m_compliance.cend())
            text += u'\n' + tr("%1 %").arg(locale.toString(100 * *compliance, 'f', *compliance < 1 ? 1 : 0));
        return text;
    }
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << tr("%1 – %2").arg(nameOf(pair.a), nameOf(pair.b));
        lines << tr("Target %1 ms %2").arg(locale.toString(pair.targetMs(), 'f', 0), scopeName(pair.scope));
        lines << (now.ms ? tr("Now %1 ms over %n link(s)", nullptr, int(pair.links.size()))
                               .arg(locale.toString(*now.ms, 'f', 2))
                         : tr("No current latency: a link on the path is down or has sent no sample"));
        lines << tr("%1 ms at base latency").arg(locale.toString(now.baseMs, 'f', 1));
        if (now.state == CellState::ByDesign)
            lines << tr("Misses its target by design: the path leaves less than 10 % headroom at base latency");
        if (compliance != m_compliance.cend())
            lines << tr("Met its target %1 % of the last %2").arg(locale.toString(100 * *compliance, 'f', 1), m_windowName);
        else if (!m_windowName.isEmpty())
            lines << tr("No recorded latency in the last %1").arg(m_windowName);
        if (index.row() == index.column())
            lines << tr("The worst of the region's paths");
        return lines.join(u'\n');
    }
    default:
        return {};
    }
}

QVariant LatencyMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section < 0 || section >= m_hubs.size())
        return {};
    // Columns are numbered after the rows' names, so eight hubs fit a dock's width.
    if (role == Qt::DisplayRole)
        return orientation == Qt::Horizontal ? QString::number(section + 1)
                                             : tr("%1  %2").arg(section + 1).arg(nameOf(m_hubs[section]));
    if (role == Qt::ToolTipRole)
        return tr("%1 (%2)").arg(nameOf(m_hubs[section]), m_hubs[section]);
    return {};
}

} // namespace cpn
