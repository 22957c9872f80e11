#include "widgets/map/nodemapwidget.h"

#include "domain/logging.h"
#include "domain/provinces.h"
#include "itemmodels/nodetablemodel.h"
#include "state/freshness.h"
#include "widgets/map/mapscene.h"
#include "widgets/map/mapstyle.h"

#include <QAbstractProxyModel>
#include <QAccessible>
#include <QAccessibleWidget>
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QRegion>
#include <QRegularExpression>
#include <QStatusTipEvent>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace cpn::map {

namespace {


// The map as assistive technology sees it: a named, focusable graphic whose description is the selected
// node's hover card (its name, status and figures as the card says them) and whose help lists the keys.
class NodeMapAccessible : public QAccessibleWidget
{
public:
    explicit NodeMapAccessible(NodeMapWidget *map) : QAccessibleWidget(map, QAccessible::Graphic) {}

    QString text(QAccessible::Text t) const override
    {
        const auto *map = static_cast<const NodeMapWidget *>(widget());
        switch (t) {
        case QAccessible::Name:
            return map->accessibleName().isEmpty() ? NodeMapWidget::tr("National map") : map->accessibleName();
        case QAccessible::Description:
        case QAccessible::Value:
            return map->accessibleDescriptionNow();
        case QAccessible::Help:
            return NodeMapWidget::tr("N and Shift+N select the next and previous node, S or Space says how it "
                                     "is, L and Shift+L say how its links are one by one, R says how its province "
                                     "is and F shows that province's nodes in the table, Enter opens its details, "
                                     "the Menu key or Shift+F10 its menu, P places the workload selected in the "
                                     "queue on it; arrows pan, + and - zoom, 0 shows the whole country.");
        default:
            return QAccessibleWidget::text(t);
        }
    }
};

// A hover card's lines as sentences, for the status bar and assistive technology.
QString sentencesOf(const QString &cardHtml)
{
    const QString plain = QTextDocumentFragment::fromHtml(cardHtml).toPlainText();
    static const QRegularExpression breaks(QStringLiteral("[\\n\\x{2028}\\x{2029}]"));
    QString text;
    for (const QString &part : plain.split(breaks, Qt::SkipEmptyParts)) {
        const QString line = part.trimmed();
        if (line.isEmpty())
            continue;
        if (!text.isEmpty())
            text += text.endsWith(u':') || text.endsWith(u'.') ? QStringLiteral(" ") : QStringLiteral(". ");
        text += line;
    }
    return text;
}

QAccessibleInterface *nodeMapAccessibleFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String(NodeMapWidget::staticMetaObject.className()) && object && object->isWidgetType())
        return new NodeMapAccessible(static_cast<NodeMapWidget *>(object));
    return nullptr;
}

} // namespace

