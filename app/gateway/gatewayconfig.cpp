#include "gatewayconfig.h"

#include "domain/computeid.h"
#include "domain/registryjson.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <functional>

using namespace Qt::StringLiterals;

namespace cpn::gateway {
namespace {

// One key of a section: reads its value into the config, or says why it cannot.
using Setter = std::function<QString(GatewayConfig &, const QString &value)>;

struct Key
{
    Setter set;
    bool required = false;
};

QString text(QString &target, const QString &value, int maxLength = 4096)
{
    if (value.size() > maxLength)
        return u"longer than %1 characters"_s.arg(maxLength);
    target = value;
    return {};
}

QString nonEmpty(QString &target, const QString &value)
{
    if (value.isEmpty())
        return u"must not be empty"_s;
    return text(target, value);
}

QString matching(QString &target, const QString &value, const QString &pattern, const QString &what)
{
    if (!QRegularExpression(u"^(?:%1)$"_s.arg(pattern)).match(value).hasMatch())
        return u"'%1' is not %2"_s.arg(value, what);
    target = value;
    return {};
}

QString number(double &target, const QString &value, double min, double max)
{
    bool ok = false;
    const double v = value.toDouble(&ok);
    if (!ok || !(v >= min && v <= max))
        return u"'%1' is not a number in [%2, %3]"_s.arg(value).arg(min).arg(max);
    target = v;
    return {};
}

QString milliseconds(int &target, const QString &value, double minSeconds, double maxSeconds)
{
    double seconds = 0;
    if (QString e = number(seconds, value, minSeconds, maxSeconds); !e.isEmpty())
        return e + u" (seconds)"_s;
    target = int(seconds * 1000 + 0.5);
    return {};
}

QString httpUrl(QUrl &target, const QString &value)
{
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
        return u"'%1' is not an http(s) URL"_s.arg(value);
    target = url;
    return {};
}

template <typename E> QString wireEnum(E &target, const QString &value)
{
    const auto v = fromWire<E>(value);
    if (!v)
        return u"'%1' is not one of %2"_s.arg(value, wireNames<E>().join(u", "_s));
    target = *v;
    return {};
}

const QString kSlug = u"[a-z0-9][a-z0-9._-]{0,63}"_s;
const QString kModelSlug = u"[a-z0-9][a-z0-9-]{0,63}"_s;

QHash<QString, Key> siteKeys()
{
    return {
        {u"id"_s,
         {[](GatewayConfig &c, const QString &v) {
              return matching(c.site.id, v, kSlug, u"a node id ([a-z0-9._-], up to 64)"_s);
          },
          true}},
        {u"name"_s,
         {[](GatewayConfig &c, const QString &v) {
              return v.isEmpty() ? u"must not be empty"_s : text(c.site.name, v, 128);
          },
          true}},
        {u"name_zh"_s, {[](GatewayConfig &c, const QString &v) { return text(c.site.nameZh, v, 128); }}},
        {u"compute_id"_s,
         {[](GatewayConfig &c, const QString &v) {
              QString why;
              if (!computeid::isValid(v, &why))
                  return u"'%1' is not a compute identifier: %2"_s.arg(v, why);
              c.site.computeId = v;
              return QString();
          },
          true}},
        {u"tier"_s, {[](GatewayConfig &c, const QString &v) { return wireEnum(c.site.tier, v); }, true}},
        {u"role"_s, {[](GatewayConfig &c, const QString &v) { return wireEnum(c.site.role, v); }, true}},
        {u"parent"_s, {[](GatewayConfig &c, const QString &v) {
             return matching(c.site.parentId, v, kSlug, u"a node id"_s);
         }}},
        {u"province"_s,
         {[](GatewayConfig &c, const QString &v) {
              return matching(c.site.province, v, u"CN-[A-Z]{2}"_s, u"an ISO 3166-2:CN code such as CN-GZ"_s);
          },
          true}},
        {u"city"_s, {[](GatewayConfig &c, const QString &v) { return text(c.site.city, v, 128); }}},
        {u"city_zh"_s, {[](GatewayConfig &c, const QString &v) { return text(c.site.cityZh, v, 128); }}},
        {u"sector"_s, {[](GatewayConfig &c, const QString &v) {
             for (const auto &[code, name] : computeid::sectors()) {
                 if (code == v) {
                     c.site.sector = v;
                     return QString();
                 }
             }
             return u"'%1' is not a sector code (GEN, FIN, MED, ...)"_s.arg(v);
         }}},
        {u"contact"_s, {[](GatewayConfig &c, const QString &v) {
             // As an application's contact must be (docs/node-api.md, "Identifier registration").
             if (v.trimmed().isEmpty())
                 return u"must not be empty"_s;
             for (QChar ch : v) {
                 if (ch.category() == QChar::Other_Control)
                     return u"must not hold control characters"_s;
             }
             return text(c.contact, v, protocol::kMaxContactLength);
         }}},
        {u"base_url"_s, {[](GatewayConfig &c, const QString &v) {
             QUrl url;
             if (QString e = httpUrl(url, v); !e.isEmpty())
                 return e;
             if (v.size() > 2048)
                 return u"longer than 2048 characters"_s;
             if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
                 return u"'%1' must not carry a query, a fragment or user info"_s.arg(v);
             c.site.baseUrl = url.adjusted(QUrl::StripTrailingSlash);
             return QString();
         }}},
        {u"lat"_s, {[](GatewayConfig &c, const QString &v) { return number(c.site.lat, v, -90, 90); }, true}},
        {u"lon"_s,
         {[](GatewayConfig &c, const QString &v) { return number(c.site.lon, v, -180, 180); }, true}},
        {u"pue"_s, {[](GatewayConfig &c, const QString &v) { return number(c.site.pue, v, 1, 3); }}},
        {u"green_share"_s,
         {[](GatewayConfig &c, const QString &v) { return number(c.site.greenShare, v, 0, 1); }}},
    };
}

QHash<QString, Key> serverKeys()
{
    return {
        {u"port"_s, {[](GatewayConfig &c, const QString &v) {
             double port = 0;
             if (QString e = number(port, v, 0, 65535); !e.isEmpty() || port != int(port))
                 return u"'%1' is not a port (0..65535, 0 picks a free one)"_s.arg(v);
             c.server.port = quint16(port);
             return QString();
         }}},
        {u"tls_cert"_s,
         {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.server.tlsCertificateFile, v); }}},
        {u"tls_key"_s, {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.server.tlsKeyFile, v); }}},
        {u"users_file"_s,
         {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.server.usersFile, v); }}},
        {u"dev_token"_s, {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.server.devToken, v); }}},
        {u"read_token"_s,
         {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.server.readToken, v); }}},
        {u"token_ttl"_s, {[](GatewayConfig &c, const QString &v) {
             double s = 0;
             if (QString e = number(s, v, 1, 30 * 24 * 3600); !e.isEmpty())
                 return e + u" (seconds)"_s;
             c.server.tokenTtlSeconds = int(s);
             return QString();
         }}},
    };
}

