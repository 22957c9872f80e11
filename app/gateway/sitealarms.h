#pragma once

#include "alarmbook.h"
#include "gatewayconfig.h"
#include "protocolbackend.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

class QNetworkReply;

namespace cpn::gateway {

// The site's alarms (docs/gateway.md, "Alarms"): once per interval its Alertmanager's alerts (or,
// without [alertmanager], Prometheus' own firing alerts) become `site-alert` alarms in an AlarmBook,
// one per alert, severity from its `severity` label. Acknowledgements and comments are kept by the
// gateway (Alertmanager has none). Silences live in Alertmanager: the protocol's silences are the
// Alertmanager silences that match the whole site, and one set through the protocol is created
// there. An Alertmanager that stops answering is itself an alarm; its alerts stay as last seen.
class SiteAlarms : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(server::ProtocolBackend::Result<Silence>)>;
    using RemoveDone = std::function<void(server::ProtocolBackend::Result<QList<Silence>>)>;

    SiteAlarms(const GatewayConfig &config, const server::Clock &clock, QObject *parent = nullptr);

    void start();
    server::AlarmBook &book() { return m_book; }
    const server::AlarmBook &book() const { return m_book; }
    // Why the alerts may be out of date (empty while the source answers).
    QString reason() const { return m_reason; }

    void addSilence(const QString &by, const SilenceRequest &request, Done done);
    void removeSilence(const QString &silenceId, RemoveDone done);

private:
    bool usesAlertmanager() const { return !m_config.alertmanager.url.isEmpty(); }
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body = {});
    void poll();
    void alertsAnswered(QNetworkReply *reply);
    void silencesAnswered(QNetworkReply *reply);
    // The alerts as conditions, plus one for a source that does not answer.
    void apply();
    bool answeredOk(QNetworkReply *reply, const QString &what, QJsonDocument *document);
    server::AlarmCondition conditionOf(const QJsonObject &labels, const QJsonObject &annotations,
                                       const QString &key, bool silenced) const;
    bool matchesSite(const QJsonObject &labels) const;
    // An Alertmanager silence as the protocol's, when it silences the whole site.
    std::optional<Silence> siteSilence(const QJsonObject &silence) const;
    QJsonArray siteMatchers() const;

    const GatewayConfig &m_config;
    const server::Clock &m_clock;
    server::AlarmBook m_book;
    QNetworkAccessManager m_nam;
    QTimer m_timer;
    int m_pending = 0; // polls still out
    QList<server::AlarmCondition> m_alerts;
    QList<Silence> m_silences;
    QString m_reason;
    QString m_loggedReason;
};

} // namespace cpn::gateway
