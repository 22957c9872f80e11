#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <functional>

namespace cpn::server {

// One HTTP/1.1 request as it came off the wire: header names lower-cased, the body de-chunked.
struct HttpRequest
{
    QByteArray method;
    QByteArray target;    // origin-form: /path?query, still percent-encoded
    int minorVersion = 1; // HTTP/1.<minor>
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // The value of a header (name lower-case); repeated headers joined by ", ".
    QByteArray header(const QByteArray &name) const;
    // Whether the connection stays open after the answer (HTTP/1.1 unless "Connection: close").
    bool keepAlive() const;
};

// Reads requests from a byte stream as it arrives and refuses, before buffering them, the heads and
// bodies beyond their limits: no request costs more memory than maxHeaderBytes plus its route's body
// limit. Content-Length and chunked bodies; no upgrades. Pure, so every rule is unit tested.
class HttpRequestParser
{
public:
    // The body limit of a request, from its head (its route); 0 allows no body.
    using BodyLimit = std::function<qint64(const HttpRequest &head)>;

    HttpRequestParser(qint64 maxHeaderBytes, BodyLimit bodyLimit);

    enum class State { Idle, Head, Body, Complete, Failed };
    // Consumes what it can of `input` (the rest stays there: the next pipelined request). Returns
    // the new state: Complete (takeRequest()), Failed (errorStatus()), or Idle/Head/Body for more.
    State consume(QByteArray &input);
    State state() const { return m_state; }

    // After Complete: the request; the parser is then Idle for the next one.
    HttpRequest takeRequest();
    // After Failed: the status to answer with (400, 413, 431, 501 or 505) and why.
    int errorStatus() const { return m_errorStatus; }
    const QByteArray &errorDetail() const { return m_errorDetail; }
    // After the head of a request that sent "Expect: 100-continue" and whose body is within the limit.
    bool expectsContinue() const { return m_expectContinue; }

private:
    State fail(int status, const QByteArray &detail);
    State parseHead(QByteArray &input);
    State readHead(const QByteArray &head);
    State readBody(QByteArray &input);
    State readChunked(QByteArray &input);

    enum class Chunk { Size, Data, DataEnd, Trailers };

    const qint64 m_maxHeaderBytes;
    const BodyLimit m_bodyLimit;
    State m_state = State::Idle;
    HttpRequest m_request;
    qsizetype m_scanned = 0; // bytes of the head already searched for its end
    qint64 m_bodyLimitNow = 0;
    qint64 m_remaining = 0; // of the Content-Length body or the current chunk
    bool m_chunked = false;
    Chunk m_chunk = Chunk::Size;
    qint64 m_trailerBytes = 0;
    bool m_expectContinue = false;
    int m_errorStatus = 0;
    QByteArray m_errorDetail;
};

} // namespace cpn::server
