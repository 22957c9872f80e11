#include "ui/alarms/alarmspanel.h"

#include "widgets/accessibletext.h"

#include "alarms/alarmfeed.h"
#include "alarms/alarmfilterproxymodel.h"
#include "alarms/alarmtablemodel.h"
#include "alarms/alarmtext.h"
#include "itemmodels/textschanged.h"
#include "domain/clock.h"
#include "domain/provinces.h"
#include "ui/alarms/alarmactiondialog.h"
#include "ui/alarms/alarmdirectory.h"
#include "widgets/delegates/lastknowndelegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include <QPointer>

#include <memory>

using namespace Qt::StringLiterals;

namespace cpn {
namespace {

// ScopeGate's property (ui/accounts/scopegate.h): the scope an action needs.
constexpr const char *kRequiresScope = "cpnRequiresScope";

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss");
}

QPushButton *actionButton(QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setProperty(kRequiresScope, QStringLiteral("alarms:write"));
    return button;
}

// The tool tip of an action button while the alarms can be acted on (retranslate() sets it).
constexpr const char *kLiveToolTip = "cpnLiveToolTip";

} // namespace

AlarmsPanel::AlarmsPanel(alarms::AlarmStore *store, FeedFinder feeds, const AlarmDirectory *directory,
                         const Clock &clock, QWidget *parent)
    : QWidget(parent), m_store(store), m_feeds(std::move(feeds)), m_directory(directory), m_clock(clock),
      m_model(new alarms::AlarmTableModel(store, clock, directory->namer(), this)),
      m_proxy(new alarms::AlarmFilterProxyModel(this)), m_view(new QTableView(this)),
      m_detail(new QTextBrowser(this)), m_message(new QLabel(this)),
      m_ack(actionButton(this)), m_unack(actionButton(this)), m_comment(actionButton(this)),
      m_silence(actionButton(this)), m_unsilence(actionButton(this)), m_show(new QPushButton(this)),
      m_ageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("alarmsPanel"));
    m_proxy->setRegionMatcher(directory->regionMatcher());
    m_proxy->setSubtreeMatcher(directory->subtreeMatcher());
    m_proxy->setModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    buildFilterBar();
    auto *filters = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_severity, m_acknowledged, m_region, m_subtree})
        filters->addWidget(w);
    filters->addWidget(m_activeOnly);
    filters->addWidget(m_search, 1);
    layout->addLayout(filters);

    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("alarmsTable"));
    // The alarms of a root that stopped answering read as old: what it said last, not now.
    m_view->setItemDelegate(new LastKnownDelegate(alarms::AlarmTableModel::ConfirmedRole, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(alarms::AlarmTableModel::SeverityColumn, Qt::DescendingOrder);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Names are the widest: room for a hub's English and Chinese name (not fitted to the contents,
    // which would measure every row of a storm).
    const QFontMetrics metrics = m_view->fontMetrics();
    m_view->setColumnWidth(alarms::AlarmTableModel::SourceColumn,
                           metrics.horizontalAdvance(QStringLiteral("Guizhou hub 贵州枢纽 · Gui'an")));
    m_view->setColumnWidth(alarms::AlarmTableModel::AgeColumn,
                           m_view->horizontalHeader()->sectionSizeHint(alarms::AlarmTableModel::AgeColumn));
    m_view->setColumnWidth(alarms::AlarmTableModel::AcknowledgedColumn,
                           metrics.horizontalAdvance(QStringLiteral("operator: Power feed B tripped")));
    m_view->setWordWrap(false);
    m_detail->setObjectName(QStringLiteral("alarmDetail"));
    m_detail->setOpenLinks(false);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_ack, m_unack, m_comment, m_silence, m_unsilence, m_show})
        buttons->addWidget(b);
    buttons->addWidget(m_message, 1);
    m_message->setWordWrap(true);
    layout->addLayout(buttons);

    // ScopeGate gives a button back enabled when the account gains the scope; whether the selection
    // allows the action is this panel's to say again.
    for (QPushButton *b : actionButtons())
        b->installEventFilter(this);
    connect(m_ack, &QPushButton::clicked, this, &AlarmsPanel::askAcknowledge);
    connect(m_unack, &QPushButton::clicked, this, &AlarmsPanel::unacknowledgeSelected);
    connect(m_comment, &QPushButton::clicked, this, &AlarmsPanel::askComment);
    connect(m_silence, &QPushButton::clicked, this, &AlarmsPanel::askSilence);
    connect(m_unsilence, &QPushButton::clicked, this, &AlarmsPanel::unsilenceSelected);
    const auto showCurrent = [this] {
        const QList<alarms::AlarmKey> keys = selectedAlarms();
        if (const alarms::StoredAlarm *s = keys.isEmpty() ? nullptr : m_store->find(keys.constFirst()))
            Q_EMIT showSourceRequested(s->alarm.source);
    };
    connect(m_show, &QPushButton::clicked, this, showCurrent);
    connect(m_view, &QTableView::doubleClicked, this, showCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        showDetail();
    });
    // An alarm of the selection changed (acknowledged by another console...): buttons and detail follow.
    m_storeChanged = connect(m_store, &alarms::AlarmStore::changed, this, [this] {
        updateButtons();
        showDetail();
    });
    connect(m_ageTimer, &QTimer::timeout, m_model, &alarms::AlarmTableModel::refreshAges);
    m_ageTimer->start(1000);
    refreshDirectory();
    retranslate();
    updateButtons();
}

