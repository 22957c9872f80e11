#pragma once

// What the integration tests on a real site (the `site` CTest fixture, scripts/services/start-site.sh)
// share: its site.env, and waiting on a condition that a real service makes true in its own time.

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <QTest>

#include <functional>

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

} // namespace cpn::testing
