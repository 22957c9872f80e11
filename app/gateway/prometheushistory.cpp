#include "prometheushistory.h"

#include "linkqueries.h"
#include "replylimit.h"

#include "domain/metricnames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace cpn::gateway {
namespace {

// A range answer larger than this is refused rather than held: 11,000 points of a few series are
// well under 2 MB.
constexpr qint64 kMaxAnswerBytes = 32 * 1024 * 1024;
constexpr int kTimeoutMs = 15000;

QString seconds(qint64 ms) { return QString::number(ms / 1000.0, 'f', 3); }

} // namespace

// One history request: the parts still out and the points gathered so far.
struct PrometheusHistory::Pending
{
    // How a value becomes a point: a fraction, presence as online, watts summed as kW, a carrier as a
    // link status, a quantity (>= 0), a percentage.
    enum class Combine { Value, Presence, SumKilowatts, LinkState, NonNegative, Percent };
    Query query;
    std::function<void(Result)> done;
    Combine combine = Combine::Value;
    QList<std::optional<double>> points;
    int remaining = 0;
    bool finished = false;

    void finish(Result result)
    {
        if (finished)
            return;
        finished = true;
        done(std::move(result));
    }
};

PrometheusHistory::PrometheusHistory(const GatewayConfig &config, QObject *parent)
    : QObject(parent), m_config(config)
{
    m_nam.setTransferTimeout(kTimeoutMs);
}

void PrometheusHistory::fetch(const Query &query, std::function<void(Result)> done)
{
    auto pending = std::make_shared<Pending>();
    pending->query = query;
    pending->done = std::move(done);
    pending->points.resize(query.pointCount());

    const auto &p = m_config.prometheus;
    QList<Part> parts;
    QString model;
    if (query.entity == Query::Entity::Link) {
        const auto link = std::find_if(m_config.links.cbegin(), m_config.links.cend(),
                                       [&](const GatewayConfig::SiteLink &l) { return l.link.id == query.id; });
        const int metric = int(metrics::linkMetricNames().indexOf(query.metric));
        if (link != m_config.links.cend() && metric >= 0) {
            parts.append({linkQuery(*link, metrics::LinkMetric(metric)), {}});
            if (metric == metrics::LinkStatus)
                pending->combine = Pending::Combine::LinkState;
            else if (metric != metrics::LossPct)
                pending->combine = Pending::Combine::NonNegative;
            else
                pending->combine = Pending::Combine::Percent;
        }
    } else if (query.metric == u"cpu"_s || query.metric == u"status"_s) {
        parts.append({p.cpu, {}});
        if (query.metric == u"status"_s)
            pending->combine = Pending::Combine::Presence; // online whenever node_exporter was scraped
    } else if (query.metric == u"memory"_s) {
        parts.append({p.memory, {}});
    } else if (query.metric == u"storage"_s) {
        if (!p.storage.isEmpty())
            parts.append({p.storage, {}});
    } else if (query.metric == u"power_kw"_s) {
        pending->combine = Pending::Combine::SumKilowatts;
        for (const QString &promql : p.acceleratorPower)
            if (!promql.isEmpty())
                parts.append({u"sum(%1)"_s.arg(promql), {}});
    } else if (metrics::isAcceleratorMetric(query.metric, &model)) {
        for (const QString &promql : p.acceleratorUtil)
            if (!promql.isEmpty())
                parts.append({promql, model});
    }
    if (parts.isEmpty()) {
        // Queued and running jobs are Slurm's, which keeps no time series.
        pending->finish({404, u"This site keeps no history of %1"_s.arg(query.metric), {}});
        return;
    }
    pending->remaining = int(parts.size());
    for (const Part &part : std::as_const(parts))
        send(pending, part);
}

void PrometheusHistory::send(const std::shared_ptr<Pending> &pending, const Part &part)
{
    const Query &q = pending->query;
    QUrl url = m_config.prometheus.historyUrl.isEmpty() ? m_config.prometheus.url : m_config.prometheus.historyUrl;
    url.setPath(url.path() + u"/api/v1/query_range"_s);
    // Percent-encoded whole: a '+' in PromQL must not become a space.
    const QByteArray form = "query=" + QUrl::toPercentEncoding(part.promql) + "&start=" + seconds(q.fromMs).toLatin1() +
                            "&end=" + seconds(q.toMs).toLatin1() + "&step=" + seconds(q.stepMs).toLatin1();
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = m_nam.post(request, form);
    abortBeyond(reply, kMaxAnswerBytes);
    connect(reply, &QNetworkReply::finished, this, [this, pending, part, reply] { answered(pending, part, reply); });
}

void PrometheusHistory::answered(const std::shared_ptr<Pending> &pending, const Part &part, QNetworkReply *reply)
{
    reply->deleteLater();
    if (pending->finished)
        return;
    const QUrl url = reply->url().adjusted(QUrl::RemovePath | QUrl::RemoveQuery);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        pending->finish({502, u"The site's history is unavailable: %1 unreachable (%2)"_s.arg(url.toString(), reply->errorString()), {}});
        return;
    }
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    if (answer.value(u"status"_s).toString() != u"success"_s) {
        pending->finish({502, u"The site's history is unavailable: %1 answered %2: %3"_s.arg(url.toString()).arg(status).arg(
                                  answer.value(u"error"_s).toString().left(200)),
                         {}});
        return;
    }

    const Query &q = pending->query;
    const QString &label = m_config.prometheus.modelLabel;
    // Several series of one model (two exporters, say) are averaged.
    QList<double> sums(q.pointCount(), 0.0);
    QList<int> counts(q.pointCount(), 0);
    const QJsonObject data = answer.value(u"data"_s).toObject();
    for (const QJsonValue &series : data.value(u"result"_s).toArray()) {
        if (!part.model.isEmpty() &&
            m_config.modelSlug(series[u"metric"_s][label].toString()) != part.model)
            continue;
        for (const QJsonValue &pair : series[u"values"_s].toArray()) {
            const qint64 tsMs = qRound64(pair[0].toDouble() * 1000);
            const double value = pair[1].toString().toDouble();
            const qint64 offset = tsMs - q.fromMs;
            if (offset < 0 || offset % q.stepMs > 1 || !std::isfinite(value))
                continue; // not one of the asked instants (or NaN: no value)
            const qsizetype i = qsizetype(offset / q.stepMs);
            if (i >= sums.size())
                continue;
            sums[i] += value;
            ++counts[i];
        }
    }
    for (qsizetype i = 0; i < sums.size(); ++i) {
        if (counts[i] == 0)
            continue;
        const double value = sums[i] / counts[i];
        std::optional<double> &point = pending->points[i];
        switch (pending->combine) {
        case Pending::Combine::Value:
            point = std::clamp(value, 0.0, 1.0);
            break;
        case Pending::Combine::Presence:
            point = double(int(NodeStatus::Online));
            break;
        case Pending::Combine::SumKilowatts:
            point = point.value_or(0) + std::max(0.0, value) / 1000;
            break;
        case Pending::Combine::LinkState:
            // Up or down from the carrier; congestion is judged live, not kept as a series.
            point = double(int(value < 1 ? LinkStatus::Down : LinkStatus::Up));
            break;
        case Pending::Combine::NonNegative:
            point = std::max(0.0, value);
            break;
        case Pending::Combine::Percent:
            point = std::clamp(value, 0.0, 100.0);
            break;
        }
    }
    if (--pending->remaining == 0)
        pending->finish({200, {}, pending->points});
}

} // namespace cpn::gateway
