#include "ui/alarms/alarmactiondialog.h"

#include "widgets/formlabels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
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
    : QDialog(parent), m_mode(mode), m_text(new QPlainTextEdit(this)),
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
    m_textLabel = addFormRow(form, m_text);
    if (mode != Mode::Comment) {
        m_duration = new QComboBox(this);
        const QList<int> hours = mode == Mode::Acknowledge ? QList<int>{0, 1, 4, 8} : QList<int>{1, 2, 4, 8, 24};
        for (int h : hours)
            m_duration->addItem(QString(), h * kHourMs); // 0: until the alarm clears
        m_durationLabel = addFormRow(form, m_duration);
    }
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, &AlarmActionDialog::updateOk);
    updateOk();
    m_text->setFocus();
    retranslate();
}

void AlarmActionDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void AlarmActionDialog::retranslate()
{
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    switch (m_mode) {
    case Mode::Acknowledge:
        setWindowTitle(tr("Acknowledge Alarms"));
        m_textLabel->setText(tr("Comment (required):"));
        m_durationLabel->setText(tr("Acknowledged:"));
        ok->setText(tr("Acknowledge"));
        break;
    case Mode::Comment:
        setWindowTitle(tr("Comment on Alarms"));
        m_textLabel->setText(tr("Comment:"));
        ok->setText(tr("Add Comment"));
        break;
    case Mode::Silence:
        setWindowTitle(tr("Silence Alarms"));
        m_textLabel->setText(tr("Reason (required):"));
        m_durationLabel->setText(tr("Maintenance window:"));
        ok->setText(tr("Silence"));
        break;
    }
    for (int i = 0; m_duration && i < m_duration->count(); ++i) {
        switch (m_duration->itemData(i).toLongLong() / kHourMs) {
        case 0:
            m_duration->setItemText(i, tr("Until cleared"));
            break;
        case 1:
            m_duration->setItemText(i, tr("1 hour"));
            break;
        case 2:
            m_duration->setItemText(i, tr("2 hours"));
            break;
        case 4:
            m_duration->setItemText(i, tr("4 hours"));
            break;
        case 8:
            m_duration->setItemText(i, tr("8 hours"));
            break;
        default:
            m_duration->setItemText(i, tr("24 hours"));
            break;
        }
    }
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
