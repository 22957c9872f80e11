#include "jobs/jobtracker.h"

#include "api/nodeapiclient.h"
#include "domain/logging.h"

#include <QCoreApplication>

namespace cpn::jobs {

JobTracker::JobTracker(QNetworkAccessManager *nam, const api::ClientOptions &options, QObject *parent)
    : QObject(parent), m_nam(nam), m_options(options)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &JobTracker::poll);
}

JobTracker::~JobTracker() = default;

void JobTracker::setDirectory(const QList<Node> &nodes)
{
    m_nodes.clear();
    for (const Node &node : nodes)
        m_nodes.insert(node.id, node);
    m_names = NodeNames(nodes);
    Q_EMIT directoryChanged();
}

QString JobTracker::nodeAt(const QUrl &baseUrl) const
{
    const QUrl wanted = baseUrl.adjusted(QUrl::StripTrailingSlash);
    for (const Node &node : m_nodes) {
        if (!wanted.isEmpty() && node.baseUrl.adjusted(QUrl::StripTrailingSlash) == wanted)
            return node.id;
    }
    return {};
}

void JobTracker::setRoots(const QHash<QUrl, api::ClientOptions> &roots)
{
    m_roots = roots;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
        it.value()->setToken(optionsFor(it.key()).token);
}

void JobTracker::setToken(const QUrl &rootUrl, const QString &token)
{
    if (!m_roots.contains(rootUrl))
        return;
    m_roots[rootUrl].token = token;
    setRoots(m_roots);
}

api::ClientOptions JobTracker::optionsFor(const QUrl &baseUrl) const
{
    const QString base = baseUrl.adjusted(QUrl::StripTrailingSlash).toString() + u'/';
    const api::ClientOptions *best = nullptr;
    qsizetype bestLength = -1;
    for (auto it = m_roots.cbegin(); it != m_roots.cend(); ++it) {
        const QString root = it.key().adjusted(QUrl::StripTrailingSlash).toString() + u'/';
        if (base.startsWith(root) && root.size() > bestLength) {
            best = &it.value();
            bestLength = root.size();
        }
    }
    return best ? *best : m_options;
}

void JobTracker::setPollIntervalMs(int ms)
{
    m_timer.setInterval(ms);
}

const Node *JobTracker::node(const QString &nodeId) const
{
    auto it = m_nodes.constFind(nodeId);
    return it == m_nodes.constEnd() ? nullptr : &*it;
}

api::NodeApiClient *JobTracker::clientFor(const QString &nodeId)
{
    const Node *n = node(nodeId);
    if (!n || !n->baseUrl.isValid())
        return nullptr;
    api::NodeApiClient *&client = m_clients[n->baseUrl];
    if (!client)
        client = new api::NodeApiClient(m_nam, n->baseUrl, optionsFor(n->baseUrl), this);
    return client;
}

QString JobTracker::describe(const api::ApiError &error)
{
    if (error.kind == api::ApiError::Kind::Http) {
        switch (error.httpStatus) {
        case 401:
            return QCoreApplication::translate("cpn::jobs::JobTracker",
                                               "You are not signed in, or your sign-in has expired.");
        case 403:
            return QCoreApplication::translate("cpn::jobs::JobTracker",
                                               "You are signed in without permission to submit jobs (jobs:write)");
        case 404:
        case 409:
        case 422:
        case 503:
            if (!error.detail.isEmpty())
                return error.detail;
            break;
        default:
            break;
        }
    }
    return error.message();
}

void JobTracker::submit(const QString &tag, const QString &nodeId, const JobRequest &request, qint64 plannedStartMs)
{
    api::NodeApiClient *client = clientFor(nodeId);
    if (!client) {
        const QString reason = QCoreApplication::translate("cpn::jobs::JobTracker",
                                                           "The node %1 is not in the directory.")
                                   .arg(nodeId);
        qCWarning(lcApi).noquote() << "job" << request.name << "not submitted:" << reason;
        QMetaObject::invokeMethod(
            this, [this, tag, reason] { Q_EMIT submitFailed(tag, reason, 0); }, Qt::QueuedConnection);
        return;
    }
    JobRequest sent = request;
    sent.nodeId = nodeId;
    client->submitJob(sent, [this, tag, plannedStartMs, name = request.name](const api::ApiResult<Job> &result) {
        if (!result.ok()) {
            const QString reason = describe(result.error());
            qCWarning(lcApi).noquote() << "job" << name << "refused:" << result.error().message();
            Q_EMIT submitFailed(tag, reason, result.error().httpStatus);
            return;
        }
        m_tags.insert(result.value().id, tag);
        if (plannedStartMs > 0)
            m_plannedStartMs.insert(result.value().id, plannedStartMs);
        store(result.value());
        qCInfo(lcApi).noquote() << "job" << result.value().id << "submitted to" << result.value().nodeId;
        Q_EMIT submitted(tag, result.value());
    });
}

qint64 JobTracker::plannedStartMs(const QString &jobId) const
{
    return m_plannedStartMs.value(jobId);
}

