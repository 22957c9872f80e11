#pragma once

#include "auth/accountsession.h"
#include "ui/accounts/scopegate.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QMainWindow;
class QMenu;

namespace cpn {
namespace auth {
class AccountSession;
class TokenVault;
} // namespace auth
class AccountsDialog;
class SignInWaitDialog;

// The window's side of sign-in: an Accounts menu (Sign In…, Sign Out, Accounts…), the signed-in
// user in the status bar, the scope gate over planner actions, the system browser as the
// sessions' browser opener, and a window for each sign-in waiting in the browser. The first session added is the primary one: its account gates actions.
class AccountsUi : public QObject
{
    Q_OBJECT

public:
    AccountsUi(QMainWindow *window, auth::TokenVault *vault, QObject *parent = nullptr);

    // At `position` in the list (the first is the primary); -1: last.
    void addSession(auth::AccountSession *session, qsizetype position = -1);
    void removeSession(auth::AccountSession *session);
    auth::AccountSession *primary() const
    {
        return m_sessions.isEmpty() ? nullptr : m_sessions.first().data();
    }
    QMenu *menu() const { return m_menu; }
    QAction *signInAction() const { return m_signIn; }
    QAction *signOutAction() const { return m_signOut; }
    QLabel *statusLabel() const { return m_status; }
    ScopeGate *gate() { return &m_gate; }
    AccountsDialog *showDialog();

Q_SIGNALS:
    // For the Events log: the source (the endpoint) and a sentence.
    void notice(const QString &source, const QString &message, bool isWarning);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void update();
    void reopenDialog(); // its rows are the sessions it was opened with
    SignInWaitDialog *waitDialogOf(auth::AccountSession *session);

    QMainWindow *m_window;
    auth::TokenVault *m_vault;
    QList<QPointer<auth::AccountSession>> m_sessions;
    ScopeGate m_gate;
    QMenu *m_menu;
    QAction *m_signIn;
    QAction *m_signOut;
    QAction *m_manage;
    QLabel *m_status;
    QPointer<AccountsDialog> m_dialog;
    QHash<auth::AccountSession *, QPointer<SignInWaitDialog>> m_waitDialogs; // one per sign-in under way
};

} // namespace cpn
