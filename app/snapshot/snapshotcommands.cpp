#include "snapshotcommands.h"

#include "alarms/alarmfeed.h"
#include "alarms/alarmstore.h"
#include "api/federationclient.h"
#include "cache/cachedatabase.h"
#include "cache/cachewriter.h"
#include "cache/seriesreader.h"
#include "cache/snapshotexporter.h"
#include "cache/snapshotreader.h"
#include "domain/clock.h"
#include "itemmodels/eventlogmodel.h"
#include "itemmodels/statusevents.h"
#include "state/federationstate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>
#include <QCryptographicHash>
#include <QFile>
#include <QDir>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cerrno>
#include <limits>
#include <signal.h>

namespace cpn::snapshotcli {

namespace {

const char *const kUsage = "Usage: cpn-snapshot record --connect URL [--token T] --seconds N --out FILE "
                           "[--name NAME] [--note TEXT]\n"
                           "  or:  cpn-snapshot verify FILE\n"
                           "  or:  cpn-snapshot info FILE\n"
                           "  or:  cpn-snapshot diff A B\n";

// --help: the usage, then each command (its man page is made from this text by help2man).
const char *const kHelp =
    "Records, verifies, describes and compares CPN snapshots (.cpnsnap files).\n"
    "\n"
    "Commands:\n"
    "  record          Record a federation's directory, metrics and events for --seconds N into --out\n"
    "                  FILE, from the node at --connect URL (token: --token T or CPN_TOKEN). --name and\n"
    "                  --note describe the recording. The file appears only when it is complete.\n"
    "  verify FILE     Check the file's integrity and manifest; prints both hashes. Exit status 0 when\n"
    "                  the snapshot is intact.\n"
    "  info FILE       Describe the snapshot: its span, nodes, links, samples and events.\n"
    "  diff A B        Compare two snapshots: nodes and links added or removed, and utilization.\n"
    "\n"
    "Options:\n"
    "  -h, --help      Show this help.\n"
    "  -v, --version   Show the version.\n"
    "\n"
    "Exit status: 0 on success, 1 when a file is refused or a recording fails, 2 on a usage error.\n";

QString percent(double fraction) { return QString::number(fraction * 100, 'f', 1) + QLatin1Char('%'); }

QString points(double delta)
{
    return (delta >= 0 ? QStringLiteral("+") : QString()) + QString::number(delta * 100, 'f', 1) + QStringLiteral(" pp");
}

// Opens a snapshot or prints why not, on one line.
bool openSnapshot(cache::SnapshotReader &reader, const QString &file, QTextStream &err)
{
    if (reader.open(file))
        return true;
    err << file << ": " << reader.errorString() << Qt::endl;
    return false;
}

} // namespace

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err, const QString &tokenFromEnvironment)
{
    const QString command = arguments.value(1);
    const QStringList rest = arguments.mid(2);
    if (command == QLatin1String("record"))
        return record(arguments.mid(1), out, err, tokenFromEnvironment);
    if (command == QLatin1String("verify") && rest.size() == 1)
        return verify(rest.at(0), out, err);
    if (command == QLatin1String("info") && rest.size() == 1)
        return info(rest.at(0), out, err);
    if (command == QLatin1String("diff") && rest.size() == 2)
        return diff(rest.at(0), rest.at(1), out, err);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        out << kUsage << '\n' << kHelp;
        return Ok;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    err << kUsage;
    return Usage;
}

// The working directory of a recording in $TMPDIR, and the file in it naming the process that owns it.
const char *const kWorkPrefix = "cpn-snapshot-record-";
const char *const kOwnerFile = "owner.pid";

