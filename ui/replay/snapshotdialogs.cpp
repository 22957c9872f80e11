#include "ui/replay/snapshotdialogs.h"

#include "cache/seriesreader.h"
#include "widgets/formlabels.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace cpn {

SaveSnapshotDialog::SaveSnapshotDialog(qint64 nowMs, QWidget *parent)
    : QDialog(parent), m_nowMs(nowMs), m_name(new QLineEdit(this)), m_note(new QPlainTextEdit(this)),
      m_span(new QComboBox(this)), m_from(new QDateTimeEdit(this)), m_to(new QDateTimeEdit(this))
{
    setObjectName(QStringLiteral("saveSnapshotDialog"));
    // The texts: retranslate().
    m_name->setObjectName(QStringLiteral("snapshotName"));
    m_name->setMaxLength(200);
    m_note->setObjectName(QStringLiteral("snapshotNote"));
    m_note->setMaximumHeight(90);
    m_span->setObjectName(QStringLiteral("snapshotSpan"));
    for (Span span : {Span::Moment, Span::Last5Minutes, Span::LastHour, Span::Custom})
        m_span->addItem(QString(), int(span));
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs);
    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_to->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_from->setDateTime(now.addSecs(-15 * 60));
    m_to->setDateTime(now);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_form = new QFormLayout(this);
    for (QWidget *field : std::initializer_list<QWidget *>{m_name, m_note, m_span, m_from, m_to})
        addFormRow(m_form, field);
    m_form->addRow(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_span, &QComboBox::currentIndexChanged, this, &SaveSnapshotDialog::onSpanChanged);
    connect(m_name, &QLineEdit::textChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Save)->setEnabled(!text.trimmed().isEmpty());
    });
    onSpanChanged();
    retranslate();
}

void SaveSnapshotDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SaveSnapshotDialog::retranslate()
{
    setWindowTitle(tr("Save Snapshot"));
    // The name offered follows the language until the operator types their own.
    const QString offered =
        tr("Snapshot %1").arg(QDateTime::fromMSecsSinceEpoch(m_nowMs).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (m_name->text() == m_offeredName)
        m_name->setText(offered);
    m_offeredName = offered;
    m_note->setPlaceholderText(tr("What happened, and why this is worth keeping"));
    m_span->setItemText(0, tr("The moment now"));
    m_span->setItemText(1, tr("The last 5 minutes"));
    m_span->setItemText(2, tr("The last hour"));
    m_span->setItemText(3, tr("From … to …"));
    setFormLabel(m_form, m_name, tr("&Name:"));
    setFormLabel(m_form, m_note, tr("N&ote:"));
    setFormLabel(m_form, m_span, tr("&Save:"));
    setFormLabel(m_form, m_from, tr("&From:"));
    setFormLabel(m_form, m_to, tr("&To:"));
}

SaveSnapshotDialog::Span SaveSnapshotDialog::span() const
{
    return Span(m_span->currentData().toInt());
}

void SaveSnapshotDialog::onSpanChanged()
{
    const bool custom = span() == Span::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
}

cache::SnapshotRequest SaveSnapshotDialog::request() const
{
    cache::SnapshotRequest request;
    request.name = m_name->text().trimmed();
    request.note = m_note->toPlainText().trimmed();
    request.toMs = m_nowMs;
    switch (span()) {
    case Span::Moment:
        request.fromMs = m_nowMs - cache::SeriesReader::kDefaultLookbackMs;
        break;
    case Span::Last5Minutes:
        request.fromMs = m_nowMs - 5 * 60 * 1000;
        break;
    case Span::LastHour:
        request.fromMs = m_nowMs - 3600 * 1000;
        break;
    case Span::Custom:
        request.fromMs = m_from->dateTime().toMSecsSinceEpoch();
        request.toMs = qMax(request.fromMs, m_to->dateTime().toMSecsSinceEpoch());
        break;
    }
    return request;
}

} // namespace cpn
