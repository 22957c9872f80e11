#pragma once

#include "domain/offer.h"

#include <QString>

namespace cpn {

// POST /api/v1/reservations: hold `count` units of one offer for a job of `hours` (docs/node-api.md).
struct ReservationRequest
{
    QString offerId;
    int count = 0;
    double hours = 0;
    friend bool operator==(const ReservationRequest &, const ReservationRequest &) = default;
};

// Units a node holds for one client until a job uses them, they are cancelled, or expiresAt passes.
struct Reservation
{
    enum class State { Active, Used, Cancelled, Expired };
    QString id;
    QString offerId;
    QString nodeId;
    Offer::Resource resource = Offer::Resource::Accelerator;
    QString model; // accelerator model slug; empty for other resources
    int count = 0;
    double hours = 0;
    double priceCnyPerHour = 0; // per unit
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    State state = State::Active;
    QString jobId; // the job that used it, once Used
    friend bool operator==(const Reservation &, const Reservation &) = default;
};

QString toWire(Reservation::State state);

// What a reservation holds, for people: "8 H800 cards", "64 CPU cores", "512 GiB of memory".
QString heldUnitsText(Offer::Resource resource, const QString &model, int count);
inline QString heldUnitsText(const Reservation &r)
{
    return heldUnitsText(r.resource, r.model, r.count);
}

} // namespace cpn
