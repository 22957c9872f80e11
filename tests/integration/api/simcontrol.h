#pragma once

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

// Drives the simulator's control API (/sim/v1/faults, docs/node-api.md, last section) for the
// integration tests. Synchronous on purpose: a test sets a fault, then watches the client react.
class SimControl
{
public:
    SimControl(QNetworkAccessManager *nam, const QUrl &root, const QString &token)
        : m_nam(nam), m_root(root), m_token(token)
    {
    }

    bool addFault(const QJsonObject &fault)
    {
        return send("POST", QStringLiteral("/sim/v1/faults"),
                    QJsonDocument(fault).toJson(QJsonDocument::Compact));
    }
    bool clearFaults() { return send("DELETE", QStringLiteral("/sim/v1/faults"), {}); }
    QString lastError() const { return m_lastError; }

private:
    bool send(const QByteArray &verb, const QString &path, const QByteArray &body)
    {
        QUrl url = m_root;
        url.setPath(url.path() + path);
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam->sendCustomRequest(request, verb, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool ok = reply->isFinished() && status >= 200 && status < 300;
        m_lastError = ok ? QString()
                         : QStringLiteral("%1 %2: HTTP %3 %4")
                               .arg(QString::fromLatin1(verb), path)
                               .arg(status)
                               .arg(QString::fromUtf8(reply->readAll().left(300)));
        reply->abort();
        reply->deleteLater();
        return ok;
    }

    QNetworkAccessManager *m_nam;
    QUrl m_root;
    QString m_token;
    QString m_lastError;
};
