#pragma once

#include <QByteArray>

#include <optional>

namespace cpn {

// gzip (RFC 1952) of data, as Content-Encoding: gzip sends it; empty if zlib fails.
QByteArray gzip(const QByteArray &data);

// The data a gzip stream holds. nullopt when the stream is broken or would inflate past maxBytes
// (*tooLarge then says which), so a small hostile answer never becomes a huge buffer.
std::optional<QByteArray> gunzip(const QByteArray &compressed, qint64 maxBytes, bool *tooLarge = nullptr);

} // namespace cpn
