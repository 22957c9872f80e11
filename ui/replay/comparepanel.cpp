#include "ui/replay/comparepanel.h"

#include "widgets/accessibletext.h"

#include "ui/replay/changetablemodel.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cpn {

ComparePanel::ComparePanel(ChangeTableModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_heading(new QLabel(this)), m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("comparePanel"));
    m_heading->setObjectName(QStringLiteral("compareHeading"));
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
    retranslate();
}

void ComparePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->setDiff(cache::DiffResult(m_model->diff())); // its rows' words (a copy: it replaces its own)
    }
    QWidget::changeEvent(event);
}

void ComparePanel::retranslate()
{
    setAccessibleText(m_view, tr("Changes between A and B"));
    showHeading();
}

void ComparePanel::showHeading()
{
    if (!m_moments) {
        m_heading->setText(tr("Set marks A and B on the replay bar, then Compare A–B."));
        return;
    }
    const auto text = [](qint64 ms, const QString &label) {
        const QString time =
            QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        return label.isEmpty() ? time : QStringLiteral("%1 (%2)").arg(label, time);
    };
    const Moments &m = *m_moments;
    m_heading->setText(tr("From %1 to %2").arg(text(m.aMs, m.aLabel), text(m.bMs, m.bLabel)));
}

void ComparePanel::setMoments(qint64 aMs, qint64 bMs, const QString &aLabel, const QString &bLabel)
{
    m_moments = Moments{aMs, bMs, aLabel, bLabel};
    showHeading();
}

} // namespace cpn
