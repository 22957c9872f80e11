#include "gatewayconfig.h"

#include <QTest>

using namespace cpn;
using namespace cpn::gateway;
using namespace Qt::StringLiterals;

// GatewayConfig::parse: the documented example reads back as written, defaults fill what it leaves
// out, and each kind of mistake is refused with FILE:LINE and the key.
class TestGatewayConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theExampleParses();
    void defaultsCoverTheExporters();
    void contactAndBaseUrlAreRead();
    void linksReadWithTheirFields();
    void errorsNameTheLineAndKey_data();
    void errorsNameTheLineAndKey();

private:
    static QString minimal()
    {
        return u"[site]\n"
               "id = lab\n"
               "name = Lab\n"
               "compute_id = CPN-I44-GEN-00001-2\n"
               "tier = industry\n"
               "role = industry\n"
               "province = CN-GD\n"
               "lat = 22.5\n"
               "lon = 114\n"
               "[server]\n"
               "dev_token = t\n"
               "[prometheus]\n"
               "url = http://127.0.0.1:9090\n"
               "[state]\n"
               "directory = /tmp/state\n"_s;
    }
};

void TestGatewayConfig::theExampleParses()
{
    QString error;
    const auto config = GatewayConfig::load(QStringLiteral(CPN_GATEWAY_EXAMPLE), &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->site.id, u"sz-ai-center"_s);
    QCOMPARE(config->site.nameZh, u"深圳人工智能计算中心"_s);
    QCOMPARE(config->site.cityZh, u"深圳"_s);
    QCOMPARE(config->site.role, NodeRole::Industry);
    QCOMPARE(config->site.parentId, u"hub-gd"_s);
    QCOMPARE(config->site.lat, 22.54);
    QCOMPARE(config->contact, u"noc@sz-ai-center.example.cn"_s);
    QVERIFY(config->site.baseUrl.isEmpty()); // commented out: where the gateway listens
    QCOMPARE(config->server.port, quint16(8443));
    QCOMPARE(config->server.usersFile, u"/etc/cpn-gateway/users.json"_s);
    QCOMPARE(config->prometheus.url, QUrl(u"http://127.0.0.1:9090"_s));
    QCOMPARE(config->models.value(u"NVIDIA H800"_s), u"h800"_s);
    QCOMPARE(config->models.value(u"NVIDIA A800-SXM4-80GB"_s), u"a800"_s);
    QCOMPARE(config->site.prices.acceleratorHour.value(u"h800"_s), 18.5);
    QCOMPARE(config->slurm.tokenFile, u"/etc/cpn-gateway/slurm.jwt"_s);
    QCOMPARE(config->slurm.jobDirectory, u"/var/spool/cpn-gateway/jobs"_s);
    QCOMPARE(config->stateDirectory, u"/var/lib/cpn-gateway"_s);
}

