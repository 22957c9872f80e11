#include "alarms/alarmfeed.h"

#include "alarms/alarmstore.h"
#include "api/nodeapiclient.h"
#include "domain/clock.h"
#include "domain/logging.h"

#include <QCoreApplication>

#include <memory>

namespace cpn::alarms {
namespace {

QString verbOf(AlarmFeed::Action action)
{
    switch (action) {
    case AlarmFeed::Action::Read:
        return QCoreApplication::translate("cpn::alarms", "read alarms");
    case AlarmFeed::Action::Acknowledge:
        return QCoreApplication::translate("cpn::alarms", "acknowledge alarms");
    case AlarmFeed::Action::Unacknowledge:
        return QCoreApplication::translate("cpn::alarms", "withdraw acknowledgements");
    case AlarmFeed::Action::Comment:
        return QCoreApplication::translate("cpn::alarms", "comment on alarms");
    case AlarmFeed::Action::Silence:
        return QCoreApplication::translate("cpn::alarms", "silence alarms");
    case AlarmFeed::Action::Unsilence:
        return QCoreApplication::translate("cpn::alarms", "end maintenance windows");
    }
    return {};
}

} // namespace

AlarmFeed::AlarmFeed(api::NodeApiClient *client, AlarmStore *store, const Clock &clock, QObject *parent)
    : QObject(parent), m_client(client), m_store(store), m_clock(clock),
      m_origin(client->baseUrl().toString()), m_random(api::systemRandom())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AlarmFeed::poll);
}

void AlarmFeed::start()
{
    if (m_running)
        return;
    m_running = true;
    ++m_generation;
    m_inFlight = false;
    m_failures = 0;
    m_startedMs = m_clock.nowMs();
    poll();
}

void AlarmFeed::stop()
{
    m_running = false;
    ++m_generation;
    m_inFlight = false;
    m_timer.stop();
}

void AlarmFeed::removeFromStore()
{
    m_store->removeOrigin(m_origin);
    m_cursor.clear();
}

void AlarmFeed::schedule(qint64 delayMs)
{
    m_timer.start(int(std::clamp<qint64>(delayMs, 0, 3600 * 1000)));
}

void AlarmFeed::poll()
{
    if (!m_running || m_inFlight || !m_client)
        return;
    m_inFlight = true;
    const quint64 generation = m_generation;
    m_client->fetchAlarms(m_cursor, [this, generation](const api::ApiResult<AlarmBatch> &result) {
        onAlarms(generation, result);
    });
}

void AlarmFeed::onAlarms(quint64 generation, const api::ApiResult<AlarmBatch> &result)
{
    if (generation != m_generation)
        return;
    m_inFlight = false;
    if (!result.ok()) {
        const QString message = describe(Action::Read, result.error());
        if (m_failures++ == 0) {
            qCWarning(lcApi).noquote() << "alarms of" << m_origin << "could not be read:" << message;
            Q_EMIT pollFailed(message);
        }
        const qint64 silentSince = m_lastAnswerMs > 0 ? m_lastAnswerMs : m_startedMs;
        if (m_clock.nowMs() - silentSince >= kUnconfirmedAfterMs)
            m_store->setOriginUnconfirmed(m_origin, m_lastAnswerMs);
        schedule(api::backoffDelayMs(m_failures - 1, result.error().retryAfterSeconds, {}, m_random));
        return;
    }
    if (m_failures > 0) {
        qCInfo(lcApi).noquote() << "alarms of" << m_origin << "are read again after" << m_failures
                                << "failures";
        m_failures = 0;
        Q_EMIT pollRecovered();
    }
    const AlarmBatch &batch = result.value();
    m_cursor = batch.cursor;
    m_lastAnswerMs = m_clock.nowMs();
    m_store->setOriginConfirmed(m_origin);
    m_store->applyBatch(m_origin, batch);
    if (!batch.alarms.isEmpty())
        Q_EMIT revisionsReceived(m_origin, batch.alarms, m_clock.nowMs());
    Q_EMIT polled();
    schedule(batch.more ? 0 : m_intervalMs);
}

