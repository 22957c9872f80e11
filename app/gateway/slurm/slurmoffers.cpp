#include "slurmoffers.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRegularExpression>

namespace cpn::gateway {

namespace {

// "gpu:h800:8", "gpu:h800:8(S:0-1)", "gpu:h800:2(IDX:0-1)", several separated by commas
QMap<QString, int> gpusByModel(const QString &gres)
{
    static const QRegularExpression entry(QStringLiteral(R"((?:^|,)gpu:([^:(,]+):(\d+))"));
    QMap<QString, int> counts;
    for (auto it = entry.globalMatch(gres); it.hasNext();) {
        const auto match = it.next();
        counts[match.captured(1).toLower()] += match.captured(2).toInt();
    }
    return counts;
}

// Nodes that are down, drained, failing or not responding take no jobs, whatever they have free.
bool takesJobs(const QJsonObject &node)
{
    static const QStringList unusable{
        QStringLiteral("down"),     QStringLiteral("drain"),   QStringLiteral("drained"),
        QStringLiteral("draining"), QStringLiteral("fail"),    QStringLiteral("failing"),
        QStringLiteral("future"),   QStringLiteral("unknown"), QStringLiteral("inval")};
    if (unusable.contains(node.value(QStringLiteral("state")).toString().toLower()))
        return false;
    for (const QJsonValue &flag : node.value(QStringLiteral("state_flags")).toArray()) {
        const QString f = flag.toString().toLower();
        if (unusable.contains(f) || f == QStringLiteral("not_responding") ||
            f == QStringLiteral("maintenance"))
            return false;
    }
    return true;
}

} // namespace

SlurmCapacity SlurmCapacity::of(const QJsonArray &nodes, const QString &partition)
{
    SlurmCapacity capacity;
    for (const QJsonValue &value : nodes) {
        const QJsonObject node = value.toObject();
        if (!node.value(QStringLiteral("partitions")).toArray().contains(partition) || !takesJobs(node))
            continue;
        ++capacity.nodes;
        const int cores = node.value(QStringLiteral("cpus")).toInt();
        capacity.largestNodeCores = qMax(capacity.largestNodeCores, cores);
        capacity.largestNodeMemoryGiB = qMax(capacity.largestNodeMemoryGiB,
                                             node.value(QStringLiteral("real_memory")).toDouble() / 1024.0);
        capacity.freeCores += qMax(0, cores - node.value(QStringLiteral("alloc_cpus")).toInt());
        // real_memory and alloc_memory are MB
        capacity.freeMemoryGiB += qMax(0.0, node.value(QStringLiteral("real_memory")).toDouble() -
                                                node.value(QStringLiteral("alloc_memory")).toDouble()) /
                                  1024.0;
        const auto total = gpusByModel(node.value(QStringLiteral("gres")).toString());
        const auto used = gpusByModel(node.value(QStringLiteral("gres_used")).toString());
        for (auto it = total.begin(); it != total.end(); ++it) {
            capacity.freeAccelerators[it.key()] += qMax(0, it.value() - used.value(it.key()));
            int &largest = capacity.largestNodeAccelerators[it.key()];
            largest = qMax(largest, it.value());
        }
    }
    return capacity;
}

SlurmOffers::SlurmOffers(SlurmRestClient *client, QString siteNodeId, QString partition, SlurmPrices prices,
                         QObject *parent)
    : QObject(parent), m_client(client), m_siteNodeId(std::move(siteNodeId)),
      m_partition(std::move(partition)), m_prices(std::move(prices))
{
    connect(&m_timer, &QTimer::timeout, this, &SlurmOffers::refresh);
}

void SlurmOffers::start(int intervalMs)
{
    m_timer.start(intervalMs);
    refresh();
}

void SlurmOffers::refresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    m_client->get(QStringLiteral("partitions"), {}, this, [this](const SlurmAnswer &answer) {
        if (!answer.ok())
            return fail(answer.error);
        for (const QJsonValue &p : answer.body.value(QStringLiteral("partitions")).toArray()) {
            if (p[QStringLiteral("name")].toString() != m_partition)
                continue;
            if (p[QStringLiteral("state")].toString() != QStringLiteral("UP"))
                return fail(QStringLiteral("Slurm partition '%1' is %2")
                                .arg(m_partition, p[QStringLiteral("state")].toString()));
            return readNodes();
        }
        fail(QStringLiteral("Slurm has no partition '%1'").arg(m_partition));
    });
}

void SlurmOffers::readNodes()
{
    m_client->get(QStringLiteral("nodes"), {}, this, [this](const SlurmAnswer &answer) {
        if (!answer.ok())
            return fail(answer.error);
        publish(SlurmCapacity::of(answer.body.value(QStringLiteral("nodes")).toArray(), m_partition));
    });
}

void SlurmOffers::publish(const SlurmCapacity &capacity)
{
    m_refreshing = false;
    m_pricedAtMs = QDateTime::currentMSecsSinceEpoch();
    const auto offer = [&](Offer::Resource resource, const QString &suffix, const QString &model,
                           double available, double price) {
        Offer o;
        o.id = m_siteNodeId + u'.' + suffix;
        o.nodeId = m_siteNodeId;
        o.resource = resource;
        o.model = model;
        o.available = available;
        o.pricePerHour = price;
        o.validUntilMs = m_pricedAtMs + kValidityMs;
        return o;
    };
    QList<Offer> offers;
    for (auto it = capacity.freeAccelerators.begin(); it != capacity.freeAccelerators.end(); ++it)
        offers << offer(Offer::Resource::Accelerator, it.key(), it.key(), it.value(),
                        m_prices.perAcceleratorHour.value(it.key()));
    offers << offer(Offer::Resource::Cpu, QStringLiteral("cpu"), {}, capacity.freeCores,
                    m_prices.perCoreHour);
    offers << offer(Offer::Resource::Memory, QStringLiteral("memory"), {}, capacity.freeMemoryGiB,
                    m_prices.perGiBHour);
    m_capacity = capacity;
    m_offers = offers;
    m_reason.clear();
    ++m_version;
    Q_EMIT refreshed();
}

void SlurmOffers::fail(const QString &reason)
{
    m_refreshing = false;
    m_offers.clear();
    m_capacity = {};
    m_reason = reason;
    ++m_version;
    Q_EMIT refreshed();
}

} // namespace cpn::gateway
