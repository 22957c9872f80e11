#pragma once

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cpn {
namespace auth {
class AccountSession;
}

// Shown while a sign-in waits for the user in the browser: where to sign in, the page's address to
// copy when no browser opened (or it opened on another screen), and Cancel. It closes itself when the
// sign-in ends, whichever way.
class SignInWaitDialog : public QDialog
{
    Q_OBJECT

public:
    SignInWaitDialog(auth::AccountSession *session, QWidget *parent = nullptr);

    // The sign-in (again) waits at this page; browserOpened false: no browser could be opened.
    void showWaiting(const QUrl &authorizationUrl, bool browserOpened);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showMessage();
    void closeWhenDone();

    QPointer<auth::AccountSession> m_session;
    QUrl m_url;
    bool m_browserOpened = false;
    QLabel *m_message;
    QLineEdit *m_address;
    QPushButton *m_copy;
    QPushButton *m_openAgain;
    QPushButton *m_cancel;
};

} // namespace cpn