NodeMapWidget::NodeMapWidget(MapScene *scene, const NodeTableModel *nodes, QWidget *parent)
    : QWidget(parent), m_scene(scene), m_nodes(nodes), m_settleTimer(new QTimer(this)),
      m_blinkTimer(new QTimer(this))
{
    static const bool accessibleFactoryInstalled = [] {
        QAccessible::installFactory(nodeMapAccessibleFactory);
        return true;
    }();
    Q_UNUSED(accessibleFactoryInstalled)
    setObjectName(QStringLiteral("nodeMap"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent); // the renderer covers every pixel
    setMinimumSize(320, 240);
    m_settleTimer->setSingleShot(true);
    m_settleTimer->setInterval(kSettleMs);
    connect(m_settleTimer, &QTimer::timeout, this, &NodeMapWidget::settle);
    m_blinkTimer->setInterval(kBlinkHalfPeriodMs);
    connect(m_blinkTimer, &QTimer::timeout, this, &NodeMapWidget::toggleBlink);
    m_viewport.setSize(size());
    m_viewport.setScaleLimits(0.03, 40);
    fitCountry();
    m_userMoved = false;
    // New data is composed off the UI thread; the worker asks for the repaint that shows it.
    m_renderer.setLayerReadyCallback(
        [this] { QMetaObject::invokeMethod(this, qOverload<>(&QWidget::update), Qt::QueuedConnection); });
}

NodeMapWidget::~NodeMapWidget() = default;

void NodeMapWidget::setSelectionModel(QItemSelectionModel *selection)
{
    if (m_selection)
        disconnect(m_selection, nullptr, this, nullptr);
    m_selection = selection;
    if (selection) {
        connect(selection, &QItemSelectionModel::selectionChanged, this, &NodeMapWidget::syncSelectionFromModel);
        connect(selection, &QItemSelectionModel::modelChanged, this, &NodeMapWidget::syncSelectionFromModel);
    }
    syncSelectionFromModel();
}

void NodeMapWidget::setViewport(const geo::MapViewport &viewport)
{
    m_viewport = viewport;
    m_userMoved = true;
    update();
    Q_EMIT viewportChanged();
}

void NodeMapWidget::setWallMode(bool on)
{
    m_wallMode = on;
    m_renderer.setTextScale(on ? 1.6 : 1.0);
    m_hits.invalidate();
    update();
}

void NodeMapWidget::setLatencyRings(const QString &sourceId, const QString &sourceName,
                                    const QHash<QString, double> &msByNode)
{
    m_renderer.latencyLayer().setRings(sourceId, sourceName, msByNode);
    update();
}

void NodeMapWidget::clearLatencyRings()
{
    if (!m_renderer.latencyLayer().isActive())
        return;
    m_renderer.latencyLayer().clear();
    update();
}

void NodeMapWidget::setHighlights(const QStringList &nodeIds, const QStringList &linkIds)
{
    m_scene->setHighlights(nodeIds, linkIds);
    update(); // highlights are drawn per frame: no layer to rebuild
}

void NodeMapWidget::setBlinking(const QStringList &nodeIds, const QStringList &linkIds)
{
    const QRegion before = m_frame.blinkOn ? blinkRegion() : QRegion();
    m_scene->setBlinking(nodeIds, linkIds);
    if (!isBlinking()) {
        m_blinkTimer->stop();
        m_frame.blinkOn = false;
    } else if (!m_blinkTimer->isActive()) {
        m_frame.blinkOn = true; // a new critical alarm shows at once
        m_blinkTimer->start();
    }
    update(before + (m_frame.blinkOn ? blinkRegion() : QRegion()));
}

bool NodeMapWidget::isBlinking() const
{
    return !m_scene->blinkingNodeIds().isEmpty() || !m_scene->blinkingLinkIds().isEmpty();
}

QRegion NodeMapWidget::blinkRegion() const
{
    return m_renderer.blinkRegion(m_viewport, *m_scene);
}

void NodeMapWidget::toggleBlink()
{
    m_frame.blinkOn = !m_frame.blinkOn;
    update(blinkRegion());
}

void NodeMapWidget::setFitProvider(FitProvider provider)
{
    m_fitProvider = std::move(provider);
    setAcceptDrops(bool(m_fitProvider));
}

void NodeMapWidget::setShowFps(bool on)
{
    m_showFps = on;
    m_fpsClock.start();
    if (!on)
        m_renderer.overlay().setDiagnostics({});
    update();
}

void NodeMapWidget::setSummary(const FederationSummary &summary, qint64 nowMs, int intervalMs)
{
    // The totals panel only: the layers, nodes and names under it did not change with the summary.
    // While new data is composed, the repaint it asks for shows the totals too.
    const QRectF before = m_renderer.overlay().totalsRect();
    m_renderer.overlay().setSummary(summary, nowMs, intervalMs);
    if (!m_renderer.isComposing())
        update((before | m_renderer.overlay().totalsRect()).toAlignedRect().adjusted(-2, -2, 2, 2));
}

void NodeMapWidget::showSceneWithSummary(const FederationSummary &summary, qint64 nowMs, int intervalMs)
{
    m_renderer.overlay().setSummary(summary, nowMs, intervalMs);
    sceneChanged();
}

void NodeMapWidget::syncViewportToWidget()
{
    m_viewport.setSize(size());
    m_viewport.setDevicePixelRatio(devicePixelRatioF());
}

void NodeMapWidget::sceneChanged()
{
    bool repaint = true;
    if (m_scene->structureRevision() != m_structureRevision) {
        // Node and link indices changed meaning: what was hovered is gone.
        m_structureRevision = m_scene->structureRevision();
        m_frame.hoverNode = m_frame.hoverLink = -1;
    } else if (isVisible() && !m_frame.interactive) {
        // New data at the view shown: painted once its image is ready, not twice.
        syncViewportToWidget();
        regroup();
        repaint = !m_renderer.composeInBackground(m_viewport, *m_scene);
    }
    syncSelectionFromModel();
    if (repaint)
        update();
}

void NodeMapWidget::fitCountry()
{
    const double margin = m_wallMode ? 8 : 16;
    m_viewport.fit(m_scene->countryKm(), margin);
    // The totals and the legend sit on the left: when the country leaves room on the right, move it
    // over so that their panels cover sea rather than Xinjiang and Tibet.
    const QRectF km = m_scene->countryKm();
    const double left = m_viewport.toScreen(km.topLeft()).x();
    const double right = m_viewport.toScreen(km.bottomRight()).x();
    const double reserve = std::min(width() * 0.2, 320.0 * m_renderer.overlay().textScale());
    const double room = width() - margin - right;
    if (left < reserve && room > 0)
        m_viewport.panByPixels(QPointF(std::min(reserve - left, room), 0));
    m_userMoved = false;
    m_hits.invalidate();
    update();
    Q_EMIT viewportChanged();
}

void NodeMapWidget::zoomIn()
{
    m_viewport.zoomAround(QPointF(width() / 2.0, height() / 2.0), 1.25);
    m_userMoved = true;
    beginInteraction();
}

void NodeMapWidget::zoomOut()
{
    m_viewport.zoomAround(QPointF(width() / 2.0, height() / 2.0), 1 / 1.25);
    m_userMoved = true;
    beginInteraction();
}

bool NodeMapWidget::jumpToNode(const QString &nodeId)
{
    const int index = m_scene->nodeIndex(nodeId);
    if (index < 0 || !m_scene->nodes().at(index).visible)
        return false;
    m_viewport.setCentreKm(m_scene->nodes().at(index).km);
    // Close enough to see the node's neighbourhood with names, never further out than now.
    m_viewport.setScale(std::max(m_viewport.scale(), 1.2));
    m_userMoved = true;
    selectNode(index);
    update();
    Q_EMIT viewportChanged();
    return true;
}

bool NodeMapWidget::fitNodes(const QSet<QString> &nodeIds)
{
    QRectF extent;
    bool any = false;
    for (const QString &id : nodeIds) {
        const int index = m_scene->nodeIndex(id);
        if (index < 0)
            continue;
        const QRectF at(m_scene->nodes().at(index).km, QSizeF(0, 0));
        extent = any ? extent.united(at) : at;
        any = true;
    }
    if (!any)
        return false;
    // A lone node (or a city's few) would fit to a point: show its neighbourhood instead.
    constexpr double kMinimumKm = 120;
    const QPointF centre = extent.center();
    extent = extent.united(QRectF(centre - QPointF(kMinimumKm / 2, kMinimumKm / 2), QSizeF(kMinimumKm, kMinimumKm)));
    m_viewport.fit(extent, m_wallMode ? 24 : 48);
    m_userMoved = true;
    m_hits.invalidate();
    update();
    Q_EMIT viewportChanged();
    return true;
}

int NodeMapWidget::nodeAt(const QPointF &pos)
{
    regroup();
    return m_hits.nodeAt(m_viewport, *m_scene, m_renderer.sprites(), pos);
}

void NodeMapWidget::regroup()
{
    m_scene->setGroupingScale(m_viewport.scale());
}

int NodeMapWidget::groupAt(const QPointF &pos)
{
    regroup();
    const QList<NodeGroup> &groups = m_scene->groups().groups();
    int best = -1;
    double bestDistance = 0;
    for (int i = 0; i < groups.size(); ++i) {
        const double reach = NodeGroups::radiusPx(groups[i].count()) * m_renderer.sprites().symbolScale() + 3;
        const QPointF d = m_viewport.toScreen(groups[i].km) - pos;
        const double distance = std::hypot(d.x(), d.y());
        if (distance <= reach && (best < 0 || distance < bestDistance)) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

bool NodeMapWidget::openGroup(int group)
{
    const QList<NodeGroup> &groups = m_scene->groups().groups();
    if (group < 0 || group >= groups.size())
        return false;
    // Far enough in for the members to stand apart (by their extent), at least twice as close, at most 8x.
    QRectF extent;
    for (int m : groups[group].members)
        extent = extent.isNull() ? QRectF(m_scene->nodes().at(m).km, QSizeF(0, 0))
                                 : extent.united(QRectF(m_scene->nodes().at(m).km, QSizeF(0, 0)));
    const double across = std::max({extent.width(), extent.height(), 1e-3});
    const double factor = std::clamp(std::min(width(), height()) * 0.6 / across / m_viewport.scale(), 2.0, 8.0);
    m_viewport.setCentreKm(groups[group].km);
    m_viewport.setScale(m_viewport.scale() * factor);
    m_userMoved = true;
    m_hits.invalidate();
    update();
    Q_EMIT viewportChanged();
    return true;
}

QString NodeMapWidget::groupTooltip(int group) const
{
    const NodeGroup &g = m_scene->groups().groups().at(group);
    const MapNode &biggest = m_scene->nodes().at(g.members.constFirst());
    QString html = QStringLiteral("<b>%1</b>").arg(tr("%n node(s) around %1", nullptr, g.count())
                                                        .arg((biggest.city.isEmpty() ? provinceDisplayName(biggest.province)
                                                                                     : biggest.city).toHtmlEscaped()));
    QStringList states;
    for (DisplayStatus status : allDisplayStatuses()) {
        if (const int n = g.byStatus[size_t(status)])
            states << tr("%1 %2").arg(n).arg(displayStatusName(status));
    }
    html += QStringLiteral("<br>") + states.join(QStringLiteral(" · "));
    if (g.acceleratorsTotal > 0)
        html += QStringLiteral("<br>") + tr("Accelerators free: %1 of %2")
                                              .arg(QLocale().toString(g.acceleratorsFree), QLocale().toString(g.acceleratorsTotal));
    html += QStringLiteral("<br>") + tr("Busy: %1 %").arg(qRound(g.utilization * 100));
    html += QStringLiteral("<br><i>") + tr("Click to zoom in on them.") + QStringLiteral("</i>");
    return html;
}

QString NodeMapWidget::nodeIdAt(const QPointF &pos)
{
    const int index = nodeAt(pos);
    return index >= 0 ? m_scene->nodes().at(index).id : QString();
}

QPointF NodeMapWidget::nodePosition(const QString &nodeId) const
{
    const int index = m_scene->nodeIndex(nodeId);
    return index >= 0 ? m_viewport.toScreen(m_scene->nodes().at(index).km) : QPointF();
}

void NodeMapWidget::paintEvent(QPaintEvent *event)
{
    QElapsedTimer timer;
    timer.start();
    syncViewportToWidget();
    regroup();
    QPainter painter(this);
    MapFrame frame = m_frame;
    if (event->rect() != rect())
        frame.exposed = event->rect();
    m_renderer.paint(painter, m_viewport, *m_scene, frame);
    m_lastFrameMs = timer.nsecsElapsed() / 1e6;
    if (!m_drewData) {
        // Data: the directory and the first metrics (a node with a sample), not the directory alone.
        const auto &nodes = m_scene->nodes();
        const auto sampled = std::count_if(nodes.cbegin(), nodes.cend(), [](const MapNode &n) { return n.hasSample; });
        if (sampled > 0) {
            m_drewData = true;
            qCInfo(lcUi, "map: first frame with data drawn (%lld nodes, %lld with metrics, %lld links)",
                   static_cast<long long>(nodes.size()), static_cast<long long>(sampled),
                   static_cast<long long>(m_scene->links().size()));
        }
    }
    if (m_showFps) {
        const qint64 now = m_fpsClock.elapsed();
        m_frameEnds.append(now);
        while (m_frameEnds.size() > 1 && now - m_frameEnds.constFirst() > 1000)
            m_frameEnds.removeFirst();
        m_renderer.overlay().setDiagnostics(tr("%1 ms/frame · %2 frames in the last second · %3 nodes · %4 links")
                                                .arg(m_lastFrameMs, 0, 'f', 1)
                                                .arg(m_frameEnds.size())
                                                .arg(m_scene->nodes().size())
                                                .arg(m_scene->links().size()));
    }
}

void NodeMapWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_viewport.setSize(size());
    if (!m_userMoved)
        fitCountry();
    m_hits.invalidate();
}

void NodeMapWidget::beginInteraction()
{
    m_frame.interactive = true;
    m_settleTimer->start();
    m_hits.invalidate();
    update();
    Q_EMIT viewportChanged();
}

void NodeMapWidget::settle()
{
    // The movement stopped: redraw the cached layers once at the new view.
    m_frame.interactive = false;
    update();
    // Build the hover grids for the new view once the event loop is idle, not on the first mouse move.
    QTimer::singleShot(0, this, [this] { m_hits.prepare(m_viewport, *m_scene, m_renderer.sprites()); });
}

void NodeMapWidget::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0)
        return;
    m_viewport.zoomAround(event->position(), std::pow(1.2, notches));
    m_userMoved = true;
    beginInteraction();
    event->accept();
}

void NodeMapWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->position();
        m_lastDragPos = event->position();
        m_dragging = false;
    }
    QWidget::mousePressEvent(event);
}

void NodeMapWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        const QPointF pos = event->position();
        if (!m_dragging && (pos - m_pressPos).manhattanLength() >= 4) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            m_viewport.panByPixels(pos - m_lastDragPos);
            m_lastDragPos = pos;
            m_userMoved = true;
            beginInteraction();
        }
        return;
    }
    updateHover(event->position());
}

void NodeMapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
        return;
    }
    if (const int group = groupAt(event->position()); group >= 0) {
        openGroup(group);
        return;
    }
    // Nodes of one city share a spot: clicking it again selects the next of them in turn.
    const QList<int> here = m_hits.nodesAt(m_viewport, *m_scene, m_renderer.sprites(), event->position());
    if (here != m_clickedStack) {
        m_clickedStack = here;
        m_clickedNext = 0;
    }
    const int node = here.isEmpty() ? -1 : here.at(m_clickedNext++ % here.size());
    selectNode(node);
    if (node >= 0)
        Q_EMIT nodeClicked(m_scene->nodes().at(node).id);
}

void NodeMapWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int node = nodeAt(event->position());
    if (node >= 0) {
        Q_EMIT nodeActivated(m_scene->nodes().at(node).id);
        return;
    }
    const int province = m_hits.provinceAt(m_viewport, *m_scene, event->position());
    if (province >= 0)
        Q_EMIT provinceActivated(m_scene->provinces().at(province).isoCode);
}

