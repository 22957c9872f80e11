// Every protocol payload parser, on the same bytes: the first byte picks which one leads, all run.
#include "domain/alarmjson.h"
#include "domain/metricscodec.h"
#include "domain/protocoljson.h"
#include "domain/registryjson.h"

#include <QByteArray>

using namespace cpn;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    protocol::parseNode(body);
    protocol::parseNodeDirectory(body);
    protocol::parseLinks(body);
    protocol::parseMetrics(body);
    protocol::parseOffers(body);
    protocol::parseJob(body);
    protocol::parseJobs(body);
    protocol::parseJobRequest(body);
    protocol::parseProblem(body);
    protocol::parseReservation(body);
    protocol::parseReservations(body);
    protocol::parseReservationRequest(body);
    protocol::parseHistory(body);
    protocol::parseAlarm(body);
    protocol::parseAlarmBatch(body);
    protocol::parseSilences(body);
    protocol::parseAckRequest(body);
    protocol::parseCommentRequest(body);
    protocol::parseSilenceRequest(body);
    protocol::parseSilence(body);
    protocol::parseRegistrationRequest(body);
    protocol::parseRegistration(body);
    protocol::parseRegistrations(body);
    protocol::parseRegistryDecision(body, true);
    // The compact (CBOR) metrics, from no base and then against what it decoded.
    protocol::MetricsDecoder decoder;
    protocol::parseMetricsAnswer(body, decoder);
    protocol::parseMetricsAnswer(body, decoder);
    return 0;
}
