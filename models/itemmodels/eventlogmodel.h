#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <functional>

namespace cpn {

// The console's event log: connection changes, node status transitions, protocol problems.
// Bounded so that a flapping endpoint over a long shift cannot grow memory without limit.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Severity { Info, Warning, Error };
    Q_ENUM(Severity)

    enum Column { TimeColumn, SeverityColumn, SourceColumn, MessageColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        SeverityRole = Qt::UserRole, // int(Severity), any column
        TimeMsRole,                  // qint64 epoch ms, any column
    };
    Q_ENUM(Role)

    struct Event
    {
        qint64 timeMs = 0;
        Severity severity = Severity::Info;
        QString source; // an endpoint label or a node id
        QString message;
    };

    static constexpr int kDefaultCapacity = 5000;

    explicit EventLogModel(QObject *parent = nullptr);
    explicit EventLogModel(int capacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Appends at the bottom; drops the oldest rows beyond the capacity.
    void append(qint64 timeMs, Severity severity, const QString &source, const QString &message);
    // What the Source column shows for a source (a node's or a link's name for its id); the id stays in the
    // tooltip and in what is recorded. Unset: the source as given.
    void setSourceNamer(std::function<QString(const QString &source)> namer) { m_namer = std::move(namer); }
    void clear();

    int capacity() const { return m_capacity; }
    const Event &eventAt(int row) const { return m_events.at(row); }

    static QString severityName(Severity severity);

private:
    int m_capacity;
    QList<Event> m_events;
    std::function<QString(const QString &)> m_namer;
};

} // namespace cpn

