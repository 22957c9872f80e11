#pragma once

#include <QAbstractItemModel>

namespace cpn {

// After a language change (View > Language): the models work their texts out when asked, but a view
// keeps its header's sizes and repaints only what it is told changed, and a sorting proxy keeps its
// order. Tells them every header and cell may now read differently. The panel that shows the model
// calls it on its QEvent::LanguageChange (a model, not a widget, gets none).
inline void announceTextsChanged(QAbstractItemModel *model, const QModelIndex &parent = {})
{
    const int rows = model->rowCount(parent);
    const int columns = model->columnCount(parent);
    if (!parent.isValid()) {
        if (columns > 0)
            Q_EMIT model->headerDataChanged(Qt::Horizontal, 0, columns - 1);
        if (rows > 0)
            Q_EMIT model->headerDataChanged(Qt::Vertical, 0, rows - 1);
    }
    if (rows == 0 || columns == 0)
        return;
    Q_EMIT model->dataChanged(model->index(0, 0, parent), model->index(rows - 1, columns - 1, parent));
    for (int row = 0; row < rows; ++row) {
        const QModelIndex child = model->index(row, 0, parent);
        if (model->hasChildren(child))
            announceTextsChanged(model, child);
    }
}

} // namespace cpn
