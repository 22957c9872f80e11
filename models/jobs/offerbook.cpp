#include "jobs/offerbook.h"

#include "api/nodeapiclient.h"
#include "domain/logging.h"

#include <QSet>

namespace cpn::jobs {

OfferBook::OfferBook(QNetworkAccessManager *nam, const api::ClientOptions &options, QObject *parent)
    : QObject(parent), m_nam(nam), m_options(options)
{
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &OfferBook::refresh);
}

OfferBook::~OfferBook() = default;

void OfferBook::setRoots(const QList<Root> &roots)
{
    for (const Source &source : std::as_const(m_sources))
        delete source.client;
    m_sources.clear();
    ++m_generation;
    if (roots.isEmpty()) { // no root left: nothing is offered
        m_timer.stop();
        setOffers({});
        return;
    }
    for (const Root &root : roots)
        m_sources.append(
            {root.url, new api::NodeApiClient(root.nam, root.url, root.options, this), {}, false});
    m_timer.start();
    refresh();
}

void OfferBook::setRootUrl(const QUrl &rootUrl)
{
    setRoots(rootUrl.isEmpty() ? QList<Root>() : QList<Root>{{rootUrl, m_nam, m_options}});
}

QUrl OfferBook::rootUrl() const
{
    return m_sources.isEmpty() ? QUrl() : m_sources.constFirst().url;
}

QUrl OfferBook::rootOf(const Offer &offer) const
{
    for (const Source &source : m_sources) {
        for (const Offer &listed : source.offers) {
            if (listed.nodeId == offer.nodeId)
                return source.url;
        }
    }
    return {};
}

void OfferBook::setToken(const QUrl &rootUrl, const QString &token)
{
    for (Source &source : m_sources) {
        if (source.url == rootUrl)
            source.client->setToken(token);
    }
}

void OfferBook::refresh()
{
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        Source &source = m_sources[i];
        if (source.inFlight)
            continue;
        source.inFlight = true;
        source.client->fetchOffers(
            QString(), [this, i, generation = m_generation](const api::ApiResult<QList<Offer>> &result) {
                if (generation != m_generation)
                    return;
                Source &answered = m_sources[i];
                answered.inFlight = false;
                if (!result.ok()) {
                    m_lastError = result.error().message();
                    qCWarning(lcApi).noquote()
                        << "offers of" << answered.url.toString() << "not refreshed:" << m_lastError;
                    Q_EMIT fetchFailed(m_lastError);
                    return;
                }
                m_lastError.clear();
                answered.offers = result.value();
                merge();
            });
    }
}

void OfferBook::merge()
{
    QList<Offer> all;
    for (const Source &source : std::as_const(m_sources))
        all += source.offers;
    setOffers(all);
}

void OfferBook::setOffers(const QList<Offer> &offers)
{
    const bool changed = !m_received || offers != m_offers;
    m_received = true;
    m_offers = offers;
    if (changed)
        Q_EMIT offersChanged();
}

QStringList OfferBook::acceleratorModels() const
{
    QSet<QString> models;
    for (const Offer &offer : m_offers) {
        if (offer.resource == Offer::Resource::Accelerator && !offer.model.isEmpty())
            models.insert(offer.model);
    }
    QStringList sorted(models.begin(), models.end());
    sorted.sort();
    return sorted;
}

const Offer *OfferBook::offer(const QString &offerId) const
{
    for (const Offer &o : m_offers) {
        if (o.id == offerId)
            return &o;
    }
    return nullptr;
}

} // namespace cpn::jobs
