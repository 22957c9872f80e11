#include "itemmodels/eventlogmodel.h"

#include <QDateTime>

#include <algorithm>

namespace cpn {

EventLogModel::EventLogModel(QObject *parent) : EventLogModel(kDefaultCapacity, parent)
{
}

EventLogModel::EventLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(std::max(1, capacity))
{
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return tr("Info");
    case Severity::Warning:
        return tr("Warning");
    case Severity::Error:
        return tr("Error");
    }
    return {};
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &e = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case SeverityColumn:
            return severityName(e.severity);
        case SourceColumn:
            return m_namer ? m_namer(e.source) : e.source;
        case MessageColumn:
            return e.message;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SourceColumn)
            return e.source;
        return index.column() == MessageColumn ? QVariant(e.message) : QVariant();
    case SeverityRole:
        return int(e.severity);
    case TimeMsRole:
        return e.timeMs;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn:
            return tr("Time");
        case SeverityColumn:
            return tr("Severity");
        case SourceColumn:
            return tr("Source");
        case MessageColumn:
            return tr("Message");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void EventLogModel::append(qint64 timeMs, Severity severity, const QString &source, const QString &message)
{
    if (m_events.size() >= m_capacity) {
        const int excess = int(m_events.size()) - m_capacity + 1;
        beginRemoveRows({}, 0, excess - 1);
        m_events.remove(0, excess); // O(1) at the front of a Qt 6 QList
        endRemoveRows();
    }
    const int row = int(m_events.size());
    beginInsertRows({}, row, row);
    m_events.append({timeMs, severity, source, message});
    endInsertRows();
}

void EventLogModel::clear()
{
    if (m_events.isEmpty())
        return;
    beginResetModel();
    m_events.clear();
    endResetModel();
}

} // namespace cpn
