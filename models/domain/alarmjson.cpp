#include "domain/alarmjson.h"

#include "domain/jsonreader.h"

#include <QJsonArray>

namespace cpn {
namespace {

template <typename E, size_t N> QString nameOf(E value, const char *const (&names)[N])
{
    const auto i = size_t(value);
    return i < N ? QLatin1String(names[i]) : QString();
}

// In the order of the enums in alarm.h.
const char *const kSourceKinds[] = {"node", "link", "endpoint", "subtree"};
const char *const kAlarmKinds[] = {
    "node-down", "link-down", "link-congested", "latency-above-target", "utilization-high", "endpoint-slow",
    "site-alert"};
const char *const kSeverities[] = {"critical", "major", "minor", "warning", "info"};
const char *const kAlarmStates[] = {"active", "cleared"};

} // namespace

QString toWire(AlarmSource::Kind kind)
{
    return nameOf(kind, kSourceKinds);
}
QString toWire(Alarm::Kind kind)
{
    return nameOf(kind, kAlarmKinds);
}
QString toWire(Alarm::Severity severity)
{
    return nameOf(severity, kSeverities);
}
QString toWire(Alarm::State state)
{
    return nameOf(state, kAlarmStates);
}

} // namespace cpn

namespace cpn::protocol {
namespace {

constexpr qint64 kMaxTimestamp = kMaxEpochMs;

template <typename E, size_t N>
E readName(JsonReader &r, const QJsonObject &o, const QString &key, const char *const (&names)[N])
{
    const QStringList all = wireNamesOf(names);
    return E(std::max(qsizetype(0), all.indexOf(r.oneOf(o, key, all))));
}

QString readText(JsonReader &r, const QJsonObject &o, const QString &key, int maxLength)
{
    const QString text = r.string(o, key, maxLength);
    if (r.ok() && text.trimmed().isEmpty())
        r.failAt(key, QStringLiteral("must not be empty"));
    return text;
}

// A timestamp that may be null (0 stands for null).
qint64 readNullableTime(JsonReader &r, const QJsonObject &o, const QString &key)
{
    if (r.ok() && !o.contains(key))
        r.failAt(key, QStringLiteral("missing"));
    return r.optionalInteger(o, key, 1, kMaxTimestamp, 0);
}

AlarmSource readSource(JsonReader &r, const QJsonObject &parent, const QString &key, bool endpointAllowed)
{
    const QJsonObject o = r.object(parent, key);
    JsonReader::Scope scope(r, key);
    AlarmSource s;
    s.kind = readName<AlarmSource::Kind>(r, o, QStringLiteral("kind"), kSourceKinds);
    if (r.ok() && !endpointAllowed && s.kind == AlarmSource::Kind::Endpoint)
        r.failAt(QStringLiteral("kind"), QStringLiteral("must be node, link or subtree"));
    s.id = r.identifier(o, QStringLiteral("id"));
    return s;
}

QJsonObject sourceJson(const AlarmSource &s)
{
    return {{QStringLiteral("kind"), toWire(s.kind)}, {QStringLiteral("id"), s.id}};
}

QJsonValue nullableTime(qint64 ms)
{
    return ms > 0 ? QJsonValue(ms) : QJsonValue();
}

Alarm readAlarm(JsonReader &r, const QJsonObject &o)
{
    Alarm a;
    a.id = r.identifier(o, QStringLiteral("id"));
    a.source = readSource(r, o, QStringLiteral("source"), true);
    a.kind = readName<Alarm::Kind>(r, o, QStringLiteral("kind"), kAlarmKinds);
    a.severity = readName<Alarm::Severity>(r, o, QStringLiteral("severity"), kSeverities);
    a.summary = r.string(o, QStringLiteral("summary"), kMaxSummaryLength);
    {
        const QJsonArray affected = r.array(o, QStringLiteral("affected"), kMaxNodes);
        JsonReader::Scope scope(r, QStringLiteral("affected"));
        for (qsizetype i = 0; i < affected.size() && r.ok(); ++i) {
            const QString id = affected.at(i).toString();
            if (!JsonReader::isIdentifier(id))
                r.fail(QStringLiteral("[%1]: expected a node identifier").arg(i));
            a.affected.append(id);
        }
    }
    a.raisedAtMs = r.integer(o, QStringLiteral("raisedAt"), 0, kMaxTimestamp);
    a.clearedAtMs = readNullableTime(r, o, QStringLiteral("clearedAt"));
    a.state = readName<Alarm::State>(r, o, QStringLiteral("state"), kAlarmStates);
    if (r.ok() && (a.state == Alarm::State::Cleared) != (a.clearedAtMs > 0))
        r.failAt(QStringLiteral("clearedAt"),
                 QStringLiteral("must be set exactly when the state is cleared"));
    if (r.ok() && !o.contains(QStringLiteral("ack")))
        r.failAt(QStringLiteral("ack"), QStringLiteral("missing"));
    if (r.ok() && !o.value(QStringLiteral("ack")).isNull()) {
        const QJsonObject ack = r.object(o, QStringLiteral("ack"));
        JsonReader::Scope scope(r, QStringLiteral("ack"));
        AlarmAck k;
        k.by = r.string(ack, QStringLiteral("by"), kMaxUserLength);
        k.atMs = r.integer(ack, QStringLiteral("at"), 0, kMaxTimestamp);
        k.comment = r.string(ack, QStringLiteral("comment"), kMaxCommentLength);
        k.untilMs = readNullableTime(r, ack, QStringLiteral("until"));
        a.ack = k;
    }
    a.silenced = r.boolean(o, QStringLiteral("silenced"), false);
    {
        const QJsonArray comments = r.array(o, QStringLiteral("comments"), kMaxAlarmComments);
        JsonReader::Scope scope(r, QStringLiteral("comments"));
        for (int i = 0; i < comments.size() && r.ok(); ++i) {
            const QJsonObject c = r.element(comments, i);
            JsonReader::Scope item(r, QStringLiteral("[%1]").arg(i));
            a.comments.append({r.string(c, QStringLiteral("by"), kMaxUserLength),
                               r.integer(c, QStringLiteral("at"), 0, kMaxTimestamp),
                               r.string(c, QStringLiteral("text"), kMaxCommentLength)});
        }
    }
    a.revision = r.integer(o, QStringLiteral("revision"), 0, kMaxTimestamp);
    return a;
}

Silence readSilence(JsonReader &r, const QJsonObject &o)
{
    Silence s;
    s.id = r.identifier(o, QStringLiteral("id"));
    s.target = readSource(r, o, QStringLiteral("target"), false);
    s.fromMs = r.integer(o, QStringLiteral("from"), 0, kMaxTimestamp);
    s.untilMs = r.integer(o, QStringLiteral("until"), 0, kMaxTimestamp);
    if (r.ok() && s.untilMs <= s.fromMs)
        r.failAt(QStringLiteral("until"), QStringLiteral("must be after from"));
    s.reason = r.string(o, QStringLiteral("reason"), kMaxReasonLength);
    s.createdBy = r.string(o, QStringLiteral("createdBy"), kMaxUserLength);
    s.createdAtMs = r.integer(o, QStringLiteral("createdAt"), 0, kMaxTimestamp);
    return s;
}

} // namespace

Parsed<Alarm> parseAlarm(const QByteArray &body)
{
    return parseBody<Alarm>(body, kMaxBodyBytes, readAlarm);
}

Parsed<AlarmBatch> parseAlarmBatch(const QByteArray &body)
{
    return parseBody<AlarmBatch>(body, kMaxBodyBytesCeiling, [](JsonReader &r, const QJsonObject &o) {
        AlarmBatch b;
        b.cursor = r.string(o, QStringLiteral("cursor"), 128);
        b.serverTimeMs = r.integer(o, QStringLiteral("serverTime"), 0, kMaxTimestamp);
        b.reset = r.boolean(o, QStringLiteral("reset"), false);
        b.more = r.boolean(o, QStringLiteral("more"), false);
        b.clearedWindowMs = r.optionalInteger(o, QStringLiteral("clearedWindowMs"), 0, kMaxTimestamp, 0);
        const QJsonArray alarms = r.array(o, QStringLiteral("alarms"), kMaxAlarmsPerAnswer);
        JsonReader::Scope scope(r, QStringLiteral("alarms"));
        for (int i = 0; i < alarms.size() && r.ok(); ++i) {
            const QJsonObject a = r.element(alarms, i);
            JsonReader::Scope item(r, QStringLiteral("[%1]").arg(i));
            b.alarms.append(readAlarm(r, a));
        }
        return b;
    });
}

Parsed<Silence> parseSilence(const QByteArray &body)
{
    return parseBody<Silence>(body, kMaxBodyBytes, readSilence);
}

Parsed<QList<Silence>> parseSilences(const QByteArray &body)
{
    return parseBody<QList<Silence>>(body, kMaxBodyBytes, [](JsonReader &r, const QJsonObject &o) {
        QList<Silence> list;
        const QJsonArray silences = r.array(o, QStringLiteral("silences"), kMaxSilences);
        JsonReader::Scope scope(r, QStringLiteral("silences"));
        for (int i = 0; i < silences.size() && r.ok(); ++i) {
            const QJsonObject s = r.element(silences, i);
            JsonReader::Scope item(r, QStringLiteral("[%1]").arg(i));
            list.append(readSilence(r, s));
        }
        return list;
    });
}

Parsed<AckRequest> parseAckRequest(const QByteArray &body)
{
    return parseBody<AckRequest>(body, kMaxBodyBytes, [](JsonReader &r, const QJsonObject &o) {
        AckRequest q;
        q.comment = readText(r, o, QStringLiteral("comment"), kMaxCommentLength);
        q.untilMs = r.optionalInteger(o, QStringLiteral("until"), 1, kMaxTimestamp, 0);
        return q;
    });
}

Parsed<AlarmComment> parseCommentRequest(const QByteArray &body)
{
    return parseBody<AlarmComment>(body, kMaxBodyBytes, [](JsonReader &r, const QJsonObject &o) {
        AlarmComment c;
        c.text = readText(r, o, QStringLiteral("text"), kMaxCommentLength);
        return c;
    });
}

Parsed<SilenceRequest> parseSilenceRequest(const QByteArray &body)
{
    return parseBody<SilenceRequest>(body, kMaxBodyBytes, [](JsonReader &r, const QJsonObject &o) {
        SilenceRequest q;
        q.target = readSource(r, o, QStringLiteral("target"), false);
        q.fromMs = r.optionalInteger(o, QStringLiteral("from"), 1, kMaxTimestamp, 0);
        q.untilMs = r.integer(o, QStringLiteral("until"), 1, kMaxTimestamp);
        if (r.ok() && q.fromMs > 0 && q.untilMs <= q.fromMs)
            r.failAt(QStringLiteral("until"), QStringLiteral("must be after from"));
        q.reason = readText(r, o, QStringLiteral("reason"), kMaxReasonLength);
        return q;
    });
}

QJsonObject toJson(const Alarm &a)
{
    QJsonValue ack;
    if (a.ack)
        ack = QJsonObject{{QStringLiteral("by"), a.ack->by},
                          {QStringLiteral("at"), a.ack->atMs},
                          {QStringLiteral("comment"), a.ack->comment},
                          {QStringLiteral("until"), nullableTime(a.ack->untilMs)}};
    QJsonArray comments;
    for (const AlarmComment &c : a.comments)
        comments.append(QJsonObject{
            {QStringLiteral("by"), c.by}, {QStringLiteral("at"), c.atMs}, {QStringLiteral("text"), c.text}});
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("source"), sourceJson(a.source)},
            {QStringLiteral("kind"), toWire(a.kind)},
            {QStringLiteral("severity"), toWire(a.severity)},
            {QStringLiteral("summary"), a.summary},
            {QStringLiteral("affected"), QJsonArray::fromStringList(a.affected)},
            {QStringLiteral("raisedAt"), a.raisedAtMs},
            {QStringLiteral("clearedAt"), nullableTime(a.clearedAtMs)},
            {QStringLiteral("state"), toWire(a.state)},
            {QStringLiteral("ack"), ack},
            {QStringLiteral("silenced"), a.silenced},
            {QStringLiteral("comments"), comments},
            {QStringLiteral("revision"), a.revision}};
}

