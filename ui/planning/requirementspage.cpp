#include "ui/planning/requirementspage.h"

#include "widgets/accessibletext.h"

#include "domain/enums.h"
#include "domain/logging.h"
#include "domain/nodenames.h"
#include "domain/provinces.h"
#include "jobs/offerbook.h"
#include "placement/sharedranking.h"
#include "ui/planning/planningservices.h"
#include "ui/planning/rankedofferspage.h"

#include "widgets/formlabels.h"

#include <QCheckBox>
#include <QEvent>
#include <QCollator>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace cpn {
namespace {

const QString kTrainingClass = QStringLiteral("class:training");
const QString kInferenceClass = QStringLiteral("class:inference");
constexpr int kRecountDelayMs = 150;

QDoubleSpinBox *quantityBox(double max, int decimals, const QString &suffix, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, max);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    return box;
}

QStringList residencyCodes(const QString &text)
{
    QStringList codes;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        codes.append(part.trimmed().toUpper());
    return codes;
}

} // namespace

RequirementsPage::RequirementsPage(PlanningServices *services, placement::Workload *draft,
                                   placement::SharedRanking *ranking, QWidget *parent)
    : QWizardPage(parent), m_services(services), m_draft(draft), m_ranking(ranking)
{
    setObjectName(QStringLiteral("requirementsPage"));

    m_accelerator = new QComboBox(this);
    m_accelerator->setObjectName(QStringLiteral("accelerator"));
    m_count = new QSpinBox(this);
    m_count->setObjectName(QStringLiteral("acceleratorCount"));
    m_count->setRange(0, 100000);
    m_cpu = new QSpinBox(this);
    m_cpu->setObjectName(QStringLiteral("cpuCores"));
    m_cpu->setRange(0, 10000000);
    m_memory = quantityBox(1e8, 0, QString(), this);
    m_memory->setObjectName(QStringLiteral("memoryGiB"));
    m_storage = quantityBox(1e6, 1, QString(), this);
    m_storage->setObjectName(QStringLiteral("storageTB"));
    m_duration = quantityBox(24 * 366, 1, QString(), this);
    m_duration->setObjectName(QStringLiteral("durationHours"));
    m_hasDeadline = new QCheckBox(this);
    m_hasDeadline->setObjectName(QStringLiteral("hasDeadline"));
    m_deadline = new QDateTimeEdit(this);
    m_deadline->setObjectName(QStringLiteral("deadline"));
    m_deadline->setCalendarPopup(true);
    m_budget = quantityBox(1e10, 0, QString(), this);
    m_budget->setObjectName(QStringLiteral("budget"));
    m_budget->setSingleStep(1000);
    m_dataLocation = new QComboBox(this);
    m_dataLocation->setObjectName(QStringLiteral("dataLocation"));
    m_dataTB = quantityBox(1e6, 1, QString(), this);
    m_dataTB->setObjectName(QStringLiteral("dataTB"));
    m_usersLocation = new QComboBox(this);
    m_usersLocation->setObjectName(QStringLiteral("usersLocation"));
    m_maxLatency = new QSpinBox(this);
    m_maxLatency->setObjectName(QStringLiteral("maxLatency"));
    m_maxLatency->setRange(0, 100000);
    m_residency = new QLineEdit(this);
    m_residency->setObjectName(QStringLiteral("residency"));
    m_green = new QCheckBox(this);
    m_green->setObjectName(QStringLiteral("preferGreen"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #e06c5a;"));
    m_heldNote = new QLabel(this);
    m_heldNote->setObjectName(QStringLiteral("heldUnits"));
    m_heldNote->setWordWrap(true);
    m_heldNote->hide();
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("matchCount"));
    m_countLabel->setWordWrap(true);
    QFont bold = m_countLabel->font();
    bold.setBold(true);
    m_countLabel->setFont(bold);

    auto *accelerators = new QHBoxLayout;
    accelerators->addWidget(m_accelerator, 2);
    accelerators->addWidget(m_count, 1);
    auto *deadline = new QHBoxLayout;
    deadline->addWidget(m_hasDeadline);
    deadline->addWidget(m_deadline, 1);
    auto *data = new QHBoxLayout;
    data->addWidget(m_dataLocation, 2);
    data->addWidget(m_dataTB, 1);
    auto *users = new QHBoxLayout;
    users->addWidget(m_usersLocation, 2);
    m_within = new QLabel(this);
    users->addWidget(m_within);
    users->addWidget(m_maxLatency, 1);

    // A row of several fields needs its label's buddy set by hand (QFormLayout sets it for a widget
    // only): without one the label shows its '&' instead of a mnemonic.
    const auto labelFor = [this](QWidget *buddy) {
        auto *label = new QLabel(this);
        label->setBuddy(buddy);
        return label;
    };
    m_form = new QFormLayout;
    m_form->addRow(labelFor(m_accelerator), accelerators);
    addFormRow(m_form, m_cpu);
    addFormRow(m_form, m_memory);
    addFormRow(m_form, m_storage);
    addFormRow(m_form, m_duration);
    m_deadlineLabel = new QLabel(this);
    m_form->addRow(m_deadlineLabel, deadline);
    addFormRow(m_form, m_budget);
    m_form->addRow(labelFor(m_dataLocation), data);
    m_form->addRow(labelFor(m_usersLocation), users);
    addFormRow(m_form, m_residency);
    m_form->addRow(QString(), m_green);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heldNote);
    layout->addLayout(m_form);
    layout->addStretch(1);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_problem);

    m_countTimer = new QTimer(this);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(kRecountDelayMs);
    connect(m_countTimer, &QTimer::timeout, this, &RequirementsPage::recount);

    fillChoices();
    retranslateStatic();
    load(*m_draft);

    const auto changed = [this] { entriesChanged(); };
    connect(m_accelerator, &QComboBox::currentIndexChanged, this, changed);
    connect(m_count, &QSpinBox::valueChanged, this, changed);
    connect(m_cpu, &QSpinBox::valueChanged, this, changed);
    connect(m_memory, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_storage, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_duration, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_hasDeadline, &QCheckBox::toggled, this, changed);
    connect(m_deadline, &QDateTimeEdit::dateTimeChanged, this, changed);
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_dataLocation, &QComboBox::currentIndexChanged, this, changed);
    connect(m_dataTB, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_usersLocation, &QComboBox::currentIndexChanged, this, changed);
    connect(m_maxLatency, &QSpinBox::valueChanged, this, changed);
    connect(m_residency, &QLineEdit::textChanged, this, changed);
    connect(m_green, &QCheckBox::toggled, this, changed);
    // New offers (or the first ones) change what matches.
    if (m_services && m_services->offers)
        connect(m_services->offers, &jobs::OfferBook::offersChanged, this, [this] {
            m_offersChanged = true;
            if (isVisible())
                m_countTimer->start();
        });
    // The ranked page's Refresh ranks again: the count follows, so Back shows the same best.
    connect(m_ranking, &placement::SharedRanking::ranked, this, [this] {
        if (!m_counting)
            showCount();
    });
}

void RequirementsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateStatic();
        retranslateChoices(m_accelerator);
        retranslateChoices(m_dataLocation);
        retranslateChoices(m_usersLocation);
        showHeldUnits(m_draft->held);
        entriesChanged(); // the problem and the count, in the new language
    }
    QWizardPage::changeEvent(event);
}

// The texts that do not depend on the entries.
void RequirementsPage::retranslateStatic()
{
    setTitle(tr("Requirements"));
    setSubTitle(tr("What the work needs and where it may run. The count below follows your entries."));
    m_count->setSuffix(tr(" cards"));
    m_cpu->setSuffix(tr(" cores"));
    m_memory->setSuffix(tr(" GiB"));
    m_storage->setSuffix(tr(" TB"));
    m_duration->setSuffix(tr(" h"));
    m_hasDeadline->setText(tr("Finish by"));
    m_budget->setPrefix(tr("¥"));
    m_budget->setSpecialValueText(tr("No limit"));
    m_dataTB->setSuffix(tr(" TB"));
    m_maxLatency->setSuffix(tr(" ms"));
    m_maxLatency->setSpecialValueText(tr("No limit"));
    // The fields beside another one in a row of the form, which their label does not name.
    setAccessibleText(m_count, tr("Accelerator cards"));
    setAccessibleText(m_deadline, tr("Deadline"));
    setAccessibleText(m_dataTB, tr("Data to move in"), tr("Terabytes of input data at the data location"));
    setAccessibleText(m_maxLatency, tr("Maximum latency to the users"));
    m_residency->setPlaceholderText(tr("Anywhere, or province codes such as CN-GZ, CN-NM"));
    m_green->setText(tr("Prefer nodes running on renewable power"));
    m_within->setText(tr("within"));
    setFormLabel(m_form, m_accelerator, tr("&Accelerators:"));
    setFormLabel(m_form, m_cpu, tr("&CPU:"));
    setFormLabel(m_form, m_memory, tr("&Memory:"));
    setFormLabel(m_form, m_storage, tr("&Storage:"));
    setFormLabel(m_form, m_duration, tr("D&uration:"));
    m_deadlineLabel->setText(tr("Deadline:"));
    setFormLabel(m_form, m_budget, tr("&Budget:"));
    setFormLabel(m_form, m_dataLocation, tr("&Data at:"));
    setFormLabel(m_form, m_usersLocation, tr("Users a&t:"));
    setFormLabel(m_form, m_residency, tr("&Residency:"));
}

