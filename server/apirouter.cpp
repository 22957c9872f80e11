#include "apirouter.h"

#include "serverextension.h"

#include "domain/alarmjson.h"
#include "domain/jsonreader.h"
#include "domain/logging.h"
#include "domain/metricnames.h"
#include "domain/metricscodec.h"
#include "domain/protocoljson.h"

#include <QJsonArray>

namespace cpn::server {
namespace {

struct ProblemKind
{
    int status;
    const char *slug;
    const char *title;
};
// docs/node-api.md, "Errors".
const ProblemKind kProblems[] = {
    {400, "bad-request", "Bad request"},
    {401, "unauthorized", "Unauthorized"},
    {403, "forbidden", "Forbidden"},
    {404, "not-found", "Not found"},
    {405, "method-not-allowed", "Method not allowed"},
    {408, "request-timeout", "Request timeout"},
    {409, "conflict", "Conflict"},
    {413, "payload-too-large", "Payload too large"},
    {415, "unsupported-media-type", "Unsupported media type"},
    {422, "unprocessable", "Unprocessable"},
    {431, "headers-too-large", "Request header fields too large"},
    {500, "internal", "Internal error"},
    {501, "not-implemented", "Not implemented"},
    {503, "unavailable", "Unavailable"},
    {505, "http-version-not-supported", "HTTP version not supported"},
};

enum class Endpoint {
    Node,
    Nodes,
    Links,
    Metrics,
    Offers,
    Jobs,
    Job,
    CancelJob,
    Reservations,
    Reservation,
    CancelReservation,
    Alarms,
    AlarmAction, // ack, unack, comments
    Silences,
    Silence,
    History,
    Registry,         // GET the registrations, POST an application
    Registration,     // GET one
    RegistryDecision, // approve, reject, suspend, reinstate, revoke
    Unknown
};

struct Route
{
    Endpoint endpoint = Endpoint::Unknown;
    QString jobId;  // or the reservation, alarm or silence id
    QString action; // of an alarm, or a registry decision
};

Route matchApiPath(const QString &rest)
{
    static const QString prefix = QStringLiteral("/api/v1/");
    if (!rest.startsWith(prefix))
        return {};
    const QStringList s = rest.mid(prefix.size()).split(u'/');
    if (s.size() == 1) {
        static const QHash<QString, Endpoint> simple{
            {QStringLiteral("node"), Endpoint::Node},
            {QStringLiteral("nodes"), Endpoint::Nodes},
            {QStringLiteral("links"), Endpoint::Links},
            {QStringLiteral("metrics"), Endpoint::Metrics},
            {QStringLiteral("offers"), Endpoint::Offers},
            {QStringLiteral("jobs"), Endpoint::Jobs},
            {QStringLiteral("reservations"), Endpoint::Reservations},
            {QStringLiteral("alarms"), Endpoint::Alarms},
            {QStringLiteral("silences"), Endpoint::Silences},
            {QStringLiteral("history"), Endpoint::History},
            {QStringLiteral("registry"), Endpoint::Registry},
        };
        return {simple.value(s[0], Endpoint::Unknown), {}, {}};
    }
    if (s[0] == u"alarms") {
        static const QStringList actions{QStringLiteral("ack"), QStringLiteral("unack"),
                                         QStringLiteral("comments")};
        if (s.size() == 3 && !s[1].isEmpty() && actions.contains(s[2]))
            return {Endpoint::AlarmAction, s[1], s[2]};
        return {};
    }
    if (s[0] == u"registry") {
        if (s.size() == 2 && !s[1].isEmpty())
            return {Endpoint::Registration, s[1], {}};
        if (s.size() == 3 && !s[1].isEmpty() && RegistryRoutes::isDecision(s[2]))
            return {Endpoint::RegistryDecision, s[1], s[2]};
        return {};
    }
    if (s[0] == u"silences")
        return s.size() == 2 && !s[1].isEmpty() ? Route{Endpoint::Silence, s[1], {}} : Route{};
    const bool jobs = s[0] == u"jobs";
    if ((!jobs && s[0] != u"reservations") || s[1].isEmpty())
        return {};
    if (s.size() == 2)
        return {jobs ? Endpoint::Job : Endpoint::Reservation, s[1], {}};
    if (s.size() == 3 && s[2] == u"cancel")
        return {jobs ? Endpoint::CancelJob : Endpoint::CancelReservation, s[1], {}};
    return {};
}

// Methods and the scope each needs, per endpoint.
QList<QPair<QByteArray, QString>> methodsOf(Endpoint e)
{
    switch (e) {
    case Endpoint::Node:
    case Endpoint::Nodes:
        return {{"GET", QStringLiteral("node:read")}};
    case Endpoint::Links:
    case Endpoint::Metrics:
    case Endpoint::History:
        return {{"GET", QStringLiteral("metrics:read")}};
    case Endpoint::Offers:
        return {{"GET", QStringLiteral("offers:read")}};
    case Endpoint::Jobs:
    case Endpoint::Reservations:
        return {{"GET", QStringLiteral("jobs:read")}, {"POST", QStringLiteral("jobs:write")}};
    case Endpoint::Job:
    case Endpoint::Reservation:
        return {{"GET", QStringLiteral("jobs:read")}};
    case Endpoint::CancelJob:
    case Endpoint::CancelReservation:
        return {{"POST", QStringLiteral("jobs:write")}};
    case Endpoint::Alarms:
        return {{"GET", Auth::kAlarmsRead}};
    case Endpoint::AlarmAction:
        return {{"POST", Auth::kAlarmsWrite}};
    case Endpoint::Silences:
        return {{"GET", Auth::kAlarmsRead}, {"POST", Auth::kAlarmsWrite}};
    case Endpoint::Silence:
        return {{"DELETE", Auth::kAlarmsWrite}};
    case Endpoint::Registry:
        return {{"GET", Auth::kRegistryRead}, {"POST", Auth::kRegistryApply}};
    case Endpoint::Registration:
        // registry:read, or registry:apply for the applicant's own (RegistryRoutes::get decides).
        return {{"GET", QStringLiteral("node:read")}};
    case Endpoint::RegistryDecision:
        return {{"POST", Auth::kRegistryWrite}};
    case Endpoint::Unknown:
        break;
    }
    return {};
}

// Whether a header listing tokens with optional ;q= weights (Accept, Accept-Encoding) accepts `token`.
bool accepts(const QByteArray &header, const QByteArray &token)
{
    for (const QByteArray &item : header.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        if (parts.constFirst().trimmed().toLower() != token)
            continue;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray p = parts[i].trimmed();
            if (p.startsWith("q=") && p.mid(2).toDouble() <= 0)
                return false;
        }
        return true;
    }
    return false;
}

bool etagListed(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    for (QByteArray tag : ifNoneMatch.split(',')) {
        tag = tag.trimmed();
        if (tag.startsWith("W/"))
            tag = tag.mid(2); // If-None-Match compares weakly
        if (tag == "*" || tag == etag)
            return true;
    }
    return false;
}

} // namespace

