#pragma once

#include "apirequest.h"

#include "domain/node.h"
#include "domain/registration.h"

#include <QList>

namespace cpn::server {

class Auth;
class ProtocolBackend;
class Registry;

// The identifier registration endpoints (docs/node-api.md, "Identifier registration") under a base
// URL, and what the registry changes elsewhere in the protocol: the members it approved that another
// server serves join the directory, a suspended node is marked so and never sells or takes work.
class RegistryRoutes
{
public:
    RegistryRoutes(ProtocolBackend &backend, const Auth &auth) : m_backend(backend), m_auth(auth) {}

    // GET and POST /registry, GET /registry/{id}, POST /registry/{id}/{decision}.
    ApiResponse list(const ApiRequest &request, const Node &scope, const QString &instance);
    ApiResponse apply(const ApiRequest &request, const Node &scope, const QString &instance);
    // With registry:read any registration in scope; with registry:apply only those its user filed.
    ApiResponse get(const ApiRequest &request, const Node &scope, const QString &id, const QString &instance);
    ApiResponse decide(const ApiRequest &request, const Node &scope, const QString &id, const QString &decision,
                       const QString &instance);
    static bool isDecision(const QString &name);

    // The directory's additions: approved members served elsewhere whose parent the scope lists.
    QList<Node> members(const QString &scope) const;
    bool isSuspended(const QString &nodeId) const;
    // Changes whenever members() or isSuspended() may.
    qint64 revision() const;

private:
    bool oversees(const Node &scope, const Registration &g) const;

    ProtocolBackend &m_backend;
    const Auth &m_auth;
};

} // namespace cpn::server
