#include "report/handoverbuilder.h"
#include "ui/report/handoverreportcommand.h"
#include "ui/report/handoverreportdialog.h"
#include "ui/report/handoverreportwriter.h"
#include "unit/report/handoverrecording.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTranslator>

using namespace cpn;
using namespace cpn::report;
using namespace cpn::report::testing;

// The handover report as a PDF, checked with poppler's tools (pdftotext, pdfimages, pdffonts,
// pdfinfo: scripts/install-deps.sh installs them) on a report of a recorded half hour.
class TestHandoverReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void pdfSaysWhatHappened();
    void withoutAlarmHistoryTheReportSaysSo();
    void longAlarmListsRunOverPagesWithTheirHeader();
    void chartsAreVectors();
    void chineseReport();
    void unwritablePathIsAClearError();
    void commandWritesOffTheUiThread();
    void commandReportsFailure();
    void dialogOffersTheLastEightHours();

private:
    QString write(const HandoverData &data, const QString &name, int *pages = nullptr);
    static QString run(const QString &tool, const QStringList &arguments);
    static QString text(const QString &pdf, int firstPage = 0, int lastPage = 0);

    QTemporaryDir m_dir;
    QString m_cache;
    HandoverData m_data;
};

namespace {

QList<Alarm> sampleAlarms(int count)
{
    QList<Alarm> alarms;
    for (int i = 0; i < count; ++i) {
        Alarm a;
        a.id = QStringLiteral("a-%1").arg(i);
        a.source = {AlarmSource::Kind::Node, i % 2 ? QStringLiteral("tianfu") : QStringLiteral("horinger")};
        a.kind = Alarm::Kind::NodeDown;
        a.severity = i % 3 ? Alarm::Severity::Major : Alarm::Severity::Critical;
        a.raisedAtMs = kFrom + (i % 25) * kMinute;
        if (i % 2) {
            a.clearedAtMs = a.raisedAtMs + 4 * kMinute;
            a.state = Alarm::State::Cleared;
        }
        alarms.append(a);
    }
    return alarms;
}

} // namespace

void TestHandoverReport::initTestCase()
{
    for (const char *tool : {"pdftotext", "pdfimages", "pdffonts", "pdfinfo", "pdftoppm"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 is missing: install poppler-utils (scripts/install-deps.sh)")
                                 .arg(QString::fromLatin1(tool))));
    }
    QVERIFY(m_dir.isValid());
    m_cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(recordHandoverPeriod(m_cache));
    QString error;
    QVERIFY2(HandoverBuilder::buildFromFile(m_cache, kFrom, kTo, &m_data, &error), qPrintable(error));
    m_data.generatedAtMs = kTo + 5000;
    m_data.author = QStringLiteral("li.wei");
    m_data.federation = QStringLiteral("East Region Control Room");
    m_data.alarmsAvailable = true;

    Alarm open;
    open.id = QStringLiteral("a-1");
    open.source = {AlarmSource::Kind::Node, QStringLiteral("horinger")};
    open.kind = Alarm::Kind::NodeDown;
    open.severity = Alarm::Severity::Critical;
    open.raisedAtMs = kFrom + 25 * kMinute;
    open.ack = AlarmAck{QStringLiteral("zhang.min"), kFrom + 26 * kMinute,
                        QStringLiteral("Power feed B tripped, site engineer on the way"), 0};
    open.comments = {{QStringLiteral("wang.fang"), kFrom + 28 * kMinute,
                      QStringLiteral("Vendor ticket INC-20931 opened")}};
    Alarm cleared;
    cleared.id = QStringLiteral("a-2");
    cleared.source = {AlarmSource::Kind::Link, QStringLiteral("l-national-gba-hub")};
    cleared.kind = Alarm::Kind::LinkDown;
    cleared.severity = Alarm::Severity::Major;
    cleared.raisedAtMs = kFrom + 20 * kMinute;
    cleared.clearedAtMs = kFrom + 25 * kMinute;
    cleared.state = Alarm::State::Cleared;
    m_data.alarms = {open, cleared};
}

void TestHandoverReport::cleanup()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

