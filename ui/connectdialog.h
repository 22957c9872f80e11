#pragma once

#include "api/endpointsetting.h"

#include <QDialog>

class QCheckBox;
class QFormLayout;
class QToolButton;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cpn {

// File > Connect to Federation…: the URL of another federation's root node and the transport
// rules for it alone (a private CA, unencrypted http beyond loopback), checked as they are typed.
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    // What was entered; a bare host name means https.
    api::EndpointSetting endpoint() const;
    void setEndpoint(const api::EndpointSetting &endpoint);
    bool signInAfterConnecting() const;
    // Why Connect is disabled; empty when it is not.
    QString problem() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void chooseCaFile();
    void validate();

    QLineEdit *m_url;
    QLineEdit *m_caFile;
    QCheckBox *m_allowPlainHttp;
    QCheckBox *m_signIn;
    QLabel *m_problem;
    QPushButton *m_connect;
    QLabel *m_intro;
    QLabel *m_caLabel = nullptr;
    QToolButton *m_browse;
    QFormLayout *m_form;
};

} // namespace cpn
