#include "ui/planning/jobkindpage.h"

#include "widgets/accessibletext.h"

#include "jobs/joblistmodel.h"
#include "widgets/formlabels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cpn {

JobKindPage::JobKindPage(placement::Workload *draft, QWidget *parent) : QWizardPage(parent), m_draft(draft)
{
    setObjectName(QStringLiteral("jobKindPage"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("jobName"));
    m_name->setMaxLength(200);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("jobKind"));
    for (JobKind kind : {JobKind::Training, JobKind::FineTuning, JobKind::Inference, JobKind::Batch})
        m_kind->addItem(QString(), int(kind));
    m_split = new QCheckBox(this);
    m_split->setObjectName(QStringLiteral("splittable"));
    m_maxNodes = new QSpinBox(this);
    m_maxNodes->setObjectName(QStringLiteral("maxSplitNodes"));
    m_maxNodes->setRange(2, 8);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setStyleSheet(QStringLiteral("color: #e06c5a;"));
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_form = new QFormLayout;
    addFormRow(m_form, m_name);
    addFormRow(m_form, m_kind);
    m_form->addRow(m_split, m_maxNodes);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_hint);
    layout->addStretch(1);
    layout->addWidget(m_problem);

    connect(m_name, &QLineEdit::textChanged, this, &JobKindPage::entriesChanged);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &JobKindPage::entriesChanged);
    connect(m_split, &QCheckBox::toggled, this, &JobKindPage::entriesChanged);
    connect(m_maxNodes, &QSpinBox::valueChanged, this, &JobKindPage::entriesChanged);
    retranslate();
}

void JobKindPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void JobKindPage::retranslate()
{
    setTitle(tr("Job"));
    setSubTitle(tr("Name the job and say what kind of work it is."));
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(i, jobs::JobListModel::kindName(JobKind(m_kind->itemData(i).toInt())));
    m_split->setText(tr("May be split across nodes"));
    m_maxNodes->setPrefix(tr("up to "));
    m_maxNodes->setSuffix(tr(" nodes"));
    setAccessibleText(m_maxNodes, tr("Split across at most"), tr("How many nodes the job may run on"));
    m_hint->setText(tr("Inference services and batch jobs may run in parts on several nodes; training and "
                       "fine-tuning always run on one."));
    setFormLabel(m_form, m_name, tr("Na&me:")); // Alt+N is the wizard's Next
    setFormLabel(m_form, m_kind, tr("&Kind:"));
    if (!m_problem->text().isEmpty())
        m_problem->setText(problemWith(*m_draft));
}

void JobKindPage::initializePage()
{
    m_loading = true;
    m_name->setText(m_draft->name);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(m_draft->kind))));
    m_split->setChecked(m_draft->splittable);
    m_maxNodes->setValue(std::max(2, m_draft->maxSplitNodes));
    m_loading = false;
    entriesChanged();
}

QString JobKindPage::problemWith(const placement::Workload &w)
{
    if (w.name.trimmed().isEmpty())
        return tr("Give the job a name.");
    return {};
}

void JobKindPage::entriesChanged()
{
    if (m_loading)
        return;
    m_draft->name = m_name->text().trimmed();
    m_draft->kind = JobKind(m_kind->currentData().toInt());
    const bool maysplit = m_draft->kind == JobKind::Inference || m_draft->kind == JobKind::Batch;
    m_split->setEnabled(maysplit);
    m_maxNodes->setEnabled(maysplit && m_split->isChecked());
    m_draft->splittable = maysplit && m_split->isChecked();
    m_draft->maxSplitNodes = m_draft->splittable ? m_maxNodes->value() : 1;
    m_problem->setText(problemWith(*m_draft));
    Q_EMIT completeChanged();
}

bool JobKindPage::isComplete() const
{
    return problemWith(*m_draft).isEmpty();
}

bool JobKindPage::validatePage()
{
    entriesChanged();
    return isComplete();
}

} // namespace cpn
