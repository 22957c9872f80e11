#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace cpn::auth {

// Where refresh tokens are kept between sessions: the OS keychain through qtkeychain (the Secret
// Service on Linux), else memory only, and the UI says which and why. qtkeychain answers OtherError
// where no Secret Service runs; its insecure fallback (plain QSettings) is never enabled.
// Every keychain call is asynchronous: the UI thread never waits on it.
class TokenVault : public QObject
{
    Q_OBJECT

public:
    enum class Backend { Probe, MemoryOnly };

    // Backend::MemoryOnly never touches the keychain (tests, or a user who wants no persistence).
    explicit TokenVault(const QString &service = QStringLiteral("cpn-console"), Backend backend = Backend::Probe,
                        QObject *parent = nullptr);

    // Asks the keychain whether it works; persistenceChanged() follows. Called by the constructor.
    void probe();
    bool isReady() const { return m_ready; }
    bool isPersistent() const { return m_persistent; }
    // Why tokens are kept in memory only (empty while persistent), translated.
    QString reason() const { return m_reason; }

    // The memory copy is updated at once; the keychain copy follows asynchronously.
    void store(const QString &key, const QByteArray &secret);
    // From memory if present, else from the keychain; `done` runs later, never inside the call.
    void load(const QString &key, std::function<void(const std::optional<QByteArray> &)> done);
    void remove(const QString &key);

Q_SIGNALS:
    void persistenceChanged(bool persistent, const QString &reason);
    void readyChanged();

private:
    void becomeMemoryOnly(const QString &reason);
    void whenReady(std::function<void()> action);

    QString m_service;
    bool m_ready = false;
    bool m_persistent = false;
    QString m_reason;
    QHash<QString, QByteArray> m_memory;
    QList<std::function<void()>> m_waiting; // loads that arrived before the probe answered
};

} // namespace cpn::auth