void AlarmFeed::acknowledge(const QString &alarmId, const AckRequest &request, Done done)
{
    if (!m_client)
        return;
    m_client->acknowledgeAlarm(alarmId, request,
                               [this, done = std::move(done)](const api::ApiResult<Alarm> &r) {
                                   if (r.ok()) {
                                       m_store->applyAlarm(m_origin, r.value(), m_clock.nowMs());
                                       Q_EMIT revisionsReceived(m_origin, {r.value()}, m_clock.nowMs());
                                   }
                                   done(r.ok() ? QString() : describe(Action::Acknowledge, r.error()));
                               });
}

void AlarmFeed::unacknowledge(const QString &alarmId, Done done)
{
    if (!m_client)
        return;
    m_client->unacknowledgeAlarm(alarmId, [this, done = std::move(done)](const api::ApiResult<Alarm> &r) {
        if (r.ok()) {
            m_store->applyAlarm(m_origin, r.value(), m_clock.nowMs());
            Q_EMIT revisionsReceived(m_origin, {r.value()}, m_clock.nowMs());
        }
        done(r.ok() ? QString() : describe(Action::Unacknowledge, r.error()));
    });
}

void AlarmFeed::comment(const QString &alarmId, const QString &text, Done done)
{
    if (!m_client)
        return;
    m_client->commentAlarm(alarmId, text, [this, done = std::move(done)](const api::ApiResult<Alarm> &r) {
        if (r.ok()) {
            m_store->applyAlarm(m_origin, r.value(), m_clock.nowMs());
            Q_EMIT revisionsReceived(m_origin, {r.value()}, m_clock.nowMs());
        }
        done(r.ok() ? QString() : describe(Action::Comment, r.error()));
    });
}

void AlarmFeed::silence(const SilenceRequest &request, Done done)
{
    if (!m_client)
        return;
    // The alarms it covers turn silenced on the node; the next poll brings them.
    m_client->createSilence(request, [done = std::move(done)](const api::ApiResult<Silence> &r) {
        done(r.ok() ? QString() : describe(Action::Silence, r.error()));
    });
}

void AlarmFeed::unsilence(const AlarmSource &target, Done done)
{
    unsilence([target](const AlarmSource &t) { return t == target; }, std::move(done));
}

void AlarmFeed::unsilence(std::function<bool(const AlarmSource &target)> covers, Done done)
{
    if (!m_client)
        return;
    QPointer<api::NodeApiClient> client = m_client;
    m_client->fetchSilences(
        [client, covers = std::move(covers), done = std::move(done)](const api::ApiResult<QList<Silence>> &r) {
            if (!r.ok() || !client) {
                done(describe(Action::Unsilence, r.error()));
                return;
            }
            QStringList ids;
            for (const Silence &s : r.value()) {
                if (covers(s.target))
                    ids.append(s.id);
            }
            if (ids.isEmpty()) {
                done(QCoreApplication::translate("cpn::alarms", "No maintenance window covers this source."));
                return;
            }
            // One answer for all: the first failure, or success once every silence is gone.
            auto pending = std::make_shared<int>(int(ids.size()));
            auto failure = std::make_shared<QString>();
            for (const QString &id : std::as_const(ids)) {
                client->deleteSilence(id, [pending, failure, done](const api::ApiResult<QList<Silence>> &d) {
                    if (!d.ok() && failure->isEmpty())
                        *failure = describe(Action::Unsilence, d.error());
                    if (--*pending == 0)
                        done(*failure);
                });
            }
        });
}

QString AlarmFeed::describe(Action action, const api::ApiError &error)
{
    if (error.kind == api::ApiError::Kind::Http) {
        const QString scope =
            action == Action::Read ? QStringLiteral("alarms:read") : QStringLiteral("alarms:write");
        switch (error.httpStatus) {
        case 401:
            return QCoreApplication::translate("cpn::alarms",
                                               "You are not signed in, or your sign-in has expired.");
        case 403:
            return QCoreApplication::translate("cpn::alarms", "Your account may not %1 (it lacks %2)")
                .arg(verbOf(action), scope);
        case 404:
            return QCoreApplication::translate("cpn::alarms",
                                               "The node no longer knows this alarm or target.");
        case 409:
            if (action == Action::Acknowledge)
                return QCoreApplication::translate("cpn::alarms", "The alarm has cleared in the meantime.");
            if (action == Action::Unacknowledge)
                return QCoreApplication::translate("cpn::alarms",
                                                   "The alarm is no longer acknowledged, or has cleared.");
            break;
        default:
            break;
        }
    }
    return error.message();
}

} // namespace cpn::alarms