QHash<QString, Key> prometheusKeys()
{
    QHash<QString, Key> keys{
        {u"url"_s, {[](GatewayConfig &c, const QString &v) { return httpUrl(c.prometheus.url, v); }, true}},
        {u"history_url"_s,
         {[](GatewayConfig &c, const QString &v) { return httpUrl(c.prometheus.historyUrl, v); }}},
        {u"interval"_s, {[](GatewayConfig &c, const QString &v) {
             return milliseconds(c.prometheus.intervalMs, v, 0.2, 60);
         }}},
        {u"lag"_s,
         {[](GatewayConfig &c, const QString &v) { return milliseconds(c.prometheus.lagMs, v, 0, 60); }}},
        {u"timeout"_s, {[](GatewayConfig &c, const QString &v) {
             return milliseconds(c.prometheus.timeoutMs, v, 0.1, 60);
         }}},
        {u"offline_after"_s, {[](GatewayConfig &c, const QString &v) {
             return milliseconds(c.prometheus.offlineAfterMs, v, 1, 3600);
         }}},
        {u"cpu"_s, {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.prometheus.cpu, v); }}},
        {u"memory"_s, {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.prometheus.memory, v); }}},
        {u"storage"_s, {[](GatewayConfig &c, const QString &v) { return text(c.prometheus.storage, v); }}},
        {u"cpu_cores"_s,
         {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.prometheus.cpuCores, v); }}},
        {u"memory_bytes"_s,
         {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.prometheus.memoryBytes, v); }}},
        {u"storage_bytes"_s,
         {[](GatewayConfig &c, const QString &v) { return text(c.prometheus.storageBytes, v); }}},
        {u"model_label"_s, {[](GatewayConfig &c, const QString &v) {
             return matching(c.prometheus.modelLabel, v, u"[a-zA-Z_][a-zA-Z0-9_]*"_s,
                             u"a Prometheus label name"_s);
         }}},
    };
    for (const QString &family : {u"dcgm"_s, u"npu"_s, u"dcu"_s}) {
        // Empty: that exporter does not run at this site.
        keys.insert(family + u"_util"_s, {[family](GatewayConfig &c, const QString &v) {
                        return text(c.prometheus.acceleratorUtil[family], v);
                    }});
        keys.insert(family + u"_count"_s, {[family](GatewayConfig &c, const QString &v) {
                        return text(c.prometheus.acceleratorCount[family], v);
                    }});
        keys.insert(family + u"_power"_s, {[family](GatewayConfig &c, const QString &v) {
                        return text(c.prometheus.acceleratorPower[family], v);
                    }});
    }
    return keys;
}

