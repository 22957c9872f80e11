<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>cpn::ChangeTableModel</name>
    <message>
        <source>Node status</source>
        <translation>节点状态</translation>
    </message>
    <message>
        <source>Node added</source>
        <translation>节点新增</translation>
    </message>
    <message>
        <source>Node removed</source>
        <translation>节点移除</translation>
    </message>
    <message>
        <source>Link utilization</source>
        <translation>链路利用率</translation>
    </message>
    <message>
        <source>Region CPU</source>
        <translation>地区 CPU</translation>
    </message>
    <message>
        <source>Job started</source>
        <translation>作业开始</translation>
    </message>
    <message>
        <source>Job finished</source>
        <translation>作业结束</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Node, link or region</source>
        <translation>节点、链路或地区</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>变动</translation>
    </message>
</context>
<context>
    <name>cpn::ComparePanel</name>
    <message>
        <source>Set marks A and B on the replay bar, then Compare A–B.</source>
        <translation>在回放条上设置标记 A 和 B，然后点击“比较 A–B”。</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>从 %1 到 %2</translation>
    </message>
</context>
<context>
    <name>cpn::ConnectionIndicator</name>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>数据过期</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>data %1 s old</source>
        <translation>数据更新于 %1 秒前</translation>
    </message>
    <message>
        <source>data %1 min old</source>
        <translation>数据更新于 %1 分钟前</translation>
    </message>
    <message>
        <source>stale since %1</source>
        <translation>自 %1 起数据过期</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>尚无数据</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Newest data: %1</source>
        <translation>最新数据：%1</translation>
    </message>
    <message>
        <source>Failed requests in a row: %1</source>
        <translation>连续失败请求次数：%1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近一次错误：%1</translation>
    </message>
</context>
<context>
    <name>cpn::DashboardPanel</name>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Save every pinned chart to a PDF for the shift report</source>
        <translation>将所有固定的图表保存为 PDF，用于交班报告</translation>
    </message>
    <message>
        <source>Unpin all</source>
        <translation>全部取消固定</translation>
    </message>
    <message>
        <source>Pin charts from the map&apos;s or the node table&apos;s context menu, or drag nodes here from the table.</source>
        <translation>可从地图或节点表的右键菜单固定图表，或从节点表将节点拖到此处。</translation>
    </message>
    <message>
        <source>CPN Control Center</source>
        <translation>算力网络控制中心</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Export dashboard to PDF</source>
        <translation>将仪表板导出为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>CPN dashboard</source>
        <translation>算力网络仪表板</translation>
    </message>
