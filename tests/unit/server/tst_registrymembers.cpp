// The registry's members in the order they joined: a directory lists the members served elsewhere after the
// server's own nodes in this order, and the compact metrics address nodes by position, so a member approved
// later must never move one that joined before it (filing order is not joining order).
#include "clock.h"
#include "registry.h"

#include <QTest>

using namespace cpn;
using namespace cpn::server;

class tst_RegistryMembers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void membersKeepTheOrderTheyJoinedIn();

private:
    static RegistrationRequest request(const QString &nodeId)
    {
        RegistrationRequest r;
        r.nodeId = nodeId;
        r.name = nodeId;
        r.sector = QStringLiteral("RES");
        r.province = QStringLiteral("CN-SD");
        r.city = QStringLiteral("Qingdao");
        r.lat = 36.07;
        r.lon = 120.38;
        r.contact = QStringLiteral("noc@example.cn");
        return r;
    }
    static Node node(const QString &id)
    {
        Node n;
        n.id = id;
        n.name = id;
        n.tier = NodeTier::Industry;
        n.role = NodeRole::Industry;
        n.province = QStringLiteral("CN-SD");
        n.parentId = QStringLiteral("hub");
        return n;
    }
    QStringList memberNodes(const Registry &registry) const
    {
        QStringList ids;
        for (const QString &id : registry.membersInOrder())
            ids << registry.find(id)->applicant.nodeId;
        return ids;
    }
};

void tst_RegistryMembers::membersKeepTheOrderTheyJoinedIn()
{
    ManualClock clock(1'700'000'000'000);
    Registry registry(clock);
    Node hub = node(QStringLiteral("hub"));
    hub.tier = NodeTier::Regional;
    hub.role = NodeRole::Hub;
    hub.parentId.clear();
    registry.addExisting(hub, QStringLiteral("scenario"));

    // Filed first, decided last.
    const auto early = registry.apply(QStringLiteral("hub"), request(QStringLiteral("early")), QStringLiteral("a"));
    QCOMPARE(early.status, 201);
    QCOMPARE(memberNodes(registry), QStringList{QStringLiteral("hub")}); // pending: not a member
    QCOMPARE(registry.admit(QStringLiteral("hub"), node(QStringLiteral("watched")), QStringLiteral("sim")).status, 201);
    QCOMPARE(registry.approve(early.value.id, QStringLiteral("registrar"), {}).status, 200);
    QCOMPARE(memberNodes(registry), (QStringList{QStringLiteral("hub"), QStringLiteral("watched"), QStringLiteral("early")}));

    // Suspended and reinstated, a member keeps its place; revoked, it leaves.
    QCOMPARE(registry.suspend(early.value.id, QStringLiteral("registrar"), QStringLiteral("audit")).status, 200);
    QCOMPARE(registry.reinstate(early.value.id, QStringLiteral("registrar"), QStringLiteral("done")).status, 200);
    QCOMPARE(memberNodes(registry), (QStringList{QStringLiteral("hub"), QStringLiteral("watched"), QStringLiteral("early")}));
    const QString watched = registry.holderOf(QStringLiteral("watched"))->id;
    QCOMPARE(registry.revoke(watched, QStringLiteral("registrar"), QStringLiteral("left")).status, 200);
    QCOMPARE(memberNodes(registry), (QStringList{QStringLiteral("hub"), QStringLiteral("early")}));
}

QTEST_APPLESS_MAIN(tst_RegistryMembers)
#include "tst_registrymembers.moc"