ApiResponse ApiRouter::problem(int status, const QString &detail, const QString &instance)
{
    const ProblemKind *kind = &kProblems[0];
    for (const auto &k : kProblems) {
        if (k.status == status)
            kind = &k;
    }
    Problem p;
    p.type = QStringLiteral("urn:cpn:problem:") + QLatin1String(kind->slug);
    p.title = QLatin1String(kind->title);
    p.status = status;
    // The detail and instance may echo what a client sent (a path, an id).
    p.detail = withoutControlCharacters(detail);
    p.instance = withoutControlCharacters(instance.left(512));
    ApiResponse r;
    r.status = status;
    r.contentType = "application/problem+json";
    r.body = protocol::toBody(protocol::toJson(p));
    if (status == 503)
        r.addHeader("Retry-After", QByteArray::number(kRetryAfterSeconds));
    return r;
}

ApiResponse ApiRouter::methodNotAllowed(const QByteArray &method, const QByteArrayList &allowed,
                                        const QString &instance)
{
    ApiResponse r = problem(
        405, QStringLiteral("%1 is not allowed here; use %2").arg(QString::fromLatin1(method.left(16)), QString::fromLatin1(allowed.join(", "))),
        instance);
    r.addHeader("Allow", allowed.join(", "));
    return r;
}

