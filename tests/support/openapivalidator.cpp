#include "openapivalidator.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace {

const QStringList kMethods{QStringLiteral("get"),    QStringLiteral("put"),     QStringLiteral("post"),
                           QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"),
                           QStringLiteral("patch"),  QStringLiteral("trace")};

QString typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("undefined");
    }
}

bool isWhole(double number)
{
    return std::isfinite(number) && std::trunc(number) == number;
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == u"integer")
        return value.isDouble() && isWhole(value.toDouble());
    return typeOf(value) == type;
}

QString shown(const QJsonValue &value)
{
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    const QString inner = QString::fromUtf8(json.mid(1, json.size() - 2));
    return inner.size() > 80 ? inner.left(77) + QStringLiteral("...") : inner;
}

QString at(const QString &pointer)
{
    return QStringLiteral("#") + pointer;
}

// A header value checked against its schema, which describes a string or an integer.
QJsonValue headerValue(const QByteArray &raw, const QJsonObject &schema)
{
    if (schema.value(u"type").toString() == u"integer") {
        bool ok = false;
        const qlonglong number = raw.trimmed().toLongLong(&ok);
        return ok ? QJsonValue(number) : QJsonValue(QString::fromLatin1(raw));
    }
    return QString::fromLatin1(raw);
}

} // namespace

OpenApiValidator::OpenApiValidator(const QJsonObject &document) : m_document(document) {}

QString OpenApiValidator::pointerChild(const QString &pointer, const QString &token)
{
    QString escaped = token;
    escaped.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
    return pointer + u'/' + escaped;
}

QList<OpenApiValidator::Operation> OpenApiValidator::operations() const
{
    QList<Operation> result;
    const QJsonObject paths = m_document.value(u"paths").toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (const QString &method : kMethods) {
            if (!item.contains(method))
                continue;
            const QJsonObject operation = item.value(method).toObject();
            Operation o;
            o.path = path.key();
            o.method = method.toUpper();
            o.operationId = operation.value(u"operationId").toString();
            const QJsonObject responses = operation.value(u"responses").toObject();
            for (auto r = responses.begin(); r != responses.end(); ++r)
                o.statuses.append(r.key().toInt());
            for (const auto &requirement : operation.value(u"security").toArray()) {
                for (const auto &scope : requirement.toObject().value(u"bearer").toArray())
                    o.scopes.append(scope.toString());
            }
            result.append(o);
        }
    }
    return result;
}

QJsonObject OpenApiValidator::resolve(const QJsonObject &maybeRef) const
{
    QJsonObject object = maybeRef;
    for (int depth = 0; object.contains(u"$ref") && depth < 16; ++depth) {
        const QString ref = object.value(u"$ref").toString();
        if (!ref.startsWith(u"#/"))
            return {};
        QJsonValue target = m_document;
        for (QString token : ref.mid(2).split(u'/')) {
            token.replace(QStringLiteral("~1"), QStringLiteral("/"))
                .replace(QStringLiteral("~0"), QStringLiteral("~"));
            target = target.toObject().value(token);
        }
        object = target.toObject();
    }
    return object;
}

QJsonObject OpenApiValidator::operationObject(const QString &path, const QString &method) const
{
    return m_document.value(u"paths").toObject().value(path).toObject().value(method.toLower()).toObject();
}