void NodeMapWidget::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    if (m_frame.hoverNode >= 0 || m_frame.hoverLink >= 0 || m_frame.hoverProvince >= 0) {
        m_frame.hoverNode = m_frame.hoverLink = m_frame.hoverProvince = -1;
        update();
    }
}

void NodeMapWidget::keyPressEvent(QKeyEvent *event)
{
    const double step = 0.12;
    switch (event->key()) {
    case Qt::Key_Left:
        m_viewport.panByPixels(QPointF(width() * step, 0));
        m_userMoved = true;
        beginInteraction();
        return;
    case Qt::Key_Right:
        m_viewport.panByPixels(QPointF(-width() * step, 0));
        m_userMoved = true;
        beginInteraction();
        return;
    case Qt::Key_Up:
        m_viewport.panByPixels(QPointF(0, height() * step));
        m_userMoved = true;
        beginInteraction();
        return;
    case Qt::Key_Down:
        m_viewport.panByPixels(QPointF(0, -height() * step));
        m_userMoved = true;
        beginInteraction();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        fitCountry();
        return;
    default:
        break;
    }
    // The keys that stand for the mouse's other actions, without Ctrl, Alt or Meta (those are shortcuts').
    const bool plain = !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const QString selected = selectedNodeId();
    if (plain && event->key() == Qt::Key_N) {
        selectAdjacentNode(shift ? -1 : 1);
    } else if (plain && (event->key() == Qt::Key_S || event->key() == Qt::Key_Space)) {
        announceSelection();
    } else if (plain && event->key() == Qt::Key_L) {
        announceAdjacentLink(shift ? -1 : 1);
    } else if (plain && !shift && event->key() == Qt::Key_R) {
        announceProvince();
    } else if (plain && !shift && event->key() == Qt::Key_F && !selected.isEmpty()) {
        Q_EMIT provinceActivated(m_scene->nodes().at(m_scene->nodeIndex(selected)).province); // as a double click
    } else if (plain && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !selected.isEmpty()) {
        Q_EMIT nodeActivated(selected); // as a double click
    } else if (plain && shift && event->key() == Qt::Key_F10) {
        requestKeyboardMenu();
    } else if (plain && event->key() == Qt::Key_P && m_workloadToPlace && !selected.isEmpty()
               && !m_workloadToPlace().isEmpty()) {
        // As a drop on the node: the queue checks that it fits and asks for confirmation.
        Q_EMIT workloadDropped(m_workloadToPlace(), selected, QString());
    } else {
        QWidget::keyPressEvent(event);
    }
}

