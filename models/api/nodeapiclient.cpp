#include "api/nodeapiclient.h"

#include "domain/alarmjson.h"
#include "domain/registryjson.h"
#include "domain/logging.h"

#include <QJsonObject>

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
    getConditional<protocol::NodeDirectory>(
        endpointUrl(QStringLiteral("nodes")), protocol::directoryLimitBytes(), m_lastDirectory,
        &protocol::parseNodeDirectory,
        [this, done = std::move(done)](const ApiResult<protocol::NodeDirectory> &r) {
            if (r.ok())
                m_knownNodes = int(r.value().nodes.size());
            done(r);
        });
}

void NodeApiClient::fetchLinks(Callback<QList<Link>> done)
{
    getConditional<QList<Link>>(endpointUrl(QStringLiteral("links")), protocol::linksLimitBytes(),
                                m_lastLinks, &protocol::parseLinks, std::move(done));
}

void NodeApiClient::fetchHistory(const QString &series, qint64 fromMs, qint64 toMs, qint64 stepMs,
                                 Callback<protocol::HistoryAnswer> done)
{
    const QString query = QStringLiteral("series=%1&from=%2&to=%3&step=%4")
                              .arg(QString::fromLatin1(QUrl::toPercentEncoding(series, ":")))
                              .arg(fromMs)
                              .arg(toMs)
                              .arg(stepMs);
    GuardedRequest::Spec spec{"GET", endpointUrl(QStringLiteral("history"), query), {}, {}};
    spec.maxBodyBytes = protocol::historyLimitBytes();
    get(spec, parsed<protocol::HistoryAnswer>(&protocol::parseHistory, std::move(done)));
}

void NodeApiClient::fetchMetrics(const QString &sinceCursor, Callback<MetricsBatch> done)
{
    // The cursor is opaque: encode every byte that could change its meaning in a query.
    const QString query =
        sinceCursor.isEmpty()
            ? QString()
            : QStringLiteral("since=") + QString::fromLatin1(QUrl::toPercentEncoding(sinceCursor));
    // Compact answers (docs/node-api.md) send only what changed since the tick the decoder holds.
    const bool delta = !sinceCursor.isEmpty() && m_metricsDecoder->cursor() == sinceCursor;
    GuardedRequest::Spec spec{
        "GET",
        endpointUrl(QStringLiteral("metrics"), delta ? query + QStringLiteral("&delta=1") : query),
        {},
        {}};
    spec.accept = QByteArray(protocol::kCborContentType) + ", application/json;q=0.5";
    spec.maxBodyBytes = protocol::metricsLimitBytes(m_knownNodes, m_options.maxBodyBytes);
    const auto decoder = m_metricsDecoder;
    get(spec, parsed<MetricsBatch>(
                  [decoder](const QByteArray &body) { return protocol::parseMetricsAnswer(body, *decoder); },
                  std::move(done)));
}