AlarmsPanel::~AlarmsPanel() = default;

void AlarmsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        announceTextsChanged(m_model);
    }
    QWidget::changeEvent(event);
}

void AlarmsPanel::retranslate()
{
    m_severity->setItemText(0, tr("All severities"));
    m_severity->setItemText(1, tr("Critical"));
    m_severity->setItemText(2, tr("Major or worse"));
    m_severity->setItemText(3, tr("Minor or worse"));
    m_severity->setItemText(4, tr("Warning or worse"));
    m_acknowledged->setItemText(0, tr("Acknowledged or not"));
    m_acknowledged->setItemText(1, tr("Unacknowledged"));
    m_acknowledged->setItemText(2, tr("Acknowledged"));
    m_region->setItemText(0, tr("All regions"));
    for (int i = 1; i < m_region->count(); ++i)
        m_region->setItemText(i, provinceDisplayName(m_region->itemData(i).toString()));
    m_subtree->setItemText(0, tr("All subtrees"));
    m_subtree->setToolTip(tr("Only alarms of a node and the nodes under it"));
    m_activeOnly->setText(tr("Active only"));
    setAccessibleText(m_search, tr("Search alarms"), tr("In the alarms, their sources and comments"));
    m_severity->setAccessibleDescription(tr("Show the alarms of this severity"));
    m_acknowledged->setAccessibleDescription(tr("Show acknowledged alarms, unacknowledged ones or both"));
    m_region->setAccessibleDescription(tr("Show the alarms of one region"));
    m_search->setPlaceholderText(tr("Search alarms, sources, comments…"));
    setAccessibleText(m_view, tr("Alarms"), tr("The alarms of every connected root; select some to act on them"));
    setAccessibleText(m_detail, tr("Selected alarm"), tr("Its affected nodes, comments and history"));

    const auto setButton = [](QPushButton *button, const QString &text, const QString &toolTip) {
        button->setText(text);
        button->setProperty(kLiveToolTip, toolTip);
    };
    setButton(m_ack, tr("Acknowledge…"), tr("Acknowledge the selected alarms with a comment"));
    setButton(m_unack, tr("Unacknowledge"), tr("Withdraw the acknowledgement of the selected alarms"));
    setButton(m_comment, tr("Comment…"), tr("Add a comment to the selected alarms"));
    setButton(m_silence, tr("Silence…"), tr("A maintenance window on the sources of the selected alarms"));
    setButton(m_unsilence, tr("End Silence"), tr("End the maintenance windows on the selected sources"));
    m_show->setText(tr("Show on Map"));
    showToolTips();
    showDetail();
}

void AlarmsPanel::showToolTips()
{
    // Out of ScopeGate's hands while read-only: no sign-in makes a recording's alarm actionable.
    const QString recording = tr("This is a recording: its alarms cannot be acted on");
    for (QPushButton *b : actionButtons()) {
        b->setProperty(kRequiresScope, m_readOnly ? QVariant() : QVariant(QStringLiteral("alarms:write")));
        b->setToolTip(m_readOnly ? recording : b->property(kLiveToolTip).toString());
    }
}

