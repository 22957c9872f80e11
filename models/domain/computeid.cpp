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

std::optional<Parts> parse(const QString &id, QString *error)
{
    static const QRegularExpression pattern(
        QStringLiteral("^CPN-([NRI])(\\d{2})-([A-Z]{3})-(\\d{5})-([0-9A-Z])$"));
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const auto m = pattern.match(id);
    if (!m.hasMatch())
        return fail(QStringLiteral("not of the form CPN-<T><PP>-<SSS>-<NNNNN>-<C>"));

    Parts parts;
    const QChar tier = m.captured(1).at(0);
    parts.tier = tier == u'N' ? NodeTier::National : tier == u'R' ? NodeTier::Regional : NodeTier::Industry;
    parts.provinceCode = m.captured(2).toInt();
    parts.sector = m.captured(3);
    parts.serial = m.captured(4).toInt();
    if (!provinceByGbCode(parts.provinceCode))
        return fail(QStringLiteral("unknown province code %1").arg(m.captured(2)));
    const bool knownSector = std::any_of(sectors().cbegin(), sectors().cend(),
                                         [&](const auto &s) { return s.first == parts.sector; });
    if (!knownSector)
        return fail(QStringLiteral("unknown sector %1").arg(parts.sector));
    if (parts.serial == 0)
        return fail(QStringLiteral("serial 00000 is reserved"));
    if (checkCharacter(payloadOf(parts)) != m.captured(5).at(0))
        return fail(QStringLiteral("check character does not match"));
    return parts;
}

} // namespace cpn::computeid
