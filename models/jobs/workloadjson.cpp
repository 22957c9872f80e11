#include "jobs/workloadjson.h"

#include "domain/jsonreader.h"
#include "domain/provinces.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace cpn::jobs::workloadjson {

namespace {

const QString kFormat = QStringLiteral("cpn-workload-queue");
using State = QueuedWorkload::State;

const QStringList &stateNames()
{
    // "submitting" is never written: see readWorkload().
    static const QStringList names{QStringLiteral("queued"), QStringLiteral("planned"),
                                   QStringLiteral("submitted"), QStringLiteral("refused")};
    return names;
}

QString stateName(State state)
{
    switch (state) {
    case State::Queued:
    case State::Submitting:
        return QStringLiteral("queued");
    case State::Planned:
        return QStringLiteral("planned");
    case State::Submitted:
        return QStringLiteral("submitted");
    case State::Refused:
        return QStringLiteral("refused");
    }
    return QStringLiteral("queued");
}

// Unknown keys are refused: a misspelt "budgetCNY" must not silently mean "no budget".
void onlyKeys(JsonReader &reader, const QJsonObject &o, const QStringList &allowed)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!allowed.contains(it.key())) {
            reader.failAt(it.key(), QStringLiteral("unknown field"));
            return;
        }
    }
}

QString province(JsonReader &reader, const QJsonObject &o, const QString &key)
{
    const QString iso = reader.string(o, key, 8);
    if (reader.ok() && !provinceByIso(iso))
        reader.failAt(key, QStringLiteral("not an ISO 3166-2:CN province code"));
    return iso;
}

placement::Location readLocation(JsonReader &reader, const QJsonObject &parent, const QString &key)
{
    const QJsonValue v = parent.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    const QJsonObject o = reader.object(parent, key);
    JsonReader::Scope scope(reader, key);
    onlyKeys(reader, o, {QStringLiteral("node"), QStringLiteral("province"), QStringLiteral("lat"),
                         QStringLiteral("lon")});
    if (!reader.ok())
        return {};
    if (o.contains(QStringLiteral("node"))) {
        if (o.size() != 1) {
            reader.fail(QStringLiteral("a node location has no province or coordinates"));
            return {};
        }
        return placement::Location::atNode(reader.identifier(o, QStringLiteral("node")));
    }
    const QString iso = province(reader, o, QStringLiteral("province"));
    if (o.contains(QStringLiteral("lat")) || o.contains(QStringLiteral("lon"))) {
        const double lat = reader.number(o, QStringLiteral("lat"), 3, 54);
        const double lon = reader.number(o, QStringLiteral("lon"), 73, 136);
        return placement::Location::at(iso, lat, lon);
    }
    return reader.ok() ? placement::Location::inProvince(iso) : placement::Location{};
}

QJsonValue writeLocation(const placement::Location &l)
{
    switch (l.kind) {
    case placement::Location::Kind::None:
        return QJsonValue::Null;
    case placement::Location::Kind::Node:
        return QJsonObject{{QStringLiteral("node"), l.nodeId}};
    case placement::Location::Kind::Place: {
        // A province's capital is written as the province alone.
        if (placement::Location::inProvince(l.province) == l)
            return QJsonObject{{QStringLiteral("province"), l.province}};
        return QJsonObject{{QStringLiteral("province"), l.province}, {QStringLiteral("lat"), l.lat},
                           {QStringLiteral("lon"), l.lon}};
    }
    }
    return QJsonValue::Null;
}

