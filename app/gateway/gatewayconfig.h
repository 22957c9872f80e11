#pragma once

#include "domain/link.h"
#include "domain/node.h"
#include "serveroptions.h"

#include <QMap>
#include <QString>
#include <QUrl>
#include <optional>

namespace cpn::gateway {

// What cpn-gateway --config FILE reads (docs/gateway.md): the site's identity, how it serves the
// protocol, where its Prometheus, Alertmanager and slurmrestd answer, its prices and its state
// directory. The file is sectioned `key = value` text; every error names FILE:LINE and the key.
struct GatewayConfig
{
    // [site]: the site as one node of the federation (capacity comes from Prometheus). site.baseUrl is
    // `base_url` when set (the public URL the federation reaches the site at), else empty: main() then
    // serves the listening root URL.
    Node site;
    // [site] contact: who answers for the site; applying to a parent's registry needs it.
    QString contact;

    // [server]
    server::ServerOptions server;

    // [prometheus]: instant queries for the whole site, run once per interval at one instant.
    struct Prometheus
    {
        QUrl url;
        QUrl historyUrl; // query_range for GET /history (VictoriaMetrics, say); empty: url
        int intervalMs = 1000;
        int lagMs = 500;            // queries ask about now - lag, so the latest scrape is in
        int timeoutMs = 2000;       // a query answered later counts as unanswered
        int offlineAfterMs = 30000; // without answers this long, the site is offline
        QString cpu;                // utilization, a fraction
        QString memory;
        QString storage;
        QString cpuCores; // capacity
        QString memoryBytes;
        QString storageBytes;
        // Accelerators, one query per exporter family, each by the label `modelLabel`; empty: not run.
        QString modelLabel = QStringLiteral("modelName");
        QMap<QString, QString> acceleratorUtil;  // family (dcgm, npu, dcu) -> PromQL, fractions
        QMap<QString, QString> acceleratorCount; // devices per model
        QMap<QString, QString> acceleratorPower; // watts per model
    } prometheus;

    // [links]: the site's links to other nodes, each from its interface counters; `a` is the site.
    struct SiteLink
    {
        Link link;
        QString interfaces; // label matchers of its interface counters: device="eth0",instance="..."
        QString latency;    // PromQL answering the link's latency in ms
    };
    QList<SiteLink> links;

    // [models]: exporter model name -> protocol model slug.
    QMap<QString, QString> models;
    // An exporter's model name as the protocol's slug: from [models], else made from the name.
    QString modelSlug(const QString &exporterModel) const;

    // [alertmanager]: where the site's alarms come from (without it, Prometheus' own alerts).
    struct Alertmanager
    {
        QUrl url;
        int intervalMs = 5000;
        // Only alerts carrying this label (when an Alertmanager serves several sites); the
        // silences the gateway sets match it too. Empty: every alert.
        QString siteLabel;
        QString siteValue;
    } alertmanager;

    // [slurm]
    struct Slurm
    {
        QUrl url;
        QString user;
        QString token;
        QString tokenFile;
        QString partition;
        QString jobScriptFile; // what every job runs (empty: sleeps for its duration)
        QString jobDirectory;  // jobs' working directory and output files, writable by Slurm's user
    } slurm;

    // [state]
    QString stateDirectory;

    // Reads and validates a file; nullopt with *error ("FILE:LINE: key: what is wrong").
    static std::optional<GatewayConfig> load(const QString &path, QString *error);
    static std::optional<GatewayConfig> parse(const QString &text, const QString &fileName, QString *error);
};

} // namespace cpn::gateway
