#include "ui/mappanel.h"

#include "widgets/accessibletext.h"

#include "itemmodels/nodefilterproxymodel.h"
#include "itemmodels/nodetablemodel.h"
#include "widgets/map/basemapscene.h"
#include "widgets/map/mapoverlay.h"
#include "widgets/map/mapscene.h"
#include "widgets/map/mapscenefeeder.h"
#include "widgets/map/nodemapwidget.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include <QEvent>

namespace cpn {

MapPanel::MapPanel(NodeTableModel *nodes, NodeFilterProxyModel *filter, QItemSelectionModel *selection,
                   QWidget *parent)
    : QWidget(parent), m_nodes(nodes), m_filter(filter), m_scene(std::make_unique<map::MapScene>()),
      m_feeder(new map::MapSceneFeeder(m_scene.get(), nodes, this)),
      m_map(new map::NodeMapWidget(m_scene.get(), nodes, this)), m_toolBar(new QWidget(this)),
      m_search(new QLineEdit(m_toolBar)), m_shading(new QComboBox(m_toolBar)), m_count(new QLabel(m_toolBar)),
      m_fit(new QToolButton(m_toolBar)), m_wall(new QToolButton(m_toolBar))
{
    setObjectName(QStringLiteral("mapPanel"));
    m_feeder->setFilter(filter);
    m_map->setSelectionModel(selection);
    connect(m_feeder, &map::MapSceneFeeder::sceneChanged, this, &MapPanel::showSceneChange);

    m_toolBar->setObjectName(QStringLiteral("mapToolBar"));
    m_search->setObjectName(QStringLiteral("mapSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition)->setText(tr("Search"));
    auto *completer = new QCompleter(nodes, m_search);
    completer->setCompletionColumn(NodeTableModel::NameColumn);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(12);
    m_search->setCompleter(completer);
    connect(completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                m_map->jumpToNode(index.data(NodeTableModel::NodeIdRole).toString());
                m_map->setFocus();
            });
    connect(m_search, &QLineEdit::returnPressed, this, &MapPanel::jumpToSearch);

    m_shadingLabel = new QLabel(m_toolBar);
    m_shadingLabel->setObjectName(QStringLiteral("countLabel"));
    for (map::ShadingMetric metric : {map::ShadingMetric::Utilization, map::ShadingMetric::FreeAccelerators,
                                      map::ShadingMetric::Price, map::ShadingMetric::None})
        m_shading->addItem(QString(), int(metric));
    m_shading->setObjectName(QStringLiteral("mapShading"));
    connect(m_shading, &QComboBox::currentIndexChanged, this, &MapPanel::applyShading);

    m_count->setObjectName(QStringLiteral("countLabel"));
    connect(m_fit, &QToolButton::clicked, m_map, &map::NodeMapWidget::fitCountry);
    connect(m_wall, &QToolButton::clicked, this, &MapPanel::wallModeToggled);

    auto *bar = new QHBoxLayout(m_toolBar);
    bar->setContentsMargins(6, 6, 6, 0);
    bar->setSpacing(6);
    bar->addWidget(m_search, 2);
    bar->addSpacing(12);
    bar->addWidget(m_shadingLabel);
    bar->addWidget(m_shading, 1);
    bar->addStretch(2);
    bar->addWidget(m_count);
    bar->addWidget(m_fit);
    bar->addWidget(m_wall);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_map, 1);
    setFocusProxy(m_map);
    updateCount();
    retranslate();
}

void MapPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MapPanel::retranslate()
{
    setAccessibleText(m_search, tr("Go to node"), tr("Type a node's name and press Enter: the map centres on it"));
    m_search->setPlaceholderText(tr("Go to node…"));
    m_shadingLabel->setText(tr("Shade provinces by"));
    for (int i = 0; i < m_shading->count(); ++i)
        m_shading->setItemText(i, map::MapOverlay::metricName(map::ShadingMetric(m_shading->itemData(i).toInt())));
    m_shading->setToolTip(tr("Shade provinces by"));
    m_fit->setText(tr("Fit country"));
    m_fit->setToolTip(tr("Show the whole country (0)"));
    m_wall->setText(tr("Wall mode"));
    m_wall->setToolTip(tr("Full screen for the control-room wall (F11)"));
    m_shading->setAccessibleDescription(tr("Shade provinces by"));
    m_fit->setAccessibleDescription(m_fit->toolTip());
    m_wall->setAccessibleDescription(m_wall->toolTip());
    updateCount();
}

MapPanel::~MapPanel() = default;

void MapPanel::setLinks(const QList<Link> &links)
{
    m_feeder->setLinks(links);
}

void MapPanel::setLinkSamples(const LinkSamplesByRow &samples)
{
    m_feeder->setLinkSamples(samples);
}

void MapPanel::setSummary(const FederationSummary &summary, qint64 nowMs, int intervalMs)
{
    // The totals of a tick whose nodes are still on their way to the map wait for them, so that the
    // map repaints once a tick and never shows totals beside the nodes of the tick before.
    if (m_feeder->hasPendingChanges()) {
        m_pendingSummary = Summary{summary, nowMs, intervalMs};
        return;
    }
    m_map->setSummary(summary, nowMs, intervalMs);
}

void MapPanel::showSceneChange()
{
    if (m_pendingSummary) {
        const Summary pending = *std::exchange(m_pendingSummary, std::nullopt);
        m_map->showSceneWithSummary(pending.summary, pending.nowMs, pending.intervalMs);
    } else {
        m_map->sceneChanged();
    }
    updateCount();
}

bool MapPanel::loadBasemap(const QString &path, QString *error)
{
    if (!map::loadSceneBasemap(*m_scene, path, error))
        return false;
    m_scene->recomputeAggregates();
    m_map->update();
    return true;
}

void MapPanel::setToolBarVisible(bool visible)
{
    m_toolBar->setVisible(visible);
}

void MapPanel::showAlarms(const QHash<QString, Alarm::Severity> &byNode,
                          const QHash<QString, Alarm::Severity> &byLink)
{
    const quint64 nodes = m_scene->nodesRevision();
    const quint64 links = m_scene->linksRevision();
    m_scene->setAlarmSeverities(byNode, byLink);
    // Composed off the UI thread like a tick's data; a tick on its way composes it anyway.
    if ((m_scene->nodesRevision() != nodes || m_scene->linksRevision() != links) &&
        !m_feeder->hasPendingChanges())
        m_map->sceneChanged();
}

void MapPanel::setBlinking(const QStringList &nodeIds, const QStringList &linkIds)
{
    m_map->setBlinking(nodeIds, linkIds);
}

void MapPanel::setProblemsBand(QWidget *band)
{
    auto *layout = qobject_cast<QVBoxLayout *>(this->layout());
    layout->insertWidget(layout->indexOf(m_map), band);
}

void MapPanel::jumpToSearch()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty())
        return;
    // The first node whose name, id, city or compute id contains every word typed, in table order.
    const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int row = 0; row < m_nodes->rowCount(); ++row) {
        const QString haystack = m_nodes->index(row, 0).data(NodeTableModel::SearchTextRole).toString();
        if (std::all_of(words.cbegin(), words.cend(), [&haystack](const QString &w) { return haystack.contains(w); })
            && m_map->jumpToNode(m_nodes->nodeAt(row).id)) {
            m_map->setFocus();
            return;
        }
    }
}

void MapPanel::applyShading()
{
    m_scene->setShadingMetric(map::ShadingMetric(m_shading->currentData().toInt()));
    m_map->update();
}

void MapPanel::updateCount()
{
    int shown = 0;
    for (const map::MapNode &node : m_scene->nodes())
        shown += node.visible;
    const QString full = tr("%1 of %2 nodes on the map").arg(shown).arg(m_scene->nodes().size());
    m_count->setText(m_compactCount ? tr("%1 / %2").arg(shown).arg(m_scene->nodes().size()) : full);
    m_count->setToolTip(full + u'\n' + tr("The map shows the nodes that pass the Nodes filter"));
}

void MapPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitToolBar();
}

void MapPanel::fitToolBar()
{
    // On a 1366-pixel screen beside the docks the bar has no room for every word: the shading combo
    // keeps its meaning in its tooltip, the count its full sentence.
    const auto fits = [this] { return m_toolBar->layout()->minimumSize().width() <= width(); };
    m_shadingLabel->setVisible(true);
    m_compactCount = false;
    updateCount();
    if (!fits())
        m_shadingLabel->setVisible(false);
    if (!fits()) {
        m_compactCount = true;
        updateCount();
    }
}

} // namespace cpn
