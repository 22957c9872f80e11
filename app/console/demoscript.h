#pragma once

#include "commandline.h"

#include <QObject>

#include <functional>

namespace cpn {
class AccountsUi;
class ConnectDialog;
class FederationState;
class MainWindow;
namespace alarms {
class AlarmFeed;
class AlarmStore;
} // namespace alarms
namespace jobs {
class OfferBook;
}
} // namespace cpn

namespace cpn::console {

// What the demo and scripts/screenshots.sh script on the window: the example workload queue, the
// screenshot (--screenshot and the CPN_SCREENSHOT_* variables, which may also set a fault on the
// demo's simulator, acknowledge an alarm, hover a node on the map and place a job with the Place a Job
// wizard), --open-planning and --pin-demo-charts. None of it runs
// unless asked for on the command line or by the demo.
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
        // Sets a fault on the demo's simulator (kind, target); optional: CPN_SCREENSHOT_FAULT needs it
        std::function<void(const QString &, const QString &)> injectFault;
        // The live alarms and the feed that acts on an origin's; optional: CPN_SCREENSHOT_ACK needs them
        const alarms::AlarmStore *alarms = nullptr;
        std::function<alarms::AlarmFeed *(const QString &origin)> alarmFeeds;
    };

    DemoScript(const ConsoleOptions &options, const Parts &parts, QObject *parent = nullptr);

    // Once the window is shown: schedules the screenshot if one is asked for.
    void start();
    // Something to drag onto the map: the example queue, unless the planner already has workloads.
    void loadExampleQueue();

private:
    void scheduleScreenshot();
    void editFirstWorkload();
    void openPlanning();  // --open-planning
    void pinDemoCharts(); // --pin-demo-charts: a few node, link and national charts
    void injectFault(const QString &spec); // CPN_SCREENSHOT_FAULT
    void hoverNode(const QString &nodeId); // CPN_SCREENSHOT_HOVER
    void acknowledge(const QString &spec); // CPN_SCREENSHOT_ACK
    void placeJob(const QString &spec);    // CPN_SCREENSHOT_JOB
    void showIdentifierTypo();             // CPN_SCREENSHOT_DIALOG=identifiers

    ConsoleOptions m_options;
    Parts m_parts;
    bool m_planningOpened = false;
    bool m_chartsPinned = false;
};

} // namespace cpn::console
