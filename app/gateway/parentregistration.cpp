#include "parentregistration.h"

#include "domain/protocoljson.h"
#include "domain/registryjson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace cpn::gateway {
namespace {

Q_LOGGING_CATEGORY(lcRegistration, "cpn.gateway", QtInfoMsg)

constexpr char kTooLarge[] = "cpnTooLarge";

// A registration id as the protocol writes identifiers.
bool isRegistrationId(const QString &id)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9._-]{0,63}$"_s);
    return pattern.match(id).hasMatch();
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

ParentRegistration::ParentRegistration(RegistrationRequest request, Options options, QObject *parent)
    : QObject(parent), m_request(std::move(request)), m_options(std::move(options))
{
    m_pollTimer.setInterval(m_options.pollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &ParentRegistration::poll);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ParentRegistration::apply);
}

QUrl ParentRegistration::parentUrlFrom(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty() ||
        url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty() || text.size() > 2048) {
        *error = u"--register-with '%1': expected the parent's base URL, e.g. "
                 "http://127.0.0.1:8080/n/guizhou-hub"_s.arg(text.left(200));
        return {};
    }
    return url.adjusted(QUrl::StripTrailingSlash);
}

bool ParentRegistration::validToken(const QString &token)
{
    static const QRegularExpression b64token(u"^[A-Za-z0-9._~+/-]+=*$"_s);
    return token.size() <= kMaxTokenLength && b64token.match(token).hasMatch();
}

bool ParentRegistration::restore(QString *error)
{
    QFile file(QDir(m_options.stateDirectory).filePath(kStateFileName));
    if (!file.exists())
        return true;
    const auto fail = [&](const QString &why) {
        *error = u"%1: %2; remove it to apply again"_s.arg(file.fileName(), why);
        return false;
    };
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read: "_s + file.errorString());
    if (file.size() > kMaxStateFileBytes)
        return fail(u"larger than %1 bytes"_s.arg(kMaxStateFileBytes));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject saved = document.object();
    const QString id = saved.value(u"id"_s).toString();
    const QString parent = saved.value(u"parent"_s).toString();
    const QString nodeId = saved.value(u"nodeId"_s).toString();
    if (!document.isObject() || !isRegistrationId(id) || parent.isEmpty() || nodeId.isEmpty())
        return fail(u"not a saved registration (expected {\"parent\", \"nodeId\", \"id\", ...})"_s);
    if (QUrl(parent) != m_options.parentUrl || nodeId != m_request.nodeId) {
        qCInfo(lcRegistration).noquote()
            << u"the saved registration %1 of %2 is with %3: applying to %4 instead"_s.arg(
                   id, nodeId, parent, m_options.parentUrl.toString());
        return true;
    }
    m_id = id;
    const QString state = saved.value(u"state"_s).toString();
    m_state = registrationStateFromWire(state) || state == u"lost"_s ? state : u"pending"_s;
    m_computeId = saved.value(u"computeId"_s).toString().left(64);
    m_reason = saved.value(u"reason"_s).toString().left(protocol::kMaxDecisionReasonLength);
    qCInfo(lcRegistration).noquote() << u"following registration %1 with %2 (%3, saved in %4)"_s.arg(
        m_id, m_options.parentUrl.toString(), m_state, file.fileName());
    noteIdentifier();
    return true;
}

void ParentRegistration::start()
{
    if (m_id.isEmpty()) {
        apply();
        return;
    }
    poll();
    m_pollTimer.start();
}

QJsonObject ParentRegistration::status() const
{
    return {
        {u"parent"_s, m_options.parentUrl.toString()},
        {u"id"_s, orNull(m_id)},
        {u"state"_s, m_state},
        {u"computeId"_s, orNull(m_computeId)},
        {u"reason"_s, m_reason},
        {u"via"_s, m_via == Via::Registry ? u"registry"_s : u"directory"_s},
        {u"error"_s, m_error},
    };
}

