#pragma once

#include "widgets/delegates/celltext.h"

#include <QStyledItemDelegate>

namespace cpn {

// Draws NodeTableModel::UtilizationRole (0..1) as a horizontal bar behind the cell's text. Cells without
// that role are drawn as usual, so the delegate can sit on a column with gaps.
class UtilizationBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum class Ramp {
        Load,  // green -> amber -> red: high is bad
        Green, // calm teal: high is good (renewable share)
    };

    explicit UtilizationBarDelegate(QObject *parent = nullptr);
    explicit UtilizationBarDelegate(Ramp ramp, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    Ramp m_ramp = Ramp::Load;
    CellText m_text;
};

} // namespace cpn
