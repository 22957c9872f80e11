#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace cpn {

class ChangeTableModel;

// The Compare dock: which two moments are compared, and the table of what changed between them,
// sorted by how far each value moved.
class ComparePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ComparePanel(ChangeTableModel *model, QWidget *parent = nullptr);

    void setMoments(qint64 aMs, qint64 bMs, const QString &aLabel = {}, const QString &bLabel = {});
    QTableView *view() const { return m_view; }

private:
    QLabel *m_heading;
    QTableView *m_view;
};

} // namespace cpn
