#include "ui/connectdialog.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace cpn;

// The Connect to Federation dialog as a user types into it: Connect is enabled only for an endpoint
// the console would connect to, with the reason shown otherwise, and the plain-http permission is
// offered only where it means something.
class TestConnectDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void bareHostMeansHttps();
    void plainHttpBeyondLoopbackNeedsThePermission();
    void plainHttpToLoopbackNeedsNone();
    void refusedAsTyped_data();
    void refusedAsTyped();

private:
    void type(const QString &url);
    QCheckBox *allowPlainHttp() const
    {
        return m_dialog->findChild<QCheckBox *>(QStringLiteral("allowPlainHttpCheck"));
    }
    QPushButton *connectButton() const
    {
        return m_dialog->findChild<QPushButton *>(QStringLiteral("connectButton"));
    }

    std::unique_ptr<ConnectDialog> m_dialog;
};

void TestConnectDialog::init()
{
    m_dialog = std::make_unique<ConnectDialog>();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QVERIFY(!connectButton()->isEnabled());
    QVERIFY(m_dialog->problem().isEmpty()); // nothing typed is not a mistake yet
}

void TestConnectDialog::cleanup()
{
    m_dialog.reset();
}

void TestConnectDialog::type(const QString &url)
{
    auto *edit = m_dialog->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    edit->clear();
    QTest::keyClicks(edit, url);
}

void TestConnectDialog::bareHostMeansHttps()
{
    type(QStringLiteral("national-node.example.cn:8443"));
    QCOMPARE(m_dialog->endpoint().url, QUrl(QStringLiteral("https://national-node.example.cn:8443")));
    QVERIFY(connectButton()->isEnabled());
    QVERIFY(!allowPlainHttp()->isEnabled());
}

void TestConnectDialog::plainHttpBeyondLoopbackNeedsThePermission()
{
    type(QStringLiteral("http://10.20.0.5:8080"));
    QVERIFY(allowPlainHttp()->isEnabled());
    QVERIFY(!connectButton()->isEnabled());
    QVERIFY2(m_dialog->problem().startsWith(QStringLiteral("Plain http to 10.20.0.5 is not allowed")),
             qPrintable(m_dialog->problem()));
    QTest::mouseClick(allowPlainHttp(), Qt::LeftButton, {}, QPoint(4, allowPlainHttp()->height() / 2));
    QVERIFY(allowPlainHttp()->isChecked());
    QVERIFY(connectButton()->isEnabled());
    QVERIFY(m_dialog->endpoint().allowPlainHttp);

    // Switching to https takes the permission away: it is never stored where it is not needed.
    type(QStringLiteral("https://10.20.0.5:8443"));
    QVERIFY(!allowPlainHttp()->isEnabled());
    QVERIFY(!m_dialog->endpoint().allowPlainHttp);
}

void TestConnectDialog::plainHttpToLoopbackNeedsNone()
{
    type(QStringLiteral("http://127.0.0.1:8080"));
    QVERIFY(!allowPlainHttp()->isEnabled());
    QVERIFY(connectButton()->isEnabled());
    QVERIFY(!m_dialog->endpoint().allowPlainHttp);
}

void TestConnectDialog::refusedAsTyped_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason");
    QTest::newRow("another scheme") << "ftp://node.example.cn"
                                    << "ftp scheme is not supported";
    QTest::newRow("credentials") << "https://ops:secret@node.example.cn"
                                 << "Leave the user name and password out";
    QTest::newRow("no host") << "https://"
                             << "not a valid node URL";
}

void TestConnectDialog::refusedAsTyped()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);
    type(url);
    QVERIFY(!connectButton()->isEnabled());
    QVERIFY2(m_dialog->problem().contains(reason), qPrintable(m_dialog->problem()));
    QVERIFY(m_dialog->findChild<QWidget *>(QStringLiteral("problemLabel"))->isVisible());
}

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
