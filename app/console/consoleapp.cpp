#include "consoleapp.h"

#include "api/endpointstatus.h"
#include "api/federationclient.h"
#include "auth/accountsession.h"
#include "auth/tokenvault.h"
#include "cache/alarmhistory.h"
#include "cache/cachedatabase.h"
#include "cache/cachewriter.h"
#include "cachehistorysource.h"
#include "roothistorysource.h"
#include "demoscript.h"
#include "domain/logging.h"
#include "geo/basemap.h"
#include "jobs/jobtracker.h"
#include "jobs/offerbook.h"
#include "offlinesession.h"
#include "rootregistry.h"
#include "snapshotcommands.h"
#include "translations.h"
#include "ui/accounts/accountsui.h"
#include "ui/connectdialog.h"
#include "ui/mainwindow.h"
#include "ui/report/handoverreportcommand.h"

#include <QAction>
#include <QMenu>
#include <QRandomGenerator>
#include <QSettings>

#include <malloc.h>

namespace cpn::console {
namespace {

const QString kBasemapKey = QStringLiteral("map/basemap"); // an organisation's own GeoJSON basemap

// A development token for the demo simulator: 32 random bytes, never stored.
QString randomToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

ConnectionIndicator::State indicatorState(api::ConnectionState state)
{
    switch (state) {
    case api::ConnectionState::Connecting:
        return ConnectionIndicator::State::Connecting;
    case api::ConnectionState::Online:
        return ConnectionIndicator::State::Online;
    case api::ConnectionState::Stale:
        return ConnectionIndicator::State::Stale;
    case api::ConnectionState::Offline:
        return ConnectionIndicator::State::Offline;
    }
    return ConnectionIndicator::State::Connecting;
}

} // namespace

ConsoleApp::ConsoleApp(const ConsoleOptions &options, QSettings *settings, UiLanguage *language, QObject *parent)
    : QObject(parent), m_options(options), m_settings(settings), m_language(language), m_liveState(m_clock), m_nodes(&m_liveState),
      m_statusEvents(&m_liveState, &m_events), m_chartHub(&m_liveState)
{
    // The console's worker threads (parsing, the cache writer, the map's composer) would each get a
    // malloc arena of their own, whose freed pieces stay resident (about 14 MB at 2,000 nodes); two
    // arenas keep that bounded. Set before those threads allocate.
    mallopt(M_ARENA_MAX, 2);
    api::registerMetaTypes();
    // Events name their nodes and links by what the window shows (the id in the tooltip and the cache).
    m_events.setSourceNamer([this](const QString &source) { return displayNameOf(m_liveState, source); });
    configureNetwork(m_network);
    const bool live = m_options.offlineFile.isEmpty(); // offline review writes nothing and connects nowhere

    MainWindow::Dependencies dependencies;
    dependencies.state = &m_liveState;
    dependencies.nodes = &m_nodes;
    dependencies.events = &m_eventLog;
    dependencies.clock = &m_viewClock;
    dependencies.settings = m_settings;
    dependencies.charts = &m_chartHub;
    dependencies.review = !live;
    // Offline too: the dock then shows the recording's alarms (OfflineSession), with no feed to act.
    dependencies.alarms = &m_alarmStore;
    m_cachePath = m_options.cacheDirectory.isEmpty() ? cache::CacheDatabase::defaultPath()
                                                     : cache::CacheDatabase::defaultPathIn(m_options.cacheDirectory);
    if (live) {
        // Charts read older samples of the live cache (the writer below records into it).
        m_cacheReader = std::make_unique<cache::CacheReader>(m_cachePath);
        m_cacheHistory = std::make_unique<CacheHistorySource>(m_cacheReader.get());
        m_history = std::make_unique<RootHistorySource>(
            m_cacheHistory.get(), [this](const charts::SeriesKey &key) -> api::NodeApiClient * {
                QString nodeId = key.entity;
                if (key.kind == charts::SeriesKey::Kind::Link) {
                    const Link *link = m_liveState.link(key.entity);
                    nodeId = link ? link->a : QString();
                }
                const int row = m_liveState.rowOf(nodeId);
                return m_roots && row >= 0 ? m_roots->rootClient(m_liveState.entries().at(row).rootId) : nullptr;
            });
        dependencies.history = m_history.get();
        createPlanning();
        dependencies.planning = &m_planning;
        dependencies.alarmFeeds = [this](const QString &origin) {
            return m_roots ? m_roots->alarmFeed(origin) : nullptr;
        };
        dependencies.registryRoots = [this] {
            QList<IdentifierManagementWindow::Root> roots;
            for (const QUrl &url : m_roots ? m_roots->rootUrls() : QList<QUrl>{})
                roots.append({url.toDisplayString(), m_roots->rootClient(url.toString())});
            return roots;
        };
    }
    m_window = std::make_unique<MainWindow>(dependencies);
    if (m_language) {
        // View > Language: applied to every open window at once (each retranslates itself on the
        // LanguageChange the translators send), and remembered for the next start.
        m_window->setLanguageChoice(m_language->choice());
        connect(m_window.get(), &MainWindow::languageRequested, this, [this](const QString &choice) {
            if (m_settings)
                m_settings->setValue(QLatin1String(UiLanguage::kSettingsKey), choice);
            m_language->applyChoice(choice);
            m_window->setLanguageChoice(choice);
        });
    }

    // The cache records what the federations report for offline review; ingestion is posted to
    // its writer thread, so the UI thread never waits on the disk.
    if (live) {
        cache::CacheWriter::Options cacheOptions;
        cacheOptions.path = m_cachePath;
        cacheOptions.clock = &m_clock;
        cacheOptions.maxBytes = options.cacheMaxBytes;
        m_cache = std::make_unique<cache::CacheWriter>(cacheOptions);
        connect(m_cache.get(), &cache::CacheWriter::opened, this, [](bool ok, const QString &error) {
            if (!ok)
                qCWarning(lcApp).noquote() << "the cache could not be opened, nothing is recorded:" << error;
        });
        // The writer's queue is bounded: what it had to drop is said in the status bar.
        connect(m_cache.get(), &cache::CacheWriter::batchesDropped, m_window->loadIndicator(),
                &LoadIndicator::setDroppedCacheBatches);
        // Jobs and offers the planners saw are part of the record too.
        connect(m_jobTracker.get(), &jobs::JobTracker::jobChanged, this,
                [this](const Job &job) { m_cache->ingestJobs({job}, m_clock.nowMs()); });
        connect(m_offerBook.get(), &jobs::OfferBook::offersChanged, this,
                [this] { m_cache->ingestOffers(m_offerBook->offers(), m_clock.nowMs()); });
        // The events log is recorded too, so a reviewer sees what the operators saw; not what is
        // logged while a recording is reviewed.
        connect(&m_events, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
            if (m_offline && m_offline->isActive())
                return;
            for (int row = first; row <= last; ++row) {
                const EventLogModel::Event &event = m_events.eventAt(row);
                m_cache->ingestEvent({event.timeMs, int(event.severity), event.source, event.message});
            }
        });
        // Each tick's totals as region series: a national or province chart's history in one read.
        connect(&m_liveState, &FederationState::tickComputed, m_cache.get(),
                &cache::CacheWriter::ingestTotals);
        // The directory the cache records is the merged one the window shows.
        connect(&m_liveState, &FederationState::directoryChanged, this, [this] {
            m_cache->ingestDirectory(m_liveState.nodes(), m_liveState.links(), m_clock.nowMs());
            m_jobTracker->setDirectory(m_liveState.nodes());
        });
    }
    // The screen skips ticks when it falls behind; the cache (above) still gets every batch.
    connect(&m_liveState, &FederationState::ticksSkipped, this, [this](int skipped, qint64 total, qint64 newestTickMs) {
        qCInfo(lcApp).noquote() << "fell behind: showing the tick of" << newestTickMs << "and skipping" << skipped
                                << "older ones (" << total << "so far); the cache records them all";
        m_window->loadIndicator()->setSkippedTicks(total);
    });
    // Once a second the live state's freshness moves on and what lasted becomes events; the window
    // refreshes the state it shows itself.
    m_liveTicker.setInterval(1000);
    connect(&m_liveTicker, &QTimer::timeout, this, [this] {
        if (m_window->shownState() != &m_liveState)
            m_liveState.refresh();
        m_statusEvents.evaluate();
    });
    if (live)
        m_liveTicker.start();
    m_offline = std::make_unique<OfflineSession>(m_window.get(), &m_viewClock);
    m_offline->setInitialOffsetMs(m_options.replayAtMs);
    m_snapshots = std::make_unique<SnapshotCommands>(m_window.get(), m_offline.get(), m_cache.get(), m_cachePath,
                                                     m_clock);
    connect(m_snapshots.get(), &SnapshotCommands::backToLiveRequested, this, &ConsoleApp::backToLive);
    // The handover report reads the live cache, its alarms included (on the report's worker thread).
    m_handoverReport = std::make_unique<HandoverReportCommand>(m_window.get(), m_cachePath, m_clock);
    m_handoverReport->action()->setEnabled(live);
    m_handoverReport->setAlarmHistory([path = m_cachePath](qint64 fromMs, qint64 toMs) {
        QList<Alarm> alarms;
        cache::CacheDatabase db;
        if (!db.open(path, cache::CacheDatabase::uniqueConnectionName(QStringLiteral("cpn.report.alarms")),
                     cache::CacheDatabase::Role::Reader)) {
            qCWarning(lcApp).noquote() << "handover report: cannot read the alarm history:" << db.errorString();
            return alarms;
        }
        for (const cache::AlarmPeriod &period : cache::AlarmHistory(db.handle()).alarmsBetween(fromMs, toMs))
            alarms.append(period.last.alarm);
        return alarms;
    });
    m_handoverReport->setAuthor([this] {
        const auth::AccountSession *account = m_accountsUi ? m_accountsUi->primary() : nullptr;
        return account && account->isSignedIn() ? account->account().displayName() : QString();
    });
    loadBasemap();
    m_window->setShowFps(m_options.showFps);
    if (live) {
        m_vault = std::make_unique<auth::TokenVault>();
        m_accountsUi = std::make_unique<AccountsUi>(m_window.get(), m_vault.get());
        connect(m_accountsUi.get(), &AccountsUi::notice, this,
                [this](const QString &source, const QString &message, bool isWarning) {
                    m_eventLog.log(isWarning ? EventLogModel::Severity::Warning
                                             : EventLogModel::Severity::Info,
                                   source, message);
                });
        createRoots();
        addConnectActions();
        explainRefusedJobs();
    }

