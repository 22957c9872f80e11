#pragma once

#include "report/handoverdata.h"

#include <QCoreApplication>
#include <QString>

namespace cpn {

// Lays a HandoverData out as an A4 PDF in the application's language: a title block (federation,
// period, author, when generated), a summary line, the national figures at start and end, vector
// line charts of them over the period, then the alarms with their acknowledgement and comments,
// the outages and the failed jobs as tables that run over pages with their header repeated, and
// page numbers. Paints with QPainter on a QPdfWriter only (no raster images), so it may run off the
// UI thread.
class HandoverReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(HandoverReportWriter)

public:
    // Writes to a temporary file beside `file` and renames it over `file` when complete; false
    // with *error saying why (a folder that cannot be written, a full disk). *pages: the page count.
    static bool write(const report::HandoverData &data, const QString &file, QString *error = nullptr,
                      int *pages = nullptr);

    // The title of the report ("Shift Handover Report"), as the dialog and the PDF say it.
    static QString title();
};

} // namespace cpn
