#include "prometheuspoller.h"

#include "linkqueries.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace cpn::gateway {

PrometheusPoller::PrometheusPoller(const GatewayConfig &config, QObject *parent)
    : QObject(parent), m_config(config)
{
    const auto &p = config.prometheus;
    const auto add = [&](const QString &name, const QString &promql) {
        if (!promql.isEmpty())
            m_queries.append({name, promql});
    };
    add(u"cpu"_s, p.cpu);
    add(u"memory"_s, p.memory);
    add(u"storage"_s, p.storage);
    add(u"cpu_cores"_s, p.cpuCores);
    add(u"memory_bytes"_s, p.memoryBytes);
    add(u"storage_bytes"_s, p.storageBytes);
    for (auto it = p.acceleratorUtil.cbegin(); it != p.acceleratorUtil.cend(); ++it)
        add(it.key() + u"_util"_s, it.value());
    for (auto it = p.acceleratorCount.cbegin(); it != p.acceleratorCount.cend(); ++it)
        add(it.key() + u"_count"_s, it.value());
    for (auto it = p.acceleratorPower.cbegin(); it != p.acceleratorPower.cend(); ++it)
        add(it.key() + u"_power"_s, it.value());
    // Each link from its interface counters: bits per second each way, drops among packets, carrier.
    for (const GatewayConfig::SiteLink &l : config.links) {
        const QString prefix = u"link:"_s + l.link.id + u':';
        add(prefix + u"ab"_s, linkQuery(l, metrics::AbGbps));
        add(prefix + u"ba"_s, linkQuery(l, metrics::BaGbps));
        add(prefix + u"loss"_s, linkQuery(l, metrics::LossPct));
        add(prefix + u"carrier"_s, linkQuery(l, metrics::LinkStatus));
        add(prefix + u"latency"_s, linkQuery(l, metrics::LatencyMs));
    }
    m_nam.setTransferTimeout(p.timeoutMs);
    m_timer.setInterval(p.intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PrometheusPoller::tick);
}

void PrometheusPoller::start()
{
    m_timer.start();
    tick();
}

void PrometheusPoller::tick()
{
    if (m_pending > 0)
        return; // the last tick is still out; its timeout decides
    ++m_tickId;
    m_tickTsMs = QDateTime::currentMSecsSinceEpoch() - m_config.prometheus.lagMs;
    m_pending = int(m_queries.size());
    m_failure.clear();
    m_results.clear();
    const QString time = QString::number(m_tickTsMs / 1000.0, 'f', 3);
    for (const Query &q : std::as_const(m_queries)) {
        QUrl url = m_config.prometheus.url;
        url.setPath(url.path() + u"/api/v1/query"_s);
        // Percent-encoded whole: a '+' in PromQL must not become a space.
        const QByteArray form = "query=" + QUrl::toPercentEncoding(q.promql) + "&time=" + time.toLatin1();
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *reply = m_nam.post(request, form);
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, id = m_tickId, name = q.name] { answered(id, name, reply); });
    }
}

void PrometheusPoller::answered(int tickId, const QString &name, QNetworkReply *reply)
{
    reply->deleteLater();
    if (tickId != m_tickId)
        return;
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (m_failure.isEmpty()) {
        if (status == 0)
            m_failure = u"Prometheus unreachable at %1: %2"_s.arg(m_config.prometheus.url.toString(),
                                                                  reply->errorString());
        else if (answer.value(u"status"_s).toString() != u"success"_s)
            m_failure = u"Prometheus answered %1 to the %2 query: %3"_s.arg(status).arg(
                name, answer.value(u"error"_s).toString(QString::fromUtf8(body.left(200))));
    }
    if (m_failure.isEmpty()) {
        const QJsonObject data = answer.value(u"data"_s).toObject();
        QList<Series> series;
        const auto valueOf = [](const QJsonValue &pair) {
            return pair.toArray().at(1).toString().toDouble();
        };
        if (data.value(u"resultType"_s) == u"scalar"_s) {
            series.append({{}, valueOf(data.value(u"result"_s))});
        } else {
            for (const QJsonValue &s : data.value(u"result"_s).toArray()) {
                Series one;
                const QJsonObject metric = s[u"metric"_s].toObject();
                for (auto it = metric.begin(); it != metric.end(); ++it)
                    one.labels.insert(it.key(), it.value().toString());
                one.value = valueOf(s[u"value"_s]);
                series.append(one);
            }
        }
        m_results.insert(name, series);
    }
    if (--m_pending == 0)
        finishTick();
}

