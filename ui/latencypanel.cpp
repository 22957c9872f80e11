#include "ui/latencypanel.h"

#include "charts/latencycompliance.h"
#include "domain/clock.h"
#include "itemmodels/latencymatrixmodel.h"
#include "itemmodels/textschanged.h"
#include "state/displaystatus.h"
#include "state/federationstate.h"
#include "widgets/map/maplatencylayer.h"
#include "widgets/map/nodemapwidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace cpn {
namespace {

QColor stateColor(LatencyMatrixModel::CellState state)
{
    switch (state) {
    case LatencyMatrixModel::CellState::Within:
        return QColor(0x2e, 0x7d, 0x4f);
    case LatencyMatrixModel::CellState::Near:
        return QColor(0x9a, 0x7b, 0x1c);
    case LatencyMatrixModel::CellState::Above:
        return QColor(0xb0, 0x3a, 0x2e);
    case LatencyMatrixModel::CellState::ByDesign:
        return QColor(0x6e, 0x3a, 0x5e);
    case LatencyMatrixModel::CellState::NoData:
        break;
    }
    return QColor(0x40, 0x44, 0x4c);
}

// Each cell on its state's colour, so the matrix reads at a glance; the text stays white.
class CellDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const auto state = LatencyMatrixModel::CellState(index.data(LatencyMatrixModel::CellStateRole).toInt());
        painter->fillRect(option.rect.adjusted(1, 1, -1, -1), stateColor(state));
        if (option.state & QStyle::State_Selected) {
            painter->setPen(QPen(Qt::white, 2));
            painter->drawRect(option.rect.adjusted(2, 2, -2, -2));
        }
        painter->setPen(Qt::white);
        painter->drawText(option.rect, Qt::AlignCenter, index.data().toString());
    }
};

struct Window
{
    const char *name;
    qint64 ms;
};
const Window kWindows[] = {{QT_TRANSLATE_NOOP("cpn::LatencyPanel", "15 minutes"), 15 * 60'000},
                           {QT_TRANSLATE_NOOP("cpn::LatencyPanel", "hour"), 3600'000},
                           {QT_TRANSLATE_NOOP("cpn::LatencyPanel", "6 hours"), 6 * 3600'000},
                           {QT_TRANSLATE_NOOP("cpn::LatencyPanel", "24 hours"), 24 * 3600'000}};

} // namespace

LatencyPanel::LatencyPanel(map::NodeMapWidget *map, charts::HistorySource *history, const Clock &clock,
                           QWidget *parent)
    : QWidget(parent), m_map(map), m_clock(clock), m_model(new LatencyMatrixModel(this)),
      m_window(new QComboBox(this)), m_rings(new QCheckBox(this)),
      m_view(new QTableView(this)), m_legend(new QLabel(this)), m_windowLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("latencyPanel"));
    if (history) {
        m_compliance = new charts::LatencyCompliance(history, this);
        connect(m_compliance, &charts::LatencyCompliance::computed, this,
                [this](const QHash<QString, double> &shares) {
                    m_model->setCompliance(shares, tr(kWindows[std::max(0, m_window->currentIndex())].name));
                });
    }
    auto *top = new QHBoxLayout;
    m_windowLabel->setBuddy(m_window);
    for (const Window &w : kWindows)
        m_window->addItem(QString(), w.ms);
    m_window->setCurrentIndex(1);
    m_window->setEnabled(m_compliance != nullptr);
    top->addWidget(m_windowLabel);
    top->addWidget(m_window);
    top->addStretch();
    top->addWidget(m_rings);

    m_legend->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("latencyMatrix"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new CellDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->horizontalHeader()->setMinimumSectionSize(48);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Hub names wrap in a narrow column, so eight hubs' cells fit beside them in a dock.
    m_view->verticalHeader()->setDefaultAlignment(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter | int(Qt::TextWordWrap)));
    m_view->verticalHeader()->setFixedWidth(fontMetrics().horizontalAdvance(u'M') * 12);
    m_view->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_legend);

    connect(m_window, &QComboBox::currentIndexChanged, this, &LatencyPanel::refreshCompliance);
    connect(m_rings, &QCheckBox::toggled, this, &LatencyPanel::updateRings);
    connect(m_model, &LatencyMatrixModel::breached, this, [this](const latency::TargetPair &pair, double ms) {
        QTimer::singleShot(0, this, &LatencyPanel::refreshCompliance); // the window's share moves with it
        Q_EMIT breachEvent(EventLogModel::Severity::Warning,
                           tr("Latency %1 is %2 ms, above its %3 ms target %4")
                               .arg(pairText(pair), QLocale().toString(ms, 'f', ms < 10 ? 2 : 1))
                               .arg(pair.targetMs())
                               .arg(LatencyMatrixModel::scopeName(pair.scope)));
    });
    connect(m_model, &LatencyMatrixModel::recovered, this, [this](const latency::TargetPair &pair, double ms) {
        QTimer::singleShot(0, this, &LatencyPanel::refreshCompliance);
        Q_EMIT breachEvent(EventLogModel::Severity::Info,
                           tr("Latency %1 is back within its %2 ms target: %3 ms")
                               .arg(pairText(pair))
                               .arg(pair.targetMs())
                               .arg(QLocale().toString(ms, 'f', ms < 10 ? 2 : 1)));
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QStringList ends = index.data(LatencyMatrixModel::PairRole).toString().split(u'|');
        const auto pair = std::find_if(m_model->pairs().cbegin(), m_model->pairs().cend(), [&](const auto &p) {
            return ends.size() == 2 && p.a == ends[0] && p.b == ends[1];
        });
        if (pair == m_model->pairs().cend() || !m_state)
            return;
        QStringList nodes;
        QStringList links;
        for (int link : pair->links) {
            const Link &l = m_state->links().at(link);
            links.append(l.id);
            for (const QString &end : {l.a, l.b}) {
                if (!nodes.contains(end))
                    nodes.append(end);
            }
        }
        Q_EMIT pathRequested(nodes, links);
    });
    m_complianceTimer.setInterval(kComplianceRefreshMs);
    connect(&m_complianceTimer, &QTimer::timeout, this, &LatencyPanel::refreshCompliance);
    m_complianceTimer.start();
    retranslate();
}

void LatencyPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        announceTextsChanged(m_model);
        refreshCompliance(); // the window's name in the cells' tool tips
    }
    QWidget::changeEvent(event);
}

