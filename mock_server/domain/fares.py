"""Fares: what a ride costs up front, surge, and the confirmation a fare in surge needs.

A fare is offered to one tenant for one product and expires ``fare_ttl`` seconds later.
Creating a trip consumes the ``fare_id`` it sends, once; while a product is in surge a
trip needs one (the 409 ``surge`` answer carries a fresh fare to retry with), and an
unknown, foreign or expired ``fare_id`` is answered 409 ``fare_expired`` with a fresh one.
"""

from __future__ import annotations

import math
import uuid
from typing import Any

from . import trips as ts
from .errors import FareConflict
from .geo import distance_miles
from .products import Catalogue, Fare, Product, fare_display, fare_range
from .state import TenantState
from .trips import Trip


def upfront_value(product: Product, miles: float, multiplier: float) -> float:
    """The upfront price of a ride of ``miles`` (straight line) at ``multiplier``: the
    middle of the product's range, which is also what a trip without one is charged."""
    low, high = fare_range(product, miles, multiplier)
    return round((low + high) / 2, 2)


def hourly_amount(amount: float, multiplier: float) -> float:
    """A tier's price at the product's surge multiplier."""
    return round(amount * multiplier, 2)


def forget_expired(tenant: TenantState, now: int) -> None:
    """Drop the tenant's fares that can no longer be used."""
    expired = [f.fare_id for f in tenant.fares.values() if now // 1000 >= f.expires_at]
    for fare_id in expired:
        del tenant.fares[fare_id]


def new_fare(
    product: Product, miles: float, multiplier: float, now_ms: int, ttl_seconds: int
) -> Fare:
    return Fare(
        fare_id=str(uuid.uuid4()),
        product_id=product.product_id,
        multiplier=multiplier,
        display=fare_display(product, miles, multiplier),
        expires_at=now_ms // 1000 + ttl_seconds,
    )


def fare_metadata(fare: Fare) -> dict[str, Any]:
    return {
        "fare_id": fare.fare_id,
        "fare_display": fare.display,
        "multiplier": fare.multiplier,
        "expires_at": fare.expires_at,
    }


def surge_error(fare: Fare) -> FareConflict:
    return FareConflict(
        "surge", "Fare is higher than normal, request again to confirm", fare_metadata(fare)
    )


def fare_expired_error(fare: Fare) -> FareConflict:
    return FareConflict(
        "fare_expired",
        "The fare estimate has expired, request again to confirm",
        fare_metadata(fare),
    )


def confirm_fare(
    catalogue: Catalogue, tenant: TenantState, trip: Trip, fare_id: str | None, now: int
) -> None:
    """Price ``trip``: consume the ``fare_id`` sent, or refuse; surge needs an explicit
    confirmation (the caller re-sends the fare_id it was given)."""
    miles = distance_miles(
        trip.pickup.latitude,
        trip.pickup.longitude,
        trip.dropoff.latitude,
        trip.dropoff.longitude,
    )
    product_id = trip.product.product_id
    current = catalogue.surge(product_id, tenant.surge)
    if fare_id is not None:
        fare = tenant.fares.get(fare_id.lower())
        if fare is None or fare.product_id != product_id or now // 1000 >= fare.expires_at:
            fresh = new_fare(
                trip.product, miles, current, now, catalogue.fare_ttl(product_id, tenant.surge)
            )
            tenant.add_fare(fresh)
            raise fare_expired_error(fresh)
        del tenant.fares[fare.fare_id]
        trip.surge_multiplier = fare.multiplier
        if trip.hourly_tier is None:
            trip.upfront_fare = fare.value
        return
    if current > 1.0:
        fresh = new_fare(
            trip.product, miles, current, now, catalogue.fare_ttl(product_id, tenant.surge)
        )
        tenant.add_fare(fresh)
        raise surge_error(fresh)
    trip.surge_multiplier = 1.0


def set_surge(
    catalogue: Catalogue,
    tenant: TenantState,
    product_id: str,
    multiplier: float,
    fare_ttl_seconds: int | None,
) -> Product:
    """Put a product in surge (or out of it) for one application; without a TTL the
    product's current one stays."""
    if fare_ttl_seconds is None:
        fare_ttl_seconds = catalogue.fare_ttl(product_id.lower(), tenant.surge)
    return catalogue.set_surge(tenant.surge, product_id, multiplier, fare_ttl_seconds)


def cancellation_fee(trip: Trip, now: int) -> float:
    """What cancelling ``trip`` at ``now`` costs, by its product's terms.

    On-demand and scheduled rides are free while no driver is assigned and for the grace
    period after the driver accepted; Reserve and hourly rides are free until the free
    cancellation threshold before ``pickup_time``; a flexible ride not yet dispatched is
    free. Otherwise the product's minimum cancellation fee.
    """
    terms = trip.product.cancellation
    if trip.status == ts.OFFERED:
        return 0.0
    if trip.is_reserve and trip.pickup_time is not None:
        free_until = trip.pickup_time - terms.free_cancellation_threshold_minutes * 60_000
        return 0.0 if now <= free_until else terms.min_cancellation_fee
    accepted = trip.accepted_at()
    if accepted is None or now - accepted <= terms.grace_period_seconds * 1000:
        return 0.0
    return terms.min_cancellation_fee


ROUTE_FACTOR = 1.3  # route distance over straight-line distance


def route_miles(trip: Trip) -> float:
    """The distance the trip drives, in miles."""
    straight = distance_miles(
        trip.pickup.latitude, trip.pickup.longitude, trip.dropoff.latitude, trip.dropoff.longitude
    )
    return straight * ROUTE_FACTOR


def overage(trip: Trip) -> tuple[float, float]:
    """An hourly ride's extra time and extra distance charges beyond its tier."""
    tier, rates = trip.hourly_tier, trip.product.overage
    if tier is None or rates is None or trip.begin_trip_time is None or trip.dropoff_time is None:
        return 0.0, 0.0
    minutes = (trip.dropoff_time - trip.begin_trip_time) / 60_000
    distance = route_miles(trip)
    if rates.distance_unit == "KM":
        distance *= 1.609344
    tier_distance = (
        tier.distance
        if tier.distance_unit == rates.distance_unit
        else (tier.distance * 1.609344 if rates.distance_unit == "KM" else tier.distance / 1.609344)
    )
    extra_minutes = max(0, math.ceil(minutes - tier.time_in_mins))
    extra_distance = max(0.0, distance - tier_distance)
    return (
        round(extra_minutes * rates.per_minute, 2),
        round(extra_distance * rates.per_distance_unit, 2),
    )


def charged_amount(trip: Trip) -> float:
    """What a trip is charged once completed: its upfront fare when booked with one; for
    hourly rides the tier's price (at the surge multiplier) plus overage; else the middle
    of its product's range for its route at its surge multiplier."""
    if trip.hourly_tier is not None:
        time_charge, distance_charge = overage(trip)
        package = hourly_amount(trip.hourly_tier.amount, trip.surge_multiplier)
        return round(package + time_charge + distance_charge, 2)
    if trip.upfront_fare is not None:
        return trip.upfront_fare
    return upfront_value(trip.product, route_miles(trip) / ROUTE_FACTOR, trip.surge_multiplier)