    DemoScript::Parts demo;
    demo.window = m_window.get();
    demo.liveState = live ? &m_liveState : nullptr;
    demo.offers = m_offerBook.get();
    demo.accounts = m_accountsUi.get();
    demo.openConnectDialog = [this] { return openConnectDialog(); };
    demo.injectFault = [this](const QString &kind, const QString &target) {
        m_simulator.addFault(&m_network, kind, target);
    };
    demo.alarms = &m_alarmStore;
    demo.alarmFeeds = dependencies.alarmFeeds;
    m_demo = std::make_unique<DemoScript>(m_options, demo);

    connect(&m_simulator, &api::LocalSimulator::failed, this, [this](const QString &reason) {
        m_eventLog.log(EventLogModel::Severity::Error, tr("Demo"),
                       tr("The simulator could not be started: %1").arg(reason));
    });
    connect(&m_simulator, &api::LocalSimulator::finished, this, [this](int exitCode) {
        m_eventLog.log(EventLogModel::Severity::Warning, tr("Demo"),
                       tr("The simulator stopped (exit code %1).").arg(exitCode));
    });
}

charts::HistorySource *ConsoleApp::history() const
{
    return m_history.get();
}

ConsoleApp::~ConsoleApp()
{
    // Members die in reverse order; the simulator's exit must not log into a half-destroyed console.
    disconnect(&m_simulator, nullptr, this, nullptr);
    disconnect(&m_events, nullptr, this, nullptr);
    m_roots.reset(); // the roots stop before anything they report to goes
}

