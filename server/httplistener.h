#pragma once

#include "httprequestparser.h"
#include "serveroptions.h"

#include <QHash>
#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace cpn::server {

class HttpConnection;

// Accepts the connections of one HTTP(S) server and gives each an HttpConnection, within the
// ConnectionLimits: beyond maxConnectionsPerAddress from one client address a new connection is
// closed at once, so a flood from one address leaves room for others. At maxConnections in total,
// the connection that has waited longest (0.1 s at least) without completing a request, a slow
// or silent client, makes room for the new one; failing that, one of the most crowded address's
// that has not completed a request yet, if the newcomer's address holds fewer places. Only when there
// is none is the new one closed.
class HttpListener : public QTcpServer
{
    Q_OBJECT

public:
    HttpListener(const ConnectionLimits &limits, HttpRequestParser::BodyLimit bodyLimit,
                 QObject *parent = nullptr);

    // Serves https with this configuration (before listen()).
    void setTls(const QSslConfiguration &configuration) { m_tls = configuration; }
    bool isTls() const { return m_tls.has_value(); }

Q_SIGNALS:
    // A new connection: its requests come through its requestReady/requestRefused signals.
    void connectionOpened(cpn::server::HttpConnection *connection);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void release(HttpConnection *connection);
    HttpConnection *slowestFirstRequest(int newcomersConnections) const;

    const ConnectionLimits m_limits;
    const HttpRequestParser::BodyLimit m_bodyLimit;
    std::optional<QSslConfiguration> m_tls;
    QHash<HttpConnection *, QString> m_connections; // open, and their client's address
    QHash<QString, int> m_perAddress;
    int m_open = 0;
};

} // namespace cpn::server