ApiResponse ApiRouter::json(const QJsonObject &object, int status)
{
    ApiResponse r;
    r.status = status;
    r.body = protocol::toBody(object);
    return r;
}

std::optional<ApiResponse> ApiRouter::checkScope(const Auth &auth, const ApiRequest &request, const QString &scope,
                                                 const QString &instance)
{
    const Auth::Outcome outcome = auth.check(request.authorization, scope);
    if (outcome == Auth::Outcome::Allowed)
        return std::nullopt;
    const Auth::Denial denial = Auth::denial(outcome, scope);
    ApiResponse r = problem(denial.status, denial.detail, instance);
    r.addHeader("WWW-Authenticate", denial.challenge);
    return r;
}

std::optional<ApiResponse> ApiRouter::checkJsonBody(const ApiRequest &request, const QString &instance)
{
    const QByteArray type = request.contentType.split(';').first().trimmed().toLower();
    if (type != "application/json")
        return problem(415, QStringLiteral("The body must be application/json"), instance);
    return std::nullopt;
}

ApiResponse ApiRouter::handle(const ApiRequest &request)
{
    const QString instance = request.path.left(512);
    if (request.body.size() > kMaxRequestBytes)
        return problem(413, QStringLiteral("Request bodies are limited to %1 bytes").arg(kMaxRequestBytes), instance);
    if (m_extension) {
        if (auto answer = m_extension->handle(request))
            return *answer;
    }
    // Without a valid token every API path is 401, before it reveals which nodes or routes exist.
    const bool apiPath = request.path.startsWith(u"/api/") || request.path.startsWith(u"/n/");
    if (const Auth::Outcome who = m_auth.authenticate(request.authorization); apiPath && who != Auth::Outcome::Allowed) {
        const Auth::Denial denial = Auth::denial(who, {});
        ApiResponse r = problem(denial.status, denial.detail, instance);
        r.addHeader("WWW-Authenticate", denial.challenge);
        return r;
    }

    // Which node's base URL was addressed: the national node's, or /n/<id>.
    const Node *node = &m_backend.root();
    QString rest = request.path;
    if (rest.startsWith(u"/n/")) {
        const qsizetype slash = rest.indexOf(u'/', 3);
        const QString id = rest.mid(3, slash < 0 ? -1 : slash - 3);
        node = m_backend.node(id);
        if (!node)
            return problem(404, QStringLiteral("No node '%1' in this federation").arg(id.left(64)), instance);
        rest = slash < 0 ? QString() : rest.mid(slash);
    }
    const Route route = matchApiPath(rest);
    if (route.endpoint == Endpoint::Unknown)
        return problem(404, QStringLiteral("No such resource; see docs/node-api.md"), instance);

    ApiResponse response;
    const auto methods = methodsOf(route.endpoint);
    const auto method = std::find_if(methods.begin(), methods.end(), [&](const auto &m) { return m.first == request.method; });
    if (method == methods.end()) {
        QByteArrayList allowed;
        for (const auto &m : methods)
            allowed.append(m.first);
        response = methodNotAllowed(request.method, allowed, instance);
    } else if (m_backend.isDown(node->id)) {
        // A down node answers nothing useful, whoever asks.
        response = problem(503, QStringLiteral("Node '%1' is down").arg(node->id), instance);
    } else if (auto denied = checkScope(m_auth, request, method->second, instance)) {
        response = *denied;
    } else {
        const Context c{request, *node, instance};
        switch (route.endpoint) {
        case Endpoint::Node:
            response = getNode(c);
            break;
        case Endpoint::Nodes:
            response = getNodes(c);
            break;
        case Endpoint::Links:
            response = getLinks(c);
            break;
        case Endpoint::Metrics:
            response = getMetrics(c);
            break;
        case Endpoint::Offers:
            response = getOffers(c);
            break;
        case Endpoint::Jobs:
            response = request.method == "POST" ? postJob(c) : getJobs(c);
            break;
        case Endpoint::Job:
            response = getJob(c, route.jobId);
            break;
        case Endpoint::CancelJob:
            response = cancelJob(c, route.jobId);
            break;
        case Endpoint::Reservations:
            response = request.method == "POST" ? postReservation(c) : getReservations(c);
            break;
        case Endpoint::Reservation:
            response = getReservation(c, route.jobId);
            break;
        case Endpoint::CancelReservation:
            response = cancelReservation(c, route.jobId);
            break;
        case Endpoint::Alarms:
            response = getAlarms(c);
            break;
        case Endpoint::AlarmAction:
            response = actOnAlarm(c, route.jobId, route.action);
            break;
        case Endpoint::Silences:
            response = request.method == "POST" ? postSilence(c) : getSilences(c);
            break;
        case Endpoint::Silence:
            response = deleteSilence(c, route.jobId);
            break;
        case Endpoint::History:
            response = getHistory(c);
            break;
        case Endpoint::Registry:
            response = request.method == "POST" ? m_registry.apply(request, *node, instance)
                                                : m_registry.list(request, *node, instance);
            break;
        case Endpoint::Registration:
            response = m_registry.get(request, *node, route.jobId, instance);
            break;
        case Endpoint::RegistryDecision:
            response = m_registry.decide(request, *node, route.jobId, route.action, instance);
            break;
        case Endpoint::Unknown:
            break;
        }
    }
    response.nodeId = node->id;
    return response;
}