void ConsoleApp::loadBasemap()
{
    QString path = m_options.basemapFile;
    if (path.isEmpty() && m_settings)
        path = m_settings->value(kBasemapKey).toString();
    if (!path.isEmpty()) {
        QString error;
        if (m_window->loadBasemap(path, &error)) {
            qCInfo(lcApp) << "basemap" << path;
            return;
        }
        m_eventLog.log(EventLogModel::Severity::Error, tr("Map"),
                       tr("The basemap %1 cannot be used: %2. Showing the built-in one.").arg(path, error));
    }
    QString error;
    if (!m_window->loadBasemap(geo::defaultBasemapPath(), &error))
        m_eventLog.log(EventLogModel::Severity::Error, tr("Map"),
                       tr("The built-in basemap cannot be loaded: %1").arg(error));
}

void ConsoleApp::start()
{
    if (m_window->hasSavedGeometry())
        m_window->show();
    else
        m_window->showMaximized(); // a first start fills the control-room screen
    if (m_options.wallMode)
        m_window->setWallMode(true);
    m_demo->start();
    if (!m_options.offlineFile.isEmpty()) {
        m_offline->openFile(m_options.offlineFile); // no network at all
        return;
    }
    // --allow-plain-http and --ca-file are the command line's endpoints' own rules.
    QList<api::EndpointSetting> endpoints;
    for (const QUrl &url : std::as_const(m_options.connectUrls))
        endpoints.append({url, m_options.allowPlainHttp, m_options.caFile, true});
    if (endpoints.isEmpty() && !m_options.demo && m_settings)
        endpoints = api::loadEndpoints(*m_settings);
    if (m_options.demo || endpoints.isEmpty()) {
        startDemo(); // the embedded default: the simulated federation on loopback
        // --demo --connect URL: URL beside the simulated federation (scripts/site-demo.sh), not remembered
        for (const api::EndpointSetting &endpoint : std::as_const(endpoints))
            m_roots->connectTransient(endpoint, m_options.token, endpoint.url.host());
        return;
    }
    m_roots->connectRemembered(endpoints, m_options.token);
}

