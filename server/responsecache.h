#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>

namespace cpn::server {

// Encoded answers kept while what they show is unchanged, so every console asking the same
// question gets the same bytes and the server builds them once. An entry is valid for one
// `version` of its data (a tick's sequence number, a revision of the faults, ...).
class ResponseCache
{
public:
    struct Entry
    {
        qint64 version = -1;
        QByteArray contentType;
        QByteArray body;
        QByteArray etag;    // quoted, strong; built on first demand
        QByteArray gzipped; // built on first demand
        bool gzipTried = false;
    };
    using Build = std::function<QByteArray()>;

    // A disabled cache builds every answer again (cpn-nodesim --no-response-cache, for comparison).
    explicit ResponseCache(bool enabled = true) : m_enabled(enabled) {}
    bool enabled() const { return m_enabled; }

    // The entry of key at version, built by build() when missing or older.
    Entry &get(const QString &key, qint64 version, const QByteArray &contentType, const Build &build);
    const QByteArray &etag(Entry &entry);
    // The gzip of entry's body, computed once per entry; empty when it would not be smaller.
    const QByteArray &gzipped(Entry &entry);

    static QByteArray etagOf(const QByteArray &body);

private:
    // Bounds on what is kept: answers of many distinct questions (odd cursors) or old ticks are
    // dropped rather than allowed to grow the server.
    static constexpr int kMaxEntries = 256;
    static constexpr qsizetype kMaxBytes = 128 * 1024 * 1024;

    void makeRoom(qsizetype bytes);

    bool m_enabled;
    QHash<QString, Entry> m_entries;
    qsizetype m_bytes = 0; // bodies and their gzip, all entries
    Entry m_scratch;       // the answer of a disabled cache
};

} // namespace cpn::server
