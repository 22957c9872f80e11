#include "ui/accounts/accountsdialog.h"

#include "widgets/accessibletext.h"

#include "auth/accountsession.h"
#include "auth/tokenvault.h"

#include <QEvent>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cpn {

namespace {
enum Column { EndpointColumn, UserColumn, RoleColumn, ExpiresColumn, ColumnCount };
}

AccountsDialog::AccountsDialog(const QList<auth::AccountSession *> &sessions, auth::TokenVault *vault,
                               QWidget *parent)
    : QDialog(parent), m_vault(vault), m_table(new QTableWidget(this)), m_storage(new QLabel(this)),
      m_signIn(new QPushButton(this)), m_signOut(new QPushButton(this))
{
    // The texts: retranslate().
    setObjectName(QStringLiteral("accountsDialog"));
    for (auth::AccountSession *session : sessions)
        m_sessions.append(session);

    m_table->setColumnCount(ColumnCount);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // The endpoint's URL whole, on one line: it says which federation the row is.
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(EndpointColumn, QHeaderView::ResizeToContents);
    m_storage->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_signIn, QDialogButtonBox::ActionRole);
    buttons->addButton(m_signOut, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_storage);
    layout->addWidget(buttons);
    resize(760, 280);

    connect(m_signIn, &QPushButton::clicked, this, [this] {
        if (auth::AccountSession *session = selectedSession())
            session->signIn();
    });
    connect(m_signOut, &QPushButton::clicked, this, [this] {
        if (auth::AccountSession *session = selectedSession())
            session->signOut();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AccountsDialog::updateButtons);
    for (auth::AccountSession *session : sessions) {
        connect(session, &auth::AccountSession::accountChanged, this, &AccountsDialog::refresh);
        connect(session, &auth::AccountSession::signingInChanged, this, &AccountsDialog::refresh);
    }
    if (m_vault)
        connect(m_vault, &auth::TokenVault::persistenceChanged, this, &AccountsDialog::refresh);
    retranslate();
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
}

void AccountsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void AccountsDialog::retranslate()
{
    setWindowTitle(tr("Accounts"));
    m_table->setHorizontalHeaderLabels({tr("Endpoint"), tr("User"), tr("Role"), tr("Token valid until")});
    setAccessibleText(m_table, tr("Signed-in accounts"), tr("One row per endpoint: who is signed in, with which role"));
    m_signIn->setText(tr("Sign In…"));
    m_signIn->setToolTip(tr("Opens the system browser at the endpoint's sign-in page"));
    m_signOut->setText(tr("Sign Out"));
    m_signOut->setToolTip(tr("Revokes the tokens at the server and forgets them here"));
    refresh(); // the rows' and the storage sentence's words
}

QString AccountsDialog::storageText(const auth::TokenVault *vault)
{
    if (!vault)
        return tr("Tokens are kept in memory only.");
    if (!vault->isReady())
        return tr("Checking the keychain…");
    if (vault->isPersistent())
        return tr(
            "Tokens are kept in the system keychain; the next start signs in again without the browser.");
    return tr("Tokens are kept in memory only, because %1. You will sign in again at the next start.")
        .arg(vault->reason());
}

auth::AccountSession *AccountsDialog::selectedSession() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_sessions.size() ? m_sessions.at(row).data() : nullptr;
}

void AccountsDialog::refresh()
{
    const int current = std::max(0, m_table->currentRow());
    m_table->blockSignals(true);
    m_table->setRowCount(int(m_sessions.size()));
    for (int row = 0; row < m_sessions.size(); ++row) {
        const auth::AccountSession *session = m_sessions.at(row);
        if (!session)
            continue;
        const auth::Account &account = session->account();
        const QString expires =
            account.expiresAt.isValid()
                ? QLocale().toString(account.expiresAt.toLocalTime(), QLocale::ShortFormat)
                : QString();
        const bool signingIn = !account.signedIn && session->isSigningIn();
        const QStringList cells = {account.endpoint.toDisplayString(),
                                   account.signedIn ? account.displayName() : tr("—"),
                                   signingIn ? tr("Signing in…") : account.roleName(),
                                   account.signedIn ? expires : QString()};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == RoleColumn && account.signedIn)
                item->setToolTip(account.scopes.join(u' '));
            m_table->setItem(row, column, item);
        }
    }
    m_table->blockSignals(false);
    if (m_table->rowCount() > 0 && m_table->currentRow() < 0)
        m_table->selectRow(std::min(current, m_table->rowCount() - 1));
    updateButtons();
    m_storage->setText(storageText(m_vault));
}

void AccountsDialog::updateButtons()
{
    const auth::AccountSession *session = selectedSession();
    m_signIn->setEnabled(session && !session->isSigningIn());
    m_signOut->setEnabled(session && (session->isSignedIn() || session->hasRefreshToken()));
}

} // namespace cpn