bool ConsoleApp::connectEndpoint(api::EndpointSetting endpoint, bool signIn)
{
    if (!m_roots) {
        m_eventLog.log(EventLogModel::Severity::Error, tr("Connect"),
                       tr("An offline review does not connect to nodes; start the console without "
                          "--offline."));
        return false;
    }
    return m_roots->connectEndpoint(std::move(endpoint), signIn);
}

bool ConsoleApp::disconnectEndpoint(const QUrl &rootUrl)
{
    return m_roots && m_roots->disconnectEndpoint(rootUrl);
}

QList<auth::AccountSession *> ConsoleApp::accounts() const
{
    return m_roots ? m_roots->accounts() : QList<auth::AccountSession *>();
}

// The demo's applications to join (POST /registry bodies), by the hub they apply under.
QList<std::pair<QString, QByteArray>> ConsoleApp::exampleApplications()
{
    return {
        {QStringLiteral("bth-hub"),
         R"({"nodeId":"qd-marine","name":"Qingdao Marine Science Computing Center","nameZh":"青岛海洋科学算力中心",
             "tier":"industry","role":"industry","sector":"RES","province":"CN-SD","city":"Qingdao",
             "lat":36.07,"lon":120.38,"baseUrl":"https://cpn.qd-marine.example.cn",
             "contact":"Wang Lei, ops@qd-marine.example.cn"})"},
        {QStringLiteral("cy-hub"),
         R"({"nodeId":"cq-auto","name":"Chongqing Automotive AI Computing","nameZh":"重庆汽车智算中心",
             "tier":"industry","role":"industry","sector":"MFG","province":"CN-CQ","city":"Chongqing",
             "lat":29.56,"lon":106.55,"baseUrl":"https://cpn.cq-auto.example.cn",
             "contact":"Li Na, noc@cq-auto.example.cn"})"},
    };
}