// The names of a choice list's entries, by their data.
void RequirementsPage::retranslateChoices(QComboBox *combo)
{
    for (int i = 0; i < combo->count(); ++i) {
        const QString data = combo->itemData(i).toString();
        QString text;
        if (data.isEmpty())
            text = combo == m_accelerator ? tr("No accelerators (CPU only)") : tr("Not set");
        else if (data == kTrainingClass)
            text = tr("Any training-class card");
        else if (data == kInferenceClass)
            text = tr("Any inference-class card");
        else if (data.startsWith(u"province:"))
            text = provinceDisplayName(data.mid(9));
        else if (data.startsWith(u"node:"))
            text = tr("Node: %1").arg(m_services ? m_services->nodeNames().name(data.mid(5)) : data.mid(5));
        else
            text = acceleratorDisplayName(data);
        combo->setItemText(i, text);
    }
}

void RequirementsPage::fillChoices()
{
    m_accelerator->addItem(QString(), QString());
    m_accelerator->addItem(QString(), kTrainingClass);
    m_accelerator->addItem(QString(), kInferenceClass);
    QSet<QString> models;
    if (m_services && m_services->offers)
        for (const QString &model : m_services->offers->acceleratorModels())
            models.insert(model);
    for (const AcceleratorModelInfo &info : knownAcceleratorModels())
        models.insert(QString::fromLatin1(info.id));
    QStringList sorted(models.begin(), models.end());
    sorted.sort();
    for (const QString &model : std::as_const(sorted))
        m_accelerator->addItem(QString(), model);
    retranslateChoices(m_accelerator);
    fillLocations(m_dataLocation);
    fillLocations(m_usersLocation);
}

