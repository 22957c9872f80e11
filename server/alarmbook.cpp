#include "alarmbook.h"

#include "clock.h"

#include "domain/alarmjson.h"

#include <algorithm>

namespace cpn::server {

AlarmBook::AlarmBook(const server::Clock &clock) : m_clock(clock), m_epoch(clock.nowMs())
{
    m_coverage = [](const AlarmSource &target, const AlarmSource &source) { return target.id == source.id; };
}

void AlarmBook::setCoverage(Coverage coverage)
{
    m_coverage = std::move(coverage);
}

QString AlarmBook::cursor(qint64 revision) const
{
    return QStringLiteral("%1-%2").arg(m_epoch).arg(revision);
}

Alarm *AlarmBook::find(const QString &id)
{
    const auto it =
        std::find_if(m_alarms.begin(), m_alarms.end(), [&](const Alarm &a) { return a.id == id; });
    return it == m_alarms.end() ? nullptr : &*it;
}

const Alarm *AlarmBook::alarm(const QString &id) const
{
    return const_cast<AlarmBook *>(this)->find(id);
}

void AlarmBook::apply(const QList<AlarmCondition> &conditions)
{
    const qint64 now = m_clock.nowMs();
    const auto sameCause = [this](const Alarm &a, const AlarmCondition &c) {
        return a.state == Alarm::State::Active && a.kind == c.kind && a.source == c.source &&
               m_causes.value(a.id).key == c.key;
    };
    QList<bool> stillHolds(m_alarms.size(), false);
    for (const AlarmCondition &c : conditions) {
        const auto it =
            std::find_if(m_alarms.begin(), m_alarms.end(), [&](const Alarm &a) { return sameCause(a, c); });
        if (it != m_alarms.end()) {
            stillHolds[it - m_alarms.begin()] = true;
            m_causes[it->id] = {c.key, c.silencedAtSource};
            const bool silenced = isSilenced(*it, now);
            const QString summary = c.summary.left(protocol::kMaxSummaryLength);
            if (it->severity != c.severity || it->summary != summary || it->affected != c.affected ||
                it->silenced != silenced) {
                it->severity = c.severity;
                it->summary = summary;
                it->affected = c.affected;
                it->silenced = silenced;
                touch(*it);
            }
            continue;
        }
        Alarm a;
        a.id = QStringLiteral("alm-%1").arg(m_nextAlarm++, 6, 10, QLatin1Char('0'));
        a.source = c.source;
        a.kind = c.kind;
        a.severity = c.severity;
        a.summary = c.summary.left(protocol::kMaxSummaryLength);
        a.affected = c.affected;
        a.raisedAtMs = c.sinceMs > 0 && c.sinceMs <= now ? c.sinceMs : now;
        m_causes.insert(a.id, {c.key, c.silencedAtSource});
        a.silenced = isSilenced(a, now);
        touch(a);
        m_alarms.append(std::move(a));
        stillHolds.append(true);
    }
    for (qsizetype i = 0; i < m_alarms.size(); ++i) {
        Alarm &a = m_alarms[i];
        if (a.state == Alarm::State::Active && !stillHolds[i]) {
            a.state = Alarm::State::Cleared;
            a.clearedAtMs = now;
            touch(a);
        }
    }
    dropOldCleared(now);
}

void AlarmBook::update()
{
    const qint64 now = m_clock.nowMs();
    for (Alarm &a : m_alarms) {
        // An expiring acknowledgement returns the alarm to the operators; a cleared one keeps its
        // acknowledgement as a record of who handled it.
        if (a.state == Alarm::State::Active && a.ack && a.ack->untilMs > 0 && a.ack->untilMs <= now) {
            a.ack.reset();
            touch(a);
        }
    }
    if (m_nextSilenceBoundaryMs > 0 && m_nextSilenceBoundaryMs <= now) {
        m_silences.removeIf([&](const Silence &s) { return s.untilMs <= now; });
        refreshSilenced(now);
    }
    dropOldCleared(now);
}

bool AlarmBook::isSilenced(const Alarm &alarm, qint64 now) const
{
    if (m_causes.value(alarm.id).silencedAtSource)
        return true;
    return std::any_of(m_silences.begin(), m_silences.end(), [&](const Silence &s) {
        return s.fromMs <= now && now < s.untilMs && m_coverage(s.target, alarm.source);
    });
}

void AlarmBook::refreshSilenced(qint64 now)
{
    m_nextSilenceBoundaryMs = 0;
    for (const Silence &s : std::as_const(m_silences)) {
        for (qint64 t : {s.fromMs, s.untilMs}) {
            if (t > now && (m_nextSilenceBoundaryMs == 0 || t < m_nextSilenceBoundaryMs))
                m_nextSilenceBoundaryMs = t;
        }
    }
    for (Alarm &a : m_alarms) {
        if (a.state != Alarm::State::Active)
            continue; // a cleared alarm keeps what it was
        if (const bool silenced = isSilenced(a, now); silenced != a.silenced) {
            a.silenced = silenced;
            touch(a);
        }
    }
}

void AlarmBook::dropOldCleared(qint64 now)
{
    qsizetype cleared = std::count_if(m_alarms.begin(), m_alarms.end(),
                                      [](const Alarm &a) { return a.state == Alarm::State::Cleared; });
    // m_alarms is in the order raised, so the oldest cleared ones go first.
    m_alarms.removeIf([&](const Alarm &a) {
        if (a.state != Alarm::State::Cleared)
            return false;
        if (a.clearedAtMs + kClearedWindowMs > now && cleared <= kMaxClearedAlarms)
            return false;
        --cleared;
        ++m_dropped;
        m_causes.remove(a.id);
        m_floor = std::max(m_floor, a.revision);
        return true;
    });
}

AlarmBatch AlarmBook::since(const QString &cursorText, const std::function<bool(const Alarm &)> &visible,
                            int limit) const
{
    AlarmBatch batch;
    batch.serverTimeMs = m_clock.nowMs();
    batch.clearedWindowMs = kClearedWindowMs;
    // A cursor continues when it is this run's and no alarm changed after it was dropped since.
    const QStringList parts = cursorText.split(u'-');
    bool epochOk = false;
    bool revisionOk = false;
    const qint64 after = parts.size() == 2 ? parts[1].toLongLong(&revisionOk) : -1;
    const bool continues = parts.size() == 2 && parts[0].toLongLong(&epochOk) == m_epoch && epochOk &&
                           revisionOk && after >= m_floor && after <= m_revision;
    batch.reset = !continues;
    QList<const Alarm *> changed;
    for (const Alarm &a : m_alarms) {
        if ((batch.reset || a.revision > after) && visible(a))
            changed.append(&a);
    }
    std::sort(changed.begin(), changed.end(),
              [](const Alarm *x, const Alarm *y) { return x->revision < y->revision; });
    qsizetype bytes = 0;
    qint64 last = batch.reset ? m_revision : after;
    for (const Alarm *a : changed) {
        const qsizetype size = protocol::toBody(protocol::toJson(*a)).size();
        if (!batch.alarms.isEmpty() && (batch.alarms.size() >= limit || bytes + size > kMaxAnswerBytes)) {
            batch.more = true;
            break;
        }
        bytes += size;
        batch.alarms.append(*a);
        last = a->revision;
    }
    // An answer that holds everything continues from now; a cut one from its last alarm.
    batch.cursor = cursor(batch.more ? last : m_revision);
    return batch;
}

AlarmBook::Result AlarmBook::acknowledge(const QString &id, const QString &by, const AckRequest &request)
{
    Alarm *a = find(id);
    if (!a)
        return {404, QStringLiteral("No alarm '%1'").arg(id.left(64)), {}, {}};
    if (a->state != Alarm::State::Active)
        return {409, QStringLiteral("The alarm '%1' is already cleared").arg(id), *a, {}};
    const qint64 now = m_clock.nowMs();
    if (request.untilMs != 0 && request.untilMs <= now)
        return {400, QStringLiteral("until must be in the future"), *a, {}};
    a->ack = AlarmAck{by.left(protocol::kMaxUserLength), now, request.comment, request.untilMs};
    touch(*a);
    return {200, {}, *a, {}};
}

AlarmBook::Result AlarmBook::unacknowledge(const QString &id)
{
    Alarm *a = find(id);
    if (!a)
        return {404, QStringLiteral("No alarm '%1'").arg(id.left(64)), {}, {}};
    if (a->state != Alarm::State::Active)
        return {409, QStringLiteral("The alarm '%1' is already cleared").arg(id), *a, {}};
    if (!a->ack)
        return {409, QStringLiteral("The alarm '%1' is not acknowledged").arg(id), *a, {}};
    a->ack.reset();
    touch(*a);
    return {200, {}, *a, {}};
}

AlarmBook::Result AlarmBook::comment(const QString &id, const QString &by, const QString &text)
{
    Alarm *a = find(id);
    if (!a)
        return {404, QStringLiteral("No alarm '%1'").arg(id.left(64)), {}, {}};
    if (a->comments.size() >= protocol::kMaxAlarmComments)
        return {409,
                QStringLiteral("The alarm '%1' already holds %2 comments")
                    .arg(id)
                    .arg(protocol::kMaxAlarmComments),
                *a,
                {}};
    a->comments.append({by.left(protocol::kMaxUserLength), m_clock.nowMs(), text});
    touch(*a);
    return {201, {}, *a, {}};
}

AlarmBook::Result AlarmBook::addSilence(const QString &by, const SilenceRequest &request)
{
    const qint64 now = m_clock.nowMs();
    if (m_silences.size() >= protocol::kMaxSilences)
        return {409, QStringLiteral("There are already %1 silences").arg(protocol::kMaxSilences), {}, {}};
    Silence s;
    s.target = request.target;
    s.fromMs = request.fromMs > 0 ? request.fromMs : now;
    s.untilMs = request.untilMs;
    if (s.untilMs <= now || s.untilMs <= s.fromMs)
        return {400, QStringLiteral("until must be in the future and after from"), {}, {}};
    if (s.untilMs - s.fromMs > kMaxSilenceMs)
        return {400, QStringLiteral("A silence lasts at most 31 days"), {}, {}};
    s.id = QStringLiteral("sil-%1").arg(m_nextSilence++, 6, 10, QLatin1Char('0'));
    s.reason = request.reason;
    s.createdBy = by.left(protocol::kMaxUserLength);
    s.createdAtMs = now;
    m_silences.append(s);
    refreshSilenced(now);
    return {201, {}, {}, s};
}

void AlarmBook::replaceSilences(QList<Silence> silences)
{
    if (silences.size() > protocol::kMaxSilences)
        silences.resize(protocol::kMaxSilences);
    m_silences = std::move(silences);
    refreshSilenced(m_clock.nowMs());
}

bool AlarmBook::removeSilence(const QString &id)
{
    if (m_silences.removeIf([&](const Silence &s) { return s.id == id; }) == 0)
        return false;
    refreshSilenced(m_clock.nowMs());
    return true;
}

} // namespace cpn::server
