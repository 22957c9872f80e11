#include "ui/hierarchypanel.h"

#include "itemmodels/textschanged.h"

#include "itemmodels/hierarchymodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <QEvent>

namespace cpn {

HierarchyPanel::HierarchyPanel(HierarchyModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("hierarchyPanel"));
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setRecursiveFilteringEnabled(true); // a match keeps its ancestors, so it shows where it is
    m_filter->setFilterRole(HierarchyModel::SearchTextRole);
    m_filter->setSortRole(HierarchyModel::SortRole);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("hierarchySearch"));
    m_search->setClearButtonEnabled(true);
    m_whole = new QPushButton(this);
    m_whole->setObjectName(QStringLiteral("wholeFederation"));
    m_whole->setEnabled(false);
    m_pin = new QPushButton(this);
    m_pin->setObjectName(QStringLiteral("pinSubtreeChart"));
    m_pin->setEnabled(false);
    m_breadcrumb = new QLabel(this);
    m_breadcrumb->setObjectName(QStringLiteral("hierarchyBreadcrumb"));
    m_breadcrumb->setTextFormat(Qt::RichText);
    m_breadcrumb->setWordWrap(true);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("hierarchyView"));
    m_view->setModel(m_filter);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(HierarchyModel::NameColumn, QHeaderView::Stretch);
    for (int column = HierarchyModel::ReportingColumn; column < HierarchyModel::ColumnCount; ++column)
        m_view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_pin);
    top->addWidget(m_whole);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_breadcrumb);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text.trimmed().toLower());
        if (!text.trimmed().isEmpty())
            m_view->expandAll(); // the matches, wherever they sit
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &HierarchyPanel::onCurrentChanged);
    connect(m_whole, &QPushButton::clicked, this, [this] {
        m_view->setCurrentIndex({});
        m_view->clearSelection();
        m_chosen.clear();
        m_whole->setEnabled(false);
        m_pin->setEnabled(false);
        showBreadcrumb();
        Q_EMIT wholeFederationChosen();
    });
    connect(m_pin, &QPushButton::clicked, this, [this] {
        if (!m_chosen.isEmpty())
            Q_EMIT pinRequested(m_chosen);
    });
    connect(m_breadcrumb, &QLabel::linkActivated, this, [this](const QString &nodeId) { choose(nodeId); });
    // The national node and its hubs open; the rest on demand.
    const auto expandTop = [this] {
        for (int row = 0; row < m_filter->rowCount(); ++row)
            m_view->expand(m_filter->index(row, 0));
        showBreadcrumb();
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, expandTop);
    expandTop();
    retranslate();
}

void HierarchyPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        announceTextsChanged(m_model);
    }
    QWidget::changeEvent(event);
}

void HierarchyPanel::retranslate()
{
    m_search->setPlaceholderText(tr("Name, compute identifier or province"));
    m_search->setAccessibleName(tr("Search the hierarchy"));
    m_whole->setText(tr("&Whole Federation"));
    m_whole->setToolTip(tr("Show every node again"));
    m_pin->setText(tr("Pi&n Chart"));
    m_pin->setToolTip(tr("Pin the chosen node's totals, with every node below it, on the Dashboard"));
    m_view->setAccessibleName(tr("Hierarchy"));
    showBreadcrumb();
}

bool HierarchyPanel::choose(const QString &nodeId)
{
    const QModelIndex source = m_model->indexOf(nodeId);
    if (!source.isValid())
        return false;
    if (!m_filter->mapFromSource(source).isValid())
        m_search->clear(); // chosen from the breadcrumb or elsewhere while a search hides it
    const QModelIndex shown = m_filter->mapFromSource(source);
    m_view->scrollTo(shown);
    m_view->setCurrentIndex(shown);
    return true;
}

void HierarchyPanel::onCurrentChanged()
{
    const QModelIndex source = m_filter->mapToSource(m_view->currentIndex());
    if (!source.isValid())
        return;
    m_chosen = source.data(HierarchyModel::NodeIdRole).toString();
    m_whole->setEnabled(true);
    m_pin->setEnabled(true);
    showBreadcrumb();
    Q_EMIT subtreeChosen(m_chosen, m_model->subtreeIds(source));
}

void HierarchyPanel::showBreadcrumb()
{
    const QModelIndex source = m_model->indexOf(m_chosen);
    if (!source.isValid()) {
        m_chosen.clear();
        m_breadcrumb->setText(tr("Whole federation"));
        return;
    }
    // Each ancestor a link back up; the chosen node plain, with its subtree's size.
    QStringList crumbs;
    QList<QModelIndex> chain;
    for (QModelIndex at = source; at.isValid(); at = at.parent())
        chain.prepend(at);
    for (const QModelIndex &at : std::as_const(chain)) {
        const QString name = at.data().toString().toHtmlEscaped();
        crumbs << (at == source ? QStringLiteral("<b>%1</b>").arg(name)
                                : QStringLiteral("<a href=\"%1\">%2</a>").arg(at.data(HierarchyModel::NodeIdRole).toString().toHtmlEscaped(), name));
    }
    m_breadcrumb->setText(crumbs.join(QStringLiteral(" › ")) + QStringLiteral(" · ")
                          + tr("%n node(s)", nullptr, m_model->figures(source).nodes));
}

} // namespace cpn
