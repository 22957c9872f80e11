#include "gatewayprocess.h"

#include "api/localsimulator.h"
#include "api/nodeapiclient.h"
#include "domain/clock.h"
#include "jobs/joblistmodel.h"
#include "jobs/jobtracker.h"
#include "jobs/offerbook.h"
#include "ui/planning/jobkindpage.h"
#include "ui/planning/jobspanel.h"
#include "ui/planning/jobwizard.h"
#include "ui/planning/planningservices.h"
#include "ui/planning/rankedofferspage.h"
#include "ui/planning/requirementspage.h"
#include "ui/planning/reviewpage.h"
#include "ui/planning/submitpage.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

#include <algorithm>
#include <memory>

using namespace cpn;
using namespace Qt::StringLiterals;

// The console's own planning pieces on a real site: the Place a Job wizard and the Jobs dock, built as
// the console builds them for its roots: a real cpn-nodesim first, then a cpn-gateway child process in
// front of the site fixture's real Slurm (three nodes with 8 fake h800 GPUs each), each root with its
// own token, as File > Connect to Federation… adds a site beside the simulated federation. The wizard
// ranks the site's offers among the federation's and places a job there with its default choices; Slurm
// runs it on the GPUs it binds; the dock follows it to the end.
class TestGatewayPlanning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wizardPlacesATwoGpuJobThatRunsInSlurmAndCompletes();
    void jobCancelledFromTheDockReachesCancelled();

private:
    Job place(const QString &name, int gpus);

    QHash<QString, QString> m_env;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    GatewayProcess m_gateway;
    api::LocalSimulator m_simulator;
    QList<Node> m_nodes; // the merged directory: the simulated federation, then the site
    std::unique_ptr<jobs::JobTracker> m_tracker;
    std::unique_ptr<jobs::OfferBook> m_offers;
    PlanningServices m_services;
    SystemClock m_clock;
    std::unique_ptr<JobsPanel> m_panel;
};

