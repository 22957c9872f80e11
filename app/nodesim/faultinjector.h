#pragma once

#include "scenario.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace cpn::sim {

// One injected fault (docs/node-api.md, "The reference simulator's own additions").
struct Fault
{
    enum class Kind { NodeDown, LinkDown, LinkCongested, Slow, Malformed, LinkLatency };
    Kind kind = Kind::NodeDown;
    QString target;  // a node id, a link id, or "*" for slow and malformed
    int delayMs = 0; // slow
    QString mode;    // malformed: truncated, nan, wrong-type, huge
    int addedMs = 0; // link-latency: added to the link's latency (a breach of the network's targets)
    friend bool operator==(const Fault &, const Fault &) = default;

    QJsonObject toJson() const;
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
};

// The set of active faults and the questions the server asks of it. Validation happens here so
// that the control API and --fault reject the same things with the same messages.
class FaultInjector
{
public:
    explicit FaultInjector(const Scenario &scenario) : m_scenario(scenario) {}

    static constexpr int kDefaultDelayMs = 3000;
    static constexpr int kMaxDelayMs = 60000;
    static constexpr int kDefaultAddedMs = 25;
    static constexpr int kMaxAddedMs = 10000;
    static const QStringList &malformedModes();

    // `{"kind": ..., "target": ..., "delayMs"|"mode": ...}`
    static std::optional<Fault> parseJson(const QByteArray &body, QString *error);
    // "kind:target[:param]" as given to --fault; param is delayMs or the mode.
    static std::optional<Fault> parseSpec(const QString &spec, QString *error);

    // Checks the target against the scenario; a fault of the same kind and target is replaced.
    bool add(const Fault &fault, QString *error);
    bool remove(Fault::Kind kind, const QString &target);
    void clear() { m_faults.clear(); }
    const QList<Fault> &faults() const { return m_faults; }

    // Breaks a JSON body the way a faulty node would. "huge" pads it past the clients' 16 MiB cap.
    static QByteArray malform(const QByteArray &body, const QString &mode);

    bool isNodeDown(const QString &nodeId) const;
    bool isLinkCongested(const QString &linkId) const;
    QSet<QString> downNodes() const;
    QSet<QString> congestedLinks() const;
    QSet<QString> downLinks() const;
    QHash<QString, int> slowTargets() const;           // node id or "*" -> delayMs
    QHash<QString, int> addedLatency() const;          // link id -> ms added
    int delayMsFor(const QString &nodeId) const;       // 0: not slow
    QString malformedModeFor(const QString &nodeId) const; // empty: not malformed

private:
    const Fault *find(Fault::Kind kind, const QString &nodeId) const; // exact target, else "*"

    const Scenario &m_scenario;
    QList<Fault> m_faults;
};

} // namespace cpn::sim
