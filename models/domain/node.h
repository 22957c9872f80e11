#pragma once

#include "domain/enums.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>

namespace cpn {

struct AcceleratorPool
{
    QString model; // wire slug, e.g. "ascend-910b"
    int count = 0;
    friend bool operator==(const AcceleratorPool &, const AcceleratorPool &) = default;
};

struct NodeCapacity
{
    int cpuCores = 0;
    double memoryTiB = 0;
    double storagePB = 0;
    QList<AcceleratorPool> accelerators;
    int acceleratorCount() const
    {
        int n = 0;
        for (const auto &pool : accelerators)
            n += pool.count;
        return n;
    }
    friend bool operator==(const NodeCapacity &, const NodeCapacity &) = default;
};

// Prices in CNY per unit-hour.
struct NodePrices
{
    double cpuCoreHour = 0;
    double memoryGiBHour = 0;
    double storageTBHour = 0;
    QMap<QString, double> acceleratorHour; // by model slug
    friend bool operator==(const NodePrices &, const NodePrices &) = default;
};

// A node as the federation directory and GET /api/v1/node describe it. Identifiers stay strings.
struct Node
{
    QString id;        // slug, [a-z0-9-]{1,64}
    QString computeId; // computing-power identifier, see computeid.h
    QString name;
    QString nameZh;
    NodeTier tier = NodeTier::Industry;
    NodeRole role = NodeRole::Industry;
    QString parentId; // empty only for the national node
    QString province; // ISO 3166-2:CN, "CN-GZ"
    QString city;
    QString cityZh; // the city's Chinese name, where the node gives one
    QString sector; // sector code of the compute identifier, e.g. "FIN"
    double lat = 0;
    double lon = 0;
    QUrl baseUrl;
    NodeStatus status = NodeStatus::Online;
    // Its compute identifier is suspended by the registry: listed, never offered work (docs/node-api.md).
    bool suspended = false;
    NodeCapacity capacity;
    NodePrices prices;
    double pue = 1.3;
    double greenShare = 0; // 0..1
    friend bool operator==(const Node &, const Node &) = default;
};

} // namespace cpn
