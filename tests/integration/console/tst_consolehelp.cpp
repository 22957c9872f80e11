// `cpn-console --help`, `--version` and a usage error answered anywhere: without a display (a shell
// over ssh, a package build) the console prints, exits, and never aborts for want of a window system.
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

class TestConsoleHelp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersWithoutADisplay_data();
    void answersWithoutADisplay();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(name));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(CPN_CONSOLE_EXE), arguments);
        Run result;
        if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit)
            return result;
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }
};

void TestConsoleHelp::answersWithoutADisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutHas");
    QTest::addColumn<QString>("stderrHas");
    QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0 << QStringLiteral("--demo") << QString();
    QTest::newRow("help in Chinese") << QStringList{QStringLiteral("--lang"), QStringLiteral("zh_CN"),
                                                    QStringLiteral("--help")}
                                     << 0 << QStringLiteral("模拟") << QString();
    QTest::newRow("version") << QStringList{QStringLiteral("--version")} << 0 << QStringLiteral("cpn-console")
                             << QString();
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--no-such-option")} << 2 << QString()
                                    << QStringLiteral("no-such-option");
}

void TestConsoleHelp::answersWithoutADisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutHas);
    QFETCH(QString, stderrHas);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.out.contains(stdoutHas), qPrintable(result.out + result.err));
    QVERIFY2(result.err.contains(stderrHas), qPrintable(result.err));
    if (exitCode != 0) // a usage error is one line
        QCOMPARE(result.err.trimmed().count(u'\n'), 0);
}

QTEST_GUILESS_MAIN(TestConsoleHelp)
#include "tst_consolehelp.moc"
