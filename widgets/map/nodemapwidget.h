#pragma once

#include "geo/mapviewport.h"
#include "itemmodels/federationsummary.h"
#include "widgets/map/maphitindex.h"
#include "widgets/map/maprenderer.h"

#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QTimer;

namespace cpn {
class NodeTableModel;
}

namespace cpn::map {

class MapScene;

// The national map as a widget: a thin shell that owns the viewport and hands its painter to the
// MapRenderer. Wheel zooms around the cursor, drag pans, arrows/+/-/0 navigate, hovering shows
// tooltips for nodes, links and provinces, a click selects through the shared QItemSelectionModel (so
// the node table follows, and the map follows the table).
// Every mouse action has a key while the map has the focus: N / Shift+N select the next / previous node
// (in the Nodes table's order), S or Space announce the selected node (its hover card, the status bar and
// assistive technology), L / Shift+L its links one by one and R its province (their hover cards), F
// narrows the Nodes table to its province (as a double click on the province), Enter opens its details, the Menu key or Shift+F10 its context menu, P places the
// workload selected in the queue on it. Assistive technology sees the map as "National map" whose
// description is the selected node's hover card (NodeMapAccessible, in nodemapwidget.cpp).
class NodeMapWidget : public QWidget
{
    Q_OBJECT

public:
    NodeMapWidget(MapScene *scene, const NodeTableModel *nodes, QWidget *parent = nullptr);
    ~NodeMapWidget() override;

    // A selection model over the node model or any proxy chain above it (the Nodes table's).
    void setSelectionModel(QItemSelectionModel *selection);
    QItemSelectionModel *selectionModel() const { return m_selection; }

    const geo::MapViewport &viewport() const { return m_viewport; }
    void setViewport(const geo::MapViewport &viewport);
    MapRenderer &renderer() { return m_renderer; }
    MapHitIndex &hitIndex() { return m_hits; }
    const MapFrame &frameState() const { return m_frame; }

    void setWallMode(bool on);
    bool wallMode() const { return m_wallMode; }
    void setShowFps(bool on);
    // Shades the nodes within 1, 5 and 20 ms of `sourceId` (MapLatencyLayer) until cleared.
    void setLatencyRings(const QString &sourceId, const QString &sourceName, const QHash<QString, double> &msByNode);
    void clearLatencyRings();
    // Rings these nodes and emphasises these links until replaced (empty lists clear them).
    void setHighlights(const QStringList &nodeIds, const QStringList &linkIds);
    // Blinks these sources at 1 Hz over the cached layers until replaced (empty lists stop the blink):
    // each half of the blink repaints only where they are (blinkRegion).
    void setBlinking(const QStringList &nodeIds, const QStringList &linkIds);
    bool isBlinking() const;
    QRegion blinkRegion() const;
    static constexpr int kBlinkHalfPeriodMs = 500;
    void setSummary(const FederationSummary &summary, qint64 nowMs, int intervalMs);
    // A new scene and the totals that go with it, shown in one repaint (their panel is drawn with the
    // data, off the UI thread when the data is).
    void showSceneWithSummary(const FederationSummary &summary, qint64 nowMs, int intervalMs);

    // Scene index of the node under a widget position, or -1.
    int nodeAt(const QPointF &pos);
    // Index of the group of nodes (MapScene::groups()) under a widget position, or -1.
    int groupAt(const QPointF &pos);
    // Zooms in on a group until its members show (a click on it does this); false for no such group.
    bool openGroup(int group);
    QString nodeIdAt(const QPointF &pos);
    // Widget position of a node (for tests and the search box).
    QPointF nodePosition(const QString &nodeId) const;
    // The node selected on the map (the first of several), empty when none.
    QString selectedNodeId() const;
    // The selected node's hover card as plain text, what assistive technology reads as the map's
    // description; says that no node is selected when none is.
    QString selectionDescription() const;
    // What assistive technology reads as the map's description now: the link or province said last (L,
    // R) until the selection changes, else selectionDescription().
    QString accessibleDescriptionNow() const;
    // The node a context menu requested at pos is about: the one under pos, or the selected node when
    // the menu was asked for with the keyboard (Menu key, Shift+F10).
    QString contextNodeId(const QPoint &pos);
    // The workload the P key places on the selected node (the queue's selection); none by default.
    void setWorkloadToPlace(std::function<QString()> workload) { m_workloadToPlace = std::move(workload); }

