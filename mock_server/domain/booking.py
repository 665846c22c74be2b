"""Booking: building a trip (and its return trip) from a create request.

The ride type follows from the product and the request (``scheduling.pickup_time``,
``deferred_ride_options.pickup_day``, ``hourly``); places get the time zone of their
coordinates, and local dates (a flexible ride's pickup day) are read in the pickup's time
zone on the sandbox's clock. A guest may not have two live rides scheduled for the same
time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import fares
from . import trips as ts
from .errors import InvalidPickupTime, NotFound, ValidationFailed
from .geo import distance_meters, distance_miles, timezone_for
from .lifecycle import LifeCycle, local_date
from .products import Catalogue, HourlyTier, Product
from .runs import Run
from .state import StateStore, TenantState
from .tenancy import INVALID_RUN_ID, Caller, guest_id, live_run, new_id
from .trips import Guest, Place, RideType, Trip

# How far a trip's pickup may be from its run's pickup or drivers. Uber's sandbox answers
# "Invalid Run ID" when the driver's and the pickup's coordinates do not match, without a
# number; this is the local reading (see DISCREPANCIES.md): a short drive, well beyond the
# ~450 m at which a run's driver waits, and short of another part of town.
RUN_PICKUP_RADIUS_METERS = 1000


def check_pickup_when(
    pickup_time: int | None, pickup_day: str | None, timezone: str, now: int
) -> None:
    """A scheduled `pickup_time` lies in the future, and a flexible ride's `pickup_day` is
    today or later in the pickup's time zone (create and estimates share the rule)."""
    if pickup_time is not None and pickup_time <= now:
        raise ValidationFailed("scheduling.pickup_time: must be in the future")
    if pickup_day is not None:
        try:
            day = dt.date.fromisoformat(pickup_day)
        except (TypeError, ValueError):
            raise ValidationFailed(
                "deferred_ride_options.pickup_day: must be a date YYYY-MM-DD"
            ) from None
        if day < local_date(now, timezone):
            raise ValidationFailed("deferred_ride_options.pickup_day: must be today or later")


def book(
    store: StateStore,
    life: LifeCycle,
    catalogue: Catalogue,
    tenant: TenantState,
    caller: Caller,
    body: dict[str, Any],
    run_id: str | None,
    now: int,
    require_run: bool = False,
) -> Trip:
    """Create a trip (and its return trip), answering the documented business errors.

    With ``require_run`` (Uber's sandbox), a trip needs a live run whose pickup or drivers
    are near its pickup."""
    run = None
    if run_id is None and require_run:
        raise NotFound(
            f"{INVALID_RUN_ID}: send x-uber-sandbox-runuuid with the run_id of a sandbox run",
            code="entity_not_found",
        )
    if run_id is not None:
        run = live_run(tenant, run_id, now)
        if run is None:
            raise NotFound(f"{INVALID_RUN_ID}: no live run {run_id}", code="entity_not_found")
        life.settle_run(tenant, run, now)
    booking = Booking(life, catalogue, tenant, caller, now)
    trip = booking.new_trip(body, run)
    if run is not None:
        check_near_run(run, trip.pickup)
    return_trip = None
    if body.get("return_trip_params"):
        return_trip = booking.new_return_trip(trip, body["return_trip_params"], run)
    fares.confirm_fare(catalogue, tenant, trip, body.get("fare_id"), now)
    life.commit(store, tenant, trip, now)
    if return_trip is not None:
        trip.linked_request_id = return_trip.request_id
        return_trip.linked_request_id = trip.request_id
        life.commit(store, tenant, return_trip, now)
    return trip


