#pragma once

#include <QObject>
#include <QPoint>

class QAbstractItemView;

namespace cpn {

// Lets the selected rows of a node table be dragged onto the Dashboard (as node ids, one per
// line, under DashboardPanel::nodeIdsMimeType()). Only a drag that starts on a selected row is
// taken; any other press and drag keeps extending the selection as before.
class NodeDragSource : public QObject
{
    Q_OBJECT

public:
    NodeDragSource(QAbstractItemView *view, int nodeIdRole, const QString &mimeType);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
    // Compared with, never dereferenced: while the view is being destroyed its viewport still sends
    // events here, and the view must not be touched then.
    const QObject *m_viewport;
    int m_nodeIdRole;
    QString m_mimeType;
    QPoint m_pressPos;
    bool m_armed = false;
};

} // namespace cpn
