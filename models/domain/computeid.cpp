#include "domain/computeid.h"

#include "domain/provinces.h"

#include <QRegularExpression>

namespace cpn::computeid {
namespace {

constexpr int kModulus = 36;

int alnumValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'A' && c <= u'Z')
        return c.unicode() - u'A' + 10;
    return -1;
}

QChar alnumChar(int value)
{
    return value < 10 ? QChar(u'0' + value) : QChar(u'A' + value - 10);
}

QChar tierLetter(NodeTier tier)
{
    switch (tier) {
    case NodeTier::National:
        return u'N';
    case NodeTier::Regional:
        return u'R';
    case NodeTier::Industry:
        return u'I';
    }
    return u'?';
}

QString payloadOf(const Parts &p)
{
    return QString(tierLetter(p.tier)) + QString::number(p.provinceCode).rightJustified(2, u'0') + p.sector +
           QString::number(p.serial).rightJustified(5, u'0');
}

} // namespace

const QList<std::pair<QString, QString>> &sectors()
{
    static const QList<std::pair<QString, QString>> all{
        {QStringLiteral("GEN"), QStringLiteral("Public computing")},
        {QStringLiteral("FIN"), QStringLiteral("Finance")},
        {QStringLiteral("MED"), QStringLiteral("Healthcare")},
        {QStringLiteral("MFG"), QStringLiteral("Manufacturing")},
        {QStringLiteral("ENE"), QStringLiteral("Energy")},
        {QStringLiteral("TRN"), QStringLiteral("Transport")},
        {QStringLiteral("RES"), QStringLiteral("Research")},
        {QStringLiteral("GOV"), QStringLiteral("Government")},
        {QStringLiteral("EDU"), QStringLiteral("Education")},
        {QStringLiteral("TEL"), QStringLiteral("Telecommunications")},
    };
    return all;
}

QChar checkCharacter(QStringView payload)
{
    // ISO/IEC 7064 MOD 37,36 (hybrid system), as used by ISO 6346-like registries.
    int p = kModulus;
    for (QChar c : payload) {
        const int v = alnumValue(c);
        if (v < 0)
            continue;
        int s = (p + v) % kModulus;
        if (s == 0)
            s = kModulus;
        p = (2 * s) % (kModulus + 1);
    }
    return alnumChar((kModulus + 1 - p) % kModulus);
}

QString make(const Parts &parts)
{
    const QString payload = payloadOf(parts);
    return QStringLiteral("CPN-%1-%2-%3-%4")
        .arg(payload.left(3), parts.sector, payload.right(5), QString(checkCharacter(payload)));
}

Diagnosis diagnose(const QString &id)
{
    static const QRegularExpression pattern(
        QStringLiteral("^CPN-([NRI])(\\d{2})-([A-Z]{3})-(\\d{5})-([0-9A-Z])$"));
    const auto m = pattern.match(id);
    if (!m.hasMatch())
        return {Diagnosis::Problem::Form, id, {}};
    Parts parts;
    const QChar tier = m.captured(1).at(0);
    parts.tier = tier == u'N' ? NodeTier::National : tier == u'R' ? NodeTier::Regional : NodeTier::Industry;
    parts.provinceCode = m.captured(2).toInt();
    parts.sector = m.captured(3);
    parts.serial = m.captured(4).toInt();
    if (!provinceByGbCode(parts.provinceCode))
        return {Diagnosis::Problem::Province, m.captured(2), {}};
    const bool knownSector = std::any_of(sectors().cbegin(), sectors().cend(),
                                         [&](const auto &s) { return s.first == parts.sector; });
    if (!knownSector)
        return {Diagnosis::Problem::Sector, parts.sector, {}};
    if (parts.serial == 0)
        return {Diagnosis::Problem::Serial, m.captured(4), {}};
    const QChar expected = checkCharacter(payloadOf(parts));
    if (expected != m.captured(5).at(0))
        return {Diagnosis::Problem::CheckCharacter, m.captured(5), expected};
    return {};
}

bool oneTypoApart(QStringView a, QStringView b)
{
    if (a.size() != b.size() || a == b)
        return false;
    QList<qsizetype> differ;
    for (qsizetype i = 0; i < a.size() && differ.size() <= 2; ++i) {
        if (a[i] != b[i])
            differ.append(i);
    }
    if (differ.size() == 1)
        return true;
    return differ.size() == 2 && differ[1] == differ[0] + 1 && a[differ[0]] == b[differ[1]] &&
           a[differ[1]] == b[differ[0]];
}

std::optional<Parts> parse(const QString &id, QString *error)
{
    const Diagnosis d = diagnose(id);
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    switch (d.problem) {
    case Diagnosis::Problem::None:
        break;
    case Diagnosis::Problem::Form:
        return fail(QStringLiteral("not of the form CPN-<T><PP>-<SSS>-<NNNNN>-<C>"));
    case Diagnosis::Problem::Province:
        return fail(QStringLiteral("unknown province code %1").arg(d.part));
    case Diagnosis::Problem::Sector:
        return fail(QStringLiteral("unknown sector %1").arg(d.part));
    case Diagnosis::Problem::Serial:
        return fail(QStringLiteral("serial 00000 is reserved"));
    case Diagnosis::Problem::CheckCharacter:
        return fail(QStringLiteral("check character does not match"));
    }
    Parts parts;
    const QChar tier = id.at(4);
    parts.tier = tier == u'N' ? NodeTier::National : tier == u'R' ? NodeTier::Regional : NodeTier::Industry;
    parts.provinceCode = id.mid(5, 2).toInt();
    parts.sector = id.mid(8, 3);
    parts.serial = id.mid(12, 5).toInt();
    return parts;
}

} // namespace cpn::computeid
