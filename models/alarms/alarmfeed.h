#pragma once

#include "api/apierror.h"
#include "api/backoff.h"
#include "domain/alarm.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace cpn {
class Clock;
}
namespace cpn::api {
class NodeApiClient;
}

namespace cpn::alarms {

class AlarmStore;

// The alarms of one federation root: polls its GET /alarms with the cursor about once a second
// (at once again when an answer was cut), applies each answer to the store under the root's origin,
// and backs off on failures (full jitter, Retry-After; one log line per failure streak). A root
// that has not answered for kUnconfirmedAfterMs has its alarms marked in the store as not confirmed
// since its last answer, until it answers again. Also the
// actions on the root's alarms; each reports once, with an empty error on success or one translated
// sentence saying why not. Uses the root's own client, so its token and refresh are the root's.
class AlarmFeed : public QObject
{
    Q_OBJECT

public:
    // Empty on success, else why the action failed.
    using Done = std::function<void(const QString &error)>;
    // A few polls missed: a slow answer or two is not yet a silent root.
    static constexpr qint64 kUnconfirmedAfterMs = 5000;
    enum class Action { Read, Acknowledge, Unacknowledge, Comment, Silence, Unsilence };

    AlarmFeed(api::NodeApiClient *client, AlarmStore *store, const Clock &clock, QObject *parent = nullptr);

    // The root's base URL as a string: the origin of its alarms in the store.
    QString origin() const { return m_origin; }
    void start();
    // Stops polling; the root's alarms stay in the store until removeFromStore().
    void stop();
    bool isRunning() const { return m_running; }
    void removeFromStore();
    void setIntervalMs(int ms) { m_intervalMs = ms; }
    void setRandomSource(api::RandomBelow random) { m_random = std::move(random); }
    QString cursor() const { return m_cursor; }

    void acknowledge(const QString &alarmId, const AckRequest &request, Done done);
    void unacknowledge(const QString &alarmId, Done done);
    void comment(const QString &alarmId, const QString &text, Done done);
    // A maintenance window on a node, link or subtree.
    void silence(const SilenceRequest &request, Done done);
    // Ends every silence whose target is `target`.
    void unsilence(const AlarmSource &target, Done done);
    // Ends every silence whose target `covers` says yes to (e.g. each one that silences an alarm:
    // its node's, its hub's subtree's, its link's).
    void unsilence(std::function<bool(const AlarmSource &target)> covers, Done done);

    // One translated sentence for a failed action, e.g. for a 403 "Your account may not acknowledge
    // alarms (it lacks alarms:write)".
    static QString describe(Action action, const api::ApiError &error);

Q_SIGNALS:
    // The first failure of a streak, and the answer that ends it.
    void pollFailed(const QString &message);
    void pollRecovered();
    // An answer was applied to the store.
    void polled();
    // Every alarm revision the root sent (polls and the answers to actions), for the cache to record.
    void revisionsReceived(const QString &origin, const QList<cpn::Alarm> &alarms, qint64 observedAtMs);

private:
    void poll();
    void schedule(qint64 delayMs);
    void onAlarms(quint64 generation, const api::ApiResult<AlarmBatch> &result);

    QPointer<api::NodeApiClient> m_client;
    AlarmStore *m_store;
    const Clock &m_clock;
    QString m_origin;
    QString m_cursor;
    bool m_running = false;
    bool m_inFlight = false;
    quint64 m_generation = 0; // answers to a poll of an earlier start() are ignored
    int m_failures = 0;
    qint64 m_lastAnswerMs = 0; // of a poll; 0: none since start()
    qint64 m_startedMs = 0;
    int m_intervalMs = 1000;
    api::RandomBelow m_random;
    QTimer m_timer;
};

} // namespace cpn::alarms
