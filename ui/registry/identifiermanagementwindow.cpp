#include "ui/registry/identifiermanagementwindow.h"

#include "api/nodeapiclient.h"
#include "domain/computeid.h"
#include "domain/logging.h"
#include "domain/provinces.h"
#include "itemmodels/registrationtablemodel.h"
#include "itemmodels/textschanged.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cpn {
namespace {

QString stateFilter(std::initializer_list<RegistrationState> states)
{
    QStringList values;
    for (RegistrationState s : states)
        values.append(QString::number(int(s)));
    return QStringLiteral("^(%1)$").arg(values.join(u'|'));
}

// Asks why (required but for approve); nullopt when cancelled.
std::optional<QString> askReason(QWidget *parent, const QString &title, const QString &prompt, bool required)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *label = new QLabel(prompt, &dialog);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto *reason = new QLineEdit(&dialog);
    reason->setMaxLength(500);
    reason->setPlaceholderText(required ? IdentifierManagementWindow::tr("Reason (kept in the audit trail)")
                                        : IdentifierManagementWindow::tr("Note (optional, kept in the audit trail)"));
    reason->setAccessibleName(IdentifierManagementWindow::tr("Reason"));
    layout->addWidget(reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(!required);
    QObject::connect(reason, &QLineEdit::textChanged, ok,
                     [ok, required](const QString &text) { ok->setEnabled(!required || !text.trimmed().isEmpty()); });
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return reason->text().trimmed();
}

} // namespace

