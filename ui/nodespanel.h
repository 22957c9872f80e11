#pragma once

#include "widgets/frozencolumnview.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace cpn {

class NodeFilterProxyModel;
class NodeTableModel;

// The Nodes dock's content: search, tier/status/province filters and the sortable node table.
class NodesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit NodesPanel(NodeTableModel *model, QWidget *parent = nullptr);

    FrozenColumnView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *tierCombo() const { return m_tier; }
    QComboBox *statusCombo() const { return m_status; }
    QComboBox *provinceCombo() const { return m_province; }
    NodeFilterProxyModel *proxy() const { return m_proxy; }

    void focusSearch();
    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);
    void resetColumns();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyFilters();
    void rebuildProvinces();
    void updateCount();

    NodeTableModel *m_model;
    NodeFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_tier;
    QComboBox *m_status;
    QComboBox *m_province;
    QLabel *m_count;
    FrozenColumnView *m_view; // the names stay in view when scrolled right
};

} // namespace cpn