class Booking:
    """One create request's view of the rules: who books, for which tenant, at what time."""

    def __init__(
        self,
        life: LifeCycle,
        catalogue: Catalogue,
        tenant: TenantState,
        caller: Caller,
        now: int,
    ) -> None:
        self.life = life
        self.catalogue = catalogue
        self.tenant = tenant
        self.caller = caller
        self.now = now

    def new_trip(
        self, body: dict[str, Any], run: Run | None, *, guest: Guest | None = None
    ) -> Trip:
        now = self.now
        product_id = body.get("product_id")
        if not product_id:
            raise ValidationFailed("product_id is required")
        product = self.catalogue.get(product_id)
        # The deprecated start_location/end_location stand for pickup/dropoff when those
        # are absent (the create page lists both pairs; the current ones win).
        pickup_field = (
            "pickup" if body.get("pickup") or not body.get("start_location") else "start_location"
        )
        dropoff_field = (
            "dropoff" if body.get("dropoff") or not body.get("end_location") else "end_location"
        )
        pickup = place(body.get(pickup_field), pickup_field)
        dropoff = place(body.get(dropoff_field), dropoff_field)
        pickup_time = (body.get("scheduling") or {}).get("pickup_time")
        pickup_day = (body.get("deferred_ride_options") or {}).get("pickup_day")
        hourly = body.get("hourly")
        kind = ride_type(product, pickup_time, pickup_day, hourly)
        tier = None
        if kind is RideType.HOURLY:
            tier = hourly_tier(product, hourly)
        check_pickup_when(pickup_time, pickup_day, pickup.timezone, now)
        if guest is None:
            guest = self.guest(body.get("guest") or {})
        if pickup_time is not None:
            self.check_duplicate_schedule(guest.phone_number, pickup_time)
        if kind is RideType.ON_DEMAND:
            status = ts.PROCESSING
        elif kind is RideType.FLEXIBLE:
            status = ts.OFFERED
        else:
            status = ts.SCHEDULED
        caller = self.caller
        return Trip(
            request_id=new_id(),
            app_id=caller.app_id,
            organization_id=caller.organization_id.lower() if caller.organization_id else None,
            run_id=run.run_id if run else None,
            ride_type=kind,
            product=product,
            guest=guest,
            pickup=pickup,
            dropoff=dropoff,
            request_time=now,
            status=status,
            status_since=now,
            surge_multiplier=1.0,
            pickup_time=pickup_time,
            pickup_day=pickup_day,
            hourly_tier=tier,
            requester_name=caller.requester_name,
            requester_uuid=caller.requester_uuid,
            policy_uuid=body.get("policy_uuid"),
            note_for_driver=body.get("note_for_driver"),
            expense_memo=body.get("expense_memo"),
            sender_display_name=body.get("sender_display_name") or None,
            call_enabled=body.get("call_enabled", True),
            contacts_to_notify=list(body.get("contacts_to_notify") or []),
        )

    def new_return_trip(self, outbound: Trip, params: dict[str, Any], run: Run | None) -> Trip:
        """The return trip of ``return_trip_params``: by default from the outbound dropoff
        back to its pickup, for the same guest, scheduled or flexible, priced on its own."""
        scheduling = params.get("scheduling") or {}
        deferred = params.get("deferred_ride_options") or {}
        if scheduling.get("pickup_time") is None and deferred.get("pickup_day") is None:
            raise ValidationFailed(
                "return_trip_params: needs scheduling.pickup_time or deferred_ride_options.pickup_day"
            )
        if scheduling.get("pickup_time") is not None and scheduling["pickup_time"] <= (
            outbound.pickup_time or self.now
        ):
            raise ValidationFailed(
                "return_trip_params.scheduling.pickup_time: must be after the outbound trip"
            )
        start = params.get("start_location") or {
            "latitude": outbound.dropoff.latitude,
            "longitude": outbound.dropoff.longitude,
            "address": outbound.dropoff.address,
        }
        end = params.get("end_location") or {
            "latitude": outbound.pickup.latitude,
            "longitude": outbound.pickup.longitude,
            "address": outbound.pickup.address,
        }
        body = {
            "product_id": params.get("product_id") or outbound.product.product_id,
            "pickup": start,
            "dropoff": end,
            "scheduling": scheduling or None,
            "deferred_ride_options": deferred or None,
            "note_for_driver": params.get("note_for_driver"),
            "expense_memo": outbound.expense_memo,
            "policy_uuid": outbound.policy_uuid,
        }
        trip = self.new_trip(
            {k: v for k, v in body.items() if v is not None}, run, guest=outbound.guest
        )
        trip.surge_multiplier = self.catalogue.surge(trip.product.product_id, self.tenant.surge)
        return trip

    def guest(self, raw: dict[str, Any]) -> Guest:
        """The guest of a request; the locale defaults to the one they last rode with."""
        phone = raw.get("phone_number")
        if not phone:
            raise ValidationFailed("guest.phone_number is required")
        locale = raw.get("locale") or self.tenant.guest_locale(phone) or "en"
        return Guest(
            guest_id=guest_id(self.caller.app_id, phone),
            first_name=raw.get("first_name"),
            last_name=raw.get("last_name"),
            phone_number=phone,
            email=raw.get("email"),
            locale=locale,
        )

    def check_duplicate_schedule(self, phone: str, pickup_time: int) -> None:
        """A guest may not have two live rides scheduled for the same pickup time."""
        for other_id in self.tenant.scheduled.get((phone, pickup_time), ()):
            other = self.tenant.trips.get(other_id)  # None: forgotten (lifetimes)
            if other is None:
                continue
            self.life.settle(self.tenant, other, self.now)
            if not other.is_terminal:
                raise InvalidPickupTime()