Node ApiRouter::withStatus(const Node &node) const
{
    Node n = node;
    n.status = m_backend.status(node.id);
    n.suspended = m_registry.isSuspended(node.id);
    return n;
}

ApiResponse ApiRouter::getNode(const Context &c) { return json(protocol::toJson(withStatus(c.node))); }

ApiResponse ApiRouter::cached(const Context &c, const QString &key, qint64 version,
                              const QByteArray &contentType, bool conditional,
                              const ResponseCache::Build &build)
{
    ResponseCache::Entry &entry = m_cache.get(key, version, contentType, build);
    ApiResponse r;
    r.contentType = entry.contentType;
    r.addHeader("Vary", "Accept, Accept-Encoding");
    if (conditional) {
        const QByteArray &etag = m_cache.etag(entry);
        r.addHeader("ETag", etag);
        if (etagListed(c.request.ifNoneMatch, etag)) {
            r.status = 304;
            return r;
        }
    }
    r.body = entry.body;
    if (accepts(c.request.acceptEncoding, "gzip"))
        r.gzipBody = m_cache.gzipped(entry);
    return r;
}

ApiResponse ApiRouter::getNodes(const Context &c)
{
    // The backend's nodes keep their positions (metrics refer to them); members served elsewhere follow.
    const qint64 version = qint64(qHashMulti(0, m_backend.directoryVersion(), m_registry.revision()));
    return cached(c, QStringLiteral("nodes|") + c.node.id, version, "application/json", true, [&] {
                      QJsonArray nodes;
                      for (const Node *node : m_backend.directory(c.node.id))
                          nodes.append(protocol::toJson(withStatus(*node)));
                      for (const Node &member : m_registry.members(c.node.id))
                          nodes.append(protocol::toJson(member));
                      return protocol::toBody({{QStringLiteral("generatedAt"), m_backend.nowMs()},
                                               {QStringLiteral("nodes"), nodes}});
                  });
}

ApiResponse ApiRouter::getLinks(const Context &c)
{
    return cached(c, QStringLiteral("links|") + c.node.id, 0, "application/json", true, [&] {
        QJsonArray links;
        for (const Link *link : m_backend.links(c.node.id))
            links.append(protocol::toJson(*link));
        return protocol::toBody({{QStringLiteral("links"), links}});
    });
}

