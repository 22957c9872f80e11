#include "auth/authlogging.h"

#include <QByteArrayView>

Q_LOGGING_CATEGORY(lcAuth, "cpn.auth")

namespace cpn::auth {
namespace {

QLoggingCategory::CategoryFilter g_previousFilter = nullptr;
bool g_installed = false;

void filter(QLoggingCategory *category)
{
    if (g_previousFilter)
        g_previousFilter(category);
    if (QByteArrayView(category->categoryName()).startsWith("qt.networkauth")) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
        category->setEnabled(QtWarningMsg, false);
        category->setEnabled(QtCriticalMsg, false);
    }
}

} // namespace

void silenceNetworkAuthLogging()
{
    if (g_installed)
        return;
    g_installed = true;
    g_previousFilter = QLoggingCategory::installFilter(&filter);
}

} // namespace cpn::auth
