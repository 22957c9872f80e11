#include "domain/provinces.h"

#include <QLocale>

namespace cpn {

const QList<Province> &provinces()
{
    static const QList<Province> all{
        {"CN-BJ", 11, "Beijing", "北京", 39.90, 116.40},
        {"CN-TJ", 12, "Tianjin", "天津", 39.13, 117.20},
        {"CN-HE", 13, "Hebei", "河北", 38.04, 114.51},
        {"CN-SX", 14, "Shanxi", "山西", 37.87, 112.55},
        {"CN-NM", 15, "Inner Mongolia", "内蒙古", 40.84, 111.75},
        {"CN-LN", 21, "Liaoning", "辽宁", 41.80, 123.43},
        {"CN-JL", 22, "Jilin", "吉林", 43.88, 125.32},
        {"CN-HL", 23, "Heilongjiang", "黑龙江", 45.80, 126.53},
        {"CN-SH", 31, "Shanghai", "上海", 31.23, 121.47},
        {"CN-JS", 32, "Jiangsu", "江苏", 32.06, 118.80},
        {"CN-ZJ", 33, "Zhejiang", "浙江", 30.27, 120.15},
        {"CN-AH", 34, "Anhui", "安徽", 31.82, 117.23},
        {"CN-FJ", 35, "Fujian", "福建", 26.07, 119.30},
        {"CN-JX", 36, "Jiangxi", "江西", 28.68, 115.86},
        {"CN-SD", 37, "Shandong", "山东", 36.65, 117.12},
        {"CN-HA", 41, "Henan", "河南", 34.75, 113.63},
        {"CN-HB", 42, "Hubei", "湖北", 30.59, 114.31},
        {"CN-HN", 43, "Hunan", "湖南", 28.23, 112.94},
        {"CN-GD", 44, "Guangdong", "广东", 23.13, 113.26},
        {"CN-GX", 45, "Guangxi", "广西", 22.82, 108.37},
        {"CN-HI", 46, "Hainan", "海南", 20.04, 110.20},
        {"CN-CQ", 50, "Chongqing", "重庆", 29.56, 106.55},
        {"CN-SC", 51, "Sichuan", "四川", 30.57, 104.07},
        {"CN-GZ", 52, "Guizhou", "贵州", 26.65, 106.63},
        {"CN-YN", 53, "Yunnan", "云南", 25.04, 102.71},
        {"CN-XZ", 54, "Xizang", "西藏", 29.65, 91.13},
        {"CN-SN", 61, "Shaanxi", "陕西", 34.34, 108.94},
        {"CN-GS", 62, "Gansu", "甘肃", 36.06, 103.83},
        {"CN-QH", 63, "Qinghai", "青海", 36.62, 101.78},
        {"CN-NX", 64, "Ningxia", "宁夏", 38.49, 106.23},
        {"CN-XJ", 65, "Xinjiang", "新疆", 43.83, 87.62},
        {"CN-TW", 71, "Taiwan", "台湾", 25.03, 121.57},
        {"CN-HK", 81, "Hong Kong", "香港", 22.32, 114.17},
        {"CN-MO", 82, "Macao", "澳门", 22.20, 113.55},
    };
    return all;
}

const Province *provinceByIso(const QString &isoCode)
{
    for (const auto &p : provinces()) {
        if (isoCode == QLatin1String(p.isoCode))
            return &p;
    }
    return nullptr;
}

const Province *provinceByGbCode(int gbCode)
{
    for (const auto &p : provinces()) {
        if (p.gbCode == gbCode)
            return &p;
    }
    return nullptr;
}

bool chineseNamesFirst() { return QLocale().language() == QLocale::Chinese; }

QString provinceDisplayName(const QString &isoCode)
{
    const Province *p = provinceByIso(isoCode);
    if (!p)
        return isoCode;
    return QString::fromUtf8(chineseNamesFirst() ? p->nameZh : p->nameEn);
}

QString provinceAlternateName(const QString &isoCode)
{
    const Province *p = provinceByIso(isoCode);
    if (!p)
        return {};
    return QString::fromUtf8(chineseNamesFirst() ? p->nameEn : p->nameZh);
}

QString bilingual(const QString &english, const QString &chinese)
{
    if (chinese.isEmpty())
        return english;
    if (english.isEmpty())
        return chinese;
    return chineseNamesFirst() ? QStringLiteral("%1  %2").arg(chinese, english)
                               : QStringLiteral("%1  %2").arg(english, chinese);
}

} // namespace cpn
