#pragma once

#include "domain/link.h"
#include "domain/metrics.h"
#include "geo/albersprojection.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAbstractProxyModel;
class QTimer;

namespace cpn {
class NodeTableModel;
}

namespace cpn::map {

class MapScene;

// Keeps a MapScene in step with the node model, the filter proxy and the link data. Model signals only
// set dirty flags; one single-shot timer then does the work, so a burst of samples (a dataChanged per
// run of rows) costs one recomputation, and that one repaint. Positions are projected only when the
// directory changes.
class MapSceneFeeder : public QObject
{
    Q_OBJECT

public:
    MapSceneFeeder(MapScene *scene, const NodeTableModel *nodes, QObject *parent = nullptr);

    // The map shows the rows this proxy (over the node model) lets through; none: every node.
    void setFilter(QAbstractProxyModel *filter);
    void setLinks(const QList<Link> &links);
    // The newest sample of each link given to setLinks(), in that order.
    void setLinkSamples(const LinkSamplesByRow &samples);
    // Does the pending work now (tests, benchmarks, and the coalescing timer).
    void flush();
    // Work is waiting for the coalescing timer: a sceneChanged() is on its way.
    bool hasPendingChanges() const { return m_dirty != 0; }
    // Milliseconds the feeder waits to gather a burst of changes.
    void setCoalesceMs(int ms);

Q_SIGNALS:
    void sceneChanged();

private:
    enum Dirty { NodesDirty = 1, StatesDirty = 2, VisibilityDirty = 4, LinksDirty = 8, LinkSamplesDirty = 16 };
    void mark(int dirty);
    void rebuildNodes();
    void refreshStates();
    void refreshVisibility();

    MapScene *m_scene;
    const NodeTableModel *m_nodes;
    QPointer<QAbstractProxyModel> m_filter;
    geo::AlbersProjection m_projection;
    QList<Link> m_links;
    LinkSamplesByRow m_linkSamples; // by row of m_links
    QTimer *m_timer;
    int m_dirty = 0;
};

} // namespace cpn::map
