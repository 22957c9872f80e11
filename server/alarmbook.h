#pragma once

#include "protocolbackend.h"

#include "domain/alarm.h"

#include <QHash>
#include <QList>
#include <functional>

namespace cpn::server {

class Clock;

// One condition a detector sees now; the book turns the set of them into alarms.
struct AlarmCondition
{
    Alarm::Kind kind = Alarm::Kind::NodeDown;
    AlarmSource source;
    Alarm::Severity severity = Alarm::Severity::Major;
    QString summary;
    QStringList affected;
    // Tells apart conditions of one kind and source (an Alertmanager alert's fingerprint).
    QString key;
    // Silenced where it was raised (by an Alertmanager silence), whatever this book's silences say.
    bool silencedAtSource = false;
    // When the condition began, if the source knows (an alert's startsAt); 0: when first applied.
    qint64 sinceMs = 0;
};

// The alarms of a federation with their acknowledgements, comments and silences, and the revision
// cursor clients follow (docs/node-api.md, "Alarms"). It knows nothing of HTTP or of what raises the
// alarms, so the protocol can be served by anything that feeds it conditions. Memory is bounded:
// cleared alarms are kept for kClearedWindowMs and at most kMaxClearedAlarms of them, comments and
// silences are capped (protocol::kMaxAlarmComments, kMaxSilences).
class AlarmBook
{
public:
    static constexpr qint64 kClearedWindowMs = 3600 * 1000;
    static constexpr int kMaxClearedAlarms = 10000;
    static constexpr qint64 kMaxSilenceMs = 31LL * 24 * 3600 * 1000;
    static constexpr qsizetype kMaxAnswerBytes = 8 * 1024 * 1024;

    // Whether a silence's target holds an alarm's source (the scenario knows subtrees and links).
    using Coverage = std::function<bool(const AlarmSource &target, const AlarmSource &source)>;

    explicit AlarmBook(const server::Clock &clock);
    void setCoverage(Coverage coverage);

    // The conditions that hold now: new ones raise an alarm, changed ones update it, and active
    // alarms whose condition is gone are cleared.
    void apply(const QList<AlarmCondition> &conditions);
    // Expires acknowledgements and silences whose time has passed and drops old cleared alarms.
    void update();

    // Every alarm changed after `cursor`, or (no cursor, or one this book cannot continue) every
    // active alarm and those cleared within kClearedWindowMs, with reset. `visible` limits the answer
    // to what the asking node oversees. Oldest change first, cut at `limit` alarms or
    // kMaxAnswerBytes (then `more`).
    AlarmBatch since(const QString &cursor, const std::function<bool(const Alarm &)> &visible,
                     int limit) const;
    const Alarm *alarm(const QString &id) const;
    const QList<Alarm> &alarms() const { return m_alarms; }
    qint64 revision() const { return m_revision; }
    // Changes whenever an answer of since() may change: a new revision, or an alarm dropped.
    qint64 version() const { return qint64(qHashMulti(0, m_revision, m_floor, m_dropped)); }

    struct Result
    {
        int status = 200; // 200, 201, 400, 404 or 409
        QString detail;   // why, when not 2xx
        Alarm alarm;
        Silence silence;
        // As a backend answers an action on an alarm.
        ProtocolBackend::Result<Alarm> asAlarmResult() const { return {status, detail, alarm}; }
    };
    Result acknowledge(const QString &id, const QString &by, const AckRequest &request);
    Result unacknowledge(const QString &id);
    Result comment(const QString &id, const QString &by, const QString &text);

    // Silences not yet ended, oldest first.
    const QList<Silence> &silences() const { return m_silences; }
    Result addSilence(const QString &by, const SilenceRequest &request);
    bool removeSilence(const QString &id);
    // For a site whose silences live elsewhere (Alertmanager): they replace the book's own.
    void replaceSilences(QList<Silence> silences);

private:
    Alarm *find(const QString &id);
    void touch(Alarm &alarm) { alarm.revision = ++m_revision; }
    bool isSilenced(const Alarm &alarm, qint64 now) const;
    void refreshSilenced(qint64 now);
    void dropOldCleared(qint64 now);
    QString cursor(qint64 revision) const;

    const server::Clock &m_clock;
    Coverage m_coverage;
    QList<Alarm> m_alarms; // in the order raised
    struct Cause
    {
        QString key;
        bool silencedAtSource = false;
    };
    QHash<QString, Cause> m_causes; // alarm id -> what AlarmCondition said beyond kind and source
    QList<Silence> m_silences;
    qint64 m_epoch; // distinguishes cursors of another run
    qint64 m_revision = 0;
    qint64 m_floor = 0;   // the newest revision of a dropped alarm: older cursors cannot continue
    qint64 m_dropped = 0; // cleared alarms dropped so far
    qint64 m_nextAlarm = 1;
    qint64 m_nextSilence = 1;
    qint64 m_nextSilenceBoundaryMs = 0; // when some silence starts or ends; 0: none ahead
};

} // namespace cpn::server