QNetworkRequest ParentRegistration::requestFor(const QString &path) const
{
    QUrl url = m_options.parentUrl;
    url.setPath(url.path() + path);
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    // The token goes to the parent's base URL only, never where a redirect points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Authorization", "Bearer " + m_options.token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    return request;
}

QNetworkReply *ParentRegistration::send(const QByteArray &method, const QString &path, const QByteArray &body,
                                        qint64 maxBytes)
{
    QNetworkRequest request = requestFor(path);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (method == "GET" && path.endsWith(u"/nodes"_s) && !m_directoryEtag.isEmpty())
        request.setRawHeader("If-None-Match", m_directoryEtag);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    // An answer is refused rather than held whole, whatever the parent sends (replylimit.h).
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, maxBytes](qint64 received, qint64) {
        if (received > maxBytes) {
            reply->setProperty(kTooLarge, true);
            reply->abort();
        }
    });
    m_busy = true;
    return reply;
}

QString ParentRegistration::transportFailure(QNetworkReply *reply)
{
    if (reply->property(kTooLarge).toBool())
        return u"its answer is too large"_s;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto error = reply->error();
    // Qt reports HTTP error statuses as errors too; those are answers.
    const bool httpError = status >= 300 && error != QNetworkReply::OperationCanceledError &&
                           error != QNetworkReply::TimeoutError &&
                           error != QNetworkReply::RemoteHostClosedError;
    if (status == 0 || (error != QNetworkReply::NoError && !httpError))
        return error == QNetworkReply::OperationCanceledError
                   ? u"no whole answer within %1 s"_s.arg(kTimeoutMs / 1000)
                   : reply->errorString();
    return {};
}

QString ParentRegistration::problemDetail(QNetworkReply *reply, const QByteArray &body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto problem = protocol::parseProblem(body);
    const QString detail = problem.ok() && !problem.value().detail.isEmpty()
                               ? problem.value().detail.left(500)
                               : QString::fromUtf8(body.left(200)).simplified();
    return u"HTTP %1%2"_s.arg(status).arg(detail.isEmpty() ? QString() : u": "_s + detail);
}

void ParentRegistration::apply()
{
    if (m_busy || !m_id.isEmpty())
        return;
    QNetworkReply *reply = send("POST", u"/api/v1/registry"_s,
                                QJsonDocument(protocol::toJson(m_request)).toJson(QJsonDocument::Compact),
                                kMaxRegistrationBytes);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { applied(reply); });
}

void ParentRegistration::retryLater(const QString &why)
{
    setError(u"%1; applying again in %2 s"_s.arg(why).arg(m_retryMs / 1000.0));
    m_retryTimer.start(m_retryMs);
    m_retryMs = std::min(2 * m_retryMs, kMaxRetryMs);
}

void ParentRegistration::applied(QNetworkReply *reply)
{
    reply->deleteLater();
    m_busy = false;
    const QString parent = m_options.parentUrl.toString();
    if (const QString failure = transportFailure(reply); !failure.isEmpty()) {
        retryLater(u"the parent %1 does not answer: %2"_s.arg(parent, failure));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 201) {
        const auto parsed = protocol::parseRegistration(body);
        if (!parsed.ok() || parsed.value().applicant.nodeId != m_request.nodeId) {
            // Filed, probably, under an id we cannot read: applying again meets the 409 that names it.
            retryLater(u"the parent's answer to the application is not a registration of %1: %2"_s.arg(
                m_request.nodeId,
                parsed.ok() ? u"it is for "_s + parsed.value().applicant.nodeId : parsed.error()));
            return;
        }
        const Registration &g = parsed.value();
        m_retryMs = kFirstRetryMs;
        m_id = g.id;
        qCInfo(lcRegistration).noquote()
            << u"applied to %1 as %2: registration %3"_s.arg(parent, m_request.nodeId, m_id);
        setError({});
        update(toWire(g.state), g.computeId, g.history.isEmpty() ? QString() : g.history.last().reason);
        m_pollTimer.start();
        return;
    }
    const QString detail = problemDetail(reply, body);
    if (status == 409) {
        // The node id is held by a registration: ours, filed by an earlier run whose state was lost or
        // whose answer never arrived. Follow it (its node id is checked when it is read).
        static const QRegularExpression holder(u"\\btaken by ([a-z0-9][a-z0-9._-]{0,63})"_s);
        const auto problem = protocol::parseProblem(body);
        const QString holderId = problem.ok() ? holder.match(problem.value().detail).captured(1) : QString();
        if (!holderId.isEmpty()) {
            m_retryMs = kFirstRetryMs;
            qCInfo(lcRegistration).noquote()
                << u"the parent %1 answers %2: following %3"_s.arg(parent, detail, holderId);
            follow(holderId);
            return;
        }
    }
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
        // Final: the application as configured will not be taken; fix the configuration and restart.
        m_retryTimer.stop();
        setError({});
        update(u"refused"_s, {}, detail);
        return;
    }
    retryLater(u"the parent %1 answers %2"_s.arg(parent, detail));
}

