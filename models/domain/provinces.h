#pragma once

#include <QList>
#include <QString>

namespace cpn {

// China's 34 provincial-level divisions: ISO 3166-2:CN code, GB/T 2260 two-digit prefix, names, and the
// position of the capital (where a province-level location sits).
struct Province
{
    const char *isoCode; // "CN-BJ"
    int gbCode;          // 11
    const char *nameEn;
    const char *nameZh; // UTF-8
    double capitalLat;
    double capitalLon;
};

const QList<Province> &provinces();
const Province *provinceByIso(const QString &isoCode);
const Province *provinceByGbCode(int gbCode);

// Names are shown Chinese first under a Chinese locale (QLocale()), English first otherwise.
bool chineseNamesFirst();
// The province's name in the interface language, and in the other one (for tooltips).
QString provinceDisplayName(const QString &isoCode);
QString provinceAlternateName(const QString &isoCode);
// "English  中文" or "中文  English", whichever the interface language puts first.
QString bilingual(const QString &english, const QString &chinese);

} // namespace cpn
