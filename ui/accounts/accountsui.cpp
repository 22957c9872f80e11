#include "ui/accounts/accountsui.h"

#include "auth/accountsession.h"
#include "auth/tokenvault.h"
#include "ui/accounts/accountsdialog.h"
#include "ui/accounts/signinwaitdialog.h"

#include <QDesktopServices>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

namespace cpn {

AccountsUi::AccountsUi(QMainWindow *window, auth::TokenVault *vault, QObject *parent)
    : QObject(parent), m_window(window), m_vault(vault), m_status(new QLabel(window))
{
    m_menu = window->menuBar()->addMenu(QString());
    m_menu->setObjectName(QStringLiteral("accountsMenu"));
    m_signIn = m_menu->addAction(QString());
    m_signIn->setObjectName(QStringLiteral("signInAction"));
    m_signOut = m_menu->addAction(QString());
    m_signOut->setObjectName(QStringLiteral("signOutAction"));
    m_menu->addSeparator();
    m_manage = m_menu->addAction(QString());
    m_manage->setObjectName(QStringLiteral("manageAccountsAction"));
    connect(m_signIn, &QAction::triggered, this, [this] {
        if (auto *session = primary())
            session->signIn();
    });
    connect(m_signOut, &QAction::triggered, this, [this] {
        if (auto *session = primary())
            session->signOut();
    });
    connect(m_manage, &QAction::triggered, this, &AccountsUi::showDialog);
    m_status->setObjectName(QStringLiteral("accountStatus"));
    window->statusBar()->addPermanentWidget(m_status);
    if (m_vault)
        connect(m_vault, &auth::TokenVault::persistenceChanged, this, &AccountsUi::update);
    // The menu, a widget, is told when the language changes; this object is not.
    m_menu->installEventFilter(this);
    retranslate();
}

bool AccountsUi::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_menu && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void AccountsUi::retranslate()
{
    m_menu->setTitle(tr("&Accounts"));
    m_signIn->setText(tr("&Sign In…"));
    m_signIn->setStatusTip(tr("Sign in at the federation root in the system browser"));
    m_signOut->setText(tr("Sign &Out"));
    m_signOut->setStatusTip(tr("Revoke this console's tokens and forget them"));
    m_manage->setText(tr("&Accounts…"));
    update();
}

void AccountsUi::addSession(auth::AccountSession *session, qsizetype position)
{
    m_sessions.insert(position < 0 ? m_sessions.size() : std::min(position, m_sessions.size()), session);
    session->setBrowserOpener([](const QUrl &url) { return QDesktopServices::openUrl(url); });
    const QString source = session->endpoint().toDisplayString();
    connect(session, &auth::AccountSession::accountChanged, this, &AccountsUi::update);
    connect(session, &auth::AccountSession::notice, this,
            [this, source](const QString &message) { Q_EMIT notice(source, message, false); });
    connect(session, &auth::AccountSession::signInFailed, this, [this, source](const QString &message) {
        Q_EMIT notice(source, tr("Sign-in failed: %1").arg(message), true);
    });
    connect(session, &auth::AccountSession::signingInChanged, this, &AccountsUi::update);
    connect(session, &auth::AccountSession::signInAwaitingBrowser, this,
            [this, session](const QUrl &url, bool browserOpened) {
                if (!browserOpened)
                    Q_EMIT notice(session->endpoint().toDisplayString(),
                                  tr("No browser could be opened for the sign-in; its address is shown to copy."),
                                  true);
                waitDialogOf(session)->showWaiting(url, browserOpened);
            });
    update();
    reopenDialog();
}

SignInWaitDialog *AccountsUi::waitDialogOf(auth::AccountSession *session)
{
    QPointer<SignInWaitDialog> &dialog = m_waitDialogs[session];
    if (!dialog) {
        dialog = new SignInWaitDialog(session, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    return dialog;
}

void AccountsUi::removeSession(auth::AccountSession *session)
{
    delete m_waitDialogs.take(session).data();
    m_sessions.removeAll(session);
    disconnect(session, nullptr, this, nullptr);
    update();
    reopenDialog();
}

void AccountsUi::reopenDialog()
{
    if (!m_dialog || !m_dialog->isVisible())
        return;
    delete m_dialog.data();
    showDialog();
}

AccountsDialog *AccountsUi::showDialog()
{
    if (!m_dialog) {
        QList<auth::AccountSession *> sessions;
        for (const auto &session : std::as_const(m_sessions)) {
            if (session)
                sessions.append(session);
        }
        m_dialog = new AccountsDialog(sessions, m_vault, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->show();
    m_dialog->raise();
    return m_dialog;
}

void AccountsUi::update()
{
    auth::AccountSession *session = primary();
    const auth::Account account = session ? session->account() : auth::Account();
    m_signOut->setEnabled(session && account.signedIn);
    m_signIn->setEnabled(session && !session->isSigningIn());
    m_status->setText(account.signedIn            ? tr("Signed in as %1 (%2)").arg(account.displayName(), account.roleName())
                      : session && session->isSigningIn() ? tr("Signing in…")
                                                          : tr("Not signed in"));
    m_status->setToolTip(AccountsDialog::storageText(m_vault));
    m_gate.setAccount(account);
}

} // namespace cpn