void ConsoleApp::startDemo()
{
    const QString token = randomToken();
    m_demo->loadExampleQueue();
    m_eventLog.log(EventLogModel::Severity::Info, tr("Demo"),
                   tr("Starting the simulated federation (scenario %1, seed %2)…")
                       .arg(m_options.demoScenario)
                       .arg(m_options.demoSeed));
    connect(&m_simulator, &api::LocalSimulator::started, this, [this, token](const QUrl &url) {
        m_eventLog.log(EventLogModel::Severity::Info, tr("Demo"),
                       tr("Simulator listening on %1").arg(url.toString()));
        m_roots->connectTransient({url, false, {}, false}, token, tr("Simulated federation"));
        // Two nodes waiting to join, for Tools > Identifier Management.
        if (m_options.demoScenario == ConsoleOptions().demoScenario) {
            for (const auto &[parent, request] : exampleApplications())
                m_simulator.applyToJoin(&m_network, parent, request);
        }
    });
    api::LocalSimulator::Options options;
    options.scenario = m_options.demoScenario;
    options.seed = m_options.demoSeed;
    options.devToken = token;
    // The simulated load seldom crosses an alarm's line within the first minutes: one access link of
    // the default federation starts down, so the Alarms dock and the map have an open problem to show
    // from the start. Other scenarios have other links (the simulator refuses a fault on a link it lacks).
    if (m_options.demoScenario == ConsoleOptions().demoScenario)
        options.extraArguments = {QStringLiteral("--fault"), QStringLiteral("link-down:l-guizhou-hub-gy-gov")};
    m_simulator.start(options);
}

void ConsoleApp::createRoots()
{
    RootRegistry::Services services;
    services.clock = &m_clock;
    services.network = &m_network;
    services.state = &m_liveState;
    services.cache = m_cache.get();
    services.events = &m_eventLog;
    services.settings = m_settings;
    services.vault = m_vault.get();
    services.jobs = m_jobTracker.get();
    services.offers = m_offerBook.get();
    services.alarms = &m_alarmStore;
    services.signInFirstRoot = m_options.signIn;
    m_roots = std::make_unique<RootRegistry>(services);
    MainWindow *window = m_window.get();
    connect(m_roots.get(), &RootRegistry::rootAdded, window, &MainWindow::addEndpoint);
    connect(m_roots.get(), &RootRegistry::rootAdded, m_handoverReport.get(), &HandoverReportCommand::addRoot);
    connect(m_roots.get(), &RootRegistry::rootRemoved, m_handoverReport.get(),
            &HandoverReportCommand::removeRoot);
    connect(m_roots.get(), &RootRegistry::rootRemoved, window, &MainWindow::removeEndpoint);
    connect(m_roots.get(), &RootRegistry::endpointStatusChanged, this, &ConsoleApp::showEndpointStatus);
    // Roots' health and problems become events in StatusEvents, once per problem.
    connect(m_roots.get(), &RootRegistry::rootAdded, &m_statusEvents, &StatusEvents::addRoot);
    connect(m_roots.get(), &RootRegistry::rootRemoved, &m_statusEvents, &StatusEvents::removeRoot);
    connect(m_roots.get(), &RootRegistry::rootProblem, &m_statusEvents, &StatusEvents::rootProblem);
    connect(m_roots.get(), &RootRegistry::endpointStatusChanged, this, [this](const api::EndpointStatus &status) {
        m_statusEvents.setRootHealth(status.baseUrl.toString(), status.state, status.lastError);
    });
    connect(m_roots.get(), &RootRegistry::droppedAnswersChanged, window->loadIndicator(),
            &LoadIndicator::setDroppedAnswers);
    connect(m_roots.get(), &RootRegistry::accountAdded, m_accountsUi.get(), &AccountsUi::addSession);
    connect(m_roots.get(), &RootRegistry::accountRemoved, m_accountsUi.get(), &AccountsUi::removeSession);
}

