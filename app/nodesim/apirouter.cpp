#include "apirouter.h"

#include "domain/alarmjson.h"
#include "domain/jsonreader.h"
#include "domain/logging.h"
#include "domain/protocoljson.h"

#include <QJsonArray>

namespace cpn::sim {
namespace {

constexpr qint64 kOfferValidityMs = 30'000;
// Offers are priced afresh every 10 s (or when a job, reservation or fault changes them), so
// consoles polling every few seconds mostly get a 304.
constexpr qint64 kOfferEpochMs = 10'000;

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
    {409, "conflict", "Conflict"},
    {413, "payload-too-large", "Payload too large"},
    {415, "unsupported-media-type", "Unsupported media type"},
    {422, "unprocessable", "Unprocessable"},
    {500, "internal", "Internal error"},
    {503, "unavailable", "Unavailable"},
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
    Unknown
};

struct Route
{
    Endpoint endpoint = Endpoint::Unknown;
    QString jobId;  // or the reservation, alarm or silence id
    QString action; // of an alarm
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
    case Endpoint::Unknown:
        break;
    }
    return {};
}

ApiResponse methodNotAllowed(const QByteArray &method, const QByteArrayList &allowed, const QString &instance)
{
    ApiResponse r = ApiRouter::problem(
        405, QStringLiteral("%1 is not allowed here; use %2").arg(QString::fromLatin1(method.left(16)), QString::fromLatin1(allowed.join(", "))),
        instance);
    r.addHeader("Allow", allowed.join(", "));
    return r;
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

QByteArray ApiResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

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
    p.detail = detail;
    p.instance = instance.left(512);
    ApiResponse r;
    r.status = status;
    r.contentType = "application/problem+json";
    r.body = protocol::toBody(protocol::toJson(p));
    if (status == 503)
        r.addHeader("Retry-After", QByteArray::number(kRetryAfterSeconds));
    return r;
}

ApiResponse ApiRouter::json(const QJsonObject &object, int status)
{
    ApiResponse r;
    r.status = status;
    r.body = protocol::toBody(object);
    return r;
}