ApiResponse ApiRouter::getHistory(const Context &c)
{
    const QUrlQuery &q = c.request.query;
    // series=node:<id>:<metric> or link:<id>:<metric> (a metric may hold a colon: accel:<model>)
    const QString series = q.queryItemValue(QStringLiteral("series"), QUrl::FullyDecoded);
    const qsizetype first = series.indexOf(u':');
    const qsizetype second = first < 0 ? -1 : series.indexOf(u':', first + 1);
    if (series.size() > 256 || second < 0)
        return problem(400, QStringLiteral("series must be node:<id>:<metric> or link:<id>:<metric>"), c.instance);
    ProtocolBackend::HistoryQuery query;
    const QString kind = series.left(first);
    query.id = series.mid(first + 1, second - first - 1);
    query.metric = series.mid(second + 1);
    if (kind == u"node") {
        query.entity = ProtocolBackend::HistoryQuery::Entity::Node;
        if (!metrics::isNodeMetric(query.metric))
            return problem(400, QStringLiteral("Unknown node metric '%1'").arg(query.metric.left(64)), c.instance);
        if (!m_backend.inDirectory(c.node.id, query.id))
            return problem(404, QStringLiteral("No node '%1' at this node").arg(query.id.left(64)), c.instance);
    } else if (kind == u"link") {
        query.entity = ProtocolBackend::HistoryQuery::Entity::Link;
        if (!metrics::isLinkMetric(query.metric))
            return problem(400, QStringLiteral("Unknown link metric '%1'").arg(query.metric.left(64)), c.instance);
        const QList<const Link *> links = m_backend.links(c.node.id);
        if (std::none_of(links.begin(), links.end(), [&](const Link *l) { return l->id == query.id; }))
            return problem(404, QStringLiteral("No link '%1' at this node").arg(query.id.left(64)), c.instance);
    } else {
        return problem(400, QStringLiteral("series must be node:<id>:<metric> or link:<id>:<metric>"), c.instance);
    }
    const auto integer = [&q](const char *name, qint64 *value) {
        bool ok = false;
        *value = q.queryItemValue(QString::fromLatin1(name)).toLongLong(&ok);
        return ok;
    };
    if (!integer("from", &query.fromMs) || !integer("to", &query.toMs) || !integer("step", &query.stepMs))
        return problem(400, QStringLiteral("from, to and step must be integers (epoch milliseconds; step in ms)"),
                       c.instance);
    if (query.stepMs < kHistoryMinStepMs || query.fromMs < 0 || query.fromMs > query.toMs)
        return problem(400, QStringLiteral("step must be at least %1 ms and from at most to").arg(kHistoryMinStepMs),
                       c.instance);
    if (query.toMs > m_backend.nowMs())
        return problem(400, QStringLiteral("to is in the future"), c.instance);
    if ((query.toMs - query.fromMs) / query.stepMs + 1 > kHistoryMaxPoints)
        return problem(400, QStringLiteral("At most %1 points: widen step or narrow the range").arg(kHistoryMaxPoints),
                       c.instance);

    auto deferred = std::make_shared<DeferredResponse>();
    m_backend.history(query, [deferred, query, series, instance = c.instance](ProtocolBackend::HistoryResult result) {
        deferred->resolve(historyAnswer(series, query, result, instance));
    });
    ApiResponse response;
    response.deferred = std::move(deferred);
    return response;
}

ApiResponse ApiRouter::historyAnswer(const QString &series, const ProtocolBackend::HistoryQuery &query,
                                     const ProtocolBackend::HistoryResult &result, const QString &instance)
{
    if (result.status / 100 != 2)
        return problem(result.status, result.detail, instance);
    if (result.value.size() != query.pointCount())
        return problem(502, QStringLiteral("The site's history answered %1 points for %2").arg(result.value.size()).arg(query.pointCount()),
                       instance);
    QJsonArray points;
    for (qsizetype i = 0; i < result.value.size(); ++i) {
        const std::optional<double> &v = result.value.at(i);
        points.append(QJsonArray{query.fromMs + i * query.stepMs, v ? QJsonValue(*v) : QJsonValue()});
    }
    return json({{QStringLiteral("series"), series},
                 {QStringLiteral("from"), query.fromMs},
                 {QStringLiteral("to"), query.toMs},
                 {QStringLiteral("step"), query.stepMs},
                 {QStringLiteral("points"), points}});
}