void RequirementsPage::fillLocations(QComboBox *combo)
{
    combo->clear();
    combo->addItem(QString(), QString());
    for (const Province &p : provinces())
        combo->addItem(QString(), QStringLiteral("province:") + QLatin1String(p.isoCode));
    if (m_services && m_services->snapshot) {
        QList<Node> nodes = m_services->snapshot().nodes;
        // By the name shown, which the planner types to find one; the id stays in the tooltip.
        QCollator collator;
        collator.setNumericMode(true);
        std::sort(nodes.begin(), nodes.end(),
                  [&](const Node &a, const Node &b) { return collator.compare(localizedName(a), localizedName(b)) < 0; });
        for (const Node &n : std::as_const(nodes)) {
            combo->addItem(tr("Node: %1").arg(localizedName(n)), QStringLiteral("node:") + n.id);
            combo->setItemData(combo->count() - 1, identityText(n), Qt::ToolTipRole);
        }
    }
    retranslateChoices(combo);
}

placement::Location RequirementsPage::locationOf(const QComboBox *combo)
{
    const QString data = combo->currentData().toString();
    if (data.startsWith(u"province:"))
        return placement::Location::inProvince(data.mid(9));
    if (data.startsWith(u"node:"))
        return placement::Location::atNode(data.mid(5));
    return placement::Location::none();
}

