#include "api/nodeapiclient.h"

#include "domain/logging.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace cpn::api {
namespace {
QString segment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}
} // namespace

NodeApiClient::NodeApiClient(QNetworkAccessManager *nam, const QUrl &baseUrl, const ClientOptions &options,
                             QObject *parent)
    : QObject(parent), m_nam(nam), m_baseUrl(baseUrl), m_options(options),
      m_refusal(transportRefusal(baseUrl, options.allowPlainHttp)),
      m_parseOnWorker(qEnvironmentVariableIntValue("CPN_PARSE_ON_UI_THREAD") == 0)
{
    if (!m_refusal.isEmpty())
        qCWarning(lcApi).noquote() << "endpoint refused:" << m_refusal;
    connect(&m_parseQueue, &ParseQueue::droppedChanged, this, &NodeApiClient::answersDropped);
}

void NodeApiClient::setToken(const QString &token)
{
    m_options.token = token;
}

QUrl NodeApiClient::endpointUrl(const QString &path, const QString &query) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + QStringLiteral("/api/v1/") + path, QUrl::TolerantMode);
    url.setQuery(query.isEmpty() ? QString() : query, QUrl::TolerantMode);
    url.setFragment({});
    return url;
}

void NodeApiClient::fetchIdentity(Callback<Node> done)
{
    get(endpointUrl(QStringLiteral("node")), parsed<Node>(&protocol::parseNode, std::move(done)));
}

void NodeApiClient::fetchDirectory(Callback<protocol::NodeDirectory> done)
{
    get(endpointUrl(QStringLiteral("nodes")),
        parsed<protocol::NodeDirectory>(&protocol::parseNodeDirectory, std::move(done)));
}

void NodeApiClient::fetchLinks(Callback<QList<Link>> done)
{
    get(endpointUrl(QStringLiteral("links")), parsed<QList<Link>>(&protocol::parseLinks, std::move(done)));
}

void NodeApiClient::fetchMetrics(const QString &sinceCursor, Callback<MetricsBatch> done)
{
    // The cursor is opaque: encode every byte that could change its meaning in a query.
    const QString query =
        sinceCursor.isEmpty()
            ? QString()
            : QStringLiteral("since=") + QString::fromLatin1(QUrl::toPercentEncoding(sinceCursor));
    get(endpointUrl(QStringLiteral("metrics"), query),
        parsed<MetricsBatch>(&protocol::parseMetrics, std::move(done)));
}

void NodeApiClient::fetchOffers(const QString &model, Callback<QList<Offer>> done)
{
    const QString query =
        model.isEmpty() ? QString()
                        : QStringLiteral("model=") + QString::fromLatin1(QUrl::toPercentEncoding(model));
    get(endpointUrl(QStringLiteral("offers"), query),
        parsed<QList<Offer>>(&protocol::parseOffers, std::move(done)));
}

void NodeApiClient::submitJob(const JobRequest &request, Callback<Job> done)
{
    post(endpointUrl(QStringLiteral("jobs")), protocol::toBody(protocol::toJson(request)),
         parsed<Job>(&protocol::parseJob, std::move(done)));
}

void NodeApiClient::fetchJob(const QString &jobId, Callback<Job> done)
{
    get(endpointUrl(QStringLiteral("jobs/") + segment(jobId)),
        parsed<Job>(&protocol::parseJob, std::move(done)));
}

void NodeApiClient::fetchJobs(Callback<QList<Job>> done)
{
    get(endpointUrl(QStringLiteral("jobs")), parsed<QList<Job>>(&protocol::parseJobs, std::move(done)));
}

void NodeApiClient::cancelJob(const QString &jobId, Callback<Job> done)
{
    post(endpointUrl(QStringLiteral("jobs/") + segment(jobId) + QStringLiteral("/cancel")), QByteArray("{}"),
         parsed<Job>(&protocol::parseJob, std::move(done)));
}

void NodeApiClient::reserve(const ReservationRequest &request, Callback<Reservation> done)
{
    post(endpointUrl(QStringLiteral("reservations")), protocol::toBody(protocol::toJson(request)),
         parsed<Reservation>(&protocol::parseReservation, std::move(done)));
}

