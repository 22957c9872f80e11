<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>HandoverReportWriter</name>
    <message>
        <source>Link down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node not reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoint of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and the nodes under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>China Computing Power Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 – %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms: %1 raised, %2 cleared, %3 still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 critical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm history not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outages: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed jobs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes online at the end: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes offline or not reporting</source>
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
        <source> pts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> kW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links congested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU utilization (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators in use (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power (MW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes affected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache holds no samples for this period: the console was not recording, or the samples have been purged. Figures, outages and charts are not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At start (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At end (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm history not available: this console does not record the alarms for this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alarm was raised or open during the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open alarms first, most severe first; then those cleared during the period. Acknowledgements and comments are listed under their alarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available: nothing was recorded for this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node or link was down or silent at the moments checked (every %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes that were offline or not reporting, and links that were down while both their ends reported, as recorded by the console every %1: times are to that step, and shorter outages may not appear. Longest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node or link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorter outages not listed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: the cache holds only the jobs submitted from this console, and there are none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job submitted from this console failed during the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs submitted from this console that failed during the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift Handover Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: the PDF could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: the PDF could not be completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>alarm kind: its source</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::AccountsDialog</name>
    <message>
        <source>Sign In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the system browser at the endpoint&apos;s sign-in page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revokes the tokens at the server and forgets them here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens are kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens are kept in the system keychain; the next start signs in again without the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens are kept in memory only, because %1. You will sign in again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed-in accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per endpoint: who is signed in, with which role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::AccountsUi</name>
    <message>
        <source>&amp;Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in at the federation root in the system browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke this console&apos;s tokens and forget them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No browser could be opened for the sign-in; its address is shown to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::AlarmActionDialog</name>
    <message>
        <source>Acknowledge Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::AlarmDirectory</name>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::AlarmsPanel</name>
    <message>
        <source>Acknowledge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge the selected alarms with a comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unacknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the acknowledgement of the selected alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a comment to the selected alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A maintenance window on the sources of the selected alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the maintenance windows on the selected sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show on Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major or worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor or worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning or worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only alarms of a node and the nodes under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search alarms, sources, comments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All subtrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an alarm to see its affected nodes, comments and history.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n alarms selected.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n alarm selected.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n alarms selected.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 since %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silenced by a maintenance window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affected nodes (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alarms selected</source>
        <translation>
            <numerusform>%n alarm selected</numerusform>
            <numerusform>%n alarms selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Alarms acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgements withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance window set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance window ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The root of this alarm is no longer connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a recording: its alarms cannot be acted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarms of every connected root; select some to act on them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its affected nodes, comments and history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the alarms, their sources and comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the alarms of this severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show acknowledged alarms, unacknowledged ones or both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the alarms of one region</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>Link status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>congested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm unacknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>An alarm in the Compare table: its kind, then what it is about (a node&apos;s name, a link &quot;a - b&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node, link, region or alarm</source>
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
    <message>
        <source>Changes between A and B</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ConnectDialog</name>
    <message>
        <source>Allow unencrypted HTTP to this endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in after connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Federation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The root (national) node of a federation. Its nodes and links join the ones already shown; the console connects to it again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s certificate authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PEM file of the private certificate authority that signed this node&apos;s certificate, trusted for this endpoint only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens and data would cross the network readable by anyone on the way. Only for a node on a private network you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the system browser at the node&apos;s sign-in page once connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private CA:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private Certificate Authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PEM file of the certificate authority, empty for the system&apos;s</source>
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
    <message>
        <source>No chart is pinned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2 · %n chart(s)</source>
        <translation>
            <numerusform>%1 – %2 · %n chart</numerusform>
            <numerusform>%1 – %2 · %n charts</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
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
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::DropConfirmDialog</name>
    <message>
        <source>Place %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best fit in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ %1 CNY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost %1 · transfer %2 · latency %3 · headroom %4 · energy %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account may not submit jobs (jobs:write).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it in the queue, planned on this node; undoable until it is submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 100, rank %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts %1, done by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::Duration</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
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
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened to the nodes, links and connections, newest last</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::HandoverReportCommand</name>
    <message>
        <source>&amp;Handover Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a PDF of the alarms, outages, failed jobs and national figures of a period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handover report was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handover report was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover report saved to %1 (pages: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handover report is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::HandoverReportDialog</name>
    <message>
        <source>Handover Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 8 Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PDF for the next shift: the alarms, outages and failed jobs of the period, and the national figures at its start and end with charts over it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Handover Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to save the report to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF file the report is written to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::HierarchyModel</name>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::HierarchyPanel</name>
    <message>
        <source>Name, compute identifier or province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the hierarchy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Whole Federation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every node again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hierarchy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole federation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>Pin the chosen node&apos;s totals, with every node below it, on the Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pi&amp;n Chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::IdentifierManagementWindow</name>
    <message>
        <source>Reason (kept in the audit trail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional, kept in the audit trail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;instate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier Management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Registry of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identifier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered identifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail of the selected registration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a federation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This root keeps no identifier registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry did not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending Applications (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s), as of %1</source>
        <translation>
            <numerusform>%n registration, as of %1</numerusform>
            <numerusform>%n registrations, as of %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve %1 (%2) under %3? It gets the next compute identifier for its tier, province and sector, and joins the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the application of %1 rejected? The applicant is told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend %1 (%2)? The node stays in the directory, marked suspended, and is offered no work until it is reinstated. Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reinstate Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reinstate %1 (%2)? It takes work again. Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke %1 (%2)? The node leaves the directory and the identifier is never given again. This cannot be undone. Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A valid identifier, but not in this registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not of the form CPN-&lt;tier&gt;&lt;province&gt;-&lt;sector&gt;-&lt;serial&gt;-&lt;check&gt;, e.g. CPN-R52-GEN-00007-0: tier N, R or I; a two-digit province code; a three-letter sector; a five-digit serial; one check character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a province code (GB/T 2260: 11 Beijing … 82 Macao).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a sector code; the sectors are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial 00000 is never assigned; serials start at 00001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check character should be %1, not %2: a character was mistyped or two were swapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::JobKindPage</name>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the job and say what kind of work it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May be split across nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference services and batch jobs may run in parts on several nodes; training and fine-tuning always run on one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the job a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split across at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many nodes the job may run on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::JobWizard</name>
    <message>
        <source>Place a Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the engine would run the job, best first; splits across nodes appear when the job allows them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::JobsPanel</name>
    <message>
        <source>Double-click a job to centre the map on its node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not cancelled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 submitted to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::LatencyMatrixModel</name>
    <message>
        <source>between hubs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within a region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within a city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target %1 ms %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Now %1 ms over %n link(s)</source>
        <translation>
            <numerusform>Now %1 ms over %n link</numerusform>
            <numerusform>Now %1 ms over %n links</numerusform>
        </translation>
    </message>
    <message>
        <source>No current latency: a link on the path is down or has sent no sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms at base latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misses its target by design: the path leaves less than 10 % headroom at base latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met its target %1 % of the last %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recorded latency in the last %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worst of the region&apos;s paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::LatencyPanel</name>
    <message>
        <source>15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rings on the map from the selected node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance over the last:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each cell: the path&apos;s latency now, and the share of the window it met its target. Targets: 20 ms between hubs, 5 ms within a region, 1 ms within a city; along the diagonal, the worst of a hub&apos;s region. Green within, amber above 80 %, red above; purple: misses it by design (no headroom at base latency); grey: no data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency between hubs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency %1 is %2 ms, above its %3 ms target %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency %1 is back within its %2 ms target: %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::LoadIndicator</name>
    <message numerus="yes">
        <source>%n tick(s) skipped on screen</source>
        <translation>
            <numerusform>%n tick skipped on screen</numerusform>
            <numerusform>%n ticks skipped on screen</numerusform>
        </translation>
    </message>
    <message>
        <source>The console fell behind and showed the newest tick; the cache recorded every tick it received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) dropped</source>
        <translation>
            <numerusform>%n answer dropped</numerusform>
            <numerusform>%n answers dropped</numerusform>
        </translation>
    </message>
    <message>
        <source>Answers arrived faster than they could be read; the dropped ones are asked for again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) not recorded</source>
        <translation>
            <numerusform>%n batch not recorded</numerusform>
            <numerusform>%n batches not recorded</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache could not keep up; these batches are missing from the recording.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alarm sounds (the map still blinks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alarm sounds or notifications for 15 minutes; click again to end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm &amp;Sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new alarm(s)</source>
        <translation>
            <numerusform>%1: %n new alarm</numerusform>
            <numerusform>%1: %n new alarms</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hierarchy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin chart of %1 and the nodes below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identifier Management…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve or reject applications to join, and suspend, reinstate or revoke compute identifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System Language</source>
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
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a node&apos;s name and press Enter: the map centres on it</source>
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
    <message>
        <source>%1 (suspended: takes no work)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::NodeNames</name>
    <message>
        <source>Node id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node id %1, compute identifier %2</source>
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
    <message>
        <source>%1, suspended</source>
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
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By name, Chinese name, id, city, province or compute id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the nodes of one tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the nodes of one status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the nodes of one province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every node with its status and figures; the map follows the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Nodes table&apos;s first column, kept in view</source>
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
    <message>
        <source>recorded, not live · sampled every %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes that need attention</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::PlanningUi</name>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Select Resources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find and reserve the offers that fit a workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place a Job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where a job runs and submit it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 (%2) submitted to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job was not submitted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservation %1 was not released: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved %1 at %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::PlanningUndoStack</name>
    <message>
        <source>Plan %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unplan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ProblemsBand</name>
    <message>
        <source>%1 · acknowledged by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>+ %n more open problem(s)</source>
        <translation>
            <numerusform>+ %n more open problem</numerusform>
            <numerusform>+ %n more open problems</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3, for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open problems</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::RankedOffersPage</name>
    <message>
        <source>¥%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranked offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes that can take the work, best first. Bars show each part of the score (longer is better); the candidates are ringed on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank again against the newest offers and samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Est. cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>¥%1/core·h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>¥%1/card·h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 cards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted total of the five parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h to move the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms from the users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % busy after placing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kg CO₂ from non-renewable power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranked (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No federation directory yet: connect to a node first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node of %1 can take this work. The Rejected tab says why; go back to relax the requirements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 candidates among %2 nodes, ranked at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nodes that can take the work, best first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nodes that cannot take the work, and why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::RegistrationTableModel</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reinstated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under</source>
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
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last step</source>
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
    <message>
        <source>Play or pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The moment of the recording shown; arrows step, Page Up and Down jump</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::RequirementsPage</name>
    <message>
        <source>Requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the work needs and where it may run. The count below follows your entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>¥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anywhere, or province codes such as CN-GZ, CN-NM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer nodes running on renewable power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accelerators:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CPU:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Storage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Residency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accelerators (CPU only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any training-class card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any inference-class card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter how long the work runs (more than 0 hours).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work needs at least one accelerator card or CPU core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an accelerator model or class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a province code (use ISO 3166-2:CN codes such as CN-GZ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deadline has already passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deadline is sooner than the work&apos;s own duration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say where the %1 TB of data are, or set the amount to 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say where the users are to limit their latency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting the nodes that could take it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to count until the entries are valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No federation directory yet: connect to a node first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) of %1 can take it; the best is %2 at about ¥%3.</source>
        <translation>
            <numerusform>%n node of %1 can take it; the best is %2 at about ¥%3.</numerusform>
            <numerusform>%n nodes of %1 can take it; the best is %2 at about ¥%3.</numerusform>
        </translation>
    </message>
    <message>
        <source>No node of %1 can take it; for example %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node can take it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users a&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This job runs on reservation %1: %2 held at %3. It is placed there only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed by the reservation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data to move in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terabytes of input data at the data location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum latency to the users</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::Reservation</name>
    <message numerus="yes">
        <source>%n %1 card(s)</source>
        <translation>
            <numerusform>%n %1 card</numerusform>
            <numerusform>%n %1 cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CPU core(s)</source>
        <translation>
            <numerusform>%n CPU core</numerusform>
            <numerusform>%n CPU cores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n GiB of memory</source>
        <translation>
            <numerusform>%n GiB of memory</numerusform>
            <numerusform>%n GiB of memory</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n TB of storage</source>
        <translation>
            <numerusform>%n TB of storage</numerusform>
            <numerusform>%n TB of storage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpn::ReservationPage</name>
    <message>
        <source>Reservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node holds the units for you until a job uses them or the reservation expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to reserve: choose an offer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CPU cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 for %3 h, estimated ¥%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no offer for this any more; go back and rank again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node could not reserve it: %1. Go back and rank again to pick another offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reserved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place a &amp;Job on It…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Place a Job with these requirements, on the units just reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved: %1 holds %2 at %3 until %4. Place a job on it before then.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ReservationsPanel</name>
    <message>
        <source>Reservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place a &amp;Job on It…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Place a Job on the selected reservation&apos;s units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the selected reservation&apos;s units back to the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releasing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not released: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (in %n min)</source>
        <translation>
            <numerusform>%1 (in %n min)</numerusform>
            <numerusform>%1 (in %n min)</numerusform>
        </translation>
    </message>
    <message>
        <source>¥%1/unit·h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ReviewPage</name>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check where the job will run, what it should cost and when it should finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserve the units first, so a vanished offer stops the submission early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proposal chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (budget ¥%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (deadline %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — %2, %3 h&lt;/p&gt;&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th align=left&gt;Node&lt;/th&gt;&lt;th align=left&gt;Runs on&lt;/th&gt;&lt;th&gt;Share&lt;/th&gt;&lt;/tr&gt;%4&lt;/table&gt;&lt;p&gt;Estimated cost: &lt;b&gt;¥%5&lt;/b&gt;%6&lt;br&gt;Starts: %7&lt;br&gt;Done by: &lt;b&gt;%8&lt;/b&gt;%9&lt;br&gt;Renewable share: %10 %&lt;/p&gt;</source>
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
    <name>cpn::ScopeGate</name>
    <message>
        <source>Needs a planner&apos;s sign-in (%1); you are signed in as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a sign-in with %1; you are signed in as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs an operator&apos;s sign-in (%1); you are signed in as %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::SelectionWizard</name>
    <message>
        <source>Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;serve &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserve holds the chosen offer&apos;s units at its node for the job&apos;s duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the next / previous node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say the selected node&apos;s status (hover card, status bar, screen reader)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected node&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected node&apos;s menu (pin charts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place the workload selected in the queue on the selected node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how the selected node&apos;s next / previous link is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how the selected node&apos;s province is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected node&apos;s province in the Nodes table</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::SignInWaitDialog</name>
    <message>
        <source>&amp;Copy Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Sign-In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in page address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the sign-in page in the system browser again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1 in the browser window that opened. This window closes once you have signed in. If no page appeared, open this address in a browser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No browser could be opened. To sign in to %1, open this address in a browser on this computer:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::StatusEvents</name>
    <message numerus="yes">
        <source>Cannot be reached; no news of its %n node(s).</source>
        <translation>
            <numerusform>Cannot be reached; no news of its %n node.</numerusform>
            <numerusform>Cannot be reached; no news of its %n nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot be reached (%1); no news of its %n node(s).</source>
        <translation>
            <numerusform>Cannot be reached (%1); no news of its %n node.</numerusform>
            <numerusform>Cannot be reached (%1); no news of its %n nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No new data for %1; its %n node(s) are not updated.</source>
        <translation>
            <numerusform>No new data for %1; its %n node is not updated.</numerusform>
            <numerusform>No new data for %1; its %n nodes are not updated.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reachable again after %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data is current again after %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recovered after %2 (was %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped reporting: no data for %2</source>
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
        <source>%1 is not reporting: no data for %2, shown offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 is down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 is up again after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 above 90 % of its capacity for a minute (peak %2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 below 90 % again after %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::SubmitPage</name>
    <message>
        <source>Submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job is sent to the node that runs it; the Jobs dock follows it from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (part %2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to submit: choose a proposal first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer offers this; rank again to choose another node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: reserving the units…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: submitting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ %1: submitted as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#e06c5a&apos;&gt;✘ %1: %2&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Submitted.&lt;/b&gt; Follow the job in the Jobs dock.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Not everything was submitted.&lt;/b&gt; Your entries are kept: try again, or go back to change them or choose another proposal.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::UserGuideDialog</name>
    <message>
        <source>User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::WorkloadEditorDialog</name>
    <message>
        <source>&amp;Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;quirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue file could not hold this workload: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::WorkloadQueuePanel</name>
    <message>
        <source>Drag a workload onto the map: green fits, amber fits poorly, red cannot run there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the queue with a workload file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the queue to a workload file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last planning move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo the planning move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit the selected planned workload to its node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unplan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected workload off its node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected workload up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected workload down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 submitted to %2 as job %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 submitted to %2 as job %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is back in the queue: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not placed and is back in the queue: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That workload is no longer waiting for a place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot run on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node is not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer in the federation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer fits %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitting %1 to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no node in %1 can run it now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on its way to a node; load the file once it has an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Workload Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload queues (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n workload(s) from %1.</source>
        <translation>
            <numerusform>Loaded %n workload from %1.</numerusform>
            <numerusform>Loaded %n workloads from %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue was not changed: %1 cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload file %1 not loaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Workload Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload queues (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n workload(s) to %1.</source>
        <translation>
            <numerusform>Saved %n workload to %1.</numerusform>
            <numerusform>Saved %n workloads to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe a new workload and add it to the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change what the selected workload asks for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a copy of the selected workload, to change before it is added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be changed: it is no longer waiting for a place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a workload onto the map, or select it and a node on the map and press P there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::alarms</name>
    <message>
        <source>read alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledge alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdraw acknowledgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comment on alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silence alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end maintenance windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No maintenance window covers this source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in, or your sign-in has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account may not %1 (it lacks %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node no longer knows this alarm or target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarm has cleared in the meantime.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarm is no longer acknowledged, or has cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link congested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency above target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High utilization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n nodes affected</source>
        <translation>
            <numerusform>%1, %n node affected</numerusform>
            <numerusform>%1, %n nodes affected</numerusform>
        </translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgement withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgement expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silenced by a maintenance window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance window ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared</source>
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
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::alarms::AlarmTableModel</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lasted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silenced</source>
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
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age / duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed: its node has not answered since the console connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed since %1: its node does not answer; this is what it said last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (unconfirmed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared (unconfirmed)</source>
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
    <message>
        <source>The secure connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid yet; check the clocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 has been revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate presented by %1 is issued for another host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is signed by an authority that is neither a system CA nor in the node&apos;s CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is signed by an unknown authority; configure the node&apos;s CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 was refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the user name and password out of the URL; sign in after connecting instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer was dropped: the console is still parsing earlier ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer came in the unsupported encoding %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 bytes once inflated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer&apos;s gzip stream is broken</source>
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
    <name>cpn::auth</name>
    <message>
        <source>not a usable URL (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected short strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not offer PKCE with S256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CPN console has your sign-in. You can close this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registrar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::auth::AccountSession</name>
    <message>
        <source>%1 offers no usable sign-in: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in at %1 has ended (%2); sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not refresh the sign-in at %1 (%2); trying again in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in at %1 as %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 did not confirm the sign-out: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::auth::SignInFlow</name>
    <message>
        <source>the sign-in was not completed in the browser in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the console could not listen on 127.0.0.1 for the browser&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a callback without state was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a callback with a state that is not this sign-in&apos;s was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the authorization server refused the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the authorization server refused the sign-in: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the browser came back without an authorization code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::auth::TokenClient</name>
    <message>
        <source>the server offers no revocation endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only Bearer tokens are supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token holds characters a bearer token cannot have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token endpoint&apos;s answer is not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the authorization server answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the authorization server refused the request (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the authorization server refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the authorization server refused the request: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer from the authorization server in time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::auth::TokenVault</name>
    <message>
        <source>this session keeps tokens in memory only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service is running (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain refused access (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain could not store a token (%1)</source>
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
    <message>
        <source>The connected federations do not report %1: nothing to show. The chart comes back if it appears; unpin it from the … menu otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not in this federation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the connected federations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data in this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and the nodes below — utilization and power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheel zooms the time axis, a drag pans it, a double click follows the present again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time window of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PNG, export as CSV, unpin</source>
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
    <message>
        <source>PEM file of a private certificate authority to trust, besides the system&apos;s, for the --connect endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic: open the resource selection wizard on its ranked offers once the offers arrive (for screenshots).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in at the federation root in the system browser at start (the demo otherwise keeps its development token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ca-file needs the path of a PEM file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--open-planning takes &quot;selection&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sign-in cannot be combined with --offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the federation root (a national node, or a site&apos;s cpn-gateway) at URL. May be given more than once, and with --demo: then beside the simulated federation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the local cache grow to at most this many MB (default: as far as the disk allows). Reaching it stops recording, visibly, as a full disk does, until room is freed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--cache-max-mb needs a number of MB, at least 0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPN Control Center</source>
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
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (signed in as %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An offline review does not connect to nodes; start the console without --offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to Federation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No federation connected</source>
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
    <name>cpn::console::RootRegistry</name>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be connected: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected from %1.</source>
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
    <message>
        <source>Recording stopped: the cache cannot write (%1). The console goes on; what arrives now is not recorded until the cache can write again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Recording resumed; %n batch(es) of data were not recorded meanwhile.</source>
        <translation>
            <numerusform>Recording resumed; %n batch of data was not recorded meanwhile.</numerusform>
            <numerusform>Recording resumed; %n batches of data were not recorded meanwhile.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cache %1: not recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache cannot write: %1
Free disk space (or File &gt; Clear Cache…); recording resumes by itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::jobs::JobListModel</name>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>¥%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done by / ended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::jobs::JobTracker</name>
    <message>
        <source>You are not signed in, or your sign-in has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed in without permission to submit jobs (jobs:write)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node %1 is not in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job %1 is not followed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node no longer knows this job.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::jobs::WorkloadQueue</name>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted: job %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::jobs::WorkloadQueueSubmitter</name>
    <message>
        <source>Jobs cannot be submitted from this console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workload is no longer in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already submitted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::map::MapFitLayer</name>
    <message>
        <source>Not known to the placement engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No nodes shown in this province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node here can run it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::map::MapLatencyLayer</name>
    <message>
        <source>Latency from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>within 1 ms (a city): %n node(s)</source>
        <translation>
            <numerusform>within 1 ms (a city): %n node</numerusform>
            <numerusform>within 1 ms (a city): %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within 5 ms (a region): %n node(s)</source>
        <translation>
            <numerusform>within 5 ms (a region): %n node</numerusform>
            <numerusform>within 5 ms (a region): %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within 20 ms (between hubs): %n node(s)</source>
        <translation>
            <numerusform>within 20 ms (between hubs): %n node</numerusform>
            <numerusform>within 20 ms (between hubs): %n nodes</numerusform>
        </translation>
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
    <message>
        <source>Recorded %1, not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARMS  unacknowledged · a new critical one blinks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
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
        <translation>
            <numerusform>%n node, %1 reporting</numerusform>
            <numerusform>%n nodes, %1 reporting</numerusform>
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
    <message>
        <source>Last known figures, %1 old:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also here: %1. Click again to select each in turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) around %1</source>
        <translation>
            <numerusform>%n node around %1</numerusform>
            <numerusform>%n nodes around %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators free: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to zoom in on them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node selected. N selects the next node, Shift+N the previous one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power: %1 kW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data age: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N and Shift+N select the next and previous node, S or Space says how it is, L and Shift+L say how its links are one by one, R says how its province is and F shows that province&apos;s nodes in the table, Enter opens its details, the Menu key or Shift+F10 its menu, P places the workload selected in the queue on it; arrows pan, + and - zoom, 0 shows the whole country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cpn::map::PlacementFit</name>
    <message>
        <source>rank %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue of %1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of the budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits well: rank %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits poorly: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score %1 of 100 · ≈ %2 CNY · done %3</source>
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
    <message>
        <source>The job runs on the units reserved at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compute identifier of %1 is suspended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