QString NodeMapWidget::selectedNodeId() const
{
    const int node = m_frame.selectedNodes.isEmpty() ? -1 : m_frame.selectedNodes.constFirst();
    return node >= 0 && node < m_scene->nodes().size() ? m_scene->nodes().at(node).id : QString();
}

void NodeMapWidget::selectAdjacentNode(int step)
{
    // The order the operator sees in the Nodes table (sorted and filtered as it is), else the scene's.
    QList<int> order;
    int at = -1;
    const QString current = selectedNodeId();
    const QAbstractItemModel *model = m_selection ? m_selection->model() : nullptr;
    if (model) {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString id = model->index(row, 0).data(NodeTableModel::NodeIdRole).toString();
            const int node = m_scene->nodeIndex(id);
            if (node < 0 || !m_scene->nodes().at(node).visible)
                continue;
            if (id == current)
                at = int(order.size());
            order.append(node);
        }
    } else {
        for (int node = 0; node < m_scene->nodes().size(); ++node) {
            if (!m_scene->nodes().at(node).visible)
                continue;
            if (m_scene->nodes().at(node).id == current)
                at = int(order.size());
            order.append(node);
        }
    }
    if (order.isEmpty())
        return;
    const int n = int(order.size());
    const int next = at < 0 ? (step > 0 ? 0 : n - 1) : ((at + step) % n + n) % n;
    const MapNode &node = m_scene->nodes().at(order.at(next));
    regroup();
    const QPointF pos = m_viewport.toScreen(node.km);
    if (node.grouped || !QRectF(rect()).adjusted(24, 24, -24, -24).contains(pos))
        jumpToNode(node.id); // into view, close enough to stand apart from its neighbours
    else
        selectNode(order.at(next));
}

QString NodeMapWidget::statusText(int node) const
{
    const MapNode &n = m_scene->nodes().at(node);
    // As the Nodes table says it: with ", suspended" for a node whose identifier the registry suspended.
    const QModelIndex statusCell = m_nodes->nodeIndex(n.id, NodeTableModel::StatusColumn);
    return statusCell.isValid() ? statusCell.data().toString() : displayStatusName(n.status);
}

QString NodeMapWidget::selectionDescription() const
{
    const int node = m_frame.selectedNodes.isEmpty() ? -1 : m_frame.selectedNodes.constFirst();
    if (node < 0 || node >= m_scene->nodes().size())
        return tr("No node selected. N selects the next node, Shift+N the previous one.");
    QString text = sentencesOf(nodeTooltip(node));
    // The card leaves out what the Nodes table says beside it: the power and the age of the figures, as
    // the table's cells say them.
    const QString id = m_scene->nodes().at(node).id;
    const auto cell = [this, &id](int column) {
        const QModelIndex index = m_nodes->nodeIndex(id, column);
        return index.isValid() ? index.data().toString().trimmed() : QString();
    };
    if (const QString power = cell(NodeTableModel::PowerColumn); !power.isEmpty() && m_scene->nodes().at(node).hasSample)
        text += QStringLiteral(". ") + tr("Power: %1 kW").arg(power);
    if (const QString age = cell(NodeTableModel::DataAgeColumn); !age.isEmpty())
        text += QStringLiteral(". ") + tr("Data age: %1").arg(age);
    return tr("Selected: %1").arg(text);
}

void NodeMapWidget::notifyAccessibleSelection()
{
    const int node = m_frame.selectedNodes.isEmpty() ? -1 : m_frame.selectedNodes.constFirst();
    const QString key = node < 0 || node >= m_scene->nodes().size()
                            ? QString()
                            : m_scene->nodes().at(node).id + u'\n' + statusText(node);
    // Only a new node or a new status: its figures move every few seconds and are read when asked for.
    if (key == m_accessibleKey)
        return;
    m_accessibleKey = key;
    m_announcement.clear();
    QAccessibleEvent changed(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&changed);
}

void NodeMapWidget::announceSelection()
{
    m_announcement.clear(); // the description is the selection's again
    const QString id = selectedNodeId();
    const int node = id.isEmpty() ? -1 : m_scene->nodeIndex(id);
    // The hover card beside the node, as if the pointer rested on it.
    const QPointF at = node >= 0 && m_scene->nodes().at(node).shown() ? m_viewport.toScreen(m_scene->nodes().at(node).km)
                                                                      : QPointF(width() / 2.0, height() / 2.0);
    announce(selectionDescription(), node >= 0 ? nodeTooltip(node) : QString(), at);
}