QStringList OpenApiValidator::validateResponse(const QString &path, const QString &method,
                                               const Response &response) const
{
    const QString where = QStringLiteral("%1 %2 -> %3").arg(method, path).arg(response.status);
    const QJsonObject operation = operationObject(path, method);
    if (operation.isEmpty())
        return {QStringLiteral("%1: %2 %3 is not documented").arg(where, method, path)};
    const QJsonObject responses = operation.value(u"responses").toObject();
    const QString status = QString::number(response.status);
    if (!responses.contains(status))
        return {QStringLiteral("%1: status %2 is not documented for this operation").arg(where, status)};
    const QJsonObject documented = resolve(responses.value(status).toObject());

    QStringList errors;
    const QJsonObject headers = documented.value(u"headers").toObject();
    for (auto h = headers.begin(); h != headers.end(); ++h) {
        const QJsonObject header = resolve(h.value().toObject());
        const QByteArray name = h.key().toLower().toLatin1();
        if (!response.headers.contains(name)) {
            if (header.value(u"required").toBool())
                errors.append(QStringLiteral("%1: header %2 is missing").arg(where, h.key()));
            continue;
        }
        const QJsonObject schema = header.value(u"schema").toObject();
        for (const QString &e : validate(headerValue(response.headers.value(name), schema), schema))
            errors.append(QStringLiteral("%1: header %2%3").arg(where, h.key(), e.mid(1)));
    }

    const QJsonObject content = documented.value(u"content").toObject();
    const QString mediaType =
        QString::fromLatin1(response.contentType.split(';').first().trimmed().toLower());
    if (content.isEmpty()) {
        if (!response.body.isEmpty())
            errors.append(QStringLiteral("%1: a body where none is documented").arg(where));
        return errors;
    }
    if (!content.contains(mediaType)) {
        errors.append(QStringLiteral("%1: Content-Type '%2', documented: %3")
                          .arg(where, mediaType, content.keys().join(QStringLiteral(", "))));
        return errors;
    }
    QJsonValue root;
    if (mediaType == u"application/cbor") {
        // A CBOR body is checked as the JSON value it maps to (RFC 8949, section 6.1).
        QCborParserError cborError;
        const QCborValue cbor = QCborValue::fromCbor(response.body, &cborError);
        if (cborError.error != QCborError::NoError) {
            errors.append(
                QStringLiteral("%1: the body is not CBOR (%2)").arg(where, cborError.errorString()));
            return errors;
        }
        root = cbor.toJsonValue();
    } else {
        QJsonParseError parseError;
        const QJsonDocument body = QJsonDocument::fromJson(response.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            errors.append(
                QStringLiteral("%1: the body is not JSON (%2)").arg(where, parseError.errorString()));
            return errors;
        }
        root = body.isObject() ? QJsonValue(body.object()) : QJsonValue(body.array());
    }
    for (const QString &e : validate(root, content.value(mediaType).toObject().value(u"schema").toObject()))
        errors.append(QStringLiteral("%1: body%2").arg(where, e));
    return errors;
}

QStringList OpenApiValidator::validateRequestBody(const QString &path, const QString &method,
                                                  const QByteArray &body) const
{
    const QJsonObject requestBody = resolve(operationObject(path, method).value(u"requestBody").toObject());
    if (requestBody.isEmpty())
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {QStringLiteral("request: not JSON (%1)").arg(parseError.errorString())};
    const QJsonValue root =
        document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    const QJsonObject schema = requestBody.value(u"content")
                                   .toObject()
                                   .value(u"application/json")
                                   .toObject()
                                   .value(u"schema")
                                   .toObject();
    QStringList errors;
    for (const QString &e : validate(root, schema))
        errors.append(QStringLiteral("request%1").arg(e));
    return errors;
}

QStringList OpenApiValidator::validate(const QJsonValue &value, const QJsonObject &schema,
                                       const QString &pointer) const
{
    QStringList errors;
    check(value, schema, pointer, errors);
    return errors;
}

