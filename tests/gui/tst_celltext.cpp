#include "widgets/delegates/celltext.h"

#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace cpn;

class tst_CellText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsLikeDrawText();
    void elidesToTheCell();
    void laysEachTextOutOnce();

private:
    static QImage canvas() { return QImage(240, 24, QImage::Format_RGB32); }
    // Columns holding ink (any pixel not black).
    static QList<int> inkedColumns(const QImage &image)
    {
        QList<int> columns;
        for (int x = 0; x < image.width(); ++x)
            for (int y = 0; y < image.height(); ++y)
                if (image.pixel(x, y) != qRgb(0, 0, 0)) {
                    columns.append(x);
                    break;
                }
        return columns;
    }
};

void tst_CellText::drawsLikeDrawText()
{
    const QFont font;
    const QString text = QStringLiteral("63 %");
    for (Qt::Alignment alignment : {Qt::AlignLeft, Qt::AlignRight, Qt::AlignHCenter}) {
        QImage expected = canvas(), drawn = canvas();
        expected.fill(Qt::black);
        drawn.fill(Qt::black);
        {
            QPainter painter(&expected);
            painter.setPen(Qt::white);
            painter.setFont(font);
            painter.drawText(QRect(10, 0, 200, 24), int(alignment | Qt::AlignVCenter), text);
        }
        CellText cell;
        {
            QPainter painter(&drawn);
            painter.setPen(Qt::white);
            cell.draw(&painter, QRect(10, 0, 200, 24), alignment | Qt::AlignVCenter, text, font);
        }
        const QList<int> want = inkedColumns(expected), got = inkedColumns(drawn);
        QVERIFY(!got.isEmpty());
        // The same place to within a pixel (the laid-out text may round differently).
        QVERIFY2(std::abs(got.first() - want.first()) <= 1 && std::abs(got.last() - want.last()) <= 1,
                 qPrintable(QStringLiteral("%1..%2 vs %3..%4").arg(got.first()).arg(got.last()).arg(want.first()).arg(want.last())));
    }
}

void tst_CellText::elidesToTheCell()
{
    const QFont font;
    const QString text = QStringLiteral("Guangdong-Hong Kong-Macao hub 粤港澳大湾区枢纽");
    const int width = QFontMetrics(font).horizontalAdvance(text) / 2;
    QImage drawn = canvas();
    drawn.fill(Qt::black);
    CellText cell;
    {
        QPainter painter(&drawn);
        painter.setPen(Qt::white);
        cell.draw(&painter, QRect(0, 0, width, 24), Qt::AlignLeft | Qt::AlignVCenter, text, font);
    }
    const QList<int> inked = inkedColumns(drawn);
    QVERIFY(!inked.isEmpty());
    QVERIFY(inked.last() < width);
}

void tst_CellText::laysEachTextOutOnce()
{
    QFont font;
    QImage image = canvas();
    QPainter painter(&image);
    CellText cell;
    for (int tick = 0; tick < 50; ++tick) {
        for (int row = 0; row < 20; ++row)
            cell.draw(&painter, QRect(0, 0, 80, 24), Qt::AlignRight, QStringLiteral("%1 %").arg((tick + row) % 10), font);
    }
    QCOMPARE(cell.size(), 10);
    // Another column width is another layout; another font starts over.
    cell.draw(&painter, QRect(0, 0, 60, 24), Qt::AlignRight, QStringLiteral("1 %"), font);
    QCOMPARE(cell.size(), 11);
    font.setPointSizeF(font.pointSizeF() * 2);
    cell.draw(&painter, QRect(0, 0, 60, 24), Qt::AlignRight, QStringLiteral("1 %"), font);
    QCOMPARE(cell.size(), 1);
}

QTEST_MAIN(tst_CellText)
#include "tst_celltext.moc"