void NodeMapWidget::announceAdjacentLink(int step)
{
    const QString id = selectedNodeId();
    const int node = id.isEmpty() ? -1 : m_scene->nodeIndex(id);
    QList<int> links;
    for (int link = 0; node >= 0 && link < m_scene->links().size(); ++link) {
        const MapLink &l = m_scene->links().at(link);
        if (l.a == node || l.b == node)
            links.append(link);
    }
    if (links.isEmpty()) {
        m_announcement = node < 0 ? selectionDescription() : tr("%1 has no links.").arg(m_scene->nodes().at(node).name);
        announce(m_announcement, QString(), QPointF(width() / 2.0, height() / 2.0));
        return;
    }
    // The next one after the link said last, in the scene's order, round the node.
    const int at = int(links.indexOf(m_frame.hoverLink));
    const int n = int(links.size());
    const int link = links.at(at < 0 ? (step > 0 ? 0 : n - 1) : ((at + step) % n + n) % n);
    m_frame.hoverLink = link; // drawn highlighted, as under the pointer
    update();
    const MapLink &l = m_scene->links().at(link);
    const QPointF middle = (m_viewport.toScreen(m_scene->nodes().at(l.a).km) + m_viewport.toScreen(m_scene->nodes().at(l.b).km)) / 2;
    const QString card = linkTooltip(link);
    m_announcement = tr("Link %1 of %2: %3").arg(links.indexOf(link) + 1).arg(n).arg(sentencesOf(card));
    announce(m_announcement, card, middle);
}

void NodeMapWidget::announceProvince()
{
    const QString id = selectedNodeId();
    const int province = id.isEmpty() ? -1 : m_scene->provinceIndex(m_scene->nodes().at(m_scene->nodeIndex(id)).province);
    if (province < 0) {
        announce(selectionDescription(), QString(), QPointF(width() / 2.0, height() / 2.0));
        return;
    }
    const QString card = provinceTooltip(province);
    m_announcement = sentencesOf(card);
    const QPointF at = m_viewport.toScreen(m_scene->nodes().at(m_scene->nodeIndex(id)).km);
    announce(m_announcement, card, at);
}

QString NodeMapWidget::accessibleDescriptionNow() const
{
    return m_announcement.isEmpty() ? selectionDescription() : m_announcement;
}

void NodeMapWidget::announce(const QString &text, const QString &cardHtml, const QPointF &at)
{
    if (!cardHtml.isEmpty())
        QToolTip::showText(mapToGlobal(at.toPoint()), cardHtml, this);
    // The main window shows a status tip in its status bar.
    QStatusTipEvent tip(text);
    QCoreApplication::sendEvent(window(), &tip);
    QAccessibleEvent changed(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&changed);
    Q_EMIT announced(text);
}

QString NodeMapWidget::contextNodeId(const QPoint &pos)
{
    return m_keyboardMenuNode.isEmpty() ? nodeIdAt(QPointF(pos)) : m_keyboardMenuNode;
}

void NodeMapWidget::requestKeyboardMenu()
{
    // At the selected node, about it (even when another shares its spot), else in the middle of the map.
    const QString id = selectedNodeId();
    const int node = id.isEmpty() ? -1 : m_scene->nodeIndex(id);
    QPoint pos(width() / 2, height() / 2);
    if (node >= 0 && m_scene->nodes().at(node).shown() && rect().contains(m_viewport.toScreen(m_scene->nodes().at(node).km).toPoint()))
        pos = m_viewport.toScreen(m_scene->nodes().at(node).km).toPoint();
    if (contextMenuPolicy() != Qt::CustomContextMenu)
        return;
    m_keyboardMenuNode = id;
    Q_EMIT customContextMenuRequested(pos);
    m_keyboardMenuNode.clear();
}

void NodeMapWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // Names, the inset's caption and the overlay's panels are drawn into cached images.
        m_renderer.overlay().setTextScale(m_renderer.overlay().textScale());
        m_renderer.invalidate();
        update();
    }
    QWidget::changeEvent(event);
}

bool NodeMapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ContextMenu
        && static_cast<QContextMenuEvent *>(event)->reason() == QContextMenuEvent::Keyboard
        && contextMenuPolicy() == Qt::CustomContextMenu) {
        requestKeyboardMenu(); // the Menu key: about the selected node, not the one in the middle
        return true;
    }
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPointF pos = help->pos();
        QString text;
        if (const int group = groupAt(pos); group >= 0) {
            text = groupTooltip(group);
        } else if (const QList<int> here = m_hits.nodesAt(m_viewport, *m_scene, m_renderer.sprites(), pos); !here.isEmpty()) {
            text = nodeTooltip(here.constFirst());
            if (here.size() > 1) {
                QStringList others;
                for (qsizetype i = 1; i < here.size(); ++i)
                    others << m_scene->nodes().at(here.at(i)).name.toHtmlEscaped();
                text += QStringLiteral("<hr>") + tr("Also here: %1. Click again to select each in turn.")
                                                     .arg(others.join(QStringLiteral(", ")));
            }
        }
        else if (const int link = m_hits.linkAt(m_viewport, *m_scene, pos); link >= 0)
            text = linkTooltip(link);
        else if (const int province = m_hits.provinceAt(m_viewport, *m_scene, pos); province >= 0)
            text = provinceTooltip(province);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void NodeMapWidget::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_fitProvider || !event->mimeData()->hasFormat(workloadMimeType())) {
        event->ignore();
        return;
    }
    m_dragWorkload = QString::fromUtf8(event->mimeData()->data(workloadMimeType()));
    // Ranked once per drag: moving over the map only looks up what was computed here.
    m_renderer.fitLayer().setShading(m_fitProvider(m_dragWorkload));
    m_frame.hoverNode = m_frame.hoverLink = m_frame.hoverProvince = -1;
    event->acceptProposedAction();
    update();
}

