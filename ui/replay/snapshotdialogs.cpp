#include "ui/replay/snapshotdialogs.h"

#include "cache/seriesreader.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
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
    setWindowTitle(tr("Save Snapshot"));
    m_name->setObjectName(QStringLiteral("snapshotName"));
    m_name->setText(
        tr("Snapshot %1")
            .arg(QDateTime::fromMSecsSinceEpoch(nowMs).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    m_name->setMaxLength(200);
    m_note->setObjectName(QStringLiteral("snapshotNote"));
    m_note->setPlaceholderText(tr("What happened, and why this is worth keeping"));
    m_note->setMaximumHeight(90);
    m_span->setObjectName(QStringLiteral("snapshotSpan"));
    m_span->addItem(tr("The moment now"), int(Span::Moment));
    m_span->addItem(tr("The last 5 minutes"), int(Span::Last5Minutes));
    m_span->addItem(tr("The last hour"), int(Span::LastHour));
    m_span->addItem(tr("From … to …"), int(Span::Custom));
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs);
    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_to->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_from->setDateTime(now.addSecs(-15 * 60));
    m_to->setDateTime(now);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("N&ote:"), m_note);
    form->addRow(tr("&Save:"), m_span);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_span, &QComboBox::currentIndexChanged, this, &SaveSnapshotDialog::onSpanChanged);
    connect(m_name, &QLineEdit::textChanged, this, [this, buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Save)->setEnabled(!text.trimmed().isEmpty());
    });
    onSpanChanged();
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