void ConsoleApp::addConnectActions()
{
    auto *connectAction = new QAction(m_window.get());
    connectAction->setObjectName(QStringLiteral("connectFederationAction"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(connectAction, &QAction::triggered, this, &ConsoleApp::openConnectDialog);
    // One entry per connected root, listed when the menu opens.
    auto *disconnectMenu = new QMenu(m_window.get());
    disconnectMenu->setObjectName(QStringLiteral("disconnectMenu"));
    const auto retranslate = [connectAction, disconnectMenu] {
        connectAction->setText(tr("&Connect to Federation…"));
        disconnectMenu->setTitle(tr("&Disconnect"));
    };
    retranslate();
    connect(m_window.get(), &MainWindow::languageChanged, connectAction, retranslate);
    connect(disconnectMenu, &QMenu::aboutToShow, this, [this, disconnectMenu] {
        disconnectMenu->clear();
        const QList<QUrl> roots = m_roots->rootUrls();
        for (const QUrl &root : roots) {
            QAction *action = disconnectMenu->addAction(root.toDisplayString());
            connect(action, &QAction::triggered, this, [this, root] { disconnectEndpoint(root); });
        }
        if (roots.isEmpty())
            disconnectMenu->addAction(tr("No federation connected"))->setEnabled(false);
    });
    m_window->addFileActions(MainWindow::FileSection::Connections,
                             {connectAction, disconnectMenu->menuAction()});
}

ConnectDialog *ConsoleApp::openConnectDialog()
{
    auto *dialog = new ConnectDialog(m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { connectEndpoint(dialog->endpoint(), dialog->signInAfterConnecting()); });
    dialog->open();
    return dialog;
}

void ConsoleApp::explainRefusedJobs()
{
    if (!m_jobTracker)
        return;
    // Jobs go with the primary (first root's) account of the moment.
    auto refused = [this](const QString &, const QString &reason, int httpStatus) {
        if (httpStatus != 403)
            return;
        const auth::AccountSession *session = m_accountsUi->primary();
        const auth::Account account = session ? session->account() : auth::Account();
        m_eventLog.log(EventLogModel::Severity::Warning, tr("Jobs"),
                       account.signedIn ? tr("%1 (signed in as %2)").arg(reason, account.displayName())
                                        : reason);
    };
    connect(m_jobTracker.get(), &jobs::JobTracker::submitFailed, this, refused);
    connect(m_jobTracker.get(), &jobs::JobTracker::cancelFailed, this, refused);
}

void ConsoleApp::createPlanning()
{
    // Their transport rules and token are the first root's, set when it connects.
    m_jobTracker = std::make_unique<jobs::JobTracker>(&m_network, api::ClientOptions());
    m_offerBook = std::make_unique<jobs::OfferBook>(&m_network, api::ClientOptions());
    m_planning.jobs = m_jobTracker.get();
    m_planning.offers = m_offerBook.get();
    m_planning.snapshot = [this] { return planningSnapshot(); };
}

placement::FederationSnapshot ConsoleApp::planningSnapshot() const
{
    placement::FederationSnapshot snapshot;
    snapshot.nowMs = m_clock.nowMs();
    // A node is stale for planning once it missed a few samples, as the table shows it.
    snapshot.staleAfterMs = std::max<qint64>(10'000, 3 * qint64(m_liveState.intervalMs()));
    snapshot.requireSamples = m_liveState.newestSampleMs() > 0;
    snapshot.nodes.reserve(m_liveState.nodeCount());
    for (const NodeEntry &entry : m_liveState.entries()) {
        snapshot.nodes.append(entry.node);
        if (entry.sample)
            snapshot.nodeSamples.insert(entry.node.id, *entry.sample);
    }
    snapshot.links = m_liveState.links();
    // The same loads the map shows: none for a link that is not reporting.
    for (const std::optional<LinkSample> &sample : m_liveState.currentLinkSamples()) {
        if (sample)
            snapshot.linkSamples.insert(sample->linkId, *sample);
    }
    if (m_offerBook)
        snapshot.offers = m_offerBook->offers();
    return snapshot;
}

void ConsoleApp::showEndpointStatus(const api::EndpointStatus &status)
{
    m_window->setEndpointStatus(status.baseUrl.toString(), indicatorState(status.state), status.lastDataMs,
                                status.lastError, status.consecutiveFailures);
}

void ConsoleApp::backToLive()
{
    m_offline->close();
    m_window->showState(&m_liveState);
    m_eventLog.log(EventLogModel::Severity::Info, tr("Offline review"), tr("Back to live data."));
}

} // namespace cpn::console
