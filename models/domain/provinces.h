#pragma once

#include <QList>
#include <QString>

namespace cpn {

// China's 34 provincial-level divisions: ISO 3166-2:CN code, GB/T 2260 two-digit prefix and names.
struct Province
{
    const char *isoCode; // "CN-BJ"
    int gbCode;          // 11
    const char *nameEn;
    const char *nameZh; // UTF-8
};

const QList<Province> &provinces();
const Province *provinceByIso(const QString &isoCode);
const Province *provinceByGbCode(int gbCode);

} // namespace cpn