IdentifierManagementWindow::IdentifierManagementWindow(std::function<QList<Root>()> roots, QWidget *parent)
    : QDialog(parent), m_roots(std::move(roots)), m_model(new RegistrationTableModel(this)),
      m_pendingProxy(new QSortFilterProxyModel(this)), m_registryProxy(new QSortFilterProxyModel(this)),
      m_rootBox(new QComboBox(this)), m_stateFilter(new QComboBox(this)), m_identifier(new QLineEdit(this)),
      m_verdict(new QLabel(this)), m_tabs(new QTabWidget(this)), m_history(new QTreeWidget(this)),
      m_status(new QLabel(this)), m_approve(new QPushButton(this)), m_reject(new QPushButton(this)),
      m_suspend(new QPushButton(this)), m_reinstate(new QPushButton(this)), m_revoke(new QPushButton(this)),
      m_rootLabel(new QLabel(this)), m_identifierLabel(new QLabel(this)), m_filterLabel(new QLabel(this)),
      m_historyLabel(new QLabel(this)), m_refreshButton(new QPushButton(this))
{
    // The texts: retranslate().
    setObjectName(QStringLiteral("identifierManagementWindow"));
    resize(1280, 700);

    for (QSortFilterProxyModel *proxy : {m_pendingProxy, m_registryProxy}) {
        proxy->setSourceModel(m_model);
        proxy->setFilterRole(RegistrationTableModel::StateRole);
    }
    m_pendingProxy->setFilterRegularExpression(stateFilter({RegistrationState::Pending}));

    auto *top = new QHBoxLayout;
    m_rootLabel->setBuddy(m_rootBox);
    top->addWidget(m_rootLabel);
    top->addWidget(m_rootBox, 1);
    top->addWidget(m_refreshButton);
    top->addWidget(m_status, 2);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *lookup = new QFormLayout;
    m_identifier->setObjectName(QStringLiteral("identifierField"));
    m_identifier->setPlaceholderText(QStringLiteral("CPN-R52-GEN-00007-0"));
    m_identifier->setClearButtonEnabled(true);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *field = new QVBoxLayout;
    field->setSpacing(2);
    field->addWidget(m_identifier);
    field->addWidget(m_verdict);
    m_verdict->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_identifierLabel->setBuddy(m_identifier);
    lookup->addRow(m_identifierLabel, field);

    // Pending applications.
    auto *pendingPage = new QWidget(this);
    auto *pendingLayout = new QVBoxLayout(pendingPage);
    m_applications = makeTable(m_pendingProxy);
    m_applications->setObjectName(QStringLiteral("applicationsView"));
    pendingLayout->addWidget(m_applications);
    auto *pendingButtons = new QHBoxLayout;
    pendingButtons->addStretch();
    pendingButtons->addWidget(m_approve);
    pendingButtons->addWidget(m_reject);
    pendingLayout->addLayout(pendingButtons);
    m_tabs->addTab(pendingPage, QString());

    // The registry.
    auto *registryPage = new QWidget(this);
    auto *registryLayout = new QVBoxLayout(registryPage);
    auto *filterRow = new QHBoxLayout;
    m_filterLabel->setParent(registryPage);
    m_filterLabel->setBuddy(m_stateFilter);
    m_stateFilter->addItem(QString(),
                           stateFilter({RegistrationState::Active, RegistrationState::Suspended,
                                        RegistrationState::Revoked, RegistrationState::Rejected}));
    for (RegistrationState s : {RegistrationState::Active, RegistrationState::Suspended, RegistrationState::Revoked,
                                RegistrationState::Rejected})
        m_stateFilter->addItem(QString(), stateFilter({s}));
    filterRow->addWidget(m_filterLabel);
    filterRow->addWidget(m_stateFilter);
    filterRow->addStretch();
    registryLayout->addLayout(filterRow);
    m_registryProxy->setFilterRegularExpression(m_stateFilter->currentData().toString());
    m_registry = makeTable(m_registryProxy);
    m_registry->setObjectName(QStringLiteral("registryView"));
    registryLayout->addWidget(m_registry);
    auto *registryButtons = new QHBoxLayout;
    registryButtons->addStretch();
    registryButtons->addWidget(m_suspend);
    registryButtons->addWidget(m_reinstate);
    registryButtons->addWidget(m_revoke);
    registryLayout->addLayout(registryButtons);
    m_tabs->addTab(registryPage, QString());

    m_history->setObjectName(QStringLiteral("historyView"));
    m_history->setRootIsDecorated(false);
    m_history->setMaximumHeight(170);
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->header()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(lookup);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_historyLabel);
    layout->addWidget(m_history);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);

    connect(m_refreshButton, &QPushButton::clicked, this, [this] {
        fillRoots();
        refresh();
    });
    connect(m_rootBox, &QComboBox::currentIndexChanged, this, [this] {
        ++m_generation;
        m_model->setRegistrations({});
        refresh();
    });
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_registryProxy->setFilterRegularExpression(m_stateFilter->currentData().toString()); });
    connect(m_identifier, &QLineEdit::textChanged, this, &IdentifierManagementWindow::explainIdentifier);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        showHistory();
        updateActions();
    });
    connect(m_approve, &QPushButton::clicked, this, [this] { askAndDecide(QStringLiteral("approve")); });
    connect(m_reject, &QPushButton::clicked, this, [this] { askAndDecide(QStringLiteral("reject")); });
    connect(m_suspend, &QPushButton::clicked, this, [this] { askAndDecide(QStringLiteral("suspend")); });
    connect(m_reinstate, &QPushButton::clicked, this, [this] { askAndDecide(QStringLiteral("reinstate")); });
    connect(m_revoke, &QPushButton::clicked, this, [this] { askAndDecide(QStringLiteral("revoke")); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        showHistory();
        updateActions();
        explainIdentifier();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        showHistory();
        updateActions();
    });
    m_refreshTimer.setInterval(kRefreshMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &IdentifierManagementWindow::refresh);
    m_refreshTimer.start();

    fillRoots();
    retranslate();
    updateActions();
    refresh();
}

void IdentifierManagementWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        announceTextsChanged(m_model); // the states and steps in the table
        explainIdentifier();
        refresh(); // the status line, in the new language with the registry's answer
    }
    QDialog::changeEvent(event);
}