</context>
<context>
    <name>cpn::DisplayStatus</name>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>数据过期</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护中</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>cpn::EventLogModel</name>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>cpn::EventsPanel</name>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove every event from the log</source>
        <translation>从日志中删除所有事件</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 条事件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpn::MainWindow</name>
    <message>
        <source>CPN Control Center</source>
        <translation>CPN 控制中心</translation>
    </message>
    <message>
        <source>Local time of this console</source>
        <translation>本控制台的本地时间</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Find Node</source>
        <translation>查找节点(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About CPN Control Center</source>
        <translation>关于 CPN 控制中心(&amp;A)</translation>
    </message>
    <message>
        <source>Endpoint online</source>
        <translation>端点在线</translation>
    </message>
    <message>
        <source>Endpoint data is stale</source>
        <translation>端点数据已过期</translation>
    </message>
    <message>
        <source>Endpoint offline</source>
        <translation>端点离线</translation>
    </message>
    <message>
        <source>Endpoint offline: %1</source>
        <translation>端点离线：%1</translation>
    </message>
    <message>
        <source>%1 recovered (was %2)</source>
        <translation>%1 已恢复（原状态：%2）</translation>
    </message>
    <message>
        <source>%1 is degraded</source>
        <translation>%1 处于降级状态</translation>
    </message>
    <message>
        <source>%1 stopped reporting: no data for more than %2 s</source>
        <translation>%1 已停止上报：超过 %2 秒无数据</translation>
    </message>
    <message>
        <source>%1 entered maintenance</source>
        <translation>%1 已进入维护状态</translation>
    </message>
    <message>
        <source>%1 went offline</source>
        <translation>%1 已离线</translation>
    </message>
    <message>
        <source>About CPN Control Center</source>
        <translation>关于 CPN 控制中心</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CPN Control Center %1&lt;/h3&gt;&lt;p&gt;Control center for China&apos;s national computing-power network: the national node, the regional hubs and clusters, and the industry nodes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data and attributions&lt;/b&gt;&lt;br&gt;Administrative division codes: GB/T 2260 and ISO 3166-2:CN.&lt;br&gt;Node, link and metric data: served by each node through the CPN node protocol v1.&lt;br&gt;Chinese text: Noto Sans CJK, SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CPN 控制中心 %1&lt;/h3&gt;&lt;p&gt;全国一体化算力网控制中心，涵盖国家节点、区域枢纽节点与数据中心集群，以及行业节点。&lt;/p&gt;&lt;p&gt;&lt;b&gt;数据与版权说明&lt;/b&gt;&lt;br&gt;行政区划代码：GB/T 2260 与 ISO 3166-2:CN。&lt;br&gt;节点、链路与指标数据：由各节点通过 CPN 节点协议 v1 提供。&lt;br&gt;中文字体：Noto Sans CJK，采用 SIL Open Font License 1.1 授权。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Node details</source>
        <translation>节点详情</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Fit &amp;Country</source>
        <translation>全国视图(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Wall Mode</source>
        <translation>大屏模式(&amp;W)</translation>
    </message>
    <message>
        <source>Leave Wall Mode</source>
        <translation>退出大屏模式</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Pin chart of %1</source>
        <translation>固定 %1 的图表</translation>
    </message>
    <message>
        <source>Pin link chart</source>
        <translation>固定链路图表</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Pin chart of %1 totals</source>
        <translation>固定 %1 汇总图表</translation>
    </message>
    <message>
        <source>Pin national chart</source>
        <translation>固定全国图表</translation>
    </message>
</context>
<context>
    <name>cpn::MapPanel</name>
    <message>
        <source>Go to node…</source>
        <translation>定位节点…</translation>
    </message>
    <message>
        <source>Shade provinces by</source>
        <translation>省份着色依据</translation>
    </message>
    <message>
        <source>The map shows the nodes that pass the Nodes filter</source>
        <translation>地图显示通过“节点”面板筛选的节点</translation>
    </message>
    <message>
        <source>Fit country</source>
        <translation>全国视图</translation>
    </message>
    <message>
        <source>Show the whole country (0)</source>
        <translation>显示全国（0）</translation>
    </message>
    <message>
        <source>Wall mode</source>
        <translation>大屏模式</translation>
    </message>
    <message>
        <source>Full screen for the control-room wall (F11)</source>
        <translation>全屏显示于指挥大厅大屏（F11）</translation>
    </message>
    <message>
        <source>%1 of %2 nodes on the map</source>
        <translation>地图显示 %1 / %2 个节点</translation>
    </message>
</context>
<context>
    <name>cpn::NodeDetailsPanel</name>
    <message>
        <source>Click a node on the map or a row in the Nodes table.</source>
        <translation>单击地图上的节点或“节点”表格中的一行。</translation>
    </message>
    <message>
        <source>Compute id</source>
        <translation>算力标识</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>未选择节点</translation>
    </message>
</context>
<context>
    <name>cpn::NodeRole</name>
    <message>
        <source>National node</source>
        <translation>国家节点</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>枢纽节点</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Industry node</source>
        <translation>行业节点</translation>
    </message>
</context>
<context>
    <name>cpn::NodeTableModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>¥%1</source>
        <translation>¥%1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1
id %2
%3</source>
        <translation>%1
ID：%2
%3</translation>
    </message>
    <message>
        <source>Cheapest accelerator: %1 at ¥%2 per card-hour</source>
        <translation>最低价加速卡：%1，每卡时 ¥%2</translation>
    </message>
    <message>
        <source>%1 × %2: %3 %</source>
        <translation>%1 × %2：%3 %</translation>
    </message>
    <message>
        <source>running / queued</source>
        <translation>运行中 / 排队中</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Accel.</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Accel. free</source>
        <translation>空闲加速卡</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Power kW</source>
        <translation>功率 kW</translation>
    </message>
    <message>
        <source>Price /h</source>
        <translation>价格/卡时</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿电</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Data age</source>
        <translation>距上次更新</translation>
    </message>
    <message>
        <source>Accelerator utilization, weighted by the card count of each model</source>
        <translation>加速卡利用率，按各型号卡数加权</translation>
    </message>
    <message>
        <source>Accelerator cards free / installed</source>
        <translation>空闲 / 已安装加速卡数</translation>
    </message>
    <message>
        <source>Cheapest accelerator, CNY per card-hour</source>
        <translation>最低价加速卡的价格，单位：CNY/卡时</translation>
    </message>
    <message>
        <source>Share of power from renewables</source>
        <translation>绿电占比：来自可再生能源的电力比例</translation>
    </message>
    <message>
        <source>Jobs running / queued</source>
        <translation>作业：运行中 / 排队中</translation>
    </message>
    <message>
        <source>Age of the newest sample</source>
        <translation>最新采样距今时长</translation>
    </message>
</context>
<context>
    <name>cpn::NodeTier</name>
    <message>
        <source>National</source>
        <translation>国家级</translation>
    </message>
    <message>
        <source>Regional</source>
        <translation>区域级</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业级</translation>
    </message>
</context>
<context>
    <name>cpn::NodesPanel</name>
    <message>
        <source>Search name, 中文名, id, city, province, compute id  (Ctrl+F)</source>
        <translation>搜索名称、中文名、ID、城市、省份、算力标识（Ctrl+F）</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需关注</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>全部省份</translation>
    </message>
    <message>
        <source>%1 of %2 nodes</source>
        <translation>%1 个节点（共 %2 个）</translation>
    </message>
</context>
<context>
    <name>cpn::OverviewPanel</name>
    <message>
        <source>Every node is online and reporting.</source>
        <translation>所有节点均在线并正常上报。</translation>
    </message>
    <message>
        <source>Federation overview</source>
        <translation>算力网总览</translation>
    </message>
    <message>
        <source>Nodes online</source>
        <translation>在线节点</translation>
    </message>
    <message>
        <source>Accelerators in use</source>
        <translation>使用中的加速卡</translation>
    </message>
    <message>
        <source>CPU utilization</source>
        <translation>CPU 利用率</translation>
    </message>
    <message>
        <source>Links congested</source>
        <translation>拥塞链路</translation>
    </message>
    <message>
        <source>Power draw</source>
        <translation>用电功率</translation>
    </message>
    <message>
        <source>Newest data</source>
        <translation>最新数据</translation>
    </message>
    <message>
        <source>BY TIER</source>
        <translation>按层级</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>Jobs running / queued</source>
        <translation>作业（运行中 / 排队中）</translation>
    </message>
    <message>
        <source>NEEDS ATTENTION</source>
        <translation>需关注</translation>
    </message>
    <message>
        <source>%1 nodes: %2 national, %3 regional, %4 industry · %5 links</source>
        <translation>%1 个节点：国家级 %2 个，区域级 %3 个，行业级 %4 个 · %5 条链路</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 degraded · %2 stale · %3 offline or maintenance</source>
        <translation>降级 %1 · 数据过期 %2 · 离线或维护中 %3</translation>
    </message>
    <message>
        <source>%1 busy · %2 cards free</source>
        <translation>占用 %1 · 空闲 %2 张</translation>
    </message>
    <message>
        <source>mean weighted by cores, %1 of %2 nodes reporting</source>
        <translation>按核数加权平均，%2 个节点中有 %1 个在上报</translation>
    </message>
    <message>
        <source>%1 down · %2 up · %3 not reporting</source>
        <translation>中断 %1 · 正常 %2 · 未上报 %3</translation>
    </message>
    <message>
        <source>%1 MW</source>
        <translation>%1 MW</translation>
    </message>
    <message>
        <source>%1 jobs running · %2 queued</source>
        <translation>运行中作业 %1 个 · 排队中 %2 个</translation>
    </message>
    <message>
        <source>%1 s ago · sampled every %2 s</source>
        <translation>%1 秒前 · 每 %2 秒采样一次</translation>
    </message>
    <message>
        <source>no data received yet</source>
        <translation>尚未收到数据</translation>
    </message>
</context>
<context>
    <name>cpn::ReplayBar</name>
    <message>
        <source>Play or pause the replay</source>
        <translation>播放或暂停回放</translation>
    </message>
    <message>
        <source>◀ Step</source>
        <translation>◀ 单步</translation>
    </message>
    <message>
        <source>Step back (a second per 1× of speed)</source>
        <translation>后退一步（每 1× 速度一秒）</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>单步 ▶</translation>
    </message>
    <message>
        <source>Step forward (a second per 1× of speed)</source>
        <translation>前进一步（每 1× 速度一秒）</translation>
    </message>
    <message>
        <source>Recorded time</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>回放速度</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Mark A</source>
        <translation>标记 A</translation>
    </message>
    <message>
        <source>Remember this moment as A, the earlier side of a comparison</source>
        <translation>将此时刻记为 A，即比较中较早的一方</translation>
    </message>
    <message>
        <source>Mark B</source>
        <translation>标记 B</translation>
    </message>
    <message>
        <source>Remember this moment as B</source>
        <translation>将此时刻记为 B</translation>
    </message>
    <message>
        <source>Compare A–B</source>
        <translation>比较 A–B</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>返回实时</translation>
    </message>
    <message>
        <source>%1  (%2 / %3)</source>
        <translation>%1  (%2 / %3)</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A：%1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B：%1</translation>
    </message>
    <message>
        <source>A %1</source>
        <translation>A %1</translation>
    </message>
    <message>
        <source>B %1</source>
        <translation>B %1</translation>
    </message>
</context>
<context>
    <name>cpn::SaveSnapshotDialog</name>
    <message>
        <source>Save Snapshot</source>
        <translation>保存快照</translation>
    </message>
    <message>
        <source>Snapshot %1</source>
        <translation>快照 %1</translation>
    </message>
    <message>
        <source>What happened, and why this is worth keeping</source>
        <translation>发生了什么，为什么值得保存</translation>
    </message>
    <message>
        <source>The moment now</source>
        <translation>当前时刻</translation>
    </message>
    <message>
        <source>The last 5 minutes</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>从 … 到 …</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Save:</source>
        <translation>保存(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>cpn::api</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>%1 (retry after %2 s)</source>
        <translation>%1（%2 秒后重试）</translation>
    </message>
    <message>
        <source>Invalid answer</source>
        <translation>响应无效</translation>
    </message>
    <message>
        <source>Answer too large</source>
        <translation>响应过大</translation>
    </message>
    <message>
        <source>Request refused</source>
        <translation>请求被拒绝</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>数据过期</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid node URL</source>
        <translation>“%1”不是有效的节点 URL</translation>
    </message>
    <message>
        <source>the %1 scheme is not supported, only https and http</source>
        <translation>不支持 %1 协议，仅支持 https 和 http</translation>
    </message>
    <message>
        <source>plain http to %1 is not allowed; use https or allow plain http for this endpoint</source>
        <translation>不允许以明文 http 访问 %1；请使用 https，或为此端点允许明文 http</translation>
    </message>
    <message>
        <source>no complete answer within %1 ms</source>
        <translation>%1 ms 内未收到完整响应</translation>
    </message>
    <message>
        <source>the access token contains control characters</source>
        <translation>访问令牌包含控制字符</translation>
    </message>
    <message>
        <source>more than %1 bytes</source>
        <translation>超过 %1 字节</translation>
    </message>
    <message>
        <source>the node announced %1 bytes, the limit is %2</source>
        <translation>节点声明的大小为 %1 字节，上限为 %2</translation>
    </message>
    <message>
        <source>redirect to %1 not followed</source>
        <translation>未跟随重定向至 %1</translation>
    </message>
    <message>
        <source>no data for %1 ms</source>
        <translation>%1 ms 内无数据</translation>
    </message>
    <message>
        <source>%1 is offline after %2 failed requests: %3</source>
        <translation>%1 连续 %2 次请求失败，已离线：%3</translation>
    </message>
</context>
<context>
    <name>cpn::api::LocalSimulator</name>
    <message>
        <source>the simulator exited with code %1 before it was ready</source>
        <translation>模拟器在就绪前退出，退出码 %1</translation>
    </message>
    <message>
        <source>cpn-nodesim was not found beside the console or on PATH</source>
        <translation>在控制台程序所在目录和 PATH 中均未找到 cpn-nodesim</translation>
    </message>
    <message>
        <source>the simulator announced an unexpected address: %1</source>
        <translation>模拟器报告了意外的地址：%1</translation>
    </message>
    <message>
        <source>the simulator did not start within %1 s</source>
        <translation>模拟器未在 %1 秒内启动</translation>
    </message>
</context>
<context>
    <name>cpn::charts::ChartCard</name>
    <message>
        <source>%1 — utilization and power</source>
        <translation>%1 — 利用率与功率</translation>
    </message>
    <message>
        <source>Link %1 — throughput</source>
        <translation>链路 %1 — 吞吐量</translation>
    </message>
    <message>
        <source>Link %1 — latency and loss</source>
        <translation>链路 %1 — 时延与丢包</translation>
    </message>
    <message>
        <source>National — utilization and power</source>
        <translation>全国 — 利用率与功率</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>A → B</source>
        <translation>A → B</translation>
    </message>
    <message>
        <source>B → A</source>
        <translation>B → A</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>时延</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>丢包</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Time window; older data is read from the cache</source>
        <translation>时间窗口；较早的数据从缓存读取</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause or resume live updates</source>
        <translation>暂停或恢复实时更新</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <source>Export data as CSV…</source>
        <translation>将数据导出为 CSV…</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export chart data as CSV</source>
        <translation>将图表数据导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>cpn::console</name>
    <message>
        <source>CPN Control Center: the console of the national computing-power network.</source>
        <translation>CPN 控制中心：全国一体化算力网控制台。</translation>
    </message>
    <message>
        <source>Start the reference simulator on a free loopback port and connect to it.</source>
        <translation>在空闲的回环端口上启动参考模拟器并连接到该模拟器。</translation>
    </message>
    <message>
        <source>Simulator scenario for --demo: default or synthetic:N.</source>
        <translation>--demo 使用的模拟器场景：default 或 synthetic:N。</translation>
    </message>
    <message>
        <source>Simulator seed for --demo.</source>
        <translation>--demo 使用的模拟器随机种子。</translation>
    </message>
    <message>
        <source>Connect to the federation root (national node) at URL. May be given more than once.</source>
        <translation>连接位于 URL 的算力网根节点（国家节点）。可多次指定。</translation>
    </message>
    <message>
        <source>Bearer token for --connect (prefer the CPN_TOKEN environment variable: arguments are visible to other users).</source>
        <translation>--connect 使用的 Bearer 令牌（建议改用 CPN_TOKEN 环境变量：命令行参数对其他用户可见）。</translation>
    </message>
    <message>
        <source>Open a cache or snapshot file for offline review.</source>
        <translation>打开缓存或快照文件进行离线审阅。</translation>
    </message>
    <message>
        <source>User interface language, e.g. en or zh_CN.</source>
        <translation>界面语言，例如 en 或 zh_CN。</translation>
    </message>
    <message>
        <source>Allow unencrypted http:// to hosts other than loopback.</source>
        <translation>允许通过未加密的 http:// 连接回环地址以外的主机。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>Unknown scenario &apos;%1&apos;: use default or synthetic:N.</source>
        <translation>未知场景“%1”：请使用 default 或 synthetic:N。</translation>
    </message>
    <message>
        <source>The seed must be a whole number.</source>
        <translation>种子必须为整数。</translation>
    </message>
    <message>
        <source>Not an http(s) URL: %1</source>
        <translation>不是 http(s) URL：%1</translation>
    </message>
    <message>
        <source>--offline cannot be combined with --demo or --connect.</source>
        <translation>--offline 不能与 --demo 或 --connect 同时使用。</translation>
    </message>
    <message>
        <source>Diagnostic: save the window as a PNG file once the delay has passed, then quit.</source>
        <translation>诊断用：等待指定时间后将窗口保存为 PNG 文件，然后退出。</translation>
    </message>
    <message>
        <source>Seconds to wait before --screenshot (default 8).</source>
        <translation>执行 --screenshot 前等待的秒数（默认 8）。</translation>
    </message>
    <message>
        <source>The screenshot delay must be between 0 and 3600 seconds.</source>
        <translation>截图等待时间必须在 0 到 3600 秒之间。</translation>
    </message>
    <message>
        <source>GeoJSON basemap of provinces (and boundary lines) to draw the map on, instead of the built-in one.</source>
        <translation>用于绘制地图的省级行政区（及界线）GeoJSON 底图，替代内置底图。</translation>
    </message>
    <message>
        <source>Start in wall mode: the map alone, full screen (F11 toggles).</source>
        <translation>以大屏模式启动：全屏仅显示地图（F11 切换）。</translation>
    </message>
    <message>
        <source>Diagnostic: show the map&apos;s frame time and rate.</source>
        <translation>诊断用：显示地图的帧耗时与帧率。</translation>
    </message>
    <message>
        <source>--basemap needs a file name.</source>
        <translation>--basemap 需要指定文件名。</translation>
    </message>
    <message>
        <source>Diagnostic, with --offline: start the replay this many seconds into the recording.</source>
        <translation>诊断用，需配合 --offline：从记录开始后的这么多秒处开始回放。</translation>
    </message>
    <message>
        <source>--replay-at needs --offline and a number of seconds.</source>
        <translation>--replay-at 需要 --offline 和秒数。</translation>
    </message>
    <message>
        <source>Diagnostic: pin a few node, link and national charts on the dashboard at start.</source>
        <translation>诊断：启动时在仪表板上固定若干节点、链路和全国图表。</translation>
    </message>
</context>
<context>
    <name>cpn::console::ConsoleApp</name>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>The simulator could not be started: %1</source>
        <translation>无法启动模拟器：%1</translation>
    </message>
    <message>
        <source>The simulator stopped (exit code %1).</source>
        <translation>模拟器已停止（退出码 %1）。</translation>
    </message>
    <message>
        <source>Offline review</source>
        <translation>离线审阅</translation>
    </message>
    <message>
        <source>Starting the simulated federation (scenario %1, seed %2)…</source>
        <translation>正在启动模拟算力网（场景 %1，种子 %2）…</translation>
    </message>
    <message>
        <source>Simulator listening on %1</source>
        <translation>模拟器正在监听 %1</translation>
    </message>
    <message>
        <source>Simulated federation</source>
        <translation>模拟算力网</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>The basemap %1 cannot be used: %2. Showing the built-in one.</source>
        <translation>无法使用底图 %1：%2。改为显示内置底图。</translation>
    </message>
    <message>
        <source>The built-in basemap cannot be loaded: %1</source>
        <translation>无法加载内置底图：%1</translation>
    </message>
    <message>
        <source>Back to live data.</source>
        <translation>已返回实时数据。</translation>
    </message>
</context>
<context>
    <name>cpn::console::OfflineSession</name>
    <message>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Offline review</source>
        <translation>离线回看</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot Open Recording</source>
        <translation>无法打开记录</translation>
    </message>
    <message>
        <source>%1 cannot be opened for review.</source>
        <translation>无法打开 %1 进行回看。</translation>
    </message>
    <message>
        <source>RECORDING, not live — %1</source>
        <translation>记录回放，非实时 — %1</translation>
    </message>
    <message>
        <source>Reviewing %1: %2 to %3, not live</source>
        <translation>正在回看 %1：%2 至 %3，非实时</translation>
    </message>
    <message>
        <source>RECORDING — the live cache rewound, %1, not live</source>
        <translation>记录回放 — 实时缓存回溯，%1，非实时</translation>
    </message>
    <message>
        <source>RECORDING — snapshot %1, %2, not live</source>
        <translation>记录回放 — 快照 %1，%2，非实时</translation>
    </message>
    <message>
        <source>RECORDING — cache %1, %2, not live</source>
        <translation>记录回放 — 缓存 %1，%2，非实时</translation>
    </message>
</context>
<context>
    <name>cpn::console::SnapshotCommands</name>
    <message>
        <source>&amp;Open Snapshot…</source>
        <translation>打开快照(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save Snapshot…</source>
        <translation>保存快照(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Import Snapshot…</source>
        <translation>导入快照(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Clear Cache…</source>
        <translation>清除缓存(&amp;C)…</translation>
    </message>
    <message>
        <source>Review the &amp;Last Hour</source>
        <translation>回看最近一小时(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Back to Live</source>
        <translation>返回实时(&amp;B)</translation>
    </message>
    <message>
        <source>Size of the local cache of recorded data (File &gt; Clear Cache…)</source>
        <translation>本地记录数据缓存的大小（文件 &gt; 清除缓存…）</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>The cache was cleared.</source>
        <translation>缓存已清除。</translation>
    </message>
    <message>
        <source>The cache could not be cleared.</source>
        <translation>无法清除缓存。</translation>
    </message>
    <message>
        <source>Snapshot imported into the cache.</source>
        <translation>快照已导入缓存。</translation>
    </message>
    <message>
        <source>The snapshot was not imported: %1</source>
        <translation>快照未导入：%1</translation>
    </message>
    <message>
        <source>Import Snapshot</source>
        <translation>导入快照</translation>
    </message>
    <message>
        <source>The snapshot was not imported.</source>
        <translation>快照未导入。</translation>
    </message>
    <message>
        <source>Cache %1</source>
        <translation>缓存 %1</translation>
    </message>
    <message>
        <source>Open Snapshot</source>
        <translation>打开快照</translation>
    </message>
    <message>
        <source>CPN snapshots (%1);;All files (*)</source>
        <translation>CPN 快照 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save Snapshot</source>
        <translation>保存快照</translation>
    </message>
    <message>
        <source>CPN snapshots (%1)</source>
        <translation>CPN 快照 (%1)</translation>
    </message>
    <message>
        <source>Saving snapshot %1…</source>
        <translation>正在保存快照 %1…</translation>
    </message>
    <message>
        <source>Snapshot saved to %1</source>
        <translation>快照已保存到 %1</translation>
    </message>
    <message>
        <source>The snapshot was not saved: %1</source>
        <translation>快照未保存：%1</translation>
    </message>
    <message>
        <source>The snapshot was not saved.</source>
        <translation>快照未保存。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Clear Cache</source>
        <translation>清除缓存</translation>
    </message>
    <message>
        <source>Delete everything recorded in the local cache (%1)? Saved snapshots are not affected.</source>
        <translation>删除本地缓存中记录的全部数据（%1）？已保存的快照不受影响。</translation>
    </message>
    <message>
        <source>Co&amp;mpare Snapshots…</source>
        <translation>比较快照(&amp;M)…</translation>
    </message>
    <message>
        <source>Compare: the Earlier Snapshot</source>
        <translation>比较：较早的快照</translation>
    </message>
    <message>
        <source>Compare: the Later Snapshot</source>
        <translation>比较：较晚的快照</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>The snapshots cannot be compared: %1</source>
        <translation>无法比较快照：%1</translation>
    </message>
    <message>
        <source>Compare Snapshots</source>
        <translation>比较快照</translation>
    </message>
    <message>
        <source>The snapshots cannot be compared.</source>
        <translation>无法比较快照。</translation>
    </message>
</context>
<context>
    <name>cpn::map::MapOverlay</name>
    <message>
        <source>No shading</source>
        <translation>不着色</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Free accelerators</source>
        <translation>空闲加速卡</translation>
    </message>
    <message>
        <source>Cheapest accelerator price (CNY/card-h)</source>
        <translation>最低加速卡价格（元/卡时）</translation>
    </message>
    <message>
        <source>Waiting for data</source>
        <translation>等待数据</translation>
    </message>
    <message>
        <source>%1 / %2 nodes online</source>
        <translation>%1 / %2 个节点在线</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>需关注</translation>
    </message>
    <message>
        <source>%1 degraded · %2 stale · %3 offline</source>
        <translation>%1 降级 · %2 过期 · %3 离线</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>%1 / %2 in use (%3)</source>
        <translation>%1 / %2 使用中（%3）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>%1 up · %2 congested · %3 down</source>
        <translation>%1 正常 · %2 拥塞 · %3 中断</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>%1 MW</source>
        <translation>%1 兆瓦</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>%1 running · %2 queued</source>
        <translation>%1 运行中 · %2 排队</translation>
    </message>
    <message>
        <source>Data as of %1 (%2 s ago)</source>
        <translation>数据时间 %1（%2 秒前）</translation>
    </message>
    <message>
        <source>NATIONAL COMPUTING-POWER NETWORK</source>
        <translation>全国一体化算力网</translation>
    </message>
    <message>
        <source>NODES</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>National</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>枢纽</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>LINKS  load · capacity · › heavier direction</source>
        <translation>链路  负载 · 容量 · › 流量较大方向</translation>
    </message>
    <message>
        <source>&lt; %1 Gbps</source>
        <translation>&lt; %1 Gbps</translation>
    </message>
    <message>
        <source>≥ %1 Gbps</source>
        <translation>≥ %1 Gbps</translation>
    </message>
    <message>
        <source>PROVINCES  %1</source>
        <translation>省份  %1</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
</context>
<context>
    <name>cpn::map::MapRenderer</name>
    <message>
        <source>South China Sea Islands</source>
        <translation>南海诸岛</translation>
    </message>
</context>
<context>
    <name>cpn::map::NodeMapWidget</name>
    <message>
        <source>%1 ms/frame · %2 frames in the last second · %3 nodes · %4 links</source>
        <translation>%1 毫秒/帧 · 最近一秒 %2 帧 · %3 个节点 · %4 条链路</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Accelerators: %1 free of %2, %3 busy</source>
        <translation>加速卡：%2 张中 %1 张空闲，繁忙 %3</translation>
    </message>
    <message>
        <source>CPU: %1 busy</source>
        <translation>CPU：繁忙 %1</translation>
    </message>
    <message>
        <source>From %1 CNY per card-hour</source>
        <translation>最低 %1 元/卡时</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>尚无数据</translation>
    </message>
    <message>
        <source>Backbone link</source>
        <translation>骨干链路</translation>
    </message>
    <message>
        <source>Regional link</source>
        <translation>区域链路</translation>
    </message>
    <message>
        <source>Access link</source>
        <translation>接入链路</translation>
    </message>
    <message>
        <source>%1 Gbps</source>
        <translation>%1 Gbps</translation>
    </message>
    <message>
        <source>%1 → %2: %3 Gbps</source>
        <translation>%1 → %2：%3 Gbps</translation>
    </message>
    <message>
        <source>Load %1 · latency %2 ms</source>
        <translation>负载 %1 · 时延 %2 毫秒</translation>
    </message>
    <message>
        <source>Congested</source>
        <translation>拥塞</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>No nodes shown in this province</source>
        <translation>该省份没有显示的节点</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s), %1 reporting</source>
        <translation>
            <numerusform>%n 个节点，%1 个在上报</numerusform>
        </translation>
    </message>
    <message>
        <source>Utilization %1</source>
        <translation>利用率 %1</translation>
    </message>
    <message>
        <source>Accelerators: %1 free of %2</source>
        <translation>加速卡：%2 张中 %1 张空闲</translation>
    </message>
</context>
<context>
    <name>cpn::placement</name>
    <message>
        <source>%1 is offline.</source>
        <translation>%1 已离线。</translation>
    </message>
    <message>
        <source>%1 is in maintenance.</source>
        <translation>%1 正在维护。</translation>
    </message>
    <message>
        <source>%1 has sent no measurements.</source>
        <translation>%1 尚未发送任何测量数据。</translation>
    </message>
    <message>
        <source>%1 has sent no measurements for %2 s.</source>
        <translation>%1 已 %2 秒未发送测量数据。</translation>
    </message>
    <message>
        <source>%1 is in %2, outside the data-residency region.</source>
        <translation>%1 位于%2，不在数据驻留区域内。</translation>
    </message>
    <message>
        <source>Latency from the users to %1 is %2 ms, over the limit of %3 ms.</source>
        <translation>用户到 %1 的时延为 %2 毫秒，超过上限 %3 毫秒。</translation>
    </message>
    <message>
        <source>%1 has none of the accelerator models %2.</source>
        <translation>%1 没有以下任何加速卡型号：%2。</translation>
    </message>
    <message>
        <source>%1 has %2 free %3 cards; the job needs %4.</source>
        <translation>%1 有 %2 张空闲的 %3 加速卡；作业需要 %4 张。</translation>
    </message>
    <message>
        <source>%1 has %2 free CPU cores; the job needs %3.</source>
        <translation>%1 有 %2 个空闲 CPU 核；作业需要 %3 个。</translation>
    </message>
    <message>
        <source>%1 has %2 GiB of memory free; the job needs %3 GiB.</source>
        <translation>%1 有 %2 GiB 空闲内存；作业需要 %3 GiB。</translation>
    </message>
    <message>
        <source>%1 has %2 TB of storage free; the job needs %3 TB.</source>
        <translation>%1 有 %2 TB 空闲存储；作业需要 %3 TB。</translation>
    </message>
    <message>
        <source>The job would cost %1 CNY on %2, over the budget of %3 CNY.</source>
        <translation>作业在 %2 上将花费 %1 元，超出预算 %3 元。</translation>
    </message>
    <message>
        <source>The job would finish on %1 at %2, after the deadline of %3.</source>
        <translation>作业在 %1 上将于 %2 完成，晚于截止时间 %3。</translation>
    </message>
</context>
</TS>