def check_near_run(run: Run, pickup: Place) -> None:
    """Refuse a pickup farther than ``RUN_PICKUP_RADIUS_METERS`` from the run's pickup and
    from every one of its drivers."""
    anchors = [run.pickup] + [
        (d.latitude, d.longitude)
        for d in run.drivers.values()
        if d.latitude is not None and d.longitude is not None
    ]
    nearest = min(distance_meters(pickup.latitude, pickup.longitude, *a) for a in anchors)
    if nearest > RUN_PICKUP_RADIUS_METERS:
        raise NotFound(
            f"{INVALID_RUN_ID}: the pickup is {nearest:.0f} m from the run's pickup and drivers"
            f" (at most {RUN_PICKUP_RADIUS_METERS} m)",
            code="entity_not_found",
        )


def place(raw: dict[str, Any] | None, field: str) -> Place:
    """A pickup or dropoff, with the time zone of its coordinates."""
    if not raw or "latitude" not in raw or "longitude" not in raw:
        raise ValidationFailed(f"{field}.latitude and {field}.longitude are required")
    lat, lon = float(raw["latitude"]), float(raw["longitude"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValidationFailed(f"{field}: coordinates out of range")
    return Place(lat, lon, raw.get("address"), raw.get("place"), timezone_for(lat, lon))


def ride_type(product: Product, pickup_time: Any, pickup_day: Any, hourly: Any) -> RideType:
    """Which kind of ride a request books, refusing the combinations the product forbids."""
    if pickup_time is not None and pickup_day is not None:
        raise ValidationFailed(
            "scheduling.pickup_time and deferred_ride_options.pickup_day cannot both be set"
        )
    if product.advance_booking == "HOURLY" or hourly:
        if product.advance_booking != "HOURLY":
            raise ValidationFailed(
                f"hourly: product {product.product_id} does not offer hourly rides"
            )
        if not hourly:
            raise ValidationFailed("hourly: required for an hourly product")
        if pickup_time is None:
            raise ValidationFailed("scheduling.pickup_time: required for Hourly rides")
        return RideType.HOURLY
    if pickup_day is not None:
        if product.is_reserve:
            raise ValidationFailed(
                "deferred_ride_options.pickup_day: Reserve products cannot be flexible rides"
            )
        return RideType.FLEXIBLE
    if pickup_time is not None:
        if product.advance_booking == "RESERVE":
            return RideType.RESERVE
        if not product.scheduling_enabled:
            # Estimates list only products with `scheduling_enabled` for a scheduled ride;
            # create books no other (DISCREPANCIES A15).
            raise ValidationFailed(
                f"scheduling.pickup_time: product {product.product_id} cannot be scheduled"
            )
        return RideType.SCHEDULED
    if product.is_reserve:
        raise ValidationFailed("scheduling.pickup_time: required for Reserve rides")
    return RideType.ON_DEMAND


def hourly_tier(product: Product, hourly: Any) -> HourlyTier:
    """The product's tier whose time and distance the request names."""
    wanted = (hourly or {}).get("tier") or {}
    for tier in product.hourly_tiers:
        if (
            tier.time_in_mins == wanted.get("time_in_mins")
            and tier.distance == wanted.get("distance")
            and tier.distance_unit == wanted.get("distance_unit")
        ):
            return tier
    offered = ", ".join(
        f"{t.time_in_mins} min/{t.distance} {t.distance_unit}" for t in product.hourly_tiers
    )
    raise ValidationFailed(
        f"hourly.tier: time and distance must match one of the product's tiers ({offered})"
    )


# ------------------------------------------------------------------------ updates

# How far from the trip's original pickup an update may move it, in metres.
PICKUP_EDIT_RADIUS_METERS = 200
METERS_PER_MILE = 1609.344

# Which parts of an on-demand trip an update may change, by status: before dispatch the
# pickup and the destination (and the product, memo and note), after it the destination.
BEFORE_DISPATCH = frozenset({ts.PROCESSING})
AFTER_DISPATCH = frozenset({ts.ACCEPTED, ts.ARRIVING, ts.IN_PROGRESS, ts.DRIVER_REDISPATCHED})
PICKUP = "PICKUP"
DROPOFF = "DROPOFF"

SCHEDULED_NOT_UPDATABLE = "Scheduled rides cannot be updated via the API"
ONLY_ON_DEMAND = "Only on-demand rides can be updated"
ENDED_NOT_UPDATABLE = "The trip can no longer be updated"
AFTER_DISPATCH_ONLY_DROPOFF = "only the destination can change once a driver is dispatched"


def editable_parts(trip: Trip) -> frozenset[str]:
    """The parts of ``trip`` an update may change now (``editable_fields`` shows the same)."""
    if trip.ride_type is not RideType.ON_DEMAND or trip.is_terminal:
        return frozenset()
    if trip.status in BEFORE_DISPATCH:
        return frozenset({PICKUP, DROPOFF})
    if trip.status in AFTER_DISPATCH:
        return frozenset({DROPOFF})
    return frozenset()


def _same_spot(a: Place, b: Place) -> bool:
    return a.latitude == b.latitude and a.longitude == b.longitude


def update(catalogue: Catalogue, trip: Trip, body: dict[str, Any]) -> None:
    """Replace the editable parts of an on-demand trip (full replacement: the memo and
    the note left out are cleared; the pickup and the product left out stay)."""
    if trip.ride_type in (RideType.SCHEDULED, RideType.RESERVE, RideType.HOURLY):
        raise ValidationFailed(SCHEDULED_NOT_UPDATABLE)
    if trip.ride_type is RideType.FLEXIBLE:
        raise ValidationFailed(ONLY_ON_DEMAND)
    parts = editable_parts(trip)
    if DROPOFF not in parts:
        raise ValidationFailed(ENDED_NOT_UPDATABLE)
    for current, deprecated in (("pickup", "start_location"), ("dropoff", "end_location")):
        if body.get(current) is not None and body.get(deprecated) is not None:
            raise ValidationFailed(f"{current}, {deprecated}: send one of them")
    raw_dropoff = body.get("dropoff") or body.get("end_location")
    if not raw_dropoff:
        raise ValidationFailed("dropoff: field is required (or the deprecated end_location)")
    if body.get("stops"):
        raise ValidationFailed("stops: stops cannot be changed through the API")
    dropoff = place(raw_dropoff, "dropoff")
    raw_pickup = body.get("pickup") or body.get("start_location")
    pickup = place(raw_pickup, "pickup") if raw_pickup else None
    product = catalogue.get(body["product_id"]) if body.get("product_id") else None
    memo, note = body.get("expense_memo"), body.get("note_for_driver")
    if PICKUP not in parts:
        if pickup is not None and not _same_spot(pickup, trip.pickup):
            raise ValidationFailed(f"pickup: {AFTER_DISPATCH_ONLY_DROPOFF}")
        if product is not None and product.product_id != trip.product.product_id:
            raise ValidationFailed(f"product_id: {AFTER_DISPATCH_ONLY_DROPOFF}")
        if memo != trip.expense_memo:
            raise ValidationFailed(f"expense_memo: {AFTER_DISPATCH_ONLY_DROPOFF}")
        if note != trip.note_for_driver:
            raise ValidationFailed(f"note_for_driver: {AFTER_DISPATCH_ONLY_DROPOFF}")
    else:
        original = trip.original_pickup or trip.pickup
        if pickup is not None:
            miles = distance_miles(
                original.latitude, original.longitude, pickup.latitude, pickup.longitude
            )
            if miles * METERS_PER_MILE > PICKUP_EDIT_RADIUS_METERS:
                raise ValidationFailed(
                    f"pickup: at most {PICKUP_EDIT_RADIUS_METERS} metres from the original pickup"
                )
        if product is not None and not product.rides_now:
            raise ValidationFailed(f"product_id: {product.display_name} does not ride on demand")
        if pickup is not None:
            trip.original_pickup = original
            trip.pickup = pickup
        if product is not None and product.product_id != trip.product.product_id:
            trip.product = product
            trip.upfront_fare = None  # the fare was quoted for the old product
        trip.expense_memo = memo
        trip.note_for_driver = note
    if not _same_spot(dropoff, trip.dropoff):
        trip.upfront_fare = None  # priced by its new route from now on
    trip.dropoff = dropoff
