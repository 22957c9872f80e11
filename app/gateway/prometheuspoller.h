#pragma once

#include "gatewayconfig.h"

#include "domain/metrics.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

class QNetworkReply;

namespace cpn::gateway {

// Once per interval, asks Prometheus a few instant queries for the whole site, all at the same
// instant (now - lag), and turns the answers into the site's sample and capacity. A tick whose
// queries do not all answer gives no sample, only the reason: figures are never made up.
class PrometheusPoller : public QObject
{
    Q_OBJECT

public:
    PrometheusPoller(const GatewayConfig &config, QObject *parent = nullptr);

    void start();
    // How many queries one tick sends (whatever the number of hosts).
    int queriesPerTick() const { return int(m_queries.size()); }

Q_SIGNALS:
    void sampled(const cpn::NodeSample &sample, const cpn::NodeCapacity &capacity,
                 const QList<cpn::LinkSample> &links);
    void failed(const QString &reason);

private:
    struct Series
    {
        QHash<QString, QString> labels;
        double value = 0;
    };
    struct Query
    {
        QString name; // cpu, memory, ..., dcgm_util, ...
        QString promql;
    };
    void tick();
    void answered(int tickId, const QString &name, QNetworkReply *reply);
    void finishTick();
    // The single value of a query, or nullopt when it has none.
    std::optional<double> single(const QString &name) const;
    QList<LinkSample> linkSamples() const;

    const GatewayConfig &m_config;
    QNetworkAccessManager m_nam;
    QTimer m_timer;
    QList<Query> m_queries;
    int m_tickId = 0;
    qint64 m_tickTsMs = 0;
    int m_pending = 0;
    QString m_failure;
    QHash<QString, QList<Series>> m_results;
};

} // namespace cpn::gateway
