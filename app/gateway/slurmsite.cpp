#include "slurmsite.h"

#include <QDir>
#include <QFile>

namespace cpn::gateway {
namespace {

std::optional<QString> readFile(const QString &path, const char *key, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read %2: %3").arg(QLatin1String(key), path, file.errorString());
        return std::nullopt;
    }
    return QString::fromUtf8(file.readAll());
}

} // namespace

std::unique_ptr<SlurmSite> SlurmSite::create(const GatewayConfig &config, QString *error)
{
    QString token = config.slurm.token;
    if (!config.slurm.tokenFile.isEmpty()) {
        const auto read = readFile(config.slurm.tokenFile, "slurm.token_file", error);
        if (!read)
            return nullptr;
        token = read->trimmed();
    }
    SlurmPrices prices;
    prices.perCoreHour = config.site.prices.cpuCoreHour;
    prices.perGiBHour = config.site.prices.memoryGiBHour;
    for (auto it = config.site.prices.acceleratorHour.begin(); it != config.site.prices.acceleratorHour.end();
         ++it)
        prices.perAcceleratorHour.insert(it.key(), it.value());

    SlurmJobSettings settings;
    settings.siteNodeId = config.site.id;
    settings.idPrefix = config.site.id;
    settings.partition = config.slurm.partition;
    settings.jobDirectory = config.slurm.jobDirectory;
    settings.prices = prices;
    if (!config.slurm.jobScriptFile.isEmpty()) {
        const auto script = readFile(config.slurm.jobScriptFile, "slurm.job_script", error);
        if (!script)
            return nullptr;
        settings.script = *script;
    }

    std::unique_ptr<SlurmSite> site(new SlurmSite);
    site->m_client =
        std::make_unique<SlurmRestClient>(SlurmConnection{config.slurm.url, config.slurm.user, token});
    site->m_store = std::make_unique<JobHistoryStore>(
        QDir(config.stateDirectory).filePath(QStringLiteral("jobs.sqlite")));
    if (!site->m_store->open()) {
        *error = QStringLiteral("state.directory: %1").arg(site->m_store->error());
        return nullptr;
    }
    site->m_offers =
        std::make_unique<SlurmOffers>(site->m_client.get(), config.site.id, config.slurm.partition, prices);
    site->m_offers->start();
    site->m_jobs = std::make_unique<SlurmJobs>(site->m_client.get(), site->m_store.get(), settings);
    return site;
}

SlurmSite::Result<Job> SlurmSite::submit(const JobRequest &request)
{
    const SlurmCapacity &capacity = m_offers->capacity();
    if (capacity.nodes == 0)
        return {503, QStringLiteral("Slurm cannot take jobs now: %1").arg(reason()), {}};
    const JobRequirements &q = request.requirements;
    if (q.accelerators > 0 && !capacity.largestNodeAccelerators.contains(q.acceleratorModel))
        return {422, QStringLiteral("This site has no %1 accelerators").arg(q.acceleratorModel), {}};
    if (q.accelerators > capacity.largestNodeAccelerators.value(q.acceleratorModel) ||
        q.cpuCores > capacity.largestNodeCores || q.memoryGiB > capacity.largestNodeMemoryGiB)
        return {422, QStringLiteral("The job is larger than any node of this site"), {}};
    return m_jobs->submit(request);
}

QString SlurmSite::reason() const
{
    return m_offers->unavailableReason().isEmpty() ? m_jobs->unavailableReason()
                                                   : m_offers->unavailableReason();
}

} // namespace cpn::gateway
