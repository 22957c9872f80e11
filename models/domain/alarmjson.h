#pragma once

#include "domain/alarm.h"
#include "domain/protocoljson.h"

#include <QJsonObject>

// The JSON of the alarm endpoints (docs/node-api.md, "Alarms"), both ways, as strict as the rest of
// protocoljson.h: a console parses what any node sends with these.
namespace cpn::protocol {

inline constexpr int kMaxAlarmsPerAnswer = 10000;
inline constexpr int kMaxAlarmComments = 100;
inline constexpr int kMaxCommentLength = 1000;
inline constexpr int kMaxSummaryLength = 256;
inline constexpr int kMaxSilences = 1000;
inline constexpr int kMaxReasonLength = 500;
inline constexpr int kMaxUserLength = 128;

Parsed<Alarm> parseAlarm(const QByteArray &body);
Parsed<AlarmBatch> parseAlarmBatch(const QByteArray &body);
Parsed<Silence> parseSilence(const QByteArray &body);
Parsed<QList<Silence>> parseSilences(const QByteArray &body);
// Requests; "until in the future" is the node's check, not the parser's.
Parsed<AckRequest> parseAckRequest(const QByteArray &body);
Parsed<AlarmComment> parseCommentRequest(const QByteArray &body); // only text is read
Parsed<SilenceRequest> parseSilenceRequest(const QByteArray &body);

QJsonObject toJson(const Alarm &alarm);
QJsonObject toJson(const AlarmBatch &batch);
QJsonObject toJson(const Silence &silence);
QJsonObject toJson(const AckRequest &request);
QJsonObject toJson(const SilenceRequest &request);

} // namespace cpn::protocol
