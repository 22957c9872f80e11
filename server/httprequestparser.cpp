#include "httprequestparser.h"

#include <algorithm>

namespace cpn::server {
namespace {

constexpr qsizetype kMaxChunkSizeLine = 1024;

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
    });
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    QByteArray value;
    for (const auto &h : headers) {
        if (h.first != name)
            continue;
        if (!value.isEmpty())
            value += ", ";
        value += h.second;
    }
    return value;
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    const auto has = [&](QByteArrayView option) {
        const QList<QByteArray> options = connection.split(',');
        return std::any_of(options.begin(), options.end(),
                           [&](const QByteArray &o) { return o.trimmed() == option; });
    };
    return minorVersion >= 1 ? !has("close") : has("keep-alive");
}

HttpRequestParser::HttpRequestParser(qint64 maxHeaderBytes, BodyLimit bodyLimit)
    : m_maxHeaderBytes(maxHeaderBytes), m_bodyLimit(std::move(bodyLimit))
{
}

HttpRequestParser::State HttpRequestParser::consume(QByteArray &input)
{
    if (m_state == State::Idle || m_state == State::Head) {
        if (parseHead(input) != State::Body)
            return m_state;
    }
    if (m_state == State::Body)
        return m_chunked ? readChunked(input) : readBody(input);
    return m_state;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    m_state = State::Idle;
    m_scanned = 0;
    m_remaining = 0;
    m_chunked = false;
    m_chunk = Chunk::Size;
    m_trailerBytes = 0;
    m_expectContinue = false;
    return request;
}

HttpRequestParser::State HttpRequestParser::fail(int status, const QByteArray &detail)
{
    m_errorStatus = status;
    m_errorDetail = detail;
    return m_state = State::Failed;
}

HttpRequestParser::State HttpRequestParser::parseHead(QByteArray &input)
{
    if (m_state == State::Idle) {
        // Empty lines before a request line are ignored (RFC 9112, section 2.2).
        qsizetype skip = 0;
        while (skip < input.size() && (input[skip] == '\r' || input[skip] == '\n'))
            ++skip;
        input.remove(0, skip);
        if (input.isEmpty())
            return m_state;
        m_state = State::Head;
    }
    const qsizetype end = input.indexOf("\r\n\r\n", std::max<qsizetype>(0, m_scanned - 3));
    if (end < 0) {
        m_scanned = input.size();
        if (input.size() > m_maxHeaderBytes)
            return fail(431, "The request line and headers are limited to " +
                                 QByteArray::number(m_maxHeaderBytes) + " bytes");
        return m_state;
    }
    if (end + 4 > m_maxHeaderBytes)
        return fail(431, "The request line and headers are limited to " +
                             QByteArray::number(m_maxHeaderBytes) + " bytes");
    const QByteArray head = input.left(end);
    input.remove(0, end + 4);
    m_scanned = 0;
    return readHead(head);
}