void OpenApiValidator::check(const QJsonValue &value, const QJsonObject &schemaOrRef, const QString &pointer,
                             QStringList &errors) const
{
    const QJsonObject schema = resolve(schemaOrRef);
    if (schemaOrRef.contains(u"$ref") && schema.isEmpty()) {
        errors.append(
            QStringLiteral("%1: unresolvable %2").arg(at(pointer), schemaOrRef.value(u"$ref").toString()));
        return;
    }
    for (const auto &part : schema.value(u"allOf").toArray())
        check(value, part.toObject(), pointer, errors);
    for (const char *keyword : {"oneOf", "anyOf"}) {
        const QJsonArray options = schema.value(QLatin1String(keyword)).toArray();
        if (options.isEmpty())
            continue;
        int matches = 0;
        for (const auto &option : options)
            matches += validate(value, option.toObject(), pointer).isEmpty() ? 1 : 0;
        if (matches == 0 || (matches > 1 && qstrcmp(keyword, "oneOf") == 0))
            errors.append(QStringLiteral("%1: %2 matches %3 of the %4 schemas of %5")
                              .arg(at(pointer), shown(value))
                              .arg(matches)
                              .arg(options.size())
                              .arg(QLatin1String(keyword)));
    }

    if (value.isNull()) {
        // OpenAPI 3.0: null is allowed only where the schema says nullable.
        if (schema.contains(u"type") && !schema.value(u"nullable").toBool())
            errors.append(QStringLiteral("%1: null where the schema wants a %2 (not nullable)")
                              .arg(at(pointer), schema.value(u"type").toString()));
        return;
    }
    if (schema.contains(u"type")) {
        const QString type = schema.value(u"type").toString();
        if (!hasType(value, type)) {
            errors.append(QStringLiteral("%1: %2 is a %3, the schema wants a %4")
                              .arg(at(pointer), shown(value), typeOf(value), type));
            return;
        }
    }
    if (schema.contains(u"enum") && !schema.value(u"enum").toArray().contains(value))
        errors.append(QStringLiteral("%1: %2 is not one of %3")
                          .arg(at(pointer), shown(value), shown(schema.value(u"enum"))));

    if (value.isObject()) {
        checkObject(value.toObject(), schema, pointer, errors);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (schema.contains(u"maxItems") && array.size() > schema.value(u"maxItems").toInteger())
            errors.append(QStringLiteral("%1: %2 items, at most %3 allowed")
                              .arg(at(pointer))
                              .arg(array.size())
                              .arg(schema.value(u"maxItems").toInteger()));
        if (schema.contains(u"minItems") && array.size() < schema.value(u"minItems").toInteger())
            errors.append(QStringLiteral("%1: %2 items, at least %3 needed")
                              .arg(at(pointer))
                              .arg(array.size())
                              .arg(schema.value(u"minItems").toInteger()));
        const QJsonObject items = schema.value(u"items").toObject();
        if (!items.isEmpty()) {
            for (qsizetype i = 0; i < array.size(); ++i)
                check(array.at(i), items, pointerChild(pointer, QString::number(i)), errors);
        }
    } else if (value.isDouble()) {
        checkNumber(value.toDouble(), schema, pointer, errors);
    } else if (value.isString()) {
        checkString(value.toString(), schema, pointer, errors);
    }
}

