#pragma once

#include "widgets/delegates/celltext.h"

#include <QStyledItemDelegate>

namespace cpn {

// Greys and slants what a model marks as last known (its `currentRole` false, e.g. NodeTableModel's
// FiguresCurrentRole): a silent node's old values must not read as current ones. Plain text cells
// are drawn through CellText.
class LastKnownDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    LastKnownDelegate(int currentRole, QObject *parent = nullptr)
        : QStyledItemDelegate(parent), m_currentRole(currentRole)
    {
    }
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_currentRole;
    CellText m_text;
};

} // namespace cpn
