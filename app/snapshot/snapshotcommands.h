#pragma once

#include "cache/snapshotdiff.h"
#include "cache/snapshotformat.h"

#include <QString>
#include <QStringList>

class QTextStream;

// The commands of cpn-snapshot, callable from tests. Exit codes: 0 done, 1 refused or failed
// (with a one-line reason on `err`), 2 a usage error. Other tools call these exact command lines:
//   cpn-snapshot record --connect URL [--token T] --seconds N --out FILE [--name NAME] [--note TEXT]
//   cpn-snapshot verify FILE
//   cpn-snapshot info FILE
//   cpn-snapshot diff A B
namespace cpn::snapshotcli {

enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

// arguments[0] is the program name; the token may also come from CPN_TOKEN.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err, const QString &tokenFromEnvironment);

int record(const QStringList &arguments, QTextStream &out, QTextStream &err, const QString &tokenFromEnvironment);
int verify(const QString &file, QTextStream &out, QTextStream &err);
int info(const QString &file, QTextStream &out, QTextStream &err);
int diff(const QString &a, const QString &b, QTextStream &out, QTextStream &err);

// Plain text of a comparison, as `diff` prints it (the UI formats the same struct its own way).
QString formatDiff(const cache::DiffResult &diff, const QString &nameA, const QString &nameB);
QString formatManifest(const cache::snapshot::Manifest &manifest);
QString isoTime(qint64 ms);

} // namespace cpn::snapshotcli
