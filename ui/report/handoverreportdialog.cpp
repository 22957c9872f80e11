#include "ui/report/handoverreportdialog.h"

#include "widgets/accessibletext.h"

#include "ui/report/handoverreportwriter.h"

#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cpn {

HandoverReportDialog::HandoverReportDialog(qint64 nowMs, const QString &defaultFile, QWidget *parent)
    : QDialog(parent), m_nowMs(nowMs)
{
    // The texts: retranslate().
    setObjectName(QStringLiteral("handoverReportDialog"));

    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    m_from = new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(nowMs - kDefaultSpanMs), this);
    m_from->setObjectName(QStringLiteral("from"));
    m_from->setDisplayFormat(format);
    m_from->setCalendarPopup(true);
    m_to = new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(nowMs), this);
    m_to->setObjectName(QStringLiteral("to"));
    m_to->setDisplayFormat(format);
    m_to->setCalendarPopup(true);
    auto *last8 = m_last8 = new QPushButton(this);
    last8->setObjectName(QStringLiteral("last8Hours"));
    connect(last8, &QPushButton::clicked, this, [this] {
        m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(m_nowMs));
        m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(m_nowMs - kDefaultSpanMs));
    });
    auto *period = new QHBoxLayout;
    period->addWidget(m_from);
    m_toLabel = new QLabel(this);
    period->addWidget(m_toLabel);
    period->addWidget(m_to);
    period->addWidget(last8);

    m_file = new QLineEdit(defaultFile, this);
    m_file->setObjectName(QStringLiteral("file"));
    m_file->setMinimumWidth(360);
    auto *browse = m_browse = new QPushButton(this);
    connect(browse, &QPushButton::clicked, this, &HandoverReportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    auto *form = new QFormLayout;
    m_periodLabel = new QLabel(this);
    m_fileLabel = new QLabel(this);
    m_fileLabel->setBuddy(m_file);
    form->addRow(m_periodLabel, period);
    form->addRow(m_fileLabel, fileRow);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_create->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &HandoverReportDialog::validate);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &HandoverReportDialog::validate);
    connect(m_file, &QLineEdit::textChanged, this, &HandoverReportDialog::validate);
    retranslate();
}

void HandoverReportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void HandoverReportDialog::retranslate()
{
    setWindowTitle(tr("Handover Report"));
    setAccessibleText(m_from, tr("Period from"));
    setAccessibleText(m_to, tr("Period to"));
    m_last8->setText(tr("Last 8 Hours"));
    m_toLabel->setText(tr("to"));
    setAccessibleText(m_file, tr("Save as"), tr("The PDF file the report is written to"));
    m_browse->setText(tr("Browse…"));
    m_periodLabel->setText(tr("Period:"));
    m_fileLabel->setText(tr("Save as:"));
    m_create->setText(tr("Create Report"));
    m_intro->setText(tr("A PDF for the next shift: the alarms, outages and failed jobs of the period, and "
                        "the national figures at its start and end with charts over it."));
    validate(); // the problem, if any
}

qint64 HandoverReportDialog::fromMs() const
{
    return m_from->dateTime().toMSecsSinceEpoch();
}

qint64 HandoverReportDialog::toMs() const
{
    return m_to->dateTime().toMSecsSinceEpoch();
}

QString HandoverReportDialog::file() const
{
    QString name = m_file->text().trimmed();
    if (!name.isEmpty() && QFileInfo(name).suffix().isEmpty())
        name += QStringLiteral(".pdf");
    return name;
}

QString HandoverReportDialog::suggestedFile(const QString &folder, qint64 nowMs)
{
    const QString stamp = QDateTime::fromMSecsSinceEpoch(nowMs).toString(QStringLiteral("yyyyMMdd-HHmm"));
    return QDir(folder).filePath(QStringLiteral("handover-%1.pdf").arg(stamp));
}

void HandoverReportDialog::browse()
{
    const QString chosen =
        QFileDialog::getSaveFileName(this, tr("Save Handover Report"), file(), tr("PDF documents (*.pdf)"));
    if (!chosen.isEmpty())
        m_file->setText(chosen);
}

void HandoverReportDialog::validate()
{
    QString problem;
    if (toMs() <= fromMs())
        problem = tr("The period must end after it starts.");
    else if (file().isEmpty())
        problem = tr("Choose a file to save the report to.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_create->setEnabled(problem.isEmpty());
}

} // namespace cpn
