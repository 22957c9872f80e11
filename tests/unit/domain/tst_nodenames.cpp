// Names where the protocol says ids: the user's language first, the id when the node is unknown or
// nameless, the id and compute identifier for the tooltip.
#include "domain/nodenames.h"

#include <QLocale>
#include <QTest>

using namespace cpn;

class TestNodeNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QLocale::setDefault(QLocale(QLocale::English)); }
    void namesInTheUsersLanguage();
    void unknownAndNamelessKeepTheirId();
};

namespace {
QList<Node> directory()
{
    Node guizhou;
    guizhou.id = QStringLiteral("guizhou-hub");
    guizhou.computeId = QStringLiteral("CN-GZ-HUB-0001-7");
    guizhou.name = QStringLiteral("Guizhou hub");
    guizhou.nameZh = QStringLiteral("贵州枢纽");
    Node english;
    english.id = QStringLiteral("site-a");
    english.name = QStringLiteral("Site A");
    Node nameless;
    nameless.id = QStringLiteral("nameless");
    return {guizhou, english, nameless};
}
} // namespace

void TestNodeNames::namesInTheUsersLanguage()
{
    QLocale::setDefault(QLocale(QLocale::English));
    NodeNames names(directory());
    QCOMPARE(names.name(QStringLiteral("guizhou-hub")), QStringLiteral("Guizhou hub"));
    QVERIFY(names.tooltip(QStringLiteral("guizhou-hub")).contains(QStringLiteral("guizhou-hub")));
    QVERIFY(names.tooltip(QStringLiteral("guizhou-hub")).contains(QStringLiteral("CN-GZ-HUB-0001-7")));

    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    NodeNames zh(directory());
    QCOMPARE(zh.name(QStringLiteral("guizhou-hub")), QStringLiteral("贵州枢纽"));
    QCOMPARE(zh.name(QStringLiteral("site-a")), QStringLiteral("Site A")); // no Chinese name: the English one
}

void TestNodeNames::unknownAndNamelessKeepTheirId()
{
    NodeNames names(directory());
    QCOMPARE(names.name(QStringLiteral("nameless")), QStringLiteral("nameless"));
    QCOMPARE(names.name(QStringLiteral("elsewhere")), QStringLiteral("elsewhere"));
    QVERIFY(names.tooltip(QStringLiteral("elsewhere")).isEmpty());
    QVERIFY(!names.contains(QStringLiteral("elsewhere")));
    QCOMPARE(NodeNames().name(QStringLiteral("x")), QStringLiteral("x"));
}

QTEST_GUILESS_MAIN(TestNodeNames)
#include "tst_nodenames.moc"
