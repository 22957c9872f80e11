#include "geo/basemap.h"

#include "domain/provinces.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>

#include <cmath>
#include <limits>

namespace cpn::geo {

namespace {

Q_LOGGING_CATEGORY(lcGeo, "cpn.geo")

// ---- Matching a feature to a province -------------------------------------------------------------

QString lettersOnly(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

const QHash<QString, QString> &nameIndex()
{
    // Normalised names (lettersOnly) to ISO codes: the province table's names plus the other spellings
    // that common Chinese and international data sets use.
    static const QHash<QString, QString> index = [] {
        QHash<QString, QString> h;
        for (const Province &p : provinces()) {
            const QString iso = QLatin1String(p.isoCode);
            h.insert(lettersOnly(QLatin1String(p.nameEn)), iso);
            h.insert(lettersOnly(QString::fromUtf8(p.nameZh)), iso);
        }
        const std::pair<const char *, const char *> aliases[] = {
            {"Nei Mongol", "CN-NM"}, {"Neimenggu", "CN-NM"}, {"Nei Menggu", "CN-NM"}, {"內蒙古", "CN-NM"},
            {"Tibet", "CN-XZ"},      {"Xianggang", "CN-HK"}, {"Hongkong", "CN-HK"},   {"Aomen", "CN-MO"},
            {"Macau", "CN-MO"},      {"澳門", "CN-MO"},      {"臺灣", "CN-TW"},       {"台灣", "CN-TW"},
            {"Shensi", "CN-SN"},     {"Sinkiang", "CN-XJ"},
        };
        for (const auto &[name, iso] : aliases)
            h.insert(lettersOnly(QString::fromUtf8(name)), QLatin1String(iso));
        return h;
    }();
    return index;
}

QString matchName(const QString &name)
{
    // Longest first: "维吾尔自治区" before "自治区". Latin ones are matched after lettersOnly().
    // clang-format off
    static const char *const suffixList[] = {
        "特别行政区", "特別行政區", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市",
        "specialadministrativeregion", "autonomousregion", "zizhiqu", "municipality", "province", "sheng",
        "shi", "sar", "uygur", "uyghur", "uighur", "zhuang", "hui"};
    // clang-format on
    static const QStringList suffixes = [] {
        QStringList s;
        for (const char *suffix : suffixList)
            s.append(QString::fromUtf8(suffix));
        return s;
    }();
    QString key = lettersOnly(name);
    // Strip one suffix at a time and look again after each ("Xinjiang Uygur Zizhiqu"); looking first
    // keeps names that merely end like a suffix ("Anhui") whole.
    for (int guard = 0; guard < 4 && !key.isEmpty(); ++guard) {
        if (const auto it = nameIndex().constFind(key); it != nameIndex().constEnd())
            return *it;
        bool stripped = false;
        for (const QString &suffix : suffixes) {
            if (key.size() > suffix.size() && key.endsWith(suffix)) {
                key.chop(suffix.size());
                stripped = true;
                break;
            }
        }
        if (!stripped)
            break;
    }
    return {};
}

QString matchCode(const QString &code)
{
    bool ok = false;
    const int value = code.trimmed().toInt(&ok);
    if (!ok || value <= 0)
        return {};
    int prefix = 0;
    if (code.trimmed().size() == 6 && value % 10000 == 0)
        prefix = value / 10000;
    else if (code.trimmed().size() == 2)
        prefix = value;
    const Province *p = prefix > 0 ? provinceByGbCode(prefix) : nullptr;
    return p ? QLatin1String(p->isoCode) : QString();
}

QString matchIso(const QString &iso)
{
    // "CN-BJ", and the HASC form "CN.BJ" that GADM and DCW use.
    QString s = iso.trimmed().toUpper();
    if (s.size() == 5 && (s[2] == u'.' || s[2] == u'_'))
        s[2] = u'-';
    const Province *p = provinceByIso(s);
    return p ? QLatin1String(p->isoCode) : QString();
}

// ---- Reading the GeoJSON ------------------------------------------------------------------------

// A feature's properties with keys folded to lower case, so NAME and name read the same.
class Properties
{
public:
    explicit Properties(const QJsonObject &o)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            m_values.insert(it.key().toLower(), it.value());
    }
    // The first key that holds a non-empty string or a whole number, as a string.
    QString first(std::initializer_list<const char *> keys) const
    {
        for (const char *key : keys) {
            const QJsonValue v = m_values.value(QLatin1String(key));
            if (v.isString() && !v.toString().trimmed().isEmpty())
                return v.toString().trimmed().left(200);
            if (v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() == std::floor(v.toDouble()) &&
                std::abs(v.toDouble()) < 1e15)
                return QString::number(qint64(v.toDouble()));
        }
        return {};
    }

private:
    QHash<QString, QJsonValue> m_values;
};

bool isAscii(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() > 0x7f)
            return false;
    }
    return true;
}

