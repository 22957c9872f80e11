#include "widgets/frozencolumnview.h"

#include <QHeaderView>
#include <QScrollBar>

namespace cpn {

FrozenColumnView::FrozenColumnView(QWidget *parent) : QTableView(parent), m_frozen(new QTableView(this))
{
    m_frozen->setObjectName(QStringLiteral("frozenColumn"));
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->verticalHeader()->hide();
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setShowGrid(false);
    m_frozen->setWordWrap(false);
    m_frozen->setTextElideMode(Qt::ElideRight);
    m_frozen->setAlternatingRowColors(true);
    m_frozen->setStyleSheet(QStringLiteral("QTableView { border: none; border-right: 1px solid #2a3a4c; }"));
    m_frozen->setContextMenuPolicy(Qt::CustomContextMenu);
    m_frozen->hide();
    // One vertical position for both.
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(),
            &QAbstractSlider::setValue);
    // The column's width, row heights and sort follow the table's.
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        if (logical == 0)
            m_frozen->setColumnWidth(0, size);
        updateFrozen();
    });
    connect(horizontalHeader(), &QHeaderView::sectionMoved, this, &FrozenColumnView::updateFrozen);
    connect(verticalHeader(), &QHeaderView::sectionResized, this,
            [this](int logical, int, int size) { m_frozen->setRowHeight(logical, size); });
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
        m_frozen->horizontalHeader()->setSortIndicatorShown(column == 0);
        m_frozen->horizontalHeader()->setSortIndicator(column, order);
    });
    connect(m_frozen->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        const Qt::SortOrder order = horizontalHeader()->sortIndicatorSection() == column &&
                                            horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder
                                        ? Qt::DescendingOrder
                                        : Qt::AscendingOrder;
        sortByColumn(column, order);
    });
    // Its rows are the table's rows.
    connect(m_frozen, &QAbstractItemView::clicked, this, &QAbstractItemView::clicked);
    connect(m_frozen, &QAbstractItemView::doubleClicked, this, &QAbstractItemView::doubleClicked);
    connect(m_frozen, &QAbstractItemView::activated, this, &QAbstractItemView::activated);
    connect(m_frozen, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (contextMenuPolicy() == Qt::CustomContextMenu)
            Q_EMIT customContextMenuRequested(m_frozen->viewport()->mapTo(viewport(), pos));
    });
}

void FrozenColumnView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    m_frozen->setModel(model);
    m_frozen->setSelectionModel(selectionModel());
    m_frozen->setSelectionBehavior(selectionBehavior());
    m_frozen->setSelectionMode(selectionMode());
    m_frozen->setItemDelegateForColumn(0, itemDelegateForColumn(0) ? itemDelegateForColumn(0) : itemDelegate());
    connect(model, &QAbstractItemModel::columnsInserted, this, &FrozenColumnView::updateFrozen);
    connect(model, &QAbstractItemModel::modelReset, this, &FrozenColumnView::updateFrozen);
    updateFrozen();
}

void FrozenColumnView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    updateFrozen();
}

void FrozenColumnView::scrollContentsBy(int dx, int dy)
{
    QTableView::scrollContentsBy(dx, dy);
    if (dx != 0)
        updateFrozen();
}

void FrozenColumnView::updateFrozen()
{
    QAbstractItemModel *m = model();
    const bool scrolledAway = horizontalScrollBar()->value() > 0;
    const bool firstIsFirst = m && horizontalHeader()->visualIndex(0) == 0 && !isColumnHidden(0);
    if (!m || !scrolledAway || !firstIsFirst) {
        m_frozen->hide();
        return;
    }
    for (int column = 1; column < m->columnCount(); ++column)
        m_frozen->setColumnHidden(column, true);
    m_frozen->setColumnHidden(0, false);
    m_frozen->setColumnWidth(0, columnWidth(0));
    m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    m_frozen->horizontalHeader()->setFixedHeight(horizontalHeader()->height());
    m_frozen->setItemDelegate(itemDelegate());
    m_frozen->setGeometry(frameWidth(), frameWidth(), columnWidth(0) + 1,
                          viewport()->height() + horizontalHeader()->height());
    m_frozen->verticalScrollBar()->setValue(verticalScrollBar()->value());
    m_frozen->show();
    m_frozen->raise();
}

} // namespace cpn
