"""How a trip looks to callers: which fields appear in which status.

Fields follow the documentation's rules: ``driver``/``vehicle`` only once a driver is
assigned; the driver's phone numbers only while the trip is ongoing; ``location`` and
``pickup.eta`` only while accepted or arriving; fares, ``waypoints``, distances and
``dropoff_time`` only on completed trips; ``editable_fields`` only when asked for.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

from . import booking, fares
from . import trips as ts
from .errors import InvariantViolation
from .geo import bearing_degrees, nearby
from .products import format_money
from .trips import Place, Trip

SUPPORTED_LANGUAGES = ("en", "fr")


# The Riders API knows fewer statuses than the Guest Rides API.
RIDERS_STATUS = {
    ts.SCHEDULED: ts.PROCESSING,
    ts.OFFERED: ts.PROCESSING,
    ts.DRIVER_REDISPATCHED: ts.PROCESSING,
    ts.EXPIRED: ts.RIDER_CANCELED,
    ts.FAILED: ts.NO_DRIVERS_AVAILABLE,
}


def language_of(accept_language: str | None) -> str:
    """The first supported language of an Accept-Language header (``FR``, ``fr-CA``, ``fr;q=1``)."""
    if not accept_language:
        return "en"
    for item in accept_language.split(","):
        tag = item.split(";", 1)[0].strip().replace("_", "-").split("-", 1)[0].lower()
        if tag in SUPPORTED_LANGUAGES:
            return tag
    return "en"


def ride_miles(trip: Trip) -> float:
    return fares.route_miles(trip)


def ride_minutes(trip: Trip) -> int:
    return max(1, math.ceil(ride_miles(trip) * 3))


def fare_amount(trip: Trip) -> float:
    return fares.charged_amount(trip)


def driver_position(trip: Trip) -> tuple[float, float]:
    """Where the driver is: on the way to the pickup while accepted, at it while arriving."""
    if trip.status == ts.ARRIVING:
        return trip.pickup.latitude, trip.pickup.longitude
    return nearby(trip.pickup.latitude, trip.pickup.longitude)


def _place(place: Place, eta: int | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "latitude": place.latitude,
        "longitude": place.longitude,
        "timezone": place.timezone,
    }
    if place.address:
        out["address"] = place.address
    if place.title:
        out["title"] = place.title
    if place.subtitle:
        out["subtitle"] = place.subtitle
    if place.place:
        out["place"] = dict(place.place)
    if eta is not None:
        out["eta"] = eta
    return out


def _guest(trip: Trip) -> dict[str, Any]:
    guest = trip.guest
    out: dict[str, Any] = {
        "guest_id": guest.guest_id,
        "phone_number": guest.phone_number,
        "locale": guest.locale,
    }
    for name in ("first_name", "last_name", "email"):
        value = getattr(guest, name)
        if value is not None:
            out[name] = value
    return out


def created_trip(trip: Trip) -> dict[str, Any]:
    """The create-trip response."""
    out: dict[str, Any] = {
        "request_id": trip.request_id,
        "product_id": trip.product.product_id,
        "status": trip.status,
        "guest": _guest(trip),
    }
    if not trip.is_reserve:
        out["surge_multiplier"] = trip.surge_multiplier
    if trip.linked_request_id:
        out["linked_request_id"] = trip.linked_request_id
    return out


def editable_fields(trip: Trip) -> dict[str, Any]:
    """What an update may change now: the same rule the update applies."""
    parts = booking.editable_parts(trip)
    return {
        booking.PICKUP: {
            "editable": booking.PICKUP in parts,
            "max_radius_meters": booking.PICKUP_EDIT_RADIUS_METERS,
        },
        "STOPS": {"editable": False},
        booking.DROPOFF: {"editable": booking.DROPOFF in parts},
    }


def guest_trip(
    trip: Trip, language: str = "en", include_editable_fields: bool = False
) -> dict[str, Any]:
    """The get-trip response."""
    status = trip.status
    en_route = status in ts.DRIVER_EN_ROUTE
    ongoing = status in ts.ONGOING
    minutes = ride_minutes(trip)
    pickup_eta = (5 if status == ts.ACCEPTED else 1) if en_route else None
    destination_eta = None
    if ongoing:
        destination_eta = minutes + (pickup_eta or 0)
    out: dict[str, Any] = {
        "request_id": trip.request_id,
        "status": status,
        "request_time": trip.request_time,
        "product": {
            "product_id": trip.product.product_id,
            "display_name": trip.product.display_name,
            "description": trip.product.describe(language),
        },
        "guest": _guest(trip),
        "pickup": _place(trip.pickup, pickup_eta),
        "destination": _place(trip.dropoff, destination_eta),
        "surge_multiplier": trip.surge_multiplier,
        "is_reserve": trip.is_reserve,
    }
    for name in (
        "requester_name",
        "requester_uuid",
        "policy_uuid",
        "note_for_driver",
        "expense_memo",
        "linked_request_id",
    ):
        value = getattr(trip, name)
        if value is not None:
            out[name] = value
    if trip.organization_id:
        out["location_uuid"] = trip.organization_id
    if trip.pickup_time is not None:
        out["scheduling"] = {"pickup_time": trip.pickup_time}
    if trip.pickup_day is not None:
        out["deferred_ride_options"] = {"pickup_day": trip.pickup_day}
    driver = trip.driver
    if driver is not None and (ongoing or status == ts.COMPLETED):
        shown: dict[str, Any] = {
            "id": driver.driver_uuid,
            "name": driver.name,
            "rating": driver.rating,
            "picture_url": driver.picture_url,
            "pin_based_phone_number": {"phone_number": driver.pin_phone_number, "pin": driver.pin},
        }
        if ongoing:
            shown["phone_number"] = driver.phone_number
            shown["sms_number"] = driver.sms_number
        out["driver"] = shown
        out["vehicle"] = {
            "make": driver.make,
            "model": driver.model,
            "license_plate": driver.license_plate,
            "vehicle_color_name": driver.colour_in(language),
        }
    if en_route:
        lat, lon = driver_position(trip)
        out["location"] = {
            "latitude": lat,
            "longitude": lon,
            "bearing": bearing_degrees(lat, lon, trip.pickup.latitude, trip.pickup.longitude),
        }
    if ongoing:
        token = hashlib.sha256(trip.request_id.encode()).hexdigest()[:10]
        out["rider_tracking_url"] = f"https://trip.uber.com/{token}"
    if trip.begin_trip_time is not None and status in (ts.IN_PROGRESS, ts.COMPLETED):
        out["begin_trip_time"] = trip.begin_trip_time
    if status == ts.COMPLETED:
        amount = fare_amount(trip)
        currency = trip.product.currency_code
        if trip.dropoff_time is None or trip.begin_trip_time is None:
            raise InvariantViolation(f"completed trip {trip.request_id} lacks its trip times")
        out.update(
            {
                "dropoff_time": trip.dropoff_time,
                "can_tip": True,
                "client_fare": format_money(amount, currency),
                "client_fare_numeric": amount,
                "client_fare_without_tip": format_money(amount, currency),
                "currency_code": currency,
                "trip_distance_miles": round(ride_miles(trip), 4),
                "trip_duration_seconds": (trip.dropoff_time - trip.begin_trip_time) // 1000,
                "trip_end_location": {
                    "latitude": trip.dropoff.latitude,
                    "longitude": trip.dropoff.longitude,
                },
                "waypoints": [
                    {
                        "latitude": trip.pickup.latitude,
                        "longitude": trip.pickup.longitude,
                        "type": "pickup",
                    },
                    {
                        "latitude": trip.dropoff.latitude,
                        "longitude": trip.dropoff.longitude,
                        "type": "dropoff",
                    },
                ],
            }
        )
        if trip.dropoff.address:
            out["trip_end_location"]["address"] = trip.dropoff.address
    if status == ts.RIDER_CANCELED and trip.cancellation_fee is not None:
        fee, currency = trip.cancellation_fee, trip.product.currency_code
        out.update(
            {
                "can_tip": False,
                "client_fare": format_money(fee, currency),
                "client_fare_numeric": fee,
                "client_fare_without_tip": format_money(fee, currency),
                "currency_code": currency,
            }
        )
    if trip.status_detail is not None:
        out["status_detail"] = trip.status_detail
    if include_editable_fields:
        out["editable_fields"] = editable_fields(trip)
    return out


def ride_request(trip: Trip) -> dict[str, Any]:
    """The same trip as the Riders API's ``GET /v1.2/requests/{request_id}`` shows it."""
    status = RIDERS_STATUS.get(trip.status, trip.status)
    out: dict[str, Any] = {
        "request_id": trip.request_id,
        "product_id": trip.product.product_id,
        "status": status,
        "shared": trip.product.shared,
        "driver": None,
        "vehicle": None,
        "location": None,
    }
    if trip.is_terminal:
        return out
    ongoing = trip.status in ts.ONGOING
    en_route = trip.status in ts.DRIVER_EN_ROUTE
    driver = trip.driver
    if ongoing and driver is not None:
        out["driver"] = {
            "phone_number": driver.phone_number,
            "sms_number": driver.sms_number,
            "rating": driver.rating,
            "picture_url": driver.picture_url,
            "name": driver.name,
        }
        out["vehicle"] = {
            "make": driver.make,
            "model": driver.model,
            "license_plate": driver.license_plate,
            "picture_url": driver.vehicle_picture_url,
        }
    if en_route:
        lat, lon = driver_position(trip)
        out["location"] = {
            "latitude": lat,
            "longitude": lon,
            "bearing": bearing_degrees(lat, lon, trip.pickup.latitude, trip.pickup.longitude),
        }
    pickup_eta = (5 if trip.status == ts.ACCEPTED else 1) if en_route else None
    out["surge_multiplier"] = trip.surge_multiplier
    out["pickup"] = {"latitude": trip.pickup.latitude, "longitude": trip.pickup.longitude}
    if pickup_eta is not None:
        out["pickup"]["eta"] = pickup_eta
    out["destination"] = {"latitude": trip.dropoff.latitude, "longitude": trip.dropoff.longitude}
    if ongoing:
        out["destination"]["eta"] = ride_minutes(trip) + (pickup_eta or 0)
    return out