void NodeApiClient::fetchReservation(const QString &reservationId, Callback<Reservation> done)
{
    get(endpointUrl(QStringLiteral("reservations/") + segment(reservationId)),
        parsed<Reservation>(&protocol::parseReservation, std::move(done)));
}

void NodeApiClient::fetchReservations(Callback<QList<Reservation>> done)
{
    get(endpointUrl(QStringLiteral("reservations")),
        parsed<QList<Reservation>>(&protocol::parseReservations, std::move(done)));
}

void NodeApiClient::cancelReservation(const QString &reservationId, Callback<Reservation> done)
{
    post(endpointUrl(QStringLiteral("reservations/") + segment(reservationId) + QStringLiteral("/cancel")),
         QByteArray("{}"), parsed<Reservation>(&protocol::parseReservation, std::move(done)));
}

template <typename T> NodeApiClient::RawCallback NodeApiClient::parsed(Parser<T> parse, Callback<T> done)
{
    // Pure: reads only its arguments, so it can run on any thread.
    const auto toResult = [](const Parser<T> &parse, const ApiResult<RawReply> &raw) -> ApiResult<T> {
        if (!raw.ok())
            return raw.error();
        protocol::Parsed<T> value = parse(raw.value().body);
        if (!value.ok()) {
            qCWarning(lcApi).noquote() << "rejected an answer:" << value.error();
            return ApiError::protocol(value.error());
        }
        return std::move(value.value());
    };
    if (!m_parseOnWorker)
        return [toResult, parse = std::move(parse), done = std::move(done)](const ApiResult<RawReply> &raw) {
            done(toResult(parse, raw));
        };
    // Failures go through the queue too, so a client's callbacks run in the order its answers came.
    return [this, toResult, parse = std::move(parse), done = std::move(done)](const ApiResult<RawReply> &raw) {
        m_parseQueue.post(
            [toResult, parse, done, raw]() -> std::function<void()> {
                return [done, result = toResult(parse, raw)] { done(result); };
            },
            [done] {
                done(ApiError::refused(QCoreApplication::translate(
                    "cpn::api", "the answer was dropped: the console is still parsing earlier ones")));
            });
    };
}

void NodeApiClient::get(const QUrl &url, RawCallback done)
{
    auto shared = m_sharedGets.find(url);
    if (shared != m_sharedGets.end()) {
        shared->append(std::move(done));
        return;
    }
    m_sharedGets.insert(url, {std::move(done)});
    send("GET", url, {}, [this, url](const ApiResult<RawReply> &result) {
        // Callbacks may start new requests for the same URL: take the waiters out first.
        const QList<RawCallback> waiters = m_sharedGets.take(url);
        for (const RawCallback &waiter : waiters)
            waiter(result);
    });
}

void NodeApiClient::post(const QUrl &url, const QByteArray &body, RawCallback done)
{
    send("POST", url, body, std::move(done));
}

void NodeApiClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body, RawCallback done,
                         bool isRetry)
{
    if (!m_refusal.isEmpty()) {
        // Still asynchronous, so callers see one behaviour whatever the outcome.
        QMetaObject::invokeMethod(
            this, [done = std::move(done), error = ApiError::refused(m_refusal)] { done(error); },
            Qt::QueuedConnection);
        return;
    }
    ++m_inFlight;
    GuardedRequest::Spec spec{verb, url, body, m_options.token};
    GuardedRequest::start(m_nam, spec, m_options, this,
                          [this, verb, url, body, isRetry, token = spec.token,
                           done = std::move(done)](const ApiResult<RawReply> &r) {
                              --m_inFlight;
                              // A 401 may mean the access token just expired: one refresh, one retry.
                              if (!r.ok() && r.error().httpStatus == 401 && !isRetry && m_unauthorized) {
                                  m_unauthorized(token, [this, verb, url, body, done, r](bool retry) {
                                      if (retry)
                                          send(verb, url, body, done, true);
                                      else
                                          done(r);
                                  });
                                  return;
                              }
                              done(r);
                          });
}

} // namespace cpn::api