void OpenApiValidator::checkObject(const QJsonObject &object, const QJsonObject &schema,
                                   const QString &pointer, QStringList &errors) const
{
    for (const auto &name : schema.value(u"required").toArray()) {
        if (!object.contains(name.toString()))
            errors.append(QStringLiteral("%1: required property missing")
                              .arg(at(pointerChild(pointer, name.toString()))));
    }
    if (schema.contains(u"maxProperties") && object.size() > schema.value(u"maxProperties").toInteger())
        errors.append(QStringLiteral("%1: %2 properties, at most %3 allowed")
                          .arg(at(pointer))
                          .arg(object.size())
                          .arg(schema.value(u"maxProperties").toInteger()));
    const QJsonObject properties = schema.value(u"properties").toObject();
    const QJsonValue additional = schema.value(u"additionalProperties");
    // allOf parts may list properties of their own; those are documented too.
    QSet<QString> documented;
    for (auto p = properties.begin(); p != properties.end(); ++p)
        documented.insert(p.key());
    for (const auto &part : schema.value(u"allOf").toArray()) {
        const QJsonObject partProperties = resolve(part.toObject()).value(u"properties").toObject();
        for (auto p = partProperties.begin(); p != partProperties.end(); ++p)
            documented.insert(p.key());
    }
    // Only a schema that says type: object describes a whole object; an anyOf or oneOf option
    // often lists one property to state a condition on it.
    const bool isObjectSchema = schema.value(u"type").toString() == u"object";
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString child = pointerChild(pointer, it.key());
        if (properties.contains(it.key()))
            check(it.value(), properties.value(it.key()).toObject(), child, errors);
        else if (additional.isObject())
            check(it.value(), additional.toObject(), child, errors);
        else if (additional.isBool() && !additional.toBool())
            errors.append(
                QStringLiteral("%1: property not allowed (additionalProperties: false)").arg(at(child)));
        else if (m_strictProperties && isObjectSchema && additional.isUndefined() &&
                 !documented.contains(it.key()))
            errors.append(QStringLiteral("%1: property not documented").arg(at(child)));
    }
}

void OpenApiValidator::checkNumber(double number, const QJsonObject &schema, const QString &pointer,
                                   QStringList &errors) const
{
    if (!std::isfinite(number)) {
        errors.append(QStringLiteral("%1: not a finite number").arg(at(pointer)));
        return;
    }
    const auto fail = [&](const QString &rule) {
        errors.append(QStringLiteral("%1: %2 %3").arg(at(pointer), QString::number(number, 'g', 17), rule));
    };
    if (schema.contains(u"minimum")) {
        const double minimum = schema.value(u"minimum").toDouble();
        if (schema.value(u"exclusiveMinimum").toBool() ? number <= minimum : number < minimum)
            fail(QStringLiteral("is below the minimum %1%2")
                     .arg(minimum)
                     .arg(schema.value(u"exclusiveMinimum").toBool() ? QStringLiteral(" (exclusive)")
                                                                     : QString()));
    }
    if (schema.contains(u"maximum")) {
        const double maximum = schema.value(u"maximum").toDouble();
        if (schema.value(u"exclusiveMaximum").toBool() ? number >= maximum : number > maximum)
            fail(QStringLiteral("is above the maximum %1").arg(maximum));
    }
    const QString format = schema.value(u"format").toString();
    if (format == u"int64" && (!isWhole(number) || std::fabs(number) > 9007199254740992.0))
        fail(QStringLiteral("is not an exact int64"));
    if (format == u"int32" && (!isWhole(number) || number < -2147483648.0 || number > 2147483647.0))
        fail(QStringLiteral("is not an int32"));
}

void OpenApiValidator::checkString(const QString &text, const QJsonObject &schema, const QString &pointer,
                                   QStringList &errors) const
{
    const auto fail = [&](const QString &rule) {
        errors.append(QStringLiteral("%1: %2 %3").arg(at(pointer), shown(text), rule));
    };
    if (schema.contains(u"maxLength") && text.size() > schema.value(u"maxLength").toInteger())
        fail(QStringLiteral("is longer than %1").arg(schema.value(u"maxLength").toInteger()));
    if (schema.contains(u"minLength") && text.size() < schema.value(u"minLength").toInteger())
        fail(QStringLiteral("is shorter than %1").arg(schema.value(u"minLength").toInteger()));
    if (schema.contains(u"pattern")) {
        const QRegularExpression pattern(schema.value(u"pattern").toString());
        if (!pattern.isValid())
            fail(QStringLiteral("cannot be checked: the pattern is invalid (%1)").arg(pattern.errorString()));
        else if (!pattern.match(text).hasMatch())
            fail(QStringLiteral("does not match %1").arg(pattern.pattern()));
    }
    if (schema.value(u"format").toString() == u"uri") {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty())
            fail(QStringLiteral("is not an absolute URI"));
    }
}