void RequirementsPage::selectLocation(QComboBox *combo, const placement::Location &location)
{
    QString data;
    if (location.kind == placement::Location::Kind::Node)
        data = QStringLiteral("node:") + location.nodeId;
    else if (location.kind == placement::Location::Kind::Place)
        data = QStringLiteral("province:") + location.province;
    int index = combo->findData(data);
    if (index < 0 && location.kind == placement::Location::Kind::Node) {
        const QString name = m_services ? m_services->nodeNames().name(location.nodeId) : location.nodeId;
        combo->addItem(tr("Node: %1").arg(name), data); // not in the directory (yet)
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(std::max(0, index));
}

void RequirementsPage::load(const placement::Workload &w)
{
    m_loading = true;
    QString choice = w.requirements.accelerators > 0 ? w.requirements.acceleratorModel : QString();
    if (w.requirements.accelerators > 0 && !w.acceleratorModels.isEmpty()) {
        if (w.acceleratorModels == placement::acceleratorModelsOfClass(placement::AcceleratorClass::Training))
            choice = kTrainingClass;
        else if (w.acceleratorModels == placement::acceleratorModelsOfClass(placement::AcceleratorClass::Inference))
            choice = kInferenceClass;
        else
            choice = w.acceleratorModels.constFirst();
    }
    int index = m_accelerator->findData(choice);
    if (index < 0) {
        m_accelerator->addItem(choice, choice);
        index = m_accelerator->count() - 1;
    }
    m_accelerator->setCurrentIndex(index);
    m_count->setValue(w.requirements.accelerators);
    m_count->setEnabled(!choice.isEmpty());
    m_cpu->setValue(w.requirements.cpuCores);
    m_memory->setValue(w.requirements.memoryGiB);
    m_storage->setValue(w.requirements.storageTB);
    m_duration->setValue(w.requirements.durationHours);
    m_hasDeadline->setChecked(w.deadlineMs > 0);
    m_deadline->setDateTime(w.deadlineMs > 0 ? QDateTime::fromMSecsSinceEpoch(w.deadlineMs)
                                             : QDateTime::currentDateTime().addDays(1));
    m_deadline->setEnabled(w.deadlineMs > 0);
    m_budget->setValue(w.budgetCny);
    selectLocation(m_dataLocation, w.dataLocation);
    m_dataTB->setValue(w.dataTB);
    selectLocation(m_usersLocation, w.usersLocation);
    m_maxLatency->setValue(int(w.maxLatencyMs));
    QStringList residency(w.residencyProvinces.begin(), w.residencyProvinces.end());
    residency.sort();
    m_residency->setText(residency.join(QStringLiteral(", ")));
    m_green->setChecked(w.preferGreen);
    showHeldUnits(w.held);
    m_loading = false;
    entriesChanged();
}

void RequirementsPage::showHeldUnits(const std::optional<Reservation> &held)
{
    // A job placed on a reservation needs what it holds: those entries are the reservation's, not the planner's.
    const bool accelerators = held && held->resource == Offer::Resource::Accelerator;
    const bool cores = held && held->resource == Offer::Resource::Cpu;
    m_accelerator->setEnabled(!accelerators);
    m_count->setEnabled(!accelerators && !m_accelerator->currentData().toString().isEmpty());
    m_cpu->setEnabled(!cores);
    m_heldNote->setVisible(held.has_value());
    if (!held)
        return;
    const QString node = m_services ? m_services->nodeNames().name(held->nodeId) : held->nodeId;
    m_heldNote->setText(tr("This job runs on reservation %1: %2 held at %3. It is placed there only.")
                            .arg(held->id, heldUnitsText(*held), node));
    const QString why = tr("Fixed by the reservation %1").arg(held->id);
    m_accelerator->setToolTip(accelerators ? why : QString());
    m_count->setToolTip(accelerators ? why : QString());
    m_cpu->setToolTip(cores ? why : QString());
}

void RequirementsPage::writeDraft()
{
    placement::Workload &w = *m_draft;
    const QString choice = m_accelerator->currentData().toString();
    w.acceleratorModels.clear();
    w.requirements.acceleratorModel.clear();
    w.requirements.accelerators = choice.isEmpty() ? 0 : m_count->value();
    if (choice == kTrainingClass)
        w.acceleratorModels = placement::acceleratorModelsOfClass(placement::AcceleratorClass::Training);
    else if (choice == kInferenceClass)
        w.acceleratorModels = placement::acceleratorModelsOfClass(placement::AcceleratorClass::Inference);
    else
        w.requirements.acceleratorModel = choice;
    w.requirements.cpuCores = m_cpu->value();
    w.requirements.memoryGiB = m_memory->value();
    w.requirements.storageTB = m_storage->value();
    w.requirements.durationHours = m_duration->value();
    w.deadlineMs = m_hasDeadline->isChecked() ? m_deadline->dateTime().toMSecsSinceEpoch() : 0;
    w.budgetCny = m_budget->value();
    w.dataLocation = locationOf(m_dataLocation);
    w.dataTB = m_dataTB->value();
    w.usersLocation = locationOf(m_usersLocation);
    w.maxLatencyMs = m_maxLatency->value();
    w.residencyProvinces.clear();
    for (const QString &code : residencyCodes(m_residency->text()))
        w.residencyProvinces.insert(code);
    w.preferGreen = m_green->isChecked();
}

QString RequirementsPage::problemWith(const placement::Workload &w, qint64 nowMs)
{
    const JobRequirements &q = w.requirements;
    if (q.durationHours <= 0)
        return tr("Enter how long the work runs (more than 0 hours).");
    if (q.accelerators <= 0 && q.cpuCores <= 0)
        return tr("The work needs at least one accelerator card or CPU core.");
    if (q.accelerators > 0 && q.acceleratorModel.isEmpty() && w.acceleratorModels.isEmpty())
        return tr("Choose an accelerator model or class.");
    for (const QString &code : w.residencyProvinces) {
        if (!provinceByIso(code))
            return tr("%1 is not a province code (use ISO 3166-2:CN codes such as CN-GZ).").arg(code);
    }
    if (w.deadlineMs > 0) {
        if (w.deadlineMs <= nowMs)
            return tr("The deadline has already passed.");
        if (w.deadlineMs < nowMs + qint64(q.durationHours * 3600 * 1000))
            return tr("The deadline is sooner than the work's own duration.");
    }
    if (w.dataTB > 0 && !w.dataLocation.isSet())
        return tr("Say where the %1 TB of data are, or set the amount to 0.").arg(w.dataTB);
    if (w.maxLatencyMs > 0 && !w.usersLocation.isSet())
        return tr("Say where the users are to limit their latency.");
    return {};
}

void RequirementsPage::entriesChanged()
{
    if (m_loading)
        return;
    m_count->setEnabled(m_accelerator->isEnabled() && !m_accelerator->currentData().toString().isEmpty());
    m_deadline->setEnabled(m_hasDeadline->isChecked());
    writeDraft();
    m_problemText = problemWith(*m_draft, QDateTime::currentMSecsSinceEpoch());
    m_problem->setText(m_problemText);
    m_problem->setVisible(!m_problemText.isEmpty());
    if (m_problemText.isEmpty())
        m_countLabel->setText(tr("Counting the nodes that could take it…"));
    m_countTimer->start();
    Q_EMIT completeChanged();
}

void RequirementsPage::recount()
{
    m_countTimer->stop();
    if (!m_problemText.isEmpty() || !m_services || !m_services->snapshot) {
        m_matchCount = -1;
        m_countLabel->setText(m_problemText.isEmpty() ? QString() : tr("Nothing to count until the entries are valid."));
        Q_EMIT counted(m_matchCount);
        return;
    }
    m_counting = true;
    if (std::exchange(m_offersChanged, false))
        m_ranking->rankAgain(*m_draft);
    else
        m_ranking->rankingFor(*m_draft);
    m_counting = false;
    showCount(); // once, whether the ranking is new or was already there
}

void RequirementsPage::showCount()
{
    if (!m_problemText.isEmpty())
        return;
    const placement::FederationSnapshot &snapshot = m_ranking->snapshot();
    const placement::PlacementResult &result = m_ranking->result();
    const NodeNames names = m_services ? m_services->nodeNames() : NodeNames();
    const int singles = int(std::count_if(result.ranked.cbegin(), result.ranked.cend(),
                                          [](const placement::Candidate &c) { return !c.isSplit(); }));
    m_matchCount = singles;
    if (snapshot.nodes.isEmpty()) {
        m_countLabel->setText(tr("No federation directory yet: connect to a node first."));
    } else if (!result.ranked.isEmpty()) {
        // The best is the ranked page's first row, a split included.
        const placement::Candidate &best = result.ranked.constFirst();
        m_countLabel->setText(tr("%n node(s) of %1 can take it; the best is %2 at about ¥%3.", nullptr, singles)
                                  .arg(snapshot.nodes.size())
                                  .arg(RankedOffersPage::candidateName(best, names),
                                       QLocale().toString(best.estimatedCostCny, 'f', 0)));
    } else if (!result.rejected.isEmpty()) {
        m_countLabel->setText(tr("No node of %1 can take it; for example %2: %3")
                                  .arg(snapshot.nodes.size())
                                  .arg(names.name(result.rejected.constFirst().nodeId), result.rejected.constFirst().message));
    } else {
        m_countLabel->setText(tr("No node can take it."));
    }
    Q_EMIT counted(m_matchCount);
}

void RequirementsPage::initializePage()
{
    // The directory may have arrived since the page was built.
    if (m_dataLocation->count() <= int(provinces().size()) + 1) {
        m_loading = true;
        const placement::Location data = m_draft->dataLocation;
        const placement::Location users = m_draft->usersLocation;
        fillLocations(m_dataLocation);
        fillLocations(m_usersLocation);
        selectLocation(m_dataLocation, data);
        selectLocation(m_usersLocation, users);
        m_loading = false;
    }
    entriesChanged();
    recount();
}

bool RequirementsPage::isComplete() const
{
    return m_problemText.isEmpty();
}

bool RequirementsPage::validatePage()
{
    writeDraft();
    m_problemText = problemWith(*m_draft, QDateTime::currentMSecsSinceEpoch());
    m_problem->setText(m_problemText);
    m_problem->setVisible(!m_problemText.isEmpty());
    if (!m_problemText.isEmpty())
        qCInfo(lcUi).noquote() << "requirements refused:" << m_problemText;
    return m_problemText.isEmpty();
}

} // namespace cpn
