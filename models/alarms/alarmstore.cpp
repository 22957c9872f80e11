#include "alarms/alarmstore.h"

#include <QSet>

#include <algorithm>

namespace cpn::alarms {
namespace {

bool moreSevere(Alarm::Severity a, Alarm::Severity b)
{
    return int(a) < int(b); // the enum lists the most severe first
}

void raiseTo(QHash<QString, Alarm::Severity> &worst, const QString &id, Alarm::Severity severity)
{
    auto it = worst.find(id);
    if (it == worst.end())
        worst.insert(id, severity);
    else if (moreSevere(severity, *it))
        *it = severity;
}

// What changed between two revisions of an alarm that the node does not keep a record of.
void observeChange(const Alarm &before, const Alarm &after, qint64 atMs, QList<AlarmEvent> &observed)
{
    if (before.ack && before.ack != after.ack) {
        // Replaced by another acknowledgement: that one is in the history through after.ack.
        if (after.ack)
            observed.append({AlarmEvent::Kind::Acknowledged, before.ack->atMs, before.ack->by,
                             before.ack->comment, before.ack->untilMs});
        else {
            const bool expired = before.ack->untilMs > 0 && before.ack->untilMs <= atMs;
            observed.append({AlarmEvent::Kind::Acknowledged, before.ack->atMs, before.ack->by,
                             before.ack->comment, before.ack->untilMs});
            observed.append({expired ? AlarmEvent::Kind::AckExpired : AlarmEvent::Kind::Unacknowledged,
                             expired ? before.ack->untilMs : atMs,
                             {},
                             {},
                             0});
        }
    }
    if (before.silenced != after.silenced)
        observed.append(
            {after.silenced ? AlarmEvent::Kind::Silenced : AlarmEvent::Kind::Unsilenced, atMs, {}, {}, 0});
}

} // namespace

QList<AlarmEvent> historyOf(const StoredAlarm &stored)
{
    const Alarm &a = stored.alarm;
    QList<AlarmEvent> events{{AlarmEvent::Kind::Raised, a.raisedAtMs, {}, {}, 0}};
    events += stored.observed;
    if (a.ack)
        events.append(
            {AlarmEvent::Kind::Acknowledged, a.ack->atMs, a.ack->by, a.ack->comment, a.ack->untilMs});
    for (const AlarmComment &c : a.comments)
        events.append({AlarmEvent::Kind::Commented, c.atMs, c.by, c.text, 0});
    if (a.state == Alarm::State::Cleared)
        events.append({AlarmEvent::Kind::Cleared, a.clearedAtMs, {}, {}, 0});
    std::stable_sort(events.begin(), events.end(),
                     [](const AlarmEvent &x, const AlarmEvent &y) { return x.atMs < y.atMs; });
    return events;
}

AlarmStore::AlarmStore(QObject *parent) : QObject(parent) {}

void AlarmStore::applyBatch(const QString &origin, const AlarmBatch &batch)
{
    if (batch.reset) {
        // What the origin still lists keeps its row, so a reset does not lose the observed history.
        QSet<QString> listed;
        for (const Alarm &alarm : batch.alarms)
            listed.insert(alarm.id);
        removeWhere([&](const StoredAlarm &s) { return s.origin == origin && !listed.contains(s.alarm.id); });
    }
    Update update;
    for (const Alarm &alarm : batch.alarms)
        merge(origin, alarm, batch.serverTimeMs, update);
    publish(update);
    if (batch.clearedWindowMs > 0) {
        const qint64 forgottenBefore = batch.serverTimeMs - batch.clearedWindowMs;
        removeWhere([&](const StoredAlarm &s) {
            return s.origin == origin && !s.isActive() && s.alarm.clearedAtMs < forgottenBefore;
        });
    }
}

void AlarmStore::applyAlarm(const QString &origin, const Alarm &alarm, qint64 observedAtMs)
{
    Update update;
    merge(origin, alarm, observedAtMs, update);
    publish(update);
}

void AlarmStore::applyAlarms(const QList<Observed> &observed)
{
    Update update;
    for (const Observed &o : observed)
        merge(o.origin, o.alarm, o.observedAtMs, update);
    publish(update);
}

void AlarmStore::removeOrigin(const QString &origin)
{
    m_unconfirmedSince.remove(origin);
    removeWhere([&](const StoredAlarm &s) { return s.origin == origin; });
}

void AlarmStore::setOriginUnconfirmed(const QString &origin, qint64 lastHeardMs)
{
    if (m_unconfirmedSince.value(origin, -1) == lastHeardMs)
        return;
    m_unconfirmedSince.insert(origin, lastHeardMs);
    touchOrigin(origin);
}

void AlarmStore::setOriginConfirmed(const QString &origin)
{
    if (m_unconfirmedSince.remove(origin))
        touchOrigin(origin);
}

std::optional<qint64> AlarmStore::unconfirmedSince(const QString &origin) const
{
    const auto it = m_unconfirmedSince.constFind(origin);
    return it == m_unconfirmedSince.cend() ? std::nullopt : std::optional(*it);
}

void AlarmStore::touchOrigin(const QString &origin)
{
    QList<int> rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).origin == origin)
            rows.append(row);
    }
    if (!rows.isEmpty())
        Q_EMIT rowsChanged(rows);
}

