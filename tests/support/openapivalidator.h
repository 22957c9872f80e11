#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// Checks HTTP answers against an OpenAPI 3.0 document (docs/openapi.yaml, turned into JSON at build
// time): the status must be documented for the operation, the Content-Type one of its media types,
// required headers present, and the body must match the schema. Schemas support $ref, type with
// nullable, required, properties, additionalProperties, enum, items, min/max (items, length,
// properties, value, exclusiveMinimum in the 3.0 boolean form), pattern, the int64 and uri formats,
// allOf, oneOf and anyOf. Each mismatch names the JSON pointer of the offending value.
class OpenApiValidator
{
public:
    struct Operation
    {
        QString path;   // as documented, e.g. /api/v1/jobs/{id}
        QString method; // upper case
        QString operationId;
        QList<int> statuses;
        QStringList scopes; // of the bearer security requirement
    };

    struct Response
    {
        int status = 0;
        QByteArray contentType;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
    };

    explicit OpenApiValidator(const QJsonObject &document);

    QList<Operation> operations() const;
    // Every mismatch between the answer and the documented response of path, method and its status.
    QStringList validateResponse(const QString &path, const QString &method, const Response &response) const;
    // Every way a JSON request body breaks the documented requestBody of path and method.
    QStringList validateRequestBody(const QString &path, const QString &method, const QByteArray &body) const;
    // Every mismatch between value and schema; pointer is where value sits in its document.
    QStringList validate(const QJsonValue &value, const QJsonObject &schema,
                         const QString &pointer = {}) const;

    // Off by default, as in JSON Schema. On: an object property a type: object schema does not list,
    // where it states no additionalProperties, is a mismatch too (the server sends an undocumented field).
    void setUndocumentedPropertiesAreErrors(bool on) { m_strictProperties = on; }

    static QString pointerChild(const QString &pointer, const QString &token);

private:
    QJsonObject resolve(const QJsonObject &maybeRef) const;
    QJsonObject operationObject(const QString &path, const QString &method) const;
    void check(const QJsonValue &value, const QJsonObject &schema, const QString &pointer,
               QStringList &errors) const;
    void checkObject(const QJsonObject &object, const QJsonObject &schema, const QString &pointer,
                     QStringList &errors) const;
    void checkNumber(double number, const QJsonObject &schema, const QString &pointer,
                     QStringList &errors) const;
    void checkString(const QString &text, const QJsonObject &schema, const QString &pointer,
                     QStringList &errors) const;

    QJsonObject m_document;
    bool m_strictProperties = false;
};