void ParentRegistration::follow(const QString &id)
{
    m_id = id;
    setError({});
    update(u"pending"_s, {}, {});
    poll();
    m_pollTimer.start();
}

void ParentRegistration::poll()
{
    if (m_busy || m_id.isEmpty())
        return;
    if (m_via == Via::Registry) {
        QNetworkReply *reply = send("GET", u"/api/v1/registry/"_s + m_id, {}, kMaxRegistrationBytes);
        connect(reply, &QNetworkReply::finished, this, [this, reply] { polledRegistration(reply); });
    } else {
        QNetworkReply *reply = send("GET", u"/api/v1/nodes"_s, {}, kMaxDirectoryBytes);
        connect(reply, &QNetworkReply::finished, this, [this, reply] { polledDirectory(reply); });
    }
}

void ParentRegistration::polledRegistration(QNetworkReply *reply)
{
    reply->deleteLater();
    m_busy = false;
    const QString parent = m_options.parentUrl.toString();
    if (const QString failure = transportFailure(reply); !failure.isEmpty()) {
        setError(u"the parent %1 does not answer: %2"_s.arg(parent, failure));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 403) {
        // A parent that refuses an applicant its own registration (cpn-nodesim allows it): follow its directory.
        qCInfo(lcRegistration).noquote()
            << u"the token may not read %1 at %2 (registry:read): following the "
               "parent's directory instead (GET /api/v1/nodes)"_s.arg(m_id, parent);
        m_via = Via::Directory;
        setError({});
        poll();
        return;
    }
    if (status == 404) {
        setError({});
        update(u"lost"_s, m_computeId, problemDetail(reply, body));
        return;
    }
    if (status != 200) {
        setError(u"the parent %1 answers %2"_s.arg(parent, problemDetail(reply, body)));
        return;
    }
    const auto parsed = protocol::parseRegistration(body);
    if (!parsed.ok()) {
        setError(u"the parent's registration %1 is malformed: %2"_s.arg(m_id, parsed.error()));
        return;
    }
    const Registration &g = parsed.value();
    setError({});
    if (g.applicant.nodeId != m_request.nodeId) {
        update(u"lost"_s, {},
               u"%1 at the parent is the registration of %2, not of %3"_s.arg(m_id, g.applicant.nodeId,
                                                                              m_request.nodeId));
        return;
    }
    update(toWire(g.state), g.computeId, g.history.isEmpty() ? QString() : g.history.last().reason);
    if (g.state == RegistrationState::Rejected || g.state == RegistrationState::Revoked)
        m_pollTimer.stop(); // final
}

