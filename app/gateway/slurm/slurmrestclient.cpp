#include "slurmrestclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>

namespace cpn::gateway {

namespace {
constexpr int kUnknownJobError = 2017; // ESLURM_INVALID_JOB_ID
}

SlurmRestClient::SlurmRestClient(SlurmConnection connection, QObject *parent)
    : QObject(parent), m_connection(std::move(connection))
{
}

QNetworkRequest SlurmRestClient::request(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_connection.url;
    url.setPath(url.path() + QStringLiteral("/slurm/v0.0.38/") + path);
    url.setQuery(query);
    QNetworkRequest r(url);
    r.setTransferTimeout(m_connection.timeoutMs);
    r.setRawHeader("X-SLURM-USER-NAME", m_connection.user.toUtf8());
    r.setRawHeader("X-SLURM-USER-TOKEN", m_connection.token.toUtf8());
    r.setRawHeader("Accept", "application/json");
    return r;
}

void SlurmRestClient::get(const QString &path, const QUrlQuery &query, QObject *context, Callback done)
{
    follow(m_network.get(request(path, query)), context, std::move(done));
}

void SlurmRestClient::post(const QString &path, const QJsonObject &body, QObject *context, Callback done)
{
    QNetworkRequest r = request(path);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    follow(m_network.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact)), context, std::move(done));
}

void SlurmRestClient::remove(const QString &path, QObject *context, Callback done)
{
    follow(m_network.deleteResource(request(path)), context, std::move(done));
}

void SlurmRestClient::follow(QNetworkReply *reply, QObject *context, Callback done)
{
    auto tooLarge = std::make_shared<bool>(false);
    const qint64 limit = m_connection.maxBodyBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, tooLarge, limit](qint64 received, qint64 total) {
                if (received > limit || total > limit) {
                    *tooLarge = true;
                    reply->abort();
                }
            });
    connect(reply, &QNetworkReply::finished, context,
            [this, reply, tooLarge, done = std::move(done)] { done(answerOf(reply, *tooLarge)); });
    // the reply outlives a destroyed context only until it finishes
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

SlurmAnswer SlurmRestClient::answerOf(QNetworkReply *reply, bool tooLarge) const
{
    SlurmAnswer answer;
    answer.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = m_connection.url.toString();
    if (tooLarge) {
        answer.error = QStringLiteral("slurmrestd at %1 answered more than %2 bytes")
                           .arg(where)
                           .arg(m_connection.maxBodyBytes);
        return answer;
    }
    if (answer.httpStatus == 304) {
        answer.outcome = SlurmAnswer::Outcome::NotModified;
        return answer;
    }
    if (reply->error() == QNetworkReply::OperationCanceledError) { // the transfer timeout
        answer.error = QStringLiteral("slurmrestd at %1 did not answer within %2 ms")
                           .arg(where)
                           .arg(m_connection.timeoutMs);
        return answer;
    }
    if (answer.httpStatus == 0) {
        answer.error =
            QStringLiteral("slurmrestd at %1 does not answer: %2").arg(where, reply->errorString());
        return answer;
    }
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll(), &parse);
    answer.body = document.object();
    const QJsonObject firstError = answer.body.value(QStringLiteral("errors")).toArray().at(0).toObject();
    if (answer.httpStatus == 200 && parse.error == QJsonParseError::NoError && firstError.isEmpty()) {
        answer.outcome = SlurmAnswer::Outcome::Ok;
        return answer;
    }
    if (firstError.value(QStringLiteral("error_number")).toInt() == kUnknownJobError) {
        answer.outcome = SlurmAnswer::Outcome::NotFound;
        answer.error = firstError.value(QStringLiteral("description")).toString();
        return answer;
    }
    // slurmrestd answers a token it cannot verify (bad signature, expired, another user) with a 500 and
    // Slurm's unspecified error, -1 (as "errno", or as "error_number" for the jobs list), never with 401
    const int code = firstError.value(QStringLiteral("error_number"))
                         .toInt(firstError.value(QStringLiteral("errno")).toInt());
    if (answer.httpStatus == 500 && code == -1) {
        answer.outcome = SlurmAnswer::Outcome::TokenRefused;
        answer.error =
            QStringLiteral("slurmrestd at %1 refused the token of user '%2'").arg(where, m_connection.user);
        return answer;
    }
    QString detail = firstError.value(QStringLiteral("description")).toString();
    if (detail.isEmpty())
        detail = firstError.value(QStringLiteral("error")).toString();
    if (detail.isEmpty() && parse.error != QJsonParseError::NoError)
        detail = QStringLiteral("not JSON (%1)").arg(parse.errorString());
    answer.error = QStringLiteral("slurmrestd at %1 answered HTTP %2").arg(where).arg(answer.httpStatus);
    if (!detail.isEmpty())
        answer.error += QStringLiteral(": ") + detail;
    return answer;
}

} // namespace cpn::gateway
