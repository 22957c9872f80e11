#include "ui/planning/dropconfirmdialog.h"

#include "domain/enums.h"
#include "domain/provinces.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace cpn {

DropConfirmDialog::DropConfirmDialog(const Target &target, const placement::Candidate &candidate, bool maySubmit,
                                     QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("dropConfirmDialog"));
    setWindowTitle(tr("Place %1").arg(target.workloadName));
    const QLocale locale;
    auto *form = new QFormLayout;
    auto *workload = new QLabel(target.workloadName, this);
    workload->setTextFormat(Qt::PlainText);
    form->addRow(tr("Workload:"), workload);
    QString node = target.nodeName.isEmpty() ? target.nodeId : tr("%1 (%2)").arg(target.nodeName, target.nodeId);
    if (!target.province.isEmpty())
        node += QStringLiteral("\n") + tr("best fit in %1").arg(provinceDisplayName(target.province));
    auto *nodeLabel = new QLabel(node, this);
    nodeLabel->setObjectName(QStringLiteral("targetNode"));
    nodeLabel->setTextFormat(Qt::PlainText);
    form->addRow(tr("Node:"), nodeLabel);
    if (!candidate.shares.isEmpty() && !candidate.shares.first().acceleratorModel.isEmpty())
        form->addRow(tr("Accelerators:"), new QLabel(tr("%1 × %2").arg(locale.toString(candidate.shares.first().accelerators),
                                                                      acceleratorDisplayName(candidate.shares.first().acceleratorModel)),
                                                     this));
    auto *cost = new QLabel(tr("≈ %1 CNY").arg(locale.toString(candidate.estimatedCostCny, 'f', 0)), this);
    cost->setObjectName(QStringLiteral("cost"));
    form->addRow(tr("Cost:"), cost);
    const auto when = [&](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
    };
    auto *eta = new QLabel(tr("starts %1, done by %2").arg(when(candidate.estimatedStartMs), when(candidate.estimatedFinishMs)),
                           this);
    eta->setObjectName(QStringLiteral("eta"));
    form->addRow(tr("ETA:"), eta);
    if (candidate.queueWaitHours > 0)
        form->addRow(tr("Queue:"), new QLabel(tr("%1 h before it starts").arg(locale.toString(candidate.queueWaitHours, 'f', 1)),
                                              this));
    const placement::ScoreParts &p = candidate.parts;
    const QString parts = tr("cost %1 · transfer %2 · latency %3 · headroom %4 · energy %5")
                              .arg(placement::scorePoints(p.cost.score))
                              .arg(placement::scorePoints(p.transfer.score))
                              .arg(placement::scorePoints(p.latency.score))
                              .arg(placement::scorePoints(p.headroom.score))
                              .arg(placement::scorePoints(p.energy.score));
    auto *score = new QLabel(tr("%1 of 100, rank %2 of %3").arg(placement::scorePoints(candidate.totalScore))
                                 .arg(target.rank + 1)
                                 .arg(target.candidates),
                             this);
    score->setObjectName(QStringLiteral("score"));
    form->addRow(tr("Score:"), score);
    auto *partsLabel = new QLabel(parts, this);
    partsLabel->setWordWrap(true);
    form->addRow(tr("Parts:"), partsLabel);

    auto *buttons = new QDialogButtonBox(this);
    m_submit = buttons->addButton(tr("Submit"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setEnabled(maySubmit);
    if (!maySubmit)
        m_submit->setToolTip(tr("Your account may not submit jobs (jobs:write)."));
    m_plan = buttons->addButton(tr("Plan Only"), QDialogButtonBox::ActionRole);
    m_plan->setObjectName(QStringLiteral("planButton"));
    m_plan->setToolTip(tr("Keep it in the queue, planned on this node; undoable until it is submitted."));
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
}

} // namespace cpn