QHash<QString, Key> slurmKeys()
{
    return {
        {u"url"_s, {[](GatewayConfig &c, const QString &v) { return httpUrl(c.slurm.url, v); }}},
        {u"user"_s, {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.slurm.user, v); }}},
        {u"token"_s, {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.slurm.token, v); }}},
        {u"token_file"_s,
         {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.slurm.tokenFile, v); }}},
        {u"partition"_s, {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.slurm.partition, v); }}},
        {u"job_script"_s,
         {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.slurm.jobScriptFile, v); }}},
        {u"job_directory"_s,
         {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.slurm.jobDirectory, v); }}},
    };
}

QHash<QString, Key> priceKeys()
{
    return {
        {u"cpu_core_hour"_s,
         {[](GatewayConfig &c, const QString &v) { return number(c.site.prices.cpuCoreHour, v, 0, 1e6); }}},
        {u"memory_gib_hour"_s,
         {[](GatewayConfig &c, const QString &v) { return number(c.site.prices.memoryGiBHour, v, 0, 1e6); }}},
        {u"storage_tb_hour"_s,
         {[](GatewayConfig &c, const QString &v) { return number(c.site.prices.storageTBHour, v, 0, 1e6); }}},
    };
}

QHash<QString, Key> alertmanagerKeys()
{
    return {
        {u"url"_s, {[](GatewayConfig &c, const QString &v) { return httpUrl(c.alertmanager.url, v); }}},
        {u"interval"_s, {[](GatewayConfig &c, const QString &v) {
             return milliseconds(c.alertmanager.intervalMs, v, 0.2, 300);
         }}},
        {u"site_label"_s, {[](GatewayConfig &c, const QString &v) {
             const qsizetype eq = v.indexOf(u'=');
             QString label = v.left(eq).trimmed();
             if (eq < 0 || !matching(c.alertmanager.siteLabel, label, u"[a-zA-Z_][a-zA-Z0-9_]*"_s, u""_s).isEmpty() ||
                 !nonEmpty(c.alertmanager.siteValue, v.mid(eq + 1).trimmed()).isEmpty())
                 return u"expected label=value, such as cluster=lab-site"_s;
             return QString();
         }}},
    };
}

QHash<QString, QHash<QString, Key>> sections()
{
    return {
        {u"site"_s, siteKeys()},
        {u"server"_s, serverKeys()},
        {u"prometheus"_s, prometheusKeys()},
        {u"models"_s, {}}, // free keys, see below
        {u"links"_s, {}},  // <link id>.<field>, see linkKey()
        {u"alertmanager"_s, alertmanagerKeys()},
        {u"slurm"_s, slurmKeys()},
        {u"prices"_s, priceKeys()}, // and accelerator.<slug>, see below
        {u"state"_s,
         {{u"directory"_s,
           {[](GatewayConfig &c, const QString &v) { return nonEmpty(c.stateDirectory, v); }, true}}}},
    };
}

