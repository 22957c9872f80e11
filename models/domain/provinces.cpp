#include "domain/provinces.h"

#include <QLocale>

namespace cpn {

const QList<Province> &provinces()
{
    static const QList<Province> all{
        {"CN-BJ", 11, "Beijing", "北京"},       {"CN-TJ", 12, "Tianjin", "天津"},
        {"CN-HE", 13, "Hebei", "河北"},         {"CN-SX", 14, "Shanxi", "山西"},
        {"CN-NM", 15, "Inner Mongolia", "内蒙古"}, {"CN-LN", 21, "Liaoning", "辽宁"},
        {"CN-JL", 22, "Jilin", "吉林"},         {"CN-HL", 23, "Heilongjiang", "黑龙江"},
        {"CN-SH", 31, "Shanghai", "上海"},      {"CN-JS", 32, "Jiangsu", "江苏"},
        {"CN-ZJ", 33, "Zhejiang", "浙江"},      {"CN-AH", 34, "Anhui", "安徽"},
        {"CN-FJ", 35, "Fujian", "福建"},        {"CN-JX", 36, "Jiangxi", "江西"},
        {"CN-SD", 37, "Shandong", "山东"},      {"CN-HA", 41, "Henan", "河南"},
        {"CN-HB", 42, "Hubei", "湖北"},         {"CN-HN", 43, "Hunan", "湖南"},
        {"CN-GD", 44, "Guangdong", "广东"},     {"CN-GX", 45, "Guangxi", "广西"},
        {"CN-HI", 46, "Hainan", "海南"},        {"CN-CQ", 50, "Chongqing", "重庆"},
        {"CN-SC", 51, "Sichuan", "四川"},       {"CN-GZ", 52, "Guizhou", "贵州"},
        {"CN-YN", 53, "Yunnan", "云南"},        {"CN-XZ", 54, "Xizang", "西藏"},
        {"CN-SN", 61, "Shaanxi", "陕西"},       {"CN-GS", 62, "Gansu", "甘肃"},
        {"CN-QH", 63, "Qinghai", "青海"},       {"CN-NX", 64, "Ningxia", "宁夏"},
        {"CN-XJ", 65, "Xinjiang", "新疆"},      {"CN-TW", 71, "Taiwan", "台湾"},
        {"CN-HK", 81, "Hong Kong", "香港"},     {"CN-MO", 82, "Macao", "澳门"},
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