class Parser
{
public:
    std::optional<Basemap> parse(const QByteArray &geojson, QString *error);

private:
    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = m_where.isEmpty() ? message : m_where + QStringLiteral(": ") + message;
        return false;
    }
    bool position(const QJsonValue &v, const QString &path, QPointF *out);
    bool positions(const QJsonValue &v, const QString &path, qsizetype minCount, QList<QPointF> *out);
    bool ring(const QJsonValue &v, const QString &path, QList<QPointF> *out);
    bool polygon(const QJsonValue &v, const QString &path, QList<QList<QPointF>> *rings);
    bool feature(const QJsonValue &v);

    Basemap m_basemap;
    QHash<QString, qsizetype> m_provinceIndex; // ISO code -> index into m_basemap.provinces
    QString m_where;
    QString m_error;
    qsizetype m_vertices = 0;
};

bool Parser::position(const QJsonValue &v, const QString &path, QPointF *out)
{
    if (!v.isArray())
        return fail(QStringLiteral("%1: expected a position [lon, lat]").arg(path));
    const QJsonArray a = v.toArray();
    if (a.size() < 2 || a.size() > 4)
        return fail(
            QStringLiteral("%1: expected a position [lon, lat], got %2 values").arg(path).arg(a.size()));
    for (const QJsonValue &n : a) {
        if (!n.isDouble() || !std::isfinite(n.toDouble()))
            return fail(QStringLiteral("%1: coordinates must be finite numbers").arg(path));
    }
    const double lon = a[0].toDouble();
    const double lat = a[1].toDouble();
    if (lon < -180 || lon > 180)
        return fail(QStringLiteral("%1: longitude %2 outside [-180, 180]").arg(path).arg(lon));
    if (lat < -90 || lat > 90)
        return fail(QStringLiteral("%1: latitude %2 outside [-90, 90]").arg(path).arg(lat));
    if (++m_vertices > BasemapLimits::maxVertices)
        return fail(QStringLiteral("more than %1 positions in the file").arg(BasemapLimits::maxVertices));
    *out = QPointF(lon, lat);
    return true;
}

bool Parser::positions(const QJsonValue &v, const QString &path, qsizetype minCount, QList<QPointF> *out)
{
    if (!v.isArray())
        return fail(QStringLiteral("%1: expected an array of positions").arg(path));
    const QJsonArray a = v.toArray();
    if (a.size() < minCount)
        return fail(
            QStringLiteral("%1: %2 positions, at least %3 needed").arg(path).arg(a.size()).arg(minCount));
    if (a.size() > BasemapLimits::maxVertices)
        return fail(QStringLiteral("%1: more than %2 positions").arg(path).arg(BasemapLimits::maxVertices));
    out->reserve(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QPointF p;
        if (!position(a[i], QStringLiteral("%1[%2]").arg(path).arg(i), &p))
            return false;
        out->append(p);
    }
    return true;
}

bool Parser::ring(const QJsonValue &v, const QString &path, QList<QPointF> *out)
{
    // RFC 7946: a linear ring has at least four positions and ends where it starts.
    if (!positions(v, path, 4, out))
        return false;
    if (out->first() != out->last())
        return fail(QStringLiteral("%1: ring not closed (the last position must equal the first)").arg(path));
    return true;
}

bool Parser::polygon(const QJsonValue &v, const QString &path, QList<QList<QPointF>> *rings)
{
    if (!v.isArray() || v.toArray().isEmpty())
        return fail(QStringLiteral("%1: expected a polygon, an array of rings").arg(path));
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        QList<QPointF> r;
        if (!ring(a[i], QStringLiteral("%1[%2]").arg(path).arg(i), &r))
            return false;
        rings->append(std::move(r));
    }
    return true;
}