ApiResponse ApiRouter::getMetrics(const Context &c)
{
    const QUrlQuery &q = c.request.query;
    int limit = ProtocolBackend::kDefaultMetricsLimit;
    if (q.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = q.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > ProtocolBackend::kMaxMetricsLimit)
            return problem(400, QStringLiteral("limit must be an integer in [1, %1]").arg(ProtocolBackend::kMaxMetricsLimit),
                           c.instance);
    }
    const QString since = q.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded);
    if (since.size() > 128)
        return problem(400, QStringLiteral("since is longer than 128 characters"), c.instance);
    const QString deltaValue = q.queryItemValue(QStringLiteral("delta"));
    if (q.hasQueryItem(QStringLiteral("delta")) && deltaValue != u"0" && deltaValue != u"1")
        return problem(400, QStringLiteral("delta must be 0 or 1"), c.instance);
    const bool compact = accepts(c.request.accept, protocol::kCborContentType);
    const bool delta = compact && deltaValue == u"1";
    // Every console polling the same cursor gets the same bytes, built once per tick.
    const QString key =
        QStringLiteral("metrics|%1|%2|%3|%4%5").arg(c.node.id, since).arg(limit).arg(compact).arg(delta);
    return cached(c, key, m_backend.metricsVersion(since, limit),
                  compact ? QByteArray(protocol::kCborContentType) : QByteArray("application/json"), false,
                  [&] {
                      return m_backend.metricsBody(c.node.id, since, limit,
                                                   compact ? ProtocolBackend::MetricsEncoding::Compact
                                                           : ProtocolBackend::MetricsEncoding::Json,
                                                   delta);
                  });
}

ApiResponse ApiRouter::getOffers(const Context &c)
{
    const QString model = c.request.query.queryItemValue(QStringLiteral("model"), QUrl::FullyDecoded);
    if (c.request.query.hasQueryItem(QStringLiteral("model")) && !JsonReader::isIdentifier(model))
        return problem(400, QStringLiteral("model must be a model identifier such as ascend-910b"), c.instance);
    const ProtocolBackend::OffersVersion version = m_backend.offersVersion();
    return cached(c, QStringLiteral("offers|%1|%2").arg(c.node.id, model),
                  qint64(qHashMulti(0, version.version, m_registry.revision())), "application/json", true, [&] {
                      QJsonArray offers;
                      for (const Offer &o : m_backend.offers(c.node.id, model, version.pricedAtMs)) {
                          if (!m_registry.isSuspended(o.nodeId)) // a suspended node sells nothing
                              offers.append(protocol::toJson(o));
                      }
                      return protocol::toBody({{QStringLiteral("offers"), offers}});
                  });
}

ApiResponse ApiRouter::getJobs(const Context &c)
{
    QJsonArray jobs;
    for (const Job &job : m_backend.jobs(c.node.id))
        jobs.append(protocol::toJson(job));
    return json({{QStringLiteral("jobs"), jobs}});
}

ApiResponse ApiRouter::getJob(const Context &c, const QString &jobId)
{
    const auto job = m_backend.job(c.node.id, jobId);
    if (!job)
        return problem(404, QStringLiteral("No job '%1' at this node").arg(jobId.left(64)), c.instance);
    return json(protocol::toJson(*job));
}

ApiResponse ApiRouter::postJob(const Context &c)
{
    if (auto bad = checkJsonBody(c.request, c.instance))
        return *bad;
    const auto parsed = protocol::parseJobRequest(c.request.body);
    if (!parsed.ok())
        return problem(400, parsed.error(), c.instance);
    const JobRequest &request = parsed.value();
    const QString target = request.nodeId.isEmpty() ? c.node.id : request.nodeId;
    if (!m_backend.inDirectory(c.node.id, target))
        return problem(404, QStringLiteral("No node '%1' in the directory of '%2'").arg(target, c.node.id), c.instance);
    if (m_backend.isDown(target))
        return problem(503, QStringLiteral("Node '%1' is down").arg(target), c.instance);
    if (m_registry.isSuspended(target))
        return problem(409, QStringLiteral("The identifier of node '%1' is suspended; it takes no work").arg(target),
                       c.instance);
    const auto result = m_backend.submitJob(request, target);
    if (result.status != 201)
        return problem(result.status, result.detail, c.instance);
    ApiResponse r = json(protocol::toJson(result.value), 201);
    // The job is reachable under the base URL the client used, with the token it used.
    r.addHeader("Location", (c.node.baseUrl.toString() + QStringLiteral("/api/v1/jobs/") + result.value.id).toUtf8());
    return r;
}

