#include "commandline.h"

#include <QTest>

using namespace cpn::console;
using namespace Qt::StringLiterals;
using Action = CommandLineResult::Action;

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void tokenFromEnvironment();
    void mapOptions();
    void caFile();
    void signIn();
};

void TestCommandLine::parses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("action");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<int>("connectCount");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("nothing") << QStringList{} << int(Action::Run) << false << 0 << "";
    QTest::newRow("demo") << QStringList{u"--demo"_s} << int(Action::Run) << true << 0 << "";
    QTest::newRow("demo synthetic") << QStringList{u"--demo"_s, u"--scenario"_s, u"synthetic:2000"_s} << int(Action::Run)
                                    << true << 0 << "";
    QTest::newRow("two roots") << QStringList{u"--connect"_s, u"https://a.example.cn"_s, u"--connect"_s,
                                              u"http://127.0.0.1:8080"_s}
                               << int(Action::Run) << false << 2 << "";
    QTest::newRow("help") << QStringList{u"--help"_s} << int(Action::ShowHelp) << false << 0 << "--demo";
    QTest::newRow("bad url") << QStringList{u"--connect"_s, u"ftp://x"_s} << int(Action::Error) << false << 0
                             << "Not an http(s) URL";
    QTest::newRow("bad scenario") << QStringList{u"--demo"_s, u"--scenario"_s, u"mars"_s} << int(Action::Error) << true
                                  << 0 << "Unknown scenario";
    QTest::newRow("bad seed") << QStringList{u"--demo"_s, u"--seed"_s, u"x"_s} << int(Action::Error) << true << 0
                              << "whole number";
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << int(Action::Error) << false << 0
                                    << "frobnicate";
    QTest::newRow("offline with demo") << QStringList{u"--offline"_s, u"a.cpnsnap"_s, u"--demo"_s} << int(Action::Error)
                                       << true << 0 << "cannot be combined";
    QTest::newRow("basemap") << QStringList{u"--demo"_s, u"--basemap"_s, u"/srv/maps/org.geojson"_s}
                             << int(Action::Run) << true << 0 << "";
    QTest::newRow("basemap without file") << QStringList{u"--basemap"_s} << int(Action::Error) << false << 0
                                          << "basemap";
    QTest::newRow("wall and fps") << QStringList{u"--demo"_s, u"--wall"_s, u"--fps"_s} << int(Action::Run) << true
                                  << 0 << "";
    QTest::newRow("stray argument") << QStringList{u"file.txt"_s} << int(Action::Error) << false << 0
                                    << "Unexpected argument";
    QTest::newRow("ca file") << QStringList{u"--connect"_s, u"https://n.example.cn"_s, u"--ca-file"_s, u"/etc/cpn/ca.pem"_s}
                             << int(Action::Run) << false << 1 << "";
    QTest::newRow("ca file without path") << QStringList{u"--ca-file"_s} << int(Action::Error) << false << 0 << "ca-file";
    QTest::newRow("ca file empty") << QStringList{u"--ca-file"_s, u" "_s} << int(Action::Error) << false << 0
                                   << "PEM file";
}

void TestCommandLine::parses()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, action);
    QFETCH(bool, demo);
    QFETCH(int, connectCount);
    QFETCH(QString, messagePart);
    arguments.prepend(QStringLiteral("cpn-console"));
    const CommandLineResult result = parseCommandLine(arguments);
    QCOMPARE(int(result.action), action);
    QVERIFY2(result.message.contains(messagePart), qPrintable(result.message));
    if (result.action == Action::Run) {
        QCOMPARE(result.options.demo, demo);
        QCOMPARE(result.options.connectUrls.size(), connectCount);
    }
}

void TestCommandLine::tokenFromEnvironment()
{
    const QStringList base{QStringLiteral("cpn-console"), QStringLiteral("--connect"),
                           QStringLiteral("https://n.example.cn")};
    QCOMPARE(parseCommandLine(base, QStringLiteral("env-token")).options.token, QStringLiteral("env-token"));
    QCOMPARE(parseCommandLine(base + QStringList{u"--token"_s, u"arg"_s},
                              QStringLiteral("env-token"))
                 .options.token,
             QStringLiteral("arg"));
}

void TestCommandLine::caFile()
{
    QVERIFY(parseCommandLine({u"cpn-console"_s}).options.caFile.isEmpty());
    const CommandLineResult result =
        parseCommandLine({u"cpn-console"_s, u"--connect"_s, u"https://n.example.cn"_s, u"--ca-file"_s, u"/etc/cpn/ca.pem"_s});
    QCOMPARE(result.options.caFile, u"/etc/cpn/ca.pem"_s);
}

void TestCommandLine::mapOptions()
{
    const CommandLineResult plain = parseCommandLine({u"cpn-console"_s});
    QVERIFY(plain.options.basemapFile.isEmpty());
    QVERIFY(!plain.options.wallMode);
    QVERIFY(!plain.options.showFps);
    const CommandLineResult custom = parseCommandLine(
        {u"cpn-console"_s, u"--basemap"_s, u"/srv/maps/org.geojson"_s, u"--wall"_s, u"--fps"_s});
    QCOMPARE(custom.action, Action::Run);
    QCOMPARE(custom.options.basemapFile, u"/srv/maps/org.geojson"_s);
    QVERIFY(custom.options.wallMode);
    QVERIFY(custom.options.showFps);
}

void TestCommandLine::signIn()
{
    QVERIFY(
        !parseCommandLine({u"cpn-console"_s, u"--demo"_s}).options.signIn); // the demo keeps its dev token
    const CommandLineResult demo = parseCommandLine({u"cpn-console"_s, u"--demo"_s, u"--sign-in"_s});
    QCOMPARE(demo.action, Action::Run);
    QVERIFY(demo.options.signIn);
    QVERIFY(demo.options.demo);
    const CommandLineResult root =
        parseCommandLine({u"cpn-console"_s, u"--connect"_s, u"https://n.example.cn"_s, u"--sign-in"_s});
    QCOMPARE(root.action, Action::Run);
    QVERIFY(root.options.signIn);
    const CommandLineResult offline =
        parseCommandLine({u"cpn-console"_s, u"--offline"_s, u"a.cpnsnap"_s, u"--sign-in"_s});
    QCOMPARE(offline.action, Action::Error);
    QVERIFY(offline.message.contains(u"--sign-in"_s));
    QVERIFY(parseCommandLine({u"cpn-console"_s, u"--help"_s}).message.contains(u"--sign-in"_s));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