void TestGatewayConfig::defaultsCoverTheExporters()
{
    QString error;
    const auto config = GatewayConfig::parse(minimal(), u"gw.conf"_s, &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(config->prometheus.cpu.contains(u"node_cpu_seconds_total"_s));
    QVERIFY(config->prometheus.memory.contains(u"node_memory_MemAvailable_bytes"_s));
    QVERIFY(config->prometheus.acceleratorUtil.value(u"dcgm"_s).contains(u"DCGM_FI_DEV_GPU_UTIL"_s));
    QVERIFY(config->prometheus.acceleratorUtil.value(u"npu"_s).contains(u"npu_chip_info_utilization"_s));
    QVERIFY(config->prometheus.acceleratorUtil.value(u"dcu"_s).contains(u"dcu_utilizationrate"_s));
    QVERIFY(config->prometheus.acceleratorPower.value(u"dcgm"_s).contains(u"DCGM_FI_DEV_POWER_USAGE"_s));
    QCOMPARE(config->prometheus.intervalMs, 1000);
    QCOMPARE(config->server.demoUsers, false); // a real site has no operator/operator

    // An exporter a site does not run is switched off by an empty query.
    QString text = minimal();
    text.replace(u"url = http://127.0.0.1:9090\n"_s,
                 u"url = http://127.0.0.1:9090\nnpu_util =\ninterval = 0.5\n"_s);
    const auto off = GatewayConfig::parse(text, u"gw.conf"_s, &error);
    QVERIFY2(off, qPrintable(error));
    QVERIFY(off->prometheus.acceleratorUtil.value(u"npu"_s).isEmpty());
    QCOMPARE(off->prometheus.intervalMs, 500);
}

void TestGatewayConfig::contactAndBaseUrlAreRead()
{
    QString text = minimal();
    text.replace(u"lat = 22.5\n"_s, u"lat = 22.5\ncontact = \"NOC, +86 755 0000 0000\"\n"
                                    "base_url = https://cpn.lab.example.cn/gw/\n"_s);
    QString error;
    const auto config = GatewayConfig::parse(text, u"gw.conf"_s, &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->contact, u"NOC, +86 755 0000 0000"_s);
    QCOMPARE(config->site.baseUrl, QUrl(u"https://cpn.lab.example.cn/gw"_s)); // without the trailing slash
    const auto without = GatewayConfig::parse(minimal(), u"gw.conf"_s, &error);
    QVERIFY2(without, qPrintable(error));
    QVERIFY(without->contact.isEmpty());
    QVERIFY(without->site.baseUrl.isEmpty());
}

void TestGatewayConfig::linksReadWithTheirFields()
{
    QString text = minimal();
    text.replace(u"[state]\n"_s, u"[links]\n"
                                  "up.peer = hub-gd\n"
                                  "up.interfaces = device=\"eth0\"\n"
                                  "up.capacity_gbps = 100\n"
                                  "up.kind = regional\n"
                                  "up.latency = probe_duration_seconds{job=\"hub\"} * 1000\n"
                                  "[state]\n"_s);
    QString error;
    const auto config = GatewayConfig::parse(text, u"gw.conf"_s, &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->links.size(), 1);
    const GatewayConfig::SiteLink &l = config->links.first();
    QCOMPARE(l.link.id, u"up"_s);
    QCOMPARE(l.link.a, u"lab"_s); // the site, whichever section came first
    QCOMPARE(l.link.b, u"hub-gd"_s);
    QCOMPARE(l.link.kind, LinkKind::Regional);
    QCOMPARE(l.link.capacityGbps, 100.0);
    QCOMPARE(l.interfaces, u"device=\"eth0\""_s);
    QCOMPARE(l.latency, u"probe_duration_seconds{job=\"hub\"} * 1000"_s);
}

void TestGatewayConfig::errorsNameTheLineAndKey_data()
{
    QTest::addColumn<QString>("find");
    QTest::addColumn<QString>("replace");
    QTest::addColumn<QString>("expected"); // the start of the error

    QTest::newRow("unknown key") << u"lat = 22.5\n"_s << u"lat = 22.5\nlatitude = 3\n"_s
                                 << u"gw.conf:9: site.latitude: unknown key"_s;
    QTest::newRow("unknown section") << u"[state]\n"_s << u"[stat]\n"_s
                                     << u"gw.conf:14: unknown section [stat]"_s;
    QTest::newRow("value out of range") << u"lat = 22.5\n"_s << u"lat = 91\n"_s
                                        << u"gw.conf:8: site.lat: '91' is not a number in [-90, 90]"_s;
    QTest::newRow("bad enum") << u"tier = industry\n"_s << u"tier = big\n"_s
                              << u"gw.conf:5: site.tier: 'big' is not one of"_s;
    QTest::newRow("bad compute id") << u"compute_id = CPN-I44-GEN-00001-"_s << u"compute_id = CPN-X"_s
                                    << u"gw.conf:4: site.compute_id: 'CPN-X"_s;
    QTest::newRow("bad url") << u"url = http://127.0.0.1:9090"_s << u"url = prometheus:9090"_s
                             << u"gw.conf:13: prometheus.url: 'prometheus:9090' is not an http(s) URL"_s;
    QTest::newRow("bad interval") << u"url = http://127.0.0.1:9090\n"_s
                                  << u"url = http://127.0.0.1:9090\ninterval = fast\n"_s
                                  << u"gw.conf:14: prometheus.interval: 'fast' is not a number"_s;
    QTest::newRow("missing required key")
        << u"lon = 114\n"_s << u""_s << u"gw.conf:15: site.lon: required key missing"_s;
    QTest::newRow("key set twice") << u"name = Lab\n"_s << u"name = Lab\nname = Lab 2\n"_s
                                   << u"gw.conf:4: site.name: set twice (first on line 3)"_s;
    QTest::newRow("not key = value") << u"[server]\n"_s << u"[server]\nport 8443\n"_s
                                     << u"gw.conf:11: expected 'key = value'"_s;
    QTest::newRow("key before a section")
        << u"[site]\n"_s << u"id = x\n[site]\n"_s << u"gw.conf:1: id: key outside a section"_s;
    QTest::newRow("link field unknown") << u"[state]\n"_s << u"[links]\nup.speed = 3\n[state]\n"_s
                                        << u"gw.conf:15: links.up.speed: unknown field (known: peer,"_s;
    QTest::newRow("link without latency")
        << u"[state]\n"_s << u"[links]\nup.peer = hub\nup.interfaces = device=\"eth0\"\nup.capacity_gbps = 10\n[state]\n"_s
        << u"gw.conf:20: links.up.latency: required key missing"_s;
    QTest::newRow("link to itself")
        << u"[state]\n"_s
        << u"[links]\nup.peer = lab\nup.interfaces = device=\"eth0\"\nup.capacity_gbps = 10\nup.latency = 1\n[state]\n"_s
        << u"gw.conf:2: links.up.peer: a link joins the site to another node"_s;
    QTest::newRow("bad model slug") << u"[state]\n"_s << u"[models]\n\"NVIDIA H800\" = H 800\n[state]\n"_s
                                    << u"gw.conf:15: models.NVIDIA H800: 'H 800' is not a model slug"_s;
    QTest::newRow("unterminated quote")
        << u"[state]\n"_s << u"[models]\n\"NVIDIA H800 = h800\n[state]\n"_s << u"gw.conf:15: "_s;
    QTest::newRow("tls cert without key")
        << u"dev_token = t\n"_s << u"dev_token = t\ntls_cert = c.pem\n"_s
        << u"gw.conf:12: server.tls_key: tls_cert and tls_key go together"_s;
    QTest::newRow("no users") << u"dev_token = t\n"_s << u"port = 0\n"_s
                              << u"gw.conf:16: server.users_file: required key missing"_s;
    QTest::newRow("token and token file")
        << u"[state]\n"_s << u"[slurm]\ntoken = a\ntoken_file = b\n[state]\n"_s
        << u"gw.conf:16: slurm.token_file: set either token or token_file"_s;
    QTest::newRow("slurm without partition")
        << u"[state]\n"_s << u"[slurm]\nurl = http://127.0.0.1:6820\nuser = u\ntoken = t\n[state]\n"_s
        << u"gw.conf:15: slurm.partition: required with slurm.url"_s;
    QTest::newRow("slurm without token")
        << u"[state]\n"_s
        << u"[slurm]\nurl = http://127.0.0.1:6820\nuser = u\npartition = p\njob_directory = /j\n[state]\n"_s
        << u"gw.conf:15: slurm.token: required with slurm.url"_s;
    QTest::newRow("bad accelerator price")
        << u"[state]\n"_s << u"[prices]\naccelerator.h800 = -1\n[state]\n"_s
        << u"gw.conf:15: prices.accelerator.h800: '-1' is not a number"_s;
    QTest::newRow("empty contact") << u"lat = 22.5\n"_s << u"lat = 22.5\ncontact =\n"_s
                                   << u"gw.conf:9: site.contact: must not be empty"_s;
    QTest::newRow("blank contact") << u"lat = 22.5\n"_s << u"lat = 22.5\ncontact = \"  \"\n"_s
                                   << u"gw.conf:9: site.contact: must not be empty"_s;
    QTest::newRow("contact too long")
        << u"lat = 22.5\n"_s << u"lat = 22.5\ncontact = %1\n"_s.arg(QString(257, u'x'))
        << u"gw.conf:9: site.contact: longer than 256 characters"_s;
    QTest::newRow("contact with a control character")
        << u"lat = 22.5\n"_s << u"lat = 22.5\ncontact = noc\tlab\n"_s
        << u"gw.conf:9: site.contact: must not hold control characters"_s;
    QTest::newRow("base url not http")
        << u"lat = 22.5\n"_s << u"lat = 22.5\nbase_url = ftp://lab.example.cn\n"_s
        << u"gw.conf:9: site.base_url: 'ftp://lab.example.cn' is not an http(s) URL"_s;
    QTest::newRow("base url with a query")
        << u"lat = 22.5\n"_s << u"lat = 22.5\nbase_url = https://lab.example.cn/cpn?x=1\n"_s
        << u"gw.conf:9: site.base_url: 'https://lab.example.cn/cpn?x=1' must not carry a query"_s;
    QTest::newRow("role of another tier") << u"role = industry\n"_s << u"role = hub\n"_s
                                          << u"gw.conf:6: site.role: role hub is not of tier industry"_s;
}

void TestGatewayConfig::errorsNameTheLineAndKey()
{
    QFETCH(QString, find);
    QFETCH(QString, replace);
    QFETCH(QString, expected);
    QString text = minimal();
    QVERIFY2(text.contains(find), qPrintable(find));
    text.replace(text.indexOf(find), find.size(), replace);
    QString error;
    const auto config = GatewayConfig::parse(text, u"gw.conf"_s, &error);
    QVERIFY(!config);
    QVERIFY2(error.startsWith(expected), qPrintable(u"got: "_s + error));
}

QTEST_GUILESS_MAIN(TestGatewayConfig)
#include "tst_gatewayconfig.moc"
