#include "consoleapp.h"

#include "api/endpointstatus.h"
#include "api/federationclient.h"
#include "auth/accountsession.h"
#include "auth/tokenvault.h"
#include "cache/cachedatabase.h"
#include "cache/cachewriter.h"
#include "domain/logging.h"
#include "geo/basemap.h"
#include "jobs/jobtracker.h"
#include "jobs/offerbook.h"
#include "jobs/workloadqueue.h"
#include "offlinesession.h"
#include "snapshotcommands.h"
#include "ui/accounts/accountsui.h"
#include "ui/connectdialog.h"
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "ui/planning/requirementspage.h"
#include "ui/planning/selectionwizard.h"
#include "ui/planning/workloadqueuepanel.h"
#include "widgets/map/nodemapwidget.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPointer>
#include <QRandomGenerator>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QWizard>

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

StatusEvents::RootHealth rootHealth(api::ConnectionState state)
{
    switch (state) {
    case api::ConnectionState::Connecting:
        return StatusEvents::RootHealth::Connecting;
    case api::ConnectionState::Online:
        return StatusEvents::RootHealth::Reporting;
    case api::ConnectionState::Stale:
        return StatusEvents::RootHealth::Late;
    case api::ConnectionState::Offline:
        return StatusEvents::RootHealth::Unreachable;
    }
    return StatusEvents::RootHealth::Connecting;
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

// Tokens must never follow a redirect to another host, and Debian's Qt 6.4 lacks HTTP/2 fixes: the
// protocol client sets both per request; this is the belt to those braces.
void configureNetwork(QNetworkAccessManager &network)
{
    network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    network.setAutoDeleteReplies(true);
}

// One root whether or not its URL was written with a trailing slash.
bool sameRoot(const QUrl &a, const QUrl &b)
{
    return a.adjusted(QUrl::StripTrailingSlash) == b.adjusted(QUrl::StripTrailingSlash);
}

} // namespace

