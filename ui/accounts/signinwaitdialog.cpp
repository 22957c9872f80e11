#include "ui/accounts/signinwaitdialog.h"

#include "auth/accountsession.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cpn {

SignInWaitDialog::SignInWaitDialog(auth::AccountSession *session, QWidget *parent)
    : QDialog(parent), m_session(session), m_message(new QLabel(this)), m_address(new QLineEdit(this)),
      m_copy(new QPushButton(this)), m_openAgain(new QPushButton(this)), m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("signInWaitDialog"));
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_address->setObjectName(QStringLiteral("signInAddress"));
    m_address->setReadOnly(true);
    m_copy->setObjectName(QStringLiteral("copySignInAddress"));
    m_openAgain->setObjectName(QStringLiteral("openSignInBrowser"));
    m_cancel->setObjectName(QStringLiteral("cancelSignIn"));

    auto *addressRow = new QHBoxLayout;
    addressRow->addWidget(m_address, 1);
    addressRow->addWidget(m_copy);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_openAgain, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(addressRow);
    layout->addWidget(buttons);
    setMinimumWidth(600);

    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_address->text());
        m_address->selectAll();
    });
    connect(m_openAgain, &QPushButton::clicked, this, [this] {
        if (!QDesktopServices::openUrl(m_url))
            showWaiting(m_url, false);
    });
    // Cancel, Escape or the window's close button: the sign-in ends (its listener closes).
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(this, &QDialog::rejected, this, [this] {
        if (m_session && m_session->isSigningIn())
            m_session->cancelSignIn();
    });
    connect(session, &auth::AccountSession::signingInChanged, this, &SignInWaitDialog::closeWhenDone);
    connect(session, &QObject::destroyed, this, &QDialog::reject);
    retranslate();
}

void SignInWaitDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SignInWaitDialog::retranslate()
{
    setWindowTitle(tr("Signing In"));
    m_address->setAccessibleName(tr("Sign-in page address"));
    m_copy->setText(tr("&Copy Address"));
    m_openAgain->setText(tr("&Open Browser"));
    m_openAgain->setToolTip(tr("Opens the sign-in page in the system browser again"));
    m_cancel->setText(tr("Cancel Sign-In"));
    showMessage();
}

void SignInWaitDialog::showMessage()
{
    if (m_url.isEmpty())
        return; // nothing to wait for yet
    const QString where = m_session ? m_session->endpoint().toDisplayString() : QString();
    m_message->setText(m_browserOpened
                           ? tr("Sign in to %1 in the browser window that opened. This window closes once "
                                "you have signed in. If no page appeared, open this address in a browser:")
                                 .arg(where)
                           : tr("No browser could be opened. To sign in to %1, open this address in a "
                                "browser on this computer:")
                                 .arg(where));
}

void SignInWaitDialog::showWaiting(const QUrl &authorizationUrl, bool browserOpened)
{
    m_url = authorizationUrl;
    m_browserOpened = browserOpened;
    showMessage();
    m_address->setText(authorizationUrl.toString(QUrl::FullyEncoded));
    m_address->setCursorPosition(0);
    show();
    adjustSize(); // the message's lines decide the height
    raise();
}

void SignInWaitDialog::closeWhenDone()
{
    if (!m_session || !m_session->isSigningIn())
        accept();
}

} // namespace cpn
