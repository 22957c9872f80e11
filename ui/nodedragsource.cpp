#include "ui/nodedragsource.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDrag>
#include <QItemSelectionModel>
#include <QMimeData>
#include <QMouseEvent>

namespace cpn {

NodeDragSource::NodeDragSource(QAbstractItemView *view, int nodeIdRole, const QString &mimeType)
    : QObject(view), m_view(view), m_viewport(view->viewport()), m_nodeIdRole(nodeIdRole), m_mimeType(mimeType)
{
    view->viewport()->installEventFilter(this);
}

bool NodeDragSource::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_viewport)
        return false;
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QModelIndex index = m_view->indexAt(mouse->position().toPoint());
        m_armed = mouse->button() == Qt::LeftButton && mouse->modifiers() == Qt::NoModifier &&
                  index.isValid() && m_view->selectionModel()->isRowSelected(index.row(), index.parent());
        m_pressPos = mouse->position().toPoint();
        return false;
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (!m_armed || !(mouse->buttons() & Qt::LeftButton) ||
            (mouse->position().toPoint() - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            return false;
        m_armed = false;
        QStringList ids;
        for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
            ids << row.data(m_nodeIdRole).toString();
        auto *mime = new QMimeData;
        mime->setData(m_mimeType, ids.join(u'\n').toUtf8());
        auto *drag = new QDrag(m_view);
        drag->setMimeData(mime);
        drag->exec(Qt::CopyAction);
        return true;
    }
    case QEvent::MouseButtonRelease:
        m_armed = false;
        return false;
    default:
        return false;
    }
}

} // namespace cpn
