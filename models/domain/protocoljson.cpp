#include "domain/protocoljson.h"

#include "domain/computeid.h"
#include "domain/jsonreader.h"

#include <QJsonArray>
#include <cmath>
#include <QJsonDocument>

namespace cpn {

QString toWire(Offer::Resource r)
{
    switch (r) {
    case Offer::Resource::Accelerator:
        return QStringLiteral("accelerator");
    case Offer::Resource::Cpu:
        return QStringLiteral("cpu");
    case Offer::Resource::Memory:
        return QStringLiteral("memory");
    case Offer::Resource::Storage:
        return QStringLiteral("storage");
    }
    return {};
}

QString toWire(Reservation::State state)
{
    switch (state) {
    case Reservation::State::Active:
        return QStringLiteral("active");
    case Reservation::State::Used:
        return QStringLiteral("used");
    case Reservation::State::Cancelled:
        return QStringLiteral("cancelled");
    case Reservation::State::Expired:
        return QStringLiteral("expired");
    }
    return {};
}

} // namespace cpn

namespace cpn::protocol {
namespace {

constexpr double kMaxQuantity = 1e12;

template <typename E> E readEnum(JsonReader &r, const QJsonObject &o, const QString &key)
{
    const QString name = r.oneOf(o, key, wireNames<E>());
    return fromWire<E>(name).value_or(E{});
}

QList<AcceleratorPool> readPools(JsonReader &r, const QJsonObject &capacity)
{
    QList<AcceleratorPool> pools;
    const QJsonArray array = r.array(capacity, QStringLiteral("accelerators"), 64);
    JsonReader::Scope scope(r, QStringLiteral("accelerators"));
    for (int i = 0; i < array.size() && r.ok(); ++i) {
        const QJsonObject o = r.element(array, i);
        JsonReader::Scope item(r, QStringLiteral("[%1]").arg(i));
        pools.append({r.identifier(o, QStringLiteral("model")),
                      int(r.integer(o, QStringLiteral("count"), 0, 10'000'000))});
    }
    return pools;
}

QMap<QString, double> readModelMap(JsonReader &r, const QJsonObject &o, const QString &key, double max)
{
    QMap<QString, double> map;
    const QJsonObject m = r.object(o, key);
    if (m.size() > 64) {
        r.failAt(key, QStringLiteral("more than 64 entries"));
        return map;
    }
    JsonReader::Scope scope(r, key);
    for (auto it = m.begin(); it != m.end() && r.ok(); ++it) {
        if (!JsonReader::isIdentifier(it.key())) {
            r.fail(QStringLiteral("key '%1' is not a model identifier").arg(it.key().left(64)));
            break;
        }
        map.insert(it.key(), r.number(m, it.key(), 0, max));
    }
    return map;
}

Node readNode(JsonReader &r, const QJsonObject &o)
{
    Node n;
    n.id = r.identifier(o, QStringLiteral("id"));
    n.computeId = r.string(o, QStringLiteral("computeId"), 32);
    QString computeIdError;
    if (r.ok() && !computeid::isValid(n.computeId, &computeIdError))
        r.failAt(QStringLiteral("computeId"), computeIdError);
    n.name = r.string(o, QStringLiteral("name"), 128);
    n.nameZh = r.optionalString(o, QStringLiteral("nameZh"), 128);
    n.tier = readEnum<NodeTier>(r, o, QStringLiteral("tier"));
    n.role = readEnum<NodeRole>(r, o, QStringLiteral("role"));
    n.parentId = r.optionalIdentifier(o, QStringLiteral("parentId"));
    n.province = r.string(o, QStringLiteral("province"), 8);
    n.city = r.optionalString(o, QStringLiteral("city"), 128);
    n.cityZh = r.optionalString(o, QStringLiteral("cityZh"), 128);
    n.sector = r.optionalString(o, QStringLiteral("sector"), 3);
    n.lat = r.number(o, QStringLiteral("lat"), -90, 90);
    n.lon = r.number(o, QStringLiteral("lon"), -180, 180);
    const QString url = r.string(o, QStringLiteral("baseUrl"), 2048);
    if (r.ok()) {
        n.baseUrl = QUrl(url, QUrl::StrictMode);
        const QString scheme = n.baseUrl.scheme();
        if (!n.baseUrl.isValid() || (scheme != u"http" && scheme != u"https") || n.baseUrl.host().isEmpty())
            r.failAt(QStringLiteral("baseUrl"), QStringLiteral("expected an absolute http(s) URL"));
    }
    n.status = readEnum<NodeStatus>(r, o, QStringLiteral("status"));
    n.suspended = r.boolean(o, QStringLiteral("suspended"), false);
    {
        const QJsonObject c = r.object(o, QStringLiteral("capacity"));
        JsonReader::Scope scope(r, QStringLiteral("capacity"));
        n.capacity.cpuCores = int(r.integer(c, QStringLiteral("cpuCores"), 0, 100'000'000));
        n.capacity.memoryTiB = r.number(c, QStringLiteral("memoryTiB"), 0, kMaxQuantity);
        n.capacity.storagePB = r.number(c, QStringLiteral("storagePB"), 0, kMaxQuantity);
        n.capacity.accelerators = readPools(r, c);
    }
    {
        const QJsonObject p = r.object(o, QStringLiteral("prices"));
        JsonReader::Scope scope(r, QStringLiteral("prices"));
        if (r.ok() && r.string(p, QStringLiteral("currency"), 3) != u"CNY" && r.ok())
            r.failAt(QStringLiteral("currency"), QStringLiteral("only CNY is supported"));
        n.prices.cpuCoreHour = r.number(p, QStringLiteral("cpuCoreHour"), 0, 1e6);
        n.prices.memoryGiBHour = r.number(p, QStringLiteral("memoryGiBHour"), 0, 1e6);
        n.prices.storageTBHour = r.number(p, QStringLiteral("storageTBHour"), 0, 1e6);
        n.prices.acceleratorHour = readModelMap(r, p, QStringLiteral("acceleratorHour"), 1e6);
    }
    n.pue = r.number(o, QStringLiteral("pue"), 1.0, 3.0);
    n.greenShare = r.number(o, QStringLiteral("greenShare"), 0, 1);
    return n;
}

Link readLink(JsonReader &r, const QJsonObject &o)
{
    Link l;
    l.id = r.identifier(o, QStringLiteral("id"));
    l.a = r.identifier(o, QStringLiteral("a"));
    l.b = r.identifier(o, QStringLiteral("b"));
    if (r.ok() && l.a == l.b)
        r.failAt(QStringLiteral("b"), QStringLiteral("a link must join two different nodes"));
    l.kind = readEnum<LinkKind>(r, o, QStringLiteral("kind"));
    l.capacityGbps = r.number(o, QStringLiteral("capacityGbps"), 0, 1e6);
    l.distanceKm = r.number(o, QStringLiteral("distanceKm"), 0, 50000);
    l.baseLatencyMs = r.number(o, QStringLiteral("baseLatencyMs"), 0, 10000);
    return l;
}

NodeSample readNodeSample(JsonReader &r, const QJsonObject &o)
{
    NodeSample s;
    s.nodeId = r.identifier(o, QStringLiteral("id"));
    s.tsMs = r.integer(o, QStringLiteral("ts"), 0, kMaxEpochMs);
    s.status = readEnum<NodeStatus>(r, o, QStringLiteral("status"));
    const QJsonObject u = r.object(o, QStringLiteral("util"));
    {
        JsonReader::Scope scope(r, QStringLiteral("util"));
        s.cpuUtil = r.number(u, QStringLiteral("cpu"), 0, 1);
        s.memoryUtil = r.number(u, QStringLiteral("memory"), 0, 1);
        s.storageUtil = r.number(u, QStringLiteral("storage"), 0, 1);
        s.acceleratorUtil = readModelMap(r, u, QStringLiteral("accelerators"), 1);
    }
    s.powerKw = r.number(o, QStringLiteral("powerKw"), 0, 1e9);
    s.queuedJobs = int(r.integer(o, QStringLiteral("queuedJobs"), 0, 10'000'000));
    s.runningJobs = int(r.integer(o, QStringLiteral("runningJobs"), 0, 10'000'000));
    return s;
}

LinkSample readLinkSample(JsonReader &r, const QJsonObject &o)
{
    LinkSample s;
    s.linkId = r.identifier(o, QStringLiteral("id"));
    s.tsMs = r.integer(o, QStringLiteral("ts"), 0, kMaxEpochMs);
    s.status = readEnum<LinkStatus>(r, o, QStringLiteral("status"));
    s.abGbps = r.number(o, QStringLiteral("abGbps"), 0, 1e6);
    s.baGbps = r.number(o, QStringLiteral("baGbps"), 0, 1e6);
    s.latencyMs = r.number(o, QStringLiteral("latencyMs"), 0, 1e5);
    s.lossPct = r.number(o, QStringLiteral("lossPct"), 0, 100);
    return s;
}

Offer::Resource readResource(JsonReader &r, const QJsonObject &o)
{
    const QString name = r.oneOf(o, QStringLiteral("resource"),
                                 {QStringLiteral("accelerator"), QStringLiteral("cpu"),
                                  QStringLiteral("memory"), QStringLiteral("storage")});
    if (name == u"accelerator")
        return Offer::Resource::Accelerator;
    if (name == u"memory")
        return Offer::Resource::Memory;
    if (name == u"storage")
        return Offer::Resource::Storage;
    return Offer::Resource::Cpu;
}

Offer readOffer(JsonReader &r, const QJsonObject &o)
{
    Offer f;
    f.id = r.identifier(o, QStringLiteral("id"));
    f.nodeId = r.identifier(o, QStringLiteral("nodeId"));
    f.resource = readResource(r, o);
    if (f.resource == Offer::Resource::Accelerator)
        f.model = r.identifier(o, QStringLiteral("model"));
    f.available = r.number(o, QStringLiteral("available"), 0, kMaxQuantity);
    f.pricePerHour = r.number(o, QStringLiteral("pricePerHour"), 0, 1e6);
    f.validUntilMs = r.integer(o, QStringLiteral("validUntil"), 0, kMaxEpochMs);
    return f;
}

JobRequirements readRequirements(JsonReader &r, const QJsonObject &o)
{
    JobRequirements q;
    q.acceleratorModel = r.optionalIdentifier(o, QStringLiteral("acceleratorModel"));
    q.accelerators = int(r.optionalInteger(o, QStringLiteral("accelerators"), 0, 100'000, 0));
    if (r.ok() && q.accelerators > 0 && q.acceleratorModel.isEmpty())
        r.failAt(QStringLiteral("acceleratorModel"), QStringLiteral("required when accelerators > 0"));
    q.cpuCores = int(r.optionalInteger(o, QStringLiteral("cpuCores"), 0, 10'000'000, 0));
    q.memoryGiB = r.optionalNumber(o, QStringLiteral("memoryGiB"), 0, 1e9, 0);
    q.storageTB = r.optionalNumber(o, QStringLiteral("storageTB"), 0, 1e9, 0);
    q.durationHours = r.number(o, QStringLiteral("durationHours"), 0, 24 * 366);
    if (r.ok() && q.durationHours <= 0)
        r.failAt(QStringLiteral("durationHours"), QStringLiteral("must be more than 0"));
    return q;
}

Job readJob(JsonReader &r, const QJsonObject &o)
{
    Job j;
    j.id = r.identifier(o, QStringLiteral("id"));
    j.name = r.string(o, QStringLiteral("name"), 200);
    j.kind = readEnum<JobKind>(r, o, QStringLiteral("kind"));
    j.nodeId = r.identifier(o, QStringLiteral("nodeId"));
    j.state = readEnum<JobState>(r, o, QStringLiteral("state"));
    j.progress = r.number(o, QStringLiteral("progress"), 0, 1);
    {
        const QJsonObject q = r.object(o, QStringLiteral("requirements"));
        JsonReader::Scope scope(r, QStringLiteral("requirements"));
        j.requirements = readRequirements(r, q);
    }
    j.estimatedCostCny = r.number(o, QStringLiteral("estimatedCostCny"), 0, 1e12);
    j.submittedAtMs = r.integer(o, QStringLiteral("submittedAt"), 0, kMaxEpochMs);
    j.startedAtMs = r.optionalInteger(o, QStringLiteral("startedAt"), 0, kMaxEpochMs, 0);
    j.finishedAtMs = r.optionalInteger(o, QStringLiteral("finishedAt"), 0, kMaxEpochMs, 0);
    j.message = r.optionalString(o, QStringLiteral("message"), 1000);
    return j;
}

Reservation readReservation(JsonReader &r, const QJsonObject &o)
{
    Reservation v;
    v.id = r.identifier(o, QStringLiteral("id"));
    v.offerId = r.identifier(o, QStringLiteral("offerId"));
    v.nodeId = r.identifier(o, QStringLiteral("nodeId"));
    v.resource = readResource(r, o);
    if (v.resource == Offer::Resource::Accelerator)
        v.model = r.identifier(o, QStringLiteral("model"));
    v.count = int(r.integer(o, QStringLiteral("count"), 1, 10'000'000));
    v.hours = r.number(o, QStringLiteral("hours"), 0, 24 * 366);
    v.priceCnyPerHour = r.number(o, QStringLiteral("priceCnyPerHour"), 0, 1e6);
    v.createdAtMs = r.integer(o, QStringLiteral("createdAt"), 0, kMaxEpochMs);
    v.expiresAtMs = r.integer(o, QStringLiteral("expiresAt"), 0, kMaxEpochMs);
    const QString state = r.oneOf(o, QStringLiteral("state"),
                                  {QStringLiteral("active"), QStringLiteral("used"), QStringLiteral("cancelled"),
                                   QStringLiteral("expired")});
    v.state = state == u"used"        ? Reservation::State::Used
              : state == u"cancelled" ? Reservation::State::Cancelled
              : state == u"expired"   ? Reservation::State::Expired
                                      : Reservation::State::Active;
    v.jobId = r.optionalIdentifier(o, QStringLiteral("jobId"));
    return v;
}

// Parses a body whose top-level object holds an array of items under `key`.
template <typename T, typename ReadItem>
Parsed<QList<T>> parseList(const QByteArray &body, const QString &key, int maxCount, ReadItem readItem)
{
    QString error;
    const auto object = parseObject(body, kMaxBodyBytesCeiling, &error);
    if (!object)
        return Parsed<QList<T>>::failure(error);
    JsonReader r;
    const QJsonArray array = r.array(*object, key, maxCount);
    QList<T> items;
    items.reserve(array.size());
    JsonReader::Scope scope(r, key);
    for (int i = 0; i < array.size() && r.ok(); ++i) {
        const QJsonObject o = r.element(array, i);
        JsonReader::Scope item(r, QStringLiteral("[%1]").arg(i));
        items.append(readItem(r, o));
    }
    if (!r.ok())
        return Parsed<QList<T>>::failure(r.error());
    return Parsed<QList<T>>::success(std::move(items));
}

// One object (a node, a job, a reservation) never grows with the federation: only metrics pass a
// larger limit.
template <typename T, typename ReadOne>
Parsed<T> parseOne(const QByteArray &body, ReadOne readOne, qsizetype maxBytes = kMaxBodyBytes)
{
    QString error;
    const auto object = parseObject(body, maxBytes, &error);
    if (!object)
        return Parsed<T>::failure(error);
    JsonReader r;
    T value = readOne(r, *object);
    if (!r.ok())
        return Parsed<T>::failure(r.error());
    return Parsed<T>::success(std::move(value));
}

QJsonValue nullable(qint64 ms) { return ms > 0 ? QJsonValue(ms) : QJsonValue(); }

QJsonObject modelMap(const QMap<QString, double> &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

Parsed<Node> parseNode(const QByteArray &body) { return parseOne<Node>(body, readNode); }

Parsed<NodeDirectory> parseNodeDirectory(const QByteArray &body)
{
    auto list = parseList<Node>(body, QStringLiteral("nodes"), kMaxNodes, readNode);
    if (!list.ok())
        return Parsed<NodeDirectory>::failure(list.error());
    NodeDirectory directory;
    directory.nodes = std::move(list.value());
    QString error;
    const auto object = parseObject(body, kMaxBodyBytesCeiling, &error);
    JsonReader r;
    directory.generatedAtMs = r.optionalInteger(*object, QStringLiteral("generatedAt"), 0, kMaxEpochMs, 0);
    if (!r.ok())
        return Parsed<NodeDirectory>::failure(r.error());
    return Parsed<NodeDirectory>::success(std::move(directory));
}

Parsed<HistoryAnswer> parseHistory(const QByteArray &body)
{
    return parseOne<HistoryAnswer>(
        body,
        [](JsonReader &r, const QJsonObject &o) {
            HistoryAnswer answer;
            const QJsonArray points = r.array(o, QStringLiteral("points"), int(kMaxHistoryPoints));
            qint64 previous = -1;
            for (qsizetype i = 0; i < points.size() && r.ok(); ++i) {
                const QJsonArray point = points.at(i).toArray();
                const QJsonValue ts = point.at(0);
                const QJsonValue value = point.at(1);
                // Range-checked as a double first: casting one beyond qint64 is undefined.
                const double tsValue = ts.isDouble() ? ts.toDouble() : -1;
                const qint64 tsMs = tsValue >= 0 && tsValue <= double(kMaxEpochMs) ? qint64(tsValue) : -1;
                if (point.size() != 2 || tsMs < 0 || tsMs <= previous ||
                    !(value.isNull() || (value.isDouble() && std::isfinite(value.toDouble())))) {
                    r.failAt(QStringLiteral("points[%1]").arg(i), QStringLiteral("must be [ascending ts, number or null]"));
                    break;
                }
                previous = tsMs;
                answer.points.append({tsMs, value.isNull() ? std::nullopt : std::optional(value.toDouble())});
            }
            return answer;
        },
        historyLimitBytes());
}

Parsed<QList<Link>> parseLinks(const QByteArray &body)
{
    return parseList<Link>(body, QStringLiteral("links"), kMaxLinks, readLink);
}

Parsed<MetricsBatch> parseMetrics(const QByteArray &body)
{
    return parseOne<MetricsBatch>(body, [](JsonReader &r, const QJsonObject &o) {
        MetricsBatch b;
        b.cursor = r.string(o, QStringLiteral("cursor"), 128);
        b.serverTimeMs = r.integer(o, QStringLiteral("serverTime"), 0, kMaxEpochMs);
        b.intervalMs = int(r.integer(o, QStringLiteral("intervalMs"), 10, 3'600'000));
        b.reset = r.boolean(o, QStringLiteral("reset"), false);
        // The body's limit bounds these long before the counts do.
        const QJsonArray nodes = r.array(o, QStringLiteral("nodes"), kMaxNodes * 600);
        {
            JsonReader::Scope scope(r, QStringLiteral("nodes"));
            for (int i = 0; i < nodes.size() && r.ok(); ++i) {
                const QJsonObject e = r.element(nodes, i);
                JsonReader::Scope item(r, QStringLiteral("[%1]").arg(i));
                b.nodes.append(readNodeSample(r, e));
            }
        }
        const QJsonArray links = r.array(o, QStringLiteral("links"), kMaxLinks * 600);
        JsonReader::Scope scope(r, QStringLiteral("links"));
        for (int i = 0; i < links.size() && r.ok(); ++i) {
            const QJsonObject e = r.element(links, i);
            JsonReader::Scope item(r, QStringLiteral("[%1]").arg(i));
            b.links.append(readLinkSample(r, e));
        }
        return b;
    }, kMaxBodyBytesCeiling); // the transport's limit follows the federation (metricsLimitBytes)
}

Parsed<QList<Offer>> parseOffers(const QByteArray &body)
{
    return parseList<Offer>(body, QStringLiteral("offers"), kMaxOffers, readOffer);
}

Parsed<Job> parseJob(const QByteArray &body) { return parseOne<Job>(body, readJob); }

Parsed<QList<Job>> parseJobs(const QByteArray &body)
{
    return parseList<Job>(body, QStringLiteral("jobs"), kMaxJobs, readJob);
}

Parsed<JobRequest> parseJobRequest(const QByteArray &body)
{
    return parseOne<JobRequest>(body, [](JsonReader &r, const QJsonObject &o) {
        JobRequest q;
        q.name = r.string(o, QStringLiteral("name"), 200);
        if (r.ok() && q.name.trimmed().isEmpty())
            r.failAt(QStringLiteral("name"), QStringLiteral("must not be empty"));
        q.kind = readEnum<JobKind>(r, o, QStringLiteral("kind"));
        q.nodeId = r.optionalIdentifier(o, QStringLiteral("nodeId"));
        q.reservationId = r.optionalIdentifier(o, QStringLiteral("reservationId"));
        const QJsonObject req = r.object(o, QStringLiteral("requirements"));
        JsonReader::Scope scope(r, QStringLiteral("requirements")); // until the end: read top-level fields above
        q.requirements = readRequirements(r, req);
        return q;
    });
}

Parsed<Reservation> parseReservation(const QByteArray &body) { return parseOne<Reservation>(body, readReservation); }

Parsed<QList<Reservation>> parseReservations(const QByteArray &body)
{
    return parseList<Reservation>(body, QStringLiteral("reservations"), kMaxReservations, readReservation);
}

Parsed<ReservationRequest> parseReservationRequest(const QByteArray &body)
{
    return parseOne<ReservationRequest>(body, [](JsonReader &r, const QJsonObject &o) {
        ReservationRequest q;
        q.offerId = r.identifier(o, QStringLiteral("offerId"));
        q.count = int(r.integer(o, QStringLiteral("count"), 1, 10'000'000));
        q.hours = r.number(o, QStringLiteral("hours"), 0, 24 * 366);
        if (r.ok() && q.hours <= 0)
            r.failAt(QStringLiteral("hours"), QStringLiteral("must be more than 0"));
        return q;
    });
}

Parsed<Problem> parseProblem(const QByteArray &body)
{
    return parseOne<Problem>(body, [](JsonReader &r, const QJsonObject &o) {
        Problem p;
        p.type = r.optionalString(o, QStringLiteral("type"), 512);
        if (p.type.isEmpty())
            p.type = QStringLiteral("about:blank");
        p.title = r.optionalString(o, QStringLiteral("title"), 512);
        p.status = int(r.optionalInteger(o, QStringLiteral("status"), 100, 599, 0));
        p.detail = r.optionalString(o, QStringLiteral("detail"), 4096);
        p.instance = r.optionalString(o, QStringLiteral("instance"), 2048);
        return p;
    });
}

QJsonObject toJson(const Node &n)
{
    QJsonArray pools;
    for (const auto &pool : n.capacity.accelerators)
        pools.append(QJsonObject{{QStringLiteral("model"), pool.model}, {QStringLiteral("count"), pool.count}});
    QJsonObject o{
        {QStringLiteral("id"), n.id},
        {QStringLiteral("computeId"), n.computeId},
        {QStringLiteral("name"), n.name},
        {QStringLiteral("nameZh"), n.nameZh},
        {QStringLiteral("tier"), toWire(n.tier)},
        {QStringLiteral("role"), toWire(n.role)},
        {QStringLiteral("parentId"), n.parentId.isEmpty() ? QJsonValue() : QJsonValue(n.parentId)},
        {QStringLiteral("province"), n.province},
        {QStringLiteral("city"), n.city},
        {QStringLiteral("cityZh"), n.cityZh},
        {QStringLiteral("sector"), n.sector},
        {QStringLiteral("lat"), n.lat},
        {QStringLiteral("lon"), n.lon},
        {QStringLiteral("baseUrl"), n.baseUrl.toString()},
        {QStringLiteral("status"), toWire(n.status)},
        {QStringLiteral("capacity"),
         QJsonObject{{QStringLiteral("cpuCores"), n.capacity.cpuCores},
                     {QStringLiteral("memoryTiB"), n.capacity.memoryTiB},
                     {QStringLiteral("storagePB"), n.capacity.storagePB},
                     {QStringLiteral("accelerators"), pools}}},
        {QStringLiteral("prices"),
         QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")},
                     {QStringLiteral("cpuCoreHour"), n.prices.cpuCoreHour},
                     {QStringLiteral("memoryGiBHour"), n.prices.memoryGiBHour},
                     {QStringLiteral("storageTBHour"), n.prices.storageTBHour},
                     {QStringLiteral("acceleratorHour"), modelMap(n.prices.acceleratorHour)}}},
        {QStringLiteral("pue"), n.pue},
        {QStringLiteral("greenShare"), n.greenShare},
    };
    if (n.suspended) // only then: a directory of 2,000 active nodes stays as it was
        o.insert(QStringLiteral("suspended"), true);
    return o;
}

QJsonObject toJson(const Link &l)
{
    return {{QStringLiteral("id"), l.id},
            {QStringLiteral("a"), l.a},
            {QStringLiteral("b"), l.b},
            {QStringLiteral("kind"), toWire(l.kind)},
            {QStringLiteral("capacityGbps"), l.capacityGbps},
            {QStringLiteral("distanceKm"), l.distanceKm},
            {QStringLiteral("baseLatencyMs"), l.baseLatencyMs}};
}

QJsonObject toJson(const NodeSample &s)
{
    return {{QStringLiteral("id"), s.nodeId},
            {QStringLiteral("ts"), s.tsMs},
            {QStringLiteral("status"), toWire(s.status)},
            {QStringLiteral("util"),
             QJsonObject{{QStringLiteral("cpu"), s.cpuUtil},
                         {QStringLiteral("memory"), s.memoryUtil},
                         {QStringLiteral("storage"), s.storageUtil},
                         {QStringLiteral("accelerators"), modelMap(s.acceleratorUtil)}}},
            {QStringLiteral("powerKw"), s.powerKw},
            {QStringLiteral("queuedJobs"), s.queuedJobs},
            {QStringLiteral("runningJobs"), s.runningJobs}};
}

QJsonObject toJson(const LinkSample &s)
{
    return {{QStringLiteral("id"), s.linkId},          {QStringLiteral("ts"), s.tsMs},
            {QStringLiteral("status"), toWire(s.status)}, {QStringLiteral("abGbps"), s.abGbps},
            {QStringLiteral("baGbps"), s.baGbps},        {QStringLiteral("latencyMs"), s.latencyMs},
            {QStringLiteral("lossPct"), s.lossPct}};
}

QJsonObject toJson(const MetricsBatch &b)
{
    QJsonArray nodes;
    for (const auto &s : b.nodes)
        nodes.append(toJson(s));
    QJsonArray links;
    for (const auto &s : b.links)
        links.append(toJson(s));
    return {{QStringLiteral("cursor"), b.cursor},
            {QStringLiteral("serverTime"), b.serverTimeMs},
            {QStringLiteral("intervalMs"), b.intervalMs},
            {QStringLiteral("reset"), b.reset},
            {QStringLiteral("nodes"), nodes},
            {QStringLiteral("links"), links}};
}

QJsonObject toJson(const Offer &f)
{
    static const char *units[] = {"card", "core", "GiB", "TB"};
    QJsonObject o{{QStringLiteral("id"), f.id},
                  {QStringLiteral("nodeId"), f.nodeId},
                  {QStringLiteral("resource"), toWire(f.resource)},
                  {QStringLiteral("available"), f.available},
                  {QStringLiteral("unit"), QString::fromLatin1(units[int(f.resource)])},
                  {QStringLiteral("pricePerHour"), f.pricePerHour},
                  {QStringLiteral("currency"), QStringLiteral("CNY")},
                  {QStringLiteral("validUntil"), f.validUntilMs}};
    if (f.resource == Offer::Resource::Accelerator)
        o.insert(QStringLiteral("model"), f.model);
    return o;
}

QJsonObject toJson(const JobRequirements &q)
{
    QJsonObject o{{QStringLiteral("accelerators"), q.accelerators},
                  {QStringLiteral("cpuCores"), q.cpuCores},
                  {QStringLiteral("memoryGiB"), q.memoryGiB},
                  {QStringLiteral("storageTB"), q.storageTB},
                  {QStringLiteral("durationHours"), q.durationHours}};
    if (!q.acceleratorModel.isEmpty())
        o.insert(QStringLiteral("acceleratorModel"), q.acceleratorModel);
    return o;
}

QJsonObject toJson(const JobRequest &q)
{
    QJsonObject o{{QStringLiteral("name"), q.name},
                  {QStringLiteral("kind"), toWire(q.kind)},
                  {QStringLiteral("requirements"), toJson(q.requirements)}};
    if (!q.nodeId.isEmpty())
        o.insert(QStringLiteral("nodeId"), q.nodeId);
    if (!q.reservationId.isEmpty())
        o.insert(QStringLiteral("reservationId"), q.reservationId);
    return o;
}

QJsonObject toJson(const Job &j)
{
    return {{QStringLiteral("id"), j.id},
            {QStringLiteral("name"), j.name},
            {QStringLiteral("kind"), toWire(j.kind)},
            {QStringLiteral("nodeId"), j.nodeId},
            {QStringLiteral("state"), toWire(j.state)},
            {QStringLiteral("progress"), j.progress},
            {QStringLiteral("requirements"), toJson(j.requirements)},
            {QStringLiteral("estimatedCostCny"), j.estimatedCostCny},
            {QStringLiteral("submittedAt"), j.submittedAtMs},
            {QStringLiteral("startedAt"), nullable(j.startedAtMs)},
            {QStringLiteral("finishedAt"), nullable(j.finishedAtMs)},
            {QStringLiteral("message"), j.message}};
}

QJsonObject toJson(const Problem &p)
{
    QJsonObject o{{QStringLiteral("type"), p.type},
                  {QStringLiteral("title"), p.title},
                  {QStringLiteral("status"), p.status}};
    if (!p.detail.isEmpty())
        o.insert(QStringLiteral("detail"), p.detail);
    if (!p.instance.isEmpty())
        o.insert(QStringLiteral("instance"), p.instance);
    return o;
}

QJsonObject toJson(const Reservation &v)
{
    QJsonObject o{{QStringLiteral("id"), v.id},
                  {QStringLiteral("offerId"), v.offerId},
                  {QStringLiteral("nodeId"), v.nodeId},
                  {QStringLiteral("resource"), toWire(v.resource)},
                  {QStringLiteral("count"), v.count},
                  {QStringLiteral("hours"), v.hours},
                  {QStringLiteral("priceCnyPerHour"), v.priceCnyPerHour},
                  {QStringLiteral("currency"), QStringLiteral("CNY")},
                  {QStringLiteral("createdAt"), v.createdAtMs},
                  {QStringLiteral("expiresAt"), v.expiresAtMs},
                  {QStringLiteral("state"), toWire(v.state)}};
    if (v.resource == Offer::Resource::Accelerator)
        o.insert(QStringLiteral("model"), v.model);
    if (!v.jobId.isEmpty())
        o.insert(QStringLiteral("jobId"), v.jobId);
    return o;
}

QJsonObject toJson(const ReservationRequest &q)
{
    return {{QStringLiteral("offerId"), q.offerId},
            {QStringLiteral("count"), q.count},
            {QStringLiteral("hours"), q.hours}};
}

QByteArray toBody(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

} // namespace cpn::protocol
