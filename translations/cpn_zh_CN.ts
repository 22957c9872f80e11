<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HandoverReportWriter</name>
    <message>
        <source>Link down</source>
        <translation>链路中断</translation>
    </message>
    <message>
        <source>Node offline</source>
        <translation>节点离线</translation>
    </message>
    <message>
        <source>Node not reporting</source>
        <translation>节点未上报</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批处理</translation>
    </message>
    <message>
        <source>endpoint of %1</source>
        <translation>%1 的端点</translation>
    </message>
    <message>
        <source>%1 and the nodes under it</source>
        <translation>%1 及其下属节点</translation>
    </message>
    <message>
        <source>%1 MW</source>
        <translation>%1 兆瓦</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 千瓦</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>China Computing Power Network</source>
        <translation>全国一体化算力网</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2（%3）</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>编制人</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>%1 · %2 – %3</source>
        <translation>%1 · %2 – %3</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Alarms: %1 raised, %2 cleared, %3 still open</source>
        <translation>告警：新增 %1 条，清除 %2 条，仍未恢复 %3 条</translation>
    </message>
    <message>
        <source>(%1 critical)</source>
        <translation>（严重 %1 条）</translation>
    </message>
    <message>
        <source>Alarm history not available</source>
        <translation>告警历史不可用</translation>
    </message>
    <message>
        <source>Outages: %1</source>
        <translation>中断：%1 次</translation>
    </message>
    <message>
        <source>Failed jobs: %1</source>
        <translation>失败作业：%1 个</translation>
    </message>
    <message>
        <source>Nodes online at the end: %1</source>
        <translation>结束时在线节点：%1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 / %2（%3）</translation>
    </message>
    <message>
        <source>Nodes online</source>
        <translation>在线节点</translation>
    </message>
    <message>
        <source>Nodes offline or not reporting</source>
        <translation>离线或未上报节点</translation>
    </message>
    <message>
        <source>Accelerators in use</source>
        <translation>在用加速卡</translation>
    </message>
    <message>
        <source>CPU utilization</source>
        <translation>CPU 利用率</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> 个百分点</translation>
    </message>
    <message>
        <source> MW</source>
        <translation> 兆瓦</translation>
    </message>
    <message>
        <source> kW</source>
        <translation> 千瓦</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>Links congested</source>
        <translation>拥塞链路</translation>
    </message>
    <message>
        <source>Links down</source>
        <translation>中断链路</translation>
    </message>
    <message>
        <source>CPU utilization (%)</source>
        <translation>CPU 利用率（%）</translation>
    </message>
    <message>
        <source>Accelerators in use (%)</source>
        <translation>加速卡使用率（%）</translation>
    </message>
    <message>
        <source>Power (MW)</source>
        <translation>功率（兆瓦）</translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation>功率（千瓦）</translation>
    </message>
    <message>
        <source>Nodes affected: %1</source>
        <translation>受影响节点：%1</translation>
    </message>
    <message>
        <source>Open for %1</source>
        <translation>已持续 %1</translation>
    </message>
    <message>
        <source>%1, after %2</source>
        <translation>%1，历时 %2</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 于 %2</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>已静默</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2: %3</source>
        <translation>%1 于 %2 确认：%3</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 于 %2：%3</translation>
    </message>
    <message>
        <source>before %1</source>
        <translation>%1 之前</translation>
    </message>
    <message>
        <source>still down</source>
        <translation>仍未恢复</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>至少 %1</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>约 %1</translation>
    </message>
    <message>
        <source>National figures</source>
        <translation>全国指标</translation>
    </message>
    <message>
        <source>The cache holds no samples for this period: the console was not recording, or the samples have been purged. Figures, outages and charts are not available.</source>
        <translation>缓存中没有该时段的采样：控制台当时未在记录，或采样已被清理。指标、中断和图表均不可用。</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>At start (%1)</source>
        <translation>开始时（%1）</translation>
    </message>
    <message>
        <source>At end (%1)</source>
        <translation>结束时（%1）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Over the period</source>
        <translation>时段内趋势</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Alarm history not available: this console does not record the alarms for this period.</source>
        <translation>告警历史不可用：本控制台未记录该时段的告警。</translation>
    </message>
    <message>
        <source>No alarm was raised or open during the period.</source>
        <translation>该时段内没有新增或未恢复的告警。</translation>
    </message>
    <message>
        <source>Open alarms first, most severe first; then those cleared during the period. Acknowledgements and comments are listed under their alarm.</source>
        <translation>先列未恢复的告警（按严重程度排序），再列该时段内已清除的告警。确认和评论列在所属告警下方。</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>产生</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Outages</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>Not available: nothing was recorded for this period.</source>
        <translation>不可用：该时段没有任何记录。</translation>
    </message>
    <message>
        <source>No node or link was down or silent at the moments checked (every %1).</source>
        <translation>在检查的各时刻（每 %1）没有节点或链路中断或停止上报。</translation>
    </message>
    <message>
        <source>Nodes that were offline or not reporting, and links that were down while both their ends reported, as recorded by the console every %1: times are to that step, and shorter outages may not appear. Longest first.</source>
        <translation>离线或未上报的节点，以及两端均在上报时中断的链路，依据控制台每 %1 的记录：时间精确到该间隔，更短的中断可能未列出。按时长从长到短排列。</translation>
    </message>
    <message>
        <source>Node or link</source>
        <translation>节点或链路</translation>
    </message>
    <message>
        <source>Outage</source>
        <translation>中断类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Shorter outages not listed: %1.</source>
        <translation>未列出的较短中断：%1 次。</translation>
    </message>
    <message>
        <source>Failed jobs</source>
        <translation>失败作业</translation>
    </message>
    <message>
        <source>Not recorded: the cache holds only the jobs submitted from this console, and there are none.</source>
        <translation>未记录：缓存只保存从本控制台提交的作业，目前没有。</translation>
    </message>
    <message>
        <source>No job submitted from this console failed during the period.</source>
        <translation>该时段内从本控制台提交的作业均未失败。</translation>
    </message>
    <message>
        <source>Jobs submitted from this console that failed during the period.</source>
        <translation>该时段内失败的、从本控制台提交的作业。</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Failed at</source>
        <translation>失败时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Shift Handover Report</source>
        <translation>交接班报告</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: the PDF could not be started.</source>
        <translation>无法写入 %1：无法开始生成 PDF。</translation>
    </message>
    <message>
        <source>Cannot write %1: the PDF could not be completed.</source>
        <translation>无法写入 %1：无法完成 PDF。</translation>
    </message>
    <message>
        <source>The recording could not be read: %1</source>
        <translation>无法读取记录：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>alarm kind: its source</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>cpn::AccountsDialog</name>
    <message>
        <source>Sign In…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Token valid until</source>
        <translation>令牌有效期至</translation>
    </message>
    <message>
        <source>Opens the system browser at the endpoint&apos;s sign-in page</source>
        <translation>在系统浏览器中打开该端点的登录页面</translation>
    </message>
    <message>
        <source>Revokes the tokens at the server and forgets them here</source>
        <translation>在服务器端吊销令牌，并从本地清除</translation>
    </message>
    <message>
        <source>Tokens are kept in memory only.</source>
        <translation>令牌仅保存在内存中。</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>正在检查钥匙串…</translation>
    </message>
    <message>
        <source>Tokens are kept in the system keychain; the next start signs in again without the browser.</source>
        <translation>令牌保存在系统钥匙串中；下次启动时无需浏览器即可自动登录。</translation>
    </message>
    <message>
        <source>Tokens are kept in memory only, because %1. You will sign in again at the next start.</source>
        <translation>令牌仅保存在内存中，原因：%1。下次启动时需重新登录。</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Signed-in accounts</source>
        <translation>已登录的账户</translation>
    </message>
    <message>
        <source>One row per endpoint: who is signed in, with which role</source>
        <translation>每个端点一行：谁已登录，以何种角色</translation>
    </message>
