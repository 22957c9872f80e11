#pragma once

#include "apirouter.h"
#include "auth.h"
#include "nodeserver.h"
#include "oauthserver.h"
#include "serveroptions.h"

#include <QUrl>
#include <memory>
#include <optional>

namespace cpn::server {

class Clock;
class ProtocolBackend;
class ServerExtension;

// One protocol server as a program runs it from its ServerOptions: the static tokens and sign-in
// users, the authorization server, the router over the program's backend and the HTTP(S) server on
// 127.0.0.1. cpn-nodesim builds one over its simulator.
class ProtocolServer
{
public:
    // The clock must outlive the server.
    ProtocolServer(const ServerOptions &options, const Clock &clock);
    ~ProtocolServer();
    Q_DISABLE_COPY_MOVE(ProtocolServer)

    // The static tokens and the sign-in users (the demo accounts without --users); false with
    // *error when the users file cannot be used.
    bool setUpAccounts(QString *error);
    Auth &auth() { return m_auth; }

    enum class Failure { None, Tls, Listen };
    // Serves the backend, and what the extension (optional) adds, at the options' port, over https
    // with --tls-cert. After setUpAccounts(); the backend and extension must outlive the server.
    Failure listen(ProtocolBackend &backend, ServerExtension *extension, QString *error);
    // http(s)://127.0.0.1:<port> once listening: the national node's base URL and the issuer.
    QUrl rootUrl() const { return m_rootUrl; }

private:
    const ServerOptions m_options;
    const Clock &m_clock;
    Auth m_auth;
    std::optional<OAuthServer> m_oauth;
    std::unique_ptr<ApiRouter> m_router;
    std::unique_ptr<NodeServer> m_server;
    QUrl m_rootUrl;
};

} // namespace cpn::server