bool Parser::feature(const QJsonValue &v)
{
    if (!v.isObject())
        return fail(QStringLiteral("expected a Feature object"));
    const QJsonObject f = v.toObject();
    if (f.value(QLatin1String("type")).toString() != QLatin1String("Feature"))
        return fail(QStringLiteral("type: expected \"Feature\""));
    const QJsonValue geometryValue = f.value(QLatin1String("geometry"));
    if (geometryValue.isNull() || geometryValue.isUndefined())
        return true; // a feature without a place: nothing to draw
    if (!geometryValue.isObject())
        return fail(QStringLiteral("geometry: expected an object or null"));
    const QJsonObject geometry = geometryValue.toObject();
    const QString type = geometry.value(QLatin1String("type")).toString();
    const QJsonValue coordinates = geometry.value(QLatin1String("coordinates"));
    const QJsonValue propertiesValue = f.value(QLatin1String("properties"));
    if (!propertiesValue.isObject() && !propertiesValue.isNull() && !propertiesValue.isUndefined())
        return fail(QStringLiteral("properties: expected an object or null"));
    const Properties properties(propertiesValue.toObject());
    const QString path = QStringLiteral("geometry.coordinates");

    if (type == QLatin1String("Point") || type == QLatin1String("MultiPoint"))
        return true; // labels and the like: the map draws its own
    if (type == QLatin1String("LineString") || type == QLatin1String("MultiLineString")) {
        QList<QList<QPointF>> parts;
        if (type == QLatin1String("LineString")) {
            QList<QPointF> points;
            if (!positions(coordinates, path, 2, &points))
                return false;
            parts.append(std::move(points));
        } else {
            if (!coordinates.isArray() || coordinates.toArray().isEmpty())
                return fail(QStringLiteral("%1: expected an array of lines").arg(path));
            const QJsonArray a = coordinates.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                QList<QPointF> points;
                if (!positions(a[i], QStringLiteral("%1[%2]").arg(path).arg(i), 2, &points))
                    return false;
                parts.append(std::move(points));
            }
        }
        const QString kind = properties.first({"kind", "type", "class"});
        for (QList<QPointF> &points : parts)
            m_basemap.lines.append(BoundaryLine{std::move(points), kind});
        return true;
    }

    QList<QList<QPointF>> rings;
    QList<int> starts;
    if (type == QLatin1String("Polygon")) {
        starts.append(0);
        if (!polygon(coordinates, path, &rings))
            return false;
    } else if (type == QLatin1String("MultiPolygon")) {
        if (!coordinates.isArray() || coordinates.toArray().isEmpty())
            return fail(QStringLiteral("%1: expected an array of polygons").arg(path));
        const QJsonArray a = coordinates.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            starts.append(int(rings.size()));
            if (!polygon(a[i], QStringLiteral("%1[%2]").arg(path).arg(i), &rings))
                return false;
        }
    } else if (type.isEmpty()) {
        return fail(QStringLiteral("geometry.type: missing"));
    } else {
        return fail(
            QStringLiteral("geometry.type: \"%1\" is not supported (Polygon, MultiPolygon, LineString, "
                           "MultiLineString)")
                .arg(type.left(40)));
    }

    const QString isoProperty = properties.first({"iso", "iso_3166_2", "iso3166_2", "iso_code", "hasc_1"});
    const QString codeProperty = properties.first({"gb", "adcode", "code", "gb_code", "gbcode", "adm_code"});
    const QString nameZh = properties.first({"name_zh", "name_chn", "cn_name", "nl_name_1", "name_local"});
    const QString nameEn = properties.first({"name_en", "en_name", "name_1", "name_eng"});
    const QString name = properties.first({"name", "fullname", "full_name"});
    const QString iso = matchProvinceIso(isoProperty, codeProperty, {nameZh, nameEn, name});

    const auto existing = iso.isEmpty() ? m_provinceIndex.constEnd() : m_provinceIndex.constFind(iso);
    if (existing != m_provinceIndex.constEnd()) {
        // A province split over several features (its islands, say): one shape, more polygons.
        ProvinceShape &shape = m_basemap.provinces[*existing];
        const int offset = int(shape.rings.size());
        for (const int s : std::as_const(starts))
            shape.polygonStarts.append(offset + s);
        shape.rings.append(std::move(rings));
        return true;
    }

    ProvinceShape shape;
    shape.isoCode = iso;
    if (const Province *p = iso.isEmpty() ? nullptr : provinceByIso(iso)) {
        shape.nameEn = QLatin1String(p->nameEn);
        shape.nameZh = QString::fromUtf8(p->nameZh);
    } else {
        shape.nameEn = !nameEn.isEmpty() ? nameEn : (isAscii(name) ? name : QString());
        shape.nameZh = !nameZh.isEmpty() ? nameZh : (isAscii(name) ? QString() : name);
    }
    shape.rings = std::move(rings);
    shape.polygonStarts = std::move(starts);
    if (!iso.isEmpty())
        m_provinceIndex.insert(iso, m_basemap.provinces.size());
    m_basemap.provinces.append(std::move(shape));
    return true;
}

QRectF boundsOf(const QList<QList<QPointF>> &rings)
{
    double minX = std::numeric_limits<double>::max(), minY = minX;
    double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
    for (const QList<QPointF> &ring : rings) {
        for (const QPointF &p : ring) {
            minX = std::min(minX, p.x());
            minY = std::min(minY, p.y());
            maxX = std::max(maxX, p.x());
            maxY = std::max(maxY, p.y());
        }
    }
    if (minX > maxX)
        return {};
    return QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
}

