#pragma once

#include "geo/albersprojection.h"
#include "geo/provincelocator.h"

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

namespace cpn::geo {

// One polygon feature of a basemap (or several features with the same province, merged).
struct ProvinceShape
{
    // "CN-BJ", matched from the feature's properties (iso, gb/adcode, or a name); empty if unmatched.
    QString isoCode;
    // The province table's names when matched, else what the feature calls itself.
    QString nameEn, nameZh;
    // lon/lat degrees (x = lon, y = lat); each polygon's outer ring then its holes; closed rings.
    QList<QList<QPointF>> rings;
    QList<int> polygonStarts; // index into rings where each polygon begins (MultiPolygon support)
    QRectF boundsLonLat;      // left = west, top = south
};

// A LineString feature of a user basemap, e.g. a dashed maritime boundary. kind is the feature's own
// classification (its "kind", "type" or "class" property), empty when it has none.
struct BoundaryLine
{
    QList<QPointF> points; // lon/lat degrees
    QString kind;
};

struct Basemap
{
    QList<ProvinceShape> provinces; // in file order; a province that several features share comes once
    QList<BoundaryLine> lines;
    QString source;      // the path it was loaded from; empty after parseBasemap()
    QString attribution; // the collection's own "attribution" (or "source") member, if it has one
    int vertexCount = 0; // positions of all rings and lines
};

// Limits on what parseBasemap() accepts: an organisation's file is untrusted input.
struct BasemapLimits
{
    static constexpr qsizetype maxBytes = 64 * 1024 * 1024;
    static constexpr qsizetype maxFeatures = 1'000'000;
    static constexpr qsizetype maxVertices = 5'000'000;
};

// Strict parse of a GeoJSON FeatureCollection of Polygon, MultiPolygon, LineString and MultiLineString
// features (features without geometry, Point and MultiPoint ones are skipped). Positions must be finite and
// within lon [-180, 180], lat [-90, 90]; polygon rings closed with at least 4 positions, lines at least 2.
// On failure returns nullopt and says what and where ("feature 12: geometry.coordinates[0][3]: ...").
std::optional<Basemap> parseBasemap(const QByteArray &geojson, QString *error);
// A file path or a ":/..." resource.
std::optional<Basemap> loadBasemap(const QString &path, QString *error);
// The basemap that ships with the console: ":/map/cn-provinces.geojson" (DCW-GMT 2.1.1, see
// resources/map/README.md for what it lacks).
QString defaultBasemapPath();

// The province matching a feature's properties: an ISO 3166-2 code, a GB/T 2260 code (six digits,
// 110000, or two, 11) or a Chinese or English name ("北京市", "Beijing Shi", "Nei Mongol"); empty if none.
QString matchProvinceIso(const QString &iso, const QString &code, const QStringList &names);

// Projected once at load, for the renderer's caches: rings in Albers km, in the order of basemap.provinces
// (so a ProvinceLocator's indices are indices into basemap.provinces too).
QList<ProjectedProvince> projectProvinces(const Basemap &basemap, const AlbersProjection &projection);

struct ProjectedLine
{
    QList<QPointF> points; // km
    QString kind;
};
QList<ProjectedLine> projectLines(const Basemap &basemap, const AlbersProjection &projection);

} // namespace cpn::geo
