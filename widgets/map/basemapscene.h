#pragma once

#include <QString>

namespace cpn::geo {
struct Basemap;
}

namespace cpn::map {

class MapScene;

// Puts a basemap into the scene: province outlines and boundary lines projected once (Albers) into
// painter paths in km, and a ProvinceLocator for hover. The renderer never touches lon/lat again.
void setSceneBasemap(MapScene &scene, const geo::Basemap &basemap);
// Loads a GeoJSON basemap (a file or a ":/" resource) into the scene; false with a reason on failure,
// leaving the scene as it was.
bool loadSceneBasemap(MapScene &scene, const QString &path, QString *error);

} // namespace cpn::map
