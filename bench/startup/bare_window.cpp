// The baseline of bench_startup: a bare Qt widgets window that says when it first drew, then quits.
#include <QApplication>
#include <QPaintEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace {

class FirstFrame : public QWidget
{
protected:
    void paintEvent(QPaintEvent *) override
    {
        if (m_drawn)
            return;
        m_drawn = true;
        std::fputs("first frame\n", stderr);
        std::fflush(stderr);
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    }

private:
    bool m_drawn = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    FirstFrame window;
    window.resize(1280, 800);
    window.show();
    return QApplication::exec();
}
