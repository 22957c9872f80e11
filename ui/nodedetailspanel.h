#pragma once

#include <QList>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace cpn {

class NodeTableModel;

// The "Node details" dock: every figure of the selected node (map click or table row), kept current
// as samples arrive. Values come from the node table's own columns, so they read exactly as the table.
class NodeDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit NodeDetailsPanel(NodeTableModel *nodes, QWidget *parent = nullptr);

    void showNode(const QString &nodeId);
    QString nodeId() const { return m_nodeId; }
    // Text of one figure as shown (for tests), by NodeTableModel column.
    QString valueText(int column) const;
    QString title() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QLabel *m_computeLabel = nullptr;
    QLabel *m_urlLabel = nullptr;
    void refresh();

    NodeTableModel *m_nodes;
    QString m_nodeId;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_placeholder;
    QWidget *m_form;
    QList<QLabel *> m_values; // by column
    QLabel *m_computeId;
    QLabel *m_url;
};

} // namespace cpn
