#pragma once

#include "domain/enums.h"

#include <QString>
#include <optional>

// The computing-power identifier admits a node to the network (docs/node-api.md, "Compute identifier"):
//   CPN-<tier letter><GB/T 2260 province prefix>-<sector>-<5-digit serial>-<check>
//   e.g. CPN-R52-GEN-00007-0
// The check character is ISO/IEC 7064 MOD 37,36 over the alphanumerics after "CPN".
namespace cpn::computeid {

struct Parts
{
    NodeTier tier = NodeTier::Industry;
    int provinceCode = 0; // 11..82
    QString sector;       // three capital letters, see sectors()
    int serial = 0;       // 1..kMaxSerial
};
inline constexpr int kMaxSerial = 99999;

// Sector codes with their English names, e.g. {"FIN", "Finance"}.
const QList<std::pair<QString, QString>> &sectors();

QString make(const Parts &parts);

// Why an identifier is not valid, in parts a user can act on (the console explains a typo with it).
struct Diagnosis
{
    enum class Problem { None, Form, Province, Sector, Serial, CheckCharacter };
    Problem problem = Problem::None;
    QString part;        // the offending part as typed: "99", "XYZ", "00000", the check character
    QChar expectedCheck; // CheckCharacter: what the other characters call for
};
Diagnosis diagnose(const QString &id);
// Whether b is a one-keystroke slip of a: one character replaced, or two neighbours swapped.
bool oneTypoApart(QStringView a, QStringView b);
std::optional<Parts> parse(const QString &id, QString *error = nullptr);
inline bool isValid(const QString &id, QString *error = nullptr) { return parse(id, error).has_value(); }
QChar checkCharacter(QStringView payload);

} // namespace cpn::computeid
