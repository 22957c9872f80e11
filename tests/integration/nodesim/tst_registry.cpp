#include "api/localsimulator.h"
#include "api/nodeapiclient.h"
#include "domain/computeid.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace cpn;
using namespace Qt::StringLiterals;

// Identifier registration (docs/node-api.md) against real cpn-nodesim processes, through the console's
// own protocol client: an application applied for, approved (its identifier validates and the node joins
// the directory), rejected, suspended (no offers, no jobs) and revoked, each step in the audit trail
// with who did it; and a node served by a second cpn-nodesim joining the first's directory (--member).
class TestRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void approvedApplicationGetsAValidIdentifierAndJoinsTheDirectory();
    void rejectedApplicationKeepsItsReasonAndCannotBeApproved();
    void suspendedNodeIsListedButOffersNothingAndTakesNoJob();
    void revokedMemberLeavesTheDirectory();
    void aNodeOfTheWrongRoleCannotApply();
    void memberServedByASecondSimulatorAppearsInTheDirectory();

private:
    template <typename T> static std::optional<api::ApiResult<T>> wait(auto call);
    api::NodeApiClient *client(const QString &path, const QString &token);
    RegistrationRequest request(const QString &nodeId) const;
    Registration apply(const QString &nodeId, const QString &parentPath = u"/n/guizhou-hub"_s);
    api::ApiResult<Registration> decide(const QString &id, const QString &decision, const QString &reason);
    QList<Node> directory();
    const Registration *findByNode(const QList<Registration> &all, const QString &nodeId);

    api::LocalSimulator m_member; // serves the node that joins with --member
    api::LocalSimulator m_sim;
    QString m_memberNodeId;
    QUrl m_memberUrl;
    QNetworkAccessManager m_nam;
    QList<Registration> m_all; // the registry as last fetched
};

