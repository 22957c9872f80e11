#include "cache/seriesreader.h"
#include "ui/replay/snapshotdialogs.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace cpn;

namespace {
constexpr qint64 kNow = 1'767'225'600'000; // 2026-01-01T00:00:00Z
}

// The Save Snapshot dialog turns its choices into the exporter's request.
class TestSnapshotDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spans_data();
    void spans();
    void customRange();
    void needsAName();
};

void TestSnapshotDialogs::spans_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<qint64>("from");
    QTest::newRow("the moment now") << 0 << kNow - cache::SeriesReader::kDefaultLookbackMs;
    QTest::newRow("the last 5 minutes") << 1 << kNow - 5 * 60 * 1000;
    QTest::newRow("the last hour") << 2 << kNow - 3600 * 1000;
}

void TestSnapshotDialogs::spans()
{
    QFETCH(int, index);
    QFETCH(qint64, from);
    SaveSnapshotDialog dialog(kNow);
    dialog.findChild<QComboBox *>(QStringLiteral("snapshotSpan"))->setCurrentIndex(index);
    dialog.findChild<QLineEdit *>(QStringLiteral("snapshotName"))->setText(QStringLiteral("  drill  "));
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("snapshotNote"))->setPlainText(QStringLiteral("why"));
    const cache::SnapshotRequest request = dialog.request();
    QCOMPARE(request.fromMs, from);
    QCOMPARE(request.toMs, kNow);
    QCOMPARE(request.name, QStringLiteral("drill"));
    QCOMPARE(request.note, QStringLiteral("why"));
}

void TestSnapshotDialogs::customRange()
{
    SaveSnapshotDialog dialog(kNow);
    dialog.findChild<QComboBox *>(QStringLiteral("snapshotSpan"))->setCurrentIndex(3);
    QCOMPARE(dialog.span(), SaveSnapshotDialog::Span::Custom);
    const QList<QDateTimeEdit *> edits = dialog.findChildren<QDateTimeEdit *>();
    QCOMPARE(edits.size(), 2);
    QVERIFY(edits.at(0)->isEnabled());
    // The default custom range is the last 15 minutes, to the second.
    const cache::SnapshotRequest request = dialog.request();
    QCOMPARE(request.toMs - request.fromMs, 15 * 60 * 1000);
}

void TestSnapshotDialogs::needsAName()
{
    SaveSnapshotDialog dialog(kNow);
    auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QVERIFY(save->isEnabled());
    dialog.findChild<QLineEdit *>(QStringLiteral("snapshotName"))->setText(QStringLiteral("   "));
    QVERIFY(!save->isEnabled());
}

QTEST_MAIN(TestSnapshotDialogs)
#include "tst_snapshotdialogs.moc"