void LatencyPanel::retranslate()
{
    m_windowLabel->setText(tr("Compliance over the last:"));
    for (int i = 0; i < m_window->count(); ++i)
        m_window->setItemText(i, tr(kWindows[i].name));
    m_window->setAccessibleName(tr("Compliance window"));
    m_rings->setText(tr("&Rings on the map from the selected node"));
    m_legend->setText(tr("Each cell: the path's latency now, and the share of the window it met its target. "
                         "Targets: 20 ms between hubs, 5 ms within a region, 1 ms within a city; along the "
                         "diagonal, the worst of a hub's region. Green within, amber above 80 %, red above; "
                         "purple: misses it by design (no headroom at base latency); grey: no data."));
    m_view->setAccessibleName(tr("Latency between hubs"));
}

void LatencyPanel::setState(const FederationState *state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    m_model->setState(state);
    if (state) {
        connect(state, &FederationState::linkSamplesUpdated, this, &LatencyPanel::updateRings);
        connect(state, &FederationState::directoryChanged, this, [this](bool rowsChanged) {
            if (rowsChanged)
                refreshCompliance();
        });
    }
    updateRings();
    refreshCompliance();
}

void LatencyPanel::setSelectedNode(const QString &nodeId)
{
    if (nodeId == m_selected)
        return;
    m_selected = nodeId;
    updateRings();
}

void LatencyPanel::refreshCompliance()
{
    if (!m_compliance || !m_state)
        return;
    const qint64 to = m_clock.nowMs();
    m_compliance->compute(m_model->pairs(), m_state->links(), to - m_window->currentData().toLongLong(), to);
}

void LatencyPanel::updateRings()
{
    if (!m_map)
        return;
    if (!m_rings->isChecked() || m_selected.isEmpty() || !m_state || !m_state->node(m_selected)) {
        m_map->clearLatencyRings();
        return;
    }
    const LinkSamplesByRow &samples = m_state->currentLinkSamples();
    const latency::PathTree tree(m_state->links(), m_selected);
    const QHash<QString, double> ms = latency::pathLatencies(tree, [&](int link) -> std::optional<double> {
        const std::optional<LinkSample> &s = samples.value(link);
        if (!s || s->status == LinkStatus::Down)
            return std::nullopt;
        return s->latencyMs;
    });
    m_map->setLatencyRings(m_selected, displayNameOf(*m_state, m_selected), ms);
}

QString LatencyPanel::pairText(const latency::TargetPair &pair) const
{
    return m_state ? tr("%1 – %2").arg(displayNameOf(*m_state, pair.a), displayNameOf(*m_state, pair.b))
                   : tr("%1 – %2").arg(pair.a, pair.b);
}

} // namespace cpn