std::optional<ApiResponse> ApiRouter::checkScope(const ApiRequest &request, const QString &scope,
                                                 const QString &instance) const
{
    const Auth::Outcome outcome = m_auth.check(request.authorization, scope);
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
    if (request.path == u"/sim/v1/faults" || request.path.startsWith(u"/sim/v1/faults/"))
        return handleSim(request);
    // Without a valid token every API path is 401, before it reveals which nodes or routes exist.
    const bool apiPath = request.path.startsWith(u"/api/") || request.path.startsWith(u"/n/");
    if (const Auth::Outcome who = m_auth.authenticate(request.authorization); apiPath && who != Auth::Outcome::Allowed) {
        const Auth::Denial denial = Auth::denial(who, {});
        ApiResponse r = problem(denial.status, denial.detail, instance);
        r.addHeader("WWW-Authenticate", denial.challenge);
        return r;
    }

    // Which node's base URL was addressed: the national node's, or /n/<id>.
    const Node *node = &m_sim.scenario().national();
    QString rest = request.path;
    if (rest.startsWith(u"/n/")) {
        const qsizetype slash = rest.indexOf(u'/', 3);
        const QString id = rest.mid(3, slash < 0 ? -1 : slash - 3);
        node = m_sim.scenario().node(id);
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
    } else if (m_sim.faults().isNodeDown(node->id)) {
        // A down node answers nothing useful, whoever asks.
        response = problem(503, QStringLiteral("Node '%1' is down").arg(node->id), instance);
    } else if (auto denied = checkScope(request, method->second, instance)) {
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
    n.status = m_sim.statusOf(node.id);
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
    return cached(c, QStringLiteral("nodes|") + c.node.id, qint64(m_sim.faultRevision()), "application/json",
                  true, [&] {
                      QJsonArray nodes;
                      for (int i : m_sim.scenario().directory(c.node.id))
                          nodes.append(protocol::toJson(withStatus(m_sim.scenario().nodes()[i])));
                      return protocol::toBody({{QStringLiteral("generatedAt"), m_sim.clock().nowMs()},
                                               {QStringLiteral("nodes"), nodes}});
                  });
}

ApiResponse ApiRouter::getLinks(const Context &c)
{
    return cached(c, QStringLiteral("links|") + c.node.id, 0, "application/json", true, [&] {
        QJsonArray links;
        for (int i : m_sim.scenario().linksAmong(c.node.id))
            links.append(protocol::toJson(m_sim.scenario().links()[i]));
        return protocol::toBody({{QStringLiteral("links"), links}});
    });
}

ApiResponse ApiRouter::getMetrics(const Context &c)
{
    const QUrlQuery &q = c.request.query;
    int limit = MetricsHistory::kDefaultLimit;
    if (q.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = q.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > MetricsHistory::kMaxLimit)
            return problem(400, QStringLiteral("limit must be an integer in [1, %1]").arg(MetricsHistory::kMaxLimit),
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
    // The answer changes with the ticks it holds: up to since + limit for a cursor the history
    // holds, the latest tick otherwise (a reset).
    const MetricsHistory &history = m_sim.history();
    bool numeric = false;
    const qint64 after = since.toLongLong(&numeric);
    const bool known =
        numeric && !history.isEmpty() && after >= history.oldest().seq && after <= history.latest().seq;
    const qint64 latest = history.isEmpty() ? -1 : history.latest().seq;
    const qint64 version = known ? 2 * std::min(latest, after + limit) : 2 * latest + 1;
    return cached(c, key, version,
                  compact ? QByteArray(protocol::kCborContentType) : QByteArray("application/json"), false,
                  [&] {
                      return m_sim.metricsBody(
                          c.node.id, since, limit, Simulator::kMaxMetricsBytes,
                          compact ? Simulator::Encoding::Compact : Simulator::Encoding::Json, delta);
                  });
}

ApiResponse ApiRouter::getOffers(const Context &c)
{
    const QString model = c.request.query.queryItemValue(QStringLiteral("model"), QUrl::FullyDecoded);
    if (c.request.query.hasQueryItem(QStringLiteral("model")) && !JsonReader::isIdentifier(model))
        return problem(400, QStringLiteral("model must be a model identifier such as ascend-910b"), c.instance);
    m_sim.jobs().update();
    const qint64 now = m_sim.clock().nowMs();
    const qint64 epochMs = now - now % kOfferEpochMs;
    // What the offers depend on besides the time: jobs, reservations and faults.
    size_t version = qHashMulti(0, epochMs, m_sim.faultRevision());
    for (const Job &job : m_sim.jobs().jobs())
        version = qHashMulti(version, job.id, int(job.state));
    for (const Reservation &reservation : m_sim.jobs().reservations())
        version = qHashMulti(version, reservation.id, int(reservation.state));
    return cached(c, QStringLiteral("offers|%1|%2").arg(c.node.id, model), qint64(version),
                  "application/json", true, [&] {
                      QJsonArray offers;
                      for (const Offer &o : currentOffers(c.node, model, epochMs))
                          offers.append(protocol::toJson(o));
                      return protocol::toBody({{QStringLiteral("offers"), offers}});
                  });
}

QList<Offer> ApiRouter::currentOffers(const Node &addressed, const QString &model, qint64 atMs)
{
    const qint64 now = atMs;
    m_sim.jobs().update();
    QList<Offer> offers;
    for (int i : m_sim.scenario().directory(addressed.id)) {
        const Node &n = m_sim.scenario().nodes()[i];
        if (m_sim.faults().isNodeDown(n.id))
            continue; // a down node sells nothing
        // Available = capacity minus what other tenants and our jobs use now, and what is reserved.
        const BackgroundLoad load = m_sim.loadModel().background(n, now);
        const NodeUsage used = m_sim.jobs().usage(n.id);
        const NodeUsage held = m_sim.jobs().reserved(n.id);
        const auto add = [&](Offer::Resource resource, const QString &suffix, const QString &slug, double capacity,
                             double fraction, double jobs, double price) {
            Offer o;
            o.id = n.id + u'.' + suffix;
            o.nodeId = n.id;
            o.resource = resource;
            o.model = slug;
            o.available = std::max(0.0, std::floor(capacity * (1 - fraction) - jobs));
            o.pricePerHour = price;
            o.validUntilMs = now + kOfferValidityMs;
            offers.append(o);
        };
        for (const auto &pool : n.capacity.accelerators) {
            if (model.isEmpty() || pool.model == model)
                add(Offer::Resource::Accelerator, pool.model, pool.model, pool.count, load.accelerators.value(pool.model),
                    used.accelerators.value(pool.model) + held.accelerators.value(pool.model),
                    n.prices.acceleratorHour.value(pool.model));
        }
        if (!model.isEmpty())
            continue;
        add(Offer::Resource::Cpu, QStringLiteral("cpu"), {}, n.capacity.cpuCores, load.cpu, used.cpuCores + held.cpuCores,
            n.prices.cpuCoreHour);
        add(Offer::Resource::Memory, QStringLiteral("memory"), {}, n.capacity.memoryTiB * 1024, load.memory,
            used.memoryGiB + held.memoryGiB, n.prices.memoryGiBHour);
        add(Offer::Resource::Storage, QStringLiteral("storage"), {}, n.capacity.storagePB * 1000, load.storage,
            used.storageTB + held.storageTB, n.prices.storageTBHour);
    }
    return offers;
}

ApiResponse ApiRouter::getJobs(const Context &c)
{
    m_sim.jobs().update();
    const QList<Job> all = m_sim.jobs().jobs();
    QJsonArray jobs;
    for (auto it = all.crbegin(); it != all.crend(); ++it) { // newest first
        if (m_sim.scenario().inDirectory(c.node.id, it->nodeId))
            jobs.append(protocol::toJson(*it));
    }
    return json({{QStringLiteral("jobs"), jobs}});
}

ApiResponse ApiRouter::getJob(const Context &c, const QString &jobId)
{
    m_sim.jobs().update();
    const auto job = m_sim.jobs().job(jobId);
    if (!job || !m_sim.scenario().inDirectory(c.node.id, job->nodeId))
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
    if (!m_sim.scenario().inDirectory(c.node.id, target))
        return problem(404, QStringLiteral("No node '%1' in the directory of '%2'").arg(target, c.node.id), c.instance);
    if (m_sim.faults().isNodeDown(target))
        return problem(503, QStringLiteral("Node '%1' is down").arg(target), c.instance);
    const JobEngine::Result result = m_sim.jobs().submit(request, target);
    if (result.status != 201)
        return problem(result.status, result.detail, c.instance);
    ApiResponse r = json(protocol::toJson(result.job), 201);
    // The job is reachable under the base URL the client used, with the token it used.
    r.addHeader("Location", (c.node.baseUrl.toString() + QStringLiteral("/api/v1/jobs/") + result.job.id).toUtf8());
    return r;
}

ApiResponse ApiRouter::cancelJob(const Context &c, const QString &jobId)
{
    const auto job = m_sim.jobs().job(jobId);
    if (!job || !m_sim.scenario().inDirectory(c.node.id, job->nodeId))
        return problem(404, QStringLiteral("No job '%1' at this node").arg(jobId.left(64)), c.instance);
    const JobEngine::Result result = m_sim.jobs().cancel(jobId);
    if (result.status != 200)
        return problem(result.status, result.detail, c.instance);
    return json(protocol::toJson(result.job));
}

ApiResponse ApiRouter::getReservations(const Context &c)
{
    m_sim.jobs().update();
    const QList<Reservation> all = m_sim.jobs().reservations();
    QJsonArray reservations;
    for (auto it = all.crbegin(); it != all.crend(); ++it) { // newest first
        if (m_sim.scenario().inDirectory(c.node.id, it->nodeId))
            reservations.append(protocol::toJson(*it));
    }
    return json({{QStringLiteral("reservations"), reservations}});
}

ApiResponse ApiRouter::getReservation(const Context &c, const QString &reservationId)
{
    m_sim.jobs().update();
    const auto reservation = m_sim.jobs().reservation(reservationId);
    if (!reservation || !m_sim.scenario().inDirectory(c.node.id, reservation->nodeId))
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
    const QList<Offer> offers = currentOffers(c.node, {}, m_sim.clock().nowMs());
    const auto offer = std::find_if(offers.begin(), offers.end(), [&](const Offer &o) { return o.id == request.offerId; });
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
    const JobEngine::ReservationResult result = m_sim.jobs().reserve(*offer, request.count, request.hours);
    if (result.status != 201)
        return problem(result.status, result.detail, c.instance);
    ApiResponse r = json(protocol::toJson(result.reservation), 201);
    r.addHeader("Location",
                (c.node.baseUrl.toString() + QStringLiteral("/api/v1/reservations/") + result.reservation.id).toUtf8());
    return r;
}

ApiResponse ApiRouter::cancelReservation(const Context &c, const QString &reservationId)
{
    const auto reservation = m_sim.jobs().reservation(reservationId);
    if (!reservation || !m_sim.scenario().inDirectory(c.node.id, reservation->nodeId))
        return problem(404, QStringLiteral("No reservation '%1' at this node").arg(reservationId.left(64)), c.instance);
    const JobEngine::ReservationResult result = m_sim.jobs().cancelReservation(reservationId);
    if (result.status != 200)
        return problem(result.status, result.detail, c.instance);
    return json(protocol::toJson(result.reservation));
}

bool ApiRouter::oversees(const Node &node, const AlarmSource &source) const
{
    return m_sim.covers({AlarmSource::Kind::Subtree, node.id}, source);
}

ApiResponse ApiRouter::getAlarms(const Context &c)
{
    const QString since = c.request.query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded);
    if (since.size() > 128)
        return problem(400, QStringLiteral("since is longer than 128 characters"), c.instance);
    AlarmBook &book = m_sim.alarms();
    book.update();
    // Every console polling with the same cursor gets the same bytes while no alarm changes.
    return cached(c, QStringLiteral("alarms|%1|%2").arg(c.node.id, since), book.version(), "application/json",
                  false, [&] {
                      return protocol::toBody(protocol::toJson(book.since(
                          since, [&](const Alarm &a) { return oversees(c.node, a.source); },
                          protocol::kMaxAlarmsPerAnswer)));
                  });
}

ApiResponse ApiRouter::actOnAlarm(const Context &c, const QString &alarmId, const QString &action)
{
    AlarmBook &book = m_sim.alarms();
    book.update();
    const Alarm *alarm = book.alarm(alarmId);
    if (!alarm || !oversees(c.node, alarm->source))
        return problem(404, QStringLiteral("No alarm '%1' at this node").arg(alarmId.left(64)), c.instance);
    const QString user = m_auth.username(c.request.authorization);
    AlarmBook::Result result;
    if (action == u"unack") {
        result = book.unacknowledge(alarmId);
    } else {
        if (auto bad = checkJsonBody(c.request, c.instance))
            return *bad;
        if (action == u"ack") {
            const auto parsed = protocol::parseAckRequest(c.request.body);
            if (!parsed.ok())
                return problem(400, parsed.error(), c.instance);
            result = book.acknowledge(alarmId, user, parsed.value());
        } else {
            const auto parsed = protocol::parseCommentRequest(c.request.body);
            if (!parsed.ok())
                return problem(400, parsed.error(), c.instance);
            result = book.comment(alarmId, user, parsed.value().text);
        }
    }
    if (result.status >= 300)
        return problem(result.status, result.detail, c.instance);
    qCInfo(lcSim).noquote() << "alarm" << alarmId << action << "by" << user;
    return json(protocol::toJson(result.alarm), result.status);
}

ApiResponse ApiRouter::getSilences(const Context &c)
{
    m_sim.alarms().update();
    QJsonArray silences;
    for (const Silence &s : m_sim.alarms().silences()) {
        if (oversees(c.node, s.target))
            silences.append(protocol::toJson(s));
    }
    return json({{QStringLiteral("silences"), silences}});
}

ApiResponse ApiRouter::postSilence(const Context &c)
{
    if (auto bad = checkJsonBody(c.request, c.instance))
        return *bad;
    const auto parsed = protocol::parseSilenceRequest(c.request.body);
    if (!parsed.ok())
        return problem(400, parsed.error(), c.instance);
    const SilenceRequest &request = parsed.value();
    const bool link = request.target.kind == AlarmSource::Kind::Link;
    const bool exists = link ? m_sim.scenario().link(request.target.id) != nullptr
                             : m_sim.scenario().node(request.target.id) != nullptr;
    if (!exists || !oversees(c.node, request.target))
        return problem(404,
                       QStringLiteral("No %1 '%2' in the directory of '%3'")
                           .arg(link ? u"link" : u"node", request.target.id, c.node.id),
                       c.instance);
    AlarmBook &book = m_sim.alarms();
    book.update();
    const AlarmBook::Result result = book.addSilence(m_auth.username(c.request.authorization), request);
    if (result.status >= 300)
        return problem(result.status, result.detail, c.instance);
    ApiResponse r = json(protocol::toJson(result.silence), 201);
    r.addHeader(
        "Location",
        (c.node.baseUrl.toString() + QStringLiteral("/api/v1/silences/") + result.silence.id).toUtf8());
    return r;
}

ApiResponse ApiRouter::deleteSilence(const Context &c, const QString &silenceId)
{
    AlarmBook &book = m_sim.alarms();
    book.update();
    const auto &all = book.silences();
    const auto it = std::find_if(all.begin(), all.end(), [&](const Silence &s) { return s.id == silenceId; });
    if (it == all.end() || !oversees(c.node, it->target) || !book.removeSilence(silenceId))
        return problem(404, QStringLiteral("No silence '%1' at this node").arg(silenceId.left(64)),
                       c.instance);
    return getSilences(c);
}

ApiResponse ApiRouter::handleSim(const ApiRequest &request)
{
    const QString instance = request.path.left(512);
    const QStringList rest = request.path.mid(QStringLiteral("/sim/v1/faults").size()).split(u'/', Qt::SkipEmptyParts);
    const auto list = [this](int status) {
        QJsonArray faults;
        for (const auto &f : m_sim.faults().faults())
            faults.append(f.toJson());
        return json({{QStringLiteral("faults"), faults}}, status);
    };
    if (rest.isEmpty()) {
        if (request.method != "GET" && request.method != "POST" && request.method != "DELETE")
            return methodNotAllowed(request.method, {"GET", "POST", "DELETE"}, instance);
    } else if (rest.size() != 2) {
        return problem(404, QStringLiteral("Expected /sim/v1/faults/<kind>/<target>"), instance);
    } else if (request.method != "DELETE") {
        return methodNotAllowed(request.method, {"DELETE"}, instance);
    }
    if (auto denied = checkScope(request, Auth::kSimControl, instance))
        return *denied;

    if (!rest.isEmpty()) {
        const auto kind = Fault::kindFromName(rest[0]);
        if (!kind || !m_sim.removeFault(*kind, rest[1]))
            return problem(404, QStringLiteral("No fault %1 on '%2'").arg(rest[0].left(32), rest[1].left(64)), instance);
        return list(200);
    }
    if (request.method == "GET")
        return list(200);
    if (request.method == "DELETE") {
        m_sim.clearFaults();
        return list(200);
    }
    if (auto bad = checkJsonBody(request, instance))
        return *bad;
    QString error;
    const auto fault = FaultInjector::parseJson(request.body, &error);
    if (!fault)
        return problem(400, error, instance);
    if (!m_sim.addFault(*fault, &error))
        return problem(404, error, instance);
    return list(201);
}

} // namespace cpn::sim