ConsoleApp::ConsoleApp(const ConsoleOptions &options, QSettings *settings, QObject *parent)
    : QObject(parent), m_options(options), m_settings(settings), m_liveState(m_clock), m_nodes(&m_liveState),
      m_statusEvents(&m_liveState, &m_events), m_chartHub(&m_liveState)
{
    api::registerMetaTypes();
    configureNetwork(m_network);

    MainWindow::Dependencies dependencies;
    dependencies.state = &m_liveState;
    dependencies.nodes = &m_nodes;
    dependencies.events = &m_events;
    dependencies.clock = &m_viewClock;
    dependencies.settings = m_settings;
    dependencies.charts = &m_chartHub;
    dependencies.review = !m_options.offlineFile.isEmpty();
    m_cachePath = m_options.cacheDirectory.isEmpty() ? cache::CacheDatabase::defaultPath()
                                                     : cache::CacheDatabase::defaultPathIn(m_options.cacheDirectory);
    if (m_options.offlineFile.isEmpty()) {
        // Charts read older samples of the live cache (the writer below records into it).
        m_cacheReader = std::make_unique<cache::CacheReader>(m_cachePath);
        dependencies.cacheReader = m_cacheReader.get();
        createPlanning();
        dependencies.planning = &m_planning;
    }
    m_window = std::make_unique<MainWindow>(dependencies);

    // The cache records what the federations report for offline review; ingestion is posted to
    // its writer thread, so the UI thread never waits on the disk.
    // Offline review writes nothing anywhere: no cache.
    if (m_options.offlineFile.isEmpty()) {
        cache::CacheWriter::Options cacheOptions;
        cacheOptions.path = m_cachePath;
        cacheOptions.clock = &m_clock;
        m_cache = std::make_unique<cache::CacheWriter>(cacheOptions);
        connect(m_cache.get(), &cache::CacheWriter::opened, this, [](bool ok, const QString &error) {
            if (!ok)
                qCWarning(lcApp).noquote() << "the cache could not be opened, nothing is recorded:" << error;
        });
        // The events log is recorded too, so a reviewer sees what the operators saw; not the
        // transitions a replay of the recording itself produces.
        // Jobs and offers the planners saw are part of the record too.
        connect(m_jobTracker.get(), &jobs::JobTracker::jobChanged, this,
                [this](const Job &job) { m_cache->ingestJobs({job}, m_clock.nowMs()); });
        connect(m_offerBook.get(), &jobs::OfferBook::offersChanged, this,
                [this] { m_cache->ingestOffers(m_offerBook->offers(), m_clock.nowMs()); });
        connect(&m_events, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
            if (m_offline && m_offline->isActive())
                return;
            for (int row = first; row <= last; ++row) {
                const EventLogModel::Event &event = m_events.eventAt(row);
                m_cache->ingestEvent({event.timeMs, int(event.severity), event.source, event.message});
            }
        });
    }
    if (m_cache) {
        // Each tick's totals as region series: a national or province chart's history in one read.
        connect(&m_liveState, &FederationState::tickComputed, m_cache.get(),
                &cache::CacheWriter::ingestTotals);
        // The directory the cache records is the merged one the window shows.
        connect(&m_liveState, &FederationState::directoryChanged, this, [this] {
            m_cache->ingestDirectory(m_liveState.nodes(), m_liveState.links(), m_clock.nowMs());
            if (m_jobTracker)
                m_jobTracker->setDirectory(m_liveState.nodes());
            if (m_options.pinDemoCharts && !m_demoChartsPinned && m_liveState.nodeCount() > 0)
                pinDemoCharts();
        });
    }
    // Once a second the live state's freshness moves on and what lasted becomes events; the window
    // refreshes the state it shows itself.
    m_liveTicker.setInterval(1000);
    connect(&m_liveTicker, &QTimer::timeout, this, [this] {
        if (m_window->shownState() != &m_liveState)
            m_liveState.refresh();
        m_statusEvents.evaluate();
    });
    if (m_options.offlineFile.isEmpty())
        m_liveTicker.start();
    m_offline = std::make_unique<OfflineSession>(m_window.get(), &m_viewClock);
    m_offline->setInitialOffsetMs(m_options.replayAtMs);
    m_snapshots = std::make_unique<SnapshotCommands>(m_window.get(), m_offline.get(), m_cache.get(), m_cachePath,
                                                     m_clock);
    connect(m_snapshots.get(), &SnapshotCommands::backToLiveRequested, this, &ConsoleApp::backToLive);
    loadBasemap();
    m_window->setShowFps(m_options.showFps);
    if (m_options.offlineFile.isEmpty()) {
        m_vault = std::make_unique<auth::TokenVault>();
        m_accountsUi = std::make_unique<AccountsUi>(m_window.get(), m_vault.get());
        connect(m_accountsUi.get(), &AccountsUi::notice, this,
                [this](const QString &source, const QString &message, bool isWarning) {
                    m_window->logEvent(isWarning ? EventLogModel::Severity::Warning
                                                 : EventLogModel::Severity::Info,
                                       source, message);
                });
        addConnectActions();
        explainRefusedJobs();
    }

    connect(&m_simulator, &api::LocalSimulator::failed, this, [this](const QString &reason) {
        m_window->logEvent(EventLogModel::Severity::Error, tr("Demo"),
                           tr("The simulator could not be started: %1").arg(reason));
    });
    connect(&m_simulator, &api::LocalSimulator::finished, this, [this](int exitCode) {
        m_window->logEvent(EventLogModel::Severity::Warning, tr("Demo"),
                           tr("The simulator stopped (exit code %1).").arg(exitCode));
    });
}

ConsoleApp::~ConsoleApp()
{
    // Members die in reverse order; the simulator's exit must not log into a half-destroyed console.
    disconnect(&m_simulator, nullptr, this, nullptr);
    disconnect(&m_events, nullptr, this, nullptr);
    for (auto *federation : std::as_const(m_federations)) {
        federation->stop();
        const Root root = m_roots.value(federation);
        delete root.account; // before the network manager its requests use
        delete federation;
        delete root.network;
    }
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
        m_window->logEvent(EventLogModel::Severity::Error, tr("Map"),
                           tr("The basemap %1 cannot be used: %2. Showing the built-in one.").arg(path, error));
    }
    QString error;
    if (!m_window->loadBasemap(geo::defaultBasemapPath(), &error))
        m_window->logEvent(EventLogModel::Severity::Error, tr("Map"),
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
    if (!m_options.screenshotFile.isEmpty())
        scheduleScreenshot();
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
        return;
    }
    for (const api::EndpointSetting &endpoint : std::as_const(endpoints)) {
        connectFederation(endpoint, endpoint.commandLineToken ? m_options.token : QString(), endpoint.url.host());
        m_rememberedEndpoints.append(endpoint);
    }
    rememberRoots();
}