void IdentifierManagementWindow::retranslate()
{
    setWindowTitle(tr("Identifier Management"));
    m_rootLabel->setText(tr("&Registry of:"));
    m_rootBox->setAccessibleName(tr("Registry of"));
    m_refreshButton->setText(tr("Re&fresh"));
    m_identifierLabel->setText(tr("&Identifier:"));
    m_identifier->setAccessibleName(tr("Compute identifier"));
    m_applications->setAccessibleName(tr("Pending applications"));
    m_tabs->setTabText(0, m_pendingCount < 0 ? tr("Pending Applications")
                                             : tr("Pending Applications (%1)").arg(m_pendingCount));
    m_tabs->setTabText(1, tr("Registry"));
    m_filterLabel->setText(tr("S&how:"));
    m_stateFilter->setAccessibleName(tr("Show registrations"));
    m_stateFilter->setItemText(0, tr("All decided"));
    int item = 1;
    for (RegistrationState s : {RegistrationState::Active, RegistrationState::Suspended, RegistrationState::Revoked,
                                RegistrationState::Rejected})
        m_stateFilter->setItemText(item++, RegistrationTableModel::stateName(s));
    m_registry->setAccessibleName(tr("Registered identifiers"));
    m_history->setAccessibleName(tr("Audit trail"));
    m_history->setHeaderLabels({tr("When"), tr("Step"), tr("By"), tr("Reason")});
    m_historyLabel->setText(tr("Audit trail of the selected registration:"));
    m_approve->setText(tr("&Approve…"));
    m_reject->setText(tr("Re&ject…"));
    m_suspend->setText(tr("&Suspend…"));
    m_reinstate->setText(tr("Re&instate…"));
    m_revoke->setText(tr("Re&voke…"));
}

QTableView *IdentifierManagementWindow::makeTable(QSortFilterProxyModel *proxy)
{
    auto *view = new QTableView(this);
    view->setModel(proxy);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSortingEnabled(true);
    view->sortByColumn(RegistrationTableModel::NodeIdColumn, Qt::AscendingOrder);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setColumnWidth(RegistrationTableModel::NodeColumn, 260);
    view->setColumnWidth(RegistrationTableModel::ComputeIdColumn, 190);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showHistory();
        updateActions();
    });
    return view;
}

void IdentifierManagementWindow::fillRoots()
{
    const QString current = m_rootBox->currentText();
    m_rootList = m_roots ? m_roots() : QList<Root>{};
    const QSignalBlocker blocker(m_rootBox);
    m_rootBox->clear();
    for (const Root &root : std::as_const(m_rootList))
        m_rootBox->addItem(root.label);
    const int again = m_rootBox->findText(current);
    m_rootBox->setCurrentIndex(again >= 0 ? again : 0);
}

api::NodeApiClient *IdentifierManagementWindow::client() const
{
    const int i = m_rootBox->currentIndex();
    return i >= 0 && i < m_rootList.size() ? m_rootList[i].client.data() : nullptr;
}

void IdentifierManagementWindow::refresh()
{
    api::NodeApiClient *root = client();
    if (!root) {
        setStatus(tr("Not connected to a federation."), true);
        return;
    }
    const quint64 generation = m_generation;
    root->fetchRegistrations({}, [this, generation](const api::ApiResult<QList<Registration>> &result) {
        if (generation != m_generation)
            return;
        if (!result.ok()) {
            const QString message = result.error().httpStatus == 404
                                        ? tr("This root keeps no identifier registry.")
                                        : tr("The registry did not answer: %1").arg(result.error().message());
            setStatus(message, true);
            Q_EMIT refreshed();
            return;
        }
        m_model->setRegistrations(result.value());
        // The first answer: columns to their contents, and the first row of each tab chosen with its trail.
        for (QTableView *view : {m_applications, m_registry}) {
            if (!view->currentIndex().isValid() && view->model()->rowCount() > 0) {
                view->resizeColumnsToContents();
                view->setCurrentIndex(view->model()->index(0, 0));
            }
        }
        const auto pending = std::count_if(result.value().cbegin(), result.value().cend(), [](const Registration &g) {
            return g.state == RegistrationState::Pending;
        });
        m_pendingCount = int(pending);
        m_tabs->setTabText(0, tr("Pending Applications (%1)").arg(pending));
        setStatus(tr("%n registration(s), as of %1", nullptr, int(result.value().size()))
                      .arg(QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat)),
                  false);
        Q_EMIT refreshed();
    });
}

