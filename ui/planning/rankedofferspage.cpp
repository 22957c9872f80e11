#include "ui/planning/rankedofferspage.h"

#include "widgets/accessibletext.h"

#include "domain/enums.h"
#include "domain/provinces.h"
#include "jobs/offerbook.h"
#include "placement/sharedranking.h"
#include "ui/planning/planningservices.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <QEvent>

namespace cpn {
namespace {

constexpr int kBarRole = Qt::UserRole + 1; // double 0..1 drawn as a bar behind the text
constexpr int kMaxHighlights = 50;

// A score part as a bar: the eye compares lengths faster than digits.
class ScoreBarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QVariant bar = index.data(kBarRole);
        if (bar.isValid()) {
            const double value = std::clamp(bar.toDouble(), 0.0, 1.0);
            QRectF r = QRectF(option.rect).adjusted(3, 4, -3, -4);
            r.setWidth(r.width() * value);
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            QColor colour = QColor::fromHsvF(0.33 * value, 0.55, 0.75);
            colour.setAlphaF(0.55);
            painter->setBrush(colour);
            painter->drawRoundedRect(r, 2, 2);
            painter->restore();
        }
        QStyledItemDelegate::paint(painter, option, index);
    }
};

QTableWidgetItem *textItem(const QString &text, const QVariant &sort = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (sort.isValid())
        item->setData(Qt::UserRole, sort);
    return item;
}

QTableWidgetItem *barItem(const placement::ScorePart &part, const QString &raw)
{
    auto *item = textItem(QString::number(placement::scorePoints(part.score)));
    item->setData(kBarRole, part.score);
    item->setToolTip(raw);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString money(double cny)
{
    return QCoreApplication::translate("cpn::RankedOffersPage", "¥%1").arg(QLocale().toString(cny, 'f', 0));
}

} // namespace

RankedOffersPage::RankedOffersPage(PlanningServices *services, placement::Workload *draft,
                                   placement::SharedRanking *ranking, QWidget *parent)
    : QWizardPage(parent), m_services(services), m_draft(draft), m_ranking(ranking)
{
    setObjectName(QStringLiteral("rankedOffersPage"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("rankSummary"));
    m_summary->setWordWrap(true);
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("refreshRanking"));
    // A ranking made elsewhere (the requirements page, on new offers) replaces the one shown.
    connect(m_ranking, &placement::SharedRanking::ranked, this, [this] {
        if (isVisible())
            showRanking();
    });
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        if (m_services && m_services->offers)
            m_services->offers->refresh();
        rank();
    });

    m_candidates = new QTableWidget(0, ColumnCount, this);
    m_candidates->setObjectName(QStringLiteral("candidates"));
    m_candidates->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_candidates->setSelectionMode(QAbstractItemView::SingleSelection);
    m_candidates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_candidates->verticalHeader()->hide();
    m_candidates->setAlternatingRowColors(true);
    auto *bars = new ScoreBarDelegate(m_candidates);
    for (int c = ScoreColumn; c <= EnergyScoreColumn; ++c)
        m_candidates->setItemDelegateForColumn(c, bars);
    connect(m_candidates, &QTableWidget::itemSelectionChanged, this, [this] {
        Q_EMIT completeChanged();
        if (const placement::Candidate *c = selectedCandidate()) {
            QStringList ids;
            for (const placement::Share &s : c->shares)
                ids << s.nodeId;
            Q_EMIT candidateSelected(ids);
        }
    });
    connect(m_candidates, &QTableWidget::cellDoubleClicked, this, [this] {
        if (wizard() && isComplete())
            wizard()->next();
    });

    m_rejected = new QTableWidget(0, 3, this);
    m_rejected->setObjectName(QStringLiteral("rejected"));
    m_rejected->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rejected->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rejected->verticalHeader()->hide();
    m_rejected->horizontalHeader()->setStretchLastSection(true);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("rankTabs"));
    m_tabs->addTab(m_candidates, QString());
    m_tabs->addTab(m_rejected, QString());

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    retranslate();
}

void RankedOffersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void RankedOffersPage::retranslate()
{
    setTitle(tr("Ranked offers"));
    setSubTitle(tr("Nodes that can take the work, best first. Bars show each part of the score (longer is "
                   "better); the candidates are ringed on the map."));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setToolTip(tr("Rank again against the newest offers and samples"));
    m_candidates->setHorizontalHeaderLabels({tr("Node"), tr("Province"), tr("Price"), tr("Est. cost"), tr("Score"),
                                             tr("Cost"), tr("Transfer"), tr("Latency"), tr("Headroom"),
                                             tr("Energy"), tr("Starts")});
    m_rejected->setHorizontalHeaderLabels({tr("Node"), tr("Province"), tr("Why not")});
    setAccessibleText(m_candidates, tr("Ranked offers"), tr("The nodes that can take the work, best first"));
    setAccessibleText(m_rejected, tr("Rejected nodes"), tr("The nodes that cannot take the work, and why"));
    m_tabs->setTabText(0, tr("Ranked"));
    m_tabs->setTabText(1, tr("Rejected"));
    if (m_shownGeneration < 0)
        return;
    // The rows, the summary and the tabs' counts again, the chosen row kept.
    const int row = m_candidates->currentRow();
    fill();
    if (row >= 0)
        m_candidates->selectRow(row);
}

void RankedOffersPage::initializePage()
{
    m_ranking->rankingFor(*m_draft); // the requirements page's ranking, unless the draft changed since
    showRanking();
}

void RankedOffersPage::showRanking()
{
    if (m_shownGeneration == m_ranking->generation())
        return;
    m_shownGeneration = m_ranking->generation();
    fill();
}

const placement::PlacementResult &RankedOffersPage::result() const
{
    return m_ranking->result();
}

const placement::FederationSnapshot &RankedOffersPage::snapshot() const
{
    return m_ranking->snapshot();
}

QString RankedOffersPage::candidateName(const placement::Candidate &candidate, const NodeNames &names)
{
    QStringList parts;
    for (const placement::Share &s : candidate.shares) {
        const QString name = names.name(s.nodeId);
        parts << (candidate.isSplit() ? tr("%1 (%2 cards)").arg(name).arg(s.accelerators) : name);
    }
    return parts.join(QStringLiteral(" + "));
}

NodeNames RankedOffersPage::nodeNames() const
{
    return m_services ? m_services->nodeNames() : NodeNames();
}

void RankedOffersPage::rank()
{
    m_ranking->rankAgain(*m_draft);
    showRanking();
}

const Offer *RankedOffersPage::offerFor(const placement::FederationSnapshot &snapshot, const placement::Share &share)
{
    for (const Offer &o : snapshot.offers) {
        if (o.nodeId != share.nodeId)
            continue;
        if (share.acceleratorModel.isEmpty() ? o.resource == Offer::Resource::Cpu
                                             : (o.resource == Offer::Resource::Accelerator && o.model == share.acceleratorModel))
            return &o;
    }
    return nullptr;
}

QString RankedOffersPage::priceText(const placement::Candidate &c) const
{
    QStringList prices;
    for (const placement::Share &s : c.shares) {
        double price = 0;
        if (const Offer *o = offerFor(snapshot(), s))
            price = o->pricePerHour;
        else
            for (const Node &n : snapshot().nodes)
                if (n.id == s.nodeId)
                    price = s.acceleratorModel.isEmpty() ? n.prices.cpuCoreHour : n.prices.acceleratorHour.value(s.acceleratorModel);
        prices << (s.acceleratorModel.isEmpty() ? tr("¥%1/core·h").arg(price, 0, 'f', 2)
                                                : tr("¥%1/card·h").arg(price, 0, 'f', 2));
    }
    prices.removeDuplicates();
    return prices.join(QStringLiteral(" · "));
}