    // Workload drags (MIME type application/x-cpn-workload, the workload id in UTF-8): on drag-enter the
    // provider is asked once for the workload's fit, which shades the map until the drag leaves or drops.
    using FitProvider = std::function<FitShading(const QString &workloadId)>;
    void setFitProvider(FitProvider provider);
    static QString workloadMimeType() { return QStringLiteral("application/x-cpn-workload"); }
    // The workload being dragged over the map, empty otherwise.
    QString draggedWorkload() const { return m_dragWorkload; }

    // Milliseconds the view waits after the last wheel/drag/key before redrawing its layers in full.
    static constexpr int kSettleMs = 160;

public Q_SLOTS:
    void fitCountry();
    void zoomIn();
    void zoomOut();
    // Centres the map on the node, zooms in if needed and selects it. False if it is unknown or hidden.
    bool jumpToNode(const QString &nodeId);
    // Fits the map to these nodes' extent (a subtree of the hierarchy); false if none is on the map.
    bool fitNodes(const QSet<QString> &nodeIds);
    // Selects the next (step 1) or previous (-1) visible node in the Nodes table's order, and brings it
    // into view if it is off screen or inside a group (keys N and Shift+N).
    void selectAdjacentNode(int step);
    // Says what the selected node is and how it is: its hover card beside it, the status bar, and a
    // description change for assistive technology (keys S and Space).
    void announceSelection();
    // Says how the selected node's next (step 1) or previous (-1) link is, highlighted on the map (keys L
    // and Shift+L), and how the selected node's province is (key R), as announceSelection() says a node.
    void announceAdjacentLink(int step);
    void announceProvince();
    // The scene changed (new data): repaint, and refresh the selection's scene indices.
    void sceneChanged();

Q_SIGNALS:
    void nodeClicked(const QString &nodeId);
    void nodeActivated(const QString &nodeId); // double click
    void provinceActivated(const QString &isoCode);
    void viewportChanged();
    // A workload was dropped on a node (province empty), or on a province (nodeId: its best fitting node).
    void workloadDropped(const QString &workloadId, const QString &nodeId, const QString &province);
    // announceSelection() said this (one line).
    void announced(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // The viewport takes the widget's size and pixel ratio.
    void syncViewportToWidget();
    void beginInteraction();
    void settle();
    void updateHover(const QPointF &pos);
    void syncSelectionFromModel();
    void selectNode(int sceneIndex);
    QModelIndex indexForNode(const QAbstractItemModel *model, const QString &nodeId) const;
    QString nodeTooltip(int node) const;
    QString linkTooltip(int link) const;
    QString provinceTooltip(int province) const;
    QString groupTooltip(int group) const;
    // The scene's node groups for the view's scale, before anything is drawn or hit.
    void regroup();
    // Where a workload dragged to pos would go: the node under it, else the province's best node.
    void dropTarget(const QPointF &pos, QString *nodeId, QString *province);
    void endWorkloadDrag();
    void toggleBlink();
    // The selected node's status as the Nodes table says it ("Online, suspended").
    QString statusText(int node) const;
    // Tells assistive technology when the selection or the selected node's status changed.
    void notifyAccessibleSelection();
    void requestKeyboardMenu();
    // Shows the card at `at` (none when empty), says text in the status bar and tells assistive technology.
    void announce(const QString &text, const QString &cardHtml, const QPointF &at);

    MapScene *m_scene;
    const NodeTableModel *m_nodes;
    QPointer<QItemSelectionModel> m_selection;
    geo::MapViewport m_viewport;
    MapRenderer m_renderer;
    MapHitIndex m_hits;
    MapFrame m_frame;
    QTimer *m_settleTimer;
    QTimer *m_blinkTimer;
    bool m_userMoved = false;
    bool m_dragging = false;
    QPointF m_pressPos;
    QList<int> m_clickedStack; // the nodes under the last click, for selecting each of them in turn
    int m_clickedNext = 0;
    QPointF m_lastDragPos;
    bool m_wallMode = false;
    bool m_showFps = false;
    bool m_drewData = false; // the first frame with data is logged once (start-up is measured to it)
    QElapsedTimer m_fpsClock;
    QList<qint64> m_frameEnds; // ms, for --fps
    double m_lastFrameMs = 0;
    quint64 m_structureRevision = 0;
    FitProvider m_fitProvider;
    QString m_dragWorkload;
    std::function<QString()> m_workloadToPlace;
    QString m_announcement; // the link or province said last (L, R), until the selection changes
    QString m_accessibleKey;    // the selected node and its status last told to assistive technology
    QString m_keyboardMenuNode; // while a context menu asked for with the keyboard is requested
};

} // namespace cpn::map
