#pragma once

#include "auth/account.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace cpn {

// Disables, with the reason in the tooltip and status tip, every action and widget whose
// "cpnRequiresScope" property (e.g. "jobs:write") names a scope the signed-in account lacks, and
// gives them back when it has it. Nothing is gated while nobody is signed in (a development token
// then decides). Checks again when actions are added or changed, widgets are shown or enabled, and
// menus open, so actions created later are covered too.
class ScopeGate : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kProperty = "cpnRequiresScope";

    explicit ScopeGate(QObject *parent = nullptr);
    ~ScopeGate() override;

    void setAccount(const cpn::auth::Account &account);
    const auth::Account &account() const { return m_account; }
    // Re-checks every action and widget of the application now.
    void apply();
    // The sentence shown for a missing scope, e.g. "Needs a planner's sign-in (jobs:write); you are
    // signed in as operator".
    static QString reason(const QString &scope, const auth::Account &account);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyTo(QObject *object);
    void scheduleApply();

    auth::Account m_account;
    bool m_applying = false;
    bool m_scheduled = false;
};

} // namespace cpn
