#pragma once

#include "domain/metrics.h"
#include "domain/protocoljson.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QStringList>

#include <optional>

// The compact metrics encoding of docs/node-api.md ("Compact metrics: application/cbor"): every
// value an integer at the protocol's precision, entities by position instead of by id, and each
// tick only the fields that changed since the tick before (the first tick of an answer against
// the client's cursor, or a keyframe when the client holds nothing).
namespace cpn::protocol {

inline constexpr char kCborContentType[] = "application/cbor";
// A compact answer decodes to at most this many samples, however small it is on the wire.
inline constexpr qsizetype kMaxDecodedSamples = 4'000'000;

// One entity of a tick as integers: node fields status, cpu, memory, storage (1e-4), powerKw (0.1),
// queuedJobs, runningJobs, then one utilization per model of `layout` (1e-4); link fields status,
// abGbps, baGbps (0.1), latencyMs (0.01), lossPct (0.001).
struct CompactEntity
{
    bool present = false;
    QString id;
    QStringList layout; // accelerator models of a node, in order
    QList<qint64> values;
};

// What a delta is computed against: one tick of one scope, entities at fixed positions (the order
// of the scope's directory and links).
struct CompactTick
{
    qint64 tsMs = 0;
    QList<CompactEntity> nodes;
    QList<CompactEntity> links;
};

CompactEntity compact(const NodeSample &sample);
CompactEntity compact(const LinkSample &sample);

// One encoded tick: the CBOR map {ts, nodes, links}, against `previous` or, without it, a keyframe.
QByteArray encodeTick(const CompactTick &current, const CompactTick *previous);
// The whole answer around ticks encoded by encodeTick(); `base` is the cursor the first tick is a
// delta against, empty when it is a keyframe.
QByteArray encodeMetrics(const MetricsBatch &envelope, const QString &base, const QList<QByteArray> &ticks);

// Decodes compact answers of one endpoint into full samples. It holds the state of the last tick
// it decoded: answers must be decoded in the order they were asked for. Thread-safe.
class MetricsDecoder
{
public:
    // The cursor whose state is held (empty: none): a request may ask for deltas against it.
    QString cursor() const;
    Parsed<MetricsBatch> decode(const QByteArray &body);
    // Forgets the state, e.g. after a JSON answer: the next compact answer must be a keyframe.
    void reset();

private:
    Parsed<MetricsBatch> decodeLocked(const QByteArray &body);

    mutable QMutex m_mutex;
    QByteArray m_lastBody;
    std::optional<Parsed<MetricsBatch>> m_last;
    CompactTick m_state;
    QString m_cursor;
};

// A metrics answer in either encoding, told apart by its first byte: a compact answer is a CBOR
// map (0xa0-0xbf), JSON starts with '{' or white space. A JSON answer resets the decoder.
Parsed<MetricsBatch> parseMetricsAnswer(const QByteArray &body, MetricsDecoder &decoder);

} // namespace cpn::protocol