void NodeMapWidget::dropTarget(const QPointF &pos, QString *nodeId, QString *province)
{
    nodeId->clear();
    province->clear();
    if (m_renderer.insetRect().contains(pos))
        return;
    if (const int node = nodeAt(pos); node >= 0) {
        *nodeId = m_scene->nodes().at(node).id;
        return;
    }
    if (const int p = m_hits.provinceAt(m_viewport, *m_scene, pos); p >= 0) {
        *province = m_scene->provinces().at(p).isoCode;
        *nodeId = m_renderer.fitLayer().bestNodeIn(*m_scene, *province);
    }
}

void NodeMapWidget::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_dragWorkload.isEmpty()) {
        event->ignore();
        return;
    }
    const QPointF pos = event->position();
    MapFitLayer &fit = m_renderer.fitLayer();
    const int node = m_renderer.insetRect().contains(pos) ? -1 : nodeAt(pos);
    const int province = node >= 0 || m_renderer.insetRect().contains(pos)
                             ? -1
                             : m_hits.provinceAt(m_viewport, *m_scene, pos);
    fit.setHover(node, province, pos);
    update(); // the label follows the cursor
    // Only where it can run: elsewhere the cursor says no, and the label says why.
    QString nodeId, iso;
    dropTarget(pos, &nodeId, &iso);
    const NodeFit *target = nodeId.isEmpty() ? nullptr : fit.fitOf(nodeId);
    if (target && target->level != FitLevel::Cannot)
        event->acceptProposedAction();
    else
        event->ignore();
}

void NodeMapWidget::dragLeaveEvent(QDragLeaveEvent *event)
{
    endWorkloadDrag();
    event->accept();
}

void NodeMapWidget::dropEvent(QDropEvent *event)
{
    const QString workload = m_dragWorkload.isEmpty() && event->mimeData()->hasFormat(workloadMimeType())
                                 ? QString::fromUtf8(event->mimeData()->data(workloadMimeType()))
                                 : m_dragWorkload;
    QString nodeId, province;
    dropTarget(event->position(), &nodeId, &province);
    const NodeFit *target = nodeId.isEmpty() ? nullptr : m_renderer.fitLayer().fitOf(nodeId);
    const bool fits = target && target->level != FitLevel::Cannot;
    endWorkloadDrag();
    if (workload.isEmpty() || !fits) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    Q_EMIT workloadDropped(workload, nodeId, province);
}

void NodeMapWidget::endWorkloadDrag()
{
    m_dragWorkload.clear();
    m_renderer.fitLayer().clear();
    update();
}

void NodeMapWidget::updateHover(const QPointF &pos)
{
    int node = -1, link = -1, province = -1;
    if (!m_renderer.insetRect().contains(pos)) {
        node = nodeAt(pos);
        // While the view moves, the link grid would be rebuilt for every frame: nodes only until it settles.
        if (node < 0 && !m_frame.interactive)
            link = m_hits.linkAt(m_viewport, *m_scene, pos);
        if (node < 0 && link < 0)
            province = m_hits.provinceAt(m_viewport, *m_scene, pos);
    }
    if (node == m_frame.hoverNode && link == m_frame.hoverLink && province == m_frame.hoverProvince)
        return;
    m_frame.hoverNode = node;
    m_frame.hoverLink = link;
    m_frame.hoverProvince = province;
    setCursor(node >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
}

QModelIndex NodeMapWidget::indexForNode(const QAbstractItemModel *model, const QString &nodeId) const
{
    if (!model)
        return {};
    if (model == m_nodes)
        return m_nodes->nodeIndex(nodeId);
    if (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model)) {
        const QModelIndex source = indexForNode(proxy->sourceModel(), nodeId);
        return source.isValid() ? proxy->mapFromSource(source) : QModelIndex();
    }
    return {};
}