void NodeApiClient::fetchOffers(const QString &model, Callback<QList<Offer>> done)
{
    const QString query =
        model.isEmpty() ? QString()
                        : QStringLiteral("model=") + QString::fromLatin1(QUrl::toPercentEncoding(model));
    getConditional<QList<Offer>>(endpointUrl(QStringLiteral("offers"), query), 0, m_lastOffers,
                                 &protocol::parseOffers, std::move(done));
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

void NodeApiClient::fetchAlarms(const QString &sinceCursor, Callback<AlarmBatch> done)
{
    const QString query =
        sinceCursor.isEmpty()
            ? QString()
            : QStringLiteral("since=") + QString::fromLatin1(QUrl::toPercentEncoding(sinceCursor));
    get(endpointUrl(QStringLiteral("alarms"), query),
        parsed<AlarmBatch>(&protocol::parseAlarmBatch, std::move(done)));
}

void NodeApiClient::acknowledgeAlarm(const QString &alarmId, const AckRequest &request, Callback<Alarm> done)
{
    post(endpointUrl(QStringLiteral("alarms/") + segment(alarmId) + QStringLiteral("/ack")),
         protocol::toBody(protocol::toJson(request)), parsed<Alarm>(&protocol::parseAlarm, std::move(done)));
}

void NodeApiClient::unacknowledgeAlarm(const QString &alarmId, Callback<Alarm> done)
{
    post(endpointUrl(QStringLiteral("alarms/") + segment(alarmId) + QStringLiteral("/unack")), QByteArray(),
         parsed<Alarm>(&protocol::parseAlarm, std::move(done)));
}

void NodeApiClient::commentAlarm(const QString &alarmId, const QString &text, Callback<Alarm> done)
{
    post(endpointUrl(QStringLiteral("alarms/") + segment(alarmId) + QStringLiteral("/comments")),
         protocol::toBody(QJsonObject{{QStringLiteral("text"), text}}),
         parsed<Alarm>(&protocol::parseAlarm, std::move(done)));
}

void NodeApiClient::fetchSilences(Callback<QList<Silence>> done)
{
    get(endpointUrl(QStringLiteral("silences")),
        parsed<QList<Silence>>(&protocol::parseSilences, std::move(done)));
}

void NodeApiClient::createSilence(const SilenceRequest &request, Callback<Silence> done)
{
    post(endpointUrl(QStringLiteral("silences")), protocol::toBody(protocol::toJson(request)),
         parsed<Silence>(&protocol::parseSilence, std::move(done)));
}

void NodeApiClient::deleteSilence(const QString &silenceId, Callback<QList<Silence>> done)
{
    deleteResource(endpointUrl(QStringLiteral("silences/") + segment(silenceId)),
                   parsed<QList<Silence>>(&protocol::parseSilences, std::move(done)));
}

void NodeApiClient::fetchRegistrations(const QString &state, Callback<QList<Registration>> done)
{
    get(endpointUrl(QStringLiteral("registry"), state.isEmpty() ? QString() : QStringLiteral("state=") + state),
        parsed<QList<Registration>>(&protocol::parseRegistrations, std::move(done)));
}

void NodeApiClient::decideRegistration(const QString &registrationId, const QString &decision,
                                       const QString &reason, Callback<Registration> done)
{
    post(endpointUrl(QStringLiteral("registry/") + segment(registrationId) + u'/' + segment(decision)),
         protocol::toBody(protocol::toJson(RegistryDecision{reason})),
         parsed<Registration>(&protocol::parseRegistration, std::move(done)));
}

void NodeApiClient::applyForRegistration(const RegistrationRequest &request, Callback<Registration> done)
{
    post(endpointUrl(QStringLiteral("registry")), protocol::toBody(protocol::toJson(request)),
         parsed<Registration>(&protocol::parseRegistration, std::move(done)));
}

template <typename T> NodeApiClient::RawCallback NodeApiClient::parsed(Parser<T> parse, Callback<T> done)
{
    // Pure: reads only its arguments, so it can run on any thread.
    const auto toResult = [](const Parser<T> &parse, const ApiResult<RawReply> &raw) -> ApiResult<T> {
        if (!raw.ok())
            return raw.error();
        const ApiResult<QByteArray> body = decodedBody(raw.value());
        if (!body.ok()) {
            qCWarning(lcApi).noquote() << "rejected an answer:" << body.error().message();
            return body.error();
        }
        protocol::Parsed<T> value = parse(body.value());
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

template <typename T>
void NodeApiClient::getConditional(const QUrl &url, qint64 maxBodyBytes, std::shared_ptr<LastAnswer<T>> last,
                                   Parser<T> parse, Callback<T> done)
{
    GuardedRequest::Spec spec{"GET", url, {}, {}};
    spec.ifNoneMatch = last->etagFor(url);
    spec.maxBodyBytes = maxBodyBytes;
    auto etag = std::make_shared<QByteArray>(); // of the answer being parsed
    RawCallback parse200 = parsed<T>(std::move(parse), [url, last, etag, done](const ApiResult<T> &r) {
        if (r.ok() && !etag->isEmpty())
            last->remember(url, *etag, r.value());
        done(r);
    });
    get(spec, [url, last, etag, parse200, done](const ApiResult<RawReply> &raw) {
        if (raw.ok() && raw.value().httpStatus == 304) {
            if (const auto held = last->valueFor(url))
                done(*held);
            else
                done(ApiError::protocol(QStringLiteral("304 Not Modified, but no answer is held")));
            return;
        }
        if (raw.ok())
            *etag = raw.value().etag;
        parse200(raw);
    });
}

void NodeApiClient::get(const GuardedRequest::Spec &spec, RawCallback done)
{
    const QUrl url = spec.url;
    auto shared = m_sharedGets.find(url);
    if (shared != m_sharedGets.end()) {
        shared->append(std::move(done));
        return;
    }
    m_sharedGets.insert(url, {std::move(done)});
    send(spec, [this, url](const ApiResult<RawReply> &result) {
        // Callbacks may start new requests for the same URL: take the waiters out first.
        const QList<RawCallback> waiters = m_sharedGets.take(url);
        for (const RawCallback &waiter : waiters)
            waiter(result);
    });
}

void NodeApiClient::post(const QUrl &url, const QByteArray &body, RawCallback done)
{
    send(GuardedRequest::Spec{"POST", url, body, {}}, std::move(done));
}

void NodeApiClient::deleteResource(const QUrl &url, RawCallback done)
{
    send(GuardedRequest::Spec{"DELETE", url, {}, {}}, std::move(done));
}

void NodeApiClient::send(GuardedRequest::Spec spec, RawCallback done, bool isRetry)
{
    if (!m_refusal.isEmpty()) {
        // Still asynchronous, so callers see one behaviour whatever the outcome.
        QMetaObject::invokeMethod(
            this, [done = std::move(done), error = ApiError::refused(m_refusal)] { done(error); },
            Qt::QueuedConnection);
        return;
    }
    ++m_inFlight;
    spec.token = m_options.token;
    spec.inflateLater = true; // every answer is parsed in parsed(), on the parse worker
    GuardedRequest::start(m_nam, spec, m_options, this,
                          [this, spec, isRetry, done = std::move(done)](const ApiResult<RawReply> &r) {
                              --m_inFlight;
                              // A 401 may mean the access token just expired: one refresh, one retry.
                              if (!r.ok() && r.error().httpStatus == 401 && !isRetry && m_unauthorized) {
                                  m_unauthorized(spec.token, [this, spec, done, r](bool retry) {
                                      if (retry)
                                          send(spec, done, true);
                                      else
                                          done(r);
                                  });
                                  return;
                              }
                              done(r);
                          });
}

} // namespace cpn::api
