#include "ui/planning/reviewpage.h"

#include "domain/enums.h"
#include "domain/provinces.h"
#include "jobs/joblistmodel.h"
#include "ui/planning/rankedofferspage.h"

#include <QCheckBox>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <QWizard>

#include <QEvent>

namespace cpn {
namespace {
QString when(qint64 ms)
{
    return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat) : QString();
}
} // namespace

ReviewPage::ReviewPage(placement::Workload *draft, RankedOffersPage *offers, QWidget *parent)
    : QWizardPage(parent), m_draft(draft), m_offers(offers)
{
    setObjectName(QStringLiteral("reviewPage"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_reserveFirst = new QCheckBox(this);
    m_reserveFirst->setObjectName(QStringLiteral("reserveFirst"));
    m_reserveFirst->setChecked(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    layout->addWidget(m_reserveFirst);
    retranslate();
}

void ReviewPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void ReviewPage::retranslate()
{
    setTitle(tr("Review"));
    setSubTitle(tr("Check where the job will run, what it should cost and when it should finish."));
    setButtonText(QWizard::NextButton, tr("&Submit"));
    m_reserveFirst->setText(tr("Reserve the units first, so a vanished offer stops the submission early"));
    if (wizard() && wizard()->currentPage() == this)
        initializePage(); // the summary
}

void ReviewPage::initializePage()
{
    // On a reservation the units are already held: nothing to reserve first.
    m_reserveFirst->setVisible(!m_draft->held);
    const placement::Candidate *c = m_offers->selectedCandidate();
    if (!c) {
        m_summary->setText(tr("No proposal chosen."));
        return;
    }
    QString rows;
    const NodeNames names = m_offers->nodeNames();
    for (const placement::Share &s : c->shares) {
        const QString what = s.acceleratorModel.isEmpty()
                                 ? tr("CPU only")
                                 : tr("%1 × %2").arg(s.accelerators).arg(acceleratorDisplayName(s.acceleratorModel));
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td align=right>%3 %</td></tr>")
                    .arg(names.name(s.nodeId).toHtmlEscaped(), what.toHtmlEscaped())
                    .arg(qRound(s.fraction * 100));
    }
    const QString budget = m_draft->budgetCny > 0
                               ? tr(" (budget ¥%1)").arg(QLocale().toString(m_draft->budgetCny, 'f', 0))
                               : QString();
    const QString deadline = m_draft->deadlineMs > 0 ? tr(" (deadline %1)").arg(when(m_draft->deadlineMs)) : QString();
    m_summary->setText(
        tr("<p><b>%1</b> — %2, %3 h</p>"
           "<table cellspacing=6><tr><th align=left>Node</th><th align=left>Runs on</th><th>Share</th></tr>%4</table>"
           "<p>Estimated cost: <b>¥%5</b>%6<br>Starts: %7<br>Done by: <b>%8</b>%9<br>"
           "Renewable share: %10 %</p>")
            .arg(m_draft->name.toHtmlEscaped(), jobs::JobListModel::kindName(m_draft->kind))
            .arg(m_draft->requirements.durationHours)
            .arg(rows)
            .arg(QLocale().toString(c->estimatedCostCny, 'f', 0), budget, when(c->estimatedStartMs),
                 when(c->estimatedFinishMs), deadline)
            .arg(qRound(c->greenShare * 100)));
}

bool ReviewPage::isComplete() const
{
    return m_offers->selectedCandidate() != nullptr;
}

bool ReviewPage::reserveFirst() const
{
    return m_reserveFirst->isChecked() && !m_draft->held;
}

} // namespace cpn
