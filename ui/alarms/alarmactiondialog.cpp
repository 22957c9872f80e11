#include "ui/alarms/alarmactiondialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cpn {
namespace {
constexpr qint64 kHourMs = 3600 * 1000;
constexpr int kMaxTextLength = 1000; // docs/node-api.md: comments and acknowledgements
} // namespace

AlarmActionDialog::AlarmActionDialog(Mode mode, const QString &subject, QWidget *parent)
    : QDialog(parent), m_text(new QPlainTextEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    auto *layout = new QVBoxLayout(this);
    auto *about = new QLabel(subject, this);
    about->setWordWrap(true);
    layout->addWidget(about);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(120);
    switch (mode) {
    case Mode::Acknowledge:
        setWindowTitle(tr("Acknowledge Alarms"));
        form->addRow(tr("Comment (required):"), m_text);
        m_duration = new QComboBox(this);
        m_duration->addItem(tr("Until cleared"), qint64(0));
        m_duration->addItem(tr("1 hour"), kHourMs);
        m_duration->addItem(tr("4 hours"), 4 * kHourMs);
        m_duration->addItem(tr("8 hours"), 8 * kHourMs);
        form->addRow(tr("Acknowledged:"), m_duration);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Acknowledge"));
        break;
    case Mode::Comment:
        setWindowTitle(tr("Comment on Alarms"));
        form->addRow(tr("Comment:"), m_text);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Comment"));
        break;
    case Mode::Silence:
        setWindowTitle(tr("Silence Alarms"));
        form->addRow(tr("Reason (required):"), m_text);
        m_duration = new QComboBox(this);
        m_duration->addItem(tr("1 hour"), kHourMs);
        m_duration->addItem(tr("2 hours"), 2 * kHourMs);
        m_duration->addItem(tr("4 hours"), 4 * kHourMs);
        m_duration->addItem(tr("8 hours"), 8 * kHourMs);
        m_duration->addItem(tr("24 hours"), 24 * kHourMs);
        form->addRow(tr("Maintenance window:"), m_duration);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Silence"));
        break;
    }
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, &AlarmActionDialog::updateOk);
    updateOk();
    m_text->setFocus();
}

QString AlarmActionDialog::text() const
{
    return m_text->toPlainText().trimmed();
}

qint64 AlarmActionDialog::durationMs() const
{
    return m_duration ? m_duration->currentData().toLongLong() : 0;
}

void AlarmActionDialog::updateOk()
{
    const qsizetype length = text().size();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(length > 0 && length <= kMaxTextLength);
}

} // namespace cpn
