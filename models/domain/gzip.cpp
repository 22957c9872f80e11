#include "domain/gzip.h"

#include <zlib.h>

#include <algorithm>

namespace cpn {
namespace {
// 15 window bits + 16: a gzip header and trailer instead of zlib's.
constexpr int kGzipWindowBits = 15 + 16;
} // namespace

QByteArray gzip(const QByteArray &data)
{
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return rc == Z_STREAM_END ? out : QByteArray();
}

std::optional<QByteArray> gunzip(const QByteArray &compressed, qint64 maxBytes, bool *tooLarge)
{
    if (tooLarge)
        *tooLarge = false;
    z_stream z{};
    if (inflateInit2(&z, kGzipWindowBits) != Z_OK)
        return std::nullopt;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    z.avail_in = uInt(compressed.size());
    QByteArray out;
    // Answers compress about 5:1; growing from there costs a few reallocations at most.
    out.resize(qsizetype(std::clamp<qint64>(qint64(compressed.size()) * 6, 4096, std::max<qint64>(maxBytes, 1))));
    qint64 produced = 0;
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (produced == out.size()) {
            if (produced >= maxBytes) {
                // Full at the limit: one byte more to come means too large.
                unsigned char probe = 0;
                z.next_out = &probe;
                z.avail_out = 1;
                rc = inflate(&z, Z_NO_FLUSH);
                if (z.avail_out == 0) {
                    if (tooLarge)
                        *tooLarge = true;
                    rc = Z_BUF_ERROR;
                }
                break;
            }
            out.resize(qsizetype(std::min<qint64>(qint64(out.size()) * 2, maxBytes)));
        }
        z.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        z.avail_out = uInt(out.size() - produced);
        rc = inflate(&z, Z_NO_FLUSH);
        produced = qint64(out.size()) - z.avail_out;
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END)
        return std::nullopt;
    out.resize(qsizetype(produced));
    return out;
}

} // namespace cpn
