#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <bitset>
#include <map>
#include <utility>

struct sqlite3;

// Raw samples are stored by time (docs/cache.md, "Why SQLite this way"): one row per tick and block
// of kSeriesPerBlock consecutive series ids, so that a tick is an append at the end of the table
// rather than one insert per series into its own part of a B-tree.
namespace cpn::cache::sampleblock {

// 240 series a row: with the federation's values at ~2 bytes a slot a row is ~600 bytes, under
// SQLite's 1,002-byte local payload of a WITHOUT ROWID table on 4 KiB pages (docs/cache.md).
inline constexpr int kSeriesPerBlock = 240;

inline qint64 blockOf(qint64 seriesId)
{
    return (seriesId - 1) / kSeriesPerBlock;
}
inline int slotOf(qint64 seriesId)
{
    return int((seriesId - 1) % kSeriesPerBlock);
}
inline qint64 seriesIdOf(qint64 block, int slot)
{
    return block * kSeriesPerBlock + slot + 1;
}

// The values of one block at one tick, by slot.
struct Values
{
    std::array<double, kSeriesPerBlock> value{};
    std::bitset<kSeriesPerBlock> present;
};

// Encoding: one byte n (slots used, the highest present slot + 1), then 4 bits per slot saying how
// its value is stored (absent; a 16- or 32-bit integer over a power of ten; a float; a double:
// sampleblock.cpp), then the values in slot order, little-endian. Exact: what is written reads
// back bit for bit.
QByteArray encode(const Values &values);
// False when the bytes are not a block (a damaged or foreign row): nothing is added then.
bool decode(const char *data, int size, Values *values);
// The value of one slot without decoding the others; false when absent or malformed.
bool valueAt(const char *data, int size, int slot, double *value);

// Collects samples by (ts, block) and writes them as rows, in key order: sample_blocks (one row
// per tick and block) and sample_ticks (one row per tick, with its sample count). A sample for a
// (series, ts) already stored is ignored, as the row-per-sample layout's INSERT OR IGNORE did.
class Writer
{
public:
    explicit Writer(sqlite3 *db);
    void add(qint64 seriesId, qint64 ts, double value);
    qint64 pendingSamples() const { return m_pendingSamples; }
    // Writes every pending row inside the caller's transaction; false with *error set on failure.
    bool flush(QString *error);
    void clear();

private:
    sqlite3 *m_db;
    std::map<std::pair<qint64, qint64>, Values> m_pending; // (ts, block)
    std::pair<qint64, qint64> m_lastKey{-1, -1};
    Values *m_last = nullptr;
    qint64 m_pendingSamples = 0;
};

} // namespace cpn::cache::sampleblock

namespace cpn::cache::sampleblock {

// Schema step 3: moves the rows of the former `samples` table (series_id, ts, value) into blocks,
// a minute of all series at a time (a minute of 66,776 series is ~35 MB in memory).
bool convertRowSamples(sqlite3 *db, QString *error);

} // namespace cpn::cache::sampleblock
