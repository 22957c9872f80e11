#include "ui/nodedetailspanel.h"

#include "domain/provinces.h"
#include "itemmodels/nodetablemodel.h"
#include "widgets/statuscolors.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <QEvent>

namespace cpn {

NodeDetailsPanel::NodeDetailsPanel(NodeTableModel *nodes, QWidget *parent)
    : QWidget(parent), m_nodes(nodes), m_title(new QLabel(this)), m_subtitle(new QLabel(this)),
      m_placeholder(new QLabel(this)),
      m_form(new QWidget(this)), m_computeId(new QLabel(m_form)), m_url(new QLabel(m_form))
{
    setObjectName(QStringLiteral("nodeDetailsPanel"));
    m_title->setObjectName(QStringLiteral("panelTitle"));
    m_title->setWordWrap(true);
    m_subtitle->setObjectName(QStringLiteral("panelSubtitle"));
    m_subtitle->setWordWrap(true);
    m_placeholder->setObjectName(QStringLiteral("panelSubtitle"));
    m_placeholder->setWordWrap(true);

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 4, 0, 0);
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(3);
    form->setLabelAlignment(Qt::AlignLeft);
    for (int column = 0; column < NodeTableModel::ColumnCount; ++column) {
        if (column == NodeTableModel::NameColumn) {
            m_values.append(nullptr); // the title says it (a label outside the form painted over its first row)
            continue;
        }
        auto *value = new QLabel(m_form);
        // What the directory says can be selected and copied; the live figures change every second,
        // which would drop a selection as soon as it was made (and cost a text document a change).
        if (column < NodeTableModel::StatusColumn)
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_values.append(value);
        auto *label = new QLabel(m_form);
        label->setObjectName(QStringLiteral("countLabel"));
        label->setProperty("column", column);
        form->addRow(label, value);
    }
    for (QLabel *value : {m_computeId, m_url}) {
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
    }
    m_computeLabel = new QLabel(m_form);
    m_computeLabel->setObjectName(QStringLiteral("countLabel"));
    form->addRow(m_computeLabel, m_computeId);
    m_urlLabel = new QLabel(m_form);
    m_urlLabel->setObjectName(QStringLiteral("countLabel"));
    form->addRow(m_urlLabel, m_url);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_form);
    layout->addStretch(1);

    // Only a change of the node shown: a tick at 2,000 nodes signals runs of rows all over the table.
    connect(m_nodes, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const QModelIndex shown = m_nodeId.isEmpty() ? QModelIndex() : m_nodes->nodeIndex(m_nodeId);
        if (shown.isValid() && shown.row() >= from.row() && shown.row() <= to.row())
            refresh();
    });
    connect(m_nodes, &QAbstractItemModel::modelReset, this, &NodeDetailsPanel::refresh);
    refresh();
    retranslate();
}

void NodeDetailsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void NodeDetailsPanel::retranslate()
{
    m_placeholder->setText(tr("Click a node on the map or a row in the Nodes table."));
    // The rows are named as the Nodes table's columns.
    for (QLabel *label : m_form->findChildren<QLabel *>()) {
        const QVariant column = label->property("column");
        if (column.isValid())
            label->setText(m_nodes->headerData(column.toInt(), Qt::Horizontal).toString());
    }
    m_computeLabel->setText(tr("Compute id"));
    m_urlLabel->setText(tr("Endpoint"));
    refresh();
}

void NodeDetailsPanel::showNode(const QString &nodeId)
{
    m_nodeId = nodeId;
    refresh();
}

QString NodeDetailsPanel::valueText(int column) const
{
    return m_values.value(column) ? m_values.value(column)->text() : QString();
}

QString NodeDetailsPanel::title() const
{
    return m_title->text();
}

void NodeDetailsPanel::refresh()
{
    const QModelIndex index = m_nodeId.isEmpty() ? QModelIndex() : m_nodes->nodeIndex(m_nodeId);
    m_placeholder->setVisible(!index.isValid());
    m_form->setVisible(index.isValid());
    m_subtitle->setVisible(index.isValid());
    if (!index.isValid()) {
        m_title->setText(tr("No node selected"));
        return;
    }
    const Node &node = m_nodes->nodeAt(index.row());
    const bool zhFirst = chineseNamesFirst() && !node.nameZh.isEmpty();
    m_title->setText(zhFirst ? node.nameZh : node.name);
    m_subtitle->setText(zhFirst ? node.name : node.nameZh);
    for (int column = 0; column < NodeTableModel::ColumnCount; ++column) {
        if (m_values[column])
            m_values[column]->setText(m_nodes->index(index.row(), column).data().toString());
    }
    // A new style sheet restyles the label (a millisecond with the application's sheet): only when it moves.
    const QString statusStyle =
        QStringLiteral("color: %1; font-weight: 600;").arg(colors::status(m_nodes->statusAt(index.row())).name());
    if (m_values[NodeTableModel::StatusColumn]->styleSheet() != statusStyle)
        m_values[NodeTableModel::StatusColumn]->setStyleSheet(statusStyle);
    m_computeId->setText(node.suspended ? tr("%1 (suspended: takes no work)").arg(node.computeId) : node.computeId);
    m_url->setText(node.baseUrl.toString());
}

} // namespace cpn