// Removes the working directories of recordings whose process is gone. One without its owner file is
// left for a minute: its recording may have just started.
void removeAbandonedRecordings(QTextStream &err)
{
    const QDir temp(QDir::tempPath());
    const QFileInfoList dirs =
        temp.entryInfoList({QLatin1String(kWorkPrefix) + u'*'}, QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    for (const QFileInfo &dir : dirs) {
        QFile owner(dir.filePath() + u'/' + QLatin1String(kOwnerFile));
        bool alive = false;
        if (owner.open(QIODevice::ReadOnly)) {
            bool ok = false;
            const qint64 pid = owner.read(32).trimmed().toLongLong(&ok);
            alive = ok && pid > 0 && pid <= std::numeric_limits<pid_t>::max() &&
                    (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
        } else {
            alive = dir.lastModified().secsTo(QDateTime::currentDateTime()) < 60;
        }
        if (alive)
            continue;
        if (QDir(dir.filePath()).removeRecursively())
            err << "cpn-snapshot: removed the working files of an interrupted recording: " << dir.filePath()
                << Qt::endl;
    }
}

int record(const QStringList &arguments, QTextStream &out, QTextStream &err, const QString &tokenFromEnvironment)
{
    QCommandLineParser parser;
    const QCommandLineOption connectOption(QStringLiteral("connect"), QStringLiteral("Federation root URL."),
                                           QStringLiteral("url"));
    const QCommandLineOption tokenOption(QStringLiteral("token"), QStringLiteral("Bearer token (or CPN_TOKEN)."),
                                         QStringLiteral("token"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("How long to record."),
                                           QStringLiteral("n"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("The snapshot file to write."),
                                       QStringLiteral("file"));
    const QCommandLineOption nameOption(QStringLiteral("name"), QStringLiteral("Snapshot name."), QStringLiteral("name"));
    const QCommandLineOption noteOption(QStringLiteral("note"), QStringLiteral("Snapshot note."), QStringLiteral("text"));
    const QCommandLineOption plainHttpOption(QStringLiteral("allow-plain-http"),
                                             QStringLiteral("Allow http:// to hosts other than loopback."));
    parser.addOptions({connectOption, tokenOption, secondsOption, outOption, nameOption, noteOption, plainHttpOption});
    bool secondsOk = false;
    if (!parser.parse(QStringList{QStringLiteral("cpn-snapshot")} + arguments.mid(1))) {
        err << parser.errorText() << Qt::endl;
        return Usage;
    }
    const int seconds = parser.value(secondsOption).toInt(&secondsOk);
    const QUrl url(parser.value(connectOption), QUrl::StrictMode);
    if (!parser.isSet(connectOption) || !url.isValid() || url.scheme().isEmpty() || !secondsOk || seconds < 1
        || seconds > 7 * 24 * 3600 || parser.value(outOption).isEmpty() || !parser.positionalArguments().isEmpty()) {
        err << kUsage;
        return Usage;
    }
    const QString outFile = parser.value(outOption);

    // A recording killed (-9, a power cut) leaves its working cache behind: removed at the next start.
    removeAbandonedRecordings(err);
    QTemporaryDir work(QDir::tempPath() + u'/' + QLatin1String(kWorkPrefix) + QStringLiteral("XXXXXX"));
    QFile owner(work.filePath(QLatin1String(kOwnerFile)));
    if (!work.isValid() || !owner.open(QIODevice::WriteOnly) ||
        owner.write(QByteArray::number(QCoreApplication::applicationPid())) <= 0) {
        err << "cannot create a temporary directory in " << QDir::tempPath() << Qt::endl;
        return Failed;
    }
    owner.close();
    const QString cachePath = cache::CacheDatabase::defaultPathIn(work.path());
    SystemClock clock;
    api::registerMetaTypes();
    QStringList problems;
    {
        cache::CacheWriter::Options writerOptions;
        writerOptions.path = cachePath;
        writerOptions.retentionIntervalMs = 0;
        cache::CacheWriter writer(writerOptions);
        if (!writer.waitUntilOpen()) {
            err << "cannot create the recording cache in " << work.path() << Qt::endl;
            return Failed;
        }

        QNetworkAccessManager network;
        network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        network.setAutoDeleteReplies(true);
        api::ClientOptions options;
        options.token = parser.isSet(tokenOption) ? parser.value(tokenOption) : tokenFromEnvironment;
        options.allowPlainHttp = parser.isSet(plainHttpOption);
        api::FederationClient client(&network, url, options, clock);

        // The directory is stamped when it arrived, as the console's cache does: samples of the
        // first answer may be older, and a replay starts at the first moment with both.
        QObject::connect(&client, &api::FederationClient::directoryChanged, &writer,
                         [&](const QList<Node> &nodes, const QList<Link> &links) {
                             writer.ingestDirectory(nodes, links, clock.nowMs());
                         });
        QObject::connect(&client, &api::FederationClient::metricsReceived, &writer,
                         &cache::CacheWriter::ingestMetrics);
        QObject::connect(&client, &api::FederationClient::problem, &writer, [&](const QString &message) {
            problems << message;
            err << "cpn-snapshot: " << message << Qt::endl;
            writer.ingestEvent({clock.nowMs(), 1, url.host(), message});
        });

        // The events the console's operators would have read: the same rules (StatusEvents) over the
        // same state, fed by this client and evaluated once a second, recorded as they are told.
        FederationState state(clock);
        EventLogModel events;
        StatusEvents statusEvents(&state, &events);
        const QString rootId = url.toString();
        QObject::connect(&client, &api::FederationClient::directoryChanged, &state,
                         [&](const QList<Node> &nodes, const QList<Link> &links) {
                             state.setRootDirectory(rootId, nodes, links);
                         });
        QObject::connect(&client, &api::FederationClient::metricsReceived, &state, &FederationState::ingest);
        QObject::connect(&client, &api::FederationClient::statusChanged, &statusEvents,
                         [&](const api::EndpointStatus &status) {
                             statusEvents.addRoot(rootId, status.label);
                             statusEvents.setRootHealth(rootId, status.state, status.lastError);
                         });
        QObject::connect(
            &events, &QAbstractItemModel::rowsInserted, &writer,
            [&](const QModelIndex &, int first, int last) {
                for (int row = first; row <= last; ++row) {
                    const EventLogModel::Event &event = events.eventAt(row);
                    writer.ingestEvent({event.timeMs, int(event.severity), event.source, event.message});
                }
            });
        QTimer evaluation;
        evaluation.setInterval(1000);
        QObject::connect(&evaluation, &QTimer::timeout, &statusEvents, [&] {
            state.refresh();
            statusEvents.evaluate();
        });
        evaluation.start();

        // The root's alarms, as the console records them: every revision it sends, for the replay,
        // Compare and the handover report. A token without alarms:read records none (one line says so).
        alarms::AlarmStore alarmStore;
        alarms::AlarmFeed alarmFeed(client.rootClient(), &alarmStore, clock);
        QObject::connect(&alarmFeed, &alarms::AlarmFeed::revisionsReceived, &writer,
                         &cache::CacheWriter::ingestAlarms);
        QObject::connect(&alarmFeed, &alarms::AlarmFeed::pollFailed, &writer, [&](const QString &message) {
            err << "cpn-snapshot: alarms not recorded: " << message << Qt::endl;
        });

        client.start();
        alarmFeed.start();
        QEventLoop loop;
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        alarmFeed.stop();
        client.stop();
        if (!writer.flushAndWait()) {
            err << "writing the recording failed" << Qt::endl;
            return Failed;
        }
    }

    cache::ContentSummary summary;
    {
        cache::CacheDatabase db;
        if (db.open(cachePath, cache::CacheDatabase::uniqueConnectionName(QStringLiteral("cpn.snapshot.reader")),
                    cache::CacheDatabase::Role::Reader))
            summary = cache::SeriesReader(db.handle()).summary();
    }
    if (summary.rawSamples == 0) {
        err << "no metrics received from " << url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString()
            << " in " << seconds << " s" << (problems.isEmpty() ? QString() : QStringLiteral(": ") + problems.last())
            << Qt::endl;
        return Failed;
    }
    cache::SnapshotRequest request;
    request.name = parser.isSet(nameOption) ? parser.value(nameOption) : QFileInfo(outFile).completeBaseName();
    request.note = parser.value(noteOption);
    request.fromMs = summary.fromMs;
    request.toMs = summary.toMs;
    request.endpoints = {url.toString()};
    request.createdBy = QStringLiteral("cpn-snapshot %1").arg(QCoreApplication::applicationVersion());
    QString error;
    cache::snapshot::Manifest manifest;
    if (!cache::SnapshotExporter::exportRange(cachePath, outFile, request, &error, &manifest)) {
        err << outFile << ": " << error << Qt::endl;
        return Failed;
    }
    cache::SnapshotReader written;
    const qint64 events = written.open(outFile) ? written.summary().events : 0;
    out << outFile << ": recorded " << summary.rawSamples << " samples of " << summary.series << " series, "
        << events << (events == 1 ? " event" : " events") << " and " << summary.alarms
        << (summary.alarms == 1 ? " alarm" : " alarms") << " from "
        << isoTime(manifest.fromMs) << " to " << isoTime(manifest.toMs) << Qt::endl;
    return Ok;
}

int verify(const QString &file, QTextStream &out, QTextStream &err)
{
    cache::SnapshotReader reader;
    if (!openSnapshot(reader, file, err))
        return Failed;
    // The manifest's checksum covers the content (what verification recomputes), not the file's bytes,
    // which SQLite may lay out differently for the same content: both are printed, named.
    QFile bytes(file);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!bytes.open(QIODevice::ReadOnly) || !hash.addData(&bytes)) {
        err << file << ": cannot read it again to hash it: " << bytes.errorString() << Qt::endl;
        return Failed;
    }
    out << file << ": ok (format " << reader.manifest().formatVersion << ", content sha256 "
        << reader.manifest().checksum << ", file sha256 " << hash.result().toHex() << ")" << Qt::endl;
    return Ok;
}

QString formatManifest(const cache::snapshot::Manifest &m)
{
    QString text;
    QTextStream s(&text);
    s << "name:           " << m.name << '\n';
    if (!m.note.isEmpty())
        s << "note:           " << QString(m.note).replace(QLatin1Char('\n'), QLatin1Char(' ')) << '\n';
    s << "format:         " << m.formatVersion << '\n';
    s << "time range:     " << isoTime(m.fromMs) << " .. " << isoTime(m.toMs) << " ("
      << QString::number(double(m.toMs - m.fromMs) / 1000.0, 'f', 1) << " s)\n";
    s << "endpoints:      " << m.endpoints.join(QStringLiteral(", ")) << '\n';
    s << "created by:     " << m.createdBy << '\n';
    s << "created at:     " << isoTime(m.createdAtMs) << '\n';
    s << "content sha256: " << m.checksum << '\n';
    return text;
}

int info(const QString &file, QTextStream &out, QTextStream &err)
{
    cache::SnapshotReader reader;
    if (!openSnapshot(reader, file, err))
        return Failed;
    const cache::ContentSummary c = reader.summary();
    const cache::ReplayState end = reader.stateAt(reader.manifest().toMs);
    out << formatManifest(reader.manifest());
    out << "nodes:          " << end.nodes.size() << " at the end (" << c.nodeVersions << " directory versions)\n";
    out << "links:          " << end.links.size() << " at the end (" << c.linkVersions << " directory versions)\n";
    out << "series:         " << c.series << '\n';
    out << "samples:        " << c.rawSamples << " raw, " << c.minuteSamples << " 1-minute, " << c.hourSamples
        << " 1-hour\n";
    if (c.fromMs)
        out << "samples span:   " << isoTime(c.fromMs) << " .. " << isoTime(c.toMs) << '\n';
    out << "offers:         " << c.offers << '\n';
    out << "jobs:           " << c.jobs << '\n';
    out << "events:         " << c.events << '\n';
    out << "alarms:         " << c.alarms << " (" << c.alarmRevisions << " revisions), " << end.alarms.size()
        << " listed at the end" << Qt::endl;
    return Ok;
}

QString formatDiff(const cache::DiffResult &d, const QString &nameA, const QString &nameB)
{
    QString text;
    QTextStream s(&text);
    s << "from " << nameA << " at " << isoTime(d.fromMs) << '\n';
    s << "to   " << nameB << " at " << isoTime(d.toMs) << '\n';
    s << "nodes that changed status: " << d.statusChanges.size() << '\n';
    const QString noData = QStringLiteral("no data");
    for (const auto &c : d.statusChanges)
        s << "  " << c.nodeId << ": " << (c.reportedBefore ? toWire(c.before) : noData) << " -> "
          << (c.reportedAfter ? toWire(c.after) : noData) << '\n';
    s << "nodes added: " << d.nodesAdded.size()
      << (d.nodesAdded.isEmpty() ? QString() : QStringLiteral(" (") + d.nodesAdded.join(QStringLiteral(", ")) + QLatin1Char(')'))
      << '\n';
    s << "nodes removed: " << d.nodesRemoved.size()
      << (d.nodesRemoved.isEmpty() ? QString()
                                   : QStringLiteral(" (") + d.nodesRemoved.join(QStringLiteral(", ")) + QLatin1Char(')'))
      << '\n';
    s << "links that changed status: " << d.linkStatusChanges.size() << '\n';
    for (const auto &c : d.linkStatusChanges)
        s << "  " << c.id << " (" << c.label << "): " << toWire(c.before) << " -> " << toWire(c.after)
          << '\n';
    s << "links whose utilization moved most: " << d.linkChanges.size() << '\n';
    for (const auto &c : d.linkChanges)
        s << "  " << c.id << " (" << c.label << "): " << percent(c.before) << " -> " << percent(c.after) << " ("
          << points(c.delta()) << ")\n";
    s << "regions whose utilization moved most: " << d.regionChanges.size() << '\n';
    for (const auto &c : d.regionChanges)
        s << "  " << c.id << ": " << percent(c.before) << " -> " << percent(c.after) << " (" << points(c.delta())
          << ")\n";
    s << "jobs started: " << d.jobsStarted.size() << '\n';
    for (const Job &j : d.jobsStarted)
        s << "  " << j.id << " on " << j.nodeId << " at " << isoTime(j.startedAtMs) << '\n';
    s << "jobs finished: " << d.jobsFinished.size() << '\n';
    for (const Job &j : d.jobsFinished)
        s << "  " << j.id << " on " << j.nodeId << " at " << isoTime(j.finishedAtMs) << " (" << toWire(j.state) << ")\n";
    s << "alarm changes: " << d.alarmChanges.size() << '\n';
    using What = cache::DiffResult::AlarmChange::What;
    for (const auto &c : d.alarmChanges) {
        const char *what = c.what == What::Raised         ? "raised"
                           : c.what == What::Cleared      ? "cleared"
                           : c.what == What::Acknowledged ? "acknowledged"
                                                          : "unacknowledged";
        s << "  " << what << ": " << c.alarm.id << ' ' << toWire(c.alarm.severity) << ' '
          << toWire(c.alarm.kind) << " on " << c.alarm.source.id << " (" << c.origin << ')';
        if (c.atMs > 0)
            s << " at " << isoTime(c.atMs);
        if (c.what == What::Acknowledged && c.alarm.ack)
            s << " by " << c.alarm.ack->by;
        s << '\n';
    }
    return text;
}

int diff(const QString &a, const QString &b, QTextStream &out, QTextStream &err)
{
    cache::SnapshotReader first;
    cache::SnapshotReader second;
    if (!openSnapshot(first, a, err) || !openSnapshot(second, b, err))
        return Failed;
    // Each snapshot at its last moment: "how things stood at the end of A and at the end of B".
    const cache::ReplayState before = first.stateAt(first.manifest().toMs);
    const cache::ReplayState after = second.stateAt(second.manifest().toMs);
    out << formatDiff(cache::SnapshotDiff::compare(before, after), first.manifest().name, second.manifest().name)
        << Qt::flush;
    return Ok;
}

} // namespace cpn::snapshotcli
