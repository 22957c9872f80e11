#pragma once

#include <QCommandLineOption>
#include <QStringList>

class QCommandLineParser;

namespace cpn::server {

// What one client may cost the server, enforced as bytes arrive (server/httpconnection.h), so that a
// hostile network cannot exhaust memory or file descriptors (docs/architecture.md, "Serving the
// protocol"). The defaults suit a control-room federation: small JSON requests, a few hundred clients.
struct ConnectionLimits
{
    qint64 maxHeaderBytes = 16 * 1024;  // request line and headers (and chunked trailers); 431 beyond
    qint64 maxBodyBytes = 1024 * 1024;  // ceiling for every route; a route may allow less; 413 beyond
    int headerTimeoutMs = 10'000;       // from the connection (or the request's first byte) to its blank line
    int idleTimeoutMs = 60'000;         // a kept-alive connection without a request, or a stalled body or read
    int maxConnections = 1000;          // open at once; more are closed on accept
    int maxConnectionsPerAddress = 64;  // open at once from one client address
    // The next request on a connection is read only once the answers before it are sent but this
    // much: pipelined requests wait in the client's socket, not in the server's memory.
    qint64 maxUnsentAnswerBytes = 1024 * 1024;
};

// The command-line options every protocol server shares: where it listens, TLS, its static
// tokens and sign-in users, and the response cache. A program adds definitions() to its own
// parser (with its own options, in the order its help lists them) and read()s them back.
struct ServerOptions
{
    quint16 port = 0;
    QString devToken;
    QString readToken;
    QString applyToken; // node:read and registry:apply
    QString usersFile;          // JSON users for the login page; empty: operator/operator, planner/planner
    bool demoUsers = true;      // without usersFile: false signs nobody in (a real site), true the demo accounts
    int tokenTtlSeconds = 3600; // lifetime of issued access tokens
    QString tokenPrefix;        // issued tokens start with it
    QString tlsCertificateFile; // with tlsKeyFile: serve https
    QString tlsKeyFile;
    bool responseCache = true; // false: --no-response-cache
    // What the sign-in page says it signs in to; a gateway names its site.
    QString serviceName = QStringLiteral("the CPN node simulator");
    ConnectionLimits limits;

    struct Definitions
    {
        Definitions();
        QCommandLineOption port;
        QCommandLineOption devToken;
        QCommandLineOption readToken;
        QCommandLineOption applyToken;
        QCommandLineOption users;
        QCommandLineOption tokenTtl;
        QCommandLineOption tokenPrefix;
        QCommandLineOption tlsCert;
        QCommandLineOption tlsKey;
        QCommandLineOption noResponseCache;
        QCommandLineOption headerTimeout;
        QCommandLineOption idleTimeout;
        QCommandLineOption maxConnections;
        QCommandLineOption maxConnectionsPerAddress;
    };

    // Reads the options of `definitions` from a parser that has parsed them; false with *error
    // on a value out of range.
    bool read(const QCommandLineParser &parser, const Definitions &definitions, QString *error);
};

} // namespace cpn::server
