#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cpn {

// What an alarm or a silence is about (docs/node-api.md, "Alarms").
struct AlarmSource
{
    enum class Kind { Node, Link, Endpoint, Subtree };
    Kind kind = Kind::Node;
    QString id; // a node id, a link id, or the node whose endpoint (base URL) or subtree is meant
    friend bool operator==(const AlarmSource &, const AlarmSource &) = default;
};

struct AlarmAck
{
    QString by; // the user name of the token that acknowledged
    qint64 atMs = 0;
    QString comment;
    qint64 untilMs = 0; // 0: until the alarm clears
    friend bool operator==(const AlarmAck &, const AlarmAck &) = default;
};

struct AlarmComment
{
    QString by;
    qint64 atMs = 0;
    QString text;
    friend bool operator==(const AlarmComment &, const AlarmComment &) = default;
};

// One cause of trouble, raised by a node: a hub that goes down is one alarm listing the nodes
// under it in `affected`, not one alarm per node.
struct Alarm
{
    // SiteAlert: raised by the site's own monitoring (an Alertmanager alert); the summary says what.
    enum class Kind { NodeDown, LinkDown, LinkCongested, LatencyAboveTarget, UtilizationHigh, EndpointSlow, SiteAlert };
    enum class Severity { Critical, Major, Minor, Warning, Info }; // most severe first
    enum class State { Active, Cleared };

    QString id;
    AlarmSource source;
    Kind kind = Kind::NodeDown;
    Severity severity = Severity::Major;
    QString summary;      // short English text; clients translate by kind
    QStringList affected; // node ids
    qint64 raisedAtMs = 0;
    qint64 clearedAtMs = 0; // 0 while active
    State state = State::Active;
    std::optional<AlarmAck> ack;
    bool silenced = false;
    QList<AlarmComment> comments; // oldest first
    qint64 revision = 0;          // grows with every change
    friend bool operator==(const Alarm &, const Alarm &) = default;
};

// GET /api/v1/alarms: every alarm changed after the cursor, or the whole set with reset.
struct AlarmBatch
{
    QString cursor;
    qint64 serverTimeMs = 0;
    bool reset = false;
    bool more = false; // the answer was cut: ask again at once with cursor
    qint64 clearedWindowMs = 0;
    QList<Alarm> alarms;
};

// A maintenance window: alarms whose source lies in the target are listed as silenced.
struct Silence
{
    QString id;
    AlarmSource target; // node, link or subtree
    qint64 fromMs = 0;
    qint64 untilMs = 0;
    QString reason;
    QString createdBy;
    qint64 createdAtMs = 0;
    friend bool operator==(const Silence &, const Silence &) = default;
};

struct AckRequest
{
    QString comment;
    qint64 untilMs = 0; // 0: until cleared
};

struct SilenceRequest
{
    AlarmSource target;
    qint64 fromMs = 0; // 0: now
    qint64 untilMs = 0;
    QString reason;
};

QString toWire(AlarmSource::Kind kind);
QString toWire(Alarm::Kind kind);
QString toWire(Alarm::Severity severity);
QString toWire(Alarm::State state);

} // namespace cpn
