#pragma once

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkReply;

namespace cpn::gateway {

// Where slurmrestd answers and who the gateway is to it (JWT authentication: every request carries
// X-SLURM-USER-NAME and X-SLURM-USER-TOKEN).
struct SlurmConnection
{
    QUrl url; // e.g. http://127.0.0.1:6820, without the /slurm/v0.0.38 part
    QString user;
    QString token;
    int timeoutMs = 10'000;
    qint64 maxBodyBytes = 32 * 1024 * 1024; // the jobs list of a busy site stays well under this
};

// One answer of slurmrestd, with its quirks already translated (docs/gateway-slurm.md).
struct SlurmAnswer
{
    enum class Outcome {
        Ok,
        NotModified,  // 304 to ?update_time=: nothing changed since
        NotFound,     // HTTP 500 with error_number 2017 (an unknown job id)
        TokenRefused, // HTTP 500 with Slurm's unspecified error (-1): the JWT was not accepted
        Failed        // unreachable, timed out, too large, not JSON, or another Slurm error
    };
    Outcome outcome = Outcome::Failed;
    int httpStatus = 0;
    QJsonObject body;
    QString error; // why, when not Ok or NotModified

    bool ok() const { return outcome == Outcome::Ok; }
};

// Asynchronous calls to slurmrestd's OpenAPI v0.0.38. Each call answers exactly once, on the context's
// thread, unless the context is destroyed first.
class SlurmRestClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const SlurmAnswer &)>;

    explicit SlurmRestClient(SlurmConnection connection, QObject *parent = nullptr);

    const SlurmConnection &connection() const { return m_connection; }

    // path below /slurm/v0.0.38, e.g. "jobs" or "job/17"
    void get(const QString &path, const QUrlQuery &query, QObject *context, Callback done);
    void post(const QString &path, const QJsonObject &body, QObject *context, Callback done);
    void remove(const QString &path, QObject *context, Callback done);

private:
    QNetworkRequest request(const QString &path, const QUrlQuery &query = {}) const;
    void follow(QNetworkReply *reply, QObject *context, Callback done);
    SlurmAnswer answerOf(QNetworkReply *reply, bool tooLarge) const;

    SlurmConnection m_connection;
    QNetworkAccessManager m_network;
};

} // namespace cpn::gateway
