#pragma once

#include <QByteArray>
#include <QMutex>
#include <QMutexLocker>
#include <QUrl>

#include <optional>

namespace cpn::api {

// The last parsed answer of one endpoint with its ETag: the ETag goes back as If-None-Match, and
// on a 304 the value is handed out again, so an unchanged directory is neither sent nor parsed.
// Thread-safe: answers may be parsed on a worker thread.
template <typename T> class LastAnswer
{
public:
    QByteArray etagFor(const QUrl &url) const
    {
        QMutexLocker lock(&m_mutex);
        return url == m_url ? m_etag : QByteArray();
    }
    std::optional<T> valueFor(const QUrl &url) const
    {
        QMutexLocker lock(&m_mutex);
        return url == m_url && m_value ? m_value : std::nullopt;
    }
    void remember(const QUrl &url, const QByteArray &etag, const T &value)
    {
        QMutexLocker lock(&m_mutex);
        m_url = url;
        m_etag = etag;
        m_value = value;
    }

private:
    mutable QMutex m_mutex;
    QUrl m_url;
    QByteArray m_etag;
    std::optional<T> m_value;
};

} // namespace cpn::api
