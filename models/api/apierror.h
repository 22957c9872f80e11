#pragma once

#include <QMetaType>
#include <QString>

#include <utility>
#include <variant>

namespace cpn::api {

// Why a request failed, in a form the UI can show and the poller can act on.
struct ApiError
{
    enum class Kind {
        Network,  // connection refused, reset, DNS...
        Timeout,  // transfer timeout or wall-clock deadline
        Http,     // the node answered with a non-2xx status (title/detail from problem+json if any)
        Protocol, // a 2xx body that breaks docs/node-api.md
        TooLarge, // the body exceeded ClientOptions::maxBodyBytes
        Refused,  // not sent by policy, e.g. plain http to a non-loopback host
        Tls,      // the node's certificate was not trusted (detail: a sentence naming the problem)
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString title;
    QString detail;
    int retryAfterSeconds = -1; // from Retry-After; -1 = absent

    // One clear, translated sentence, e.g. "HTTP 503 Unavailable: node guian is down".
    QString message() const;

    static ApiError network(const QString &detail) { return {Kind::Network, 0, {}, detail}; }
    static ApiError timeout(const QString &detail) { return {Kind::Timeout, 0, {}, detail}; }
    static ApiError protocol(const QString &detail) { return {Kind::Protocol, 0, {}, detail}; }
    static ApiError tooLarge(const QString &detail) { return {Kind::TooLarge, 0, {}, detail}; }
    static ApiError refused(const QString &detail) { return {Kind::Refused, 0, {}, detail}; }
    static ApiError tls(const QString &detail) { return {Kind::Tls, 0, {}, detail}; }
    static ApiError http(int status, const QString &title, const QString &detail, int retryAfterSeconds = -1)
    {
        return {Kind::Http, status, title, detail, retryAfterSeconds};
    }
};

// A value or the reason there is none.
template <typename T> class ApiResult
{
public:
    ApiResult(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    ApiResult(ApiError error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    const T &value() const { return std::get<0>(m_data); }
    T &value() { return std::get<0>(m_data); }
    // Safe to call on success too (an empty error), so messages can be built unconditionally.
    const ApiError &error() const
    {
        static const ApiError none;
        return ok() ? none : std::get<1>(m_data);
    }

private:
    std::variant<T, ApiError> m_data;
};

} // namespace cpn::api

Q_DECLARE_METATYPE(cpn::api::ApiError)
