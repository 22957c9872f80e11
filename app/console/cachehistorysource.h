#pragma once

#include "charts/historysource.h"

#include <QPointer>

namespace cpn::cache {
class CacheReader;
}

namespace cpn::console {

// The charts' history read from the console's cache: what the widgets see of SQLite.
class CacheHistorySource : public charts::HistorySource
{
    Q_OBJECT

public:
    // reader must outlive the source or be gone before a read; without it reads never answer.
    explicit CacheHistorySource(cache::CacheReader *reader, QObject *parent = nullptr);

    void readSeries(const charts::SeriesKey &key, qint64 fromMs, qint64 toMs, QObject *context,
                    Done done) override;
    void readAlarms(qint64 fromMs, qint64 toMs, QObject *context, AlarmsDone done) override;

private:
    QPointer<cache::CacheReader> m_reader;
};

} // namespace cpn::console
