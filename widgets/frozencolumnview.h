#pragma once

#include <QTableView>

namespace cpn {

// A table whose first column stays in view when it is scrolled sideways (the Nodes table's names): a
// second view over the left edge shows that column alone, sharing the model, the selection, the row
// heights and the vertical scrolling. It appears only while the table is scrolled right and the column
// is still the first one; clicks, activation and context menus on it act as on the table's own rows.
class FrozenColumnView : public QTableView
{
    Q_OBJECT

public:
    explicit FrozenColumnView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    QTableView *frozenView() const { return m_frozen; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void updateFrozen();

    QTableView *m_frozen;
};

} // namespace cpn
