#include "cache/sampleblock.h"

#include "cache/sqlite.h"

#include <QtEndian>

#include <sqlite3.h>

#include <cmath>
#include <cstring>
#include <limits>

namespace cpn::cache::sampleblock {

namespace {

// A slot's code (4 bits): how its value is stored.
//   0           absent
//   1 + k       a 16-bit integer i, the value being exactly i / 10^k (k = 0..4)
//   6 + k       a 32-bit integer i, likewise
//   11          a float that holds the value exactly
//   12          a double
// The federation's figures carry a few decimals (utilizations to 4, power and traffic to 1,
// latency to 2; counts and states are integers), so most slots take 2 bytes; every double still
// round-trips bit for bit.
constexpr int kAbsent = 0;
constexpr int kInt16 = 1;
constexpr int kInt32 = 6;
constexpr int kFloat = 11;
constexpr int kDouble = 12;
constexpr int kScales = 5;
constexpr double kPow10[kScales] = {1, 10, 100, 1000, 10000};

int codeAt(const unsigned char *codes, int slot)
{
    return (codes[slot / 2] >> ((slot % 2) * 4)) & 15;
}

int sizeOf(int code)
{
    if (code == kAbsent)
        return 0;
    if (code < kInt32)
        return 2;
    if (code < kFloat)
        return 4;
    return code == kFloat ? 4 : code == kDouble ? 8 : -1;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// The code for v and its bytes (little-endian) in *bits.
int encodeValue(double v, quint64 *bits)
{
    if (std::isfinite(v) && std::abs(v) < 2.0e9) {
        for (int k = 0; k < kScales; ++k) {
            const double scaled = v * kPow10[k];
            if (std::abs(scaled) > 2147483647.0)
                break;
            const qint64 i = std::llround(scaled);
            if (!sameBits(double(i) / kPow10[k], v))
                continue;
            *bits = quint64(quint32(qint32(i)));
            return (i >= -32768 && i <= 32767 ? kInt16 : kInt32) + k;
        }
    }
    const float f = float(v);
    if (sameBits(double(f), v)) {
        quint32 b;
        std::memcpy(&b, &f, sizeof b);
        *bits = b;
        return kFloat;
    }
    std::memcpy(bits, &v, sizeof v);
    return kDouble;
}

double decodeValue(const unsigned char *p, int code)
{
    if (code < kInt32)
        return double(qFromLittleEndian<qint16>(p)) / kPow10[code - kInt16];
    if (code < kFloat)
        return double(qFromLittleEndian<qint32>(p)) / kPow10[code - kInt32];
    if (code == kFloat) {
        const quint32 bits = qFromLittleEndian<quint32>(p);
        float f;
        std::memcpy(&f, &bits, sizeof f);
        return f;
    }
    const quint64 bits = qFromLittleEndian<quint64>(p);
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

// The header's length, or -1 when the bytes cannot be a block.
int headerSize(const char *data, int size)
{
    if (size < 1)
        return -1;
    const int n = static_cast<unsigned char>(data[0]);
    const int header = 1 + (n + 1) / 2;
    return n <= kSeriesPerBlock && header <= size ? header : -1;
}

} // namespace

QByteArray encode(const Values &values)
{
    int n = 0;
    for (int slot = kSeriesPerBlock - 1; slot >= 0; --slot) {
        if (values.present[size_t(slot)]) {
            n = slot + 1;
            break;
        }
    }
    const int header = 1 + (n + 1) / 2;
    QByteArray out(header + n * 8, '\0');
    auto *bytes = reinterpret_cast<unsigned char *>(out.data());
    bytes[0] = static_cast<unsigned char>(n);
    int offset = header;
    for (int slot = 0; slot < n; ++slot) {
        if (!values.present[size_t(slot)])
            continue;
        quint64 bits = 0;
        const int code = encodeValue(values.value[size_t(slot)], &bits);
        bytes[1 + slot / 2] |= static_cast<unsigned char>(code << ((slot % 2) * 4));
        const int size = sizeOf(code);
        bits = qToLittleEndian(bits);
        std::memcpy(bytes + offset, &bits, size_t(size)); // the low bytes: little-endian
        offset += size;
    }
    out.truncate(offset);
    return out;
}

bool decode(const char *data, int size, Values *values)
{
    const int header = headerSize(data, size);
    if (header < 0)
        return false;
    const int n = static_cast<unsigned char>(data[0]);
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    int offset = header;
    for (int slot = 0; slot < n; ++slot) {
        const int code = codeAt(bytes + 1, slot);
        const int length = sizeOf(code);
        if (length < 0 || offset + length > size)
            return false;
        if (length) {
            values->value[size_t(slot)] = decodeValue(bytes + offset, code);
            values->present.set(size_t(slot));
        }
        offset += length;
    }
    return offset == size;
}

bool valueAt(const char *data, int size, int slot, double *value)
{
    const int header = headerSize(data, size);
    if (header < 0 || slot >= static_cast<unsigned char>(data[0]))
        return false;
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    // The bytes of two slots at a time, from a table of each code byte's two lengths.
    static const std::array<int, 256> pairLength = [] {
        std::array<int, 256> t{};
        for (int b = 0; b < 256; ++b) {
            const int lo = sizeOf(b & 15);
            const int hi = sizeOf(b >> 4);
            t[size_t(b)] = lo < 0 || hi < 0 ? -100000 : lo + hi;
        }
        return t;
    }();
    int offset = header;
    for (int pair = 0; pair < slot / 2; ++pair)
        offset += pairLength[bytes[1 + pair]];
    if (slot % 2)
        offset += sizeOf(codeAt(bytes + 1, slot - 1));
    if (offset < header)
        return false; // an unknown code before the slot
    const int code = codeAt(bytes + 1, slot);
    const int length = sizeOf(code);
    if (length <= 0 || offset + length > size)
        return false;
    *value = decodeValue(bytes + offset, code);
    return true;
}

Writer::Writer(sqlite3 *db) : m_db(db) {}

void Writer::add(qint64 seriesId, qint64 ts, double value)
{
    const std::pair<qint64, qint64> key{ts, blockOf(seriesId)};
    if (!m_last || key != m_lastKey) {
        m_last = &m_pending[key];
        m_lastKey = key;
    }
    const size_t slot = size_t(slotOf(seriesId));
    if (m_last->present[slot])
        return; // the first sample of a (series, ts) stays, as a stored one does
    m_last->present.set(slot);
    m_last->value[slot] = value;
    ++m_pendingSamples;
}

void Writer::clear()
{
    m_pending.clear();
    m_last = nullptr;
    m_pendingSamples = 0;
}

bool Writer::flush(QString *error)
{
    if (m_pending.empty())
        return true;
    sql::Statement insert(
        m_db, "INSERT INTO sample_blocks(ts, block, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    sql::Statement stored(m_db, "SELECT data FROM sample_blocks WHERE ts = ? AND block = ?");
    sql::Statement update(m_db, "UPDATE sample_blocks SET data = ? WHERE ts = ? AND block = ?");
    sql::Statement tick(m_db, "INSERT INTO sample_ticks(ts, samples) VALUES (?, ?) "
                              "ON CONFLICT(ts) DO UPDATE SET samples = samples + excluded.samples");
    auto failed = [&](const sql::Statement &s) {
        *error =
            QStringLiteral("writing samples: %1").arg(s.error().isEmpty() ? sql::lastError(m_db) : s.error());
        return false;
    };
    qint64 tickTs = 0;
    qint64 tickSamples = 0;
    auto writeTick = [&] {
        if (tickSamples == 0)
            return true;
        tick.bind(1, tickTs);
        tick.bind(2, tickSamples);
        return tick.run();
    };
    for (auto &[key, values] : m_pending) {
        if (key.first != tickTs) {
            if (!writeTick())
                return failed(tick);
            tickTs = key.first;
            tickSamples = 0;
        }
        insert.bind(1, key.first);
        insert.bind(2, key.second);
        insert.bindBlob(3, encode(values));
        if (!insert.run())
            return failed(insert);
        if (sqlite3_changes(m_db) > 0) {
            tickSamples += qint64(values.present.count());
            continue;
        }
        // A row of that tick and block is stored already (a batch of the same tick in an earlier
        // transaction): its values stay, the new ones fill its gaps.
        stored.bind(1, key.first);
        stored.bind(2, key.second);
        Values merged;
        if (stored.step()) {
            const QByteArray data = stored.blob(0);
            decode(data.constData(), int(data.size()), &merged);
        }
        stored.reset();
        const auto added = values.present & ~merged.present;
        for (size_t slot = 0; slot < size_t(kSeriesPerBlock); ++slot) {
            if (added[slot])
                merged.value[slot] = values.value[slot];
        }
        merged.present |= added;
        tickSamples += qint64(added.count());
        update.bindBlob(1, encode(merged));
        update.bind(2, key.first);
        update.bind(3, key.second);
        if (!update.run())
            return failed(update);
    }
    if (!writeTick())
        return failed(tick);
    clear();
    return true;
}

} // namespace cpn::cache::sampleblock

namespace cpn::cache::sampleblock {

bool convertRowSamples(sqlite3 *db, QString *error)
{
    constexpr qint64 kWindowMs = 60 * 1000;
    // The earliest sample at or after ?1, by one key seek per series.
    sql::Statement next(
        db, "SELECT min(f) FROM (SELECT (SELECT ts FROM samples s WHERE s.series_id = r.series_id "
            "AND s.ts >= ?1 ORDER BY ts LIMIT 1) AS f FROM series r)");
    sql::Statement series(db, "SELECT series_id FROM series ORDER BY series_id");
    sql::Statement rows(
        db, "SELECT ts, value FROM samples WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts");
    if (!next.isValid() || !series.isValid() || !rows.isValid()) {
        *error = QStringLiteral("converting samples: %1").arg(sql::lastError(db));
        return false;
    }
    QList<qint64> ids;
    while (series.step())
        ids.append(series.int64(0));
    Writer writer(db);
    qint64 from = std::numeric_limits<qint64>::min();
    for (;;) {
        next.bind(1, from);
        const bool more = next.step() && !next.isNull(0);
        from = more ? next.int64(0) : 0;
        next.reset();
        if (!more)
            return true;
        const qint64 to = from + kWindowMs;
        for (const qint64 id : std::as_const(ids)) {
            rows.bind(1, id);
            rows.bind(2, from);
            rows.bind(3, to);
            while (rows.step())
                writer.add(id, rows.int64(0), rows.real(1));
            rows.reset();
        }
        if (!writer.flush(error))
            return false;
        from = to;
    }
}

} // namespace cpn::cache::sampleblock
