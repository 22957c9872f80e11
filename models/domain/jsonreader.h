#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace cpn {

// Reads untrusted JSON field by field. The first violation is kept with its path
// ("nodes[3].lat: expected a number in [-90, 90]"); after that every read returns a default,
// so parsers can read straight through and check ok() once at the end.
class JsonReader
{
public:
    struct Scope
    {
        Scope(JsonReader &reader, const QString &segment);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        JsonReader &m_reader;
    };

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    void fail(const QString &message);
    void failAt(const QString &key, const QString &message);

    // Required fields fail when absent; optional ones return the fallback.
    QString string(const QJsonObject &o, const QString &key, int maxLength = 256);
    QString optionalString(const QJsonObject &o, const QString &key, int maxLength = 256);
    // A string that must match [a-z0-9][a-z0-9._-]{0,63} (ids and slugs).
    QString identifier(const QJsonObject &o, const QString &key);
    QString optionalIdentifier(const QJsonObject &o, const QString &key);
    double number(const QJsonObject &o, const QString &key, double min, double max);
    double optionalNumber(const QJsonObject &o, const QString &key, double min, double max, double fallback);
    qint64 integer(const QJsonObject &o, const QString &key, qint64 min, qint64 max);
    qint64 optionalInteger(const QJsonObject &o, const QString &key, qint64 min, qint64 max, qint64 fallback);
    bool boolean(const QJsonObject &o, const QString &key, bool fallback);
    QJsonObject object(const QJsonObject &o, const QString &key);
    QJsonArray array(const QJsonObject &o, const QString &key, int maxCount);
    QJsonObject element(const QJsonArray &a, int index); // the element must be an object
    // One of the given names (an enum's wire names).
    QString oneOf(const QJsonObject &o, const QString &key, const QStringList &allowed);

    static bool isIdentifier(const QString &s);

private:
    QString path(const QString &key = {}) const;
    QStringList m_path;
    QString m_error;
};

// Text from the other side of the protocol as it may be shown, logged or stored: every control character
// but tab and newline (C0, DEL, C1: an ESC sequence would drive an operator's terminal, a NUL cut a
// C string) becomes U+FFFD. JsonReader's strings are made so; servers pass echoed input through it.
// An enum's names on the wire, in its order (a table of C strings the enum indexes).
template <size_t N> QStringList wireNamesOf(const char *const (&names)[N])
{
    QStringList list;
    list.reserve(qsizetype(N));
    for (const char *n : names)
        list.append(QLatin1String(n));
    return list;
}

QString withoutControlCharacters(QString text);

// Parses a whole body: size cap, syntax, and a top-level object.
std::optional<QJsonObject> parseObject(const QByteArray &body, qsizetype maxBytes, QString *error);

} // namespace cpn
