#include "ui/planning/dropconfirmdialog.h"

#include "domain/enums.h"
#include "domain/provinces.h"
#include "widgets/formlabels.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace cpn {

DropConfirmDialog::DropConfirmDialog(const Target &target, const placement::Candidate &candidate, bool maySubmit,
                                     QWidget *parent)
    : QDialog(parent), m_target(target), m_candidate(candidate), m_maySubmit(maySubmit)
{
    setObjectName(QStringLiteral("dropConfirmDialog"));
    // The rows' labels and values: retranslate().
    auto *form = new QFormLayout;
    const auto addRow = [&](Field field, const QString &objectName = {}) {
        auto *value = new QLabel(this);
        value->setObjectName(objectName);
        value->setTextFormat(Qt::PlainText);
        m_values[field] = value;
        m_names[field] = addFormRow(form, value);
    };
    addRow(WorkloadField);
    addRow(NodeField, QStringLiteral("targetNode"));
    if (!candidate.shares.isEmpty() && !candidate.shares.first().acceleratorModel.isEmpty())
        addRow(AcceleratorsField);
    addRow(CostField, QStringLiteral("cost"));
    addRow(EtaField, QStringLiteral("eta"));
    if (candidate.queueWaitHours > 0)
        addRow(QueueField);
    addRow(ScoreField, QStringLiteral("score"));
    addRow(PartsField);
    m_values[PartsField]->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_submit = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setEnabled(maySubmit);
    m_plan = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_plan->setObjectName(QStringLiteral("planButton"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    (maySubmit ? m_submit : m_plan)->setDefault(true);
    connect(m_submit, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Submit;
        accept();
    });
    connect(m_plan, &QPushButton::clicked, this, [this] {
        m_choice = Choice::PlanOnly;
        accept();
    });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    retranslate();
}

void DropConfirmDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void DropConfirmDialog::retranslate()
{
    const Target &target = m_target;
    const placement::Candidate &candidate = m_candidate;
    const QLocale locale;
    const auto setRow = [this](Field field, const QString &name, const QString &value) {
        if (!m_values[field])
            return;
        m_names[field]->setText(name);
        m_values[field]->setText(value);
    };
    setWindowTitle(tr("Place %1").arg(target.workloadName));
    setRow(WorkloadField, tr("Workload:"), target.workloadName);
    QString node = target.nodeName.isEmpty() ? target.nodeId : tr("%1 (%2)").arg(target.nodeName, target.nodeId);
    if (!target.province.isEmpty())
        node += QStringLiteral("\n") + tr("best fit in %1").arg(provinceDisplayName(target.province));
    setRow(NodeField, tr("Node:"), node);
    if (m_values[AcceleratorsField])
        setRow(AcceleratorsField, tr("Accelerators:"),
               tr("%1 × %2").arg(locale.toString(candidate.shares.first().accelerators),
                                 acceleratorDisplayName(candidate.shares.first().acceleratorModel)));
    setRow(CostField, tr("Cost:"), tr("≈ %1 CNY").arg(locale.toString(candidate.estimatedCostCny, 'f', 0)));
    const auto when = [&](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
    };
    setRow(EtaField, tr("ETA:"),
           tr("starts %1, done by %2").arg(when(candidate.estimatedStartMs), when(candidate.estimatedFinishMs)));
    setRow(QueueField, tr("Queue:"),
           tr("%1 h before it starts").arg(locale.toString(candidate.queueWaitHours, 'f', 1)));
    setRow(ScoreField, tr("Score:"),
           tr("%1 of 100, rank %2 of %3")
               .arg(placement::scorePoints(candidate.totalScore))
               .arg(target.rank + 1)
               .arg(target.candidates));
    const placement::ScoreParts &p = candidate.parts;
    setRow(PartsField, tr("Parts:"),
           tr("cost %1 · transfer %2 · latency %3 · headroom %4 · energy %5")
               .arg(placement::scorePoints(p.cost.score))
               .arg(placement::scorePoints(p.transfer.score))
               .arg(placement::scorePoints(p.latency.score))
               .arg(placement::scorePoints(p.headroom.score))
               .arg(placement::scorePoints(p.energy.score)));
    m_submit->setText(tr("Submit"));
    m_submit->setToolTip(m_maySubmit ? QString() : tr("Your account may not submit jobs (jobs:write)."));
    m_plan->setText(tr("Plan Only"));
    m_plan->setToolTip(tr("Keep it in the queue, planned on this node; undoable until it is submitted."));
}

} // namespace cpn