QJsonObject toJson(const AlarmBatch &b)
{
    QJsonArray alarms;
    for (const Alarm &a : b.alarms)
        alarms.append(toJson(a));
    return {{QStringLiteral("cursor"), b.cursor},
            {QStringLiteral("serverTime"), b.serverTimeMs},
            {QStringLiteral("reset"), b.reset},
            {QStringLiteral("more"), b.more},
            {QStringLiteral("clearedWindowMs"), b.clearedWindowMs},
            {QStringLiteral("alarms"), alarms}};
}

QJsonObject toJson(const Silence &s)
{
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("target"), sourceJson(s.target)},
            {QStringLiteral("from"), s.fromMs},
            {QStringLiteral("until"), s.untilMs},
            {QStringLiteral("reason"), s.reason},
            {QStringLiteral("createdBy"), s.createdBy},
            {QStringLiteral("createdAt"), s.createdAtMs}};
}

QJsonObject toJson(const AckRequest &q)
{
    QJsonObject o{{QStringLiteral("comment"), q.comment}};
    if (q.untilMs > 0)
        o.insert(QStringLiteral("until"), q.untilMs);
    return o;
}

QJsonObject toJson(const SilenceRequest &q)
{
    QJsonObject o{{QStringLiteral("target"), sourceJson(q.target)},
                  {QStringLiteral("until"), q.untilMs},
                  {QStringLiteral("reason"), q.reason}};
    if (q.fromMs > 0)
        o.insert(QStringLiteral("from"), q.fromMs);
    return o;
}

} // namespace cpn::protocol