bool ConsoleApp::connectEndpoint(api::EndpointSetting endpoint, bool signIn)
{
    const QString source = tr("Connect");
    if (!m_cache) {
        m_window->logEvent(EventLogModel::Severity::Error, source,
                           tr("An offline review does not connect to nodes; start the console without "
                              "--offline."));
        return false;
    }
    if (const QString problem = endpoint.problem(); !problem.isEmpty()) {
        m_window->logEvent(EventLogModel::Severity::Error, source,
                           tr("%1 cannot be connected: %2").arg(endpoint.url.toDisplayString(), problem));
        return false;
    }
    // No token of another endpoint goes to it: it is read with the account signed in there, or
    // with its own token from before when it is connected again with other rules.
    QString token;
    qsizetype position = -1;
    qsizetype rememberedAt = -1;
    if (const api::FederationClient *connected = federationAt(endpoint.url)) {
        if (connected->options().allowPlainHttp == endpoint.allowPlainHttp &&
            connected->options().caFile == endpoint.caFile) {
            m_window->logEvent(EventLogModel::Severity::Warning, source,
                               tr("%1 is already connected.").arg(endpoint.url.toDisplayString()));
            return false;
        }
        // Connected again in its place: the same order of roots, the same first root for planning.
        token = m_roots.value(connected).fallbackToken;
        position = m_federations.indexOf(connected);
        for (qsizetype i = 0; i < m_rememberedEndpoints.size(); ++i) {
            if (sameRoot(m_rememberedEndpoints.at(i).url, endpoint.url)) {
                endpoint.commandLineToken = m_rememberedEndpoints.at(i).commandLineToken;
                rememberedAt = i;
            }
        }
        disconnectEndpoint(endpoint.url);
    }
    connectFederation(endpoint, token, endpoint.url.host(), position);
    m_rememberedEndpoints.insert(rememberedAt < 0 ? m_rememberedEndpoints.size() : rememberedAt, endpoint);
    rememberRoots();
    m_window->logEvent(EventLogModel::Severity::Info, source,
                       tr("Connecting to %1.").arg(endpoint.url.toDisplayString()));
    if (auth::AccountSession *session = m_roots.value(federationAt(endpoint.url)).account; signIn && session)
        session->signIn();
    return true;
}

void ConsoleApp::startDemo()
{
    const QString token = randomToken();
    // Something to drag onto the map: the example queue, unless the planner already has workloads.
    if (WorkloadQueuePanel *queue = m_window->workloadQueuePanel();
        queue && queue->queue()->rowCount() == 0) {
        QString error;
        if (!queue->loadFile(QStringLiteral(":/examples/workload-queue.json"), &error))
            qCWarning(lcApp).noquote() << "the example workload queue could not be loaded:" << error;
    }
    m_window->logEvent(EventLogModel::Severity::Info, tr("Demo"),
                       tr("Starting the simulated federation (scenario %1, seed %2)…")
                           .arg(m_options.demoScenario)
                           .arg(m_options.demoSeed));
    connect(&m_simulator, &api::LocalSimulator::started, this, [this, token](const QUrl &url) {
        m_window->logEvent(EventLogModel::Severity::Info, tr("Demo"),
                           tr("Simulator listening on %1").arg(url.toString()));
        connectFederation({url, false, {}, false}, token, tr("Simulated federation"));
    });
    api::LocalSimulator::Options options;
    options.scenario = m_options.demoScenario;
    options.seed = m_options.demoSeed;
    options.devToken = token;
    m_simulator.start(options);
}

