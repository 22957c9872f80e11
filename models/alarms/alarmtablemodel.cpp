#include "alarms/alarmtablemodel.h"

#include "alarms/alarmstore.h"
#include "domain/clock.h"

#include <QDateTime>

#include <algorithm>

namespace cpn::alarms {

AlarmTableModel::AlarmTableModel(const AlarmStore *store, const Clock &clock, SourceNamer namer,
                                 QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_clock(clock), m_namer(std::move(namer))
{
    follow(store);
}

void AlarmTableModel::setStore(const AlarmStore *store)
{
    if (store == m_store)
        return;
    beginResetModel();
    disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    follow(store);
    endResetModel();
}

void AlarmTableModel::follow(const AlarmStore *store)
{
    connect(store, &AlarmStore::aboutToAppend, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(store, &AlarmStore::appended, this, [this] { endInsertRows(); });
    connect(store, &AlarmStore::aboutToReset, this, [this] { beginResetModel(); });
    connect(store, &AlarmStore::reset, this, [this] { endResetModel(); });
    // One dataChanged per run of rows: a storm changes thousands at once.
    connect(store, &AlarmStore::rowsChanged, this, [this](QList<int> rows) {
        std::sort(rows.begin(), rows.end());
        for (qsizetype i = 0; i < rows.size();) {
            qsizetype j = i;
            while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
                ++j;
            Q_EMIT dataChanged(index(rows.at(i), 0), index(rows.at(j), ColumnCount - 1));
            i = j + 1;
        }
    });
}

int AlarmTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_store->size();
}

int AlarmTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlarmTableModel::sourceName(const AlarmSource &source) const
{
    const QString name = m_namer ? m_namer(source) : QString();
    return name.isEmpty() ? source.id : name;
}

void AlarmTableModel::refreshAges()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, AgeColumn), index(rowCount() - 1, AgeColumn));
}

void AlarmTableModel::refreshNames()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QVariant AlarmTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_store->size())
        return {};
    const StoredAlarm &stored = m_store->at(index.row());
    const Alarm &a = stored.alarm;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(stored, index.column());
    case Qt::ToolTipRole: {
        QStringList tip;
        if (const std::optional<qint64> since = m_store->unconfirmedSince(stored.origin))
            tip << unconfirmedText(*since);
        if (index.column() == SourceColumn || index.column() == KindColumn)
            tip << describeAlarm(a, sourceName(a.source));
        else if (index.column() == AcknowledgedColumn && a.ack)
            tip << displayData(stored, AcknowledgedColumn).toString();
        return tip.isEmpty() ? QVariant() : QVariant(tip.join(u'\n'));
    }
    case ConfirmedRole:
        return !m_store->unconfirmedSince(stored.origin).has_value();
    case SeverityRole:
        return int(a.severity);
    case OriginRole:
        return stored.origin;
    case AlarmIdRole:
        return a.id;
    case ActiveRole:
        return stored.isActive();
    case AcknowledgedRole:
        return stored.isAcknowledged();
    case SilencedRole:
        return a.silenced;
    case SortRole:
        return sortData(stored, index.column());
    case SearchTextRole: {
        QStringList parts{sourceName(a.source), kindName(a.kind), severityName(a.severity), a.id};
        if (a.ack)
            parts << a.ack->by << a.ack->comment;
        for (const AlarmComment &c : a.comments)
            parts << c.by << c.text;
        return parts.join(u'\n').toLower();
    }
    default:
        return {};
    }
}

QString AlarmTableModel::unconfirmedText(qint64 lastHeardMs) const
{
    if (lastHeardMs <= 0)
        return tr("Not confirmed: its node has not answered since the console connected.");
    return tr("Not confirmed since %1: its node does not answer; this is what it said last.")
        .arg(QDateTime::fromMSecsSinceEpoch(lastHeardMs).toString(QStringLiteral("HH:mm:ss")));
}

QVariant AlarmTableModel::displayData(const StoredAlarm &stored, int column) const
{
    const Alarm &a = stored.alarm;
    switch (column) {
    case SeverityColumn:
        return severityName(a.severity);
    case SourceColumn:
        return sourceName(a.source);
    case KindColumn:
        return kindName(a.kind);
    case StateColumn:
        if (m_store->unconfirmedSince(stored.origin))
            return stored.isActive() ? tr("Active (unconfirmed)") : tr("Cleared (unconfirmed)");
        return stored.isActive() ? tr("Active") : tr("Cleared");
    case AgeColumn:
        return stored.isActive() ? durationText(m_clock.nowMs() - a.raisedAtMs)
                                 : tr("lasted %1").arg(durationText(a.clearedAtMs - a.raisedAtMs));
    case AcknowledgedColumn: {
        if (!a.ack)
            return QString();
        QString text = tr("%1: %2").arg(a.ack->by, a.ack->comment);
        if (a.ack->untilMs > 0)
            text = tr("%1 (until %2)")
                       .arg(text, QDateTime::fromMSecsSinceEpoch(a.ack->untilMs).toString(u"HH:mm"));
        return text;
    }
    case CommentsColumn:
        return a.comments.isEmpty() ? QVariant(QString()) : QVariant(int(a.comments.size()));
    case SilencedColumn:
        return a.silenced ? tr("Silenced") : QString();
    default:
        return {};
    }
}

QVariant AlarmTableModel::sortData(const StoredAlarm &stored, int column) const
{
    const Alarm &a = stored.alarm;
    switch (column) {
    case SeverityColumn:
        return -int(a.severity); // descending order puts the most severe first
    case AgeColumn:
        return stored.isActive() ? m_clock.nowMs() - a.raisedAtMs : a.clearedAtMs - a.raisedAtMs;
    case CommentsColumn:
        return int(a.comments.size());
    case AcknowledgedColumn:
        return a.ack ? a.ack->by + u' ' + a.ack->comment : QString();
    default:
        return displayData(stored, column);
    }
}

QVariant AlarmTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case SourceColumn:
        return tr("Source");
    case KindColumn:
        return tr("Kind");
    case StateColumn:
        return tr("State");
    case AgeColumn:
        return tr("Age / duration");
    case AcknowledgedColumn:
        return tr("Acknowledged");
    case CommentsColumn:
        return tr("Comments");
    case SilencedColumn:
        return tr("Silenced");
    default:
        return {};
    }
}

} // namespace cpn::alarms
