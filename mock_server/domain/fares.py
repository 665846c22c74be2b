"""Fares: what a ride costs up front, surge, and the confirmation a fare in surge needs.

A fare is offered to one tenant for one product and expires ``fare_ttl`` seconds later.
Creating a trip consumes the ``fare_id`` it sends, once; while a product is in surge a
trip needs one (the 409 ``surge`` answer carries a fresh fare to retry with), and an
unknown, foreign or expired ``fare_id`` is answered 409 ``fare_expired`` with a fresh one.
"""

from __future__ import annotations

import uuid
from typing import Any

from .errors import FareConflict
from .geo import distance_miles
from .products import Catalogue, Fare, Product, fare_display
from .state import TenantState
from .trips import Trip


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
    current = catalogue.surge(product_id)
    if fare_id is not None:
        fare = tenant.fares.get(fare_id.lower())
        if fare is None or fare.product_id != product_id or now // 1000 >= fare.expires_at:
            fresh = new_fare(trip.product, miles, current, now, catalogue.fare_ttl(product_id))
            tenant.fares[fresh.fare_id] = fresh
            raise fare_expired_error(fresh)
        del tenant.fares[fare.fare_id]
        trip.surge_multiplier = fare.multiplier
        return
    if current > 1.0:
        fresh = new_fare(trip.product, miles, current, now, catalogue.fare_ttl(product_id))
        tenant.fares[fresh.fare_id] = fresh
        raise surge_error(fresh)
    trip.surge_multiplier = 1.0


def set_surge(
    catalogue: Catalogue, product_id: str, multiplier: float, fare_ttl_seconds: int | None
) -> Product:
    """Put a product in surge (or out of it); without a TTL the product's current one stays."""
    if fare_ttl_seconds is None:
        fare_ttl_seconds = catalogue.fare_ttl(product_id.lower())
    return catalogue.set_surge(product_id, multiplier, fare_ttl_seconds)
