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

// What the federation sells now: GET /offers from every connected root every refreshIntervalMs and on
// demand, in the roots' order (a site's gateway connected beside the simulated federation adds its
// offers to the federation's). A failed fetch keeps that root's last good offers (and says why through
// fetchFailed).
class OfferBook : public QObject
{
    Q_OBJECT

public:
    // A root whose offers are read: through its own network manager, with its transport rules and token.
    struct Root
    {
        QUrl url;
        QNetworkAccessManager *nam = nullptr;
        api::ClientOptions options;
    };

    OfferBook(QNetworkAccessManager *nam, const api::ClientOptions &options, QObject *parent = nullptr);
    ~OfferBook() override;

    // The roots whose /offers are read; refreshes at once and then periodically. No root stops reading
    // and empties the book.
    void setRoots(const QList<Root> &roots);
    // One root, through the book's own network manager, transport rules and token.
    void setRootUrl(const QUrl &rootUrl);
    // The first root (planning's first; empty without one).
    QUrl rootUrl() const;
    // The root that lists the offers of `offer`'s node (reservations of them are made there; an offer
    // itself may have been priced afresh since); empty if none does.
    QUrl rootOf(const Offer &offer) const;
    // The token the requests to `rootUrl` carry from now on.
    void setToken(const QUrl &rootUrl, const QString &token);
    void setRefreshIntervalMs(int ms) { m_timer.setInterval(ms); }

    // Asks every root now that has no request in flight.
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
    struct Source
    {
        QUrl url;
        api::NodeApiClient *client = nullptr;
        QList<Offer> offers;
        bool inFlight = false;
    };
    void merge(); // the sources' offers, in the roots' order, into offers()

    QNetworkAccessManager *m_nam;
    api::ClientOptions m_options;
    QList<Source> m_sources;
    bool m_received = false;
    quint64 m_generation = 0; // answers for an earlier set of roots are ignored
    QList<Offer> m_offers;
    QString m_lastError;
    QTimer m_timer;
};

} // namespace cpn::jobs