</context>
<context>
    <name>cpn::AccountsUi</name>
    <message>
        <source>&amp;Accounts</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>登录(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign in at the federation root in the system browser</source>
        <translation>在系统浏览器中登录算力网根节点</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Revoke this console&apos;s tokens and forget them</source>
        <translation>吊销此控制台的令牌并清除</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>账户(&amp;A)…</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登录为 %1（%2）</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>No browser could be opened for the sign-in; its address is shown to copy.</source>
        <translation>无法为登录打开浏览器；已显示登录页地址供复制。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>cpn::AlarmActionDialog</name>
    <message>
        <source>Acknowledge Alarms</source>
        <translation>确认告警</translation>
    </message>
    <message>
        <source>Comment (required):</source>
        <translation>备注（必填）：</translation>
    </message>
    <message>
        <source>Until cleared</source>
        <translation>直至清除</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 小时</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 小时</translation>
    </message>
    <message>
        <source>Acknowledged:</source>
        <translation>确认有效期：</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Comment on Alarms</source>
        <translation>为告警添加备注</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Add Comment</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Silence Alarms</source>
        <translation>屏蔽告警</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>原因（必填）：</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 小时</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>Maintenance window:</source>
        <translation>维护窗口：</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>屏蔽</translation>
    </message>
</context>
<context>
    <name>cpn::AlarmDirectory</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>cpn::AlarmsPanel</name>
    <message>
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarms with a comment</source>
        <translation>附备注确认所选告警</translation>
    </message>
    <message>
        <source>Unacknowledge</source>
        <translation>撤销确认</translation>
    </message>
    <message>
        <source>Withdraw the acknowledgement of the selected alarms</source>
        <translation>撤销所选告警的确认</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <source>Add a comment to the selected alarms</source>
        <translation>为所选告警添加备注</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>屏蔽…</translation>
    </message>
    <message>
        <source>A maintenance window on the sources of the selected alarms</source>
        <translation>为所选告警的来源设置维护窗口</translation>
    </message>
    <message>
        <source>End Silence</source>
        <translation>结束屏蔽</translation>
    </message>
    <message>
        <source>End the maintenance windows on the selected sources</source>
        <translation>结束所选来源的维护窗口</translation>
    </message>
    <message>
        <source>Show on Map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Major or worse</source>
        <translation>重要及以上</translation>
    </message>
    <message>
        <source>Minor or worse</source>
        <translation>次要及以上</translation>
    </message>
    <message>
        <source>Warning or worse</source>
        <translation>警告及以上</translation>
    </message>
    <message>
        <source>Acknowledged or not</source>
        <translation>已确认或未确认</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>Only alarms of a node and the nodes under it</source>
        <translation>仅显示某节点及其下级节点的告警</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>仅活动告警</translation>
    </message>
    <message>
        <source>Search alarms, sources, comments…</source>
        <translation>搜索告警、来源、备注…</translation>
    </message>
    <message>
        <source>All subtrees</source>
        <translation>全部子树</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an alarm to see its affected nodes, comments and history.&lt;/p&gt;</source>
        <translation>&lt;p&gt;选择一条告警以查看受影响节点、备注和历史。&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n alarms selected.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;已选择 %n 条告警。&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 since %3</source>
        <translation>%1，自 %3 起%2</translation>
    </message>
    <message>
        <source>active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>已清除</translation>
    </message>
    <message>
        <source>Silenced by a maintenance window</source>
        <translation>已被维护窗口屏蔽</translation>
    </message>
    <message>
        <source>Affected nodes (%1):</source>
        <translation>受影响节点（%1）：</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n alarms selected</source>
        <translation>
            <numerusform>已选择 %n 条告警</numerusform>
        </translation>
    </message>
    <message>
        <source>Alarms acknowledged.</source>
        <translation>告警已确认。</translation>
    </message>
    <message>
        <source>Acknowledgements withdrawn.</source>
        <translation>确认已撤销。</translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation>备注已添加。</translation>
    </message>
    <message>
        <source>Maintenance window set.</source>
        <translation>维护窗口已设置。</translation>
    </message>
    <message>
        <source>Maintenance window ended.</source>
        <translation>维护窗口已结束。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>The root of this alarm is no longer connected.</source>
        <translation>该告警所属的根节点已断开连接。</translation>
    </message>
    <message>
        <source>This is a recording: its alarms cannot be acted on</source>
        <translation>这是记录回放：不能对其中的告警执行操作</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>The alarms of every connected root; select some to act on them</source>
        <translation>所有已连接根节点的告警；选择若干条以对其操作</translation>
    </message>
    <message>
        <source>Selected alarm</source>
        <translation>所选告警</translation>
    </message>
    <message>
        <source>Its affected nodes, comments and history</source>
        <translation>其受影响节点、备注和历史</translation>
    </message>
    <message>
        <source>Search alarms</source>
        <translation>搜索告警</translation>
    </message>
    <message>
        <source>In the alarms, their sources and comments</source>
        <translation>在告警、其来源和备注中搜索</translation>
    </message>
    <message>
        <source>Show the alarms of this severity</source>
        <translation>显示此级别的告警</translation>
    </message>
    <message>
        <source>Show acknowledged alarms, unacknowledged ones or both</source>
        <translation>显示已确认、未确认或全部告警</translation>
    </message>
    <message>
        <source>Show the alarms of one region</source>
        <translation>显示某一地区的告警</translation>
    </message>
</context>
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
    <message>
        <source>Link status</source>
        <translation>链路状态</translation>
    </message>
    <message>
        <source>up</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>congested</source>
        <translation>拥塞</translation>
    </message>
    <message>
        <source>down</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>Alarm raised</source>
        <translation>告警产生</translation>
    </message>
    <message>
        <source>Alarm cleared</source>
        <translation>告警清除</translation>
    </message>
    <message>
        <source>Alarm acknowledged</source>
        <translation>告警已确认</translation>
    </message>
    <message>
        <source>Alarm unacknowledged</source>
        <translation>告警取消确认</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>An alarm in the Compare table: its kind, then what it is about (a node&apos;s name, a link &quot;a - b&quot;)</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>已清除</translation>
    </message>
    <message>
        <source>not acknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>由 %1 确认</translation>
    </message>
    <message>
        <source>by %1: %2</source>
        <translation>由 %1 确认：%2</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Node, link, region or alarm</source>
        <translation>节点、链路、地区或告警</translation>
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
    <message>
        <source>Changes between A and B</source>
        <translation>A 与 B 之间的变化</translation>
    </message>
</context>
<context>
    <name>cpn::ConnectDialog</name>
    <message>
        <source>Allow unencrypted HTTP to this endpoint</source>
        <translation>允许以未加密的 HTTP 访问此端点</translation>
    </message>
    <message>
        <source>Sign in after connecting</source>
        <translation>连接后登录</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Connect to Federation</source>
        <translation>连接算力网</translation>
    </message>
    <message>
        <source>The root (national) node of a federation. Its nodes and links join the ones already shown; the console connects to it again at the next start.</source>
        <translation>算力网的根节点（国家节点）。其节点和链路将与已显示的一并呈现；下次启动时控制台会再次连接它。</translation>
    </message>
    <message>
        <source>The system&apos;s certificate authorities</source>
        <translation>系统的证书颁发机构</translation>
    </message>
    <message>
        <source>A PEM file of the private certificate authority that signed this node&apos;s certificate, trusted for this endpoint only</source>
        <translation>签发该节点证书的私有证书颁发机构的 PEM 文件，仅对此端点受信任</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Tokens and data would cross the network readable by anyone on the way. Only for a node on a private network you trust.</source>
        <translation>令牌和数据将以明文在网络中传输，途经的任何人都能读取。仅用于您信任的私有网络中的节点。</translation>
    </message>
    <message>
        <source>Opens the system browser at the node&apos;s sign-in page once connected</source>
        <translation>连接后在系统浏览器中打开该节点的登录页面</translation>
    </message>
    <message>
        <source>Root URL:</source>
        <translation>根节点 URL：</translation>
    </message>
    <message>
        <source>Private CA:</source>
        <translation>私有 CA：</translation>
    </message>
    <message>
        <source>Private Certificate Authority</source>
        <translation>私有证书颁发机构</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Private CA</source>
        <translation>私有 CA</translation>
    </message>
    <message>
        <source>The PEM file of the certificate authority, empty for the system&apos;s</source>
        <translation>证书颁发机构的 PEM 文件，留空则使用系统的</translation>
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
    <message>
        <source>No chart is pinned.</source>
        <translation>未固定任何图表。</translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2 · %n chart(s)</source>
        <translation>
            <numerusform>%1 – %2 · %n 个图表</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>导出于 %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
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
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>cpn::DropConfirmDialog</name>
    <message>
        <source>Place %1</source>
        <translation>部署 %1</translation>
    </message>
    <message>
        <source>Workload:</source>
        <translation>工作负载：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>best fit in %1</source>
        <translation>%1 内最佳匹配</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>节点：</translation>
    </message>
    <message>
        <source>Accelerators:</source>
        <translation>加速卡：</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>≈ %1 CNY</source>
        <translation>≈ %1 CNY</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>费用：</translation>
    </message>
    <message>
        <source>ETA:</source>
        <translation>预计完成时间：</translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation>队列：</translation>
    </message>
    <message>
        <source>%1 h before it starts</source>
        <translation>排队 %1 小时后开始</translation>
    </message>
    <message>
        <source>cost %1 · transfer %2 · latency %3 · headroom %4 · energy %5</source>
        <translation>费用 %1 · 传输 %2 · 时延 %3 · 余量 %4 · 能耗 %5</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>评分：</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>分项：</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Your account may not submit jobs (jobs:write).</source>
        <translation>您的账户无权提交作业（jobs:write）。</translation>
    </message>
    <message>
        <source>Plan Only</source>
        <translation>仅规划</translation>
    </message>
    <message>
        <source>Keep it in the queue, planned on this node; undoable until it is submitted.</source>
        <translation>保留在队列中，并规划到此节点；提交前可撤销。</translation>
    </message>
    <message>
        <source>%1 of 100, rank %2 of %3</source>
        <translation>%1 分（满分 100），第 %2 名，共 %3 个</translation>
    </message>
    <message>
        <source>starts %1, done by %2</source>
        <translation>%1 开始，最迟 %2 完成</translation>
    </message>
</context>
<context>
    <name>cpn::Duration</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
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
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>What happened to the nodes, links and connections, newest last</source>
        <translation>节点、链路和连接上发生的事件，最新的在最后</translation>
    </message>
</context>
<context>
    <name>cpn::HandoverReportCommand</name>
    <message>
        <source>&amp;Handover Report…</source>
        <translation>交接班报告(&amp;H)…</translation>
    </message>
    <message>
        <source>Write a PDF of the alarms, outages, failed jobs and national figures of a period</source>
        <translation>将某时段的告警、中断、失败作业和全国指标写成 PDF</translation>
    </message>
    <message>
        <source>Reading the recording…</source>
        <translation>正在读取记录…</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>The handover report was not written: %1</source>
        <translation>交接班报告未能生成：%1</translation>
    </message>
    <message>
        <source>The handover report was not written.</source>
        <translation>交接班报告未能生成。</translation>
    </message>
    <message>
        <source>Handover report saved to %1 (pages: %2)</source>
        <translation>交接班报告已保存到 %1（共 %2 页）</translation>
    </message>
    <message>
        <source>The handover report is ready.</source>
        <translation>交接班报告已生成。</translation>
    </message>
    <message>
        <source>Open Report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>cpn::HandoverReportDialog</name>
    <message>
        <source>Handover Report</source>
        <translation>交接班报告</translation>
    </message>
    <message>
        <source>Last 8 Hours</source>
        <translation>最近 8 小时</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>Create Report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>A PDF for the next shift: the alarms, outages and failed jobs of the period, and the national figures at its start and end with charts over it.</source>
        <translation>为下一班生成的 PDF：该时段的告警、中断和失败作业，以及开始和结束时的全国指标及其趋势图。</translation>
    </message>
    <message>
        <source>Save Handover Report</source>
        <translation>保存交接班报告</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>The period must end after it starts.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Choose a file to save the report to.</source>
        <translation>请选择保存报告的文件。</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>时段起点</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>时段终点</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>The PDF file the report is written to</source>
        <translation>报告写入的 PDF 文件</translation>
    </message>
</context>
<context>
    <name>cpn::HierarchyModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>上报中</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>繁忙度</translation>
    </message>
    <message>
        <source>Free cards</source>
        <translation>空闲加速卡</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
</context>
<context>
    <name>cpn::HierarchyPanel</name>
    <message>
        <source>Name, compute identifier or province</source>
        <translation>名称、算力标识或省份</translation>
    </message>
    <message>
        <source>Search the hierarchy</source>
        <translation>搜索层级</translation>
    </message>
    <message>
        <source>&amp;Whole Federation</source>
        <translation>整个算力网(&amp;W)</translation>
    </message>
    <message>
        <source>Show every node again</source>
        <translation>重新显示全部节点</translation>
    </message>
    <message>
        <source>Hierarchy</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Whole federation</source>
        <translation>整个算力网</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>Pin the chosen node&apos;s totals, with every node below it, on the Dashboard</source>
        <translation>将所选节点及其下属全部节点的合计固定到仪表板</translation>
    </message>
    <message>
        <source>Pi&amp;n Chart</source>
        <translation>固定图表(&amp;N)</translation>
    </message>
</context>
<context>
    <name>cpn::IdentifierManagementWindow</name>
    <message>
        <source>Reason (kept in the audit trail)</source>
        <translation>原因（记入审计记录）</translation>
    </message>
    <message>
        <source>Note (optional, kept in the audit trail)</source>
        <translation>备注（可选，记入审计记录）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>驳回(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>暂停(&amp;S)…</translation>
    </message>
    <message>
        <source>Re&amp;instate…</source>
        <translation>恢复(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>注销(&amp;V)…</translation>
    </message>
    <message>
        <source>Identifier Management</source>
        <translation>标识管理</translation>
    </message>
    <message>
        <source>&amp;Registry of:</source>
        <translation>登记机构(&amp;R)：</translation>
    </message>
    <message>
        <source>Registry of</source>
        <translation>登记机构</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Compute identifier</source>
        <translation>算力标识</translation>
    </message>
    <message>
        <source>&amp;Identifier:</source>
        <translation>标识(&amp;I)：</translation>
    </message>
    <message>
        <source>Pending applications</source>
        <translation>待审批的申请</translation>
    </message>
    <message>
        <source>Pending Applications</source>
        <translation>待审批申请</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <source>Show registrations</source>
        <translation>显示的登记</translation>
    </message>
    <message>
        <source>All decided</source>
        <translation>全部已审批</translation>
    </message>
    <message>
        <source>Registered identifiers</source>
        <translation>已登记的标识</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>标识登记册</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Audit trail of the selected registration:</source>
        <translation>所选登记的审计记录：</translation>
    </message>
    <message>
        <source>Not connected to a federation.</source>
        <translation>未连接到任何算力网。</translation>
    </message>
    <message>
        <source>This root keeps no identifier registry.</source>
        <translation>此根节点不维护标识登记册。</translation>
    </message>
    <message>
        <source>The registry did not answer: %1</source>
        <translation>登记册没有应答：%1</translation>
    </message>
    <message>
        <source>Pending Applications (%1)</source>
        <translation>待审批申请（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s), as of %1</source>
        <translation>
            <numerusform>%n 条登记，截至 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve Application</source>
        <translation>批准申请</translation>
    </message>
    <message>
        <source>Approve %1 (%2) under %3? It gets the next compute identifier for its tier, province and sector, and joins the directory.</source>
        <translation>批准 %1（%2）接入 %3 之下？它将获得其层级、省份和行业的下一个算力标识，并加入节点目录。</translation>
    </message>
    <message>
        <source>Reject Application</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <source>Why is the application of %1 rejected? The applicant is told.</source>
        <translation>为什么驳回 %1 的申请？申请方会看到这一原因。</translation>
    </message>
    <message>
        <source>Suspend Identifier</source>
        <translation>暂停标识</translation>
    </message>
    <message>
        <source>Suspend %1 (%2)? The node stays in the directory, marked suspended, and is offered no work until it is reinstated. Why?</source>
        <translation>暂停 %1（%2）？该节点仍留在目录中并标为已暂停，恢复之前不会分配任何作业。原因是什么？</translation>
    </message>
    <message>
        <source>Reinstate Identifier</source>
        <translation>恢复标识</translation>
    </message>
    <message>
        <source>Reinstate %1 (%2)? It takes work again. Why?</source>
        <translation>恢复 %1（%2）？它将重新接受作业。原因是什么？</translation>
    </message>
    <message>
        <source>Revoke Identifier</source>
        <translation>注销标识</translation>
    </message>
    <message>
        <source>Revoke %1 (%2)? The node leaves the directory and the identifier is never given again. This cannot be undone. Why?</source>
        <translation>注销 %1（%2）？该节点将离开目录，此标识永不再分配。此操作无法撤销。原因是什么？</translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation>%1 未被更改：%2</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 现为“%2”。</translation>
    </message>
    <message>
        <source>%1 is now %2: %3.</source>
        <translation>%1 现为“%2”：%3。</translation>
    </message>
    <message>
        <source>A valid identifier, but not in this registry.</source>
        <translation>标识有效，但不在此登记册中。</translation>
    </message>
    <message>
        <source>%1: %2, %3.</source>
        <translation>%1：%2，%3。</translation>
    </message>
    <message>
        <source>Not of the form CPN-&lt;tier&gt;&lt;province&gt;-&lt;sector&gt;-&lt;serial&gt;-&lt;check&gt;, e.g. CPN-R52-GEN-00007-0: tier N, R or I; a two-digit province code; a three-letter sector; a five-digit serial; one check character.</source>
        <translation>格式应为 CPN-&amp;lt;层级&amp;gt;&amp;lt;省份&amp;gt;-&amp;lt;行业&amp;gt;-&amp;lt;序号&amp;gt;-&amp;lt;校验位&amp;gt;，例如 CPN-R52-GEN-00007-0：层级为 N、R 或 I；两位省级代码；三个字母的行业代码；五位序号；一个校验字符。</translation>
    </message>
    <message>
        <source>%1 is not a province code (GB/T 2260: 11 Beijing … 82 Macao).</source>
        <translation>%1 不是省级代码（GB/T 2260：11 北京 … 82 澳门）。</translation>
    </message>
    <message>
        <source>%1 is not a sector code; the sectors are %2.</source>
        <translation>%1 不是行业代码；行业代码为 %2。</translation>
    </message>
    <message>
        <source>Serial 00000 is never assigned; serials start at 00001.</source>
        <translation>序号 00000 从不分配；序号从 00001 开始。</translation>
    </message>
    <message>
        <source>The check character should be %1, not %2: a character was mistyped or two were swapped.</source>
        <translation>校验位应为 %1 而不是 %2：可能有一个字符输错，或两个字符顺序颠倒。</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>您是否要找 %1？</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>cpn::JobKindPage</name>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Name the job and say what kind of work it is.</source>
        <translation>为作业命名，并说明工作类型。</translation>
    </message>
    <message>
        <source>May be split across nodes</source>
        <translation>可拆分到多个节点</translation>
    </message>
    <message>
        <source>up to </source>
        <translation>最多 </translation>
    </message>
    <message>
        <source> nodes</source>
        <translation> 个节点</translation>
    </message>
    <message>
        <source>Inference services and batch jobs may run in parts on several nodes; training and fine-tuning always run on one.</source>
        <translation>推理服务和批处理作业可分成多部分在多个节点上运行；训练和微调始终在单个节点上运行。</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Give the job a name.</source>
        <translation>请为作业命名。</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <source>Split across at most</source>
        <translation>最多拆分到</translation>
    </message>
    <message>
        <source>How many nodes the job may run on</source>
        <translation>作业最多可在多少个节点上运行</translation>
    </message>
</context>
<context>
    <name>cpn::JobWizard</name>
    <message>
        <source>Place a Job</source>
        <translation>部署作业</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>部署方案</translation>
    </message>
    <message>
        <source>Where the engine would run the job, best first; splits across nodes appear when the job allows them.</source>
        <translation>引擎建议的作业运行位置，最优在前；作业允许拆分时，会列出跨节点的拆分方案。</translation>
    </message>
</context>
<context>
    <name>cpn::JobsPanel</name>
    <message>
        <source>Double-click a job to centre the map on its node</source>
        <translation>双击作业可将地图居中到其所在节点</translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation>取消作业(&amp;C)</translation>
    </message>
    <message>
        <source>%1 was not cancelled: %2</source>
        <translation>%1 未能取消：%2</translation>
    </message>
    <message>
        <source>%1 submitted to %2.</source>
        <translation>%1 已提交到 %2。</translation>
    </message>
    <message>
        <source>Cancelling %1…</source>
        <translation>正在取消 %1…</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
</context>
<context>
    <name>cpn::LatencyMatrixModel</name>
    <message>
        <source>between hubs</source>
        <translation>枢纽之间</translation>
    </message>
    <message>
        <source>within a region</source>
        <translation>区域之内</translation>
    </message>
    <message>
        <source>within a city</source>
        <translation>城市之内</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Target %1 ms %2</source>
        <translation>目标：%2 %1 毫秒</translation>
    </message>
    <message numerus="yes">
        <source>Now %1 ms over %n link(s)</source>
        <translation>
            <numerusform>当前 %1 毫秒，经 %n 条链路</numerusform>
        </translation>
    </message>
    <message>
        <source>No current latency: a link on the path is down or has sent no sample</source>
        <translation>无当前时延：路径上有链路中断或尚未上报样本</translation>
    </message>
    <message>
        <source>%1 ms at base latency</source>
        <translation>基础时延 %1 毫秒</translation>
    </message>
    <message>
        <source>Misses its target by design: the path leaves less than 10 % headroom at base latency</source>
        <translation>按设计无法达标：路径在基础时延下余量不足 10 %</translation>
    </message>
    <message>
        <source>Met its target %1 % of the last %2</source>
        <translation>最近 %2 内有 %1 % 的时间达标</translation>
    </message>
    <message>
        <source>No recorded latency in the last %1</source>
        <translation>最近 %1 内没有时延记录</translation>
    </message>
    <message>
        <source>The worst of the region&apos;s paths</source>
        <translation>区域内最差的一条路径</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>cpn::LatencyPanel</name>
    <message>
        <source>15 minutes</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation>6 小时</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>&amp;Rings on the map from the selected node</source>
        <translation>在地图上显示所选节点的时延圈(&amp;R)</translation>
    </message>
    <message>
        <source>Compliance over the last:</source>
        <translation>达标率统计：最近</translation>
    </message>
    <message>
        <source>Compliance window</source>
        <translation>达标率统计范围</translation>
    </message>
    <message>
        <source>Each cell: the path&apos;s latency now, and the share of the window it met its target. Targets: 20 ms between hubs, 5 ms within a region, 1 ms within a city; along the diagonal, the worst of a hub&apos;s region. Green within, amber above 80 %, red above; purple: misses it by design (no headroom at base latency); grey: no data.</source>
        <translation>每格：路径的当前时延，以及统计范围内达标时间的占比。目标：枢纽之间 20 毫秒，区域之内 5 毫秒，城市之内 1 毫秒；对角线为该枢纽区域内最差的一条。绿色达标，琥珀色超过目标的 80 %，红色超标；紫色：按设计无法达标（基础时延下没有余量）；灰色：无数据。</translation>
    </message>
    <message>
        <source>Latency between hubs</source>
        <translation>枢纽间时延</translation>
    </message>
    <message>
        <source>Latency %1 is %2 ms, above its %3 ms target %4</source>
        <translation>%1 时延为 %2 毫秒，超过%4 %3 毫秒的目标</translation>
    </message>
    <message>
        <source>Latency %1 is back within its %2 ms target: %3 ms</source>
        <translation>%1 时延已回到 %2 毫秒目标以内：%3 毫秒</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>cpn::LoadIndicator</name>
    <message numerus="yes">
        <source>%n tick(s) skipped on screen</source>
        <translation>
            <numerusform>屏幕跳过了 %n 个周期</numerusform>
        </translation>
    </message>
    <message>
        <source>The console fell behind and showed the newest tick; the cache recorded every tick it received.</source>
        <translation>控制台处理不及，已直接显示最新周期；缓存仍记录了收到的每个周期。</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) dropped</source>
        <translation>
            <numerusform>丢弃了 %n 个应答</numerusform>
        </translation>
    </message>
    <message>
        <source>Answers arrived faster than they could be read; the dropped ones are asked for again.</source>
        <translation>应答到达的速度超过了解析速度；被丢弃的应答会重新请求。</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) not recorded</source>
        <translation>
            <numerusform>%n 批数据未记录</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache could not keep up; these batches are missing from the recording.</source>
        <translation>缓存写入跟不上；这些批次未被记录。</translation>
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
    <message>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>No alarm sounds (the map still blinks)</source>
        <translation>不播放告警声音（地图仍会闪烁）</translation>
    </message>
    <message>
        <source>No alarm sounds or notifications for 15 minutes; click again to end</source>
        <translation>15 分钟内不播放告警声音、不弹出通知；再次点击结束</translation>
    </message>
    <message>
        <source>Alarm &amp;Sounds</source>
        <translation>告警声音(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>静音(&amp;M)</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>暂停提醒至 %1</translation>
    </message>
    <message>
        <source>Snooze 15 min</source>
        <translation>暂停提醒 15 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new alarm(s)</source>
        <translation>
            <numerusform>%1：%n 条新告警</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Hierarchy</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Latency Targets</source>
        <translation>时延目标</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>时延</translation>
    </message>
    <message>
        <source>Pin chart of %1 and the nodes below</source>
        <translation>固定 %1 及其下属节点的图表</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Identifier Management…</source>
        <translation>标识管理(&amp;I)…</translation>
    </message>
    <message>
        <source>Approve or reject applications to join, and suspend, reinstate or revoke compute identifiers</source>
        <translation>批准或驳回接入申请，暂停、恢复或注销算力标识</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>系统语言(&amp;S)</translation>
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
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Go to node</source>
        <translation>转到节点</translation>
    </message>
    <message>
        <source>Type a node&apos;s name and press Enter: the map centres on it</source>
        <translation>输入节点名称并按回车：地图将以其为中心</translation>
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
    <message>
        <source>%1 (suspended: takes no work)</source>
        <translation>%1（已暂停：不接受作业）</translation>
    </message>
</context>
<context>
    <name>cpn::NodeNames</name>
    <message>
        <source>Node id %1</source>
        <translation>节点标识 %1</translation>
    </message>
    <message>
        <source>Node id %1, compute identifier %2</source>
        <translation>节点标识 %1，算力标识 %2</translation>
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
    <message>
        <source>%1, suspended</source>
        <translation>%1，已暂停</translation>
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
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search nodes</source>
        <translation>搜索节点</translation>
    </message>
    <message>
        <source>By name, Chinese name, id, city, province or compute id</source>
        <translation>按名称、中文名、标识、城市、省份或算力标识</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Show the nodes of one tier</source>
        <translation>显示某一层级的节点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Show the nodes of one status</source>
        <translation>显示某一状态的节点</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Show the nodes of one province</source>
        <translation>显示某一省份的节点</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Every node with its status and figures; the map follows the selection</source>
        <translation>所有节点及其状态和指标；地图跟随所选节点</translation>
    </message>
    <message>
        <source>Node names</source>
        <translation>节点名称</translation>
    </message>
    <message>
        <source>The Nodes table&apos;s first column, kept in view</source>
        <translation>节点表的第一列，始终可见</translation>
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
    <message>
        <source>recorded, not live · sampled every %1 s</source>
        <translation>录制数据，非实时 · 每 %1 秒采样一次</translation>
    </message>
    <message>
        <source>Nodes that need attention</source>
        <translation>需要关注的节点</translation>
    </message>
</context>
<context>
    <name>cpn::PlanningUi</name>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>&amp;Planning</source>
        <translation>规划(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Select Resources…</source>
        <translation>选择资源(&amp;S)…</translation>
    </message>
    <message>
        <source>Find and reserve the offers that fit a workload</source>
        <translation>查找并预留适合工作负载的资源报价</translation>
    </message>
    <message>
        <source>&amp;Place a Job…</source>
        <translation>部署作业(&amp;P)…</translation>
    </message>
    <message>
        <source>Choose where a job runs and submit it</source>
        <translation>选择作业的运行位置并提交</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>Job %1 (%2) submitted to %3.</source>
        <translation>作业 %1（%2）已提交到 %3。</translation>
    </message>
    <message>
        <source>A job was not submitted: %1</source>
        <translation>有作业未能提交：%1</translation>
    </message>
    <message>
        <source>Workload Queue</source>
        <translation>工作负载队列</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>预留</translation>
    </message>
    <message>
        <source>Reservation %1 was not released: %2</source>
        <translation>预留 %1 未释放：%2</translation>
    </message>
    <message>
        <source>Reserved %1 at %2 (%3).</source>
        <translation>已在 %2 预留 %1（%3）。</translation>
    </message>
</context>
<context>
    <name>cpn::PlanningUndoStack</name>
    <message>
        <source>Plan %1 in %2</source>
        <translation>在 %2 内规划 %1</translation>
    </message>
    <message>
        <source>Plan %1 on %2</source>
        <translation>在 %2 上规划 %1</translation>
    </message>
    <message>
        <source>Unplan %1</source>
        <translation>取消规划 %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>cpn::ProblemsBand</name>
    <message>
        <source>%1 · acknowledged by %2</source>
        <translation>%1 · 已由 %2 确认</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more open problem(s)</source>
        <translation>
            <numerusform>另有 %n 个未解决的问题</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3, for %4</source>
        <translation>%1：%2，%3，已持续 %4</translation>
    </message>
    <message>
        <source>Open problems</source>
        <translation>未解决的问题</translation>
    </message>
</context>
<context>
    <name>cpn::RankedOffersPage</name>
    <message>
        <source>¥%1</source>
        <translation>¥%1</translation>
    </message>
    <message>
        <source>Ranked offers</source>
        <translation>资源报价排名</translation>
    </message>
    <message>
        <source>Nodes that can take the work, best first. Bars show each part of the score (longer is better); the candidates are ringed on the map.</source>
        <translation>可承接该工作的节点，最优在前。条形显示评分的各分项（越长越好）；候选节点已在地图上圈出。</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Rank again against the newest offers and samples</source>
        <translation>根据最新的报价和采样重新排名</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Est. cost</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>数据传输</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>时延</translation>
    </message>
    <message>
        <source>Headroom</source>
        <translation>余量</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>未入选原因</translation>
    </message>
    <message>
        <source>Ranked</source>
        <translation>已排名</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>¥%1/core·h</source>
        <translation>¥%1/核·小时</translation>
    </message>
    <message>
        <source>¥%1/card·h</source>
        <translation>¥%1/卡·小时</translation>
    </message>
    <message>
        <source>%1 (%2 cards)</source>
        <translation>%1（%2 张卡）</translation>
    </message>
    <message>
        <source>Weighted total of the five parts</source>
        <translation>五项得分的加权总和</translation>
    </message>
    <message>
        <source>%1 h to move the data</source>
        <translation>数据传输需 %1 小时</translation>
    </message>
    <message>
        <source>%1 ms from the users</source>
        <translation>距用户 %1 ms</translation>
    </message>
    <message>
        <source>%1 % busy after placing</source>
        <translation>部署后利用率 %1 %</translation>
    </message>
    <message>
        <source>%1 kg CO₂ from non-renewable power</source>
        <translation>非可再生电力产生 %1 kg CO₂</translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>%1 小时后</translation>
    </message>
    <message>
        <source>now</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>Ranked (%1)</source>
        <translation>已排名（%1）</translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation>已排除（%1）</translation>
    </message>
    <message>
        <source>No federation directory yet: connect to a node first.</source>
        <translation>尚无算力网目录：请先连接到一个节点。</translation>
    </message>
    <message>
        <source>No node of %1 can take this work. The Rejected tab says why; go back to relax the requirements.</source>
        <translation>%1 中没有节点能承接此工作。“已排除”标签页列出了原因；请返回放宽需求。</translation>
    </message>
    <message>
        <source>%1 candidates among %2 nodes, ranked at %3.</source>
        <translation>在 %2 个节点中找到 %1 个候选，排名时间 %3。</translation>
    </message>
    <message>
        <source>The nodes that can take the work, best first</source>
        <translation>能承接该工作的节点，最佳的在前</translation>
    </message>
    <message>
        <source>Rejected nodes</source>
        <translation>被排除的节点</translation>
    </message>
    <message>
        <source>The nodes that cannot take the work, and why</source>
        <translation>不能承接该工作的节点及原因</translation>
    </message>
</context>
<context>
    <name>cpn::RegistrationTableModel</name>
    <message>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Reinstated</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>联系人：%1</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>%1 %2 by %3</source>
        <translation>%3 于 %2 %1</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Node ID</source>
        <translation>节点 ID</translation>
    </message>
    <message>
        <source>Under</source>
        <translation>上级节点</translation>
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
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Compute identifier</source>
        <translation>算力标识</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>最近操作</translation>
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
    <message>
        <source>Play or pause</source>
        <translation>播放或暂停</translation>
    </message>
    <message>
        <source>The moment of the recording shown; arrows step, Page Up and Down jump</source>
        <translation>所显示的记录时刻；方向键逐步移动，Page Up 和 Page Down 跳转</translation>
    </message>
</context>
<context>
    <name>cpn::RequirementsPage</name>
    <message>
        <source>Requirements</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>What the work needs and where it may run. The count below follows your entries.</source>
        <translation>工作所需的资源及可运行的位置。下方计数会随您的输入更新。</translation>
    </message>
    <message>
        <source> cards</source>
        <translation> 张卡</translation>
    </message>
    <message>
        <source> cores</source>
        <translation> 核</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source> TB</source>
        <translation> TB</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Finish by</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>¥</source>
        <translation>¥</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Anywhere, or province codes such as CN-GZ, CN-NM</source>
        <translation>任意位置，或填写省份代码，如 CN-GZ、CN-NM</translation>
    </message>
    <message>
        <source>Prefer nodes running on renewable power</source>
        <translation>优先选择使用绿电的节点</translation>
    </message>
    <message>
        <source>within</source>
        <translation>不超过</translation>
    </message>
    <message>
        <source>&amp;Accelerators:</source>
        <translation>加速卡(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;CPU:</source>
        <translation>CPU(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>内存(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Storage:</source>
        <translation>存储(&amp;S)：</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>时长(&amp;U)：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>截止时间：</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>预算(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Data at:</source>
        <translation>数据位置(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Residency:</source>
        <translation>数据驻留(&amp;R)：</translation>
    </message>
    <message>
        <source>No accelerators (CPU only)</source>
        <translation>不需要加速卡（仅 CPU）</translation>
    </message>
    <message>
        <source>Any training-class card</source>
        <translation>任意训练级加速卡</translation>
    </message>
    <message>
        <source>Any inference-class card</source>
        <translation>任意推理级加速卡</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Enter how long the work runs (more than 0 hours).</source>
        <translation>请输入工作运行时长（须大于 0 小时）。</translation>
    </message>
    <message>
        <source>The work needs at least one accelerator card or CPU core.</source>
        <translation>工作至少需要一张加速卡或一个 CPU 核。</translation>
    </message>
    <message>
        <source>Choose an accelerator model or class.</source>
        <translation>请选择加速卡型号或类别。</translation>
    </message>
    <message>
        <source>%1 is not a province code (use ISO 3166-2:CN codes such as CN-GZ).</source>
        <translation>%1 不是有效的省份代码（请使用 ISO 3166-2:CN 代码，如 CN-GZ）。</translation>
    </message>
    <message>
        <source>The deadline has already passed.</source>
        <translation>截止时间已过。</translation>
    </message>
    <message>
        <source>The deadline is sooner than the work&apos;s own duration.</source>
        <translation>距截止时间不足工作本身所需时长。</translation>
    </message>
    <message>
        <source>Say where the %1 TB of data are, or set the amount to 0.</source>
        <translation>请指明 %1 TB 数据所在位置，或将数据量设为 0。</translation>
    </message>
    <message>
        <source>Say where the users are to limit their latency.</source>
        <translation>如需限制用户时延，请指明用户所在位置。</translation>
    </message>
    <message>
        <source>Counting the nodes that could take it…</source>
        <translation>正在统计可承接的节点…</translation>
    </message>
    <message>
        <source>Nothing to count until the entries are valid.</source>
        <translation>输入有效后才会统计。</translation>
    </message>
    <message>
        <source>No federation directory yet: connect to a node first.</source>
        <translation>尚无算力网目录：请先连接到一个节点。</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) of %1 can take it; the best is %2 at about ¥%3.</source>
        <translation>
            <numerusform>%1 中有 %n 个节点可承接；最优为 %2，约 ¥%3。</numerusform>
        </translation>
    </message>
    <message>
        <source>No node of %1 can take it; for example %2: %3</source>
        <translation>%1 中没有节点可承接；例如 %2：%3</translation>
    </message>
    <message>
        <source>No node can take it.</source>
        <translation>没有节点可承接。</translation>
    </message>
    <message>
        <source>Users a&amp;t:</source>
        <translation>用户位置(&amp;T)：</translation>
    </message>
    <message>
        <source>This job runs on reservation %1: %2 held at %3. It is placed there only.</source>
        <translation>此作业使用预留 %1：%3 为其保留 %2，只放置在该节点。</translation>
    </message>
    <message>
        <source>Fixed by the reservation %1</source>
        <translation>由预留 %1 确定</translation>
    </message>
    <message>
        <source>Node: %1</source>
        <translation>节点：%1</translation>
    </message>
    <message>
        <source>Accelerator cards</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Data to move in</source>
        <translation>需迁入的数据</translation>
    </message>
    <message>
        <source>Terabytes of input data at the data location</source>
        <translation>数据所在地的输入数据量（TB）</translation>
    </message>
    <message>
        <source>Maximum latency to the users</source>
        <translation>到用户的最大时延</translation>
    </message>
</context>
<context>
    <name>cpn::Reservation</name>
    <message numerus="yes">
        <source>%n %1 card(s)</source>
        <translation>
            <numerusform>%n 张 %1 卡</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CPU core(s)</source>
        <translation>
            <numerusform>%n 个 CPU 核</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n GiB of memory</source>
        <translation>
            <numerusform>%n GiB 内存</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n TB of storage</source>
        <translation>
            <numerusform>%n TB 存储</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpn::ReservationPage</name>
    <message>
        <source>Reservation</source>
        <translation>预留</translation>
    </message>
    <message>
        <source>The node holds the units for you until a job uses them or the reservation expires.</source>
        <translation>节点将为您保留这些资源单元，直到作业使用它们或预留到期。</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Nothing to reserve: choose an offer first.</source>
        <translation>无可预留内容：请先选择一个资源报价。</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 CPU cores</source>
        <translation>%1 个 CPU 核</translation>
    </message>
    <message>
        <source>%1 at %2 for %3 h, estimated ¥%4.</source>
        <translation>%2 上的 %1，时长 %3 小时，预计 ¥%4。</translation>
    </message>
    <message>
        <source>%1 has no offer for this any more; go back and rank again.</source>
        <translation>%1 已不再提供此报价；请返回重新排名。</translation>
    </message>
    <message>
        <source>Reserving…</source>
        <translation>正在预留…</translation>
    </message>
    <message>
        <source>The node could not reserve it: %1. Go back and rank again to pick another offer.</source>
        <translation>节点无法完成预留：%1。请返回重新排名，选择其他报价。</translation>
    </message>
    <message>
        <source>Not reserved: %1</source>
        <translation>未预留：%1</translation>
    </message>
    <message>
        <source>Place a &amp;Job on It…</source>
        <translation>在此预留上部署作业(&amp;J)…</translation>
    </message>
    <message>
        <source>Open Place a Job with these requirements, on the units just reserved</source>
        <translation>以这些需求打开“部署作业”，使用刚预留的资源</translation>
    </message>
    <message>
        <source>Reserved: %1 holds %2 at %3 until %4. Place a job on it before then.</source>
        <translation>已预留：%1 在 %3 保留 %2，至 %4。请在此之前部署作业。</translation>
    </message>
</context>
<context>
    <name>cpn::ReservationsPanel</name>
    <message>
        <source>Reservation</source>
        <translation>预留</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>预留</translation>
    </message>
    <message>
        <source>Place a &amp;Job on It…</source>
        <translation>在此预留上部署作业(&amp;J)…</translation>
    </message>
    <message>
        <source>Open Place a Job on the selected reservation&apos;s units</source>
        <translation>在所选预留的资源上打开“部署作业”</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>释放(&amp;L)</translation>
    </message>
    <message>
        <source>Give the selected reservation&apos;s units back to the node</source>
        <translation>将所选预留的资源交还节点</translation>
    </message>
    <message>
        <source>Releasing %1…</source>
        <translation>正在释放 %1…</translation>
    </message>
    <message>
        <source>%1 was not released: %2</source>
        <translation>%1 未释放：%2</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>Used by %1</source>
        <translation>已由 %1 使用</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已释放</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message numerus="yes">
        <source>%1 (in %n min)</source>
        <translation>
            <numerusform>%1（%n 分钟后）</numerusform>
        </translation>
    </message>
    <message>
        <source>¥%1/unit·h</source>
        <translation>¥%1/单位·时</translation>
    </message>
</context>
<context>
    <name>cpn::ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Check where the job will run, what it should cost and when it should finish.</source>
        <translation>请核对作业的运行位置、预计费用和预计完成时间。</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>提交(&amp;S)</translation>
    </message>
    <message>
        <source>Reserve the units first, so a vanished offer stops the submission early</source>
        <translation>先预留资源单元，以便报价失效时及早中止提交</translation>
    </message>
    <message>
        <source>No proposal chosen.</source>
        <translation>未选择方案。</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>仅 CPU</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source> (budget ¥%1)</source>
        <translation>（预算 ¥%1）</translation>
    </message>
    <message>
        <source> (deadline %1)</source>
        <translation>（截止 %1）</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — %2, %3 h&lt;/p&gt;&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th align=left&gt;Node&lt;/th&gt;&lt;th align=left&gt;Runs on&lt;/th&gt;&lt;th&gt;Share&lt;/th&gt;&lt;/tr&gt;%4&lt;/table&gt;&lt;p&gt;Estimated cost: &lt;b&gt;¥%5&lt;/b&gt;%6&lt;br&gt;Starts: %7&lt;br&gt;Done by: &lt;b&gt;%8&lt;/b&gt;%9&lt;br&gt;Renewable share: %10 %&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — %2，%3 小时&lt;/p&gt;&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th align=left&gt;节点&lt;/th&gt;&lt;th align=left&gt;运行于&lt;/th&gt;&lt;th&gt;份额&lt;/th&gt;&lt;/tr&gt;%4&lt;/table&gt;&lt;p&gt;预计费用：&lt;b&gt;¥%5&lt;/b&gt;%6&lt;br&gt;开始时间：%7&lt;br&gt;最迟完成：&lt;b&gt;%8&lt;/b&gt;%9&lt;br&gt;绿电占比：%10 %&lt;/p&gt;</translation>
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
    <name>cpn::ScopeGate</name>
    <message>
        <source>Needs a planner&apos;s sign-in (%1); you are signed in as %2</source>
        <translation>需要规划员登录（%1）；当前登录身份为 %2</translation>
    </message>
    <message>
        <source>Needs a sign-in with %1; you are signed in as %2</source>
        <translation>需要具备 %1 权限范围的登录；当前登录身份为 %2</translation>
    </message>
    <message>
        <source>Needs an operator&apos;s sign-in (%1); you are signed in as %2</source>
        <translation>需要运维员登录（%1）；当前登录身份为 %2</translation>
    </message>
</context>
<context>
    <name>cpn::SelectionWizard</name>
    <message>
        <source>Selection</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Select Resources</source>
        <translation>选择资源</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;serve &gt;</source>
        <translation>预留(&amp;S) &gt;</translation>
    </message>
    <message>
        <source>Reserve holds the chosen offer&apos;s units at its node for the job&apos;s duration</source>
        <translation>“预留”会在节点上为作业时长保留所选报价的资源</translation>
    </message>
</context>
<context>
    <name>cpn::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit the country</source>
        <translation>显示全国</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Select the next / previous node</source>
        <translation>选择下一个 / 上一个节点</translation>
    </message>
    <message>
        <source>Say the selected node&apos;s status (hover card, status bar, screen reader)</source>
        <translation>报告所选节点的状态（悬停卡片、状态栏、屏幕阅读器）</translation>
    </message>
    <message>
        <source>Open the selected node&apos;s details</source>
        <translation>打开所选节点的详情</translation>
    </message>
    <message>
        <source>The selected node&apos;s menu (pin charts)</source>
        <translation>所选节点的菜单（固定图表）</translation>
    </message>
    <message>
        <source>Place the workload selected in the queue on the selected node</source>
        <translation>将队列中所选的工作负载部署到所选节点</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Say how the selected node&apos;s next / previous link is</source>
        <translation>播报所选节点的下一条 / 上一条链路的状况</translation>
    </message>
    <message>
        <source>Say how the selected node&apos;s province is</source>
        <translation>播报所选节点所在省份的状况</translation>
    </message>
    <message>
        <source>Show the selected node&apos;s province in the Nodes table</source>
        <translation>在“节点”表格中显示所选节点所在省份的节点</translation>
    </message>
</context>
<context>
    <name>cpn::SignInWaitDialog</name>
    <message>
        <source>&amp;Copy Address</source>
        <translation>复制地址(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open Browser</source>
        <translation>打开浏览器(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel Sign-In</source>
        <translation>取消登录</translation>
    </message>
    <message>
        <source>Signing In</source>
        <translation>正在登录</translation>
    </message>
    <message>
        <source>Sign-in page address</source>
        <translation>登录页地址</translation>
    </message>
    <message>
        <source>Opens the sign-in page in the system browser again</source>
        <translation>在系统浏览器中再次打开登录页</translation>
    </message>
    <message>
        <source>Sign in to %1 in the browser window that opened. This window closes once you have signed in. If no page appeared, open this address in a browser:</source>
        <translation>请在已打开的浏览器窗口中登录 %1。登录完成后本窗口会自动关闭。如果没有出现页面，请在浏览器中打开以下地址：</translation>
    </message>
    <message>
        <source>No browser could be opened. To sign in to %1, open this address in a browser on this computer:</source>
        <translation>无法打开浏览器。要登录 %1，请在本机的浏览器中打开以下地址：</translation>
    </message>
</context>
<context>
    <name>cpn::StatusEvents</name>
    <message numerus="yes">
        <source>Cannot be reached; no news of its %n node(s).</source>
        <translation>
            <numerusform>无法连接；其 %n 个节点无最新消息。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot be reached (%1); no news of its %n node(s).</source>
        <translation>
            <numerusform>无法连接（%1）；其 %n 个节点无最新消息。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No new data for %1; its %n node(s) are not updated.</source>
        <translation>
            <numerusform>已 %1 没有新数据；其 %n 个节点未更新。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reachable again after %1.</source>
        <translation>中断 %1 后已恢复连接。</translation>
    </message>
    <message>
        <source>Data is current again after %1.</source>
        <translation>延迟 %1 后数据已恢复为最新。</translation>
    </message>
    <message>
        <source>%1 recovered after %2 (was %3)</source>
        <translation>%1 在 %2 后恢复（此前为%3）</translation>
    </message>
    <message>
        <source>%1 is degraded</source>
        <translation>%1 性能降级</translation>
    </message>
    <message>
        <source>%1 stopped reporting: no data for %2</source>
        <translation>%1 停止上报：已 %2 无数据</translation>
    </message>
    <message>
        <source>%1 entered maintenance</source>
        <translation>%1 进入维护</translation>
    </message>
    <message>
        <source>%1 went offline</source>
        <translation>%1 已离线</translation>
    </message>
    <message>
        <source>%1 is not reporting: no data for %2, shown offline</source>
        <translation>%1 未上报：已 %2 无数据，显示为离线</translation>
    </message>
    <message>
        <source>Link %1 is down</source>
        <translation>链路 %1 中断</translation>
    </message>
    <message>
        <source>Link %1 is up again after %2</source>
        <translation>链路 %1 中断 %2 后已恢复</translation>
    </message>
    <message>
        <source>Link %1 above 90 % of its capacity for a minute (peak %2 %)</source>
        <translation>链路 %1 利用率超过容量的 90 % 已持续一分钟（峰值 %2 %）</translation>
    </message>
    <message>
        <source>Link %1 below 90 % again after %2</source>
        <translation>链路 %1 在 %2 后回落到 90 % 以下</translation>
    </message>
</context>
<context>
    <name>cpn::SubmitPage</name>
    <message>
        <source>Submission</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>The job is sent to the node that runs it; the Jobs dock follows it from there.</source>
        <translation>作业将发送到运行它的节点；之后由“作业”停靠窗口跟踪。</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>%1 (part %2 of %3)</source>
        <translation>%1（第 %2 部分，共 %3 部分）</translation>
    </message>
    <message>
        <source>Nothing to submit: choose a proposal first.</source>
        <translation>没有可提交的内容：请先选择一个方案。</translation>
    </message>
    <message>
        <source>%1 no longer offers this; rank again to choose another node.</source>
        <translation>%1 已不再提供此报价；请重新排名以选择其他节点。</translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation>%1：等待中</translation>
    </message>
    <message>
        <source>%1: reserving the units…</source>
        <translation>%1：正在预留资源单元…</translation>
    </message>
    <message>
        <source>%1: submitting…</source>
        <translation>%1：正在提交…</translation>
    </message>
    <message>
        <source>✔ %1: submitted as %2</source>
        <translation>✔ %1：已提交为 %2</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#e06c5a&apos;&gt;✘ %1: %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#e06c5a&apos;&gt;✘ %1：%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Submitted.&lt;/b&gt; Follow the job in the Jobs dock.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;已提交。&lt;/b&gt;请在“作业”停靠窗口中跟踪该作业。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Not everything was submitted.&lt;/b&gt; Your entries are kept: try again, or go back to change them or choose another proposal.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;部分内容未能提交。&lt;/b&gt;您填写的内容已保留：可以重试，或返回修改，或选择其他方案。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>cpn::UserGuideDialog</name>
    <message>
        <source>User Guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
</context>
<context>
    <name>cpn::WorkloadEditorDialog</name>
    <message>
        <source>&amp;Job</source>
        <translation>作业(&amp;J)</translation>
    </message>
    <message>
        <source>Re&amp;quirements</source>
        <translation>需求(&amp;Q)</translation>
    </message>
    <message>
        <source>The queue file could not hold this workload: %1</source>
        <translation>队列文件无法保存此工作负载：%1</translation>
    </message>
</context>
<context>
    <name>cpn::WorkloadQueuePanel</name>
    <message>
        <source>Drag a workload onto the map: green fits, amber fits poorly, red cannot run there.</source>
        <translation>将工作负载拖到地图上：绿色表示适合，琥珀色表示勉强适合，红色表示无法在该处运行。</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>加载…</translation>
    </message>
    <message>
        <source>Replace the queue with a workload file</source>
        <translation>用工作负载文件替换队列</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the queue to a workload file</source>
        <translation>将队列保存到工作负载文件</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last planning move</source>
        <translation>撤销上一步规划操作</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo the planning move</source>
        <translation>重做规划操作</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Submit the selected planned workload to its node</source>
        <translation>将选中的已规划工作负载提交到其节点</translation>
    </message>
    <message>
        <source>Unplan</source>
        <translation>取消规划</translation>
    </message>
    <message>
        <source>Take the selected workload off its node</source>
        <translation>将选中的工作负载从其节点移除</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected workload</source>
        <translation>移除选中的工作负载</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the selected workload up</source>
        <translation>上移选中的工作负载</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected workload down</source>
        <translation>下移选中的工作负载</translation>
    </message>
    <message>
        <source>%1 submitted to %2 as job %3.</source>
        <translation>%1 已作为作业 %3 提交到 %2。</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>%1 submitted to %2 as job %3</source>
        <translation>%1 已作为作业 %3 提交到 %2</translation>
    </message>
    <message>
        <source>%1 is back in the queue: %2</source>
        <translation>%1 已回到队列：%2</translation>
    </message>
    <message>
        <source>%1 was not placed and is back in the queue: %2</source>
        <translation>%1 未能部署，已回到队列：%2</translation>
    </message>
    <message>
        <source>That workload is no longer waiting for a place.</source>
        <translation>该工作负载已不再等待部署。</translation>
    </message>
    <message>
        <source>%1 cannot run on %2: %3</source>
        <translation>%1 无法在 %2 上运行：%3</translation>
    </message>
    <message>
        <source>the node is not known</source>
        <translation>该节点未知</translation>
    </message>
    <message>
        <source>%1 is no longer in the federation</source>
        <translation>%1 已不在算力网中</translation>
    </message>
    <message>
        <source>no longer fits %1: %2</source>
        <translation>已不再适合 %1：%2</translation>
    </message>
    <message>
        <source>Submitting %1 to %2…</source>
        <translation>正在将 %1 提交到 %2…</translation>
    </message>
    <message>
        <source>no node in %1 can run it now</source>
        <translation>%1 中当前没有可运行它的节点</translation>
    </message>
    <message>
        <source>%1 is on its way to a node; load the file once it has an answer.</source>
        <translation>%1 正在发往某个节点；请在其得到答复后再加载文件。</translation>
    </message>
    <message>
        <source>Load Workload Queue</source>
        <translation>加载工作负载队列</translation>
    </message>
    <message>
        <source>Workload queues (*.json);;All files (*)</source>
        <translation>工作负载队列 (*.json);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n workload(s) from %1.</source>
        <translation>
            <numerusform>已从 %1 加载 %n 个工作负载。</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue was not changed: %1 cannot be read (%2).</source>
        <translation>队列未更改：无法读取 %1（%2）。</translation>
    </message>
    <message>
        <source>Workload file %1 not loaded: %2</source>
        <translation>工作负载文件 %1 未加载：%2</translation>
    </message>
    <message>
        <source>Save Workload Queue</source>
        <translation>保存工作负载队列</translation>
    </message>
    <message>
        <source>Workload queues (*.json)</source>
        <translation>工作负载队列 (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n workload(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个工作负载保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue could not be saved to %1: %2</source>
        <translation>无法将队列保存到 %1：%2</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Describe a new workload and add it to the queue</source>
        <translation>描述新的工作负载并加入队列</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Change what the selected workload asks for</source>
        <translation>修改所选工作负载的需求</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <source>Add a copy of the selected workload, to change before it is added</source>
        <translation>添加所选工作负载的副本，加入前可修改</translation>
    </message>
    <message>
        <source>New Workload</source>
        <translation>新建工作负载</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <source>%1 could not be changed: it is no longer waiting for a place.</source>
        <translation>%1 无法修改：它已不再等待放置。</translation>
    </message>
    <message>
        <source>Workload queue</source>
        <translation>工作负载队列</translation>
    </message>
    <message>
        <source>Drag a workload onto the map, or select it and a node on the map and press P there</source>
        <translation>将工作负载拖到地图上，或选中它并在地图上选中一个节点后按 P</translation>
    </message>
</context>
<context>
    <name>cpn::alarms</name>
    <message>
        <source>read alarms</source>
        <translation>读取告警</translation>
    </message>
    <message>
        <source>acknowledge alarms</source>
        <translation>确认告警</translation>
    </message>
    <message>
        <source>withdraw acknowledgements</source>
        <translation>撤销确认</translation>
    </message>
    <message>
        <source>comment on alarms</source>
        <translation>为告警添加备注</translation>
    </message>
    <message>
        <source>silence alarms</source>
        <translation>屏蔽告警</translation>
    </message>
    <message>
        <source>end maintenance windows</source>
        <translation>结束维护窗口</translation>
    </message>
    <message>
        <source>No maintenance window covers this source.</source>
        <translation>没有覆盖该来源的维护窗口。</translation>
    </message>
    <message>
        <source>You are not signed in, or your sign-in has expired.</source>
        <translation>您尚未登录，或登录已过期。</translation>
    </message>
    <message>
        <source>Your account may not %1 (it lacks %2)</source>
        <translation>您的账户无权%1（缺少 %2）</translation>
    </message>
    <message>
        <source>The node no longer knows this alarm or target.</source>
        <translation>节点上已不存在该告警或目标。</translation>
    </message>
    <message>
        <source>The alarm has cleared in the meantime.</source>
        <translation>该告警已在此期间清除。</translation>
    </message>
    <message>
        <source>The alarm is no longer acknowledged, or has cleared.</source>
        <translation>该告警已不再处于确认状态，或已清除。</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>次要</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Node down</source>
        <translation>节点宕机</translation>
    </message>
    <message>
        <source>Link down</source>
        <translation>链路中断</translation>
    </message>
    <message>
        <source>Link congested</source>
        <translation>链路拥塞</translation>
    </message>
    <message>
        <source>Latency above target</source>
        <translation>时延超出目标</translation>
    </message>
    <message>
        <source>High utilization</source>
        <translation>利用率过高</translation>
    </message>
    <message>
        <source>Slow endpoint</source>
        <translation>端点响应缓慢</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Subtree</source>
        <translation>子树</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n nodes affected</source>
        <translation>
            <numerusform>%1，影响 %n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>产生</translation>
    </message>
    <message>
        <source>Acknowledged by %1: %2</source>
        <translation>由 %1 确认：%2</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation>%1（至 %2）</translation>
    </message>
    <message>
        <source>Acknowledgement withdrawn</source>
        <translation>确认已撤销</translation>
    </message>
    <message>
        <source>Acknowledgement expired</source>
        <translation>确认已过期</translation>
    </message>
    <message>
        <source>Comment by %1: %2</source>
        <translation>%1 备注：%2</translation>
    </message>
    <message>
        <source>Silenced by a maintenance window</source>
        <translation>已被维护窗口屏蔽</translation>
    </message>
    <message>
        <source>Maintenance window ended</source>
        <translation>维护窗口已结束</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>已清除</translation>
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
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>Site alert</source>
        <translation>站点告警</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>cpn::alarms::AlarmTableModel</name>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>已清除</translation>
    </message>
    <message>
        <source>lasted %1</source>
        <translation>持续 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation>%1（至 %2）</translation>
    </message>
    <message>
        <source>Silenced</source>
        <translation>已屏蔽</translation>
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
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Age / duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Not confirmed: its node has not answered since the console connected.</source>
        <translation>未确认：自控制台连接以来，其节点从未应答。</translation>
    </message>
    <message>
        <source>Not confirmed since %1: its node does not answer; this is what it said last.</source>
        <translation>自 %1 起未确认：其节点无应答；这是它最后报告的内容。</translation>
    </message>
    <message>
        <source>Active (unconfirmed)</source>
        <translation>活动（未确认）</translation>
    </message>
    <message>
        <source>Cleared (unconfirmed)</source>
        <translation>已清除（未确认）</translation>
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
    <message>
        <source>The secure connection failed</source>
        <translation>安全连接失败</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read</source>
        <translation>无法读取 CA 文件 %1</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate</source>
        <translation>CA 文件 %1 中没有 PEM 证书</translation>
    </message>
    <message>
        <source>The certificate of %1 has expired</source>
        <translation>%1 的证书已过期</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid yet; check the clocks</source>
        <translation>%1 的证书尚未生效；请检查时钟</translation>
    </message>
    <message>
        <source>The certificate of %1 has been revoked</source>
        <translation>%1 的证书已被吊销</translation>
    </message>
    <message>
        <source>The certificate presented by %1 is issued for another host name</source>
        <translation>%1 出示的证书是为其他主机名签发的</translation>
    </message>
    <message>
        <source>The certificate of %1 is signed by an authority that is neither a system CA nor in the node&apos;s CA file</source>
        <translation>%1 的证书由既非系统证书颁发机构 (CA)、也不在该节点 CA 文件中的机构签发</translation>
    </message>
    <message>
        <source>The certificate of %1 is signed by an unknown authority; configure the node&apos;s CA file</source>
        <translation>%1 的证书由未知机构签发；请配置该节点的 CA 文件</translation>
    </message>
    <message>
        <source>The certificate of %1 was refused: %2</source>
        <translation>%1 的证书被拒绝：%2</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed</source>
        <translation>与 %1 的安全连接失败</translation>
    </message>
    <message>
        <source>Leave the user name and password out of the URL; sign in after connecting instead.</source>
        <translation>请勿在 URL 中包含用户名和密码；请在连接后登录。</translation>
    </message>
    <message>
        <source>the answer was dropped: the console is still parsing earlier ones</source>
        <translation>应答已丢弃：控制台仍在解析之前的应答</translation>
    </message>
    <message>
        <source>the answer came in the unsupported encoding %1</source>
        <translation>应答使用了不支持的编码 %1</translation>
    </message>
    <message>
        <source>more than %1 bytes once inflated</source>
        <translation>解压后超过 %1 字节</translation>
    </message>
    <message>
        <source>the answer&apos;s gzip stream is broken</source>
        <translation>应答的 gzip 数据流已损坏</translation>
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
    <name>cpn::auth</name>
    <message>
        <source>not a usable URL (%1)</source>
        <translation>不是可用的 URL（%1）</translation>
    </message>
    <message>
        <source>expected short strings</source>
        <translation>应为短字符串</translation>
    </message>
    <message>
        <source>the server does not offer PKCE with S256</source>
        <translation>服务器不支持使用 S256 的 PKCE</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>值守员</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>规划员</translation>
    </message>
    <message>
        <source>planner</source>
        <translation>规划员</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>值守员</translation>
    </message>
    <message>
        <source>The CPN console has your sign-in. You can close this page.</source>
        <translation>CPN 控制台已获得您的登录信息。您可以关闭此页面。</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>登记员</translation>
    </message>
    <message>
        <source>registrar</source>
        <translation>登记员</translation>
    </message>
</context>
<context>
    <name>cpn::auth::AccountSession</name>
    <message>
        <source>%1 offers no usable sign-in: %2</source>
        <translation>%1 未提供可用的登录方式：%2</translation>
    </message>
    <message>
        <source>The sign-in at %1 has ended (%2); sign in again.</source>
        <translation>%1 上的登录已结束（%2）；请重新登录。</translation>
    </message>
    <message>
        <source>Could not refresh the sign-in at %1 (%2); trying again in %3 s.</source>
        <translation>无法刷新 %1 上的登录（%2）；将在 %3 s 后重试。</translation>
    </message>
    <message>
        <source>Signed in at %1 as %2 (%3).</source>
        <translation>已在 %1 以 %2（%3）身份登录。</translation>
    </message>
    <message>
        <source>Signed out at %1.</source>
        <translation>已在 %1 退出登录。</translation>
    </message>
    <message>
        <source>The server at %1 did not confirm the sign-out: %2</source>
        <translation>%1 上的服务器未确认退出登录：%2</translation>
    </message>
</context>
<context>
    <name>cpn::auth::SignInFlow</name>
    <message>
        <source>the sign-in was not completed in the browser in time</source>
        <translation>未能在规定时间内于浏览器中完成登录</translation>
    </message>
    <message>
        <source>the console could not listen on 127.0.0.1 for the browser&apos;s answer</source>
        <translation>控制台无法在 127.0.0.1 上监听浏览器的回应</translation>
    </message>
    <message>
        <source>a callback without state was ignored</source>
        <translation>已忽略一个不带 state 的回调</translation>
    </message>
    <message>
        <source>a callback with a state that is not this sign-in&apos;s was ignored</source>
        <translation>已忽略一个 state 与本次登录不符的回调</translation>
    </message>
    <message>
        <source>the authorization server refused the sign-in: %1</source>
        <translation>授权服务器拒绝了登录：%1</translation>
    </message>
    <message>
        <source>the authorization server refused the sign-in: %1 (%2)</source>
        <translation>授权服务器拒绝了登录：%1（%2）</translation>
    </message>
    <message>
        <source>the browser came back without an authorization code</source>
        <translation>浏览器返回时未带授权码</translation>
    </message>
</context>
<context>
    <name>cpn::auth::TokenClient</name>
    <message>
        <source>the server offers no revocation endpoint</source>
        <translation>服务器未提供令牌吊销端点</translation>
    </message>
    <message>
        <source>only Bearer tokens are supported</source>
        <translation>仅支持 Bearer 令牌</translation>
    </message>
    <message>
        <source>the token holds characters a bearer token cannot have</source>
        <translation>令牌中含有 Bearer 令牌不允许的字符</translation>
    </message>
    <message>
        <source>the token endpoint&apos;s answer is not usable: %1</source>
        <translation>令牌端点的应答不可用：%1</translation>
    </message>
    <message>
        <source>the authorization server answered HTTP %1</source>
        <translation>授权服务器应答 HTTP %1</translation>
    </message>
    <message>
        <source>the authorization server refused the request (HTTP %1)</source>
        <translation>授权服务器拒绝了请求（HTTP %1）</translation>
    </message>
    <message>
        <source>the authorization server refused the request: %1</source>
        <translation>授权服务器拒绝了请求：%1</translation>
    </message>
    <message>
        <source>the authorization server refused the request: %1 (%2)</source>
        <translation>授权服务器拒绝了请求：%1（%2）</translation>
    </message>
    <message>
        <source>no answer from the authorization server in time</source>
        <translation>授权服务器未及时应答</translation>
    </message>
</context>
<context>
    <name>cpn::auth::TokenVault</name>
    <message>
        <source>this session keeps tokens in memory only</source>
        <translation>本会话仅在内存中保存令牌</translation>
    </message>
    <message>
        <source>no keychain service is running (%1)</source>
        <translation>没有正在运行的钥匙串服务（%1）</translation>
    </message>
    <message>
        <source>the keychain refused access (%1)</source>
        <translation>钥匙串拒绝访问（%1）</translation>
    </message>
    <message>
        <source>the keychain could not store a token (%1)</source>
        <translation>钥匙串无法保存令牌（%1）</translation>
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
    <message>
        <source>The connected federations do not report %1: nothing to show. The chart comes back if it appears; unpin it from the … menu otherwise.</source>
        <translation>已连接的联邦未报告 %1：没有可显示的数据。它出现时图表会恢复；否则可从 … 菜单取消固定。</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>链路 %1</translation>
    </message>
    <message>
        <source>%1: not in this federation</source>
        <translation>%1：不在此联邦中</translation>
    </message>
    <message>
        <source>Not in the connected federations</source>
        <translation>不在已连接的联邦中</translation>
    </message>
    <message>
        <source>No data in this window</source>
        <translation>此时间窗内无数据</translation>
    </message>
    <message>
        <source>%1 and the nodes below — utilization and power</source>
        <translation>%1 及其下属节点 — 利用率与功率</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>图表：%1</translation>
    </message>
    <message>
        <source>Wheel zooms the time axis, a drag pans it, a double click follows the present again</source>
        <translation>滚轮缩放时间轴，拖动平移，双击重新跟随当前时间</translation>
    </message>
    <message>
        <source>Time window of %1</source>
        <translation>%1 的时间窗口</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>暂停 %1</translation>
    </message>
    <message>
        <source>Menu of %1</source>
        <translation>%1 的菜单</translation>
    </message>
    <message>
        <source>Save as PNG, export as CSV, unpin</source>
        <translation>另存为 PNG、导出为 CSV、取消固定</translation>
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
    <message>
        <source>PEM file of a private certificate authority to trust, besides the system&apos;s, for the --connect endpoints.</source>
        <translation>除系统证书颁发机构外，额外信任的私有证书颁发机构 (CA) 的 PEM 文件，用于 --connect 端点。</translation>
    </message>
    <message>
        <source>Diagnostic: open the resource selection wizard on its ranked offers once the offers arrive (for screenshots).</source>
        <translation>诊断：资源报价到达后，打开资源选择向导并显示已排名的报价（用于截图）。</translation>
    </message>
    <message>
        <source>Sign in at the federation root in the system browser at start (the demo otherwise keeps its development token).</source>
        <translation>启动时在系统浏览器中登录算力网根节点（否则演示版沿用其开发令牌）。</translation>
    </message>
    <message>
        <source>--ca-file needs the path of a PEM file.</source>
        <translation>--ca-file 需要一个 PEM 文件的路径。</translation>
    </message>
    <message>
        <source>--open-planning takes &quot;selection&quot;.</source>
        <translation>--open-planning 的取值为 &quot;selection&quot;。</translation>
    </message>
    <message>
        <source>--sign-in cannot be combined with --offline.</source>
        <translation>--sign-in 不能与 --offline 同时使用。</translation>
    </message>
    <message>
        <source>Connect to the federation root (a national node, or a site&apos;s cpn-gateway) at URL. May be given more than once, and with --demo: then beside the simulated federation.</source>
        <translation>连接位于 URL 的算力网根节点（国家节点，或站点的 cpn-gateway）。可多次指定，也可与 --demo 同用：此时与模拟算力网并列显示。</translation>
    </message>
    <message>
        <source>Let the local cache grow to at most this many MB (default: as far as the disk allows). Reaching it stops recording, visibly, as a full disk does, until room is freed.</source>
        <translation>本地缓存最多增长到这么多 MB（默认：直到磁盘用尽）。达到上限后会像磁盘写满一样明确提示并停止记录，直到腾出空间。</translation>
    </message>
    <message>
        <source>--cache-max-mb needs a number of MB, at least 0.1.</source>
        <translation>--cache-max-mb 需要一个不小于 0.1 的 MB 数。</translation>
    </message>
    <message>
        <source>CPN Control Center</source>
        <translation>算力网络控制中心</translation>
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
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>%1 (signed in as %2)</source>
        <translation>%1（已登录为 %2）</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>An offline review does not connect to nodes; start the console without --offline.</source>
        <translation>离线审阅不会连接节点；请在不带 --offline 的情况下启动控制台。</translation>
    </message>
    <message>
        <source>&amp;Connect to Federation…</source>
        <translation>连接算力网(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>No federation connected</source>
        <translation>未连接任何算力网</translation>
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
    <name>cpn::console::RootRegistry</name>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>%1 cannot be connected: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <source>%1 is already connected.</source>
        <translation>%1 已连接。</translation>
    </message>
    <message>
        <source>Connecting to %1.</source>
        <translation>正在连接 %1。</translation>
    </message>
    <message>
        <source>Disconnected from %1.</source>
        <translation>已断开与 %1 的连接。</translation>
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
    <message>
        <source>Recording stopped: the cache cannot write (%1). The console goes on; what arrives now is not recorded until the cache can write again.</source>
        <translation>记录已停止：缓存无法写入（%1）。控制台继续运行；在缓存恢复写入之前，新到达的数据不会被记录。</translation>
    </message>
    <message numerus="yes">
        <source>Recording resumed; %n batch(es) of data were not recorded meanwhile.</source>
        <translation>
            <numerusform>记录已恢复；期间有 %n 批数据未被记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cache %1: not recording</source>
        <translation>缓存 %1：未在记录</translation>
    </message>
    <message>
        <source>The cache cannot write: %1
Free disk space (or File &gt; Clear Cache…); recording resumes by itself.</source>
        <translation>缓存无法写入：%1
请释放磁盘空间（或使用 文件 &gt; 清除缓存…）；记录会自动恢复。</translation>
    </message>
</context>
<context>
    <name>cpn::jobs::JobListModel</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>Inference service</source>
        <translation>推理服务</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批处理</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>¥%1</source>
        <translation>¥%1</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>最迟 %1</translation>
    </message>
    <message>
        <source>Done by / ended</source>
        <translation>最迟完成 / 结束时间</translation>
    </message>
</context>
<context>
    <name>cpn::jobs::JobTracker</name>
    <message>
        <source>You are not signed in, or your sign-in has expired.</source>
        <translation>您尚未登录，或登录已过期。</translation>
    </message>
    <message>
        <source>You are signed in without permission to submit jobs (jobs:write)</source>
        <translation>您已登录，但没有提交作业的权限（jobs:write）</translation>
    </message>
    <message>
        <source>The node %1 is not in the directory.</source>
        <translation>目录中没有节点 %1。</translation>
    </message>
    <message>
        <source>The job %1 is not followed here.</source>
        <translation>此处未跟踪作业 %1。</translation>
    </message>
    <message>
        <source>The node no longer knows this job.</source>
        <translation>该节点已不再识别此作业。</translation>
    </message>
</context>
<context>
    <name>cpn::jobs::WorkloadQueue</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批处理</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>%1 核</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Planned in %1</source>
        <translation>已规划于 %1</translation>
    </message>
    <message>
        <source>Planned on %1</source>
        <translation>已规划在 %1 上</translation>
    </message>
    <message>
        <source>Submitting to %1…</source>
        <translation>正在提交到 %1…</translation>
    </message>
    <message>
        <source>Submitted: job %1 on %2</source>
        <translation>已提交：作业 %1 位于 %2</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>cpn::jobs::WorkloadQueueSubmitter</name>
    <message>
        <source>Jobs cannot be submitted from this console.</source>
        <translation>无法从此控制台提交作业。</translation>
    </message>
    <message>
        <source>The workload is no longer in the queue.</source>
        <translation>该工作负载已不在队列中。</translation>
    </message>
    <message>
        <source>%1 is already submitted.</source>
        <translation>%1 已提交。</translation>
    </message>
</context>
<context>
    <name>cpn::map::MapFitLayer</name>
    <message>
        <source>Not known to the placement engine</source>
        <translation>部署引擎未收录</translation>
    </message>
    <message>
        <source>No nodes shown in this province</source>
        <translation>此省份中未显示任何节点</translation>
    </message>
    <message>
        <source>Best here: %1</source>
        <translation>此处最佳：%1</translation>
    </message>
    <message>
        <source>No node here can run it</source>
        <translation>此处没有节点可以运行</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>cpn::map::MapLatencyLayer</name>
    <message>
        <source>Latency from %1</source>
        <translation>从 %1 出发的时延</translation>
    </message>
    <message numerus="yes">
        <source>within 1 ms (a city): %n node(s)</source>
        <translation>
            <numerusform>1 毫秒以内（同城）：%n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within 5 ms (a region): %n node(s)</source>
        <translation>
            <numerusform>5 毫秒以内（同区域）：%n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within 20 ms (between hubs): %n node(s)</source>
        <translation>
            <numerusform>20 毫秒以内（枢纽之间）：%n 个节点</numerusform>
        </translation>
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
    <message>
        <source>Recorded %1, not live</source>
        <translation>录制于 %1，非实时</translation>
    </message>
    <message>
        <source>ALARMS  unacknowledged · a new critical one blinks</source>
        <translation>告警  未确认 · 新的严重告警闪烁</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>次要</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
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
    <message>
        <source>Last known figures, %1 old:</source>
        <translation>最后已知数据，%1 前：</translation>
    </message>
    <message>
        <source>Also here: %1. Click again to select each in turn.</source>
        <translation>此处还有：%1。再次单击可依次选中。</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) around %1</source>
        <translation>
            <numerusform>%1 附近的 %n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 个%2</translation>
    </message>
    <message>
        <source>Accelerators free: %1 of %2</source>
        <translation>空闲加速卡：%1 / %2</translation>
    </message>
    <message>
        <source>Busy: %1 %</source>
        <translation>繁忙度：%1 %</translation>
    </message>
    <message>
        <source>Click to zoom in on them.</source>
        <translation>单击以放大查看。</translation>
    </message>
    <message>
        <source>National map</source>
        <translation>全国地图</translation>
    </message>
    <message>
        <source>No node selected. N selects the next node, Shift+N the previous one.</source>
        <translation>未选择节点。N 选择下一个节点，Shift+N 选择上一个。</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>已选择：%1</translation>
    </message>
    <message>
        <source>Power: %1 kW</source>
        <translation>功率：%1 千瓦</translation>
    </message>
    <message>
        <source>Data age: %1</source>
        <translation>距上次更新：%1</translation>
    </message>
    <message>
        <source>N and Shift+N select the next and previous node, S or Space says how it is, L and Shift+L say how its links are one by one, R says how its province is and F shows that province&apos;s nodes in the table, Enter opens its details, the Menu key or Shift+F10 its menu, P places the workload selected in the queue on it; arrows pan, + and - zoom, 0 shows the whole country.</source>
        <translation>N 和 Shift+N 选中下一个和上一个节点，S 或空格播报其状况，L 和 Shift+L 逐条播报其链路的状况，R 播报其所在省份的状况，F 在表格中显示该省份的节点，Enter 打开其详情，菜单键或 Shift+F10 打开其菜单，P 把队列中选中的工作负载部署到该节点；方向键平移，+ 和 - 缩放，0 显示全国。</translation>
    </message>
    <message>
        <source>%1 has no links.</source>
        <translation>%1 没有链路。</translation>
    </message>
    <message>
        <source>Link %1 of %2: %3</source>
        <translation>第 %1 条链路（共 %2 条）：%3</translation>
    </message>
</context>
<context>
    <name>cpn::map::PlacementFit</name>
    <message>
        <source>rank %1 of %2</source>
        <translation>排名 %1 / %2</translation>
    </message>
    <message>
        <source>low score</source>
        <translation>评分低</translation>
    </message>
    <message>
        <source>queue of %1 h</source>
        <translation>队列 %1 h</translation>
    </message>
    <message>
        <source>%1 % of the budget</source>
        <translation>占预算的 %1 %</translation>
    </message>
    <message>
        <source>Fits well: rank %1 of %2</source>
        <translation>适配良好：排名 %1 / %2</translation>
    </message>
    <message>
        <source>Fits poorly: %1</source>
        <translation>适配较差：%1</translation>
    </message>
    <message>
        <source>Cannot run here: %1</source>
        <translation>无法在此运行：%1</translation>
    </message>
    <message>
        <source>score %1 of 100 · ≈ %2 CNY · done %3</source>
        <translation>评分 %1（满分 100）· 约 %2 元 · 完成于 %3</translation>
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
    <message>
        <source>The job runs on the units reserved at %1.</source>
        <translation>该作业使用在 %1 预留的资源。</translation>
    </message>
    <message>
        <source>The compute identifier of %1 is suspended.</source>
        <translation>%1 的算力标识已被暂停。</translation>
    </message>
</context>
</TS>