void AlarmStore::clear()
{
    m_unconfirmedSince.clear();
    removeWhere([](const StoredAlarm &) { return true; });
}

const StoredAlarm *AlarmStore::find(const AlarmKey &key) const
{
    const int row = rowOf(key);
    return row < 0 ? nullptr : &m_rows.at(row);
}

QList<StoredAlarm> AlarmStore::active() const
{
    QList<StoredAlarm> list;
    for (const StoredAlarm &s : m_rows) {
        if (s.isActive())
            list.append(s);
    }
    return list;
}

std::optional<Alarm::Severity> AlarmStore::worstUnacknowledgedForNode(const QString &nodeId) const
{
    const auto &worst = worstUnacknowledgedByNode();
    const auto it = worst.constFind(nodeId);
    return it == worst.constEnd() ? std::nullopt : std::optional(*it);
}

std::optional<Alarm::Severity> AlarmStore::worstUnacknowledgedForLink(const QString &linkId) const
{
    const auto &worst = worstUnacknowledgedByLink();
    const auto it = worst.constFind(linkId);
    return it == worst.constEnd() ? std::nullopt : std::optional(*it);
}

const QHash<QString, Alarm::Severity> &AlarmStore::worstUnacknowledgedByNode() const
{
    computeWorst();
    return m_worstByNode;
}

const QHash<QString, Alarm::Severity> &AlarmStore::worstUnacknowledgedByLink() const
{
    computeWorst();
    return m_worstByLink;
}

QList<AlarmKey> AlarmStore::unacknowledgedCriticals() const
{
    QList<AlarmKey> keys;
    for (const StoredAlarm &s : m_rows) {
        if (s.needsAttention() && s.alarm.severity == Alarm::Severity::Critical)
            keys.append(s.key());
    }
    return keys;
}

void AlarmStore::merge(const QString &origin, const Alarm &alarm, qint64 observedAtMs, Update &update)
{
    const AlarmKey key{origin, alarm.id};
    const int row = rowOf(key);
    if (row < 0) {
        // Twice in one answer (it changed twice): the later copy wins. Found by key, as a storm
        // brings thousands of new alarms in one answer.
        if (const auto pending = update.addedIndex.constFind(key); pending != update.addedIndex.constEnd()) {
            StoredAlarm &earlier = update.added[*pending];
            if (alarm.revision >= earlier.alarm.revision) {
                observeChange(earlier.alarm, alarm, observedAtMs, earlier.observed);
                earlier.alarm = alarm;
            }
            return;
        }
        StoredAlarm stored{origin, alarm, {}};
        if (stored.needsAttention())
            update.needAttention.append(key);
        update.addedIndex.insert(key, int(update.added.size()));
        update.added.append(std::move(stored));
        return;
    }
    StoredAlarm &stored = m_rows[row];
    if (alarm.revision < stored.alarm.revision || alarm == stored.alarm)
        return; // a late answer, or an action's answer the poll already brought
    const bool neededAttention = stored.needsAttention();
    observeChange(stored.alarm, alarm, observedAtMs, stored.observed);
    stored.alarm = alarm;
    if (!neededAttention && stored.needsAttention())
        update.needAttention.append(key);
    if (!update.changedRows.contains(row))
        update.changedRows.append(row);
}

void AlarmStore::publish(Update &update)
{
    if (!update.added.isEmpty()) {
        const int first = size();
        const int last = first + int(update.added.size()) - 1;
        Q_EMIT aboutToAppend(first, last);
        for (StoredAlarm &stored : update.added) {
            m_rowByKey.insert(stored.key(), int(m_rows.size()));
            m_rows.append(std::move(stored));
        }
        Q_EMIT appended(first, last);
    }
    if (!update.changedRows.isEmpty())
        Q_EMIT rowsChanged(update.changedRows);
    if (update.added.isEmpty() && update.changedRows.isEmpty())
        return;
    m_worstDirty = true;
    Q_EMIT changed();
    if (!update.needAttention.isEmpty())
        Q_EMIT attentionNeeded(update.needAttention);
}

void AlarmStore::removeWhere(const std::function<bool(const StoredAlarm &)> &drop)
{
    if (std::none_of(m_rows.cbegin(), m_rows.cend(), drop))
        return;
    Q_EMIT aboutToReset();
    m_rows.removeIf(drop);
    rebuildIndex();
    m_worstDirty = true;
    Q_EMIT reset();
    Q_EMIT changed();
}

void AlarmStore::rebuildIndex()
{
    m_rowByKey.clear();
    m_rowByKey.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowByKey.insert(m_rows.at(row).key(), row);
}

void AlarmStore::computeWorst() const
{
    if (!m_worstDirty)
        return;
    m_worstDirty = false;
    m_worstByNode.clear();
    m_worstByLink.clear();
    for (const StoredAlarm &s : m_rows) {
        if (!s.needsAttention())
            continue;
        const Alarm &a = s.alarm;
        if (a.source.kind == AlarmSource::Kind::Link)
            raiseTo(m_worstByLink, a.source.id, a.severity);
        else
            raiseTo(m_worstByNode, a.source.id, a.severity);
        for (const QString &nodeId : a.affected)
            raiseTo(m_worstByNode, nodeId, a.severity);
    }
}

} // namespace cpn::alarms