void AlarmsPanel::buildFilterBar()
{
    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("alarmSeverityFilter"));
    // The texts of the entries and controls: retranslate().
    m_severity->addItem(QString(), -1);
    for (Alarm::Severity severity : {Alarm::Severity::Critical, Alarm::Severity::Major, Alarm::Severity::Minor,
                                     Alarm::Severity::Warning})
        m_severity->addItem(QString(), int(severity));
    m_acknowledged = new QComboBox(this);
    m_acknowledged->setObjectName(QStringLiteral("alarmAckFilter"));
    for (auto acknowledged : {alarms::AlarmFilterProxyModel::Acknowledged::Any,
                              alarms::AlarmFilterProxyModel::Acknowledged::No,
                              alarms::AlarmFilterProxyModel::Acknowledged::Yes})
        m_acknowledged->addItem(QString(), int(acknowledged));
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("alarmRegionFilter"));
    m_region->addItem(QString(), QString());
    for (const Province &p : provinces())
        m_region->addItem(QString(), QString::fromLatin1(p.isoCode));
    m_subtree = new QComboBox(this);
    m_subtree->setObjectName(QStringLiteral("alarmSubtreeFilter"));
    m_activeOnly = new QCheckBox(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("alarmSearch"));
    m_search->setClearButtonEnabled(true);
    const auto apply = [this] { applyFilters(); };
    connect(m_severity, &QComboBox::currentIndexChanged, this, apply);
    connect(m_acknowledged, &QComboBox::currentIndexChanged, this, apply);
    connect(m_region, &QComboBox::currentIndexChanged, this, apply);
    connect(m_subtree, &QComboBox::currentIndexChanged, this, apply);
    connect(m_activeOnly, &QCheckBox::toggled, this, apply);
    connect(m_search, &QLineEdit::textChanged, this, apply);
}

void AlarmsPanel::applyFilters()
{
    const int severity = m_severity->currentData().toInt();
    m_proxy->setMinimumSeverity(severity < 0 ? std::nullopt : std::optional(Alarm::Severity(severity)));
    m_proxy->setAcknowledged(
        alarms::AlarmFilterProxyModel::Acknowledged(m_acknowledged->currentData().toInt()));
    m_proxy->setRegion(m_region->currentData().toString());
    m_proxy->setSubtree(m_subtree->currentData().toString());
    m_proxy->setActiveOnly(m_activeOnly->isChecked());
    m_proxy->setSearchText(m_search->text());
}

void AlarmsPanel::refreshDirectory()
{
    const QString chosen = m_subtree->currentData().toString();
    const QSignalBlocker blocker(m_subtree);
    m_subtree->clear();
    m_subtree->addItem(tr("All subtrees"), QString());
    for (const auto &[id, name] : m_directory->subtreeRoots())
        m_subtree->addItem(name, id);
    m_subtree->setCurrentIndex(std::max(0, m_subtree->findData(chosen)));
    m_model->refreshNames();
    showDetail();
}

QList<QPushButton *> AlarmsPanel::actionButtons() const
{
    return {m_ack, m_unack, m_comment, m_silence, m_unsilence};
}

void AlarmsPanel::setStore(alarms::AlarmStore *store, bool readOnly)
{
    m_readOnly = readOnly;
    if (store != m_store) {
        disconnect(m_storeChanged);
        m_store = store;
        m_model->setStore(store);
        m_storeChanged = connect(m_store, &alarms::AlarmStore::changed, this, [this] {
            updateButtons();
            showDetail();
        });
    }
    showToolTips();
    updateButtons();
    showDetail();
}

QList<alarms::AlarmKey> AlarmsPanel::selectedAlarms() const
{
    QList<alarms::AlarmKey> keys;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        keys.append({index.data(alarms::AlarmTableModel::OriginRole).toString(),
                     index.data(alarms::AlarmTableModel::AlarmIdRole).toString()});
    return keys;
}