std::optional<Basemap> Parser::parse(const QByteArray &geojson, QString *error)
{
    const auto failed = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (geojson.size() > BasemapLimits::maxBytes)
        return failed(QStringLiteral("basemap of %1 bytes exceeds the limit of %2 bytes")
                          .arg(geojson.size())
                          .arg(BasemapLimits::maxBytes));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(geojson, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(QStringLiteral("not valid JSON (at offset %1: %2)")
                          .arg(parseError.offset)
                          .arg(parseError.errorString()));
    if (!doc.isObject())
        return failed(QStringLiteral("expected a GeoJSON object at the top level"));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("type")).toString() != QLatin1String("FeatureCollection"))
        return failed(QStringLiteral("expected a GeoJSON FeatureCollection (type is \"%1\")")
                          .arg(root.value(QLatin1String("type")).toString().left(40)));
    const QJsonValue featuresValue = root.value(QLatin1String("features"));
    if (!featuresValue.isArray())
        return failed(QStringLiteral("features: expected an array"));
    const QJsonArray features = featuresValue.toArray();
    if (features.size() > BasemapLimits::maxFeatures)
        return failed(QStringLiteral("%1 features exceed the limit of %2")
                          .arg(features.size())
                          .arg(BasemapLimits::maxFeatures));

    for (qsizetype i = 0; i < features.size(); ++i) {
        m_where = QStringLiteral("feature %1").arg(i);
        if (!feature(features[i]))
            return failed(m_error);
    }
    m_where.clear();
    if (m_basemap.provinces.isEmpty())
        return failed(QStringLiteral("no Polygon or MultiPolygon features: nothing to draw"));

    for (ProvinceShape &shape : m_basemap.provinces)
        shape.boundsLonLat = boundsOf(shape.rings);
    m_basemap.vertexCount = int(m_vertices);
    for (const char *key : {"attribution", "source"}) {
        const QJsonValue v = root.value(QLatin1String(key));
        if (v.isString()) {
            m_basemap.attribution = v.toString().trimmed().left(300);
            break;
        }
    }
    return std::move(m_basemap);
}

} // namespace

QString matchProvinceIso(const QString &iso, const QString &code, const QStringList &names)
{
    if (QString m = matchIso(iso); !m.isEmpty())
        return m;
    if (QString m = matchCode(code); !m.isEmpty())
        return m;
    for (const QString &name : names) {
        if (QString m = matchName(name); !m.isEmpty())
            return m;
    }
    return {};
}

std::optional<Basemap> parseBasemap(const QByteArray &geojson, QString *error)
{
    return Parser().parse(geojson, error);
}

std::optional<Basemap> loadBasemap(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    // Read one byte past the cap, so that an oversized file fails the size check without being read whole.
    const QByteArray bytes = file.read(BasemapLimits::maxBytes + 1);
    QString parseError;
    std::optional<Basemap> basemap = parseBasemap(bytes, &parseError);
    if (!basemap) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, parseError);
        return std::nullopt;
    }
    basemap->source = path;
    qCDebug(lcGeo) << "basemap" << path << basemap->provinces.size() << "polygon features,"
                   << basemap->lines.size() << "lines," << basemap->vertexCount << "positions";
    return basemap;
}

QString defaultBasemapPath()
{
    return QStringLiteral(":/map/cn-provinces.geojson");
}

QList<ProjectedProvince> projectProvinces(const Basemap &basemap, const AlbersProjection &projection)
{
    QList<ProjectedProvince> out;
    out.reserve(basemap.provinces.size());
    for (const ProvinceShape &shape : basemap.provinces) {
        ProjectedProvince p;
        p.isoCode = shape.isoCode;
        p.rings.reserve(shape.rings.size());
        for (const QList<QPointF> &ring : shape.rings) {
            QList<QPointF> km;
            km.reserve(ring.size());
            for (const QPointF &lonLat : ring)
                km.append(projection.project(lonLat));
            p.rings.append(std::move(km));
        }
        p.boundsKm = boundsOf(p.rings);
        out.append(std::move(p));
    }
    return out;
}

QList<ProjectedLine> projectLines(const Basemap &basemap, const AlbersProjection &projection)
{
    QList<ProjectedLine> out;
    out.reserve(basemap.lines.size());
    for (const BoundaryLine &line : basemap.lines) {
        ProjectedLine p;
        p.kind = line.kind;
        p.points.reserve(line.points.size());
        for (const QPointF &lonLat : line.points)
            p.points.append(projection.project(lonLat));
        out.append(std::move(p));
    }
    return out;
}

} // namespace cpn::geo
