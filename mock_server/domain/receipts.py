"""Receipts of completed trips.

A receipt is ready ``READY_AFTER_SECONDS`` after the trip completes, on the sandbox's
clock; before that, and for trips that did not complete, there is none (404).

The amounts add up as the document says: ``normal_fare`` is the sum of ``charges``,
``subtotal`` adds the surge, ``total_fare`` adds the adjustments (a booking fee), and
``total_fare`` is what the completed trip was charged (its ``client_fare``). Amounts are
reckoned in cents so that the parts add up exactly.
"""

from __future__ import annotations

from typing import Any

from . import fares
from . import trips as ts
from .errors import InvariantViolation, NotFound
from .products import format_money
from .trips import Trip

READY_AFTER_SECONDS = 60
NOT_READY = "The receipt is not ready yet."
NO_RECEIPT = "The trip did not complete; it has no receipt."
# The booking fee of on-demand, scheduled and Reserve rides, in the trip's currency.
BOOKING_FEE_CENTS = 230
BOOKING_FEE_TYPE = "transport.fare.booking_fee"


def _cents(amount: float) -> int:
    return round(amount * 100)


def _amount(cents: int) -> float:
    return round(cents / 100, 2)


def receipt_ready_at(trip: Trip) -> int | None:
    """When the trip's receipt is ready (None: it never will be)."""
    if trip.status != ts.COMPLETED or trip.dropoff_time is None:
        return None
    return trip.dropoff_time + READY_AFTER_SECONDS * 1000


def charges_of(trip: Trip, normal_cents: int) -> list[tuple[str, int]]:
    """The trip's charges, adding up to ``normal_cents``."""
    if trip.hourly_tier is not None:
        extra_time, extra_distance = (_cents(x) for x in fares.overage(trip))
        package = normal_cents - extra_time - extra_distance
        parts = [(f"Hourly {trip.hourly_tier.package}", package)]
        if extra_time:
            parts.append(("Extra time", extra_time))
        if extra_distance:
            parts.append(("Extra distance", extra_distance))
        return parts
    product = trip.product
    base = min(normal_cents, _cents(product.base_fare))
    rest = normal_cents - base
    miles = fares.route_miles(trip)
    distance_part = product.per_mile * miles
    time_part = product.per_minute * miles * 3
    share = distance_part / (distance_part + time_part) if distance_part + time_part else 1.0
    distance = round(rest * share)
    return [("Base Fare", base), ("Distance", distance), ("Time", rest - distance)]


def receipt(trip: Trip, now: int) -> dict[str, Any]:
    """The receipt of ``trip`` (settled), or 404 ``not_found`` while there is none."""
    ready_at = receipt_ready_at(trip)
    if ready_at is None:
        raise NotFound(NO_RECEIPT)
    if now < ready_at:
        raise NotFound(NOT_READY)
    if trip.begin_trip_time is None or trip.dropoff_time is None:
        raise InvariantViolation(f"completed trip {trip.request_id} lacks its trip times")
    currency = trip.product.currency_code
    total = _cents(fares.charged_amount(trip))
    fee = 0 if trip.hourly_tier is not None else min(BOOKING_FEE_CENTS, total)
    subtotal = total - fee
    multiplier = trip.surge_multiplier
    normal = round(subtotal / multiplier) if multiplier > 1 else subtotal
    surge = subtotal - normal
    charges = charges_of(trip, normal)
    seconds = (trip.dropoff_time - trip.begin_trip_time) // 1000
    out: dict[str, Any] = {
        "request_id": trip.request_id,
        "guest": {
            key: value
            for key, value in (
                ("guest_id", trip.guest.guest_id),
                ("first_name", trip.guest.first_name),
                ("last_name", trip.guest.last_name),
                ("phone_number", trip.guest.phone_number),
                ("email", trip.guest.email),
                ("locale", trip.guest.locale),
            )
            if value is not None
        },
        "charges": [{"name": name, "amount": _amount(cents)} for name, cents in charges],
        "surge_charge": {"name": f"Surge x{multiplier:g}", "amount": _amount(surge)}
        if surge
        else None,
        "charge_adjustments": [
            {"name": "Booking Fee", "amount": _amount(fee), "type": BOOKING_FEE_TYPE}
        ]
        if fee
        else [],
        "normal_fare": format_money(_amount(normal), currency),
        "subtotal": format_money(_amount(subtotal), currency),
        "total_fare": format_money(_amount(total), currency),
        "total_owed": format_money(0, currency),
        "home_currency_total_fare": {"currency_code": currency, "amount": _amount(total)},
        "currency_code": currency,
        "duration": f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}",
        "distance": f"{fares.route_miles(trip):.2f}",
        "distance_label": "miles",
        "taxes": [],
    }
    if trip.expense_memo is not None:
        out["expense_memo"] = trip.expense_memo
    return out
