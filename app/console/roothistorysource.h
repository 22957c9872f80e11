#pragma once

#include "charts/historysource.h"

#include <QPointer>

#include <functional>

namespace cpn::api {
class NodeApiClient;
}

namespace cpn::console {

// The charts' history: the local cache first, and for the part of a chart's window before what the
// cache holds, the root that serves the node or link (GET /history, docs/node-api.md), so a console
// started this morning charts yesterday. Region totals come from the cache alone (no node keeps them).
class RootHistorySource : public charts::HistorySource
{
    Q_OBJECT

public:
    // The root client that serves a node's or link's series, or nullptr.
    using ClientFor = std::function<api::NodeApiClient *(const charts::SeriesKey &key)>;
    // About this many points are asked of a root for a window (a step of at least 1 s).
    static constexpr qint64 kRootPoints = 720;

    RootHistorySource(charts::HistorySource *cache, ClientFor clientFor, QObject *parent = nullptr);

    void readSeries(const charts::SeriesKey &key, qint64 fromMs, qint64 toMs, QObject *context,
                    Done done) override;
    void readAlarms(qint64 fromMs, qint64 toMs, QObject *context, AlarmsDone done) override;

private:
    QPointer<charts::HistorySource> m_cache;
    ClientFor m_clientFor;
};

} // namespace cpn::console
