#pragma once

#include "domain/job.h"
#include "domain/jsonreader.h"
#include "domain/link.h"
#include "domain/metrics.h"
#include "domain/node.h"
#include "domain/offer.h"
#include "domain/problem.h"
#include "domain/reservation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <algorithm>
#include <optional>

// The JSON shapes of docs/node-api.md, both ways. Parsers are strict: wrong types, missing fields,
// non-finite or out-of-range numbers, over-long strings and oversized arrays are rejected with a
// message naming the offending field. Writers produce exactly what the parsers accept.
namespace cpn::protocol {

// Caps on what a client accepts; a directory of the synthetic 2,000-node federation is ~1.5 MB.
// kMaxBodyBytes is the floor of the answer limit, which grows with the federation up to
// kMaxBodyBytesCeiling (answerLimitBytes()).
inline constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;
// Timestamps are refused past the year 9999, in every encoding.
inline constexpr qint64 kMaxEpochMs = 253402300799999;
inline constexpr qsizetype kMaxBodyBytesCeiling = 512 * 1024 * 1024;
inline constexpr int kMaxNodes = 100000;
inline constexpr int kMaxLinks = 500000; // five a node, as the synthetic federation has
inline constexpr int kMaxOffers = 100000;
inline constexpr int kMaxJobs = 10000;
inline constexpr int kMaxReservations = 10000;

// The answer limit grows with the federation instead of standing at a fixed wall: a metrics
// answer may take kMetricsBytesPerNode for each node of the directory the client knows (one JSON
// tick costs about 1 KB a node), a directory kDirectoryBytesPerNode for each node it may list,
// the links kBytesPerLink for each link.
inline constexpr qsizetype kMetricsBytesPerNode = 4096;
inline constexpr qsizetype kDirectoryBytesPerNode = 1536;
inline constexpr qsizetype kBytesPerLink = 256;
constexpr qsizetype metricsLimitBytes(qsizetype knownNodes, qsizetype floor = kMaxBodyBytes)
{
    return std::clamp(knownNodes * kMetricsBytesPerNode, std::min(floor, kMaxBodyBytesCeiling),
                      kMaxBodyBytesCeiling);
}
constexpr qsizetype directoryLimitBytes()
{
    return std::clamp(kMaxNodes * kDirectoryBytesPerNode, kMaxBodyBytes, kMaxBodyBytesCeiling);
}
constexpr qsizetype linksLimitBytes()
{
    return std::clamp(kMaxLinks * kBytesPerLink, kMaxBodyBytes, kMaxBodyBytesCeiling);
}

template <typename T> class Parsed
{
public:
    static Parsed success(T value)
    {
        Parsed p;
        p.m_value = std::move(value);
        return p;
    }
    static Parsed failure(QString error)
    {
        Parsed p;
        p.m_error = std::move(error);
        return p;
    }
    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    QString error() const { return m_error; }

private:
    std::optional<T> m_value;
    QString m_error;
};

struct NodeDirectory
{
    QList<Node> nodes;
    qint64 generatedAtMs = 0;
};

// GET /history (docs/node-api.md): a series' points in time order; a point without a value is
// empty (a gap in what the node knows).
struct HistoryAnswer
{
    QList<std::pair<qint64, std::optional<double>>> points;
};
constexpr qsizetype kMaxHistoryPoints = 11000;
constexpr qsizetype historyLimitBytes()
{
    return kMaxHistoryPoints * 48 + 4096;
}
Parsed<HistoryAnswer> parseHistory(const QByteArray &body);

// A whole body read by `read(JsonReader &, const QJsonObject &)`: size cap, syntax, a top-level object, then
// the reader's first violation, if any (the parsers of alarmjson.h and registryjson.h).
template <typename T, typename Read> Parsed<T> parseBody(const QByteArray &body, qsizetype maxBytes, Read read)
{
    QString error;
    const auto object = parseObject(body, maxBytes, &error);
    if (!object)
        return Parsed<T>::failure(error);
    JsonReader r;
    T value = read(r, *object);
    if (!r.ok())
        return Parsed<T>::failure(r.error());
    return Parsed<T>::success(std::move(value));
}

Parsed<Node> parseNode(const QByteArray &body);
Parsed<NodeDirectory> parseNodeDirectory(const QByteArray &body);
Parsed<QList<Link>> parseLinks(const QByteArray &body);
Parsed<MetricsBatch> parseMetrics(const QByteArray &body);
Parsed<QList<Offer>> parseOffers(const QByteArray &body);
Parsed<Job> parseJob(const QByteArray &body);
Parsed<QList<Job>> parseJobs(const QByteArray &body);
Parsed<JobRequest> parseJobRequest(const QByteArray &body);
Parsed<Problem> parseProblem(const QByteArray &body);
Parsed<Reservation> parseReservation(const QByteArray &body);
Parsed<QList<Reservation>> parseReservations(const QByteArray &body);
Parsed<ReservationRequest> parseReservationRequest(const QByteArray &body);

QJsonObject toJson(const Node &node);
QJsonObject toJson(const Link &link);
QJsonObject toJson(const NodeSample &sample);
QJsonObject toJson(const LinkSample &sample);
QJsonObject toJson(const MetricsBatch &batch);
QJsonObject toJson(const Offer &offer);
QJsonObject toJson(const JobRequirements &requirements);
QJsonObject toJson(const JobRequest &request);
QJsonObject toJson(const Job &job);
QJsonObject toJson(const Problem &problem);
QJsonObject toJson(const Reservation &reservation);
QJsonObject toJson(const ReservationRequest &request);

QByteArray toBody(const QJsonObject &object); // compact UTF-8

} // namespace cpn::protocol