void TestGatewayPlanning::initTestCase()
{
    m_env = readSiteEnv();
    const QString missing =
        cpn::testing::missingSiteKey(m_env, {"PROMETHEUS_URL", "SLURMRESTD_URL", "SLURM_JWT_TOKEN",
                                             "SLURM_USER", "SLURM_PARTITION", "SLURM_JOB_DIR"});
    QVERIFY2(missing.isEmpty(), qPrintable(missing + u" is not in CPN_SITE_ENV"_s));
    QVERIFY(GatewayProcess::writeJobScript(m_dir.filePath(u"job.sh"_s)));
    QVERIFY(m_gateway.start(
        GatewayProcess::configFor(m_env[u"PROMETHEUS_URL"_s], m_dir.filePath(u"state"_s)) +
        GatewayProcess::slurmSectionsFor(m_env, m_env[u"SLURM_JWT_TOKEN"_s], m_dir.filePath(u"job.sh"_s))));

    // As the console has them after File > Connect to Federation… of the gateway beside the simulated
    // federation: two roots, each with its own token; the directory merged in the roots' order.
    QVERIFY2(!api::LocalSimulator::defaultProgram().isEmpty(), "cpn-nodesim is not built");
    api::LocalSimulator::Options simulatorOptions;
    simulatorOptions.devToken = u"sim-planning-token"_s;
    m_simulator.start(simulatorOptions);
    QVERIFY2(m_simulator.waitForStarted(), qPrintable(m_simulator.errorString()));
    api::ClientOptions federation;
    federation.token = simulatorOptions.devToken;
    api::ClientOptions site;
    site.token = GatewayProcess::kToken;
    site.allowPlainHttp = true;
    for (const auto &[root, options] :
         {std::pair(m_simulator.baseUrl(), federation), std::pair(m_gateway.url(), site)}) {
        api::NodeApiClient client(&m_nam, root, options);
        bool answered = false;
        client.fetchDirectory([&](const api::ApiResult<protocol::NodeDirectory> &r) {
            if (r.ok())
                m_nodes += r.value().nodes;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 10'000);
    }
    QCOMPARE(m_nodes.last().id, u"lab-site"_s);
    m_tracker = std::make_unique<jobs::JobTracker>(&m_nam, api::ClientOptions());
    m_tracker->setRoots({{m_simulator.baseUrl(), federation}, {m_gateway.url(), site}});
    m_tracker->setDirectory(m_nodes);
    m_tracker->setPollIntervalMs(500);
    m_offers = std::make_unique<jobs::OfferBook>(&m_nam, api::ClientOptions());
    m_offers->setRefreshIntervalMs(1000);
    m_offers->setRoots({{m_simulator.baseUrl(), &m_nam, federation}, {m_gateway.url(), &m_nam, site}});
    // the gateway reads Slurm every 10 s: its first offers come within that
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(m_offers->offers().cbegin(), m_offers->offers().cend(),
                    [](const Offer &o) { return o.nodeId == u"lab-site"_s && o.model == u"h800"_s; }),
        30'000);
    m_services.jobs = m_tracker.get();
    m_services.offers = m_offers.get();
    m_services.snapshot = [this] {
        placement::FederationSnapshot s;
        s.nowMs = QDateTime::currentMSecsSinceEpoch();
        s.requireSamples = false;
        s.nodes = m_nodes;
        s.offers = m_offers->offers();
        return s;
    };
    m_panel = std::make_unique<JobsPanel>(m_tracker.get(), m_clock);
    m_panel->resize(900, 300);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

// Goes through the wizard as an operator does, leaving every choice it does not need at its default
// (units reserved first among them), and returns the job it submitted.
Job TestGatewayPlanning::place(const QString &name, int gpus)
{
    JobWizard wizard(&m_services);
    QSignalSpy submitted(&wizard, &JobWizard::submitted);
    QSignalSpy failed(&wizard, &JobWizard::submissionFailed);
    wizard.show();
    wizard.kindPage()->nameEdit()->setText(name);
    wizard.kindPage()->kindCombo()->setCurrentIndex(
        wizard.kindPage()->kindCombo()->findData(int(JobKind::Batch)));
    wizard.next();
    RequirementsPage *req = wizard.requirementsPage();
    const int h800 = req->acceleratorCombo()->findData(u"h800"_s);
    if (h800 < 0) {
        qWarning("the wizard offers no h800");
        return {};
    }
    req->acceleratorCombo()->setCurrentIndex(h800);
    req->acceleratorCount()->setValue(gpus);
    req->cpuCores()->setValue(2);
    req->memoryGiB()->setValue(1);
    req->storageTB()->setValue(0); // the site sells no storage
    req->durationHours()->setValue(0.5);
    wizard.next();
    // the site's offer, ranked among the simulated federation's
    RankedOffersPage *proposals = wizard.proposalsPage();
    int row = -1;
    for (int i = 0; i < proposals->result().ranked.size() && row < 0; ++i) {
        if (proposals->result().ranked.at(i).nodeId() == u"lab-site"_s &&
            !proposals->result().ranked.at(i).isSplit())
            row = i;
    }
    if (row < 0 || !proposals->selectCandidate(row)) {
        QStringList why;
        for (const placement::Rejection &r : proposals->result().rejected)
            why << r.message;
        qWarning("the site's offer is not ranked: %s", qPrintable(why.join(u' ')));
        return {};
    }
    wizard.next();
    if (!wizard.reviewPage()->summaryLabel()->text().contains(u"Lab Site"_s) || // by its name
        !wizard.reviewPage()->reserveFirst()) {
        qWarning("the review does not show the site");
        return {};
    }
    wizard.next(); // Submit
    if (!QTest::qWaitFor([&] { return !submitted.isEmpty() || !failed.isEmpty(); }, 20'000) ||
        submitted.isEmpty()) {
        qWarning("not submitted: %s", qPrintable(wizard.submitPage()->statusLabel()->text()));
        return {};
    }
    wizard.accept();
    const QList<Job> jobs = submitted.first().at(0).value<QList<Job>>();
    return jobs.size() == 1 ? jobs.first() : Job();
}

void TestGatewayPlanning::wizardPlacesATwoGpuJobThatRunsInSlurmAndCompletes()
{
    const Job job = place(u"pair-from-wizard"_s, 2);
    QVERIFY(!job.id.isEmpty());
    QCOMPARE(job.nodeId, u"lab-site"_s);
    QCOMPARE(job.requirements.accelerators, 2);

    jobs::JobListModel *model = m_panel->model();
    QVERIFY(model->rowOf(job.id) >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(model->jobAt(model->rowOf(job.id)).state, JobState::Completed, 90'000);
    QCOMPARE(model->index(model->rowOf(job.id), jobs::JobListModel::ProgressColumn).data().toString(),
             u"100 %"_s);

    // Slurm ran it on two of the site's GPUs
    QFile out(QDir(m_env[u"SLURM_JOB_DIR"_s]).filePath(job.id + u".out"_s));
    QVERIFY2(out.open(QIODevice::ReadOnly), qPrintable(out.fileName()));
    const QString text = QString::fromUtf8(out.readAll()).trimmed();
    static const QRegularExpression twoGpus(uR"(^CUDA_VISIBLE_DEVICES=\d+,\d+$)"_s);
    QVERIFY2(twoGpus.match(text).hasMatch(), qPrintable(text));
}

void TestGatewayPlanning::jobCancelledFromTheDockReachesCancelled()
{
    const Job job = place(u"hold-from-wizard"_s, 2);
    QVERIFY(!job.id.isEmpty());
    jobs::JobListModel *model = m_panel->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->jobAt(model->rowOf(job.id)).state, JobState::Running, 90'000);
    QVERIFY(m_panel->selectJob(job.id));
    QVERIFY(m_panel->cancelButton()->isEnabled());
    QTest::mouseClick(m_panel->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(model->jobAt(model->rowOf(job.id)).state, JobState::Cancelled, 30'000);
    QVERIFY(!m_panel->cancelButton()->isEnabled());
    // Slurm gives its GPUs back
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            m_offers->refresh();
            for (const Offer &o : m_offers->offers())
                if (o.nodeId == u"lab-site"_s && o.model == u"h800"_s)
                    return o.available == 24.0;
            return false;
        }(),
        60'000);
}

QTEST_MAIN(TestGatewayPlanning)
#include "tst_gatewayplanning.moc"
