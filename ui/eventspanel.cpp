#include "ui/eventspanel.h"

#include "itemmodels/textschanged.h"

#include "widgets/accessibletext.h"

#include "itemmodels/eventlogmodel.h"
#include "widgets/delegates/severitydelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <QEvent>

namespace cpn {

EventsPanel::EventsPanel(EventLogModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_view(new QTableView(this)), m_count(new QLabel(this)),
      m_clear(new QPushButton(this))
{
    setObjectName(QStringLiteral("eventsPanel"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(EventLogModel::SeverityColumn, new SeverityDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    const QFontMetrics fm = fontMetrics();
    header->resizeSection(EventLogModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("2026-11-25 23:59:59")) + 20);
    header->resizeSection(EventLogModel::SeverityColumn, fm.horizontalAdvance(QStringLiteral("Warning")) + 36);
    header->resizeSection(EventLogModel::SourceColumn, fm.horizontalAdvance(QStringLiteral("sz-manufacturing")) + 24);

    m_count->setObjectName(QStringLiteral("countLabel"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_count, 1);
    bar->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_view, 1);
    layout->addLayout(bar);

    connect(m_clear, &QPushButton::clicked, m_model, &EventLogModel::clear);
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &EventsPanel::rowsAboutToBeInserted);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EventsPanel::rowsInserted);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &EventsPanel::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EventsPanel::updateCount);
    updateCount();
    retranslate();
}

void EventsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        announceTextsChanged(m_model);
    }
    QWidget::changeEvent(event);
}

void EventsPanel::retranslate()
{
    setAccessibleText(m_view, tr("Events"), tr("What happened to the nodes, links and connections, newest last"));
    // The events already logged stay in the language they were written in.
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Remove every event from the log"));
    updateCount();
}

void EventsPanel::rowsAboutToBeInserted()
{
    // Follow only if the operator is already at the bottom; do not yank them away while reading.
    const QScrollBar *scroll = m_view->verticalScrollBar();
    m_follow = scroll->value() >= scroll->maximum() - 2;
}

void EventsPanel::rowsInserted()
{
    if (m_follow)
        m_view->scrollToBottom();
    updateCount();
}

void EventsPanel::updateCount()
{
    m_count->setText(tr("%n event(s)", nullptr, m_model->rowCount()));
}

} // namespace cpn
