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

void OfferBook::setRootUrl(const QUrl &rootUrl)
{
    if (rootUrl == m_rootUrl && m_client)
        return;
    m_rootUrl = rootUrl;
    delete m_client;
    m_client = nullptr;
    ++m_generation;
    m_inFlight = false;
    if (rootUrl.isEmpty()) { // no root left: nothing is offered
        m_timer.stop();
        setOffers({});
        return;
    }
    m_client = new api::NodeApiClient(m_nam, rootUrl, m_options, this);
    m_timer.start();
    refresh();
}

void OfferBook::setToken(const QString &token)
{
    m_options.token = token;
    if (m_client)
        m_client->setToken(token);
}

void OfferBook::setTransport(QNetworkAccessManager *nam, const api::ClientOptions &options)
{
    m_nam = nam;
    m_options = options;
    delete m_client; // made again with them by setRootUrl
    m_client = nullptr;
}

void OfferBook::refresh()
{
    if (!m_client || m_inFlight)
        return;
    m_inFlight = true;
    m_client->fetchOffers(QString(), [this, generation = m_generation](const api::ApiResult<QList<Offer>> &result) {
        if (generation != m_generation)
            return;
        m_inFlight = false;
        if (!result.ok()) {
            m_lastError = result.error().message();
            qCWarning(lcApi).noquote() << "offers not refreshed:" << m_lastError;
            Q_EMIT fetchFailed(m_lastError);
            return;
        }
        m_lastError.clear();
        setOffers(result.value());
    });
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
