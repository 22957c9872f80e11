#pragma once

// What the integration tests on a real site (the `site` CTest fixture, scripts/services/start-site.sh)
// share: its site.env, and waiting on a condition that a real service makes true in its own time.

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <QTest>

#include <functional>
#include <initializer_list>

namespace cpn::testing {

// The KEY='value' lines of the site.env named by CPN_SITE_ENV; empty, with `error` set, without one.
inline QHash<QString, QString> readSiteEnv(QString *error)
{
    const QString path = qEnvironmentVariable("CPN_SITE_ENV");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("no site.env at '%1' (CPN_SITE_ENV)").arg(path);
        return {};
    }
    static const QRegularExpression line(QStringLiteral(R"(^([A-Z_]+)='?([^']*)'?$)"));
    QHash<QString, QString> env;
    for (const QString &text : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const QRegularExpressionMatch match = line.match(text);
        if (match.hasMatch())
            env.insert(match.captured(1), match.captured(2));
    }
    return env;
}

// The first of `keys` the site.env lacks (empty when it has them all): what a test needs of the site.
inline QString missingSiteKey(const QHash<QString, QString> &env, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        if (env.value(QString::fromLatin1(key)).isEmpty())
            return QString::fromLatin1(key);
    }
    return {};
}

// Polls `condition` (running the event loop between polls) until it holds or timeoutMs pass.
inline bool eventually(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(200);
    }
    return true;
}

// Sets each fake GPU's utilization (percent) in the site's exporter values file (DCGM_VALUES_FILE),
// rewritten whole: the exporter must never read half a file. False when the file is not the fixture's
// 24 GPUs or cannot be written.
inline bool setGpuUtilization(const QHash<QString, QString> &env,
                              const std::function<int(const QString &host, int gpu)> &utilization)
{
    const QString path = env.value(QStringLiteral("DCGM_VALUES_FILE"));
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    QJsonObject values = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray gpus = values.value(QStringLiteral("gpus")).toArray();
    if (gpus.size() != 24)
        return false;
    for (qsizetype i = 0; i < gpus.size(); ++i) {
        QJsonObject gpu = gpus.at(i).toObject();
        gpu[QStringLiteral("util")] =
            utilization(gpu.value(QStringLiteral("Hostname")).toString(), gpu.value(QStringLiteral("gpu")).toInt());
        gpus.replace(i, gpu);
    }
    values[QStringLiteral("gpus")] = gpus;
    QSaveFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(QJsonDocument(values).toJson()) > 0 && out.commit();
}

} // namespace cpn::testing