QString TestHandoverReport::run(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60'000) || process.exitCode() != 0)
        return QStringLiteral("<%1 failed: %2>").arg(tool, QString::fromUtf8(process.readAllStandardError()));
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString TestHandoverReport::text(const QString &pdf, int firstPage, int lastPage)
{
    QStringList arguments;
    if (firstPage > 0)
        arguments << QStringLiteral("-f") << QString::number(firstPage);
    if (lastPage > 0)
        arguments << QStringLiteral("-l") << QString::number(lastPage);
    // Lines joined: a table cell may wrap a sentence.
    return run(QStringLiteral("pdftotext"), arguments << pdf << QStringLiteral("-")).simplified();
}

QString TestHandoverReport::write(const HandoverData &data, const QString &name, int *pages)
{
    const QString file = m_dir.filePath(name);
    QString error;
    if (!HandoverReportWriter::write(data, file, &error, pages)) {
        qWarning() << error;
        return {};
    }
    // CPN_KEEP_REPORTS=<folder>: a copy of each report to look at (docs/screenshots/handover-report.png).
    const QString keep = qEnvironmentVariable("CPN_KEEP_REPORTS");
    if (!keep.isEmpty()) {
        QFile::remove(keep + QLatin1Char('/') + name);
        QFile::copy(file, keep + QLatin1Char('/') + name);
    }
    return file;
}

void TestHandoverReport::pdfSaysWhatHappened()
{
    int pages = 0;
    const QString pdf = write(m_data, QStringLiteral("report.pdf"), &pages);
    QVERIFY(!pdf.isEmpty());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QVERIFY(run(QStringLiteral("pdfinfo"), {pdf}).contains(QStringLiteral("pts (A4)")));
    QCOMPARE(run(QStringLiteral("pdfinfo"), {pdf})
                 .section(QStringLiteral("Pages:"), 1)
                 .simplified()
                 .section(QLatin1Char(' '), 0, 0),
             QString::number(pages));

    const QString all = text(pdf);
    for (const QString &expected :
         {QStringLiteral("Shift Handover Report"), QStringLiteral("East Region Control Room"),
          QStringLiteral("li.wei"),
          // the alarms, who acknowledged them, and their comments
          QStringLiteral("Node down: Horinger cluster"), QStringLiteral("zhang.min"),
          QStringLiteral("Power feed B tripped, site engineer on the way"), QStringLiteral("wang.fang"),
          QStringLiteral("Vendor ticket INC-20931 opened"),
          QStringLiteral("Link down: National Dispatch Center – Greater Bay Area hub"),
          QStringLiteral("Alarms: 2 raised, 1 cleared, 1 still open (1 critical)"),
          // outages with durations, failed jobs, the national figures
          QStringLiteral("Tianfu cluster"), QStringLiteral("Node offline"), QStringLiteral("about 5 min"),
          QStringLiteral("Node not reporting"), QStringLiteral("still down"),
          QStringLiteral("llm-finetune-batch"), QStringLiteral("node lost during checkpoint"),
          QStringLiteral("Nodes online"), QStringLiteral("34 of 35"), QStringLiteral("Links congested"),
          QStringLiteral("1 of 34"), QStringLiteral("Accelerators in use"), QStringLiteral("CPU utilization"),
          QStringLiteral("Page 1")}) {
        QVERIFY2(all.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + all));
    }
    QVERIFY(!all.contains(QStringLiteral("nightly-etl"))); // failed before the period
    // The figures of the end: CPU as recorded, the horinger outage still open.
    QVERIFY(all.contains(QLocale().toString(m_data.atEnd.cpuUtil * 100, 'f', 1) + QStringLiteral(" %")));
}

void TestHandoverReport::withoutAlarmHistoryTheReportSaysSo()
{
    HandoverData data = m_data;
    data.alarmsAvailable = false;
    data.alarms.clear();
    const QString all = text(write(data, QStringLiteral("no-alarms.pdf")));
    QVERIFY(all.contains(QStringLiteral("Alarm history not available")));
    QVERIFY(!all.contains(QStringLiteral("Alarms: ")));
}