ApiResponse ApiRouter::cancelJob(const Context &c, const QString &jobId)
{
    if (!m_backend.job(c.node.id, jobId))
        return problem(404, QStringLiteral("No job '%1' at this node").arg(jobId.left(64)), c.instance);
    const auto result = m_backend.cancelJob(jobId);
    if (result.status != 200)
        return problem(result.status, result.detail, c.instance);
    return json(protocol::toJson(result.value));
}

ApiResponse ApiRouter::getReservations(const Context &c)
{
    QJsonArray reservations;
    for (const Reservation &reservation : m_backend.reservations(c.node.id))
        reservations.append(protocol::toJson(reservation));
    return json({{QStringLiteral("reservations"), reservations}});
}

ApiResponse ApiRouter::getReservation(const Context &c, const QString &reservationId)
{
    const auto reservation = m_backend.reservation(c.node.id, reservationId);
    if (!reservation)
        return problem(404, QStringLiteral("No reservation '%1' at this node").arg(reservationId.left(64)), c.instance);
    return json(protocol::toJson(*reservation));
}

ApiResponse ApiRouter::postReservation(const Context &c)
{
    if (auto bad = checkJsonBody(c.request, c.instance))
        return *bad;
    const auto parsed = protocol::parseReservationRequest(c.request.body);
    if (!parsed.ok())
        return problem(400, parsed.error(), c.instance);
    const ReservationRequest &request = parsed.value();
    // The offer as it stands now: it may have vanished (node down, out of the directory) or shrunk
    // since the client read it.
    const QList<Offer> offers = m_backend.offers(c.node.id, {}, m_backend.nowMs());
    const auto offer = std::find_if(offers.begin(), offers.end(), [&](const Offer &o) {
        return o.id == request.offerId && !m_registry.isSuspended(o.nodeId);
    });
    if (offer == offers.end())
        return problem(409, QStringLiteral("The offer '%1' is no longer available").arg(request.offerId), c.instance);
    if (offer->available < request.count) {
        const QString what = offer->model.isEmpty() ? toWire(offer->resource) : offer->model;
        return problem(409,
                       QStringLiteral("Only %1 units of %2 are free at '%3'; %4 were asked for")
                           .arg(qint64(offer->available))
                           .arg(what, offer->nodeId)
                           .arg(request.count),
                       c.instance);
    }
    const auto result = m_backend.reserve(*offer, request.count, request.hours);
    if (result.status != 201)
        return problem(result.status, result.detail, c.instance);
    ApiResponse r = json(protocol::toJson(result.value), 201);
    r.addHeader("Location",
                (c.node.baseUrl.toString() + QStringLiteral("/api/v1/reservations/") + result.value.id).toUtf8());
    return r;
}

ApiResponse ApiRouter::cancelReservation(const Context &c, const QString &reservationId)
{
    if (!m_backend.reservation(c.node.id, reservationId))
        return problem(404, QStringLiteral("No reservation '%1' at this node").arg(reservationId.left(64)), c.instance);
    const auto result = m_backend.cancelReservation(reservationId);
    if (result.status != 200)
        return problem(result.status, result.detail, c.instance);
    return json(protocol::toJson(result.value));
}

ApiResponse ApiRouter::getAlarms(const Context &c)
{
    const QString since = c.request.query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded);
    if (since.size() > 128)
        return problem(400, QStringLiteral("since is longer than 128 characters"), c.instance);
    // Every console polling with the same cursor gets the same bytes while no alarm changes.
    return cached(c, QStringLiteral("alarms|%1|%2").arg(c.node.id, since), m_backend.alarmsVersion(),
                  "application/json", false, [&] {
                      return protocol::toBody(protocol::toJson(
                          m_backend.alarmsSince(c.node.id, since, protocol::kMaxAlarmsPerAnswer)));
                  });
}

