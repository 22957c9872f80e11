#include "ui/accounts/scopegate.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QTimer>
#include <QWidget>

namespace cpn {
namespace {

constexpr const char *kSavedToolTip = "cpnScopeSavedToolTip";
constexpr const char *kSavedStatusTip = "cpnScopeSavedStatusTip";
constexpr const char *kGated = "cpnScopeGated";
constexpr const char *kGivenReason = "cpnScopeGivenReason";

// The first scope of a space-separated list that the account lacks; empty when none is missing.
QString missingScope(const QString &required, const auth::Account &account)
{
    if (!account.signedIn)
        return {};
    for (const QString &scope : required.split(u' ', Qt::SkipEmptyParts)) {
        if (!account.hasScope(scope))
            return scope;
    }
    return {};
}

template <typename T> void gate(T *object, const QString &reason)
{
    const QString given = object->property(kGivenReason).toString();
    if (!object->property(kGated).toBool()) {
        object->setProperty(kSavedToolTip, object->toolTip());
        object->setProperty(kSavedStatusTip, object->statusTip());
        object->setProperty(kGated, true);
    } else {
        // Its owner set its tips again while gated (in a new language): those are the ones to give back.
        if (object->toolTip() != given)
            object->setProperty(kSavedToolTip, object->toolTip());
        if (object->statusTip() != given)
            object->setProperty(kSavedStatusTip, object->statusTip());
    }
    object->setProperty(kGivenReason, reason);
    if (object->isEnabled())
        object->setEnabled(false);
    if (object->toolTip() != reason)
        object->setToolTip(reason);
    if (object->statusTip() != reason)
        object->setStatusTip(reason);
}

template <typename T> void ungate(T *object)
{
    if (!object->property(kGated).toBool())
        return;
    object->setProperty(kGated, false);
    object->setToolTip(object->property(kSavedToolTip).toString());
    object->setStatusTip(object->property(kSavedStatusTip).toString());
    object->setEnabled(true);
}

} // namespace

ScopeGate::ScopeGate(QObject *parent) : QObject(parent)
{
    qApp->installEventFilter(this);
}

ScopeGate::~ScopeGate()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

QString ScopeGate::reason(const QString &scope, const auth::Account &account)
{
    const QString who = account.displayName();
    if (scope == u"jobs:write")
        return tr("Needs a planner's sign-in (%1); you are signed in as %2").arg(scope, who);
    if (scope == u"alarms:write")
        return tr("Needs an operator's sign-in (%1); you are signed in as %2").arg(scope, who);
    return tr("Needs a sign-in with %1; you are signed in as %2").arg(scope, who);
}

void ScopeGate::setAccount(const auth::Account &account)
{
    m_account = account;
    apply();
}

void ScopeGate::apply()
{
    m_scheduled = false;
    if (m_applying)
        return;
    m_applying = true;
    for (QWidget *top : QApplication::topLevelWidgets()) {
        applyTo(top);
        for (QObject *child : top->findChildren<QObject *>())
            applyTo(child);
    }
    m_applying = false;
}

void ScopeGate::applyTo(QObject *object)
{
    const QVariant required = object->property(kProperty);
    if (!required.isValid())
        return;
    const QString missing = missingScope(required.toString(), m_account);
    if (auto *action = qobject_cast<QAction *>(object)) {
        missing.isEmpty() ? ungate(action) : gate(action, reason(missing, m_account));
    } else if (auto *widget = qobject_cast<QWidget *>(object)) {
        missing.isEmpty() ? ungate(widget) : gate(widget, reason(missing, m_account));
    }
}

void ScopeGate::scheduleApply()
{
    if (m_scheduled || m_applying)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, &ScopeGate::apply);
}

bool ScopeGate::eventFilter(QObject *watched, QEvent *event)
{
    if (m_applying || !m_account.signedIn)
        return false;
    switch (event->type()) {
    case QEvent::ActionAdded:
    case QEvent::ActionChanged:
        scheduleApply();
        break;
    case QEvent::Show:
        if (qobject_cast<QMenu *>(watched))
            apply(); // before the menu paints its entries
        else if (watched->isWidgetType() && static_cast<QWidget *>(watched)->isWindow())
            scheduleApply(); // a dialog or wizard with gated buttons
        break;
    case QEvent::EnabledChange:
        if (watched->property(kProperty).isValid())
            scheduleApply(); // its owner enabled it again
        break;
    case QEvent::LanguageChange:
        scheduleApply(); // the reasons in the new language, once the owners have set their tips again
        break;
    default:
        break;
    }
    return false;
}

} // namespace cpn
