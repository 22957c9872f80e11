#pragma once

#include "auth/accountsession.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QLabel;
class QPushButton;
class QTableWidget;

namespace cpn {
namespace auth {
class AccountSession;
class TokenVault;
} // namespace auth

// Accounts per endpoint: who is signed in, with which role, until when the access token runs, and
// whether tokens are kept in the keychain or in memory only (and why). Sign in opens the system
// browser; Sign out revokes the tokens and forgets them.
class AccountsDialog : public QDialog
{
    Q_OBJECT

public:
    AccountsDialog(const QList<auth::AccountSession *> &sessions, auth::TokenVault *vault,
                   QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *signOutButton() const { return m_signOut; }
    QLabel *storageLabel() const { return m_storage; }

    // The vault's state in one sentence, for this dialog and the status bar's tooltip.
    static QString storageText(const auth::TokenVault *vault);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh(); // rows, buttons and the storage sentence
    void updateButtons();
    auth::AccountSession *selectedSession() const;

    QList<QPointer<auth::AccountSession>> m_sessions;
    auth::TokenVault *m_vault;
    QTableWidget *m_table;
    QLabel *m_storage;
    QPushButton *m_signIn;
    QPushButton *m_signOut;
};

} // namespace cpn
