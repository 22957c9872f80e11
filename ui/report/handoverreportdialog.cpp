#include "ui/report/handoverreportdialog.h"

#include "ui/report/handoverreportwriter.h"

#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
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
    setWindowTitle(tr("Handover Report"));
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
    auto *last8 = new QPushButton(tr("Last 8 Hours"), this);
    last8->setObjectName(QStringLiteral("last8Hours"));
    connect(last8, &QPushButton::clicked, this, [this] {
        m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(m_nowMs));
        m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(m_nowMs - kDefaultSpanMs));
    });
    auto *period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("to"), this));
    period->addWidget(m_to);
    period->addWidget(last8);

    m_file = new QLineEdit(defaultFile, this);
    m_file->setObjectName(QStringLiteral("file"));
    m_file->setMinimumWidth(360);
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &HandoverReportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("Period:"), period);
    form->addRow(tr("Save as:"), fileRow);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("Create Report"), QDialogButtonBox::AcceptRole);
    m_create->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("A PDF for the next shift: the alarms, outages and failed jobs of the period, and "
                      "the national figures at its start and end with charts over it."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &HandoverReportDialog::validate);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &HandoverReportDialog::validate);
    connect(m_file, &QLineEdit::textChanged, this, &HandoverReportDialog::validate);
    validate();
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
