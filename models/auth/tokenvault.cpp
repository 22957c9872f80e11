#include "auth/tokenvault.h"

#include "auth/authlogging.h"

#include <QCoreApplication>
#include <QPointer>
#include <qt6keychain/keychain.h>

namespace cpn::auth {
namespace {

const QString kProbeKey = QStringLiteral("cpn-console-probe");

template <typename JobT> JobT *newJob(const QString &service, const QString &key, QObject *parent)
{
    auto *job = new JobT(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // it would write the secret into plain QSettings
    job->setKey(key);
    return job;
}

} // namespace

TokenVault::TokenVault(const QString &service, Backend backend, QObject *parent)
    : QObject(parent), m_service(service)
{
    if (backend == Backend::MemoryOnly) {
        m_ready = true;
        m_reason = tr("this session keeps tokens in memory only");
        return;
    }
    probe();
}

void TokenVault::probe()
{
    m_ready = false;
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, kProbeKey, this);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *job) {
        const QKeychain::Error error = job->error();
        if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
            m_persistent = true;
            m_reason.clear();
            qCInfo(lcAuth) << "tokens are kept in the OS keychain";
        } else {
            const QString reason = error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError
                                       ? tr("no keychain service is running (%1)").arg(job->errorString())
                                       : tr("the keychain refused access (%1)").arg(job->errorString());
            m_persistent = false;
            m_reason = reason;
            qCWarning(lcAuth).noquote() << "tokens are kept in memory only:" << reason;
        }
        m_ready = true;
        Q_EMIT persistenceChanged(m_persistent, m_reason);
        Q_EMIT readyChanged();
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &action : waiting)
            action();
    });
    job->start();
}

void TokenVault::becomeMemoryOnly(const QString &reason)
{
    if (!m_persistent)
        return;
    m_persistent = false;
    m_reason = reason;
    qCWarning(lcAuth).noquote() << "tokens are kept in memory only from now on:" << reason;
    Q_EMIT persistenceChanged(false, reason);
}

void TokenVault::whenReady(std::function<void()> action)
{
    if (m_ready)
        QMetaObject::invokeMethod(this, std::move(action), Qt::QueuedConnection);
    else
        m_waiting.append(std::move(action));
}

void TokenVault::store(const QString &key, const QByteArray &secret)
{
    m_memory.insert(key, secret);
    whenReady([this, key, secret] {
        if (!m_persistent)
            return;
        auto *job = newJob<QKeychain::WritePasswordJob>(m_service, key, this);
        job->setBinaryData(secret);
        connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *job) {
            if (job->error() != QKeychain::NoError)
                becomeMemoryOnly(tr("the keychain could not store a token (%1)").arg(job->errorString()));
        });
        job->start();
    });
}

void TokenVault::load(const QString &key, std::function<void(const std::optional<QByteArray> &)> done)
{
    whenReady([this, key, done = std::move(done)] {
        if (m_memory.contains(key) || !m_persistent) {
            done(m_memory.contains(key) ? std::optional(m_memory.value(key)) : std::nullopt);
            return;
        }
        auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, key, this);
        connect(job, &QKeychain::Job::finished, this, [this, key, done](QKeychain::Job *job) {
            auto *read = static_cast<QKeychain::ReadPasswordJob *>(job);
            if (read->error() == QKeychain::NoError) {
                m_memory.insert(key, read->binaryData());
                done(read->binaryData());
                return;
            }
            if (read->error() != QKeychain::EntryNotFound)
                qCWarning(lcAuth).noquote() << "the keychain could not be read:" << read->errorString();
            done(std::nullopt);
        });
        job->start();
    });
}

void TokenVault::remove(const QString &key)
{
    m_memory.remove(key);
    whenReady([this, key] {
        if (!m_persistent)
            return;
        auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, key, this);
        connect(job, &QKeychain::Job::finished, this, [](QKeychain::Job *job) {
            if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
                qCWarning(lcAuth).noquote() << "the keychain could not forget a token:" << job->errorString();
        });
        job->start();
    });
}

} // namespace cpn::auth
