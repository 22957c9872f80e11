#pragma once

#include "geo/mapviewport.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

class QPainter;

namespace cpn::map {

class MapScene;
class NodeSprites;

// The latency rings from one node: every node its paths reach within 1, 5 and 20 ms (the network's
// targets within a city, a region and between hubs) gets a halo in that band's colour, the source a
// ring of its own, and a legend names the source. What a node's latency is comes from outside
// (domain/latencytargets.h: the shortest paths by base latency, measured now).
class MapLatencyLayer
{
    Q_DECLARE_TR_FUNCTIONS(cpn::map::MapLatencyLayer)

public:
    static constexpr double kBandsMs[] = {1, 5, 20};
    // 0, 1, 2 for the bands within 1, 5 and 20 ms; -1 beyond.
    static int bandOf(double ms);
    static QColor bandColor(int band);

    void setRings(const QString &sourceId, const QString &sourceName, const QHash<QString, double> &msByNode);
    void clear();
    bool isActive() const { return !m_sourceId.isEmpty(); }
    const QString &sourceId() const { return m_sourceId; }
    const QHash<QString, double> &latencies() const { return m_msByNode; }

    void paint(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
               const NodeSprites &sprites) const;
    // In the bottom-left corner, 12 px above `bottom` (the top of the map's own legend there).
    void paintLegend(QPainter &painter, const geo::MapViewport &viewport, double textScale,
                     double bottom) const;

private:
    QString m_sourceId;
    QString m_sourceName;
    QHash<QString, double> m_msByNode;
};

} // namespace cpn::map
