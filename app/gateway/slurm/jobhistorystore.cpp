#include "jobhistorystore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace cpn::gateway {

JobHistoryStore::JobHistoryStore(QString path)
    : m_path(std::move(path)),
      m_connectionName(QStringLiteral("cpn-job-history-") + QUuid::createUuid().toString())
{
}

JobHistoryStore::~JobHistoryStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool JobHistoryStore::open()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        m_error = QStringLiteral("cannot open the job history '%1': %2").arg(m_path, db.lastError().text());
        return false;
    }
    return exec(QStringLiteral("PRAGMA journal_mode=WAL")) &&
           exec(QStringLiteral(
               "CREATE TABLE IF NOT EXISTS jobs ("
               " id TEXT PRIMARY KEY, serial INTEGER NOT NULL, slurm_job_id INTEGER NOT NULL,"
               " name TEXT, kind TEXT, node_id TEXT, state TEXT,"
               " progress REAL NOT NULL, accelerator_model TEXT, accelerators INTEGER NOT NULL,"
               " cpu_cores INTEGER NOT NULL, memory_gib REAL NOT NULL, storage_tb REAL NOT NULL,"
               " duration_hours REAL NOT NULL, estimated_cost_cny REAL NOT NULL,"
               " submitted_at_ms INTEGER NOT NULL, started_at_ms INTEGER NOT NULL,"
               " finished_at_ms INTEGER NOT NULL, message TEXT)"));
}

bool JobHistoryStore::exec(const QString &statement)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (query.exec(statement))
        return true;
    m_error = QStringLiteral("job history '%1': %2").arg(m_path, query.lastError().text());
    return false;
}

QList<StoredJob> JobHistoryStore::load()
{
    QList<StoredJob> jobs;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT id, serial, slurm_job_id, name, kind, node_id, state, progress, "
                                   "accelerator_model, accelerators,"
                                   " cpu_cores, memory_gib, storage_tb, duration_hours, estimated_cost_cny, "
                                   "submitted_at_ms, started_at_ms,"
                                   " finished_at_ms, message FROM jobs ORDER BY serial"))) {
        m_error = query.lastError().text();
        return jobs;
    }
    while (query.next()) {
        StoredJob s;
        Job &j = s.job;
        j.id = query.value(0).toString();
        s.serial = query.value(1).toInt();
        s.slurmJobId = query.value(2).toLongLong();
        j.name = query.value(3).toString();
        j.kind = fromWire<JobKind>(query.value(4).toString()).value_or(JobKind::Batch);
        j.nodeId = query.value(5).toString();
        j.state = fromWire<JobState>(query.value(6).toString()).value_or(JobState::Failed);
        j.progress = query.value(7).toDouble();
        j.requirements.acceleratorModel = query.value(8).toString();
        j.requirements.accelerators = query.value(9).toInt();
        j.requirements.cpuCores = query.value(10).toInt();
        j.requirements.memoryGiB = query.value(11).toDouble();
        j.requirements.storageTB = query.value(12).toDouble();
        j.requirements.durationHours = query.value(13).toDouble();
        j.estimatedCostCny = query.value(14).toDouble();
        j.submittedAtMs = query.value(15).toLongLong();
        j.startedAtMs = query.value(16).toLongLong();
        j.finishedAtMs = query.value(17).toLongLong();
        j.message = query.value(18).toString();
        jobs << s;
    }
    return jobs;
}

bool JobHistoryStore::save(const StoredJob &s)
{
    const Job &j = s.job;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(j.id), QVariant(s.serial), QVariant(s.slurmJobId), QVariant(j.name),
          QVariant(toWire(j.kind)), QVariant(j.nodeId), QVariant(toWire(j.state)), QVariant(j.progress),
          QVariant(j.requirements.acceleratorModel), QVariant(j.requirements.accelerators),
          QVariant(j.requirements.cpuCores), QVariant(j.requirements.memoryGiB),
          QVariant(j.requirements.storageTB), QVariant(j.requirements.durationHours),
          QVariant(j.estimatedCostCny), QVariant(j.submittedAtMs), QVariant(j.startedAtMs),
          QVariant(j.finishedAtMs), QVariant(j.message)})
        query.addBindValue(v);
    if (query.exec())
        return true;
    m_error = QStringLiteral("job history '%1': %2").arg(m_path, query.lastError().text());
    return false;
}

int JobHistoryStore::nextSerial()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (query.exec(QStringLiteral("SELECT COALESCE(MAX(serial), 0) + 1 FROM jobs")) && query.next())
        return query.value(0).toInt();
    return 1;
}

} // namespace cpn::gateway
