#pragma once

#include "domain/connectionstate.h"
#include "itemmodels/eventlogmodel.h"
#include "state/displaystatus.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

namespace cpn {

class FederationState;

// Turns what the live federation does into the events an operator reads: one problem, one event.
// - A root that cannot be reached, or whose data is late, is one event naming how many nodes it
//   leaves without news; its nodes' own changes are not events meanwhile.
// - A change is told only once it has lasted `holdMs` (a 3 s hiccup is no event), and its recovery
//   says how long the problem lasted.
// - A link that goes down (its ends reporting) is an event, and so is a link above 90 % of its
//   capacity for a minute by sample time.
// evaluate() runs once a second after the state's refresh; the composition root feeds each root's
// connection health.
class StatusEvents : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kDefaultHoldMs = 10'000;
    static constexpr qint64 kCongestedForMs = 60'000;
    static constexpr double kCongestedAbove = 0.9;
    static constexpr double kCongestionClearsBelow = 0.85;

    StatusEvents(const FederationState *state, EventLogModel *log, QObject *parent = nullptr);

    // label: what the operator calls the root (the status bar's name for it).
    void addRoot(const QString &rootId, const QString &label);
    void setRootHealth(const QString &rootId, ConnectionState health, const QString &error = {});
    void removeRoot(const QString &rootId);
    // A problem with one of a root's answers (a failed or malformed one): told once it lasted the
    // hold with the root still reporting; if the root stops reporting meanwhile, its outage event
    // says it all.
    void rootProblem(const QString &rootId, const QString &message);
    void setHoldMs(qint64 ms) { m_holdMs = ms; }
    void setCongestedForMs(qint64 ms) { m_congestedForMs = ms; }

    void evaluate();

private:
    struct RootTrack
    {
        QString label;
        ConnectionState connection = ConnectionState::Connecting; // as its client reports it
        ConnectionState health = ConnectionState::Connecting;     // connection, or stale when its data is late
        QString error;
        qint64 sinceMs = 0;                                // when it stopped reporting
        ConnectionState told = ConnectionState::Online;    // the problem logged, Online: none
        QList<std::pair<qint64, QString>> pendingProblems; // (when, message), not yet told
        QString lastProblemTold;
    };
    struct NodeTrack
    {
        qint64 problemSinceMs = 0;                  // 0: no problem
        DisplayStatus told = DisplayStatus::Online; // the problem logged, Online: none
    };
    struct LinkTrack
    {
        qint64 downSinceMs = 0;
        bool downTold = false;
        qint64 congestedSinceTs = 0; // sample time the load went above the limit
        double peak = 0;
        bool congestionTold = false;
    };

    // The newest sample time of each root's nodes: how current its data is.
    QHash<QString, qint64> newestSamplePerRoot() const;
    void evaluateRoots(qint64 now, const QHash<QString, qint64> &newest);
    void evaluateNodes(qint64 now, const QHash<QString, qint64> &newest);
    void evaluateLinks(qint64 now);
    // One track per node or link row of the state's directory; when the directory changes, each
    // keeps its track under its new row (by id), and tracks of ids no longer listed go.
    template <typename Track>
    struct RowTracks
    {
        QList<Track> tracks;
        QStringList ids;
        quint64 revision = 0;
        template <typename IdOf>
        void align(quint64 directoryRevision, qsizetype rows, IdOf idOf)
        {
            if (revision == directoryRevision && tracks.size() == rows)
                return;
            QHash<QString, Track> byId;
            for (qsizetype i = 0; i < tracks.size(); ++i)
                byId.insert(ids.at(i), tracks.at(i));
            tracks.clear();
            ids.clear();
            for (qsizetype row = 0; row < rows; ++row) {
                ids.append(idOf(row));
                tracks.append(byId.value(ids.constLast()));
            }
            revision = directoryRevision;
        }
    };
    int nodesOf(const QString &rootId) const;
    QString nodeName(const QString &nodeId) const;
    void log(EventLogModel::Severity severity, const QString &source, const QString &message);

    const FederationState *m_state;
    EventLogModel *m_log;
    qint64 m_holdMs = kDefaultHoldMs;
    qint64 m_congestedForMs = kCongestedForMs;
    QHash<QString, RootTrack> m_roots;
    RowTracks<NodeTrack> m_nodes;
    RowTracks<LinkTrack> m_links;
};

} // namespace cpn
