#include "responsecache.h"

#include "domain/gzip.h"

#include <QHashFunctions>

namespace cpn::server {
namespace {
constexpr qsizetype kMinGzipBytes = 1024; // smaller answers gain less than the header costs
}

QByteArray ResponseCache::etagOf(const QByteArray &body)
{
    // Two seeds make a 128-bit tag: a changed body never passes for the old one in practice.
    const size_t a = qHashBits(body.constData(), size_t(body.size()), 0x9e3779b9);
    const size_t b = qHashBits(body.constData(), size_t(body.size()), 0x7f4a7c15);
    return '"' + QByteArray::number(quint64(a), 16) + '-' + QByteArray::number(quint64(b), 16) + '"';
}

ResponseCache::Entry &ResponseCache::get(const QString &key, qint64 version, const QByteArray &contentType,
                                         const Build &build)
{
    if (!m_enabled) {
        m_scratch = Entry{version, contentType, build(), {}, {}, false};
        return m_scratch;
    }
    auto it = m_entries.find(key);
    if (it != m_entries.end() && it->version == version && it->contentType == contentType)
        return *it;
    if (it != m_entries.end()) {
        m_bytes -= it->body.size() + it->gzipped.size();
        m_entries.erase(it);
    }
    QByteArray body = build();
    makeRoom(body.size());
    m_bytes += body.size();
    Entry &entry = m_entries[key];
    entry = Entry{version, contentType, std::move(body), {}, {}, false};
    return entry;
}

void ResponseCache::makeRoom(qsizetype bytes)
{
    // Start over: the entries worth keeping are those of the current tick, rebuilt at the next ask.
    if (m_entries.size() >= kMaxEntries || m_bytes + bytes > kMaxBytes) {
        m_entries.clear();
        m_bytes = 0;
    }
}

const QByteArray &ResponseCache::etag(Entry &entry)
{
    if (entry.etag.isEmpty())
        entry.etag = etagOf(entry.body);
    return entry.etag;
}

const QByteArray &ResponseCache::gzipped(Entry &entry)
{
    if (!entry.gzipTried) {
        entry.gzipTried = true;
        if (entry.body.size() >= kMinGzipBytes) {
            entry.gzipped = cpn::gzip(entry.body);
            if (entry.gzipped.size() >= entry.body.size())
                entry.gzipped.clear();
            if (&entry != &m_scratch)
                m_bytes += entry.gzipped.size();
        }
    }
    return entry.gzipped;
}

} // namespace cpn::server
