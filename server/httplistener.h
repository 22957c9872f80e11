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
// closed at once, so a flood from one address leaves room for others. At maxConnections in total, a
// connection that has not completed a request (a slow or silent client) makes room for the new one:
// one from the address holding the most places, so that a flood from many addresses neither keeps
// out nor pushes out a client with few connections. Only when there is none is the new one closed.
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
    HttpConnection *placeToGiveUp(int newcomersPlaces) const;

    const ConnectionLimits m_limits;
    const HttpRequestParser::BodyLimit m_bodyLimit;
    std::optional<QSslConfiguration> m_tls;
    QHash<HttpConnection *, QString> m_connections; // open, and their client's address
    QHash<QString, int> m_perAddress;
    int m_open = 0;
};

} // namespace cpn::server
