#pragma once

#include "api/apierror.h"
#include "api/clientoptions.h"
#include "domain/job.h"
#include "domain/node.h"
#include "domain/nodenames.h"
#include "domain/reservation.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace cpn::api {
class NodeApiClient;
}

namespace cpn::jobs {

// Submits jobs to the node that should run them and follows each one until it ends. Requests go to
// the node's own base URL (from the directory it is given), one NodeApiClient per base URL, all on the
// console's network manager, with the transport rules and token of the root the node is served under
// (its base URL at or below the root's; the default options for a node under no root). Tracked jobs are
// polled every pollIntervalMs until they are terminal. A caller's tag (e.g. a workload id) is echoed in the
// submission signals, so nothing is lost on failure.
class JobTracker : public QObject
{
    Q_OBJECT

public:
    JobTracker(QNetworkAccessManager *nam, const api::ClientOptions &options, QObject *parent = nullptr);
    ~JobTracker() override;

    void setDirectory(const QList<Node> &nodes);
    // The roots, by base URL, with their transport rules and tokens: for the node clients made from
    // now on; a token also goes to those already made.
    void setRoots(const QHash<QUrl, api::ClientOptions> &roots);
    void setToken(const QUrl &rootUrl, const QString &token);
    void setPollIntervalMs(int ms);

    // `plannedStartMs`: when the placement expected it to start (its queue wait and data transfer), for finishByMs().
    void submit(const QString &tag, const QString &nodeId, const JobRequest &request, qint64 plannedStartMs = 0);
    void cancel(const QString &jobId);
    // Holds units of an offer at its node (POST /reservations); reserved() or reserveFailed() follows.
    void reserve(const QString &tag, const QString &nodeId, const ReservationRequest &request);
    void cancelReservation(const QString &nodeId, const QString &reservationId);
    // Starts following a job that was submitted elsewhere (e.g. found in a node's list).
    void track(const Job &job);

    // Tracked jobs, in the order they were first seen.
    QList<Job> jobs() const;
    const Job *job(const QString &jobId) const;
    QString tagOf(const QString &jobId) const { return m_tags.value(jobId); }
    const Node *node(const QString &nodeId) const;
    // Names of the directory's nodes, for what people read (set with the directory).
    const NodeNames &nodeNames() const { return m_names; }
    // The node of the directory served at `baseUrl` (the root that listed an offer: reservations of
    // it are made there); empty when none is.
    QString nodeAt(const QUrl &baseUrl) const;
    int activeCount() const;
    // When the placement expected the job to start (given to submit()); 0 when unknown.
    qint64 plannedStartMs(const QString &jobId) const;

    // The client for a node's base URL (created on first use); nullptr for a node not in the directory.
    api::NodeApiClient *clientFor(const QString &nodeId);

    // A human sentence for a failed jobs request (403 names the missing scope, 409 gives the node's detail).
    static QString describe(const api::ApiError &error);

Q_SIGNALS:
    void directoryChanged();
    void submitted(const QString &tag, const cpn::Job &job);
    void submitFailed(const QString &tag, const QString &reason, int httpStatus);
    void jobChanged(const cpn::Job &job);
    void cancelFailed(const QString &jobId, const QString &reason, int httpStatus);
    void reserved(const QString &tag, const cpn::Reservation &reservation);
    void reserveFailed(const QString &tag, const QString &reason, int httpStatus);
    void reservationCancelled(const cpn::Reservation &reservation);
    void cancelReservationFailed(const QString &reservationId, const QString &reason, int httpStatus);

private:
    void poll();
    void store(const Job &job);

    QNetworkAccessManager *m_nam;
    api::ClientOptions m_options;
    // The options for a node's base URL: those of the root it is served under, else m_options.
    api::ClientOptions optionsFor(const QUrl &baseUrl) const;

    QHash<QString, Node> m_nodes;
    NodeNames m_names;
    QHash<QUrl, api::ClientOptions> m_roots;
    QHash<QUrl, api::NodeApiClient *> m_clients;
    QList<QString> m_order;
    QHash<QString, Job> m_jobs;
    QHash<QString, QString> m_tags;
    QHash<QString, qint64> m_plannedStartMs; // by job id
    QSet<QString> m_polling; // jobs with a GET in flight
    QTimer m_timer;
};

} // namespace cpn::jobs