// A value or a key in double quotes keeps its spaces; \" and \\ escape.
std::optional<QString> unquote(const QString &raw)
{
    if (!raw.startsWith(u'"'))
        return raw;
    if (raw.size() < 2 || !raw.endsWith(u'"'))
        return std::nullopt;
    QString out;
    for (qsizetype i = 1; i < raw.size() - 1; ++i) {
        QChar ch = raw[i];
        if (ch == u'\\' && i + 1 < raw.size() - 1)
            ch = raw[++i];
        else if (ch == u'"')
            return std::nullopt;
        out += ch;
    }
    return out;
}

void setDefaults(GatewayConfig &c)
{
    auto &p = c.prometheus;
    p.cpu = u"1 - avg(irate(node_cpu_seconds_total{mode=\"idle\"}[1m]))"_s;
    p.memory = u"1 - sum(node_memory_MemAvailable_bytes) / sum(node_memory_MemTotal_bytes)"_s;
    p.storage =
        u"1 - sum(node_filesystem_avail_bytes{mountpoint=\"/\"}) / sum(node_filesystem_size_bytes{mountpoint=\"/\"})"_s;
    p.cpuCores = u"count(node_cpu_seconds_total{mode=\"idle\"})"_s;
    p.memoryBytes = u"sum(node_memory_MemTotal_bytes)"_s;
    p.storageBytes = u"sum(node_filesystem_size_bytes{mountpoint=\"/\"})"_s;
    p.acceleratorUtil[u"dcgm"_s] = u"avg by (modelName) (DCGM_FI_DEV_GPU_UTIL) / 100"_s;
    p.acceleratorCount[u"dcgm"_s] = u"count by (modelName) (DCGM_FI_DEV_GPU_UTIL)"_s;
    p.acceleratorPower[u"dcgm"_s] = u"sum by (modelName) (DCGM_FI_DEV_POWER_USAGE)"_s;
    const auto renamed = [](const QString &expr, const QString &label) {
        return u"label_replace(%1, \"modelName\", \"$1\", \"%2\", \"(.*)\")"_s.arg(expr, label);
    };
    p.acceleratorUtil[u"npu"_s] =
        renamed(u"avg by (model_name) (npu_chip_info_utilization)"_s, u"model_name"_s) + u" / 100"_s;
    p.acceleratorCount[u"npu"_s] =
        renamed(u"count by (model_name) (npu_chip_info_utilization)"_s, u"model_name"_s);
    p.acceleratorPower[u"npu"_s] = renamed(u"sum by (model_name) (npu_chip_info_power)"_s, u"model_name"_s);
    p.acceleratorUtil[u"dcu"_s] = renamed(u"avg by (name) (dcu_utilizationrate)"_s, u"name"_s) + u" / 100"_s;
    p.acceleratorCount[u"dcu"_s] = renamed(u"count by (name) (dcu_utilizationrate)"_s, u"name"_s);
    p.acceleratorPower[u"dcu"_s] = renamed(u"sum by (name) (dcu_power_usage)"_s, u"name"_s);
    c.server.demoUsers = false; // a real site signs in only the users of its users_file
    c.site.tier = NodeTier::Industry;
    c.site.role = NodeRole::Industry;
}

} // namespace

std::optional<GatewayConfig> GatewayConfig::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"%1: cannot read: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(QString::fromUtf8(file.readAll()), path, error);
}