void RankedOffersPage::fill()
{
    const placement::FederationSnapshot &federation = snapshot();
    const placement::PlacementResult &ranking = result();
    QHash<QString, const Node *> nodes;
    for (const Node &n : std::as_const(federation.nodes))
        nodes.insert(n.id, &n);
    const auto provinceOf = [&](const QString &id) {
        const Node *n = nodes.value(id);
        return n ? provinceDisplayName(n->province) : QString();
    };

    m_candidates->setSortingEnabled(false);
    m_candidates->clearContents();
    m_candidates->setRowCount(int(ranking.ranked.size()));
    QStringList shown;
    const NodeNames names = nodeNames();
    for (int row = 0; row < ranking.ranked.size(); ++row) {
        const placement::Candidate &c = ranking.ranked.at(row);
        QStringList provinces, identities;
        for (const placement::Share &s : c.shares) {
            identities << names.tooltip(s.nodeId);
            provinces << provinceOf(s.nodeId);
            if (shown.size() < kMaxHighlights && !shown.contains(s.nodeId))
                shown << s.nodeId;
        }
        provinces.removeDuplicates();
        auto *node = textItem(candidateName(c, names));
        node->setData(Qt::UserRole, row); // the candidate's index, whatever the sort
        identities.removeAll(QString());
        if (!c.shares.isEmpty() && !c.shares.constFirst().acceleratorModel.isEmpty())
            identities << acceleratorDisplayName(c.shares.constFirst().acceleratorModel);
        node->setToolTip(identities.join(u'\n'));
        m_candidates->setItem(row, NodeColumn, node);
        m_candidates->setItem(row, ProvinceColumn, textItem(provinces.join(QStringLiteral(", "))));
        m_candidates->setItem(row, PriceColumn, textItem(priceText(c)));
        auto *cost = textItem(money(c.estimatedCostCny));
        cost->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_candidates->setItem(row, CostColumn, cost);
        auto *total = barItem({c.totalScore, c.totalScore}, tr("Weighted total of the five parts"));
        m_candidates->setItem(row, ScoreColumn, total);
        m_candidates->setItem(row, CostScoreColumn, barItem(c.parts.cost, money(c.parts.cost.raw)));
        m_candidates->setItem(row, TransferScoreColumn,
                              barItem(c.parts.transfer, tr("%1 h to move the data").arg(c.parts.transfer.raw, 0, 'f', 2)));
        m_candidates->setItem(row, LatencyScoreColumn,
                              barItem(c.parts.latency, tr("%1 ms from the users").arg(c.parts.latency.raw, 0, 'f', 1)));
        m_candidates->setItem(row, HeadroomScoreColumn,
                              barItem(c.parts.headroom, tr("%1 % busy after placing").arg(qRound(c.parts.headroom.raw * 100))));
        m_candidates->setItem(row, EnergyScoreColumn,
                              barItem(c.parts.energy, tr("%1 kg CO₂ from non-renewable power").arg(c.parts.energy.raw, 0, 'f', 1)));
        m_candidates->setItem(row, StartColumn,
                              textItem(c.queueWaitHours > 0.01 ? tr("in %1 h").arg(c.queueWaitHours, 0, 'f', 1) : tr("now")));
    }
    m_candidates->resizeColumnsToContents();
    if (!ranking.ranked.isEmpty())
        m_candidates->selectRow(0);

    m_rejected->clearContents();
    m_rejected->setRowCount(int(ranking.rejected.size()));
    for (int row = 0; row < ranking.rejected.size(); ++row) {
        const placement::Rejection &r = ranking.rejected.at(row);
        auto *rejectedNode = textItem(names.name(r.nodeId));
        rejectedNode->setToolTip(names.tooltip(r.nodeId));
        m_rejected->setItem(row, 0, rejectedNode);
        m_rejected->setItem(row, 1, textItem(provinceOf(r.nodeId)));
        m_rejected->setItem(row, 2, textItem(r.message));
    }
    m_rejected->resizeColumnsToContents();

    m_tabs->setTabText(0, tr("Ranked (%1)").arg(ranking.ranked.size()));
    m_tabs->setTabText(1, tr("Rejected (%1)").arg(ranking.rejected.size()));
    if (federation.nodes.isEmpty())
        m_summary->setText(tr("No federation directory yet: connect to a node first."));
    else if (ranking.ranked.isEmpty())
        m_summary->setText(tr("No node of %1 can take this work. The Rejected tab says why; go back to relax the "
                              "requirements.")
                               .arg(federation.nodes.size()));
    else
        m_summary->setText(tr("%1 candidates among %2 nodes, ranked at %3.")
                               .arg(ranking.ranked.size())
                               .arg(federation.nodes.size())
                               .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(federation.nowMs).time(),
                                                       QLocale::ShortFormat)));
    Q_EMIT candidatesShown(shown);
    Q_EMIT completeChanged();
}

const placement::Candidate *RankedOffersPage::selectedCandidate() const
{
    const QList<QTableWidgetItem *> items = m_candidates->selectedItems();
    for (const QTableWidgetItem *item : items) {
        if (item->column() != NodeColumn)
            continue;
        const int index = item->data(Qt::UserRole).toInt();
        if (index >= 0 && index < result().ranked.size())
            return &result().ranked.at(index);
    }
    return nullptr;
}

bool RankedOffersPage::selectCandidate(int row)
{
    if (row < 0 || row >= m_candidates->rowCount())
        return false;
    m_candidates->selectRow(row);
    return true;
}

bool RankedOffersPage::isComplete() const
{
    return selectedCandidate() != nullptr;
}

} // namespace cpn