void JobTracker::cancel(const QString &jobId)
{
    const Job *known = job(jobId);
    api::NodeApiClient *client = known ? clientFor(known->nodeId) : nullptr;
    if (!client) {
        const QString reason =
            QCoreApplication::translate("cpn::jobs::JobTracker", "The job %1 is not followed here.").arg(jobId);
        QMetaObject::invokeMethod(
            this, [this, jobId, reason] { Q_EMIT cancelFailed(jobId, reason, 0); }, Qt::QueuedConnection);
        return;
    }
    client->cancelJob(jobId, [this, jobId](const api::ApiResult<Job> &result) {
        if (!result.ok()) {
            qCWarning(lcApi).noquote() << "cancelling" << jobId << "failed:" << result.error().message();
            Q_EMIT cancelFailed(jobId, describe(result.error()), result.error().httpStatus);
            return;
        }
        store(result.value());
    });
}

void JobTracker::reserve(const QString &tag, const QString &nodeId, const ReservationRequest &request)
{
    api::NodeApiClient *client = clientFor(nodeId);
    if (!client) {
        const QString reason = QCoreApplication::translate("cpn::jobs::JobTracker",
                                                           "The node %1 is not in the directory.")
                                   .arg(nodeId);
        QMetaObject::invokeMethod(
            this, [this, tag, reason] { Q_EMIT reserveFailed(tag, reason, 0); }, Qt::QueuedConnection);
        return;
    }
    client->reserve(request, [this, tag](const api::ApiResult<Reservation> &result) {
        if (!result.ok()) {
            qCWarning(lcApi).noquote() << "reservation refused:" << result.error().message();
            Q_EMIT reserveFailed(tag, describe(result.error()), result.error().httpStatus);
            return;
        }
        qCInfo(lcApi).noquote() << "reservation" << result.value().id << "at" << result.value().nodeId;
        Q_EMIT reserved(tag, result.value());
    });
}

void JobTracker::cancelReservation(const QString &nodeId, const QString &reservationId)
{
    api::NodeApiClient *client = clientFor(nodeId);
    if (!client) {
        const QString reason = QCoreApplication::translate("cpn::jobs::JobTracker",
                                                           "The node %1 is not in the directory.")
                                   .arg(nodeId);
        QMetaObject::invokeMethod(
            this, [this, reservationId, reason] { Q_EMIT cancelReservationFailed(reservationId, reason, 0); },
            Qt::QueuedConnection);
        return;
    }
    client->cancelReservation(reservationId, [this, reservationId](const api::ApiResult<Reservation> &result) {
        if (!result.ok()) {
            qCWarning(lcApi).noquote() << "reservation" << reservationId << "not cancelled:" << result.error().message();
            Q_EMIT cancelReservationFailed(reservationId, describe(result.error()), result.error().httpStatus);
            return;
        }
        Q_EMIT reservationCancelled(result.value());
    });
}

void JobTracker::track(const Job &job)
{
    store(job);
}

QList<Job> JobTracker::jobs() const
{
    QList<Job> list;
    list.reserve(m_order.size());
    for (const QString &id : m_order)
        list.append(m_jobs.value(id));
    return list;
}

const Job *JobTracker::job(const QString &jobId) const
{
    auto it = m_jobs.constFind(jobId);
    return it == m_jobs.constEnd() ? nullptr : &*it;
}

int JobTracker::activeCount() const
{
    int n = 0;
    for (const Job &j : m_jobs)
        n += isTerminal(j.state) ? 0 : 1;
    return n;
}

void JobTracker::store(const Job &job)
{
    auto it = m_jobs.find(job.id);
    if (it == m_jobs.end()) {
        m_order.append(job.id);
        m_jobs.insert(job.id, job);
    } else {
        if (*it == job)
            return;
        *it = job;
    }
    if (!isTerminal(job.state) && !m_timer.isActive())
        m_timer.start();
    Q_EMIT jobChanged(job);
}

void JobTracker::poll()
{
    bool anyActive = false;
    for (const QString &id : std::as_const(m_order)) {
        const Job &j = m_jobs[id];
        if (isTerminal(j.state))
            continue;
        anyActive = true;
        if (m_polling.contains(id))
            continue; // a slow node never has two polls of one job outstanding
        api::NodeApiClient *client = clientFor(j.nodeId);
        if (!client)
            continue;
        m_polling.insert(id);
        client->fetchJob(id, [this, id](const api::ApiResult<Job> &result) {
            m_polling.remove(id);
            if (result.ok()) {
                store(result.value());
                return;
            }
            if (result.error().kind == api::ApiError::Kind::Http && result.error().httpStatus == 404) {
                // The node forgot it (restarted): it will not finish, so stop following it.
                Job lost = m_jobs.value(id);
                lost.state = JobState::Failed;
                lost.message = QCoreApplication::translate("cpn::jobs::JobTracker", "The node no longer knows this job.");
                store(lost);
                return;
            }
            qCDebug(lcApi).noquote() << "polling" << id << "failed:" << result.error().message();
        });
    }
    if (!anyActive)
        m_timer.stop();
}

} // namespace cpn::jobs
