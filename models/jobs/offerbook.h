#pragma once

#include "api/clientoptions.h"
#include "domain/offer.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace cpn::api {
class NodeApiClient;
}

namespace cpn::jobs {

// What the federation sells now: GET /offers from the federation root every refreshIntervalMs and on
// demand. A failed fetch keeps the last good offers (and says why through fetchFailed).
class OfferBook : public QObject
{
    Q_OBJECT

public:
    OfferBook(QNetworkAccessManager *nam, const api::ClientOptions &options, QObject *parent = nullptr);
    ~OfferBook() override;

    // The federation root whose /offers is read; refreshes at once and then periodically. An empty
    // URL stops reading and empties the book.
    void setRootUrl(const QUrl &rootUrl);
    QUrl rootUrl() const { return m_rootUrl; }
    void setToken(const QString &token);
    // The root's network manager, transport rules and token; call before setRootUrl, which makes the
    // client with them.
    void setTransport(QNetworkAccessManager *nam, const api::ClientOptions &options);
    void setRefreshIntervalMs(int ms) { m_timer.setInterval(ms); }

    // Asks now unless a request is already in flight.
    void refresh();
    const QList<Offer> &offers() const { return m_offers; }
    bool hasOffers() const { return m_received; }
    // Accelerator models on offer, sorted.
    QStringList acceleratorModels() const;
    const Offer *offer(const QString &offerId) const;
    QString lastError() const { return m_lastError; }

    // For tests and for a console that feeds offers from elsewhere.
    void setOffers(const QList<Offer> &offers);

Q_SIGNALS:
    void offersChanged();
    void fetchFailed(const QString &reason);

private:
    QNetworkAccessManager *m_nam;
    api::ClientOptions m_options;
    QUrl m_rootUrl;
    api::NodeApiClient *m_client = nullptr;
    bool m_inFlight = false;
    bool m_received = false;
    quint64 m_generation = 0; // answers for an earlier root are ignored
    QList<Offer> m_offers;
    QString m_lastError;
    QTimer m_timer;
};

} // namespace cpn::jobs