QueuedWorkload readWorkload(JsonReader &reader, const QJsonObject &o)
{
    onlyKeys(reader, o,
             {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("requirements"),
              QStringLiteral("acceleratorModels"), QStringLiteral("data"), QStringLiteral("dataTB"),
              QStringLiteral("users"), QStringLiteral("maxLatencyMs"), QStringLiteral("residencyProvinces"),
              QStringLiteral("deadline"), QStringLiteral("budgetCny"), QStringLiteral("preferGreen"),
              QStringLiteral("weights"), QStringLiteral("splittable"), QStringLiteral("maxSplitNodes"),
              QStringLiteral("state"), QStringLiteral("plannedNode"), QStringLiteral("plannedProvince"),
              QStringLiteral("jobId"), QStringLiteral("reason")});
    QueuedWorkload item;
    placement::Workload &w = item.workload;
    item.id = reader.identifier(o, QStringLiteral("id"));
    w.name = reader.string(o, QStringLiteral("name"), 128).trimmed();
    if (reader.ok() && w.name.isEmpty())
        reader.failAt(QStringLiteral("name"), QStringLiteral("empty"));
    w.kind = fromWire<JobKind>(reader.oneOf(o, QStringLiteral("kind"), wireNames<JobKind>())).value_or(JobKind::Batch);

    const QJsonObject r = reader.object(o, QStringLiteral("requirements"));
    {
        JsonReader::Scope scope(reader, QStringLiteral("requirements"));
        onlyKeys(reader, r,
                 {QStringLiteral("acceleratorModel"), QStringLiteral("accelerators"), QStringLiteral("cpuCores"),
                  QStringLiteral("memoryGiB"), QStringLiteral("storageTB"), QStringLiteral("durationHours")});
        JobRequirements &q = w.requirements;
        q.acceleratorModel = reader.optionalIdentifier(r, QStringLiteral("acceleratorModel"));
        q.accelerators = int(reader.optionalInteger(r, QStringLiteral("accelerators"), 0, 100'000, 0));
        q.cpuCores = int(reader.optionalInteger(r, QStringLiteral("cpuCores"), 0, 10'000'000, 0));
        q.memoryGiB = reader.optionalNumber(r, QStringLiteral("memoryGiB"), 0, 1e9, 0);
        q.storageTB = reader.optionalNumber(r, QStringLiteral("storageTB"), 0, 1e6, 0);
        // The protocol's range: more than nothing, at most a leap year.
        q.durationHours = reader.number(r, QStringLiteral("durationHours"), 0, 8784);
        if (reader.ok() && q.durationHours <= 0)
            reader.failAt(QStringLiteral("durationHours"), QStringLiteral("expected more than 0"));
    }
    if (o.contains(QStringLiteral("acceleratorModels"))) {
        const QJsonArray models = reader.array(o, QStringLiteral("acceleratorModels"), 16);
        JsonReader::Scope scope(reader, QStringLiteral("acceleratorModels"));
        for (int i = 0; i < models.size() && reader.ok(); ++i) {
            const QString model = models.at(i).toString();
            if (!models.at(i).isString() || !JsonReader::isIdentifier(model))
                reader.fail(QStringLiteral("[%1]: expected an accelerator model slug").arg(i));
            else
                w.acceleratorModels << model;
        }
    }
    if (reader.ok() && w.requirements.accelerators > 0 && w.acceptedModels().isEmpty())
        reader.failAt(QStringLiteral("requirements.acceleratorModel"),
                      QStringLiteral("accelerators are needed but no model is named (acceleratorModel or "
                                     "acceleratorModels)"));

    w.dataLocation = readLocation(reader, o, QStringLiteral("data"));
    w.dataTB = reader.optionalNumber(o, QStringLiteral("dataTB"), 0, 1e6, 0);
    w.usersLocation = readLocation(reader, o, QStringLiteral("users"));
    w.maxLatencyMs = reader.optionalNumber(o, QStringLiteral("maxLatencyMs"), 0, 100'000, 0);
    if (o.contains(QStringLiteral("residencyProvinces"))) {
        const QJsonArray list = reader.array(o, QStringLiteral("residencyProvinces"), 64);
        JsonReader::Scope scope(reader, QStringLiteral("residencyProvinces"));
        for (int i = 0; i < list.size() && reader.ok(); ++i) {
            if (!list.at(i).isString() || !provinceByIso(list.at(i).toString()))
                reader.fail(QStringLiteral("[%1]: not an ISO 3166-2:CN province code").arg(i));
            else
                w.residencyProvinces.insert(list.at(i).toString());
        }
    }
    const QString deadline = reader.optionalString(o, QStringLiteral("deadline"), 40);
    if (reader.ok() && !deadline.isEmpty()) {
        const QDateTime when = QDateTime::fromString(deadline, Qt::ISODate);
        if (!when.isValid() || when.timeSpec() == Qt::LocalTime)
            reader.failAt(QStringLiteral("deadline"),
                          QStringLiteral("expected an ISO 8601 time with a zone, e.g. 2026-12-01T18:00:00Z"));
        else
            w.deadlineMs = when.toMSecsSinceEpoch();
    }
    w.budgetCny = reader.optionalNumber(o, QStringLiteral("budgetCny"), 0, 1e12, 0);
    w.preferGreen = reader.boolean(o, QStringLiteral("preferGreen"), false);
    if (o.contains(QStringLiteral("weights"))) {
        const QJsonObject weights = reader.object(o, QStringLiteral("weights"));
        JsonReader::Scope scope(reader, QStringLiteral("weights"));
        onlyKeys(reader, weights,
                 {QStringLiteral("cost"), QStringLiteral("transfer"), QStringLiteral("latency"),
                  QStringLiteral("headroom"), QStringLiteral("energy")});
        placement::ScoreWeights &s = w.weights;
        s.cost = reader.optionalNumber(weights, QStringLiteral("cost"), 0, 100, s.cost);
        s.transfer = reader.optionalNumber(weights, QStringLiteral("transfer"), 0, 100, s.transfer);
        s.latency = reader.optionalNumber(weights, QStringLiteral("latency"), 0, 100, s.latency);
        s.headroom = reader.optionalNumber(weights, QStringLiteral("headroom"), 0, 100, s.headroom);
        s.energy = reader.optionalNumber(weights, QStringLiteral("energy"), 0, 100, s.energy);
        if (reader.ok() && s.sum() <= 0)
            reader.fail(QStringLiteral("the weights add up to 0"));
    }
    w.splittable = reader.boolean(o, QStringLiteral("splittable"), false);
    w.maxSplitNodes = int(reader.optionalInteger(o, QStringLiteral("maxSplitNodes"), 1, 64, 1));

    const QString state = o.contains(QStringLiteral("state")) ? reader.oneOf(o, QStringLiteral("state"), stateNames())
                                                               : QStringLiteral("queued");
    if (state == QLatin1String("planned")) {
        item.state = State::Planned;
        item.plannedNodeId = reader.optionalIdentifier(o, QStringLiteral("plannedNode"));
        if (o.contains(QStringLiteral("plannedProvince")))
            item.plannedProvince = province(reader, o, QStringLiteral("plannedProvince"));
        if (reader.ok() && item.plannedNodeId.isEmpty() && item.plannedProvince.isEmpty())
            reader.failAt(QStringLiteral("plannedNode"), QStringLiteral("a planned workload names its node or province"));
    } else if (state == QLatin1String("submitted")) {
        item.state = State::Submitted;
        item.plannedNodeId = reader.identifier(o, QStringLiteral("plannedNode"));
        item.jobId = reader.string(o, QStringLiteral("jobId"), 128);
        if (reader.ok() && item.jobId.isEmpty())
            reader.failAt(QStringLiteral("jobId"), QStringLiteral("empty"));
    } else if (state == QLatin1String("refused")) {
        item.state = State::Refused;
        item.reason = reader.optionalString(o, QStringLiteral("reason"), 1024);
    }
    // Fields that belong to another state are a sign of a hand-edited file gone wrong.
    if (reader.ok()) {
        const auto stray = [&](const QString &key, bool allowed) {
            if (!allowed && o.contains(key))
                reader.failAt(key, QStringLiteral("not allowed in state \"%1\"").arg(state));
        };
        stray(QStringLiteral("plannedNode"), item.state == State::Planned || item.state == State::Submitted);
        stray(QStringLiteral("plannedProvince"), item.state == State::Planned);
        stray(QStringLiteral("jobId"), item.state == State::Submitted);
        stray(QStringLiteral("reason"), item.state == State::Refused);
    }
    return item;
}

QJsonObject writeWorkload(const QueuedWorkload &item)
{
    const placement::Workload &w = item.workload;
    QJsonObject o;
    o.insert(QStringLiteral("id"), item.id);
    o.insert(QStringLiteral("name"), w.name);
    o.insert(QStringLiteral("kind"), toWire(w.kind));
    QJsonObject r;
    const JobRequirements &q = w.requirements;
    if (!q.acceleratorModel.isEmpty())
        r.insert(QStringLiteral("acceleratorModel"), q.acceleratorModel);
    r.insert(QStringLiteral("accelerators"), q.accelerators);
    r.insert(QStringLiteral("cpuCores"), q.cpuCores);
    r.insert(QStringLiteral("memoryGiB"), q.memoryGiB);
    r.insert(QStringLiteral("storageTB"), q.storageTB);
    r.insert(QStringLiteral("durationHours"), q.durationHours);
    o.insert(QStringLiteral("requirements"), r);
    if (!w.acceleratorModels.isEmpty())
        o.insert(QStringLiteral("acceleratorModels"), QJsonArray::fromStringList(w.acceleratorModels));
    if (w.dataLocation.isSet())
        o.insert(QStringLiteral("data"), writeLocation(w.dataLocation));
    if (w.dataTB > 0)
        o.insert(QStringLiteral("dataTB"), w.dataTB);
    if (w.usersLocation.isSet())
        o.insert(QStringLiteral("users"), writeLocation(w.usersLocation));
    if (w.maxLatencyMs > 0)
        o.insert(QStringLiteral("maxLatencyMs"), w.maxLatencyMs);
    if (!w.residencyProvinces.isEmpty()) {
        QStringList provinces = w.residencyProvinces.values();
        provinces.sort();
        o.insert(QStringLiteral("residencyProvinces"), QJsonArray::fromStringList(provinces));
    }
    if (w.deadlineMs > 0)
        o.insert(QStringLiteral("deadline"),
                 QDateTime::fromMSecsSinceEpoch(w.deadlineMs, Qt::UTC).toString(Qt::ISODateWithMs));
    if (w.budgetCny > 0)
        o.insert(QStringLiteral("budgetCny"), w.budgetCny);
    if (w.preferGreen)
        o.insert(QStringLiteral("preferGreen"), true);
    if (!(w.weights == placement::ScoreWeights{}))
        o.insert(QStringLiteral("weights"),
                 QJsonObject{{QStringLiteral("cost"), w.weights.cost},
                             {QStringLiteral("transfer"), w.weights.transfer},
                             {QStringLiteral("latency"), w.weights.latency},
                             {QStringLiteral("headroom"), w.weights.headroom},
                             {QStringLiteral("energy"), w.weights.energy}});
    if (w.splittable)
        o.insert(QStringLiteral("splittable"), true);
    if (w.maxSplitNodes != 1)
        o.insert(QStringLiteral("maxSplitNodes"), w.maxSplitNodes);
    o.insert(QStringLiteral("state"), stateName(item.state));
    switch (item.state) {
    case State::Planned:
        if (!item.plannedNodeId.isEmpty())
            o.insert(QStringLiteral("plannedNode"), item.plannedNodeId);
        if (!item.plannedProvince.isEmpty())
            o.insert(QStringLiteral("plannedProvince"), item.plannedProvince);
        break;
    case State::Submitted:
        o.insert(QStringLiteral("plannedNode"), item.plannedNodeId);
        o.insert(QStringLiteral("jobId"), item.jobId);
        break;
    case State::Refused:
        if (!item.reason.isEmpty())
            o.insert(QStringLiteral("reason"), item.reason);
        break;
    case State::Queued:
    case State::Submitting:
        break;
    }
    return o;
}

} // namespace

ReadResult read(const QByteArray &json)
{
    ReadResult result;
    QString error;
    const std::optional<QJsonObject> root = parseObject(json, kMaxFileBytes, &error);
    if (!root) {
        result.error = error;
        return result;
    }
    JsonReader reader;
    onlyKeys(reader, *root, {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("workloads")});
    const QString format = reader.string(*root, QStringLiteral("format"), 64);
    if (reader.ok() && format != kFormat)
        reader.failAt(QStringLiteral("format"), QStringLiteral("expected \"%1\"").arg(kFormat));
    const qint64 version = reader.integer(*root, QStringLiteral("version"), 1, 1'000'000);
    if (reader.ok() && version > kVersion)
        reader.failAt(QStringLiteral("version"),
                      QStringLiteral("version %1 is newer than this console reads (%2)").arg(version).arg(kVersion));
    const QJsonArray array = reader.array(*root, QStringLiteral("workloads"), WorkloadQueue::kMaxWorkloads);
    QList<QueuedWorkload> workloads;
    QSet<QString> ids;
    JsonReader::Scope scope(reader, QStringLiteral("workloads"));
    for (int i = 0; i < array.size() && reader.ok(); ++i) {
        const QJsonObject o = reader.element(array, i);
        JsonReader::Scope element(reader, QStringLiteral("[%1]").arg(i));
        QueuedWorkload item = readWorkload(reader, o);
        if (reader.ok() && ids.contains(item.id))
            reader.failAt(QStringLiteral("id"), QStringLiteral("\"%1\" is used twice").arg(item.id));
        ids.insert(item.id);
        workloads.append(item);
    }
    if (!reader.ok()) {
        result.error = reader.error();
        return result;
    }
    result.workloads = workloads;
    return result;
}

QByteArray write(const QList<QueuedWorkload> &workloads)
{
    QJsonArray array;
    for (const QueuedWorkload &item : workloads)
        array.append(writeWorkload(item));
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("workloads"), array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString problemWith(const QueuedWorkload &workload)
{
    const ReadResult result = read(write({workload}));
    // Without the file's own path: the editor shows it beside the fields.
    return result.error.startsWith(QLatin1String("workloads[0].")) ? result.error.mid(13) : result.error;
}

ReadResult readFile(const QString &path)
{
    ReadResult result;
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile()) {
        result.error = QStringLiteral("no such file");
        return result;
    }
    if (info.size() > kMaxFileBytes) {
        result.error = QStringLiteral("file of %1 bytes exceeds the limit of %2").arg(info.size()).arg(kMaxFileBytes);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    return read(file.read(kMaxFileBytes + 1));
}

bool writeFile(const QString &path, const QList<QueuedWorkload> &workloads, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(write(workloads)) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool loadInto(WorkloadQueue &queue, const QString &path, QString *error)
{
    const ReadResult result = readFile(path);
    if (!result.workloads) {
        if (error)
            *error = result.error;
        return false;
    }
    queue.replaceAll(*result.workloads);
    return true;
}

} // namespace cpn::jobs::workloadjson
