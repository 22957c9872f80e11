#pragma once

#include <QString>

namespace cpn {

// An RFC 7807 problem detail (application/problem+json).
struct Problem
{
    QString type = QStringLiteral("about:blank");
    QString title;
    int status = 0;
    QString detail;
    QString instance;
};

} // namespace cpn
