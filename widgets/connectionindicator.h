#pragma once

#include <QUrl>
#include <QWidget>

namespace cpn {

class Clock;

// One endpoint in the status bar: a coloured dot, its label, its state and the age of its data.
// Takes plain values (not the protocol client's types) so widgets stay below models/api.
class ConnectionIndicator : public QWidget
{
    Q_OBJECT

public:
    // Mirrors cpn::api::ConnectionState; the composition root maps one onto the other.
    enum class State { Connecting, Online, Stale, Offline };
    Q_ENUM(State)

    ConnectionIndicator(const Clock &clock, const QString &label, QWidget *parent = nullptr);

    void setLabel(const QString &label);
    QString label() const { return m_label; }
    void setUrl(const QUrl &url);
    // lastDataMs: epoch ms of the newest good answer, 0 = never.
    void setStatus(State state, qint64 lastDataMs, const QString &lastError = {}, int consecutiveFailures = 0);
    State state() const { return m_state; }
    // Re-reads the clock for the "data 3 s old" text; the window calls it once a second.
    void refresh();
    QString text() const { return m_text; }
    // The tooltip: address, state, newest data, failures, last error. Built when asked for, not on
    // every tick.
    QString details() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QString stateText() const;
    void updateText();

    const Clock &m_clock;
    QString m_label;
    QUrl m_url;
    State m_state = State::Connecting;
    qint64 m_lastDataMs = 0;
    QString m_lastError;
    int m_failures = 0;
    QString m_text;
    State m_paintedState = State::Connecting;
};

} // namespace cpn
