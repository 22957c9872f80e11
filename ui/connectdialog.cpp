#include "ui/connectdialog.h"

#include "widgets/accessibletext.h"

#include "api/guardedrequest.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <QEvent>
#include <QToolButton>
#include "widgets/formlabels.h"

namespace cpn {

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent), m_url(new QLineEdit(this)), m_caFile(new QLineEdit(this)),
      m_allowPlainHttp(new QCheckBox(this)), m_signIn(new QCheckBox(this)), m_problem(new QLabel(this)),
      m_connect(new QPushButton(this)), m_intro(new QLabel(this)), m_browse(new QToolButton(this)),
      m_form(new QFormLayout)
{
    setObjectName(QStringLiteral("connectDialog"));
    m_intro->setWordWrap(true);
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://national-node.example.cn"));
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile);
    caRow->addWidget(m_browse);
    m_allowPlainHttp->setObjectName(QStringLiteral("allowPlainHttpCheck"));
    m_signIn->setObjectName(QStringLiteral("signInCheck"));
    m_signIn->setChecked(true);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setProperty("severity", QStringLiteral("warning"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    buttons->addButton(m_connect, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    addFormRow(m_form, m_url);
    m_caLabel = new QLabel(this);
    m_form->addRow(m_caLabel, caRow);
    m_form->addRow(QString(), m_allowPlainHttp);
    m_form->addRow(QString(), m_signIn);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(buttons);
    retranslate();
    resize(560, sizeHint().height());

    connect(m_browse, &QToolButton::clicked, this, &ConnectDialog::chooseCaFile);
    connect(m_url, &QLineEdit::textChanged, this, &ConnectDialog::validate);
    connect(m_caFile, &QLineEdit::textChanged, this, &ConnectDialog::validate);
    connect(m_allowPlainHttp, &QCheckBox::toggled, this, &ConnectDialog::validate);
    validate();
}

void ConnectDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        validate(); // the problem, in the new language
    }
    QDialog::changeEvent(event);
}

void ConnectDialog::retranslate()
{
    setWindowTitle(tr("Connect to Federation"));
    m_intro->setText(tr("The root (national) node of a federation. Its nodes and links join the ones "
                        "already shown; the console connects to it again at the next start."));
    m_caFile->setPlaceholderText(tr("The system's certificate authorities"));
    m_caFile->setToolTip(tr("A PEM file of the private certificate authority that signed this node's "
                            "certificate, trusted for this endpoint only"));
    m_browse->setText(tr("Browse…"));
    m_allowPlainHttp->setText(tr("Allow unencrypted HTTP to this endpoint"));
    m_allowPlainHttp->setToolTip(tr("Tokens and data would cross the network readable by anyone on the way. "
                                    "Only for a node on a private network you trust."));
    m_signIn->setText(tr("Sign in after connecting"));
    m_signIn->setToolTip(tr("Opens the system browser at the node's sign-in page once connected"));
    m_connect->setText(tr("Connect"));
    setFormLabel(m_form, m_url, tr("Root URL:"));
    m_caLabel->setText(tr("Private CA:"));
    setAccessibleText(m_caFile, tr("Private CA"), tr("The PEM file of the certificate authority, empty for the system's"));
}

api::EndpointSetting ConnectDialog::endpoint() const
{
    QString text = m_url->text().trimmed();
    if (!text.isEmpty() && !text.contains(QStringLiteral("://")))
        text.prepend(QStringLiteral("https://"));
    api::EndpointSetting endpoint;
    endpoint.url = QUrl(text, QUrl::StrictMode);
    endpoint.caFile = m_caFile->text().trimmed();
    endpoint.allowPlainHttp = m_allowPlainHttp->isEnabled() && m_allowPlainHttp->isChecked();
    return endpoint;
}

void ConnectDialog::setEndpoint(const api::EndpointSetting &endpoint)
{
    m_url->setText(endpoint.url.toString());
    m_caFile->setText(endpoint.caFile);
    m_allowPlainHttp->setChecked(endpoint.allowPlainHttp);
}

bool ConnectDialog::signInAfterConnecting() const
{
    return m_signIn->isChecked();
}

QString ConnectDialog::problem() const
{
    return m_problem->text();
}

void ConnectDialog::chooseCaFile()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Private Certificate Authority"), m_caFile->text(),
                                     tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

void ConnectDialog::validate()
{
    const api::EndpointSetting typed = endpoint();
    // The permission means something only where it would be needed: http beyond loopback.
    const bool plainHttpBeyondLoopback = typed.url.scheme() == u"http" && !typed.url.host().isEmpty() &&
                                         !api::isLoopbackHost(typed.url.host());
    m_allowPlainHttp->setEnabled(plainHttpBeyondLoopback);
    const bool empty = m_url->text().trimmed().isEmpty();
    // Read again: the permission counts only where it is enabled now.
    QString problem = empty ? QString() : endpoint().problem();
    if (!problem.isEmpty())
        problem[0] = problem.at(0).toUpper(); // the client's sentences start in lower case
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_connect->setEnabled(!empty && problem.isEmpty());
}

} // namespace cpn
