#include "sitealarms.h"

#include "replylimit.h"

#include "clock.h"

#include "domain/alarmjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace cpn::gateway {
namespace {

Q_LOGGING_CATEGORY(lcAlarms, "cpn.gateway.alarms", QtInfoMsg)

constexpr int kAlertmanagerTimeoutMs = 5000;
constexpr qint64 kMaxAlertsAnswerBytes = 16 * 1024 * 1024;
const QString kSourceDownKey = u"gateway:alert-source"_s;

Alarm::Severity severityOf(const QString &label)
{
    const QString s = label.toLower();
    if (s == u"critical"_s || s == u"page"_s)
        return Alarm::Severity::Critical;
    if (s == u"major"_s || s == u"error"_s || s == u"high"_s)
        return Alarm::Severity::Major;
    if (s == u"minor"_s || s == u"medium"_s)
        return Alarm::Severity::Minor;
    if (s == u"info"_s || s == u"none"_s || s == u"low"_s)
        return Alarm::Severity::Info;
    return Alarm::Severity::Warning; // "warning", or no severity label
}

qint64 msOf(const QJsonValue &time)
{
    const QDateTime t = QDateTime::fromString(time.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QString isoOf(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); }

} // namespace

SiteAlarms::SiteAlarms(const GatewayConfig &config, const server::Clock &clock, QObject *parent)
    : QObject(parent), m_config(config), m_clock(clock), m_book(clock)
{
    m_nam.setTransferTimeout(kAlertmanagerTimeoutMs);
    m_timer.setInterval(usesAlertmanager() ? config.alertmanager.intervalMs : config.prometheus.intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &SiteAlarms::poll);
}

void SiteAlarms::start()
{
    m_timer.start();
    poll();
}

QNetworkReply *SiteAlarms::send(const QByteArray &method, const QString &path, const QByteArray &body)
{
    QUrl url = usesAlertmanager() ? m_config.alertmanager.url : m_config.prometheus.url;
    const qsizetype query = path.indexOf(u'?');
    url.setPath(url.path() + path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    abortBeyond(reply, kMaxAlertsAnswerBytes);
    return reply;
}

void SiteAlarms::poll()
{
    if (m_pending > 0)
        return; // the last poll is still out; its timeout decides
    m_reason.clear();
    if (usesAlertmanager()) {
        m_pending = 2;
        QNetworkReply *alerts = send("GET", u"/api/v2/alerts?active=true&silenced=true&inhibited=true"_s);
        connect(alerts, &QNetworkReply::finished, this, [this, alerts] { alertsAnswered(alerts); });
        QNetworkReply *silences = send("GET", u"/api/v2/silences"_s);
        connect(silences, &QNetworkReply::finished, this, [this, silences] { silencesAnswered(silences); });
    } else {
        m_pending = 1;
        QNetworkReply *alerts = send("GET", u"/api/v1/alerts"_s);
        connect(alerts, &QNetworkReply::finished, this, [this, alerts] { alertsAnswered(alerts); });
    }
}

bool SiteAlarms::answeredOk(QNetworkReply *reply, const QString &what, QJsonDocument *document)
{
    const QString service = usesAlertmanager() ? u"Alertmanager"_s : u"Prometheus"_s;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    QString failure;
    if (status == 0)
        failure = u"%1 unreachable at %2: %3"_s.arg(service, reply->url().adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString(),
                                                     reply->errorString());
    else if (status / 100 != 2)
        failure = u"%1 answered %2 to %3"_s.arg(service).arg(status).arg(what);
    else if (*document = QJsonDocument::fromJson(body); document->isNull())
        failure = u"%1 answered %2 with no JSON"_s.arg(service, what);
    if (failure.isEmpty())
        return true;
    if (m_reason.isEmpty())
        m_reason = failure;
    return false;
}

bool SiteAlarms::matchesSite(const QJsonObject &labels) const
{
    const auto &am = m_config.alertmanager;
    return am.siteLabel.isEmpty() || labels.value(am.siteLabel).toString() == am.siteValue;
}

server::AlarmCondition SiteAlarms::conditionOf(const QJsonObject &labels, const QJsonObject &annotations,
                                               const QString &key, bool silenced) const
{
    server::AlarmCondition c;
    c.kind = Alarm::Kind::SiteAlert;
    c.source = {AlarmSource::Kind::Node, m_config.site.id};
    c.severity = severityOf(labels.value(u"severity"_s).toString());
    c.summary = annotations.value(u"summary"_s).toString();
    if (c.summary.isEmpty())
        c.summary = annotations.value(u"description"_s).toString();
    if (c.summary.isEmpty())
        c.summary = labels.value(u"alertname"_s).toString();
    c.affected = {m_config.site.id};
    c.key = key;
    c.silencedAtSource = silenced;
    return c;
}

void SiteAlarms::alertsAnswered(QNetworkReply *reply)
{
    reply->deleteLater();
    QJsonDocument document;
    if (answeredOk(reply, u"its alerts"_s, &document)) {
        m_alerts.clear();
        if (usesAlertmanager()) {
            for (const QJsonValue &alert : document.array()) {
                const QJsonObject labels = alert[u"labels"_s].toObject();
                if (!matchesSite(labels))
                    continue;
                const QJsonObject status = alert[u"status"_s].toObject();
                server::AlarmCondition c = conditionOf(labels, alert[u"annotations"_s].toObject(),
                                                       alert[u"fingerprint"_s].toString(),
                                                       !status[u"silencedBy"_s].toArray().isEmpty());
                c.sinceMs = msOf(alert[u"startsAt"_s]);
                m_alerts.append(c);
            }
        } else {
            for (const QJsonValue &alert : document[u"data"_s][u"alerts"_s].toArray()) {
                const QJsonObject labels = alert[u"labels"_s].toObject();
                if (alert[u"state"_s].toString() != u"firing"_s || !matchesSite(labels))
                    continue;
                // Prometheus gives no fingerprint: an alert is its labels.
                server::AlarmCondition c =
                    conditionOf(labels, alert[u"annotations"_s].toObject(),
                                QString::fromUtf8(QJsonDocument(labels).toJson(QJsonDocument::Compact)), false);
                c.sinceMs = msOf(alert[u"activeAt"_s]);
                m_alerts.append(c);
            }
        }
    }
    if (--m_pending == 0)
        apply();
}

void SiteAlarms::silencesAnswered(QNetworkReply *reply)
{
    reply->deleteLater();
    QJsonDocument document;
    if (answeredOk(reply, u"its silences"_s, &document)) {
        m_silences.clear();
        for (const QJsonValue &silence : document.array()) {
            if (const auto s = siteSilence(silence.toObject()))
                m_silences.append(*s);
        }
        std::sort(m_silences.begin(), m_silences.end(),
                  [](const Silence &a, const Silence &b) { return a.createdAtMs < b.createdAtMs; });
        m_book.replaceSilences(m_silences);
    }
    if (--m_pending == 0)
        apply();
}

void SiteAlarms::apply()
{
    QList<server::AlarmCondition> conditions = m_alerts;
    if (!m_reason.isEmpty()) {
        // Blind monitoring is itself worth an operator's attention.
        server::AlarmCondition blind;
        blind.kind = Alarm::Kind::SiteAlert;
        blind.source = {AlarmSource::Kind::Node, m_config.site.id};
        blind.severity = Alarm::Severity::Major;
        blind.summary = u"The site's alerts are not current: %1"_s.arg(m_reason);
        blind.affected = {m_config.site.id};
        blind.key = kSourceDownKey;
        conditions.append(blind);
    }
    if (m_reason != m_loggedReason) {
        if (m_reason.isEmpty())
            qCInfo(lcAlarms).noquote() << "the site's alerts are current again";
        else
            qCWarning(lcAlarms).noquote() << m_reason;
        m_loggedReason = m_reason;
    }
    m_book.apply(conditions);
    m_book.update();
}

QJsonArray SiteAlarms::siteMatchers() const
{
    QJsonArray matchers{QJsonObject{{u"name"_s, u"alertname"_s}, {u"value"_s, u".+"_s}, {u"isRegex"_s, true}, {u"isEqual"_s, true}}};
    const auto &am = m_config.alertmanager;
    if (!am.siteLabel.isEmpty())
        matchers.append(QJsonObject{{u"name"_s, am.siteLabel}, {u"value"_s, am.siteValue}, {u"isRegex"_s, false}, {u"isEqual"_s, true}});
    return matchers;
}

std::optional<Silence> SiteAlarms::siteSilence(const QJsonObject &silence) const
{
    if (silence[u"status"_s][u"state"_s].toString() == u"expired"_s)
        return std::nullopt;
    // The matchers, as a set (isEqual is absent before Alertmanager 0.22: then it is true).
    const auto normalized = [](const QJsonArray &matchers) {
        QStringList out;
        for (const QJsonValue &m : matchers)
            out << u"%1|%2|%3|%4"_s.arg(m[u"name"_s].toString(), m[u"value"_s].toString())
                       .arg(m[u"isRegex"_s].toBool())
                       .arg(m[u"isEqual"_s].toBool(true));
        out.sort();
        return out;
    };
    if (normalized(silence[u"matchers"_s].toArray()) != normalized(siteMatchers()))
        return std::nullopt; // it silences part of the site: the alerts say which (silencedBy)
    Silence s;
    s.id = silence[u"id"_s].toString().left(64);
    s.target = {AlarmSource::Kind::Node, m_config.site.id};
    s.fromMs = msOf(silence[u"startsAt"_s]);
    s.untilMs = msOf(silence[u"endsAt"_s]);
    s.reason = silence[u"comment"_s].toString().left(protocol::kMaxReasonLength);
    s.createdBy = silence[u"createdBy"_s].toString().left(protocol::kMaxUserLength);
    s.createdAtMs = msOf(silence[u"updatedAt"_s]);
    return s;
}

void SiteAlarms::addSilence(const QString &by, const SilenceRequest &request, Done done)
{
    if (!usesAlertmanager()) {
        // Prometheus has no silences: the gateway keeps them (for as long as it runs).
        const server::AlarmBook::Result r = m_book.addSilence(by, request);
        done({r.status, r.detail, r.silence});
        return;
    }
    const qint64 now = m_clock.nowMs();
    const qint64 fromMs = request.fromMs > 0 ? request.fromMs : now;
    if (request.untilMs <= now || request.untilMs <= fromMs)
        return done({400, u"until must be in the future and after from"_s, {}});
    if (request.untilMs - fromMs > server::AlarmBook::kMaxSilenceMs)
        return done({400, u"A silence lasts at most 31 days"_s, {}});
    if (m_silences.size() >= protocol::kMaxSilences)
        return done({409, u"There are already %1 silences"_s.arg(protocol::kMaxSilences), {}});
    const QJsonObject body{{u"matchers"_s, siteMatchers()},
                           {u"startsAt"_s, isoOf(fromMs)},
                           {u"endsAt"_s, isoOf(request.untilMs)},
                           {u"createdBy"_s, by},
                           // Alertmanager refuses a silence without a comment.
                           {u"comment"_s, request.reason.isEmpty() ? u"set from the CPN console"_s : request.reason}};
    QNetworkReply *reply = send("POST", u"/api/v2/silences"_s, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, by, request, fromMs, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        const QString id = answer.value(u"silenceID"_s).toString();
        if (status / 100 != 2 || id.isEmpty()) {
            const QString why = status == 0 ? reply->errorString() : u"it answered %1"_s.arg(status);
            qCWarning(lcAlarms).noquote() << "Alertmanager did not take a silence:" << why;
            done({502, u"Alertmanager did not take the silence: %1"_s.arg(why), {}});
            return;
        }
        Silence s{id.left(64), {AlarmSource::Kind::Node, m_config.site.id}, fromMs, request.untilMs,
                  request.reason, by.left(protocol::kMaxUserLength), m_clock.nowMs()};
        m_silences.append(s);
        m_book.replaceSilences(m_silences);
        qCInfo(lcAlarms).noquote() << "silence" << id << "set in Alertmanager for" << by;
        done({201, {}, s});
    });
}

void SiteAlarms::removeSilence(const QString &silenceId, RemoveDone done)
{
    const QString notFound = u"No silence '%1' at this node"_s.arg(silenceId.left(64));
    if (!usesAlertmanager()) {
        if (!m_book.removeSilence(silenceId))
            return done({404, notFound, {}});
        return done({200, {}, m_book.silences()});
    }
    if (std::none_of(m_silences.begin(), m_silences.end(), [&](const Silence &s) { return s.id == silenceId; }))
        return done({404, notFound, {}}); // only the site's own: never another team's silence
    QNetworkReply *reply = send("DELETE", u"/api/v2/silence/"_s + QString::fromLatin1(QUrl::toPercentEncoding(silenceId)));
    connect(reply, &QNetworkReply::finished, this, [this, reply, silenceId, notFound, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 404)
            return done({404, notFound, {}});
        if (status / 100 != 2) {
            const QString why = status == 0 ? reply->errorString() : u"it answered %1"_s.arg(status);
            return done({502, u"Alertmanager did not end the silence: %1"_s.arg(why), {}});
        }
        m_silences.removeIf([&](const Silence &s) { return s.id == silenceId; });
        m_book.replaceSilences(m_silences);
        done({200, {}, m_silences});
    });
}

} // namespace cpn::gateway