void NodeMapWidget::selectNode(int sceneIndex)
{
    if (!m_selection) {
        m_frame.selectedNodes = sceneIndex >= 0 ? QList<int>{sceneIndex} : QList<int>{};
        update();
        return;
    }
    if (sceneIndex < 0) {
        m_selection->clearSelection();
        return;
    }
    const QModelIndex index = indexForNode(m_selection->model(), m_scene->nodes().at(sceneIndex).id);
    if (!index.isValid())
        return;
    m_selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void NodeMapWidget::syncSelectionFromModel()
{
    QList<int> selected;
    if (m_selection) {
        for (const QModelIndex &index : m_selection->selectedRows()) {
            const int node = m_scene->nodeIndex(index.data(NodeTableModel::NodeIdRole).toString());
            if (node >= 0)
                selected.append(node);
        }
    }
    if (selected != m_frame.selectedNodes) {
        m_frame.selectedNodes = selected;
        update();
    }
    notifyAccessibleSelection(); // also after new data: the selected node's status may have changed
}

QString NodeMapWidget::nodeTooltip(int node) const
{
    const MapNode &n = m_scene->nodes().at(node);
    const QLocale locale;
    QString html = QStringLiteral("<b>%1</b>").arg(n.name.toHtmlEscaped());
    if (!n.altName.isEmpty())
        html += QStringLiteral("<br><span style='color:#8fa1b5'>%1</span>").arg(n.altName.toHtmlEscaped());
    html += QStringLiteral("<br>%1 · %2 · %3")
                .arg(roleName(n.role), provinceDisplayName(n.province).toHtmlEscaped(), n.city.toHtmlEscaped());
    html += QStringLiteral("<br>") + tr("Status: %1").arg(statusText(node));
    if (!n.hasSample) {
        html += QStringLiteral("<br>") + tr("No data yet");
        return html;
    }
    QString figures;
    if (n.acceleratorsTotal > 0)
        figures = tr("Accelerators: %1 free of %2, %3 busy")
                      .arg(locale.toString(n.acceleratorsFree), locale.toString(n.acceleratorsTotal),
                           style::percentText(n.utilization));
    else
        figures = tr("CPU: %1 busy").arg(style::percentText(n.utilization));
    if (n.cheapestAcceleratorHour)
        figures += QStringLiteral("<br>")
                   + tr("From %1 CNY per card-hour").arg(locale.toString(*n.cheapestAcceleratorHour, 'f', 2));
    // Figures of a node that is late or silent are its last known ones: said so, with their age, greyed.
    // The same judgement as the Nodes table's (NodeTableModel::FiguresCurrentRole).
    const QModelIndex row = m_nodes->nodeIndex(n.id, NodeTableModel::CpuColumn);
    const qint64 ageMs = row.isValid() ? m_nodes->dataAgeMsAt(row.row()) : -1;
    const bool current = row.data(NodeTableModel::FiguresCurrentRole).toBool();
    if (current || ageMs < 0) {
        html += QStringLiteral("<br>") + figures;
        return html;
    }
    html += QStringLiteral("<br><span style='color:#7d8794'>%1<br>%2</span>")
                .arg(tr("Last known figures, %1 old:").arg(durationText(ageMs)), figures);
    return html;
}

QString NodeMapWidget::linkTooltip(int link) const
{
    const MapLink &l = m_scene->links().at(link);
    const MapNode &a = m_scene->nodes().at(l.a);
    const MapNode &b = m_scene->nodes().at(l.b);
    const QLocale locale;
    QString html = QStringLiteral("<b>%1 ⇄ %2</b>").arg(a.name.toHtmlEscaped(), b.name.toHtmlEscaped());
    QString kind;
    switch (l.kind) {
    case LinkKind::Backbone:
        kind = tr("Backbone link");
        break;
    case LinkKind::Regional:
        kind = tr("Regional link");
        break;
    case LinkKind::Access:
        kind = tr("Access link");
        break;
    }
    html += QStringLiteral("<br>%1 · %2").arg(kind, tr("%1 Gbps").arg(locale.toString(l.capacityGbps, 'f', 0)));
    if (!l.reported)
        return html + QStringLiteral("<br>") + tr("No data yet");
    html += QStringLiteral("<br>") + tr("%1 → %2: %3 Gbps").arg(a.name.toHtmlEscaped(), b.name.toHtmlEscaped(),
                                                               locale.toString(l.abGbps, 'f', 1));
    html += QStringLiteral("<br>") + tr("%1 → %2: %3 Gbps").arg(b.name.toHtmlEscaped(), a.name.toHtmlEscaped(),
                                                               locale.toString(l.baGbps, 'f', 1));
    html += QStringLiteral("<br>") + tr("Load %1 · latency %2 ms")
                                         .arg(style::percentText(l.utilization()), locale.toString(l.latencyMs, 'f', 1));
    if (l.status == LinkStatus::Congested)
        html += QStringLiteral("<br><span style='color:#e3a008'>%1</span>").arg(tr("Congested"));
    else if (l.status == LinkStatus::Down)
        html += QStringLiteral("<br><span style='color:#f04a43'>%1</span>").arg(tr("Down"));
    return html;
}

QString NodeMapWidget::provinceTooltip(int province) const
{
    const QString iso = m_scene->provinces().at(province).isoCode;
    const QLocale locale;
    QString html = QStringLiteral("<b>%1</b>").arg(provinceDisplayName(iso).toHtmlEscaped());
    const QString alternate = provinceAlternateName(iso);
    if (!alternate.isEmpty())
        html += QStringLiteral(" <span style='color:#8fa1b5'>%1</span>").arg(alternate.toHtmlEscaped());
    const auto it = m_scene->aggregates().constFind(iso);
    if (it == m_scene->aggregates().constEnd() || it->nodes == 0)
        return html + QStringLiteral("<br>") + tr("No nodes shown in this province");
    html += QStringLiteral("<br>") + tr("%n node(s), %1 reporting", nullptr, it->nodes).arg(it->reporting);
    if (it->reporting > 0) {
        html += QStringLiteral("<br>") + tr("Utilization %1").arg(style::percentText(it->utilization));
        if (it->acceleratorsTotal > 0)
            html += QStringLiteral("<br>") + tr("Accelerators: %1 free of %2")
                                                 .arg(locale.toString(it->acceleratorsFree),
                                                      locale.toString(it->acceleratorsTotal));
        if (it->cheapestAcceleratorHour)
            html += QStringLiteral("<br>") + tr("From %1 CNY per card-hour")
                                                 .arg(locale.toString(*it->cheapestAcceleratorHour, 'f', 2));
    }
    return html;
}

} // namespace cpn::map
