#pragma once

#include "api/localsimulator.h"
#include "commandline.h"
#include "domain/clock.h"
#include "itemmodels/eventlogmodel.h"
#include "itemmodels/nodetablemodel.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

class QSettings;

namespace cpn {
class MainWindow;
namespace cache {
class CacheWriter;
}
namespace api {
class FederationClient;
struct EndpointStatus;
} // namespace api
} // namespace cpn

namespace cpn::console {

// The composition root: builds the clock, network manager, models and window once, and wires the
// protocol clients of every federation root to the window. Nothing below it reaches for globals.
class ConsoleApp : public QObject
{
    Q_OBJECT

public:
    ConsoleApp(const ConsoleOptions &options, QSettings *settings, QObject *parent = nullptr);
    ~ConsoleApp() override;

    // Shows the window and starts connecting; the window stays responsive while the simulator starts.
    void start();
    MainWindow *window() const { return m_window.get(); }
    const NodeTableModel &nodeModel() const { return m_nodes; }

private:
    void loadBasemap();
    void startDemo();
    void connectFederation(const QUrl &rootUrl, const QString &token, const QString &label);
    void showEndpointStatus(const api::EndpointStatus &status);
    void rememberRoots() const;
    void scheduleScreenshot();

    ConsoleOptions m_options;
    QSettings *m_settings;
    SystemClock m_clock;
    QNetworkAccessManager m_network;
    NodeTableModel m_nodes;
    EventLogModel m_events;
    std::unique_ptr<MainWindow> m_window;
    api::LocalSimulator m_simulator;
    std::unique_ptr<cache::CacheWriter> m_cache; // everything the federations report, on its own thread
    QList<api::FederationClient *> m_federations;
};

} // namespace cpn::console