void ConsoleApp::addConnectActions()
{
    auto *connectAction = new QAction(tr("&Connect to Federation…"), m_window.get());
    connectAction->setObjectName(QStringLiteral("connectFederationAction"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(connectAction, &QAction::triggered, this, &ConsoleApp::openConnectDialog);
    // One entry per connected root, listed when the menu opens.
    auto *disconnectMenu = new QMenu(tr("&Disconnect"), m_window.get());
    disconnectMenu->setObjectName(QStringLiteral("disconnectMenu"));
    connect(disconnectMenu, &QMenu::aboutToShow, this, [this, disconnectMenu] {
        disconnectMenu->clear();
        for (const api::FederationClient *federation : std::as_const(m_federations)) {
            const QUrl root = federation->rootUrl();
            QAction *action = disconnectMenu->addAction(root.toDisplayString());
            connect(action, &QAction::triggered, this, [this, root] { disconnectEndpoint(root); });
        }
        if (m_federations.isEmpty())
            disconnectMenu->addAction(tr("No federation connected"))->setEnabled(false);
    });
    // The window's first menu is File: connections go first, above the snapshots.
    const QList<QAction *> menus = m_window->menuBar()->actions();
    if (QMenu *file = menus.value(0) ? menus.value(0)->menu() : nullptr) {
        QAction *before = file->actions().value(0);
        file->insertAction(before, connectAction);
        file->insertMenu(before, disconnectMenu);
        file->insertSeparator(before);
    }
}

void ConsoleApp::followFirstRootForPlanning()
{
    const api::FederationClient *first = m_federations.value(0, nullptr);
    if (!m_offerBook || first == m_planningRoot)
        return;
    m_planningRoot = first;
    const api::ClientOptions options = first ? first->options() : api::ClientOptions();
    m_jobTracker->setClientOptions(options);
    // Offers through the root's own network manager, so they are trusted as the root is. Jobs keep
    // the console's: their node clients outlive a change of first root.
    m_offerBook->setTransport(first ? m_roots.value(first).network : &m_network, options);
    m_offerBook->setRootUrl(first ? first->rootUrl() : QUrl());
}

api::FederationClient *ConsoleApp::federationAt(const QUrl &rootUrl) const
{
    for (api::FederationClient *federation : m_federations) {
        if (sameRoot(federation->rootUrl(), rootUrl))
            return federation;
    }
    return nullptr;
}

bool ConsoleApp::disconnectEndpoint(const QUrl &rootUrl)
{
    api::FederationClient *federation = federationAt(rootUrl);
    if (!federation)
        return false;
    federation->disconnect(); // nothing it still says reaches the window, cache or charts
    federation->stop();
    m_federations.removeOne(federation);
    const Root root = m_roots.take(federation);
    if (root.account) {
        m_accountsUi->removeSession(root.account);
        root.account->deleteLater();
    }
    const QString endpointId = federation->rootUrl().toString();
    federation->deleteLater();
    root.network->deleteLater(); // last: its connections, and the trust they were opened with, go
    m_rememberedEndpoints.removeIf([&](const api::EndpointSetting &e) { return sameRoot(e.url, rootUrl); });
    rememberRoots();
    m_window->removeEndpoint(endpointId);
    m_liveState.removeRoot(endpointId);
    m_statusEvents.removeRoot(endpointId);
    // Offers and new jobs go through the first root: the next one, if any.
    followFirstRootForPlanning();
    m_window->logEvent(EventLogModel::Severity::Info, tr("Connect"),
                       tr("Disconnected from %1.").arg(rootUrl.toDisplayString()));
    return true;
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

void ConsoleApp::connectFederation(const api::EndpointSetting &endpoint, const QString &token,
                                   const QString &label, qsizetype position)
{
    if (position < 0 || position > m_federations.size())
        position = m_federations.size();
    const QUrl &rootUrl = endpoint.url;
    const api::ClientOptions transport = endpoint.applyTo({});
    api::ClientOptions options = transport;
    options.token = token;
    // Each root has its own network manager: Qt keeps https connections per host and port whatever
    // the TLS settings they were opened with, so a shared one would let one root's CA (or an
    // earlier connection's) decide another's trust.
    auto *network = new QNetworkAccessManager(this);
    configureNetwork(*network);
    auto *federation = new api::FederationClient(network, rootUrl, options, m_clock, this);
    m_federations.insert(position, federation);
    m_roots[federation].fallbackToken = token;
    m_roots[federation].network = network;

    const QString endpointId = rootUrl.toString();
    m_window->addEndpoint(endpointId, label, rootUrl);
    // While a recording is reviewed the window shows it alone; the cache keeps recording.
    connect(federation, &api::FederationClient::directoryChanged, this,
            [this, federation, endpointId](const QList<Node> &nodes, const QList<Link> &links) {
                m_liveState.setRootDirectory(endpointId, nodes, links, m_federations.indexOf(federation));
            });
    connect(federation, &api::FederationClient::metricsReceived, m_cache.get(), &cache::CacheWriter::ingestMetrics);
    connect(federation, &api::FederationClient::metricsReceived, &m_liveState, &FederationState::ingest);
    // statusChanged fires on changes of state only; the age of the data shown moves with every answer.
    connect(federation, &api::FederationClient::metricsReceived, this,
            [this, federation] { showEndpointStatus(federation->status()); });
    connect(federation, &api::FederationClient::statusChanged, this,
            [this, endpointId, label](const api::EndpointStatus &status) {
                showEndpointStatus(status);
                m_statusEvents.setRootHealth(endpointId, label, rootHealth(status.state), status.lastError);
            });
    connect(federation, &api::FederationClient::problem, this, [this, endpointId](const QString &message) {
        m_statusEvents.rootProblem(endpointId, message);
    });
    attachAccount(federation, position, transport, token);
    followFirstRootForPlanning();
    federation->start();
}

void ConsoleApp::attachAccount(api::FederationClient *federation, qsizetype position,
                               const api::ClientOptions &transport, const QString &fallbackToken)
{
    if (!m_vault)
        return;
    auto *session = new auth::AccountSession(m_roots.value(federation).network, federation->rootUrl(),
                                             transport, m_vault.get(), this);
    m_roots[federation].account = session;
    m_accountsUi->addSession(session, position);
    connect(session, &auth::AccountSession::accessTokenChanged, this,
            [this, session, federation, fallbackToken] {
                const QString token = session->isSignedIn() ? session->accessToken() : fallbackToken;
                federation->setToken(token);
                // Jobs and offers follow the first root's account (as they follow its token above).
                if (m_jobTracker && federation == m_federations.constFirst()) {
                    m_jobTracker->setToken(token);
                    m_offerBook->setToken(token);
                }
            });
    // A 401 refreshes the account's token once and the request is sent again with it.
    QPointer<auth::AccountSession> guarded(session);
    federation->setUnauthorizedHandler([guarded](const QString &rejected, std::function<void(bool)> retry) {
        if (guarded)
            guarded->handleUnauthorized(rejected, std::move(retry));
        else
            retry(false);
    });
    session->restore(); // a refresh token in the keychain signs in again without the browser
    if (m_options.signIn && m_roots.size() == 1)
        session->signIn();
}

QList<auth::AccountSession *> ConsoleApp::accounts() const
{
    QList<auth::AccountSession *> sessions;
    for (const api::FederationClient *federation : m_federations) {
        if (auth::AccountSession *session = m_roots.value(federation).account)
            sessions.append(session);
    }
    return sessions;
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
        m_window->logEvent(EventLogModel::Severity::Warning, tr("Jobs"),
                           account.signedIn ? tr("%1 (signed in as %2)").arg(reason, account.displayName()) : reason);
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
    if (!m_options.openPlanning.isEmpty()) {
        // Once offers are in and a few seconds of samples have arrived, so the ranking has data.
        connect(m_offerBook.get(), &jobs::OfferBook::offersChanged, this, [this] {
            static bool opened = false;
            if (!opened) {
                opened = true;
                QTimer::singleShot(3000, this, &ConsoleApp::openPlanningForScreenshot);
            }
        });
    }
}

void ConsoleApp::openPlanningForScreenshot()
{
    SelectionWizard *wizard = m_window->openSelectionWizard();
    if (!wizard)
        return;
    // A fine-tuning sized request with its data in Shanghai and users in Guangdong, so every part of the
    // score has something to say; the wizard stands on the right, the ringed candidates on the left.
    RequirementsPage *requirements = wizard->requirementsPage();
    requirements->acceleratorCombo()->setCurrentIndex(requirements->acceleratorCombo()->findData(QStringLiteral("ascend-910b")));
    requirements->acceleratorCount()->setValue(64);
    requirements->dataLocation()->setCurrentIndex(requirements->dataLocation()->findData(QStringLiteral("province:CN-SH")));
    requirements->dataTB()->setValue(50);
    requirements->usersLocation()->setCurrentIndex(requirements->usersLocation()->findData(QStringLiteral("province:CN-GD")));
    requirements->maxLatency()->setValue(40);
    const QRect area = m_window->geometry();
    wizard->resize(std::min(area.width() / 2, 990), std::min(area.height() - 160, 820));
    wizard->move(area.right() - wizard->width() - 8, area.top() + 100);
    wizard->next();
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
    snapshot.linkSamples = m_liveState.currentLinkSamples();
    if (m_offerBook)
        snapshot.offers = m_offerBook->offers();
    return snapshot;
}

void ConsoleApp::pinDemoCharts()
{
    using charts::ChartSpec;
    m_demoChartsPinned = true;
    m_window->pinChart(ChartSpec{ChartSpec::Kind::Region, QString()});
    // The busiest kind of node: one with accelerators; then a link from it and its province.
    const Node *node = nullptr;
    for (const NodeEntry &entry : m_liveState.entries()) {
        const Node &n = entry.node;
        if (!n.capacity.accelerators.isEmpty() && n.tier != NodeTier::National) {
            node = &n;
            break;
        }
    }
    if (node) {
        m_window->pinChart(ChartSpec{ChartSpec::Kind::NodeUtilization, node->id});
        for (const Link &link : m_liveState.links()) {
            if (link.a == node->id || link.b == node->id) {
                m_window->pinChart(ChartSpec{ChartSpec::Kind::LinkThroughput, link.id});
                m_window->pinChart(ChartSpec{ChartSpec::Kind::LinkQuality, link.id});
                break;
            }
        }
        if (!node->province.isEmpty())
            m_window->pinChart(ChartSpec{ChartSpec::Kind::Region, node->province});
    }
    // Room for the charts: wider than the Nodes dock's default, and most of the right column's height.
    m_window->resizeDocks({m_window->dashboardDock()}, {960}, Qt::Horizontal);
    m_window->resizeDocks({m_window->dashboardDock(), m_window->detailsDock()}, {860, 120}, Qt::Vertical);
}

void ConsoleApp::showEndpointStatus(const api::EndpointStatus &status)
{
    m_window->setEndpointStatus(status.baseUrl.toString(), indicatorState(status.state), status.lastDataMs,
                                status.lastError, status.consecutiveFailures);
}

void ConsoleApp::scheduleScreenshot()
{
    // For scripts/screenshots.sh: CPN_SCREENSHOT_DRAG=<workload id> holds that workload of the queue
    // over its best node on the map, so the picture shows the fit shading of a drag in progress.
    if (const QString drag = qEnvironmentVariable("CPN_SCREENSHOT_DRAG"); !drag.isEmpty()) {
        QTimer::singleShot(std::max(0, m_options.screenshotDelayMs - 1500), this, [this, drag] {
            WorkloadQueuePanel *queue = m_window->workloadQueuePanel();
            if (queue)
                m_window->workloadQueueDock()->raise(); // the row being dragged is in the picture
            if (!queue || !queue->showDragPreview(m_window->mapPanel()->mapWidget(), drag))
                qCWarning(lcApp).noquote() << "no drag preview for workload" << drag;
        });
    }
    // CPN_SCREENSHOT_DIALOG=accounts|connect opens that dialog over the window for the picture.
    if (const QString dialog = qEnvironmentVariable("CPN_SCREENSHOT_DIALOG"); !dialog.isEmpty()) {
        QTimer::singleShot(std::max(0, m_options.screenshotDelayMs - 1500), this, [this, dialog] {
            if (dialog == u"accounts" && m_accountsUi)
                m_accountsUi->showDialog();
            else if (dialog == u"connect" && m_accountsUi)
                openConnectDialog()->setEndpoint({QUrl(QStringLiteral("https://cpn-east.example.cn:8443")), false, {}, false});
            else
                qCWarning(lcApp).noquote() << "no dialog" << dialog << "for the screenshot";
        });
    }
    QTimer::singleShot(m_options.screenshotDelayMs, this, [this] {
        const QString file = m_options.screenshotFile;
        // Dialogs open over the window (e.g. --open-planning) are painted where they stand.
        QPixmap shot = m_window->grab();
        QPainter painter(&shot);
        for (QDialog *dialog : m_window->findChildren<QDialog *>()) {
            if (dialog->isVisible())
                painter.drawPixmap(dialog->geometry().topLeft() - m_window->geometry().topLeft(), dialog->grab());
        }
        painter.end();
        if (shot.save(file, "PNG"))
            qCInfo(lcApp) << "screenshot saved to" << file;
        else
            qCWarning(lcApp) << "could not save the screenshot to" << file;
        m_window->close();
        QCoreApplication::exit(0);
    });
}

void ConsoleApp::backToLive()
{
    m_offline->close();
    m_window->showState(&m_liveState);
    m_window->logEvent(EventLogModel::Severity::Info, tr("Offline review"), tr("Back to live data."));
}

void ConsoleApp::rememberRoots() const
{
    if (!m_settings)
        return;
    api::saveEndpoints(*m_settings, m_rememberedEndpoints); // never a token
}

} // namespace cpn::console
