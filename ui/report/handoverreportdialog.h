#pragma once

#include <QDialog>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cpn {

// File > Handover Report…: the period (the last 8 hours unless changed) and the PDF to write.
class HandoverReportDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr qint64 kDefaultSpanMs = 8LL * 3600 * 1000;

    // defaultFile: the file offered; the period ends at nowMs.
    HandoverReportDialog(qint64 nowMs, const QString &defaultFile, QWidget *parent = nullptr);

    qint64 fromMs() const;
    qint64 toMs() const;
    QString file() const;

    // A file name for a report ending at nowMs in folder: handover-YYYYMMDD-HHmm.pdf.
    static QString suggestedFile(const QString &folder, qint64 nowMs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void browse();
    void validate();

    qint64 m_nowMs;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLineEdit *m_file;
    QLabel *m_problem;
    QPushButton *m_create;
    QPushButton *m_last8;
    QPushButton *m_browse;
    QLabel *m_toLabel;
    QLabel *m_periodLabel;
    QLabel *m_fileLabel;
    QLabel *m_intro;
};

} // namespace cpn
