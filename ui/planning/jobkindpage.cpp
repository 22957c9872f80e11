#include "ui/planning/jobkindpage.h"

#include "jobs/joblistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cpn {

JobKindPage::JobKindPage(placement::Workload *draft, QWidget *parent) : QWizardPage(parent), m_draft(draft)
{
    setObjectName(QStringLiteral("jobKindPage"));
    setTitle(tr("Job"));
    setSubTitle(tr("Name the job and say what kind of work it is."));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("jobName"));
    m_name->setMaxLength(200);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("jobKind"));
    for (JobKind kind : {JobKind::Training, JobKind::FineTuning, JobKind::Inference, JobKind::Batch})
        m_kind->addItem(jobs::JobListModel::kindName(kind), int(kind));
    m_split = new QCheckBox(tr("May be split across nodes"), this);
    m_split->setObjectName(QStringLiteral("splittable"));
    m_maxNodes = new QSpinBox(this);
    m_maxNodes->setObjectName(QStringLiteral("maxSplitNodes"));
    m_maxNodes->setRange(2, 8);
    m_maxNodes->setPrefix(tr("up to "));
    m_maxNodes->setSuffix(tr(" nodes"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setStyleSheet(QStringLiteral("color: #e06c5a;"));
    auto *hint = new QLabel(tr("Inference services and batch jobs may run in parts on several nodes; training and "
                               "fine-tuning always run on one."),
                            this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Na&me:"), m_name); // Alt+N is the wizard's Next
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(m_split, m_maxNodes);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addStretch(1);
    layout->addWidget(m_problem);

    connect(m_name, &QLineEdit::textChanged, this, &JobKindPage::entriesChanged);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &JobKindPage::entriesChanged);
    connect(m_split, &QCheckBox::toggled, this, &JobKindPage::entriesChanged);
    connect(m_maxNodes, &QSpinBox::valueChanged, this, &JobKindPage::entriesChanged);
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
