<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>cpn::ChangeTableModel</name>
    <message>
        <source>Node status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link utilization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node, link or region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ComparePanel</name>
    <message>
        <source>Set marks A and B on the replay bar, then Compare A–B.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ConnectionIndicator</name>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data %1 s old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data %1 min old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed requests in a row: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::DashboardPanel</name>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every pinned chart to a PDF for the shift report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin charts from the map&apos;s or the node table&apos;s context menu, or drag nodes here from the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPN Control Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export dashboard to PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPN dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::DisplayStatus</name>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::EventLogModel</name>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::EventsPanel</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every event from the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpn::MainWindow</name>
    <message>
        <source>CPN Control Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time of this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About CPN Control Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint data is stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recovered (was %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped reporting: no data for more than %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entered maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 went offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About CPN Control Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;CPN Control Center %1&lt;/h3&gt;&lt;p&gt;Control center for China&apos;s national computing-power network: the national node, the regional hubs and clusters, and the industry nodes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data and attributions&lt;/b&gt;&lt;br&gt;Administrative division codes: GB/T 2260 and ISO 3166-2:CN.&lt;br&gt;Node, link and metric data: served by each node through the CPN node protocol v1.&lt;br&gt;Chinese text: Noto Sans CJK, SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit &amp;Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wall Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave Wall Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin chart of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin link chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin chart of %1 totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin national chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::MapPanel</name>
    <message>
        <source>Go to node…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shade provinces by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map shows the nodes that pass the Nodes filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole country (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen for the control-room wall (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 nodes on the map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::NodeDetailsPanel</name>
    <message>
        <source>Click a node on the map or a row in the Nodes table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::NodeRole</name>
    <message>
        <source>National node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry node</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::NodeTableModel</name>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>¥%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
id %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheapest accelerator: %1 at ¥%2 per card-hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2: %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running / queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accel. free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power kW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price /h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator utilization, weighted by the card count of each model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator cards free / installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheapest accelerator, CNY per card-hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of power from renewables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs running / queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age of the newest sample</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::NodeTier</name>
    <message>
        <source>National</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::NodesPanel</name>
    <message>
        <source>Search name, 中文名, id, city, province, compute id  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 nodes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::OverviewPanel</name>
    <message>
        <source>Every node is online and reporting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Federation overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU utilization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links congested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BY TIER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs running / queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEEDS ATTENTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes: %2 national, %3 regional, %4 industry · %5 links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 degraded · %2 stale · %3 offline or maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 busy · %2 cards free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean weighted by cores, %1 of %2 nodes reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 down · %2 up · %3 not reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 jobs running · %2 queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s ago · sampled every %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data received yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ReplayBar</name>
    <message>
        <source>Play or pause the replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step back (a second per 1× of speed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step forward (a second per 1× of speed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember this moment as A, the earlier side of a comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember this moment as B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare A–B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2 / %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::SaveSnapshotDialog</name>
    <message>
        <source>Save Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, and why this is worth keeping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The moment now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::api</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (retry after %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid node URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 scheme is not supported, only https and http</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain http to %1 is not allowed; use https or allow plain http for this endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no complete answer within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the access token contains control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node announced %1 bytes, the limit is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirect to %1 not followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data for %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is offline after %2 failed requests: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::api::LocalSimulator</name>
    <message>
        <source>the simulator exited with code %1 before it was ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cpn-nodesim was not found beside the console or on PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the simulator announced an unexpected address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the simulator did not start within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::charts::ChartCard</name>
    <message>
        <source>%1 — utilization and power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 — throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 — latency and loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National — utilization and power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A → B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B → A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time window; older data is read from the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume live updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::console</name>
    <message>
        <source>CPN Control Center: the console of the national computing-power network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the reference simulator on a free loopback port and connect to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulator scenario for --demo: default or synthetic:N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulator seed for --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the federation root (national node) at URL. May be given more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token for --connect (prefer the CPN_TOKEN environment variable: arguments are visible to other users).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a cache or snapshot file for offline review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language, e.g. en or zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow unencrypted http:// to hosts other than loopback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown scenario &apos;%1&apos;: use default or synthetic:N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an http(s) URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--offline cannot be combined with --demo or --connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic: save the window as a PNG file once the delay has passed, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait before --screenshot (default 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screenshot delay must be between 0 and 3600 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GeoJSON basemap of provinces (and boundary lines) to draw the map on, instead of the built-in one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in wall mode: the map alone, full screen (F11 toggles).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic: show the map&apos;s frame time and rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--basemap needs a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic, with --offline: start the replay this many seconds into the recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic: pin a few node, link and national charts on the dashboard at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--replay-at needs --offline and a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::console::ConsoleApp</name>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The simulator could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The simulator stopped (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the simulated federation (scenario %1, seed %2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulator listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated federation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basemap %1 cannot be used: %2. Showing the built-in one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in basemap cannot be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to live data.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::console::OfflineSession</name>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Open Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be opened for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RECORDING, not live — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewing %1: %2 to %3, not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RECORDING — the live cache rewound, %1, not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RECORDING — snapshot %1, %2, not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RECORDING — cache %1, %2, not live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::console::SnapshotCommands</name>
    <message>
        <source>&amp;Open Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpare Snapshots…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Cache…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the &amp;Last Hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the local cache of recorded data (File &gt; Clear Cache…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache was cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not be cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot imported into the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot was not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot was not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPN snapshots (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPN snapshots (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving snapshot %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete everything recorded in the local cache (%1)? Saved snapshots are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare: the Earlier Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare: the Later Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshots cannot be compared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare Snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshots cannot be compared.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::map::MapOverlay</name>
    <message>
        <source>No shading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free accelerators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheapest accelerator price (CNY/card-h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 nodes online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 degraded · %2 stale · %3 offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 in use (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 up · %2 congested · %3 down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 running · %2 queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data as of %1 (%2 s ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NATIONAL COMPUTING-POWER NETWORK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NODES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LINKS  load · capacity · › heavier direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; %1 Gbps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≥ %1 Gbps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROVINCES  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::map::MapRenderer</name>
    <message>
        <source>South China Sea Islands</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::map::NodeMapWidget</name>
    <message>
        <source>%1 ms/frame · %2 frames in the last second · %3 nodes · %4 links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators: %1 free of %2, %3 busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU: %1 busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 CNY per card-hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backbone link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Gbps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2: %3 Gbps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load %1 · latency %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Congested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No nodes shown in this province</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s), %1 reporting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Utilization %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators: %1 free of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::placement</name>
    <message>
        <source>%1 is offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in maintenance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has sent no measurements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has sent no measurements for %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in %2, outside the data-residency region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency from the users to %1 is %2 ms, over the limit of %3 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has none of the accelerator models %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 free %3 cards; the job needs %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 free CPU cores; the job needs %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 GiB of memory free; the job needs %3 GiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 TB of storage free; the job needs %3 TB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job would cost %1 CNY on %2, over the budget of %3 CNY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job would finish on %1 at %2, after the deadline of %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
