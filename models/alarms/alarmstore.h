#pragma once

#include "domain/alarm.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace cpn::alarms {

// An alarm in the console: the root it came from (its base URL, QUrl::toString()) and its id there.
struct AlarmKey
{
    QString origin;
    QString id;
    friend bool operator==(const AlarmKey &, const AlarmKey &) = default;
};
inline size_t qHash(const AlarmKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.origin, key.id);
}

// What this console saw happen to an alarm between two of its revisions: the node keeps only the
// current acknowledgement, so earlier ones and their withdrawal are known only from here on.
struct AlarmEvent
{
    enum class Kind {
        Raised,
        Acknowledged,
        Unacknowledged,
        AckExpired,
        Commented,
        Silenced,
        Unsilenced,
        Cleared
    };
    Kind kind = Kind::Raised;
    qint64 atMs = 0;
    QString by;
    QString text;       // an acknowledgement's or a comment's text
    qint64 untilMs = 0; // an acknowledgement's expiry; 0: until cleared
};

struct StoredAlarm
{
    AlarmKey key() const { return {origin, alarm.id}; }
    bool isActive() const { return alarm.state == Alarm::State::Active; }
    bool isAcknowledged() const { return alarm.ack.has_value(); }
    // Active, not acknowledged and not under a silence: what the map, the sound and the wall show.
    bool needsAttention() const { return isActive() && !isAcknowledged() && !alarm.silenced; }

    QString origin;
    Alarm alarm;
    QList<AlarmEvent> observed; // acknowledgements withdrawn or expired, silences, as this console saw them
};

// The raise, acknowledgements, comments, silences and clear of an alarm, oldest first.
QList<AlarmEvent> historyOf(const StoredAlarm &stored);

// The one owner of the alarms the live window shows, from every root (docs/architecture.md,
// "Who owns what"). Rows keep their order while they live: a new alarm is appended, one that goes
// (a reset of its root, a cleared alarm past the root's window) is removed with a reset.
class AlarmStore : public QObject
{
    Q_OBJECT

public:
    explicit AlarmStore(QObject *parent = nullptr);

    // An answer of GET /alarms from `origin`: reset replaces that origin's alarms; otherwise each
    // alarm replaces its copy unless that copy has a newer revision. Cleared alarms older than the
    // answer's clearedWindowMs are dropped, as the node forgets them without saying so.
    void applyBatch(const QString &origin, const AlarmBatch &batch);
    // One alarm an action on it returned (an acknowledgement, comment...), seen before the next poll.
    void applyAlarm(const QString &origin, const Alarm &alarm, qint64 observedAtMs);
    // Many alarms at once, each as applyAlarm, with one append (a replayed moment's alarms).
    struct Observed
    {
        QString origin;
        Alarm alarm;
        qint64 observedAtMs = 0;
    };
    void applyAlarms(const QList<Observed> &observed);
    // A root that is gone.
    void removeOrigin(const QString &origin);
    // A root that stopped answering: its alarms stay listed as it last said them, marked as not
    // confirmed since `lastHeardMs` (0: never heard), until setOriginConfirmed().
    void setOriginUnconfirmed(const QString &origin, qint64 lastHeardMs);
    void setOriginConfirmed(const QString &origin);
    std::optional<qint64> unconfirmedSince(const QString &origin) const;
    void clear();

    int size() const { return int(m_rows.size()); }
    const StoredAlarm &at(int row) const { return m_rows.at(row); }
    const QList<StoredAlarm> &all() const { return m_rows; }
    int rowOf(const AlarmKey &key) const { return m_rowByKey.value(key, -1); }
    const StoredAlarm *find(const AlarmKey &key) const;
    QList<StoredAlarm> active() const;

    // The most severe alarm that needs attention (StoredAlarm::needsAttention) about a node: its
    // source is the node (as node, endpoint or subtree) or lists it among the affected nodes.
    std::optional<Alarm::Severity> worstUnacknowledgedForNode(const QString &nodeId) const;
    // The same for a link: alarms whose source is the link.
    std::optional<Alarm::Severity> worstUnacknowledgedForLink(const QString &linkId) const;
    // Every node and link with an alarm that needs attention, with the worst severity.
    const QHash<QString, Alarm::Severity> &worstUnacknowledgedByNode() const;
    const QHash<QString, Alarm::Severity> &worstUnacknowledgedByLink() const;
    // The active critical alarms that are neither acknowledged nor silenced (what blinks).
    QList<AlarmKey> unacknowledgedCriticals() const;

Q_SIGNALS:
    // Around appending rows [first, last] (new alarms).
    void aboutToAppend(int first, int last);
    void appended(int first, int last);
    // Rows whose alarm has a new revision, or whose root stopped or started answering again.
    void rowsChanged(const QList<int> &rows);
    // Around removing rows (every row may move).
    void aboutToReset();
    void reset();
    // After every change, once: the worst severities may have moved.
    void changed();
    // Alarms that now need attention and did not before: new ones, an acknowledgement withdrawn or
    // expired, a silence ended (the first answer of a root too). For sound and blink.
    void attentionNeeded(const QList<cpn::alarms::AlarmKey> &keys);

private:
    struct Update
    {
        QList<StoredAlarm> added;
        QHash<AlarmKey, int> addedIndex; // row in added
        QList<int> changedRows;
        QList<AlarmKey> needAttention;
    };
    void merge(const QString &origin, const Alarm &alarm, qint64 observedAtMs, Update &update);
    void publish(Update &update);
    void removeWhere(const std::function<bool(const StoredAlarm &)> &drop);
    void rebuildIndex();
    void computeWorst() const;

    void touchOrigin(const QString &origin);

    QList<StoredAlarm> m_rows;
    QHash<AlarmKey, int> m_rowByKey;
    QHash<QString, qint64> m_unconfirmedSince; // by origin: last heard of, for roots that do not answer
    mutable bool m_worstDirty = true;
    mutable QHash<QString, Alarm::Severity> m_worstByNode;
    mutable QHash<QString, Alarm::Severity> m_worstByLink;
};

} // namespace cpn::alarms
