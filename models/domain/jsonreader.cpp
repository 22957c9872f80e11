#include "domain/jsonreader.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace cpn {

JsonReader::Scope::Scope(JsonReader &reader, const QString &segment) : m_reader(reader)
{
    m_reader.m_path.append(segment);
}

JsonReader::Scope::~Scope() { m_reader.m_path.removeLast(); }

QString withoutControlCharacters(QString text)
{
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n') || (u >= 0x7f && u <= 0x9f))
            c = QChar::ReplacementCharacter;
    }
    return text;
}

QString JsonReader::path(const QString &key) const
{
    QString p;
    for (const QString &segment : m_path) {
        if (!p.isEmpty() && !segment.startsWith(u'['))
            p += u'.';
        p += segment;
    }
    if (!key.isEmpty()) {
        if (!p.isEmpty())
            p += u'.';
        p += key;
    }
    return p.isEmpty() ? QStringLiteral("(body)") : p;
}

void JsonReader::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = path() + QStringLiteral(": ") + message;
}

void JsonReader::failAt(const QString &key, const QString &message)
{
    if (m_error.isEmpty())
        m_error = path(key) + QStringLiteral(": ") + message;
}

QString JsonReader::string(const QJsonObject &o, const QString &key, int maxLength)
{
    if (!ok())
        return {};
    const auto v = o.value(key);
    if (v.isUndefined()) {
        failAt(key, QStringLiteral("missing"));
        return {};
    }
    if (!v.isString()) {
        failAt(key, QStringLiteral("expected a string"));
        return {};
    }
    QString s = v.toString();
    if (s.size() > maxLength) {
        failAt(key, QStringLiteral("longer than %1 characters").arg(maxLength));
        return {};
    }
    return withoutControlCharacters(std::move(s));
}

QString JsonReader::optionalString(const QJsonObject &o, const QString &key, int maxLength)
{
    const auto v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    return string(o, key, maxLength);
}

bool JsonReader::isIdentifier(const QString &s)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    return pattern.match(s).hasMatch();
}

QString JsonReader::identifier(const QJsonObject &o, const QString &key)
{
    const QString s = string(o, key, 64);
    if (ok() && !isIdentifier(s)) {
        failAt(key, QStringLiteral("not an identifier ([a-z0-9][a-z0-9._-]{0,63})"));
        return {};
    }
    return s;
}

QString JsonReader::optionalIdentifier(const QJsonObject &o, const QString &key)
{
    const auto v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    return identifier(o, key);
}

double JsonReader::number(const QJsonObject &o, const QString &key, double min, double max)
{
    if (!ok())
        return min;
    const auto v = o.value(key);
    if (v.isUndefined()) {
        failAt(key, QStringLiteral("missing"));
        return min;
    }
    if (!v.isDouble()) {
        failAt(key, QStringLiteral("expected a number"));
        return min;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < min || d > max) {
        failAt(key, QStringLiteral("expected a number in [%1, %2]").arg(min).arg(max));
        return min;
    }
    return d;
}

double JsonReader::optionalNumber(const QJsonObject &o, const QString &key, double min, double max,
                                  double fallback)
{
    const auto v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    return number(o, key, min, max);
}

qint64 JsonReader::integer(const QJsonObject &o, const QString &key, qint64 min, qint64 max)
{
    const double d = number(o, key, double(min), double(max));
    if (ok() && d != std::floor(d)) {
        failAt(key, QStringLiteral("expected a whole number"));
        return min;
    }
    // double(max) may round up past qint64's range, and casting beyond it is undefined.
    if (d >= 0x1p63)
        return max;
    return d < -0x1p63 ? min : qint64(d);
}

qint64 JsonReader::optionalInteger(const QJsonObject &o, const QString &key, qint64 min, qint64 max,
                                   qint64 fallback)
{
    const auto v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    return integer(o, key, min, max);
}

bool JsonReader::boolean(const QJsonObject &o, const QString &key, bool fallback)
{
    const auto v = o.value(key);
    if (v.isUndefined() || v.isNull() || !ok())
        return fallback;
    if (!v.isBool()) {
        failAt(key, QStringLiteral("expected true or false"));
        return fallback;
    }
    return v.toBool();
}

QJsonObject JsonReader::object(const QJsonObject &o, const QString &key)
{
    if (!ok())
        return {};
    const auto v = o.value(key);
    if (!v.isObject()) {
        failAt(key, v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("expected an object"));
        return {};
    }
    return v.toObject();
}

QJsonArray JsonReader::array(const QJsonObject &o, const QString &key, int maxCount)
{
    if (!ok())
        return {};
    const auto v = o.value(key);
    if (!v.isArray()) {
        failAt(key, v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("expected an array"));
        return {};
    }
    QJsonArray a = v.toArray();
    if (a.size() > maxCount) {
        failAt(key, QStringLiteral("more than %1 elements").arg(maxCount));
        return {};
    }
    return a;
}

QJsonObject JsonReader::element(const QJsonArray &a, int index)
{
    if (!ok())
        return {};
    const auto v = a.at(index);
    if (!v.isObject()) {
        fail(QStringLiteral("[%1]: expected an object").arg(index));
        return {};
    }
    return v.toObject();
}

QString JsonReader::oneOf(const QJsonObject &o, const QString &key, const QStringList &allowed)
{
    const QString s = string(o, key, 64);
    if (ok() && !allowed.contains(s)) {
        failAt(key, QStringLiteral("expected one of %1").arg(allowed.join(QStringLiteral(", "))));
        return {};
    }
    return s;
}

std::optional<QJsonObject> parseObject(const QByteArray &body, qsizetype maxBytes, QString *error)
{
    if (body.size() > maxBytes) {
        *error = QStringLiteral("body of %1 bytes exceeds the limit of %2").arg(body.size()).arg(maxBytes);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("malformed JSON at offset %1: %2")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("expected a JSON object at the top level");
        return std::nullopt;
    }
    return doc.object();
}

} // namespace cpn
