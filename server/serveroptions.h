#pragma once

#include <QCommandLineOption>
#include <QStringList>

class QCommandLineParser;

namespace cpn::server {

// The command-line options every protocol server shares: where it listens, TLS, its static
// tokens and sign-in users, and the response cache. A program adds definitions() to its own
// parser (with its own options, in the order its help lists them) and read()s them back.
struct ServerOptions
{
    quint16 port = 0;
    QString devToken;
    QString readToken;
    QString usersFile;          // JSON users for the login page; empty: operator/operator, planner/planner
    bool demoUsers = true;      // without usersFile: false signs nobody in (a real site), true the demo accounts
    int tokenTtlSeconds = 3600; // lifetime of issued access tokens
    QString tokenPrefix;        // issued tokens start with it
    QString tlsCertificateFile; // with tlsKeyFile: serve https
    QString tlsKeyFile;
    bool responseCache = true; // false: --no-response-cache
    // What the sign-in page says it signs in to; a gateway names its site.
    QString serviceName = QStringLiteral("the CPN node simulator");

    struct Definitions
    {
        Definitions();
        QCommandLineOption port;
        QCommandLineOption devToken;
        QCommandLineOption readToken;
        QCommandLineOption users;
        QCommandLineOption tokenTtl;
        QCommandLineOption tokenPrefix;
        QCommandLineOption tlsCert;
        QCommandLineOption tlsKey;
        QCommandLineOption noResponseCache;
    };

    // Reads the options of `definitions` from a parser that has parsed them; false with *error
    // on a value out of range.
    bool read(const QCommandLineParser &parser, const Definitions &definitions, QString *error);
};

} // namespace cpn::server
