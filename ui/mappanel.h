#pragma once

#include "domain/alarm.h"
#include "domain/link.h"
#include "domain/metrics.h"
#include "itemmodels/federationsummary.h"

#include <QHash>
#include <optional>
#include <QWidget>

class QComboBox;
class QItemSelectionModel;
class QLabel;
class QLineEdit;
class QToolButton;

namespace cpn {

class NodeFilterProxyModel;
class NodeTableModel;

namespace map {
class MapScene;
class MapSceneFeeder;
class NodeMapWidget;
} // namespace map

// The central area: the national map under a slim tool bar (jump to a node, province shading, fit,
// wall mode). The map shows the nodes the Nodes dock's filter lets through and shares its selection.
class MapPanel : public QWidget
{
    Q_OBJECT

public:
    MapPanel(NodeTableModel *nodes, NodeFilterProxyModel *filter, QItemSelectionModel *selection,
             QWidget *parent = nullptr);
    ~MapPanel() override;

    map::NodeMapWidget *mapWidget() const { return m_map; }
    map::MapScene *scene() const { return m_scene.get(); }
    map::MapSceneFeeder *feeder() const { return m_feeder; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *shadingCombo() const { return m_shading; }
    QWidget *toolBar() const { return m_toolBar; }

    void setLinks(const QList<Link> &links);
    void setLinkSamples(const LinkSamplesByRow &samples);
    void setSummary(const FederationSummary &summary, qint64 nowMs, int intervalMs);
    // Loads a GeoJSON basemap; false with the reason when it cannot be used.
    bool loadBasemap(const QString &path, QString *error);
    void setToolBarVisible(bool visible);
    // The worst alarm that needs attention per node and per link id, drawn with the map's data.
    void showAlarms(const QHash<QString, Alarm::Severity> &byNode,
                    const QHash<QString, Alarm::Severity> &byLink);
    // The sources that blink (new unacknowledged critical alarms).
    void setBlinking(const QStringList &nodeIds, const QStringList &linkIds);
    // A band above the map (wall mode's open problems); the panel lays it out, the band shows itself.
    void setProblemsBand(QWidget *band);

Q_SIGNALS:
    void wallModeToggled();

protected:
    void resizeEvent(QResizeEvent *event) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void jumpToSearch();
    void applyShading();
    void updateCount();
    void fitToolBar(); // a narrow panel drops the words before the controls
    void showSceneChange();

    struct Summary
    {
        FederationSummary summary;
        qint64 nowMs = 0;
        int intervalMs = 0;
    };

    NodeTableModel *m_nodes;
    NodeFilterProxyModel *m_filter;
    std::unique_ptr<map::MapScene> m_scene;
    map::MapSceneFeeder *m_feeder;
    map::NodeMapWidget *m_map;
    QWidget *m_toolBar;
    QLineEdit *m_search;
    QComboBox *m_shading;
    QLabel *m_count;
    QLabel *m_shadingLabel;
    bool m_compactCount = false;
    QToolButton *m_fit;
    QToolButton *m_wall;
    std::optional<Summary> m_pendingSummary; // shown with the scene change on its way
};

} // namespace cpn