void TestHandoverReport::longAlarmListsRunOverPagesWithTheirHeader()
{
    HandoverData few = m_data;
    few.alarms = sampleAlarms(5);
    HandoverData many = m_data;
    many.alarms = sampleAlarms(400);
    for (Alarm &a : many.alarms)
        a.comments = {{QStringLiteral("ops"), a.raisedAtMs + 1000, QStringLiteral("checked %1").arg(a.id)}};
    int fewPages = 0;
    int manyPages = 0;
    const QString fewPdf = write(few, QStringLiteral("few.pdf"), &fewPages);
    const QString manyPdf = write(many, QStringLiteral("many.pdf"), &manyPages);
    QVERIFY(!fewPdf.isEmpty() && !manyPdf.isEmpty());
    QVERIFY2(manyPages >= fewPages + 8, qPrintable(QStringLiteral("%1 vs %2").arg(manyPages).arg(fewPages)));
    // A page in the middle of the list starts with the table's header and has its comments.
    const QString middle = text(manyPdf, fewPages + 2, fewPages + 2);
    QVERIFY2(middle.contains(QStringLiteral("SEVERITY ALARM RAISED CLEARED ACKNOWLEDGED")),
             qPrintable(middle));
    QVERIFY(middle.contains(QStringLiteral("checked a-")));
    QVERIFY(middle.contains(QStringLiteral("Page %1").arg(fewPages + 2)));
    // Every alarm made it in.
    const QString all = text(manyPdf);
    QVERIFY(all.contains(QStringLiteral("checked a-0 ")));
    QVERIFY(all.contains(QStringLiteral("checked a-399")));
}

void TestHandoverReport::chartsAreVectors()
{
    const QString pdf = write(m_data, QStringLiteral("charts.pdf"));
    const QString all = text(pdf);
    for (const QString &title :
         {QStringLiteral("CPU utilization (%)"), QStringLiteral("Accelerators in use (%)"),
          QStringLiteral("Power (MW)"), QStringLiteral("Nodes online")})
        QVERIFY2(all.contains(title), qPrintable(title));
    // No raster image anywhere: pdfimages lists only its two header lines.
    const QStringList images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf})
                                   .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(images.size(), qsizetype(2));
    // Yet the charts are drawn: page 1 rendered shows the CPU line's colour, so it is made of paths.
    const QString png = m_dir.filePath(QStringLiteral("charts-page"));
    run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                                     QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                     QStringLiteral("1"), QStringLiteral("-singlefile"), pdf, png});
    const QImage page(png + QStringLiteral(".png"));
    QVERIFY(!page.isNull());
    int cpuLine = 0;
    for (int y = 0; y < page.height(); ++y) {
        for (int x = 0; x < page.width(); ++x) {
            const QColor c = page.pixelColor(x, y);
            if (qAbs(c.red() - 0x1f) < 24 && qAbs(c.green() - 0x6f) < 24 && qAbs(c.blue() - 0xb5) < 24)
                ++cpuLine;
        }
    }
    QVERIFY2(cpuLine > 50, qPrintable(QString::number(cpuLine)));
}

void TestHandoverReport::chineseReport()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(CPN_QM_DIR "/cpn_zh_CN.qm")));
    QCoreApplication::installTranslator(&translator);
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    const QString pdf = write(m_data, QStringLiteral("zh.pdf"));
    QCoreApplication::removeTranslator(&translator);
    QVERIFY(!pdf.isEmpty());
    // Qt 6.4 maps a glyph Noto Sans CJK shares between an ideograph and its Kangxi radical (人 and ⼈)
    // to the radical in the PDF's ToUnicode table: the compatibility form reads them as one.
    const QString all = text(pdf).normalized(QString::NormalizationForm_KC);
    for (const QString &expected :
         {QStringLiteral("交接班报告"), QStringLiteral("天府集群"), QStringLiteral("和林格尔集群"),
          QStringLiteral("国家算力调度中心 – 粤港澳大湾区枢纽"), QStringLiteral("告警"),
          QStringLiteral("Power feed B tripped")})
        QVERIFY2(all.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + all));
    // The CJK font is embedded (a subset), so the text renders on any reader.
    const QString fonts = run(QStringLiteral("pdffonts"), {pdf});
    QVERIFY2(fonts.contains(QStringLiteral("NotoSansCJK")), qPrintable(fonts));
    for (const QString &line : fonts.split(QLatin1Char('\n')).mid(2)) {
        if (!line.isEmpty())
            QVERIFY2(line.contains(QStringLiteral(" yes ")), qPrintable(line)); // emb
    }
}