template <typename T> std::optional<api::ApiResult<T>> TestRegistry::wait(auto call)
{
    // Every caller checks the answer; a missing one is a network error, never a wait without end.
    std::optional<api::ApiResult<T>> result;
    call([&result](const api::ApiResult<T> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        result = api::ApiResult<T>(api::ApiError::network(u"no answer within 15 s"_s));
    return result;
}

api::NodeApiClient *TestRegistry::client(const QString &path, const QString &token)
{
    api::ClientOptions options;
    options.token = token;
    options.allowPlainHttp = true;
    QUrl base = m_sim.baseUrl();
    base.setPath(base.path() + path);
    return new api::NodeApiClient(&m_nam, base, options, this);
}

RegistrationRequest TestRegistry::request(const QString &nodeId) const
{
    RegistrationRequest q;
    q.nodeId = nodeId;
    q.name = u"Qingdao Marine Science Computing Center"_s;
    q.nameZh = u"青岛海洋科学算力中心"_s;
    q.tier = NodeTier::Industry;
    q.role = NodeRole::Industry;
    q.sector = u"RES"_s;
    q.province = u"CN-SD"_s;
    q.city = u"Qingdao"_s;
    q.lat = 36.07;
    q.lon = 120.38;
    q.baseUrl = QUrl(u"https://cpn.%1.example.cn"_s.arg(nodeId));
    q.contact = u"ops@qd-marine.example.cn"_s;
    return q;
}

void TestRegistry::initTestCase()
{
    api::LocalSimulator::Options member;
    member.devToken = u"member-token"_s;
    member.scenario = u"synthetic:20"_s;
    m_member.start(member);
    QVERIFY2(m_member.waitForStarted(15000), qPrintable(m_member.errorString()));
    // The second federation's first industry node joins the first under the Guizhou hub.
    {
        api::ClientOptions options;
        options.token = u"member-token"_s;
        options.allowPlainHttp = true;
        api::NodeApiClient memberRoot(&m_nam, m_member.baseUrl(), options);
        const auto listed = wait<protocol::NodeDirectory>(
            [&](auto done) { memberRoot.fetchDirectory(done); });
        QVERIFY(listed && listed->ok());
        for (const Node &n : listed->value().nodes) {
            if (n.role == NodeRole::Industry) {
                m_memberNodeId = n.id;
                m_memberUrl = n.baseUrl;
                break;
            }
        }
        QVERIFY(!m_memberNodeId.isEmpty());
    }

    api::LocalSimulator::Options options;
    options.devToken = u"dev-token"_s;
    options.extraArguments = {u"--apply-token"_s, u"apply-token"_s, u"--member"_s,
                              u"guizhou-hub=%1"_s.arg(m_memberUrl.toString()), u"--member-token"_s,
                              u"member-token"_s};
    m_sim.start(options);
    QVERIFY2(m_sim.waitForStarted(15000), qPrintable(m_sim.errorString()));
}

Registration TestRegistry::apply(const QString &nodeId, const QString &parentPath)
{
    api::NodeApiClient *applicant = client(parentPath, u"apply-token"_s);
    const auto result = wait<Registration>([&](auto done) { applicant->applyForRegistration(request(nodeId), done); });
    if (!result || !result->ok()) {
        qWarning() << "apply failed:" << (result ? result->error().message() : u"no answer"_s);
        return {};
    }
    return result->value();
}

api::ApiResult<Registration> TestRegistry::decide(const QString &id, const QString &decision, const QString &reason)
{
    api::NodeApiClient *registrar = client({}, u"dev-token"_s);
    const auto result =
        wait<Registration>([&](auto done) { registrar->decideRegistration(id, decision, reason, done); });
    return *result;
}

QList<Node> TestRegistry::directory()
{
    api::NodeApiClient *root = client({}, u"dev-token"_s);
    const auto result = wait<protocol::NodeDirectory>([&](auto done) { root->fetchDirectory(done); });
    return result && result->ok() ? result->value().nodes : QList<Node>{};
}

const Registration *TestRegistry::findByNode(const QList<Registration> &all, const QString &nodeId)
{
    const auto it = std::find_if(all.cbegin(), all.cend(),
                                 [&](const Registration &g) { return g.applicant.nodeId == nodeId; });
    return it == all.cend() ? nullptr : &*it;
}

void TestRegistry::approvedApplicationGetsAValidIdentifierAndJoinsTheDirectory()
{
    const Registration applied = apply(u"qd-marine"_s);
    QCOMPARE(applied.state, RegistrationState::Pending);
    QCOMPARE(applied.parentId, u"guizhou-hub"_s);
    QVERIFY(applied.computeId.isEmpty());
    QCOMPARE(applied.history.size(), 1);
    QCOMPARE(applied.history[0].action, RegistryEvent::Action::Applied);
    QCOMPARE(applied.history[0].by, u"applicant"_s);
    // Pending: not in the directory yet.
    const QList<Node> before = directory();
    QVERIFY(std::none_of(before.cbegin(), before.cend(), [](const Node &n) { return n.id == u"qd-marine"_s; }));

    const auto approved = decide(applied.id, u"approve"_s, {});
    QVERIFY2(approved.ok(), qPrintable(approved.error().message()));
    const Registration &g = approved.value();
    QCOMPARE(g.state, RegistrationState::Active);
    QString why;
    QVERIFY2(computeid::isValid(g.computeId, &why), qPrintable(why));
    const auto parts = computeid::parse(g.computeId);
    QCOMPARE(parts->tier, NodeTier::Industry);
    QCOMPARE(parts->provinceCode, 37); // Shandong
    QCOMPARE(parts->sector, u"RES"_s);
    QCOMPARE(parts->serial, 1); // the first research identifier of Shandong's industry tier
    QCOMPARE(g.history.size(), 2);
    QCOMPARE(g.history[1].action, RegistryEvent::Action::Approved);
    QCOMPARE(g.history[1].by, u"developer"_s);

    const QList<Node> after = directory();
    const auto joined = std::find_if(after.cbegin(), after.cend(), [](const Node &n) { return n.id == u"qd-marine"_s; });
    QVERIFY(joined != after.cend());
    QCOMPARE(joined->computeId, g.computeId);
    QCOMPARE(joined->parentId, u"guizhou-hub"_s);
    QCOMPARE(joined->baseUrl, QUrl(u"https://cpn.qd-marine.example.cn"_s));
    QCOMPARE(joined->lat, 36.07);
    QVERIFY(!joined->suspended);
    // The server's own nodes keep their positions: the member comes after them.
    QCOMPARE(after.mid(0, before.size()).size(), before.size());
    QCOMPARE(after[before.size() - 1].id, before.constLast().id);

    // A second approval in the same tier, province and sector gets the next serial.
    const auto second = decide(apply(u"qd-marine-2"_s).id, u"approve"_s, u"second site"_s);
    QVERIFY(second.ok());
    QCOMPARE(computeid::parse(second.value().computeId)->serial, 2);
    QCOMPARE(second.value().history.constLast().reason, u"second site"_s);
}

void TestRegistry::rejectedApplicationKeepsItsReasonAndCannotBeApproved()
{
    const Registration applied = apply(u"sd-unready"_s);
    QCOMPARE(applied.state, RegistrationState::Pending);
    // A rejection must say why.
    QVERIFY(!decide(applied.id, u"reject"_s, {}).ok());
    const auto rejected = decide(applied.id, u"reject"_s, u"no grade-A power supply yet"_s);
    QVERIFY(rejected.ok());
    QCOMPARE(rejected.value().state, RegistrationState::Rejected);
    QVERIFY(rejected.value().computeId.isEmpty());
    QCOMPARE(rejected.value().history.constLast().action, RegistryEvent::Action::Rejected);
    QCOMPARE(rejected.value().history.constLast().reason, u"no grade-A power supply yet"_s);
    const auto again = decide(applied.id, u"approve"_s, {});
    QVERIFY(!again.ok());
    QCOMPARE(again.error().httpStatus, 409);
    // The node id is free again once rejected.
    QCOMPARE(apply(u"sd-unready"_s).state, RegistrationState::Pending);
}

void TestRegistry::suspendedNodeIsListedButOffersNothingAndTakesNoJob()
{
    api::NodeApiClient *root = client({}, u"dev-token"_s);
    const auto all = wait<QList<Registration>>([&](auto done) { root->fetchRegistrations(u"active"_s, done); });
    QVERIFY(all && all->ok());
    const Registration *guian = findByNode(all->value(), u"guian"_s);
    QVERIFY(guian);
    const auto offersOf = [&](const QString &nodeId) {
        const auto offers = wait<QList<Offer>>([&](auto done) { root->fetchOffers({}, done); });
        return std::count_if(offers->value().cbegin(), offers->value().cend(),
                             [&](const Offer &o) { return o.nodeId == nodeId; });
    };
    QVERIFY(offersOf(u"guian"_s) > 0);

    const auto suspended = decide(guian->id, u"suspend"_s, u"security audit of its access network"_s);
    QVERIFY2(suspended.ok(), qPrintable(suspended.error().message()));
    QCOMPARE(suspended.value().state, RegistrationState::Suspended);
    const QList<Node> nodes = directory();
    const auto listed = std::find_if(nodes.cbegin(), nodes.cend(), [](const Node &n) { return n.id == u"guian"_s; });
    QVERIFY(listed != nodes.cend());
    QVERIFY(listed->suspended);
    QCOMPARE(offersOf(u"guian"_s), 0);
    JobRequest job;
    job.name = u"suspended-target"_s;
    job.nodeId = u"guian"_s;
    job.requirements.acceleratorModel = u"ascend-910b"_s;
    job.requirements.accelerators = 1;
    job.requirements.durationHours = 1;
    const auto submitted = wait<Job>([&](auto done) { root->submitJob(job, done); });
    QVERIFY(!submitted->ok());
    QCOMPARE(submitted->error().httpStatus, 409);

    const auto reinstated = decide(guian->id, u"reinstate"_s, u"audit passed"_s);
    QVERIFY(reinstated.ok());
    QCOMPARE(reinstated.value().state, RegistrationState::Active);
    QVERIFY(offersOf(u"guian"_s) > 0);
    const QList<RegistryEvent> &h = reinstated.value().history;
    QCOMPARE(h.size(), 3);
    QCOMPARE(h[1].action, RegistryEvent::Action::Suspended);
    QCOMPARE(h[1].reason, u"security audit of its access network"_s);
    QCOMPARE(h[2].action, RegistryEvent::Action::Reinstated);
    QVERIFY(h[2].atMs >= h[1].atMs);
    // A node this simulator serves itself can be suspended but not revoked.
    QCOMPARE(decide(guian->id, u"revoke"_s, u"closing"_s).error().httpStatus, 409);
}

void TestRegistry::revokedMemberLeavesTheDirectory()
{
    const Registration applied = apply(u"qd-temporary"_s);
    const auto approved = decide(applied.id, u"approve"_s, {});
    QVERIFY(approved.ok());
    const auto hasNode = [this] {
        const QList<Node> nodes = directory();
        return std::any_of(nodes.cbegin(), nodes.cend(), [](const Node &n) { return n.id == u"qd-temporary"_s; });
    };
    QVERIFY(hasNode());
    const auto revoked = decide(applied.id, u"revoke"_s, u"the site closed"_s);
    QVERIFY(revoked.ok());
    QCOMPARE(revoked.value().state, RegistrationState::Revoked);
    QCOMPARE(revoked.value().computeId, approved.value().computeId); // the record keeps what was assigned
    QCOMPARE(revoked.value().history.constLast().action, RegistryEvent::Action::Revoked);
    QVERIFY(!hasNode());
    QCOMPARE(decide(applied.id, u"reinstate"_s, u"reopened"_s).error().httpStatus, 409);
    // The revoked identifier is never given again.
    const auto next = decide(apply(u"qd-successor"_s).id, u"approve"_s, {});
    QVERIFY(next.ok());
    QVERIFY(next.value().computeId != approved.value().computeId);
}

void TestRegistry::aNodeOfTheWrongRoleCannotApply()
{
    // An industry node applies under a hub, never straight under the national node.
    api::NodeApiClient *national = client({}, u"apply-token"_s);
    const auto result =
        wait<Registration>([&](auto done) { national->applyForRegistration(request(u"sd-direct"_s), done); });
    QVERIFY(!result->ok());
    QCOMPARE(result->error().httpStatus, 422);
    // The apply token may apply, never decide.
    api::NodeApiClient *applicant = client({}, u"apply-token"_s);
    const auto decided = wait<Registration>(
        [&](auto done) { applicant->decideRegistration(u"reg-00001"_s, u"suspend"_s, u"x"_s, done); });
    QCOMPARE(decided->error().httpStatus, 403);
}

void TestRegistry::memberServedByASecondSimulatorAppearsInTheDirectory()
{
    // --member asks the second simulator at the start, then every 10 s.
    std::optional<Node> member;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<Node> nodes = directory();
            const auto it = std::find_if(nodes.cbegin(), nodes.cend(), [&](const Node &n) { return n.id == m_memberNodeId; });
            if (it != nodes.cend())
                member = *it;
            return member.has_value();
        }(),
        20000);
    QCOMPARE(member->baseUrl, m_memberUrl);
    QCOMPARE(member->parentId, u"guizhou-hub"_s);
    QVERIFY(computeid::isValid(member->computeId));
    QCOMPARE(member->status, NodeStatus::Online);
    api::NodeApiClient *root = client({}, u"dev-token"_s);
    const auto all = wait<QList<Registration>>([&](auto done) { root->fetchRegistrations({}, done); });
    const Registration *g = findByNode(all->value(), m_memberNodeId);
    QVERIFY(g);
    QCOMPARE(g->state, RegistrationState::Active);
    QCOMPARE(g->history.constFirst().by, u"command line (--member)"_s);
}

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
