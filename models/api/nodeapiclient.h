#pragma once

#include "api/apierror.h"
#include "api/clientoptions.h"
#include "api/guardedrequest.h"
#include "api/lastanswer.h"
#include "api/parsequeue.h"
#include "domain/alarm.h"
#include "domain/job.h"
#include "domain/link.h"
#include "domain/metrics.h"
#include "domain/metricscodec.h"
#include "domain/node.h"
#include "domain/offer.h"
#include "domain/protocoljson.h"
#include "domain/registration.h"
#include "domain/reservation.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace cpn::api {

// Typed, validated access to one node's API (one base URL, docs/node-api.md).
//
// Each callback runs exactly once, later, from the event loop of the client's thread (never inside
// the call), unless the client is destroyed first. Bodies go through the strict protocol parsers on
// a worker thread (ParseQueue: one client's answers are parsed one at a time, in the order they
// arrived, and delivered in that order); any violation is an ApiError::Kind::Protocol naming the field. Identical GETs in flight are shared,
// so a slow node never has two copies of the same request outstanding.
class NodeApiClient : public QObject
{
    Q_OBJECT

public:
    template <typename T> using Callback = std::function<void(const ApiResult<T> &)>;

    NodeApiClient(QNetworkAccessManager *nam, const QUrl &baseUrl, const ClientOptions &options,
                  QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    const ClientOptions &options() const { return m_options; }
    void setToken(const QString &token);
    // Asked when a request is refused with 401: it calls `retry(true)` once a new token is set (the
    // request is then sent again, once), or `retry(false)` to let the 401 through.
    using UnauthorizedHandler = std::function<void(const QString &rejectedToken, std::function<void(bool retry)>)>;
    void setUnauthorizedHandler(UnauthorizedHandler handler) { m_unauthorized = std::move(handler); }
    // Requests sent and not yet answered (shared GETs count once).
    int requestsInFlight() const { return m_inFlight; }
    // Answers refused because the parse queue was full (their callbacks got an error).
    qint64 droppedAnswers() const { return m_parseQueue.dropped(); }

    void fetchIdentity(Callback<Node> done);
    void fetchDirectory(Callback<protocol::NodeDirectory> done);
    void fetchLinks(Callback<QList<Link>> done);
    // GET /history: one series ("node:<id>:<metric>" or "link:<id>:<metric>") from fromMs to toMs.
    void fetchHistory(const QString &series, qint64 fromMs, qint64 toMs, qint64 stepMs,
                      Callback<protocol::HistoryAnswer> done);
    // An empty cursor asks for the latest tick (the answer then has reset = true).
    void fetchMetrics(const QString &sinceCursor, Callback<MetricsBatch> done);
    // An empty model asks for every offer.
    void fetchOffers(const QString &model, Callback<QList<Offer>> done);
    void submitJob(const JobRequest &request, Callback<Job> done);
    void fetchJob(const QString &jobId, Callback<Job> done);
    void fetchJobs(Callback<QList<Job>> done);
    void cancelJob(const QString &jobId, Callback<Job> done);
    void reserve(const ReservationRequest &request, Callback<Reservation> done);
    void fetchReservation(const QString &reservationId, Callback<Reservation> done);
    void fetchReservations(Callback<QList<Reservation>> done);
    void cancelReservation(const QString &reservationId, Callback<Reservation> done);
    // Alarms (docs/node-api.md, "Alarms"). An empty cursor asks for the whole set (reset = true).
    void fetchAlarms(const QString &sinceCursor, Callback<AlarmBatch> done);
    void acknowledgeAlarm(const QString &alarmId, const AckRequest &request, Callback<Alarm> done);
    void unacknowledgeAlarm(const QString &alarmId, Callback<Alarm> done);
    void commentAlarm(const QString &alarmId, const QString &text, Callback<Alarm> done);
    void fetchSilences(Callback<QList<Silence>> done);
    void createSilence(const SilenceRequest &request, Callback<Silence> done);
    // Ends the silence at once; the answer is the silences that remain.
    void deleteSilence(const QString &silenceId, Callback<QList<Silence>> done);

    // Identifier registration (docs/node-api.md, "Identifier registration"): the registrations under
    // this node (of one state, or all when empty), and a decision on one: "approve", "reject",
    // "suspend", "reinstate" or "revoke", with its reason.
    void fetchRegistrations(const QString &state, Callback<QList<Registration>> done);
    void decideRegistration(const QString &registrationId, const QString &decision, const QString &reason,
                            Callback<Registration> done);
    void applyForRegistration(const RegistrationRequest &request, Callback<Registration> done);

    // <baseUrl>/api/v1/<path>[?query]; path segments are percent-encoded by the caller.
    QUrl endpointUrl(const QString &path, const QString &query = {}) const;

Q_SIGNALS:
    // The parse queue was full and an answer was refused; `total` since the client was made.
    void answersDropped(qint64 total);

private:
    using RawCallback = std::function<void(const ApiResult<RawReply> &)>;
    // Any callable: a parser may carry state from one answer to the next (it runs on the worker).
    template <typename T> using Parser = std::function<protocol::Parsed<T>(const QByteArray &)>;

    // spec carries the URL and how to ask (Accept, If-None-Match, answer limit).
    void get(const GuardedRequest::Spec &spec, RawCallback done);
    void get(const QUrl &url, RawCallback done)
    {
        get(GuardedRequest::Spec{"GET", url, {}, {}}, std::move(done));
    }
    void post(const QUrl &url, const QByteArray &body, RawCallback done);
    void deleteResource(const QUrl &url, RawCallback done);
    void send(GuardedRequest::Spec spec, RawCallback done, bool isRetry = false);
    // The single place where bodies become values: on the parse queue's worker.
    template <typename T> RawCallback parsed(Parser<T> parse, Callback<T> done);
    // A GET with If-None-Match: on a 304 the answer held in `last` is delivered without parsing.
    template <typename T>
    void getConditional(const QUrl &url, qint64 maxBodyBytes, std::shared_ptr<LastAnswer<T>> last,
                        Parser<T> parse, Callback<T> done);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    ClientOptions m_options;
    QString m_refusal; // why this endpoint must not be contacted; empty = fine
    UnauthorizedHandler m_unauthorized;
    QHash<QUrl, QList<RawCallback>> m_sharedGets;
    int m_inFlight = 0;
    // Compact metrics arrive as deltas against the last tick decoded (docs/node-api.md).
    std::shared_ptr<protocol::MetricsDecoder> m_metricsDecoder = std::make_shared<protocol::MetricsDecoder>();
    std::atomic<int> m_knownNodes{0}; // size of the last directory: the metrics answer limit follows it
    std::shared_ptr<LastAnswer<protocol::NodeDirectory>> m_lastDirectory =
        std::make_shared<LastAnswer<protocol::NodeDirectory>>();
    std::shared_ptr<LastAnswer<QList<Link>>> m_lastLinks = std::make_shared<LastAnswer<QList<Link>>>();
    std::shared_ptr<LastAnswer<QList<Offer>>> m_lastOffers = std::make_shared<LastAnswer<QList<Offer>>>();
    ParseQueue m_parseQueue{64, this};
    bool m_parseOnWorker = true; // CPN_PARSE_ON_UI_THREAD=1: the old path, a benchmark's baseline
};

} // namespace cpn::api