void ParentRegistration::polledDirectory(QNetworkReply *reply)
{
    reply->deleteLater();
    m_busy = false;
    const QString parent = m_options.parentUrl.toString();
    if (const QString failure = transportFailure(reply); !failure.isEmpty()) {
        setError(u"the parent %1 does not answer: %2"_s.arg(parent, failure));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 304) {
        setError({});
        return;
    }
    if (status != 200) {
        setError(u"the parent %1 answers %2"_s.arg(parent, problemDetail(reply, body)));
        return;
    }
    const auto parsed = protocol::parseNodeDirectory(body);
    if (!parsed.ok()) {
        setError(u"the parent's directory is malformed: %1"_s.arg(parsed.error()));
        return;
    }
    setError({});
    m_directoryEtag = reply->rawHeader("ETag");
    const QList<Node> &nodes = parsed.value().nodes;
    const auto it =
        std::find_if(nodes.cbegin(), nodes.cend(), [&](const Node &n) { return n.id == m_request.nodeId; });
    if (it != nodes.cend() && !it->computeId.isEmpty()) {
        m_listed = true;
        update(it->suspended ? u"suspended"_s : u"active"_s, it->computeId, {});
    } else if (m_listed || m_state == u"active"_s || m_state == u"suspended"_s) {
        m_listed = false;
        update(u"revoked"_s, m_computeId, u"no longer in the parent's directory"_s);
    }
    // Not listed yet: still pending as far as the directory tells (a rejection does not show there).
}

void ParentRegistration::update(const QString &state, const QString &computeId, const QString &reason)
{
    if (state == m_state && computeId == m_computeId && reason == m_reason)
        return;
    const QString before = m_state;
    m_state = state;
    m_computeId = computeId;
    m_reason = reason;
    QString line =
        m_id.isEmpty()
            ? u"application of %1 to %2: %3"_s.arg(m_request.nodeId, m_options.parentUrl.toString(), m_state)
            : u"registration %1 with %2: %3"_s.arg(m_id, m_options.parentUrl.toString(), m_state);
    if (before != m_state)
        line += u" (was %1)"_s.arg(before);
    if (!m_computeId.isEmpty())
        line += u", compute identifier "_s + m_computeId;
    if (!m_reason.isEmpty())
        line += u", reason: "_s + m_reason;
    if (m_state == u"refused"_s || m_state == u"rejected"_s || m_state == u"revoked"_s ||
        m_state == u"lost"_s || m_state == u"suspended"_s)
        qCWarning(lcRegistration).noquote() << line;
    else
        qCInfo(lcRegistration).noquote() << line;
    noteIdentifier();
    if (!m_id.isEmpty())
        save();
}

void ParentRegistration::noteIdentifier()
{
    // The served identity stays as configured: the operator decides when to take the assigned one.
    if (m_state != u"active"_s || m_computeId.isEmpty() || m_computeId == m_options.servedComputeId ||
        m_warnedComputeId == m_computeId)
        return;
    m_warnedComputeId = m_computeId;
    qCWarning(lcRegistration).noquote()
        << u"the parent assigned %1 but the gateway serves %2: set site.compute_id = %1 and restart to serve it"_s
               .arg(m_computeId, m_options.servedComputeId);
}

void ParentRegistration::setError(const QString &error)
{
    // Compared without the retry delay, so a parent that stays away is logged once.
    const auto withoutDelay = [](const QString &e) { return e.left(e.lastIndexOf(u"; applying again"_s)); };
    if (error.isEmpty() && !m_error.isEmpty())
        qCInfo(lcRegistration).noquote()
            << u"the parent %1 answers again"_s.arg(m_options.parentUrl.toString());
    else if (!error.isEmpty() && withoutDelay(error) != withoutDelay(m_error))
        qCWarning(lcRegistration).noquote() << error;
    m_error = error;
}

bool ParentRegistration::save()
{
    QSaveFile file(QDir(m_options.stateDirectory).filePath(kStateFileName));
    const QJsonObject saved{
        {u"parent"_s, m_options.parentUrl.toString()},
        {u"nodeId"_s, m_request.nodeId},
        {u"id"_s, m_id},
        {u"state"_s, m_state},
        {u"computeId"_s, orNull(m_computeId)},
        {u"reason"_s, m_reason},
    };
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(saved).toJson()) < 0 || !file.commit()) {
        qCCritical(lcRegistration).noquote()
            << u"cannot save the registration in %1: %2 (a restart would apply "
               "again)"_s.arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

} // namespace cpn::gateway
