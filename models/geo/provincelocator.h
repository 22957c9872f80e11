#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace cpn::geo {

// A province's outline projected once at load (see projectProvinces() in basemap.h), in Albers km.
struct ProjectedProvince
{
    QString isoCode;             // empty for a feature of a user basemap that matched no province
    QList<QList<QPointF>> rings; // closed rings, outer rings and holes alike: filled by the even-odd rule
    QRectF boundsKm;
};

// "Which province is here": for the province under the cursor and for assigning nodes to provinces.
// Even-odd rule over all rings of a province, so holes and multi-part provinces need no special case;
// each province's and each ring's bounding box is checked first, so a lookup touches the edges of only
// the one or two provinces whose boxes hold the point.
class ProvinceLocator
{
public:
    explicit ProvinceLocator(QList<ProjectedProvince> provinces);

    // Index into the list given to the constructor, or -1 when the point is in no province (the sea,
    // a neighbouring country). A point exactly on a shared border belongs to one of the two.
    int provinceAt(const QPointF &km) const;
    // The ISO code of the province at km; empty when there is none or it is an unmatched feature.
    QString isoCodeAt(const QPointF &km) const;
    bool contains(int index, const QPointF &km) const;

    qsizetype size() const { return m_provinces.size(); }
    const ProjectedProvince &province(qsizetype index) const { return m_provinces.at(index); }

private:
    struct Box
    {
        double minX = 0, minY = 0, maxX = 0, maxY = 0;
        bool holds(const QPointF &p) const
        {
            return p.x() >= minX && p.x() <= maxX && p.y() >= minY && p.y() <= maxY;
        }
    };
    static Box boxOf(const QList<QPointF> &ring);

    QList<ProjectedProvince> m_provinces;
    QList<Box> m_provinceBoxes;
    QList<QList<Box>> m_ringBoxes; // per province, per ring
};

} // namespace cpn::geo
