#pragma once

#include "domain/job.h"

#include <QList>
#include <QString>

namespace cpn::gateway {

// A protocol job and the Slurm job that runs it (0 until slurmrestd accepted it).
struct StoredJob
{
    Job job;
    qint64 slurmJobId = 0;
    int serial = 0; // the number in the job's id, unique at this site
};

// The gateway's own record of every job submitted through it, in a SQLite file: Slurm forgets finished
// jobs after MinJobAge (there is no slurmdbd), and the gateway restarts.
class JobHistoryStore
{
public:
    explicit JobHistoryStore(QString path);
    ~JobHistoryStore();
    JobHistoryStore(const JobHistoryStore &) = delete;
    JobHistoryStore &operator=(const JobHistoryStore &) = delete;

    // False (and error() says why) when the file cannot be opened or created.
    bool open();
    QString error() const { return m_error; }
    QString path() const { return m_path; }

    QList<StoredJob> load();
    // Inserts or replaces the job with that id.
    bool save(const StoredJob &stored);
    // The next serial: one more than any stored.
    int nextSerial();

private:
    bool exec(const QString &statement);

    QString m_path;
    QString m_connectionName;
    QString m_error;
};

} // namespace cpn::gateway
