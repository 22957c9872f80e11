#pragma once

#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace cpn {

class HierarchyModel;

// The Hierarchy dock: the federation as its 1+M+N tree with each subtree's roll-ups, searchable by name,
// compute identifier or province. Choosing a node narrows the console to its subtree (the owner filters
// the tables and fits the map); the breadcrumb says where that is and goes back up; "Whole Federation"
// lifts the narrowing.
class HierarchyPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HierarchyPanel(HierarchyModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QLabel *breadcrumb() const { return m_breadcrumb; }
    QPushButton *wholeButton() const { return m_whole; }
    QPushButton *pinButton() const { return m_pin; }
    // Chooses a node as the view's current row, as a click does; false for a node not in the tree.
    bool choose(const QString &nodeId);
    // The chosen node's id, empty for the whole federation.
    QString chosen() const { return m_chosen; }

Q_SIGNALS:
    void subtreeChosen(const QString &nodeId, const QSet<QString> &nodeIds);
    void wholeFederationChosen();
    // Pin Chart: the chosen subtree's totals as a chart.
    void pinRequested(const QString &nodeId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onCurrentChanged();
    void showBreadcrumb();

    HierarchyModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QTreeView *m_view;
    QLabel *m_breadcrumb;
    QPushButton *m_whole;
    QPushButton *m_pin;
    QString m_chosen;
};

} // namespace cpn
