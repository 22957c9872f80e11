// The default scenario: China's national computing-power network as planned under
// "East Data, West Computing" (东数西算): the national node, the eight hub regions with their ten
// data-center clusters at their real locations, and industry nodes in the cities that host them.
// Capacities and prices are of realistic magnitude, not published figures: western clusters are
// large, cheap and green; eastern nodes are busier and dearer.

#include "scenariobuilder.h"

#include <QHash>

namespace cpn::sim {
namespace {

struct NodeRow
{
    const char *id;
    const char *name;
    const char *nameZh; // UTF-8
    NodeRole role;
    const char *parent; // "" for the national node
    const char *province;
    const char *city;
    const char *sector;
    double lat;
    double lon;
    int cpuCores;
    double memoryTiB;
    double storagePB;
    const char *accelerators; // "model:count ..."
    double priceFactor;       // x list price: west < 1 < east
    double pue;
    double greenShare;
    double uplinkGbps; // capacity of the link to the parent
};

using R = NodeRole;

// clang-format off
const NodeRow kNodes[] = {
// id               name                                             nameZh                           role        parent         prov     city                 sect  lat     lon      cores   memTiB stoPB accelerators                         price pue   green uplink
{"national",        "National computing-power hub",                  "全国一体化算力网国家枢纽",          R::National, "",            "CN-BJ", "Beijing",           "GEN", 39.93,  116.33,  20000,  80,  10,  "a800:256",                          1.10, 1.35, 0.25, 0},
// The eight hub regions (国家算力枢纽节点), each anchored in its main city.
{"bth-hub",         "Beijing-Tianjin-Hebei hub",                     "京津冀枢纽",                      R::Hub,      "national",    "CN-BJ", "Beijing",           "GEN", 39.90,  116.40,  80000,  320, 60,  "a800:2048 ascend-910b:1024",        1.15, 1.35, 0.30, 1600},
{"yrd-hub",         "Yangtze River Delta hub",                       "长三角枢纽",                      R::Hub,      "national",    "CN-SH", "Shanghai",          "GEN", 31.23,  121.47,  100000, 400, 80,  "h800:2048 a800:1024 ascend-910b:1024", 1.20, 1.38, 0.22, 1600},
{"gba-hub",         "Guangdong-Hong Kong-Macao hub",                 "粤港澳大湾区枢纽",                 R::Hub,      "national",    "CN-GD", "Guangzhou",         "GEN", 23.13,  113.26,  90000,  360, 70,  "h800:1536 ascend-910b:2048",        1.18, 1.36, 0.28, 1600},
{"cy-hub",          "Chengdu-Chongqing hub",                         "成渝枢纽",                        R::Hub,      "national",    "CN-SC", "Chengdu",           "GEN", 30.66,  104.07,  60000,  240, 50,  "ascend-910b:2048 hygon-dcu:1024",   0.95, 1.28, 0.55, 800},
{"nm-hub",          "Inner Mongolia hub",                            "内蒙古枢纽",                      R::Hub,      "national",    "CN-NM", "Hohhot",            "GEN", 40.84,  111.75,  70000,  280, 90,  "ascend-910b:3072 a800:512",         0.80, 1.20, 0.60, 800},
{"guizhou-hub",     "Guizhou hub",                                   "贵州枢纽",                        R::Hub,      "national",    "CN-GZ", "Guiyang",           "GEN", 26.65,  106.63,  60000,  240, 70,  "ascend-910b:2048 hygon-dcu:1024",   0.80, 1.20, 0.55, 800},
{"gansu-hub",       "Gansu hub",                                     "甘肃枢纽",                        R::Hub,      "national",    "CN-GS", "Lanzhou",           "GEN", 36.06,  103.83,  40000,  160, 40,  "ascend-910b:1024 mlu370:1024",      0.78, 1.20, 0.60, 400},
{"ningxia-hub",     "Ningxia hub",                                   "宁夏枢纽",                        R::Hub,      "national",    "CN-NX", "Yinchuan",          "GEN", 38.49,  106.23,  50000,  200, 60,  "ascend-910b:2048 hygon-dcu:512",    0.78, 1.18, 0.62, 800},
// The ten national data-center clusters (国家数据中心集群).
{"zhangjiakou",     "Zhangjiakou cluster",                           "张家口集群",                      R::Cluster,  "bth-hub",     "CN-HE", "Zhangjiakou",       "GEN", 40.77,  114.88,  150000, 600, 120, "ascend-910b:4096 a800:1024",        0.85, 1.20, 0.70, 800},
{"yrd-demo-zone",   "YRD eco-green integration demonstration zone cluster", "长三角生态绿色一体化发展示范区集群", R::Cluster, "yrd-hub", "CN-SH", "Qingpu",        "GEN", 31.05,  120.89,  80000,  320, 60,  "h800:1024 a800:1024",               1.10, 1.30, 0.30, 800},
{"wuhu",            "Wuhu cluster",                                  "芜湖集群",                        R::Cluster,  "yrd-hub",     "CN-AH", "Wuhu",              "GEN", 31.33,  118.43,  100000, 400, 90,  "ascend-910b:3072 hygon-dcu:1024",   0.95, 1.25, 0.35, 400},
{"shaoguan",        "Shaoguan cluster",                              "韶关集群",                        R::Cluster,  "gba-hub",     "CN-GD", "Shaoguan",          "GEN", 24.81,  113.60,  110000, 440, 100, "ascend-910b:4096 h800:512",         0.90, 1.25, 0.40, 800},
{"tianfu",          "Tianfu cluster",                                "天府集群",                        R::Cluster,  "cy-hub",      "CN-SC", "Chengdu (Tianfu)",  "GEN", 30.60,  104.12,  90000,  360, 80,  "ascend-910b:3072 hygon-dcu:1024",   0.85, 1.22, 0.65, 800},
{"chongqing",       "Chongqing cluster",                             "重庆集群",                        R::Cluster,  "cy-hub",      "CN-CQ", "Chongqing",         "GEN", 29.70,  106.50,  80000,  320, 70,  "ascend-910b:2048 mlu370:1024",      0.90, 1.25, 0.55, 400},
{"horinger",        "Horinger cluster",                              "和林格尔集群",                     R::Cluster,  "nm-hub",      "CN-NM", "Horinger",          "GEN", 40.38,  111.82,  200000, 800, 200, "ascend-910b:8192 a800:2048",        0.70, 1.15, 0.75, 800},
{"guian",           "Gui'an cluster",                                "贵安集群",                        R::Cluster,  "guizhou-hub", "CN-GZ", "Gui'an",            "GEN", 26.40,  106.40,  120000, 640, 80,  "ascend-910b:4096 h800:512",         0.75, 1.18, 0.62, 800},
{"qingyang",        "Qingyang cluster",                              "庆阳集群",                        R::Cluster,  "gansu-hub",   "CN-GS", "Qingyang",          "GEN", 35.71,  107.64,  100000, 400, 100, "ascend-910b:4096 mlu370:1024",      0.70, 1.16, 0.72, 400},
{"zhongwei",        "Zhongwei cluster",                              "中卫集群",                        R::Cluster,  "ningxia-hub", "CN-NX", "Zhongwei",          "GEN", 37.51,  105.19,  160000, 640, 150, "ascend-910b:6144 hygon-dcu:1024",   0.68, 1.15, 0.78, 800},
// Industry nodes, attached to the hub of their region.
{"sh-finance",      "Shanghai finance (Lujiazui)",                   "上海金融（陆家嘴）",               R::Industry, "yrd-hub",     "CN-SH", "Shanghai",          "FIN", 31.24,  121.50,  20000,  80,  15,  "h800:512 a800:256",                 1.30, 1.40, 0.15, 400},
{"sh-health",       "Shanghai healthcare",                           "上海医疗",                        R::Industry, "yrd-hub",     "CN-SH", "Shanghai",          "MED", 31.21,  121.47,  10000,  40,  12,  "h800:256",                          1.25, 1.40, 0.15, 200},
{"sz-finance",      "Shenzhen finance (Futian)",                     "深圳金融（福田）",                 R::Industry, "gba-hub",     "CN-GD", "Shenzhen",          "FIN", 22.54,  114.06,  18000,  72,  12,  "h800:384 ascend-910b:256",          1.30, 1.40, 0.20, 400},
{"bj-finance",      "Beijing finance (Financial Street)",            "北京金融街",                      R::Industry, "bth-hub",     "CN-BJ", "Beijing",           "FIN", 39.92,  116.36,  16000,  64,  12,  "a800:256 hygon-dcu:256",            1.25, 1.38, 0.20, 400},
{"bj-research",     "Beijing research (Zhongguancun)",               "北京科研（中关村）",               R::Industry, "bth-hub",     "CN-BJ", "Beijing",           "RES", 39.98,  116.31,  30000,  120, 30,  "a800:1024 ascend-910b:512",         1.10, 1.35, 0.25, 400},
{"tj-transport",    "Tianjin transport (port)",                      "天津交通（天津港）",               R::Industry, "bth-hub",     "CN-TJ", "Tianjin",           "TRN", 39.00,  117.72,  8000,   32,  6,   "a800:128",                          1.15, 1.38, 0.20, 100},
{"qd-mfg",          "Qingdao manufacturing",                         "青岛制造",                        R::Industry, "bth-hub",     "CN-SD", "Qingdao",           "MFG", 36.07,  120.38,  10000,  40,  8,   "ascend-910b:256",                   1.10, 1.35, 0.25, 200},
{"hrb-research",    "Harbin research",                               "哈尔滨科研",                      R::Industry, "bth-hub",     "CN-HL", "Harbin",            "RES", 45.80,  126.53,  10000,  40,  10,  "hygon-dcu:512",                     0.95, 1.30, 0.20, 100},
{"hf-research",     "Hefei research (national science center)",      "合肥科研（综合性国家科学中心）",     R::Industry, "yrd-hub",     "CN-AH", "Hefei",             "RES", 31.82,  117.23,  24000,  96,  25,  "ascend-910b:1024 hygon-dcu:256",    1.00, 1.32, 0.30, 400},
{"suzhou-mfg",      "Suzhou manufacturing (Industrial Park)",        "苏州制造（苏州工业园区）",          R::Industry, "yrd-hub",     "CN-JS", "Suzhou",            "MFG", 31.30,  120.70,  12000,  48,  10,  "ascend-910b:256 mlu370:256",        1.15, 1.36, 0.20, 200},
{"hz-gov",          "Hangzhou e-government",                         "杭州政务",                        R::Industry, "yrd-hub",     "CN-ZJ", "Hangzhou",          "GOV", 30.27,  120.15,  12000,  48,  15,  "ascend-910b:384",                   1.10, 1.35, 0.25, 200},
{"nj-edu",          "Nanjing education",                             "南京教育",                        R::Industry, "yrd-hub",     "CN-JS", "Nanjing",           "EDU", 32.06,  118.80,  10000,  40,  10,  "ascend-910b:256 a800:128",          1.05, 1.34, 0.25, 200},
{"wh-health",       "Wuhan healthcare",                              "武汉医疗",                        R::Industry, "yrd-hub",     "CN-HB", "Wuhan",             "MED", 30.59,  114.31,  8000,   32,  10,  "ascend-910b:256",                   1.05, 1.35, 0.35, 200},
{"gz-transport",    "Guangzhou transport",                           "广州交通",                        R::Industry, "gba-hub",     "CN-GD", "Guangzhou",         "TRN", 23.12,  113.32,  9000,   36,  6,   "ascend-910b:128",                   1.15, 1.37, 0.25, 100},
{"dg-mfg",          "Dongguan manufacturing",                        "东莞制造",                        R::Industry, "gba-hub",     "CN-GD", "Dongguan",          "MFG", 23.02,  113.75,  10000,  40,  8,   "ascend-910b:256",                   1.15, 1.37, 0.25, 200},
{"sz-tel",          "Shenzhen telecommunications",                   "深圳通信",                        R::Industry, "gba-hub",     "CN-GD", "Shenzhen",          "TEL", 22.55,  113.94,  14000,  56,  15,  "ascend-910b:512",                   1.20, 1.38, 0.22, 400},
{"cd-health",       "Chengdu healthcare (West China)",               "成都医疗（华西）",                 R::Industry, "cy-hub",      "CN-SC", "Chengdu",           "MED", 30.64,  104.06,  8000,   32,  8,   "ascend-910b:256 hygon-dcu:128",     0.95, 1.30, 0.60, 200},
{"cq-mfg",          "Chongqing manufacturing (automotive)",          "重庆制造（汽车）",                 R::Industry, "cy-hub",      "CN-CQ", "Chongqing",         "MFG", 29.56,  106.55,  12000,  48,  10,  "ascend-910b:384",                   0.95, 1.30, 0.50, 200},
{"xa-research",     "Xi'an research",                                "西安科研",                        R::Industry, "gansu-hub",   "CN-SN", "Xi'an",             "RES", 34.34,  108.94,  20000,  80,  20,  "ascend-910b:768 hygon-dcu:256",     0.95, 1.30, 0.35, 200},
{"karamay-energy",  "Karamay energy (oil field)",                    "克拉玛依能源（油田）",              R::Industry, "gansu-hub",   "CN-XJ", "Karamay",           "ENE", 45.58,  84.89,   12000,  48,  20,  "ascend-910b:512 hygon-dcu:256",     0.72, 1.18, 0.55, 100},
{"ordos-energy",    "Ordos energy",                                  "鄂尔多斯能源",                    R::Industry, "nm-hub",      "CN-NM", "Ordos",             "ENE", 39.61,  109.78,  16000,  64,  20,  "ascend-910b:512",                   0.75, 1.20, 0.60, 200},
{"gy-gov",          "Guiyang government big data",                   "贵阳政务大数据",                   R::Industry, "guizhou-hub", "CN-GZ", "Guiyang",           "GOV", 26.58,  106.71,  8000,   32,  10,  "ascend-910b:256",                   0.85, 1.22, 0.55, 200},
{"ningdong-energy", "Ningdong energy base",                          "宁东能源基地",                    R::Industry, "ningxia-hub", "CN-NX", "Lingwu (Ningdong)", "ENE", 38.10,  106.60,  10000,  40,  12,  "ascend-910b:256",                   0.75, 1.18, 0.65, 100},
};

// Backbone links between hub regions besides each hub's link to the national node: the
// east-west trunks of the national integrated computing network.
struct MeshRow
{
    const char *a;
    const char *b;
    double capacityGbps;
};
const MeshRow kHubMesh[] = {
    {"bth-hub", "yrd-hub", 1600},   {"bth-hub", "gba-hub", 1200},     {"yrd-hub", "gba-hub", 1600},
    {"bth-hub", "nm-hub", 800},     {"bth-hub", "ningxia-hub", 400},  {"nm-hub", "ningxia-hub", 400},
    {"yrd-hub", "cy-hub", 800},     {"yrd-hub", "guizhou-hub", 800},  {"gba-hub", "guizhou-hub", 800},
    {"gba-hub", "cy-hub", 800},     {"cy-hub", "guizhou-hub", 800},   {"cy-hub", "gansu-hub", 400},
    {"gansu-hub", "ningxia-hub", 400},
};
// clang-format on

QList<AcceleratorPool> parsePools(const char *spec)
{
    QList<AcceleratorPool> pools;
    const auto items = QString::fromLatin1(spec).split(u' ', Qt::SkipEmptyParts);
    for (const auto &item : items) {
        const auto parts = item.split(u':');
        pools.append({parts.value(0), parts.value(1).toInt()});
    }
    return pools;
}

LinkKind uplinkKind(NodeRole role)
{
    switch (role) {
    case NodeRole::Cluster:
        return LinkKind::Regional;
    case NodeRole::Industry:
        return LinkKind::Access;
    default:
        return LinkKind::Backbone;
    }
}

// The Chinese names of the scenario's cities (the directory's cityZh).
QString cityZh(const QString &city)
{
    using namespace Qt::StringLiterals;
    static const QHash<QString, QString> names{
        {u"Beijing"_s, u"北京"_s},          {u"Shanghai"_s, u"上海"_s},      {u"Guangzhou"_s, u"广州"_s},
        {u"Chengdu"_s, u"成都"_s},          {u"Hohhot"_s, u"呼和浩特"_s},    {u"Guiyang"_s, u"贵阳"_s},
        {u"Lanzhou"_s, u"兰州"_s},          {u"Yinchuan"_s, u"银川"_s},      {u"Zhangjiakou"_s, u"张家口"_s},
        {u"Qingpu"_s, u"青浦"_s},           {u"Wuhu"_s, u"芜湖"_s},          {u"Shaoguan"_s, u"韶关"_s},
        {u"Chengdu (Tianfu)"_s, u"成都（天府）"_s}, {u"Chongqing"_s, u"重庆"_s}, {u"Horinger"_s, u"和林格尔"_s},
        {u"Gui'an"_s, u"贵安"_s},           {u"Qingyang"_s, u"庆阳"_s},      {u"Zhongwei"_s, u"中卫"_s},
        {u"Shenzhen"_s, u"深圳"_s},         {u"Tianjin"_s, u"天津"_s},       {u"Qingdao"_s, u"青岛"_s},
        {u"Harbin"_s, u"哈尔滨"_s},         {u"Hefei"_s, u"合肥"_s},         {u"Suzhou"_s, u"苏州"_s},
        {u"Hangzhou"_s, u"杭州"_s},         {u"Nanjing"_s, u"南京"_s},       {u"Wuhan"_s, u"武汉"_s},
        {u"Dongguan"_s, u"东莞"_s},         {u"Xi'an"_s, u"西安"_s},         {u"Karamay"_s, u"克拉玛依"_s},
        {u"Ordos"_s, u"鄂尔多斯"_s},        {u"Lingwu (Ningdong)"_s, u"灵武（宁东）"_s},
    };
    return names.value(city);
}

} // namespace

Scenario ScenarioBuilder::defaultNetwork()
{
    ComputeIdAllocator ids;
    QList<Node> nodes;
    QList<double> uplinks;
    for (const auto &row : kNodes) {
        Node n;
        n.id = QString::fromLatin1(row.id);
        n.name = QString::fromUtf8(row.name);
        n.nameZh = QString::fromUtf8(row.nameZh);
        n.role = row.role;
        n.tier = tierOf(row.role);
        n.parentId = QString::fromLatin1(row.parent);
        n.province = QString::fromLatin1(row.province);
        n.city = QString::fromUtf8(row.city);
        n.cityZh = cityZh(n.city);
        n.sector = QString::fromLatin1(row.sector);
        n.computeId = ids.next(n.tier, n.province, n.sector);
        n.lat = row.lat;
        n.lon = row.lon;
        n.capacity = {row.cpuCores, row.memoryTiB, row.storagePB, parsePools(row.accelerators)};
        n.prices = prices(n.capacity.accelerators, row.priceFactor);
        n.pue = row.pue;
        n.greenShare = row.greenShare;
        nodes.append(n);
        uplinks.append(row.uplinkGbps);
    }

    QHash<QString, int> index;
    for (int i = 0; i < nodes.size(); ++i)
        index.insert(nodes[i].id, i);
    QList<Link> links;
    for (int i = 0; i < nodes.size(); ++i) {
        const Node &n = nodes[i];
        if (!n.parentId.isEmpty())
            links.append(makeLink(nodes[index.value(n.parentId)], n, uplinkKind(n.role), uplinks[i]));
    }
    for (const auto &row : kHubMesh) {
        links.append(makeLink(nodes[index.value(QString::fromLatin1(row.a))],
                              nodes[index.value(QString::fromLatin1(row.b))], LinkKind::Backbone, row.capacityGbps));
    }
    return Scenario(std::move(nodes), std::move(links));
}

} // namespace cpn::sim
