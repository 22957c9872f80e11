#pragma once

#include <QString>
#include <QWidget>

#include <optional>

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

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Moments
    {
        qint64 aMs = 0;
        qint64 bMs = 0;
        QString aLabel;
        QString bLabel;
    };
    void retranslate();
    void showHeading();

    ChangeTableModel *m_model;
    std::optional<Moments> m_moments; // compared, once setMoments was called
    QLabel *m_heading;
    QTableView *m_view;
};

} // namespace cpn