std::optional<double> PrometheusPoller::single(const QString &name) const
{
    const QList<Series> series = m_results.value(name);
    if (series.isEmpty() || !std::isfinite(series.first().value))
        return std::nullopt;
    return series.first().value;
}

QList<LinkSample> PrometheusPoller::linkSamples() const
{
    QList<LinkSample> samples;
    for (const GatewayConfig::SiteLink &l : m_config.links) {
        const QString prefix = u"link:"_s + l.link.id + u':';
        const auto ab = single(prefix + u"ab"_s);
        const auto ba = single(prefix + u"ba"_s);
        const auto latency = single(prefix + u"latency"_s);
        if (!ab || !ba || !latency)
            continue; // no counters (or no latency) for it this tick: a gap, not zeros
        LinkSample s;
        s.linkId = l.link.id;
        s.tsMs = m_tickTsMs;
        s.abGbps = std::max(0.0, *ab);
        s.baGbps = std::max(0.0, *ba);
        s.latencyMs = std::clamp(*latency, 0.0, 100000.0);
        s.lossPct = std::clamp(single(prefix + u"loss"_s).value_or(0), 0.0, 100.0);
        // The protocol's congestion: above 90 % of capacity either way, or 1 % loss.
        const bool congested = std::max(s.abGbps, s.baGbps) > 0.9 * l.link.capacityGbps || s.lossPct > 1;
        s.status = single(prefix + u"carrier"_s).value_or(1) < 1 ? LinkStatus::Down
                   : congested                                  ? LinkStatus::Congested
                                                                : LinkStatus::Up;
        samples.append(s);
    }
    return samples;
}

void PrometheusPoller::finishTick()
{
    if (!m_failure.isEmpty()) {
        Q_EMIT failed(m_failure);
        return;
    }
    // CPU and memory come from node_exporter on every site: without them there is no sample.
    const auto cpu = single(u"cpu"_s);
    const auto memory = single(u"memory"_s);
    if (!cpu || !memory) {
        Q_EMIT failed(u"Prometheus has no %1 figure for the site (is node_exporter scraped?)"_s.arg(
            cpu ? u"memory"_s : u"cpu"_s));
        return;
    }
    const auto fraction = [](double v) { return std::clamp(v, 0.0, 1.0); };
    NodeSample sample;
    sample.nodeId = m_config.site.id;
    sample.tsMs = m_tickTsMs;
    sample.status = NodeStatus::Online;
    sample.cpuUtil = fraction(*cpu);
    sample.memoryUtil = fraction(*memory);
    sample.storageUtil = fraction(single(u"storage"_s).value_or(0));
    NodeCapacity capacity;
    capacity.cpuCores = int(single(u"cpu_cores"_s).value_or(0));
    capacity.memoryTiB = single(u"memory_bytes"_s).value_or(0) / double(Q_INT64_C(1) << 40);
    capacity.storagePB = single(u"storage_bytes"_s).value_or(0) / 1e15;
    const QString &label = m_config.prometheus.modelLabel;
    double watts = 0;
    QMap<QString, int> counts;
    for (auto it = m_results.cbegin(); it != m_results.cend(); ++it) {
        for (const Series &s : it.value()) {
            if (!s.labels.contains(label) || !std::isfinite(s.value))
                continue;
            const QString slug = m_config.modelSlug(s.labels.value(label));
            if (it.key().endsWith(u"_util"_s))
                sample.acceleratorUtil.insert(slug, fraction(s.value));
            else if (it.key().endsWith(u"_count"_s))
                counts[slug] += int(s.value);
            else if (it.key().endsWith(u"_power"_s))
                watts += s.value;
        }
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        capacity.accelerators.append({it.key(), it.value()});
    sample.powerKw = watts / 1000;
    Q_EMIT sampled(sample, capacity, linkSamples());
}

} // namespace cpn::gateway
