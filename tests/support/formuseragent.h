#pragma once

// A minimal user agent for sign-in tests that need no real browser: it loads the authorization page,
// fills in the simulator's login form (request_id, username, password), posts it, and follows the
// redirect to the console's loopback listener, as a browser would. Chromium plays this part in
// tests/integration/auth.

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QUrlQuery>

class FormUserAgent : public QObject
{
    Q_OBJECT

public:
    FormUserAgent(const QString &user, const QString &password) : m_user(user), m_password(password)
    {
        m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }

    // Trusts this private CA besides the system's, as a browser where the user installed it.
    void setCaFile(const QString &pemFile)
    {
        m_ssl.addCaCertificates(QSslCertificate::fromPath(pemFile, QSsl::Pem));
    }

public Q_SLOTS:
    // As a SignInFlow::BrowserOpener, or a QDesktopServices URL handler: remembers the URL and plays
    // the user later (never inside the call).
    bool open(const QUrl &url)
    {
        m_authorizationUrl = url;
        ++m_opened;
        if (m_autoLogin)
            QMetaObject::invokeMethod(
                this, [this, url] { logIn(url); }, Qt::QueuedConnection);
        return true;
    }

public:
    void setAutoLogin(bool on) { m_autoLogin = on; }
    int openedCount() const { return m_opened; }
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    QString stateOf() const { return QUrlQuery(m_authorizationUrl).queryItemValue(QStringLiteral("state")); }
    QString redirectUri() const
    {
        return QUrlQuery(m_authorizationUrl)
            .queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded);
    }

    // Loads the redirect URI with these query items, as a forged or replayed redirect would.
    void visitRedirect(const QList<QPair<QString, QString>> &items)
    {
        QUrl url(redirectUri());
        QUrlQuery query;
        query.setQueryItems(items);
        url.setQuery(query);
        get(url, [this](QNetworkReply *) { Q_EMIT redirectVisited(); });
    }

    void logIn(const QUrl &url)
    {
        get(url, [this, url](QNetworkReply *reply) {
            const QString page = QString::fromUtf8(reply->readAll());
            const auto match =
                QRegularExpression(QStringLiteral("name=\"request_id\" value=\"([^\"]+)\"")).match(page);
            if (!match.hasMatch()) {
                Q_EMIT finished(false);
                return;
            }
            QUrlQuery form;
            form.addQueryItem(QStringLiteral("request_id"), match.captured(1));
            form.addQueryItem(QStringLiteral("username"), m_user);
            form.addQueryItem(QStringLiteral("password"), m_password);
            QNetworkRequest request(url.adjusted(QUrl::RemoveQuery));
            request.setSslConfiguration(m_ssl);
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
            QNetworkReply *post = m_nam.post(request, form.toString(QUrl::FullyEncoded).toUtf8());
            connect(post, &QNetworkReply::finished, this, [this, post] {
                post->deleteLater();
                const QUrl location = post->header(QNetworkRequest::LocationHeader).toUrl();
                if (location.isEmpty()) {
                    Q_EMIT finished(false);
                    return;
                }
                get(location, [this](QNetworkReply *) { Q_EMIT finished(true); });
            });
        });
    }

Q_SIGNALS:
    void finished(bool reachedRedirect);
    void redirectVisited();

private:
    template <typename F> void get(const QUrl &url, F then)
    {
        QNetworkRequest request(url);
        request.setSslConfiguration(m_ssl);
        QNetworkReply *reply = m_nam.get(request);
        connect(reply, &QNetworkReply::finished, this, [reply, then] {
            reply->deleteLater();
            then(reply);
        });
    }

    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl = QSslConfiguration::defaultConfiguration();
    QString m_user;
    QString m_password;
    QUrl m_authorizationUrl;
    bool m_autoLogin = true;
    int m_opened = 0;
};
