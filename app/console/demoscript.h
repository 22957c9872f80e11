#pragma once

#include "commandline.h"

#include <QObject>

#include <functional>

namespace cpn {
class AccountsUi;
class ConnectDialog;
class FederationState;
class MainWindow;
namespace jobs {
class OfferBook;
}
} // namespace cpn

namespace cpn::console {

// What the demo and scripts/screenshots.sh script on the window: the example workload queue, the
// screenshot (--screenshot and the CPN_SCREENSHOT_* variables), --open-planning and
// --pin-demo-charts. None of it runs unless asked for on the command line or by the demo.
class DemoScript : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        MainWindow *window = nullptr;               // required
        const FederationState *liveState = nullptr; // optional (none offline): charts are pinned from it
        jobs::OfferBook *offers = nullptr;          // optional (none offline): planning opens on its offers
        AccountsUi *accounts = nullptr;             // optional: CPN_SCREENSHOT_DIALOG needs it
        std::function<ConnectDialog *()> openConnectDialog; // with accounts
    };

    DemoScript(const ConsoleOptions &options, const Parts &parts, QObject *parent = nullptr);

    // Once the window is shown: schedules the screenshot if one is asked for.
    void start();
    // Something to drag onto the map: the example queue, unless the planner already has workloads.
    void loadExampleQueue();

private:
    void scheduleScreenshot();
    void openPlanning();  // --open-planning
    void pinDemoCharts(); // --pin-demo-charts: a few node, link and national charts

    ConsoleOptions m_options;
    Parts m_parts;
    bool m_planningOpened = false;
    bool m_chartsPinned = false;
};

} // namespace cpn::console