QString GatewayConfig::modelSlug(const QString &exporterModel) const
{
    if (const auto it = models.constFind(exporterModel); it != models.cend())
        return it.value();
    QString slug;
    for (QChar c : exporterModel.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug += u'-';
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.left(64);
}

namespace {

const QStringList kLinkFields{u"peer"_s, u"interfaces"_s, u"capacity_gbps"_s, u"latency"_s, u"kind"_s,
                              u"base_latency_ms"_s};
const QStringList kRequiredLinkFields{u"peer"_s, u"interfaces"_s, u"capacity_gbps"_s, u"latency"_s};

// One key of [links], `<link id>.<field>`.
QString linkKey(GatewayConfig &c, QMap<QString, GatewayConfig::SiteLink> &links, const QString &key,
                const QString &value)
{
    const qsizetype dot = key.lastIndexOf(u'.');
    const QString id = key.left(dot);
    const QString field = key.mid(dot + 1);
    if (dot < 0 || !QRegularExpression(u"^%1$"_s.arg(kSlug)).match(id).hasMatch())
        return u"expected <link id>.<field>, a link id such as sz-uplink"_s;
    if (!kLinkFields.contains(field))
        return u"unknown field (known: %1)"_s.arg(kLinkFields.join(u", "_s));
    GatewayConfig::SiteLink &l = links[id];
    l.link.id = id;
    l.link.a = c.site.id;
    if (field == u"peer"_s)
        return matching(l.link.b, value, kSlug, u"a node id"_s);
    if (field == u"interfaces"_s)
        return nonEmpty(l.interfaces, value);
    if (field == u"latency"_s)
        return nonEmpty(l.latency, value);
    if (field == u"kind"_s) {
        const auto kind = fromWire<LinkKind>(value);
        if (!kind)
            return u"'%1' is not backbone, regional or access"_s.arg(value);
        l.link.kind = *kind;
        return {};
    }
    return number(field == u"capacity_gbps"_s ? l.link.capacityGbps : l.link.baseLatencyMs, value,
                  field == u"capacity_gbps"_s ? 0.001 : 0, field == u"capacity_gbps"_s ? 1e5 : 1e4);
}

} // namespace

std::optional<GatewayConfig> GatewayConfig::parse(const QString &text, const QString &fileName,
                                                  QString *error)
{
    GatewayConfig config;
    setDefaults(config);
    const auto all = sections();
    QString section;
    QHash<QString, int> seen; // "section.key" -> line
    QSet<QString> sectionsSeen;
    QMap<QString, SiteLink> links;
    const auto fail = [&](int line, const QString &key, const QString &what) {
        *error = key.isEmpty() ? u"%1:%2: %3"_s.arg(fileName).arg(line).arg(what)
                               : u"%1:%2: %3: %4"_s.arg(fileName).arg(line).arg(key, what);
        return std::nullopt;
    };
    static const QRegularExpression sectionLine(u"^\\[([a-z]+)\\]$"_s);
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            const auto m = sectionLine.match(line);
            if (!m.hasMatch() || !all.contains(m.captured(1)))
                return fail(lineNo, {},
                            u"unknown section %1 (known: [site], [server], [prometheus], [models], "
                            "[links], [alertmanager], [slurm], [prices], [state])"_s.arg(line));
            section = m.captured(1);
            if (sectionsSeen.contains(section))
                return fail(lineNo, {}, u"section [%1] appears twice"_s.arg(section));
            sectionsSeen.insert(section);
            continue;
        }
        // The key ends at the first '=' outside quotes.
        qsizetype eq = -1;
        bool quoted = false;
        for (qsizetype k = 0; k < line.size() && eq < 0; ++k) {
            if (line[k] == u'"' && (k == 0 || line[k - 1] != u'\\'))
                quoted = !quoted;
            else if (line[k] == u'=' && !quoted)
                eq = k;
        }
        if (eq < 0)
            return fail(lineNo, {}, u"expected 'key = value', '[section]' or a # comment"_s);
        const auto key = unquote(line.left(eq).trimmed());
        const auto value = unquote(line.mid(eq + 1).trimmed());
        if (!key || key->isEmpty())
            return fail(lineNo, line.left(eq).trimmed(), u"not a key"_s);
        if (!value)
            return fail(lineNo, *key, u"unterminated or stray quote in the value"_s);
        if (section.isEmpty())
            return fail(lineNo, *key, u"key outside a section (start with [site])"_s);
        const QString qualified = section + u'.' + *key;
        if (seen.contains(qualified))
            return fail(lineNo, qualified, u"set twice (first on line %1)"_s.arg(seen.value(qualified)));
        seen.insert(qualified, lineNo);

        QString why;
        if (section == u"links"_s) {
            why = linkKey(config, links, *key, *value);
        } else if (section == u"models"_s) {
            why = matching(config.models[*key], *value, kModelSlug, u"a model slug such as h800"_s);
        } else if (section == u"prices"_s && key->startsWith(u"accelerator."_s)) {
            const QString slug = key->mid(12);
            if (!QRegularExpression(u"^%1$"_s.arg(kModelSlug)).match(slug).hasMatch())
                why = u"'%1' is not a model slug"_s.arg(slug);
            else
                why = number(config.site.prices.acceleratorHour[slug], *value, 0, 1e6);
        } else {
            const QHash<QString, Key> &keys = *all.constFind(section);
            const auto key_ = keys.constFind(*key);
            if (key_ == keys.cend()) {
                QStringList known = keys.keys();
                known.sort();
                return fail(lineNo, qualified,
                            u"unknown key (known in [%1]: %2)"_s.arg(section, known.join(u", "_s)));
            }
            why = key_->set(config, *value);
        }
        if (!why.isEmpty())
            return fail(lineNo, qualified, why);
    }

    // Required keys and keys that go together.
    const int end = int(lines.size());
    for (auto s = all.cbegin(); s != all.cend(); ++s) {
        for (auto k = s->cbegin(); k != s->cend(); ++k) {
            if (k->required && !seen.contains(s.key() + u'.' + k.key()))
                return fail(end, s.key() + u'.' + k.key(), u"required key missing"_s);
        }
    }
    const auto lineOf = [&](const char *key) { return seen.value(QString::fromLatin1(key), end); };
    if (config.server.tlsCertificateFile.isEmpty() != config.server.tlsKeyFile.isEmpty())
        return fail(lineOf(config.server.tlsKeyFile.isEmpty() ? "server.tls_cert" : "server.tls_key"),
                    config.server.tlsKeyFile.isEmpty() ? u"server.tls_key"_s : u"server.tls_cert"_s,
                    u"tls_cert and tls_key go together"_s);
    if (config.server.usersFile.isEmpty() && config.server.devToken.isEmpty())
        return fail(end, u"server.users_file"_s,
                    u"required key missing (or server.dev_token for development)"_s);
    if (!config.slurm.token.isEmpty() && !config.slurm.tokenFile.isEmpty())
        return fail(lineOf("slurm.token_file"), u"slurm.token_file"_s,
                    u"set either token or token_file, not both"_s);
    if (!config.slurm.url.isEmpty()) {
        // Without these the gateway could not submit a job: say so now, not at the first job.
        for (const char *key : {"slurm.user", "slurm.partition", "slurm.job_directory"}) {
            if (!seen.contains(QString::fromLatin1(key)))
                return fail(lineOf("slurm.url"), QString::fromLatin1(key), u"required with slurm.url"_s);
        }
        if (config.slurm.token.isEmpty() && config.slurm.tokenFile.isEmpty())
            return fail(lineOf("slurm.url"), u"slurm.token"_s, u"required with slurm.url (or token_file)"_s);
    }
    for (SiteLink &l : links) {
        for (const QString &field : kRequiredLinkFields) {
            if (!seen.contains(u"links.%1.%2"_s.arg(l.link.id, field)))
                return fail(end, u"links.%1.%2"_s.arg(l.link.id, field), u"required key missing"_s);
        }
        if (l.link.b == config.site.id)
            return fail(lineOf("site.id"), u"links.%1.peer"_s.arg(l.link.id), u"a link joins the site to another node"_s);
        l.link.a = config.site.id; // [site] may come after [links]
        config.links.append(l);
    }
    if (config.site.role == NodeRole::National && !config.site.parentId.isEmpty())
        return fail(lineOf("site.parent"), u"site.parent"_s, u"a national node has no parent"_s);
    if (config.site.role != NodeRole::National && tierOf(config.site.role) != config.site.tier)
        return fail(lineOf("site.role"), u"site.role"_s,
                    u"role %1 is not of tier %2"_s.arg(toWire(config.site.role), toWire(config.site.tier)));
    return config;
}

} // namespace cpn::gateway
