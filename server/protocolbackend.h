#pragma once

#include "domain/alarm.h"
#include "domain/enums.h"
#include "domain/job.h"
#include "domain/link.h"
#include "domain/node.h"
#include "domain/offer.h"
#include "domain/reservation.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace cpn::server {

class Registry;

// What ApiRouter asks of a site to answer docs/node-api.md: its directory, metrics, offers, jobs,
// reservations and alarms. The router owns the protocol (paths, tokens, errors, caching, encodings);
// a backend owns the data. cpn-nodesim's simulator is one backend (app/nodesim/simulatorbackend.h).
//
// Every call that takes a `scope` answers for the directory of that node's base URL (docs/node-api.md,
// "Directory"): the router has checked that the node exists and is not down.
class ProtocolBackend
{
public:
    // GET /metrics?limit=: the default and the largest limit a client may ask for.
    static constexpr int kDefaultMetricsLimit = 60;
    static constexpr int kMaxMetricsLimit = 600;

    enum class MetricsEncoding { Json, Compact };

    // The outcome of a change asked for by a client: an HTTP status (2xx, or the problem's status
    // with its detail) and the object changed.
    template <typename T> struct Result
    {
        int status = 0;
        QString detail; // why, when not 2xx
        T value;
    };

    virtual ~ProtocolBackend() = default;

    // Directory.
    // The node the root URL answers as (the national node of a federation).
    virtual const Node &root() const = 0;
    virtual const Node *node(const QString &id) const = 0;
    virtual bool hasLink(const QString &id) const = 0;
    // The nodes and links the scope's base URL lists, in a stable order.
    virtual QList<const Node *> directory(const QString &scope) const = 0;
    virtual QList<const Link *> links(const QString &scope) const = 0;
    virtual bool inDirectory(const QString &scope, const QString &nodeId) const = 0;
    virtual NodeStatus status(const QString &nodeId) const = 0;
    // A node that answers nothing (503), whoever asks.
    virtual bool isDown(const QString &nodeId) const = 0;
    // Changes whenever the nodes' statuses may have.
    virtual qint64 directoryVersion() const = 0;
    virtual qint64 nowMs() const = 0;

    // Metrics: the GET /metrics body for a cursor (docs/node-api.md, "Metrics"), and a version
    // that changes whenever that body would.
    virtual qint64 metricsVersion(const QString &cursor, int limit) const = 0;
    virtual QByteArray metricsBody(const QString &scope, const QString &cursor, int limit,
                                   MetricsEncoding encoding, bool delta) = 0;

    // Offers: the instant the current offers are priced at and a version that changes whenever
    // they may; then the offers (of one accelerator model, or all when empty) priced at an instant.
    struct OffersVersion
    {
        qint64 version = 0;
        qint64 pricedAtMs = 0;
    };
    virtual OffersVersion offersVersion() = 0;
    virtual QList<Offer> offers(const QString &scope, const QString &model, qint64 pricedAtMs) = 0;

    // Jobs, newest first; a job or reservation outside the scope is not found.
    virtual QList<Job> jobs(const QString &scope) = 0;
    virtual std::optional<Job> job(const QString &scope, const QString &jobId) = 0;
    // The router has checked that nodeId is in the scope and not down.
    virtual Result<Job> submitJob(const JobRequest &request, const QString &nodeId) = 0;
    virtual Result<Job> cancelJob(const QString &jobId) = 0;

    virtual QList<Reservation> reservations(const QString &scope) = 0;
    virtual std::optional<Reservation> reservation(const QString &scope, const QString &reservationId) = 0;
    // The router has checked that the offer is current and has `count` units available.
    virtual Result<Reservation> reserve(const Offer &offer, int count, double hours) = 0;
    virtual Result<Reservation> cancelReservation(const QString &reservationId) = 0;

    // Alarms (docs/node-api.md, "Alarms"). alarmsVersion changes whenever an answer of alarmsSince may.
    virtual qint64 alarmsVersion() = 0;
    virtual AlarmBatch alarmsSince(const QString &scope, const QString &cursor, int limit) = 0;
    virtual bool hasAlarm(const QString &scope, const QString &alarmId) = 0;
    virtual Result<Alarm> acknowledge(const QString &alarmId, const QString &by,
                                      const AckRequest &request) = 0;
    virtual Result<Alarm> unacknowledge(const QString &alarmId) = 0;
    virtual Result<Alarm> comment(const QString &alarmId, const QString &by, const QString &text) = 0;
    // Whether the scope's base URL oversees a node, link or subtree (its alarms and silences).
    virtual bool oversees(const QString &scope, const AlarmSource &source) const = 0;
    virtual QList<Silence> silences(const QString &scope) = 0;
    // The router has checked that the target exists and is overseen by the scope. Like history, the
    // answer may come later (a site's silences live in its Alertmanager): `done` runs exactly once.
    virtual void addSilence(const QString &by, const SilenceRequest &request,
                            std::function<void(Result<Silence>)> done) = 0;
    // 404 when the scope has no such silence; else the scope's silences after the removal.
    virtual void removeSilence(const QString &scope, const QString &silenceId,
                               std::function<void(Result<QList<Silence>>)> done) = 0;

    // History (docs/node-api.md, "History"): one series of a node or link at the instants from,
    // from + step, ... <= to; a point without a value (the node was down, the series unknown then)
    // is empty. The router has checked the range, the step, the number of points and that the
    // entity lies in the scope. The answer may come later (a site asks its time-series database):
    // `done` runs exactly once, on the server's thread. A site that keeps no history answers 404
    // (the default).
    struct HistoryQuery
    {
        enum class Entity { Node, Link };
        Entity entity = Entity::Node;
        QString id;
        QString metric; // a node or link metric name (models/domain/metricnames.h)
        qint64 fromMs = 0;
        qint64 toMs = 0;
        qint64 stepMs = 0;

        qsizetype pointCount() const { return qsizetype((toMs - fromMs) / stepMs + 1); }
    };
    using HistoryResult = Result<QList<std::optional<double>>>;
    virtual void history(const HistoryQuery &query, std::function<void(HistoryResult)> done)
    {
        Q_UNUSED(query);
        done({404, QStringLiteral("This site keeps no history"), {}});
    }

    // Identifier registration (docs/node-api.md, "Identifier registration"): the registry of the nodes
    // under this server's nodes, or nullptr for a site that keeps none (404). The router owns the
    // protocol's rules; approved members served elsewhere join the directory of their parent's scope.
    virtual Registry *registry() { return nullptr; }
};

} // namespace cpn::server
