#pragma once

// A small, realistic federation for model and GUI tests: the national node, the eight national hubs,
// their ten data-centre clusters and sixteen industry nodes (35 nodes, 34 links), plus deterministic
// samples. Header-only so any test can include it without another library.

#include "domain/computeid.h"
#include "domain/link.h"
#include "domain/metrics.h"
#include "domain/node.h"

#include <QHash>
#include <QList>
#include <QString>
#include <algorithm>
#include <cmath>

namespace cpn::testing {

struct SampleNodeSpec
{
    const char *id;
    const char *name;
    const char *nameZh; // UTF-8
    NodeTier tier;
    NodeRole role;
    const char *parent;
    const char *province;
    int gbCode;
    const char *city;
    const char *sector;
    double lat;
    double lon;
    int cpuCores;
    int ascend;   // ascend-910b cards
    int nvidia;   // h800 cards
    int hygon;    // hygon-dcu cards
    double pue;
    double green;
};

inline const QList<SampleNodeSpec> &sampleNodeSpecs()
{
    using T = NodeTier;
    using R = NodeRole;
    static const QList<SampleNodeSpec> specs{
        {"national", "National Dispatch Center", "国家算力调度中心", T::National, R::National, "", "CN-BJ", 11,
         "Beijing", "GEN", 39.90, 116.40, 40000, 512, 256, 0, 1.25, 0.35},
        {"bth-hub", "Beijing-Tianjin-Hebei hub", "京津冀枢纽", T::Regional, R::Hub, "national", "CN-BJ", 11, "Beijing",
         "GEN", 39.95, 116.30, 160000, 4096, 1024, 512, 1.22, 0.41},
        {"yrd-hub", "Yangtze River Delta hub", "长三角枢纽", T::Regional, R::Hub, "national", "CN-SH", 31, "Shanghai",
         "GEN", 31.23, 121.47, 180000, 4096, 2048, 0, 1.24, 0.30},
        {"gba-hub", "Greater Bay Area hub", "粤港澳大湾区枢纽", T::Regional, R::Hub, "national", "CN-GD", 44,
         "Guangzhou", "GEN", 23.13, 113.26, 150000, 3072, 1536, 256, 1.26, 0.33},
        {"chengyu-hub", "Chengdu-Chongqing hub", "成渝枢纽", T::Regional, R::Hub, "national", "CN-SC", 51, "Chengdu",
         "GEN", 30.66, 104.07, 120000, 3072, 512, 512, 1.21, 0.68},
        {"nm-hub", "Inner Mongolia hub", "内蒙古枢纽", T::Regional, R::Hub, "national", "CN-NM", 15, "Hohhot", "GEN",
         40.84, 111.75, 90000, 2048, 256, 0, 1.15, 0.72},
        {"guizhou-hub", "Guizhou hub", "贵州枢纽", T::Regional, R::Hub, "national", "CN-GZ", 52, "Guiyang", "GEN",
         26.65, 106.63, 100000, 4096, 0, 1024, 1.17, 0.64},
        {"gansu-hub", "Gansu hub", "甘肃枢纽", T::Regional, R::Hub, "national", "CN-GS", 62, "Lanzhou", "GEN", 36.06,
         103.83, 60000, 1024, 0, 256, 1.16, 0.70},
        {"ningxia-hub", "Ningxia hub", "宁夏枢纽", T::Regional, R::Hub, "national", "CN-NX", 64, "Yinchuan", "GEN",
         38.49, 106.23, 70000, 2048, 512, 0, 1.14, 0.74},
        {"zhangjiakou", "Zhangjiakou cluster", "张家口集群", T::Regional, R::Cluster, "bth-hub", "CN-HE", 13,
         "Zhangjiakou", "GEN", 40.77, 114.88, 140000, 6144, 1024, 0, 1.19, 0.81},
        {"wuhu", "Wuhu cluster", "芜湖集群", T::Regional, R::Cluster, "yrd-hub", "CN-AH", 34, "Wuhu", "GEN", 31.35,
         118.43, 110000, 4096, 512, 512, 1.23, 0.28},
        {"yrd-eco", "YRD Eco-Green Demonstration Zone cluster", "长三角生态绿色一体化发展示范区集群", T::Regional,
         R::Cluster, "yrd-hub", "CN-SH", 31, "Qingpu", "GEN", 31.15, 121.12, 90000, 2048, 1024, 0, 1.25, 0.26},
        {"shaoguan", "Shaoguan cluster", "韶关集群", T::Regional, R::Cluster, "gba-hub", "CN-GD", 44, "Shaoguan", "GEN",
         24.81, 113.60, 100000, 4096, 512, 256, 1.20, 0.45},
        {"tianfu", "Tianfu cluster", "天府集群", T::Regional, R::Cluster, "chengyu-hub", "CN-SC", 51, "Chengdu", "GEN",
         30.40, 104.05, 95000, 3072, 256, 512, 1.20, 0.77},
        {"chongqing", "Chongqing cluster", "重庆集群", T::Regional, R::Cluster, "chengyu-hub", "CN-CQ", 50, "Chongqing",
         "GEN", 29.56, 106.55, 85000, 2048, 512, 0, 1.22, 0.52},
        {"horinger", "Horinger cluster", "和林格尔集群", T::Regional, R::Cluster, "nm-hub", "CN-NM", 15, "Horinger",
         "GEN", 40.38, 111.82, 130000, 8192, 512, 0, 1.12, 0.79},
        {"guian", "Gui'an cluster", "贵安集群", T::Regional, R::Cluster, "guizhou-hub", "CN-GZ", 52, "Gui'an", "GEN",
         26.40, 106.40, 120000, 4096, 512, 0, 1.18, 0.62},
        {"qingyang", "Qingyang cluster", "庆阳集群", T::Regional, R::Cluster, "gansu-hub", "CN-GS", 62, "Qingyang",
         "GEN", 35.71, 107.64, 80000, 3072, 0, 512, 1.15, 0.83},
        {"zhongwei", "Zhongwei cluster", "中卫集群", T::Regional, R::Cluster, "ningxia-hub", "CN-NX", 64, "Zhongwei",
         "GEN", 37.51, 105.19, 110000, 5120, 256, 0, 1.13, 0.86},
        {"sh-finance", "Shanghai financial computing center", "上海金融算力中心", T::Industry, R::Industry, "yrd-hub",
         "CN-SH", 31, "Shanghai", "FIN", 31.24, 121.50, 24000, 0, 512, 0, 1.30, 0.22},
        {"bj-research", "Beijing research computing platform", "北京科研算力平台", T::Industry, R::Industry,
         "bth-hub", "CN-BJ", 11, "Beijing", "RES", 40.00, 116.33, 32000, 1024, 256, 0, 1.28, 0.30},
        {"sz-manufacturing", "Shenzhen smart manufacturing", "深圳智能制造算力中心", T::Industry, R::Industry,
         "gba-hub", "CN-GD", 44, "Shenzhen", "MFG", 22.54, 114.06, 18000, 512, 256, 0, 1.32, 0.28},
        {"hz-gov", "Hangzhou city brain", "杭州城市大脑", T::Industry, R::Industry, "yrd-hub", "CN-ZJ", 33,
         "Hangzhou", "GOV", 30.27, 120.16, 12000, 256, 0, 128, 1.29, 0.31},
        {"wh-medical", "Wuhan medical imaging center", "武汉医疗影像算力中心", T::Industry, R::Industry, "yrd-hub",
         "CN-HB", 42, "Wuhan", "MED", 30.59, 114.31, 8000, 256, 64, 0, 1.31, 0.35},
        {"xa-education", "Xi'an university alliance", "西安高校算力联盟", T::Industry, R::Industry, "gansu-hub",
         "CN-SN", 61, "Xi'an", "EDU", 34.34, 108.94, 16000, 512, 0, 256, 1.33, 0.27},
        {"cq-auto", "Chongqing automotive", "重庆汽车制造算力中心", T::Industry, R::Industry, "chengyu-hub", "CN-CQ",
         50, "Chongqing", "MFG", 29.60, 106.50, 9000, 256, 128, 0, 1.30, 0.48},
        {"tj-port", "Tianjin port logistics", "天津港智慧物流", T::Industry, R::Industry, "bth-hub", "CN-TJ", 12,
         "Tianjin", "TRN", 38.99, 117.71, 6000, 0, 0, 128, 1.34, 0.25},
        {"gd-power", "China Southern Grid computing", "南方电网算力中心", T::Industry, R::Industry, "gba-hub", "CN-GD",
         44, "Guangzhou", "ENE", 23.12, 113.32, 14000, 512, 0, 0, 1.27, 0.40},
        {"sd-energy", "Shandong energy computing", "山东能源算力中心", T::Industry, R::Industry, "bth-hub", "CN-SD",
         37, "Jinan", "ENE", 36.65, 117.12, 10000, 256, 0, 256, 1.29, 0.33},
        {"js-telecom", "Jiangsu telecom AI center", "江苏电信智算中心", T::Industry, R::Industry, "yrd-hub", "CN-JS",
         32, "Nanjing", "TEL", 32.06, 118.80, 20000, 1024, 512, 0, 1.26, 0.29},
        {"gy-gov", "Guiyang government cloud", "贵阳政务云", T::Industry, R::Industry, "guizhou-hub", "CN-GZ", 52,
         "Guiyang", "GOV", 26.58, 106.71, 7000, 128, 0, 0, 1.24, 0.60},
        {"nm-wind", "Inner Mongolia wind AI", "内蒙古风电智算", T::Industry, R::Industry, "nm-hub", "CN-NM", 15,
         "Ordos", "ENE", 39.61, 109.78, 11000, 768, 0, 0, 1.16, 0.92},
        {"hf-research", "Hefei national science center", "合肥综合性国家科学中心", T::Industry, R::Industry,
         "yrd-hub", "CN-AH", 34, "Hefei", "RES", 31.82, 117.23, 26000, 1536, 256, 0, 1.27, 0.31},
        {"cd-medical", "West China medical computing", "华西医疗算力中心", T::Industry, R::Industry, "chengyu-hub",
         "CN-SC", 51, "Chengdu", "MED", 30.64, 104.06, 8000, 256, 128, 0, 1.25, 0.70},
        {"nx-gov", "Ningxia government cloud", "宁夏政务云", T::Industry, R::Industry, "ningxia-hub", "CN-NX", 64,
         "Yinchuan", "GOV", 38.47, 106.27, 6000, 0, 0, 128, 1.18, 0.80},
    };
    return specs;
}

inline QList<Node> sampleNodes()
{
    QList<Node> nodes;
    QHash<QString, int> serials;
    for (const SampleNodeSpec &s : sampleNodeSpecs()) {
        Node n;
        n.id = QString::fromLatin1(s.id);
        n.name = QString::fromUtf8(s.name);
        n.nameZh = QString::fromUtf8(s.nameZh);
        n.tier = s.tier;
        n.role = s.role;
        n.parentId = QString::fromLatin1(s.parent);
        n.province = QString::fromLatin1(s.province);
        n.city = QString::fromUtf8(s.city);
        n.sector = QString::fromLatin1(s.sector);
        n.lat = s.lat;
        n.lon = s.lon;
        const QString serialKey = QStringLiteral("%1-%2-%3").arg(int(s.tier)).arg(s.gbCode).arg(n.sector);
        n.computeId = computeid::make({s.tier, s.gbCode, n.sector, ++serials[serialKey]});
        n.baseUrl = QUrl(s.tier == NodeTier::National ? QStringLiteral("http://127.0.0.1:8080")
                                                      : QStringLiteral("http://127.0.0.1:8080/n/%1").arg(n.id));
        n.capacity.cpuCores = s.cpuCores;
        n.capacity.memoryTiB = s.cpuCores / 200.0;
        n.capacity.storagePB = s.cpuCores / 1500.0;
        n.prices.cpuCoreHour = 0.08;
        n.prices.memoryGiBHour = 0.004;
        n.prices.storageTBHour = 0.02;
        // Western hubs sell cheaper: "east data, west computing".
        const double west = s.lon < 110 ? 0.8 : 1.0;
        if (s.ascend > 0) {
            n.capacity.accelerators.append({QStringLiteral("ascend-910b"), s.ascend});
            n.prices.acceleratorHour.insert(QStringLiteral("ascend-910b"), 7.5 * west);
        }
        if (s.nvidia > 0) {
            n.capacity.accelerators.append({QStringLiteral("h800"), s.nvidia});
            n.prices.acceleratorHour.insert(QStringLiteral("h800"), 14.0 * west);
        }
        if (s.hygon > 0) {
            n.capacity.accelerators.append({QStringLiteral("hygon-dcu"), s.hygon});
            n.prices.acceleratorHour.insert(QStringLiteral("hygon-dcu"), 4.2 * west);
        }
        n.pue = s.pue;
        n.greenShare = s.green;
        nodes.append(n);
    }
    return nodes;
}

inline QList<Link> sampleLinks(const QList<Node> &nodes = sampleNodes())
{
    QList<Link> links;
    for (const Node &n : nodes) {
        if (n.parentId.isEmpty())
            continue;
        Link l;
        l.id = QStringLiteral("l-%1-%2").arg(n.parentId, n.id);
        l.a = n.parentId;
        l.b = n.id;
        l.kind = n.role == NodeRole::Hub       ? LinkKind::Backbone
                 : n.role == NodeRole::Cluster ? LinkKind::Regional
                                               : LinkKind::Access;
        l.capacityGbps = l.kind == LinkKind::Backbone ? 800 : l.kind == LinkKind::Regional ? 400 : 100;
        l.distanceKm = 300;
        l.baseLatencyMs = 3;
        links.append(l);
    }
    return links;
}

// A smooth, deterministic utilization in [0.05, 0.98] per node, drifting with the tick.
inline double sampleWave(const QString &id, int salt, qint64 tick)
{
    const double phase = double(qHash(id, size_t(salt)) % 1000) / 1000.0;
    const double base = 0.25 + 0.6 * phase;
    return std::clamp(base + 0.08 * std::sin(double(tick) / 7.0 + phase * 6.28), 0.05, 0.98);
}

inline NodeSample sampleFor(const Node &node, qint64 tsMs, qint64 tick = 0)
{
    NodeSample s;
    s.nodeId = node.id;
    s.tsMs = tsMs;
    s.status = NodeStatus::Online;
    s.cpuUtil = sampleWave(node.id, 1, tick);
    s.memoryUtil = sampleWave(node.id, 2, tick) * 0.9;
    s.storageUtil = sampleWave(node.id, 3, tick) * 0.8;
    for (const auto &pool : node.capacity.accelerators)
        s.acceleratorUtil.insert(pool.model, sampleWave(node.id + pool.model, 4, tick));
    // Roughly 0.35 kW per core-equivalent of load plus 0.7 kW per card, times PUE.
    s.powerKw = (node.capacity.cpuCores * 0.012 * (0.4 + s.cpuUtil) + node.capacity.acceleratorCount() * 0.7)
                * node.pue;
    s.runningJobs = int(node.capacity.acceleratorCount() / 64 * s.cpuUtil) + 1;
    s.queuedJobs = int(sampleWave(node.id, 5, tick) * 6);
    return s;
}

inline QList<NodeSample> sampleTick(const QList<Node> &nodes, qint64 tsMs, qint64 tick = 0)
{
    QList<NodeSample> samples;
    for (const Node &n : nodes)
        samples.append(sampleFor(n, tsMs, tick));
    return samples;
}

inline QList<LinkSample> sampleLinkTick(const QList<Link> &links, qint64 tsMs, qint64 tick = 0)
{
    QList<LinkSample> samples;
    for (const Link &l : links) {
        LinkSample s;
        s.linkId = l.id;
        s.tsMs = tsMs;
        const double util = sampleWave(l.id, 6, tick);
        s.status = util > 0.9 ? LinkStatus::Congested : LinkStatus::Up;
        s.abGbps = l.capacityGbps * util;
        s.baGbps = l.capacityGbps * util * 0.5;
        s.latencyMs = l.baseLatencyMs + 0.2;
        samples.append(s);
    }
    return samples;
}

// A tick of every link, in the links' order, as the map takes it.
inline LinkSamplesByRow sampleLinkRows(const QList<Link> &links, qint64 tsMs, qint64 tick = 0)
{
    LinkSamplesByRow rows;
    for (const LinkSample &s : sampleLinkTick(links, tsMs, tick))
        rows.append(s);
    return rows;
}

} // namespace cpn::testing
