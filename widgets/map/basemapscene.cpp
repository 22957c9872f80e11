#include "widgets/map/basemapscene.h"

#include "geo/albersprojection.h"
#include "widgets/map/mapscene.h"

#include "geo/basemap.h"

namespace cpn::map {

void setSceneBasemap(MapScene &scene, const geo::Basemap &basemap)
{
    const geo::AlbersProjection projection;
    QList<geo::ProjectedProvince> projected = geo::projectProvinces(basemap, projection);
    QList<MapProvince> provinces;
    provinces.reserve(projected.size());
    for (const geo::ProjectedProvince &p : std::as_const(projected)) {
        MapProvince province;
        province.isoCode = p.isoCode;
        province.boundsKm = p.boundsKm;
        province.pathKm.setFillRule(Qt::OddEvenFill); // holes and multi-part provinces, as the locator
        for (const QList<QPointF> &ring : p.rings) {
            if (ring.size() < 3)
                continue;
            province.pathKm.moveTo(ring.constFirst());
            for (qsizetype i = 1; i < ring.size(); ++i)
                province.pathKm.lineTo(ring[i]);
            province.pathKm.closeSubpath();
        }
        provinces.append(province);
    }
    QList<MapBoundaryLine> lines;
    for (const geo::ProjectedLine &line : geo::projectLines(basemap, projection))
        lines.append({QPolygonF(line.points), line.kind});
    auto locator = std::make_shared<const geo::ProvinceLocator>(std::move(projected));
    scene.setBasemap(std::move(provinces), std::move(lines), std::move(locator), basemap.source);
}

bool loadSceneBasemap(MapScene &scene, const QString &path, QString *error)
{
    const std::optional<geo::Basemap> basemap = geo::loadBasemap(path, error);
    if (!basemap)
        return false;
    setSceneBasemap(scene, *basemap);
    return true;
}


} // namespace cpn::map