void TestHandoverReport::unwritablePathIsAClearError()
{
    // A folder that cannot exist: its parent is a file (refused even to root).
    QFile blocker(m_dir.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString file = m_dir.filePath(QStringLiteral("not-a-folder/report.pdf"));
    QString error;
    QVERIFY(!HandoverReportWriter::write(m_data, file, &error));
    QVERIFY2(error.contains(file), qPrintable(error));
    QVERIFY(!QFile::exists(file));
}

void TestHandoverReport::commandWritesOffTheUiThread()
{
    ManualClock clock(kTo);
    HandoverReportCommand command(nullptr, m_cache, clock);
    QThread *historyThread = nullptr;
    QList<qint64> asked;
    command.setAlarmHistory([&](qint64 from, qint64 to) {
        historyThread = QThread::currentThread();
        asked = {from, to};
        Alarm before; // cleared before the period: left out
        before.id = QStringLiteral("old");
        before.source = {AlarmSource::Kind::Node, QStringLiteral("guian")};
        before.raisedAtMs = kFrom - 3 * kMinute;
        before.clearedAtMs = kFrom - kMinute;
        return m_data.alarms + QList<Alarm>{before};
    });
    command.setAuthor([] { return QStringLiteral("chen.jie"); });
    QSignalSpy finished(&command, &HandoverReportCommand::finished);
    const QString file = m_dir.filePath(QStringLiteral("command.pdf"));
    QVERIFY(command.createReport(kFrom, kTo, file));
    QVERIFY(command.isRunning());
    QVERIFY(!command.createReport(kFrom, kTo, file)); // one at a time
    QVERIFY(finished.wait(60'000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(finished.at(0).at(1).toString(), file);
    QVERIFY(finished.at(0).at(2).toInt() >= 2);
    QVERIFY(historyThread && historyThread != QThread::currentThread());
    QCOMPARE(asked, (QList<qint64>{kFrom, kTo}));
    const QString all = text(file);
    QVERIFY(all.contains(QStringLiteral("chen.jie")));
    QVERIFY(all.contains(QStringLiteral("Vendor ticket INC-20931 opened")));
    QVERIFY(all.contains(QStringLiteral("Alarms: 2 raised, 1 cleared, 1 still open")));
    QVERIFY(!all.contains(QStringLiteral("Gui'an cluster")));
}

void TestHandoverReport::commandReportsFailure()
{
    ManualClock clock(kTo);
    HandoverReportCommand command(nullptr, m_cache, clock);
    QSignalSpy finished(&command, &HandoverReportCommand::finished);
    const QString file = m_dir.filePath(QStringLiteral("not-a-folder/command.pdf"));
    QFile blocker(m_dir.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY(command.createReport(kFrom, kTo, file));
    QVERIFY(finished.wait(60'000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(finished.at(0).at(1).toString().contains(file));
    QVERIFY(!command.isRunning());
}

void TestHandoverReport::dialogOffersTheLastEightHours()
{
    const qint64 now = QDateTime(QDate(2026, 3, 2), QTime(14, 0)).toMSecsSinceEpoch();
    const QString suggested = HandoverReportDialog::suggestedFile(m_dir.path(), now);
    QCOMPARE(suggested, m_dir.filePath(QStringLiteral("handover-20260302-1400.pdf")));
    HandoverReportDialog dialog(now, suggested);
    QCOMPARE(dialog.toMs(), now);
    QCOMPARE(dialog.fromMs(), now - 8 * 3600'000);
    QCOMPARE(dialog.file(), suggested);
    auto *create = dialog.findChild<QDialogButtonBox *>()->buttons().value(0);
    for (QAbstractButton *button : dialog.findChild<QDialogButtonBox *>()->buttons()) {
        if (dialog.findChild<QDialogButtonBox *>()->buttonRole(button) == QDialogButtonBox::AcceptRole)
            create = button;
    }
    QVERIFY(create->isEnabled());
    // A period that ends before it starts cannot be made; the dialog says why.
    auto *to = dialog.findChild<QDateTimeEdit *>(QStringLiteral("to"));
    to->setDateTime(QDateTime::fromMSecsSinceEpoch(now - 9 * 3600'000));
    QVERIFY(!create->isEnabled());
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("problem"))->text().isEmpty());
    dialog.findChild<QPushButton *>(QStringLiteral("last8Hours"))->click();
    QVERIFY(create->isEnabled());
    QCOMPARE(dialog.fromMs(), now - 8 * 3600'000);
    // A name without an extension becomes a PDF.
    dialog.findChild<QLineEdit *>(QStringLiteral("file"))->setText(m_dir.filePath(QStringLiteral("shift")));
    QCOMPARE(dialog.file(), m_dir.filePath(QStringLiteral("shift.pdf")));
}

QTEST_MAIN(TestHandoverReport)
#include "tst_handoverreport.moc"