ApiResponse ApiRouter::actOnAlarm(const Context &c, const QString &alarmId, const QString &action)
{
    if (!m_backend.hasAlarm(c.node.id, alarmId))
        return problem(404, QStringLiteral("No alarm '%1' at this node").arg(alarmId.left(64)), c.instance);
    const QString user = m_auth.username(c.request.authorization);
    ProtocolBackend::Result<Alarm> result;
    if (action == u"unack") {
        result = m_backend.unacknowledge(alarmId);
    } else {
        if (auto bad = checkJsonBody(c.request, c.instance))
            return *bad;
        if (action == u"ack") {
            const auto parsed = protocol::parseAckRequest(c.request.body);
            if (!parsed.ok())
                return problem(400, parsed.error(), c.instance);
            result = m_backend.acknowledge(alarmId, user, parsed.value());
        } else {
            const auto parsed = protocol::parseCommentRequest(c.request.body);
            if (!parsed.ok())
                return problem(400, parsed.error(), c.instance);
            result = m_backend.comment(alarmId, user, parsed.value().text);
        }
    }
    if (result.status >= 300)
        return problem(result.status, result.detail, c.instance);
    qCInfo(lcServer).noquote() << "alarm" << alarmId << action << "by" << user;
    return json(protocol::toJson(result.value), result.status);
}

ApiResponse ApiRouter::silencesAnswer(const QList<Silence> &silences)
{
    QJsonArray array;
    for (const Silence &s : silences)
        array.append(protocol::toJson(s));
    return json({{QStringLiteral("silences"), array}});
}

ApiResponse ApiRouter::getSilences(const Context &c) { return silencesAnswer(m_backend.silences(c.node.id)); }

ApiResponse ApiRouter::postSilence(const Context &c)
{
    if (auto bad = checkJsonBody(c.request, c.instance))
        return *bad;
    const auto parsed = protocol::parseSilenceRequest(c.request.body);
    if (!parsed.ok())
        return problem(400, parsed.error(), c.instance);
    const SilenceRequest &request = parsed.value();
    const bool link = request.target.kind == AlarmSource::Kind::Link;
    const bool exists = link ? m_backend.hasLink(request.target.id) : m_backend.node(request.target.id) != nullptr;
    if (!exists || !m_backend.oversees(c.node.id, request.target))
        return problem(404,
                       QStringLiteral("No %1 '%2' in the directory of '%3'")
                           .arg(link ? u"link" : u"node", request.target.id, c.node.id),
                       c.instance);
    auto deferred = std::make_shared<DeferredResponse>();
    m_backend.addSilence(m_auth.username(c.request.authorization), request,
                         [deferred, instance = c.instance, base = c.node.baseUrl.toString()](
                             ProtocolBackend::Result<Silence> result) {
                             if (result.status >= 300) {
                                 deferred->resolve(problem(result.status, result.detail, instance));
                                 return;
                             }
                             ApiResponse r = json(protocol::toJson(result.value), 201);
                             r.addHeader("Location", (base + QStringLiteral("/api/v1/silences/") + result.value.id).toUtf8());
                             deferred->resolve(std::move(r));
                         });
    ApiResponse response;
    response.deferred = std::move(deferred);
    return response;
}

ApiResponse ApiRouter::deleteSilence(const Context &c, const QString &silenceId)
{
    auto deferred = std::make_shared<DeferredResponse>();
    m_backend.removeSilence(c.node.id, silenceId,
                            [deferred, instance = c.instance](ProtocolBackend::Result<QList<Silence>> result) {
                                deferred->resolve(result.status >= 300
                                                      ? problem(result.status, result.detail, instance)
                                                      : silencesAnswer(result.value));
                            });
    ApiResponse response;
    response.deferred = std::move(deferred);
    return response;
}

} // namespace cpn::server