bool AlarmsPanel::selectAlarm(const alarms::AlarmKey &key)
{
    const int row = m_store->rowOf(key);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

bool AlarmsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::EnabledChange && static_cast<QWidget *>(watched)->isEnabled())
        QMetaObject::invokeMethod(this, &AlarmsPanel::updateButtons, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

void AlarmsPanel::updateButtons()
{
    bool anyActive = false, anyAcknowledged = false, any = false;
    for (const alarms::AlarmKey &key : selectedAlarms()) {
        const alarms::StoredAlarm *s = m_store->find(key);
        if (!s)
            continue;
        any = true;
        anyActive |= s->isActive();
        anyAcknowledged |= s->isActive() && s->isAcknowledged();
    }
    m_ack->setEnabled(!m_readOnly && anyActive);
    m_unack->setEnabled(!m_readOnly && anyAcknowledged);
    m_comment->setEnabled(!m_readOnly && any);
    m_silence->setEnabled(!m_readOnly && anyActive);
    m_unsilence->setEnabled(!m_readOnly && any);
    m_show->setEnabled(any);
}

void AlarmsPanel::showDetail()
{
    const QList<alarms::AlarmKey> keys = selectedAlarms();
    const alarms::StoredAlarm *s = keys.size() == 1 ? m_store->find(keys.constFirst()) : nullptr;
    if (!s) {
        m_detail->setHtml(keys.isEmpty()
                              ? tr("<p>Select an alarm to see its affected nodes, comments and history.</p>")
                              : tr("<p>%n alarms selected.</p>", nullptr, int(keys.size())));
        return;
    }
    const Alarm &a = s->alarm;
    QString html =
        u"<h3>"_s + alarms::describeAlarm(a, m_model->sourceName(a.source)).toHtmlEscaped() + u"</h3>"_s;
    html += u"<p>"_s + tr("%1, %2 since %3")
                           .arg(alarms::severityName(a.severity),
                                s->isActive() ? tr("active") : tr("cleared"), timeText(a.raisedAtMs))
                           .toHtmlEscaped();
    if (a.silenced)
        html += u"<br>"_s + tr("Silenced by a maintenance window").toHtmlEscaped();
    html += u"</p>"_s;
    QStringList names;
    for (const QString &id : a.affected)
        names.append(m_directory->nodeName(id));
    html += u"<p><b>"_s + tr("Affected nodes (%1):").arg(names.size()).toHtmlEscaped() + u"</b> "_s +
            names.join(QStringLiteral(", ")).toHtmlEscaped() + u"</p>"_s;
    html += u"<p><b>"_s + tr("Comments").toHtmlEscaped() + u"</b></p><ul>"_s;
    if (a.comments.isEmpty())
        html += u"<li>"_s + tr("none yet").toHtmlEscaped() + u"</li>"_s;
    for (const AlarmComment &c : a.comments)
        html += u"<li>"_s + tr("%1, %2: %3").arg(timeText(c.atMs), c.by, c.text).toHtmlEscaped() + u"</li>"_s;
    html += u"</ul><p><b>"_s + tr("History").toHtmlEscaped() + u"</b></p><ul>"_s;
    for (const alarms::AlarmEvent &e : alarms::historyOf(*s))
        html += u"<li>"_s + tr("%1: %2").arg(timeText(e.atMs), alarms::describeEvent(e)).toHtmlEscaped() +
                u"</li>"_s;
    html += u"</ul>"_s;
    m_detail->setHtml(html);
}

QString AlarmsPanel::selectionSubject() const
{
    const QList<alarms::AlarmKey> keys = selectedAlarms();
    if (keys.size() == 1) {
        if (const alarms::StoredAlarm *s = m_store->find(keys.constFirst()))
            return alarms::describeAlarm(s->alarm, m_model->sourceName(s->alarm.source));
    }
    return tr("%n alarms selected", nullptr, int(keys.size()));
}

void AlarmsPanel::askAcknowledge()
{
    AlarmActionDialog dialog(AlarmActionDialog::Mode::Acknowledge, selectionSubject(), this);
    if (dialog.exec() == QDialog::Accepted)
        acknowledgeSelected(dialog.text(), dialog.durationMs());
}

void AlarmsPanel::askComment()
{
    AlarmActionDialog dialog(AlarmActionDialog::Mode::Comment, selectionSubject(), this);
    if (dialog.exec() == QDialog::Accepted)
        commentSelected(dialog.text());
}

void AlarmsPanel::askSilence()
{
    AlarmActionDialog dialog(AlarmActionDialog::Mode::Silence, selectionSubject(), this);
    if (dialog.exec() == QDialog::Accepted)
        silenceSelected(dialog.text(), dialog.durationMs());
}

void AlarmsPanel::acknowledgeSelected(const QString &comment, qint64 forMs)
{
    const qint64 until = forMs > 0 ? m_clock.nowMs() + forMs : 0;
    runOnSelected(tr("Alarms acknowledged."),
                  [comment, until](alarms::AlarmFeed *feed, const alarms::StoredAlarm &s, auto done) {
                      if (s.isActive())
                          feed->acknowledge(s.alarm.id, AckRequest{comment, until}, done);
                      else
                          done(QString());
                  });
}

void AlarmsPanel::unacknowledgeSelected()
{
    runOnSelected(tr("Acknowledgements withdrawn."),
                  [](alarms::AlarmFeed *feed, const alarms::StoredAlarm &s, auto done) {
                      if (s.isActive() && s.isAcknowledged())
                          feed->unacknowledge(s.alarm.id, done);
                      else
                          done(QString());
                  });
}

void AlarmsPanel::commentSelected(const QString &text)
{
    runOnSelected(tr("Comment added."), [text](alarms::AlarmFeed *feed, const alarms::StoredAlarm &s,
                                               auto done) { feed->comment(s.alarm.id, text, done); });
}

void AlarmsPanel::silenceSelected(const QString &reason, qint64 forMs)
{
    const qint64 now = m_clock.nowMs();
    runOnSelected(
        tr("Maintenance window set."),
        [reason, now, forMs](alarms::AlarmFeed *feed, const alarms::StoredAlarm &s, auto done) {
            // An endpoint's alarm is about its node: the window covers the node.
            AlarmSource target = s.alarm.source;
            if (target.kind == AlarmSource::Kind::Endpoint)
                target.kind = AlarmSource::Kind::Node;
            feed->silence(SilenceRequest{target, 0, now + forMs, reason}, done);
        },
        true);
}

void AlarmsPanel::unsilenceSelected()
{
    runOnSelected(
        tr("Maintenance window ended."),
        [this](alarms::AlarmFeed *feed, const alarms::StoredAlarm &s, auto done) {
            // Every window that silences it: its own source's, its node's, its hub's subtree's.
            const AlarmSource source = s.alarm.source;
            // The directory lives as long as this panel (both the window's).
            feed->unsilence(
                [self = QPointer<AlarmsPanel>(this), directory = m_directory, source](const AlarmSource &target) {
                    return self && directory->silenceCovers(target, source);
                },
                done);
        },
        true);
}

void AlarmsPanel::runOnSelected(const QString &doneMessage, const FeedAction &action, bool perSource)
{
    if (m_readOnly)
        return; // a recording's alarm: its origin may be a live root, which must not hear of it
    QList<alarms::StoredAlarm> targets;
    QList<QPair<QString, AlarmSource>> sources; // one silence per source and root
    for (const alarms::AlarmKey &key : selectedAlarms()) {
        const alarms::StoredAlarm *s = m_store->find(key);
        if (!s)
            continue;
        if (perSource) {
            const QPair<QString, AlarmSource> source{s->origin, s->alarm.source};
            if (sources.contains(source))
                continue;
            sources.append(source);
        }
        targets.append(*s);
    }
    if (targets.isEmpty())
        return;
    struct Progress
    {
        int pending = 0;
        QStringList failures;
    };
    auto progress = std::make_shared<Progress>();
    progress->pending = int(targets.size());
    QPointer<AlarmsPanel> self(this);
    const auto finished = [self, progress, doneMessage](const QString &error) {
        if (!error.isEmpty() && !progress->failures.contains(error))
            progress->failures.append(error);
        if (--progress->pending > 0 || !self)
            return;
        const bool failed = !progress->failures.isEmpty();
        const QString message = failed ? progress->failures.join(u' ') : doneMessage;
        self->m_message->setText(message);
        Q_EMIT self->actionReported(message, failed);
    };
    m_message->setText(tr("Sending…"));
    for (const alarms::StoredAlarm &s : std::as_const(targets)) {
        alarms::AlarmFeed *feed = m_feeds ? m_feeds(s.origin) : nullptr;
        if (!feed) {
            finished(tr("The root of this alarm is no longer connected."));
            continue;
        }
        action(feed, s, finished);
    }
}

} // namespace cpn