const Registration *IdentifierManagementWindow::selected() const
{
    const QTableView *view = m_tabs->currentIndex() == 0 ? m_applications : m_registry;
    const auto *proxy = static_cast<const QSortFilterProxyModel *>(view->model());
    const QModelIndex current = proxy->mapToSource(view->currentIndex());
    return current.isValid() ? m_model->registrationAt(current.row()) : nullptr;
}

void IdentifierManagementWindow::updateActions()
{
    const Registration *g = selected();
    const auto in = [g](RegistrationState s) { return g && g->state == s; };
    m_approve->setEnabled(!m_busy && in(RegistrationState::Pending));
    m_reject->setEnabled(!m_busy && in(RegistrationState::Pending));
    m_suspend->setEnabled(!m_busy && in(RegistrationState::Active));
    m_reinstate->setEnabled(!m_busy && in(RegistrationState::Suspended));
    m_revoke->setEnabled(!m_busy && (in(RegistrationState::Active) || in(RegistrationState::Suspended)));
}

void IdentifierManagementWindow::showHistory()
{
    m_history->clear();
    const Registration *g = selected();
    if (!g)
        return;
    for (const RegistryEvent &e : g->history) {
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.atMs), QLocale::ShortFormat));
        item->setText(1, RegistrationTableModel::actionName(e.action));
        item->setText(2, e.by);
        item->setText(3, e.reason);
    }
}

void IdentifierManagementWindow::askAndDecide(const QString &decision)
{
    const Registration *g = selected();
    if (!g)
        return;
    const QString who = bilingual(g->applicant.name, g->applicant.nameZh);
    QString title;
    QString prompt;
    if (decision == u"approve") {
        title = tr("Approve Application");
        prompt = tr("Approve %1 (%2) under %3? It gets the next compute identifier for its tier, province and "
                    "sector, and joins the directory.")
                     .arg(who, g->applicant.nodeId, g->parentId);
    } else if (decision == u"reject") {
        title = tr("Reject Application");
        prompt = tr("Why is the application of %1 rejected? The applicant is told.").arg(who);
    } else if (decision == u"suspend") {
        title = tr("Suspend Identifier");
        prompt = tr("Suspend %1 (%2)? The node stays in the directory, marked suspended, and is offered no work "
                    "until it is reinstated. Why?")
                     .arg(g->computeId, who);
    } else if (decision == u"reinstate") {
        title = tr("Reinstate Identifier");
        prompt = tr("Reinstate %1 (%2)? It takes work again. Why?").arg(g->computeId, who);
    } else {
        title = tr("Revoke Identifier");
        prompt = tr("Revoke %1 (%2)? The node leaves the directory and the identifier is never given again. "
                    "This cannot be undone. Why?")
                     .arg(g->computeId, who);
    }
    if (const auto reason = askReason(this, title, prompt, decision != u"approve"))
        decide(decision, *reason);
}

