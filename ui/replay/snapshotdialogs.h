#pragma once

#include "cache/snapshotexporter.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;

namespace cpn {

// File > Save snapshot: a name, a note, and what to save — the moment now, the last 5 minutes,
// the last hour, or a range of the operator's choosing. request() fills a SnapshotRequest; the
// caller exports it off the UI thread and picks the file.
class SaveSnapshotDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Span { Moment, Last5Minutes, LastHour, Custom };
    Q_ENUM(Span)

    SaveSnapshotDialog(qint64 nowMs, QWidget *parent = nullptr);

    Span span() const;
    // fromMs/toMs of the request; a moment is [now - look-back, now].
    cache::SnapshotRequest request() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onSpanChanged();

    qint64 m_nowMs;
    QLineEdit *m_name;
    QPlainTextEdit *m_note;
    QComboBox *m_span;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QFormLayout *m_form;
    QString m_offeredName; // the name offered, in the language of the moment
};

} // namespace cpn
