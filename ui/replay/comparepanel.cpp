#include "ui/replay/comparepanel.h"

#include "ui/replay/changetablemodel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cpn {

ComparePanel::ComparePanel(ChangeTableModel *model, QWidget *parent)
    : QWidget(parent), m_heading(new QLabel(this)), m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("comparePanel"));
    m_heading->setObjectName(QStringLiteral("compareHeading"));
    m_heading->setText(tr("Set marks A and B on the replay bar, then Compare A–B."));
    m_heading->setWordWrap(true);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(ChangeTableModel::SortRole);
    m_view->setObjectName(QStringLiteral("compareTable"));
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ChangeTableModel::KindColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(ChangeTableModel::ItemColumn, QHeaderView::Stretch);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);
}

void ComparePanel::setMoments(qint64 aMs, qint64 bMs, const QString &aLabel, const QString &bLabel)
{
    const auto text = [](qint64 ms, const QString &label) {
        const QString time =
            QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        return label.isEmpty() ? time : QStringLiteral("%1 (%2)").arg(label, time);
    };
    m_heading->setText(tr("From %1 to %2").arg(text(aMs, aLabel), text(bMs, bLabel)));
}

} // namespace cpn