void IdentifierManagementWindow::decide(const QString &decision, const QString &reason)
{
    const Registration *g = selected();
    api::NodeApiClient *root = client();
    if (!g || !root)
        return;
    m_busy = true;
    updateActions();
    const QString id = g->id;
    const quint64 generation = m_generation;
    root->decideRegistration(id, decision, reason,
                             [this, generation, id, decision](const api::ApiResult<Registration> &result) {
                                 m_busy = false;
                                 updateActions();
                                 if (generation != m_generation)
                                     return;
                                 if (!result.ok()) {
                                     const QString message = tr("%1 was not changed: %2").arg(id, result.error().message());
                                     qCWarning(lcUi).noquote() << "registry" << decision << id << "refused:"
                                                              << result.error().message();
                                     setStatus(message, true);
                                     Q_EMIT failed(message);
                                     return;
                                 }
                                 const Registration &g = result.value();
                                 setStatus(g.computeId.isEmpty()
                                               ? tr("%1 is now %2.").arg(id, RegistrationTableModel::stateName(g.state))
                                               : tr("%1 is now %2: %3.")
                                                     .arg(id, RegistrationTableModel::stateName(g.state), g.computeId),
                                           false);
                                 Q_EMIT decided(g);
                                 refresh();
                             });
}

void IdentifierManagementWindow::explainIdentifier()
{
    const QString typed = m_identifier->text().trimmed().toUpper();
    if (typed.isEmpty()) {
        m_verdict->clear();
        return;
    }
    const computeid::Diagnosis d = computeid::diagnose(typed);
    QString text;
    bool problem = true;
    switch (d.problem) {
    case computeid::Diagnosis::Problem::None: {
        const int row = m_model->rowOfComputeId(typed);
        problem = row < 0;
        if (row < 0) {
            text = tr("A valid identifier, but not in this registry.");
        } else {
            const Registration *g = m_model->registrationAt(row);
            text = tr("%1: %2, %3.").arg(typed, bilingual(g->applicant.name, g->applicant.nameZh),
                                         RegistrationTableModel::stateName(g->state));
            // Show it in the registry with its audit trail.
            m_tabs->setCurrentIndex(1);
            m_stateFilter->setCurrentIndex(0);
            const QModelIndex at = m_registryProxy->mapFromSource(m_model->index(row, 0));
            if (at.isValid())
                m_registry->setCurrentIndex(at);
        }
        break;
    }
    case computeid::Diagnosis::Problem::Form:
        text = tr("Not of the form CPN-<tier><province>-<sector>-<serial>-<check>, e.g. CPN-R52-GEN-00007-0: tier N, R "
                  "or I; a two-digit province code; a three-letter sector; a five-digit serial; one check character.");
        break;
    case computeid::Diagnosis::Problem::Province:
        text = tr("%1 is not a province code (GB/T 2260: 11 Beijing … 82 Macao).").arg(d.part);
        break;
    case computeid::Diagnosis::Problem::Sector: {
        QStringList codes;
        for (const auto &s : computeid::sectors())
            codes.append(s.first);
        text = tr("%1 is not a sector code; the sectors are %2.").arg(d.part, codes.join(QStringLiteral(", ")));
        break;
    }
    case computeid::Diagnosis::Problem::Serial:
        text = tr("Serial 00000 is never assigned; serials start at 00001.");
        break;
    case computeid::Diagnosis::Problem::CheckCharacter:
        text = tr("The check character should be %1, not %2: a character was mistyped or two were swapped.")
                   .arg(d.expectedCheck)
                   .arg(d.part);
        break;
    }
    if (problem) {
        // A registered identifier one slip away is most likely the one meant.
        QStringList near;
        for (const Registration &g : m_model->registrations()) {
            if (computeid::oneTypoApart(g.computeId, typed))
                near.append(g.computeId);
        }
        if (!near.isEmpty())
            text += u' ' + tr("Did you mean %1?").arg(near.join(tr(" or ")));
    }
    m_verdict->setText(text);
    m_verdict->setProperty("problem", problem);
    m_verdict->setStyleSheet(problem ? QStringLiteral("color: #f0a040;") : QString());
}

void IdentifierManagementWindow::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #f0a040;") : QString());
}

} // namespace cpn
