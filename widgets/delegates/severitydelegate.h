#pragma once

#include <QStyledItemDelegate>

namespace cpn {

// Event severity (EventLogModel::SeverityRole): a coloured marker and the severity name in that colour.
class SeverityDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit SeverityDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace cpn
