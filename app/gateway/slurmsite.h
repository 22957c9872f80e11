#pragma once

#include "gatewayconfig.h"
#include "jobhistorystore.h"
#include "slurmjobs.h"
#include "slurmoffers.h"
#include "slurmrestclient.h"

#include <memory>

namespace cpn::gateway {

// The site's workload manager as the gateway serves it: the Slurm bridge (app/gateway/slurm) built
// from the config's [slurm], [prices] and [state], with the protocol's answers that need both offers
// and jobs (a job the site can never run is refused with 422).
class SlurmSite
{
public:
    template <typename T> using Result = server::ProtocolBackend::Result<T>;

    // Null with *error when the token file, job script or job store cannot be read.
    static std::unique_ptr<SlurmSite> create(const GatewayConfig &config, QString *error);

    const SlurmOffers &offers() const { return *m_offers; }
    const SlurmJobs &jobs() const { return *m_jobs; }
    Result<Job> submit(const JobRequest &request);
    Result<Job> cancel(const QString &id) { return m_jobs->cancel(id); }
    // Why Slurm cannot be used now (its offers' reason first, then its jobs'); empty when it can.
    QString reason() const;

private:
    SlurmSite() = default;

    std::unique_ptr<SlurmRestClient> m_client;
    std::unique_ptr<JobHistoryStore> m_store;
    std::unique_ptr<SlurmOffers> m_offers;
    std::unique_ptr<SlurmJobs> m_jobs;
};

} // namespace cpn::gateway
