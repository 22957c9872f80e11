#pragma once

#include "slurmprices.h"
#include "slurmrestclient.h"

#include "domain/offer.h"

#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTimer>

namespace cpn::gateway {

// What the nodes of one partition have free now, summed over the nodes that can take jobs.
struct SlurmCapacity
{
    int freeCores = 0;
    double freeMemoryGiB = 0;
    QMap<QString, int> freeAccelerators; // by model slug (Slurm's gres type, lowercase)
    int nodes = 0;
    // The largest node, whatever it has free: a job (one node) larger than this can never run.
    int largestNodeCores = 0;
    double largestNodeMemoryGiB = 0;
    QMap<QString, int> largestNodeAccelerators; // by model slug

    // From the "nodes" array of GET /nodes.
    static SlurmCapacity of(const QJsonArray &nodes, const QString &partition);
};

// The site's offers (docs/node-api.md, "Offers"), from slurmrestd's partitions and nodes, refreshed by
// polling. When Slurm cannot be read the site offers nothing and says why: never stale offers.
class SlurmOffers : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kValidityMs = 30'000;

    SlurmOffers(SlurmRestClient *client, QString siteNodeId, QString partition, SlurmPrices prices,
                QObject *parent = nullptr);

    // Refreshes every intervalMs from now on (and once at once).
    void start(int intervalMs = 10'000);
    void refresh();

    QList<Offer> offers() const { return m_offers; }
    const SlurmCapacity &capacity() const { return m_capacity; }
    // Why there are no offers (slurmrestd unreachable, token refused, partition down); empty when current.
    QString unavailableReason() const { return m_reason; }
    // Changes whenever offers() or unavailableReason() may have.
    qint64 version() const { return m_version; }
    qint64 pricedAtMs() const { return m_pricedAtMs; }

Q_SIGNALS:
    void refreshed();

private:
    void readNodes();
    void publish(const SlurmCapacity &capacity);
    void fail(const QString &reason);

    SlurmRestClient *m_client;
    QString m_siteNodeId;
    QString m_partition;
    SlurmPrices m_prices;
    QTimer m_timer;
    bool m_refreshing = false;
    QList<Offer> m_offers;
    SlurmCapacity m_capacity;
    QString m_reason = QStringLiteral("Slurm not read yet");
    qint64 m_version = 0;
    qint64 m_pricedAtMs = 0;
};

} // namespace cpn::gateway
