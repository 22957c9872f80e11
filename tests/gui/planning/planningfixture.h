#pragma once

#include "api/localsimulator.h"
#include "api/nodeapiclient.h"
#include "integration/api/simcontrol.h"
#include "jobs/jobtracker.h"
#include "jobs/offerbook.h"
#include "ui/planning/planningservices.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// The planning services of the console, built on a real cpn-nodesim with fast jobs (--job-speedup 3600:
// one job-hour per second): directory and links from the national node, offers from an OfferBook, jobs
// through a JobTracker. The snapshot plans on directory data (no samples), as the engine allows.
class PlanningFixture
{
public:
    static inline const QString kToken = QStringLiteral("cpn-dev-planning-41c7");
    static inline const QString kReadToken = QStringLiteral("cpn-read-planning-9e02");

    // False with the reason in error() when the simulator cannot be used.
    bool start(const QString &token = kToken)
    {
        cpn::api::LocalSimulator::Options options;
        options.devToken = kToken;
        options.extraArguments = {QStringLiteral("--job-speedup"), QStringLiteral("3600"),
                                  QStringLiteral("--read-token"), kReadToken};
        simulator.start(options);
        if (!simulator.waitForStarted()) {
            m_error = simulator.errorString();
            return false;
        }
        root = simulator.baseUrl();
        control = std::make_unique<SimControl>(&nam, root, kToken);
        cpn::api::ClientOptions clientOptions;
        clientOptions.token = token;
        cpn::api::NodeApiClient client(&nam, root, clientOptions);
        int pending = 2;
        client.fetchDirectory([&](const cpn::api::ApiResult<cpn::protocol::NodeDirectory> &r) {
            if (r.ok())
                nodes = r.value().nodes;
            --pending;
        });
        client.fetchLinks([&](const cpn::api::ApiResult<QList<cpn::Link>> &r) {
            if (r.ok())
                links = r.value();
            --pending;
        });
        if (!QTest::qWaitFor([&] { return pending == 0; }, 10000) || nodes.isEmpty()) {
            m_error = QStringLiteral("no directory from %1").arg(root.toString());
            return false;
        }
        tracker = std::make_unique<cpn::jobs::JobTracker>(&nam, clientOptions);
        tracker->setDirectory(nodes);
        tracker->setPollIntervalMs(200);
        offers = std::make_unique<cpn::jobs::OfferBook>(&nam, clientOptions);
        QSignalSpy changed(offers.get(), &cpn::jobs::OfferBook::offersChanged);
        offers->setRootUrl(root);
        if (!changed.wait(10000)) {
            m_error = QStringLiteral("no offers: %1").arg(offers->lastError());
            return false;
        }
        services.jobs = tracker.get();
        services.offers = offers.get();
        services.snapshot = [this] {
            cpn::placement::FederationSnapshot s;
            s.nowMs = QDateTime::currentMSecsSinceEpoch();
            s.requireSamples = false;
            s.nodes = nodes;
            s.links = links;
            s.offers = offers->offers();
            return s;
        };
        return true;
    }

    // Fetches the offers again and waits for the answer.
    bool refreshOffers()
    {
        QSignalSpy changed(offers.get(), &cpn::jobs::OfferBook::offersChanged);
        QSignalSpy failed(offers.get(), &cpn::jobs::OfferBook::fetchFailed);
        offers->refresh();
        return QTest::qWaitFor([&] { return !changed.isEmpty() || !failed.isEmpty(); }, 10000) && failed.isEmpty();
    }

    bool nodeDown(const QString &nodeId)
    {
        return control->addFault({{QStringLiteral("kind"), QStringLiteral("node-down")}, {QStringLiteral("target"), nodeId}});
    }

    QString error() const { return m_error; }

    QNetworkAccessManager nam;
    cpn::api::LocalSimulator simulator;
    QUrl root;
    QList<cpn::Node> nodes;
    QList<cpn::Link> links;
    std::unique_ptr<SimControl> control;
    std::unique_ptr<cpn::jobs::JobTracker> tracker;
    std::unique_ptr<cpn::jobs::OfferBook> offers;
    cpn::PlanningServices services;

private:
    QString m_error;
};
