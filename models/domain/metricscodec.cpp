#include "domain/metricscodec.h"

#include "domain/jsonreader.h"

#include <QCborStreamReader>
#include <QMutexLocker>

#include <cmath>

namespace cpn::protocol {
namespace {

constexpr int kNodeFixedFields = 7; // status, cpu, memory, storage, powerKw, queuedJobs, runningJobs
constexpr int kLinkFields = 5;      // status, abGbps, baGbps, latencyMs, lossPct
constexpr int kMaxModelsPerNode = 32;
constexpr qint64 kFlagGone = 1;
constexpr qint64 kFlagFull = 2;

// Scale and largest integer of each field; accelerator utilizations share the last node entry.
struct Field
{
    double scale;
    qint64 max;
};
const Field kNodeFields[] = {{1, 0},          {1e4, 10000},         {1e4, 10000},
                             {1e4, 10000},    {10, 10'000'000'000}, {1, 10'000'000},
                             {1, 10'000'000}, {1e4, 10000}};
const Field kLinkFieldsSpec[] = {
    {1, 0}, {10, 10'000'000}, {10, 10'000'000}, {100, 10'000'000}, {1000, 100'000}};

const Field &nodeField(int i)
{
    return kNodeFields[std::min(i, kNodeFixedFields)];
}

qint64 q(double value, double scale)
{
    return std::llround(value * scale);
}
double unq(qint64 value, double scale)
{
    return double(value) / scale;
}

template <typename E> qint64 statusIndex(E status)
{
    return wireNames<E>().indexOf(toWire(status));
}
template <typename E> E statusAt(qint64 index)
{
    return fromWire<E>(wireNames<E>().value(int(index))).value_or(E{});
}

// The few CBOR heads the encoder needs (RFC 8949, section 3), written by hand: faster than a
// general writer, and the answer is spliced from ticks encoded once.
void head(QByteArray &out, quint8 major, quint64 value)
{
    const quint8 m = quint8(major << 5);
    if (value < 24) {
        out += char(m | value);
    } else if (value <= 0xff) {
        out += char(m | 24);
        out += char(value);
    } else if (value <= 0xffff) {
        out += char(m | 25);
        for (int s = 8; s >= 0; s -= 8)
            out += char(value >> s);
    } else if (value <= 0xffffffffULL) {
        out += char(m | 26);
        for (int s = 24; s >= 0; s -= 8)
            out += char(value >> s);
    } else {
        out += char(m | 27);
        for (int s = 56; s >= 0; s -= 8)
            out += char(value >> s);
    }
}
void integer(QByteArray &out, qint64 v)
{
    v >= 0 ? head(out, 0, quint64(v)) : head(out, 1, quint64(-1 - v));
}
void text(QByteArray &out, const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    head(out, 3, quint64(utf8.size()));
    out += utf8;
}
void boolean(QByteArray &out, bool b)
{
    out += char(b ? 0xf5 : 0xf4);
}
void startIndefiniteArray(QByteArray &out)
{
    out += char(0x9f);
}
void endIndefinite(QByteArray &out)
{
    out += char(0xff);
}

void encodeEntities(QByteArray &out, const QList<CompactEntity> &current,
                    const QList<CompactEntity> *previous, bool nodes)
{
    static const CompactEntity absent;
    startIndefiniteArray(out);
    const qsizetype count = std::max(current.size(), previous ? previous->size() : 0);
    qsizetype last = -1;
    for (qsizetype i = 0; i < count; ++i) {
        const CompactEntity &c = i < current.size() ? current[i] : absent;
        const CompactEntity &p = previous && i < previous->size() ? (*previous)[i] : absent;
        if (!c.present && !p.present)
            continue;
        const auto entry = [&](qint64 flags) {
            integer(out, i - last - 1);
            integer(out, flags);
            last = i;
        };
        if (!c.present) {
            entry(kFlagGone);
        } else if (!p.present || p.id != c.id || p.layout != c.layout || p.values.size() != c.values.size()) {
            entry(kFlagFull);
            text(out, c.id);
            if (nodes) {
                head(out, 4, quint64(c.layout.size()));
                for (const QString &model : c.layout)
                    text(out, model);
            }
            for (qint64 v : c.values)
                integer(out, v);
        } else {
            qint64 mask = 0;
            for (qsizetype f = 0; f < c.values.size(); ++f) {
                if (c.values[f] != p.values[f])
                    mask |= qint64(1) << f;
            }
            if (mask == 0)
                continue;
            entry(mask << 2);
            for (qsizetype f = 0; f < c.values.size(); ++f) {
                if (c.values[f] != p.values[f])
                    integer(out, c.values[f] - p.values[f]);
            }
        }
    }
    endIndefinite(out);
}

// Reads the compact encoding strictly; the first problem is kept, as JsonReader does.
class Reader
{
public:
    explicit Reader(const QByteArray &body) : m_r(body) {}

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    void fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = why;
    }
    QCborStreamReader &stream() { return m_r; }

    bool enter(bool map, const QString &what)
    {
        if (!ok() || !(map ? m_r.isMap() : m_r.isArray()) || !m_r.enterContainer()) {
            fail(QStringLiteral("%1 must be a CBOR %2")
                     .arg(what, map ? QStringLiteral("map") : QStringLiteral("array")));
            return false;
        }
        return true;
    }
    bool hasNext() { return ok() && m_r.lastError() == QCborError::NoError && m_r.hasNext(); }
    void leave(const QString &what)
    {
        if (!ok())
            return;
        if (m_r.lastError() != QCborError::NoError || !m_r.leaveContainer())
            fail(QStringLiteral("%1 is truncated or malformed CBOR").arg(what));
    }

    qint64 integer(const QString &what, qint64 min, qint64 max)
    {
        if (!ok())
            return 0;
        if (!m_r.isInteger()) {
            fail(QStringLiteral("%1 must be an integer").arg(what));
            return 0;
        }
        if (m_r.isUnsignedInteger() &&
            m_r.toUnsignedInteger() > quint64(std::numeric_limits<qint64>::max())) {
            fail(QStringLiteral("%1 is out of range").arg(what));
            return 0;
        }
        const qint64 v = m_r.isUnsignedInteger() ? qint64(m_r.toUnsignedInteger()) : m_r.toInteger();
        m_r.next();
        if (v < min || v > max) {
            fail(QStringLiteral("%1 = %2 is outside [%3, %4]").arg(what).arg(v).arg(min).arg(max));
            return min; // never a value out of range, even to a caller that checks ok() late
        }
        return v;
    }

    bool boolean(const QString &what)
    {
        if (!ok())
            return false;
        if (!m_r.isBool()) {
            fail(QStringLiteral("%1 must be a boolean").arg(what));
            return false;
        }
        const bool b = m_r.toBool();
        m_r.next();
        return b;
    }

    QString text(const QString &what, qsizetype maxBytes)
    {
        if (!ok())
            return {};
        if (!m_r.isString()) {
            fail(QStringLiteral("%1 must be a text string").arg(what));
            return {};
        }
        if (m_r.isLengthKnown() && m_r.length() > quint64(maxBytes)) {
            fail(QStringLiteral("%1 is longer than %2 bytes").arg(what).arg(maxBytes));
            return {};
        }
        QString s;
        auto chunk = m_r.readString();
        while (chunk.status == QCborStreamReader::Ok) {
            s += chunk.data;
            if (s.size() > maxBytes) {
                fail(QStringLiteral("%1 is longer than %2 bytes").arg(what).arg(maxBytes));
                return {};
            }
            chunk = m_r.readString();
        }
        if (chunk.status == QCborStreamReader::Error)
            fail(QStringLiteral("%1 is truncated or malformed CBOR").arg(what));
        // As every string JsonReader reads: a cursor is echoed to the node and may be logged.
        return withoutControlCharacters(std::move(s));
    }

    QString identifier(const QString &what)
    {
        const QString id = text(what, 128);
        if (ok() && !JsonReader::isIdentifier(id))
            fail(QStringLiteral("%1 '%2' is not an identifier").arg(what, id.left(64)));
        return id;
    }

    void skip()
    {
        if (ok() && !m_r.next())
            fail(QStringLiteral("truncated or malformed CBOR"));
    }

private:
    QCborStreamReader m_r;
    QString m_error;
};

void decodeEntities(Reader &r, QList<CompactEntity> &entities, bool nodes)
{
    const QString what = nodes ? QStringLiteral("nodes") : QStringLiteral("links");
    const qint64 kMaxEntities = nodes ? kMaxNodes : kMaxLinks;
    if (!r.enter(false, what))
        return;
    qint64 index = -1;
    while (r.hasNext()) {
        const qint64 gap = r.integer(what + QStringLiteral(" gap"), 0, kMaxEntities);
        if (!r.ok())
            return; // a refused gap may be any value: never added
        index += 1 + gap;
        const QString at = QStringLiteral("%1[%2]").arg(what).arg(index);
        if (r.ok() && index >= kMaxEntities)
            r.fail(QStringLiteral("%1: more than %2 entities").arg(at).arg(kMaxEntities));
        const qint64 flags = r.integer(at + QStringLiteral(" flags"), 1, std::numeric_limits<qint64>::max());
        if (!r.ok())
            return;
        if (entities.size() <= index)
            entities.resize(index + 1);
        CompactEntity &e = entities[index];
        if (flags == kFlagGone) {
            if (!e.present)
                r.fail(QStringLiteral("%1 is gone but was not there").arg(at));
            e = {};
            continue;
        }
        const auto fieldAt = [nodes](qsizetype f) { return nodes ? nodeField(int(f)) : kLinkFieldsSpec[f]; };
        const auto statusMax = [nodes] {
            return qint64(nodes ? wireNames<NodeStatus>().size() : wireNames<LinkStatus>().size()) - 1;
        };
        const auto maxOf = [&](qsizetype f) { return f == 0 ? statusMax() : fieldAt(f).max; };
        if (flags == kFlagFull) {
            CompactEntity full;
            full.present = true;
            full.id = r.identifier(at + QStringLiteral(".id"));
            if (nodes && r.enter(false, at + QStringLiteral(".models"))) {
                while (r.hasNext() && full.layout.size() <= kMaxModelsPerNode)
                    full.layout.append(r.identifier(at + QStringLiteral(".models")));
                if (full.layout.size() > kMaxModelsPerNode)
                    r.fail(QStringLiteral("%1 has more than %2 models").arg(at).arg(kMaxModelsPerNode));
                r.leave(at + QStringLiteral(".models"));
            }
            const qsizetype fields = nodes ? kNodeFixedFields + full.layout.size() : kLinkFields;
            full.values.reserve(fields);
            for (qsizetype f = 0; f < fields && r.ok(); ++f)
                full.values.append(r.integer(QStringLiteral("%1 field %2").arg(at).arg(f), 0, maxOf(f)));
            e = std::move(full);
            continue;
        }
        if ((flags & 3) != 0 || !e.present) {
            r.fail(
                QStringLiteral("%1: a change to an entity that is not there (flags %2)").arg(at).arg(flags));
            return;
        }
        const qint64 mask = flags >> 2;
        if (mask >> e.values.size()) {
            r.fail(QStringLiteral("%1: changes to fields it does not have").arg(at));
            return;
        }
        for (qsizetype f = 0; f < e.values.size() && r.ok(); ++f) {
            if (!(mask & (qint64(1) << f)))
                continue;
            const qint64 limit = maxOf(f);
            const qint64 v =
                e.values[f] + r.integer(QStringLiteral("%1 field %2").arg(at).arg(f), -limit, limit);
            if (r.ok() && (v < 0 || v > limit))
                r.fail(
                    QStringLiteral("%1 field %2 = %3 is outside [0, %4]").arg(at).arg(f).arg(v).arg(limit));
            e.values[f] = v;
        }
    }
    r.leave(what);
}

NodeSample nodeSample(const CompactEntity &e, qint64 ts)
{
    NodeSample s;
    s.nodeId = e.id;
    s.tsMs = ts;
    s.status = statusAt<NodeStatus>(e.values[0]);
    s.cpuUtil = unq(e.values[1], kNodeFields[1].scale);
    s.memoryUtil = unq(e.values[2], kNodeFields[2].scale);
    s.storageUtil = unq(e.values[3], kNodeFields[3].scale);
    s.powerKw = unq(e.values[4], kNodeFields[4].scale);
    s.queuedJobs = int(e.values[5]);
    s.runningJobs = int(e.values[6]);
    for (qsizetype m = 0; m < e.layout.size(); ++m)
        s.acceleratorUtil.insert(e.layout[m], unq(e.values[kNodeFixedFields + m], kNodeFields[7].scale));
    return s;
}

LinkSample linkSample(const CompactEntity &e, qint64 ts)
{
    LinkSample s;
    s.linkId = e.id;
    s.tsMs = ts;
    s.status = statusAt<LinkStatus>(e.values[0]);
    s.abGbps = unq(e.values[1], kLinkFieldsSpec[1].scale);
    s.baGbps = unq(e.values[2], kLinkFieldsSpec[2].scale);
    s.latencyMs = unq(e.values[3], kLinkFieldsSpec[3].scale);
    s.lossPct = unq(e.values[4], kLinkFieldsSpec[4].scale);
    return s;
}

} // namespace

CompactEntity compact(const NodeSample &s)
{
    CompactEntity e;
    e.present = true;
    e.id = s.nodeId;
    e.layout = s.acceleratorUtil.keys();
    e.values = {statusIndex(s.status),
                q(s.cpuUtil, kNodeFields[1].scale),
                q(s.memoryUtil, kNodeFields[2].scale),
                q(s.storageUtil, kNodeFields[3].scale),
                q(s.powerKw, kNodeFields[4].scale),
                s.queuedJobs,
                s.runningJobs};
    for (double u : s.acceleratorUtil)
        e.values.append(q(u, kNodeFields[7].scale));
    return e;
}

CompactEntity compact(const LinkSample &s)
{
    CompactEntity e;
    e.present = true;
    e.id = s.linkId;
    e.values = {statusIndex(s.status), q(s.abGbps, kLinkFieldsSpec[1].scale),
                q(s.baGbps, kLinkFieldsSpec[2].scale), q(s.latencyMs, kLinkFieldsSpec[3].scale),
                q(s.lossPct, kLinkFieldsSpec[4].scale)};
    return e;
}

QByteArray encodeTick(const CompactTick &current, const CompactTick *previous)
{
    QByteArray out;
    head(out, 5, 3);
    text(out, QStringLiteral("ts"));
    integer(out, current.tsMs);
    text(out, QStringLiteral("nodes"));
    encodeEntities(out, current.nodes, previous ? &previous->nodes : nullptr, true);
    text(out, QStringLiteral("links"));
    encodeEntities(out, current.links, previous ? &previous->links : nullptr, false);
    return out;
}

QByteArray encodeMetrics(const MetricsBatch &envelope, const QString &base, const QList<QByteArray> &ticks)
{
    qsizetype size = 128;
    for (const QByteArray &t : ticks)
        size += t.size();
    QByteArray out;
    out.reserve(size);
    head(out, 5, base.isEmpty() ? 5 : 6);
    text(out, QStringLiteral("cursor"));
    text(out, envelope.cursor);
    text(out, QStringLiteral("serverTime"));
    integer(out, envelope.serverTimeMs);
    text(out, QStringLiteral("intervalMs"));
    integer(out, envelope.intervalMs);
    text(out, QStringLiteral("reset"));
    boolean(out, envelope.reset);
    if (!base.isEmpty()) {
        text(out, QStringLiteral("base"));
        text(out, base);
    }
    text(out, QStringLiteral("ticks"));
    head(out, 4, quint64(ticks.size()));
    for (const QByteArray &t : ticks)
        out += t;
    return out;
}

QString MetricsDecoder::cursor() const
{
    QMutexLocker lock(&m_mutex);
    return m_cursor;
}

void MetricsDecoder::reset()
{
    QMutexLocker lock(&m_mutex);
    m_state = {};
    m_cursor.clear();
    m_lastBody.clear();
    m_last.reset();
}

Parsed<MetricsBatch> MetricsDecoder::decode(const QByteArray &body)
{
    QMutexLocker lock(&m_mutex);
    // Shared requests hand the same answer to each waiter: decode it once.
    if (m_last && body.size() == m_lastBody.size() && body == m_lastBody)
        return *m_last;
    Parsed<MetricsBatch> result = decodeLocked(body);
    m_lastBody = body;
    m_last = result;
    return result;
}

Parsed<MetricsBatch> MetricsDecoder::decodeLocked(const QByteArray &body)
{
    if (body.size() > kMaxBodyBytesCeiling)
        return Parsed<MetricsBatch>::failure(
            QStringLiteral("the answer is larger than %1 bytes").arg(kMaxBodyBytesCeiling));
    Reader r(body);
    MetricsBatch batch;
    QString base;
    bool keyframe = true;
    CompactTick state; // becomes the decoder's state only when the whole answer is valid
    qsizetype samples = 0;
    bool sawTicks = false;
    int ticksDecoded = 0;
    if (r.enter(true, QStringLiteral("the answer"))) {
        while (r.hasNext()) {
            const QString key = r.text(QStringLiteral("a key"), 32);
            if (!r.ok())
                break;
            if (key == u"cursor") {
                batch.cursor = r.text(key, 128);
            } else if (key == u"serverTime") {
                batch.serverTimeMs = r.integer(key, 0, kMaxEpochMs);
            } else if (key == u"intervalMs") {
                batch.intervalMs = int(r.integer(key, 10, 3'600'000));
            } else if (key == u"reset") {
                batch.reset = r.boolean(key);
            } else if (key == u"base") {
                base = r.text(key, 128);
                keyframe = false;
            } else if (key == u"ticks") {
                if (sawTicks) {
                    r.fail(QStringLiteral("ticks appears twice"));
                    break;
                }
                sawTicks = true;
                if (!keyframe && base != m_cursor) {
                    r.fail(QStringLiteral("a delta against cursor '%1', but the state held is of '%2'")
                               .arg(base.left(64), m_cursor.left(64)));
                    break;
                }
                if (!keyframe)
                    state = m_state;
                if (!r.enter(false, key))
                    break;
                int index = 0;
                while (r.hasNext()) {
                    const QString at = QStringLiteral("ticks[%1]").arg(index++);
                    if (!r.enter(true, at))
                        break;
                    qint64 ts = -1;
                    bool sawNodes = false;
                    bool sawLinks = false;
                    while (r.hasNext()) {
                        const QString tickKey = r.text(at + QStringLiteral(" key"), 16);
                        if (tickKey == u"ts") {
                            ts = r.integer(at + QStringLiteral(".ts"), 0, kMaxEpochMs);
                        } else if (tickKey == u"nodes" && !sawNodes) {
                            sawNodes = true;
                            decodeEntities(r, state.nodes, true);
                        } else if (tickKey == u"links" && !sawLinks) {
                            sawLinks = true;
                            decodeEntities(r, state.links, false);
                        } else {
                            r.skip();
                        }
                    }
                    r.leave(at);
                    if (r.ok() && (ts < 0 || !sawNodes || !sawLinks))
                        r.fail(QStringLiteral("%1 lacks ts, nodes or links").arg(at));
                    if (!r.ok())
                        break;
                    state.tsMs = ts;
                    ++ticksDecoded;
                    for (const CompactEntity &e : std::as_const(state.nodes))
                        samples += e.present;
                    for (const CompactEntity &e : std::as_const(state.links))
                        samples += e.present;
                    if (samples > kMaxDecodedSamples) {
                        r.fail(QStringLiteral("the answer decodes to more than %1 samples")
                                   .arg(kMaxDecodedSamples));
                        break;
                    }
                    for (const CompactEntity &e : std::as_const(state.nodes)) {
                        if (e.present)
                            batch.nodes.append(nodeSample(e, ts));
                    }
                    for (const CompactEntity &e : std::as_const(state.links)) {
                        if (e.present)
                            batch.links.append(linkSample(e, ts));
                    }
                }
                r.leave(key);
            } else {
                r.skip();
            }
        }
        r.leave(QStringLiteral("the answer"));
    }
    if (r.ok() && (!sawTicks || batch.cursor.isEmpty()))
        r.fail(QStringLiteral("the answer lacks cursor or ticks"));
    if (!r.ok()) {
        // Deltas cannot continue from a state in doubt: the next answer must be a keyframe.
        m_state = {};
        m_cursor.clear();
        return Parsed<MetricsBatch>::failure(QStringLiteral("compact metrics: ") + r.error());
    }
    // A keyframe without a tick leaves nothing to continue from.
    const bool hasState = !keyframe || ticksDecoded > 0;
    m_state = std::move(state);
    m_cursor = hasState ? batch.cursor : QString();
    return Parsed<MetricsBatch>::success(std::move(batch));
}

Parsed<MetricsBatch> parseMetricsAnswer(const QByteArray &body, MetricsDecoder &decoder)
{
    if (!body.isEmpty() && (quint8(body[0]) & 0xe0) == 0xa0)
        return decoder.decode(body);
    decoder.reset();
    return parseMetrics(body);
}

} // namespace cpn::protocol