HttpRequestParser::State HttpRequestParser::readHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const auto line = [&](qsizetype i) {
        QByteArray l = lines[i];
        if (l.endsWith('\r'))
            l.chop(1);
        return l;
    };
    const QList<QByteArray> requestLine = line(0).split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || !requestLine[1].startsWith('/'))
        return fail(400, "Malformed request line");
    const QByteArray &version = requestLine[2];
    if (!version.startsWith("HTTP/") || version.size() != 8 || version[6] != '.')
        return fail(400, "Malformed request line");
    if (!version.startsWith("HTTP/1.") || version[7] < '0' || version[7] > '9')
        return fail(505, "Only HTTP/1.x is served");
    m_request.method = requestLine[0];
    m_request.target = requestLine[1];
    m_request.minorVersion = version[7] - '0';

    QList<QByteArray> lengths;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray l = line(i);
        const qsizetype colon = l.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(l).first(colon)))
            return fail(400, "Malformed header line");
        const QByteArray name = l.left(colon).toLower();
        const QByteArray value = l.mid(colon + 1).trimmed();
        if (name == "content-length")
            lengths += value.split(',');
        m_request.headers.append({name, value});
    }

    // Framing (RFC 9112, section 6): chunked or one agreed Content-Length, never both (smuggling).
    const QByteArray transferEncoding = m_request.header("transfer-encoding").trimmed().toLower();
    qint64 length = 0;
    if (!transferEncoding.isEmpty()) {
        if (!lengths.isEmpty())
            return fail(400, "Content-Length together with Transfer-Encoding");
        if (transferEncoding != "chunked")
            return fail(501, "Only the chunked transfer coding is accepted");
        m_chunked = true;
    } else if (!lengths.isEmpty()) {
        const QByteArray first = lengths.first().trimmed();
        const bool digits =
            !first.isEmpty() && first.size() <= 18 &&
            std::all_of(first.begin(), first.end(), [](char c) { return c >= '0' && c <= '9'; });
        const bool agreed = std::all_of(lengths.begin(), lengths.end(),
                                        [&](const QByteArray &l) { return l.trimmed() == first; });
        if (!digits || !agreed)
            return fail(400, "Malformed Content-Length");
        length = first.toLongLong();
    }
    m_bodyLimitNow = (m_chunked || length > 0) ? m_bodyLimit(m_request) : 0;
    if (length > m_bodyLimitNow)
        return fail(413, "Request bodies are limited to " + QByteArray::number(m_bodyLimitNow) + " bytes");
    if (!m_chunked && length == 0)
        return m_state = State::Complete;
    m_expectContinue = m_request.header("expect").toLower() == "100-continue";
    m_remaining = length;
    return m_state = State::Body;
}

HttpRequestParser::State HttpRequestParser::readBody(QByteArray &input)
{
    const qint64 n = std::min<qint64>(m_remaining, input.size());
    m_request.body.append(input.constData(), n);
    input.remove(0, n);
    m_remaining -= n;
    if (m_remaining == 0)
        m_state = State::Complete;
    return m_state;
}

HttpRequestParser::State HttpRequestParser::readChunked(QByteArray &input)
{
    for (;;) {
        switch (m_chunk) {
        case Chunk::Size: {
            const qsizetype end = input.indexOf("\r\n");
            if (end < 0) {
                if (input.size() > kMaxChunkSizeLine)
                    return fail(400, "Malformed chunk size");
                return m_state;
            }
            QByteArray size = input.left(end);
            input.remove(0, end + 2);
            if (const qsizetype semicolon = size.indexOf(';'); semicolon >= 0)
                size.truncate(semicolon); // chunk extensions are ignored
            size = size.trimmed();
            bool ok = false;
            const qint64 n = size.size() <= 15 ? size.toLongLong(&ok, 16) : -1;
            if (!ok || n < 0)
                return fail(400, "Malformed chunk size");
            if (n == 0) {
                m_chunk = Chunk::Trailers;
                break;
            }
            if (m_request.body.size() + n > m_bodyLimitNow)
                return fail(413,
                            "Request bodies are limited to " + QByteArray::number(m_bodyLimitNow) + " bytes");
            m_remaining = n;
            m_chunk = Chunk::Data;
            break;
        }
        case Chunk::Data:
            readBody(input);
            if (m_remaining > 0)
                return m_state = State::Body;
            m_state = State::Body;
            m_chunk = Chunk::DataEnd;
            break;
        case Chunk::DataEnd:
            if (input.size() < 2)
                return m_state;
            if (!input.startsWith("\r\n"))
                return fail(400, "Malformed chunk");
            input.remove(0, 2);
            m_chunk = Chunk::Size;
            break;
        case Chunk::Trailers: {
            const qsizetype end = input.indexOf("\r\n");
            const QByteArray tooLarge =
                "Trailers are limited to " + QByteArray::number(m_maxHeaderBytes) + " bytes";
            if (end < 0)
                return m_trailerBytes + input.size() > m_maxHeaderBytes ? fail(431, tooLarge) : m_state;
            if (m_trailerBytes + end + 2 > m_maxHeaderBytes)
                return fail(431, tooLarge);
            input.remove(0, end + 2);
            if (end == 0)
                return m_state = State::Complete;
            m_trailerBytes += end + 2; // trailers are read and dropped
            break;
        }
        }
    }
}

} // namespace cpn::server
