#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace cpn {

// Asks for what an action on alarms needs: the comment of an acknowledgement (required) and its
// expiry, a comment, or the reason and duration of a maintenance window. One dialog for every
// alarm selected.
class AlarmActionDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Acknowledge, Comment, Silence };

    AlarmActionDialog(Mode mode, const QString &subject, QWidget *parent = nullptr);

    QString text() const;
    // Acknowledge: 0 until the alarm clears; Silence: the window's length. Milliseconds.
    qint64 durationMs() const;
    QPlainTextEdit *textEdit() const { return m_text; }
    QComboBox *durationCombo() const { return m_duration; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateOk();

    Mode m_mode;
    QPlainTextEdit *m_text;
    QLabel *m_textLabel = nullptr;
    QLabel *m_durationLabel = nullptr;
    QComboBox *m_duration = nullptr;
    QDialogButtonBox *m_buttons;
};

} // namespace cpn
