"""The sandbox's use cases: what each API call does to the state, with no HTTP in sight.

Time-based rules are applied lazily: before a trip is read or changed it is *settled*,
i.e. every transition whose time has come on the clock is applied, each at the exact
moment it was due (so timestamps do not depend on when the trip happens to be read).
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import uuid
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from ..clock import Clock
from ..store import Store, TenantState
from . import runs as rs
from . import trips as ts
from .errors import (
    InvalidDriverState,
    InvalidPickupTime,
    NotFound,
    SessionRejected,
    ValidationFailed,
)
from .geo import distance_miles, nearby, timezone_for
from .products import Catalogue, HourlyTier, Product, fare_expired_error, new_fare, surge_error
from .runs import Run, RunDriver
from .sessions import Session
from .trips import Driver, Guest, Place, RideType, Trip

DUPLICATE_SESSION = "Participant creation rejected due to possible duplication across sessions"
ENDED_TRIP_SESSION = (
    "The trip has ended; a communication session can only be created until the trip completes"
)
NOT_DISPATCHABLE = "This ride can no longer be dispatched."
NOT_FLEXIBLE = "This ride type cannot be dispatched."
BEFORE_PICKUP_DAY = "Ride cannot be dispatched until pickup day."
INVALID_RUN = "RunID is not valid"
# A time no rule ever reaches: the expiry of a flexible ride whose pickup day is the last
# day a calendar holds.
NEVER_MS = 2**63 - 1


def local_date(now_ms: int, timezone: str) -> dt.date:
    """The calendar day at ``now_ms`` in ``timezone``; the last day once past the calendar."""
    try:
        return dt.datetime.fromtimestamp(now_ms / 1000, ZoneInfo(timezone)).date()
    except (OverflowError, ValueError, OSError):
        return dt.date.max


@attrs.frozen
class Timing:
    """Durations of the life cycle, in seconds."""

    accept_window: int = 15
    scheduled_dispatch_lead: int = 15 * 60
    flexible_expiry_hour: int = 6
    # Auto-drive mode only:
    auto_accept: int = 2
    auto_arrive: int = 20
    auto_begin: int = 10
    auto_ride: int = 30


@attrs.frozen
class Caller:
    """Who is calling: the application (tenant) and, if named, the organization."""

    app_id: str
    organization_id: str | None = None
    requester_name: str | None = None
    requester_uuid: str | None = None


def _lower(value: str) -> str:
    return value.lower()


_ids = random.Random()


def new_id() -> str:
    """A random (version 4) UUID string: ids must be unique here, not unguessable."""
    value = _ids.getrandbits(128) & ~(0xF000 << 64) | (4 << 76)
    value = value & ~(0xC000 << 48) | (0x8000 << 48)
    text = f"{value:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


@functools.lru_cache(maxsize=4096)
def _guest_id(app_id: str, phone: str) -> str:
    """A guest's stable id within an application."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"guest:{app_id}:{phone}"))


class GuestRides:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        catalogue: Catalogue | None = None,
        *,
        auto_drive: bool = False,
        timing: Timing = Timing(),
    ) -> None:
        self.store = store
        self.clock = clock
        self.catalogue = catalogue or Catalogue()
        self.auto_drive = auto_drive
        self.timing = timing

    # ------------------------------------------------------------------ trips

    def create_trip(self, caller: Caller, body: dict[str, Any], run_id: str | None = None) -> Trip:
        """Create a trip (and its return trip), answering the documented business errors."""
        with self.store.locked():
            now = self.clock.now_ms()
            tenant = self.store.tenant(caller.app_id)
            run = None
            if run_id is not None:
                run = self._live_run(tenant, _lower(run_id), now)
                if run is None:
                    raise ValidationFailed(f"x-uber-sandbox-runuuid: {INVALID_RUN}")
                self._settle_run(tenant, run, now)
            trip = self._new_trip(tenant, caller, body, run, now)
            return_trip = None
            if body.get("return_trip_params"):
                return_trip = self._new_return_trip(
                    tenant, caller, trip, body["return_trip_params"], run, now
                )
            self._check_fare(tenant, trip, body.get("fare_id"), now)
            self._commit(tenant, trip, now)
            if return_trip is not None:
                trip.linked_request_id = return_trip.request_id
                return_trip.linked_request_id = trip.request_id
                self._commit(tenant, return_trip, now)
            return trip

    def get_trip(self, caller: Caller, request_id: str) -> Trip:
        with self.store.locked():
            tenant = self.store.tenant(caller.app_id)
            trip = self._visible_trip(tenant, caller, request_id)
            if trip is None:
                raise NotFound("Trip not found")
            self._settle(tenant, trip, self.clock.now_ms())
            return trip

    def find_ride_request(self, app_id: str, request_id: str, all_trips: bool) -> Trip:
        """The Riders API's view: own trips, or every application's with ``all_trips``."""
        with self.store.locked():
            owner = self.store.owner_of(_lower(request_id)) if all_trips else app_id
            if owner is None:
                raise NotFound("Request not found")
            tenant = self.store.tenant(owner)
            trip = tenant.trips.get(_lower(request_id))
            if trip is None:
                raise NotFound("Request not found")
            self._settle(tenant, trip, self.clock.now_ms())
            return trip

    def dispatch(self, caller: Caller, request_id: str) -> Trip:
        """Dispatch a flexible ride on the rider's behalf."""
        with self.store.locked():
            now = self.clock.now_ms()
            tenant = self.store.tenant(caller.app_id)
            trip = self._visible_trip(tenant, caller, request_id)
            if trip is None:
                raise NotFound("Not found", code="entity_not_found")
            self._settle(tenant, trip, now)
            if trip.ride_type is not RideType.FLEXIBLE:
                raise NotFound(NOT_FLEXIBLE, code="entity_not_found")
            if trip.status != ts.OFFERED:
                raise NotFound(NOT_DISPATCHABLE, code="entity_not_found")
            if self._local_date(trip, now) < dt.date.fromisoformat(trip.pickup_day or ""):
                raise NotFound(BEFORE_PICKUP_DAY, code="entity_not_found")
            trip.move(ts.PROCESSING, now)
            self._start_matching(tenant, trip, now)
            self._settle(tenant, trip, now)
            return trip

    # --------------------------------------------------------- communication

    def open_session(self, caller: Caller, request_id: str, phone_number: str) -> Session:
        with self.store.locked():
            now = self.clock.now_ms()
            tenant = self.store.tenant(caller.app_id)
            trip = self._visible_trip(tenant, caller, request_id)
            if trip is None:
                raise NotFound("Trip not found")
            self._settle(tenant, trip, now)
            if trip.is_terminal:
                raise SessionRejected(ENDED_TRIP_SESSION)
            holder = tenant.session_by_participant.get(phone_number)
            if holder is not None and holder != trip.request_id:
                other = tenant.trips[holder]
                self._settle(tenant, other, now)
                other_session = tenant.sessions[holder]
                if not other.is_terminal and other_session.can_connect(phone_number):
                    raise SessionRejected(DUPLICATE_SESSION)
            session = tenant.sessions.get(trip.request_id)
            if session is None:
                session = Session(trip.request_id, self.store.next_proxy_number(), phone_number)
                tenant.sessions[trip.request_id] = session
            else:
                if tenant.session_by_participant.get(session.participant) == trip.request_id:
                    del tenant.session_by_participant[session.participant]
                session.replace_participant(phone_number)
            tenant.session_by_participant[phone_number] = trip.request_id
            return session

    def can_connect(self, caller: Caller, request_id: str, phone_number: str) -> bool:
        """Whether ``phone_number`` can reach the driver through the trip's proxy number now."""
        with self.store.locked():
            tenant = self.store.tenant(caller.app_id)
            trip = self._visible_trip(tenant, caller, request_id)
            session = tenant.sessions.get(_lower(request_id))
            if trip is None or session is None:
                return False
            self._settle(tenant, trip, self.clock.now_ms())
            return not trip.is_terminal and session.can_connect(phone_number)

    # ------------------------------------------------------------ sandbox run

    def create_run(self, caller: Caller, body: dict[str, Any]) -> Run:
        with self.store.locked():
            now = self.clock.now_ms()
            tenant = self.store.tenant(caller.app_id)
            locations = body.get("driver_locations") or [{}]
            if len(locations) > 1:
                raise ValidationFailed("driver_locations: a run has at most 1 driver for now")
            pickup = body.get("pickup_location") or {}
            dropoff = body.get("dropoff_location") or {}
            p_lat, p_lon = pickup.get("latitude", 37.766192), pickup.get("longitude", -122.400745)
            drivers: dict[str, RunDriver] = {}
            near_lat, near_lon = nearby(p_lat, p_lon)
            for index, spot in enumerate(locations):
                driver_id = f"actor-driver{index}"
                spot = spot or {}
                drivers[driver_id] = RunDriver(
                    driver_id,
                    latitude=spot.get("latitude", near_lat),
                    longitude=spot.get("longitude", near_lon),
                )
            run = Run(
                run_id=new_id(),
                app_id=caller.app_id,
                created_at=now,
                pickup=(p_lat, p_lon),
                dropoff=(dropoff.get("latitude", 37.752030), dropoff.get("longitude", -122.422065)),
                drivers=drivers,
                auto_accept_trip=bool(
                    (body.get("preferences") or {}).get("auto_accept_trip", False)
                ),
                parent_product_type_id=body.get("parent_product_type_id"),
            )
            tenant.runs[run.run_id] = run
            return run

    def get_run(self, caller: Caller, run_id: str) -> Run:
        with self.store.locked():
            tenant = self.store.tenant(caller.app_id)
            run = self._live_run(tenant, _lower(run_id), self.clock.now_ms())
            if run is None:
                raise NotFound(INVALID_RUN, code="entity_not_found")
            return run

    def set_driver_state(self, caller: Caller, run_id: str, driver_id: str, state: str) -> None:
        """Move a run's driver; the order must follow ACCEPT, ARRIVED, BEGIN_TRIP, DROPOFF."""
        with self.store.locked():
            now = self.clock.now_ms()
            tenant = self.store.tenant(caller.app_id)
            run = self._live_run(tenant, _lower(run_id), now)
            if run is None:
                raise NotFound(INVALID_RUN, code="entity_not_found")
            driver = run.drivers.get(driver_id)
            if driver is None:
                raise NotFound(
                    f"DriverID {driver_id} is not part of run {run.run_id}", code="entity_not_found"
                )
            self._settle_run(tenant, run, now)
            if state == rs.GO_ONLINE:
                driver.online = True
                self._offer_pending(tenant, run, now)
                return
            trip = tenant.trips.get(driver.trip_id) if driver.trip_id else None
            if state == rs.GO_OFFLINE:
                if trip is not None and trip.status in ts.ONGOING:
                    raise InvalidDriverState(
                        "GO_OFFLINE: the driver is on a trip; DROPOFF or CANCEL it first"
                    )
                if trip is not None:
                    trip.offered_to = None
                    driver.trip_id = None
                driver.online = False
                return
            if not driver.online:
                raise InvalidDriverState(f"{state}: the driver is offline; send GO_ONLINE first")
            if trip is None:
                raise InvalidDriverState(
                    f"{state}: the driver has no trip; create a trip with this run first"
                )
            if state == rs.ACCEPT:
                if trip.is_reserve:
                    raise InvalidDriverState("ACCEPT is not supported for Reserve or Hourly rides")
                self._require(trip, ts.WAITING_FOR_DRIVER, state, "a trip waiting for a driver")
                self._accept(tenant, trip, now, driver)
            elif state == rs.ARRIVED:
                self._require(trip, {ts.ACCEPTED}, state, "ACCEPT")
                trip.move(ts.ARRIVING, now)
            elif state == rs.BEGIN_TRIP:
                self._require(trip, {ts.ARRIVING}, state, "ARRIVED")
                trip.move(ts.IN_PROGRESS, now)
            elif state == rs.DROPOFF:
                self._require(trip, {ts.IN_PROGRESS}, state, "BEGIN_TRIP")
                trip.move(ts.COMPLETED, now)
                self._release(tenant, trip, now)
            elif state == rs.CANCEL:
                self._require(trip, ts.DRIVER_EN_ROUTE, state, "ACCEPT or ARRIVED")
                if trip.status == ts.ACCEPTED:
                    trip.move(ts.DRIVER_REDISPATCHED, now)
                    self._release(tenant, trip, now)
                    self._start_matching(tenant, trip, now)
                else:
                    trip.move(ts.DRIVER_CANCELED, now)
                    self._release(tenant, trip, now)
            else:
                raise InvalidDriverState(f"driver_state: unknown state {state}")

    # ---------------------------------------------------------------- surge

    def set_surge(
        self, product_id: str, multiplier: float, fare_ttl_seconds: int | None = None
    ) -> Product:
        with self.store.locked():
            if fare_ttl_seconds is None:
                fare_ttl_seconds = self.catalogue.fare_ttl(product_id.lower())
            return self.catalogue.set_surge(product_id, multiplier, fare_ttl_seconds)

    # -------------------------------------------------------------- helpers

    @staticmethod
    def _require(trip: Trip, allowed: set[str] | frozenset[str], state: str, after: str) -> None:
        if trip.status not in allowed:
            raise InvalidDriverState(
                f"{state} is only allowed after {after}; the trip is {trip.status}"
            )

    @staticmethod
    def _visible_trip(tenant: TenantState, caller: Caller, request_id: str) -> Trip | None:
        trip = tenant.trips.get(_lower(request_id))
        if trip is None:
            return None
        if (
            caller.organization_id
            and trip.organization_id
            and caller.organization_id.lower() != trip.organization_id
        ):
            return None
        return trip

    @staticmethod
    def _live_run(tenant: TenantState, run_id: str, now: int) -> Run | None:
        run = tenant.runs.get(run_id)
        if run is None or not run.is_alive(now):
            return None
        return run

    def _place(self, raw: dict[str, Any] | None, field: str) -> Place:
        if not raw or "latitude" not in raw or "longitude" not in raw:
            raise ValidationFailed(f"{field}.latitude and {field}.longitude are required")
        lat, lon = float(raw["latitude"]), float(raw["longitude"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValidationFailed(f"{field}: coordinates out of range")
        return Place(lat, lon, raw.get("address"), raw.get("place"), timezone_for(lat, lon))

    def _ride_type(
        self, product: Product, pickup_time: Any, pickup_day: Any, hourly: Any
    ) -> RideType:
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
            return RideType.RESERVE if product.advance_booking == "RESERVE" else RideType.SCHEDULED
        if product.is_reserve:
            raise ValidationFailed("scheduling.pickup_time: required for Reserve rides")
        return RideType.ON_DEMAND

    def _new_trip(
        self,
        tenant: TenantState,
        caller: Caller,
        body: dict[str, Any],
        run: Run | None,
        now: int,
        *,
        guest: Guest | None = None,
    ) -> Trip:
        product_id = body.get("product_id")
        if not product_id:
            raise ValidationFailed("product_id is required")
        product = self.catalogue.get(product_id)
        pickup = self._place(body.get("pickup") or body.get("start_location"), "pickup")
        dropoff = self._place(body.get("dropoff") or body.get("end_location"), "dropoff")
        pickup_time = (body.get("scheduling") or {}).get("pickup_time")
        pickup_day = (body.get("deferred_ride_options") or {}).get("pickup_day")
        hourly = body.get("hourly")
        ride_type = self._ride_type(product, pickup_time, pickup_day, hourly)
        tier = None
        if ride_type is RideType.HOURLY:
            tier = self._hourly_tier(product, hourly)
        if pickup_time is not None and pickup_time <= now:
            raise ValidationFailed("scheduling.pickup_time: must be in the future")
        if pickup_day is not None:
            try:
                day = dt.date.fromisoformat(pickup_day)
            except (TypeError, ValueError):
                raise ValidationFailed(
                    "deferred_ride_options.pickup_day: must be a date YYYY-MM-DD"
                ) from None
            if day < local_date(now, pickup.timezone):
                raise ValidationFailed("deferred_ride_options.pickup_day: must be today or later")
        if guest is None:
            guest = self._guest(tenant, caller, body.get("guest") or {})
        if pickup_time is not None:
            self._check_duplicate_schedule(tenant, guest.phone_number, pickup_time, now)
        if ride_type is RideType.ON_DEMAND:
            status = ts.PROCESSING
        elif ride_type is RideType.FLEXIBLE:
            status = ts.OFFERED
        else:
            status = ts.SCHEDULED
        return Trip(
            request_id=new_id(),
            app_id=caller.app_id,
            organization_id=caller.organization_id.lower() if caller.organization_id else None,
            run_id=run.run_id if run else None,
            ride_type=ride_type,
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
            sender_display_name=(body.get("sender_display_name") or None)
            and body["sender_display_name"][:26],
            call_enabled=body.get("call_enabled", True),
            contacts_to_notify=list(body.get("contacts_to_notify") or []),
        )

    def _new_return_trip(
        self,
        tenant: TenantState,
        caller: Caller,
        outbound: Trip,
        params: dict[str, Any],
        run: Run | None,
        now: int,
    ) -> Trip:
        scheduling = params.get("scheduling") or {}
        deferred = params.get("deferred_ride_options") or {}
        if scheduling.get("pickup_time") is None and deferred.get("pickup_day") is None:
            raise ValidationFailed(
                "return_trip_params: needs scheduling.pickup_time or deferred_ride_options.pickup_day"
            )
        if scheduling.get("pickup_time") is not None and scheduling["pickup_time"] <= (
            outbound.pickup_time or now
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
        trip = self._new_trip(
            tenant,
            caller,
            {k: v for k, v in body.items() if v is not None},
            run,
            now,
            guest=outbound.guest,
        )
        trip.surge_multiplier = self.catalogue.surge(trip.product.product_id)
        return trip

    @staticmethod
    def _hourly_tier(product: Product, hourly: Any) -> HourlyTier:
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

    def _guest(self, tenant: TenantState, caller: Caller, raw: dict[str, Any]) -> Guest:
        phone = raw.get("phone_number")
        if not phone:
            raise ValidationFailed("guest.phone_number is required")
        locale = raw.get("locale") or tenant.guest_locales.get(phone) or "en"
        return Guest(
            guest_id=_guest_id(caller.app_id, phone),
            first_name=raw.get("first_name"),
            last_name=raw.get("last_name"),
            phone_number=phone,
            email=raw.get("email"),
            locale=locale,
        )

    def _check_duplicate_schedule(
        self, tenant: TenantState, phone: str, pickup_time: int, now: int
    ) -> None:
        for other_id in tenant.scheduled.get((phone, pickup_time), ()):
            other = tenant.trips[other_id]
            self._settle(tenant, other, now)
            if not other.is_terminal:
                raise InvalidPickupTime()

    def _check_fare(self, tenant: TenantState, trip: Trip, fare_id: str | None, now: int) -> None:
        """Surge needs an explicit confirmation: the caller re-sends the fare_id it was given."""
        miles = distance_miles(
            trip.pickup.latitude,
            trip.pickup.longitude,
            trip.dropoff.latitude,
            trip.dropoff.longitude,
        )
        current = self.catalogue.surge(trip.product.product_id)
        if fare_id is not None:
            fare = tenant.fares.get(fare_id.lower())
            if (
                fare is None
                or fare.product_id != trip.product.product_id
                or now // 1000 >= fare.expires_at
            ):
                fresh = new_fare(
                    trip.product,
                    miles,
                    current,
                    now,
                    self.catalogue.fare_ttl(trip.product.product_id),
                )
                tenant.fares[fresh.fare_id] = fresh
                raise fare_expired_error(fresh)
            del tenant.fares[fare.fare_id]
            trip.surge_multiplier = fare.multiplier
            return
        if current > 1.0:
            fresh = new_fare(
                trip.product, miles, current, now, self.catalogue.fare_ttl(trip.product.product_id)
            )
            tenant.fares[fresh.fare_id] = fresh
            raise surge_error(fresh)
        trip.surge_multiplier = 1.0

    def _commit(self, tenant: TenantState, trip: Trip, now: int) -> None:
        if trip.guest.locale:
            tenant.guest_locales[trip.guest.phone_number] = trip.guest.locale
        self.store.add_trip(trip)
        if trip.status == ts.PROCESSING:
            self._start_matching(tenant, trip, now)
        self._settle(tenant, trip, now)

    def _local_date(self, trip: Trip, now: int) -> dt.date:
        return local_date(now, trip.pickup.timezone)

    def flexible_expiry_ms(self, trip: Trip) -> int:
        """6 A.M. (pickup's local time) on the day after ``pickup_day``."""
        pickup_day = dt.date.fromisoformat(trip.pickup_day or "")
        if pickup_day == dt.date.max:
            return NEVER_MS  # the day after the last calendar day never comes
        day = pickup_day + dt.timedelta(days=1)
        moment = dt.datetime.combine(
            day, dt.time(self.timing.flexible_expiry_hour), ZoneInfo(trip.pickup.timezone)
        )
        return int(moment.timestamp() * 1000)

    def _dispatch_at(self, trip: Trip) -> int:
        assert trip.pickup_time is not None
        return max(trip.pickup_time - self.timing.scheduled_dispatch_lead * 1000, trip.request_time)

    # --------------------------------------------------------- life cycle

    def _settle_run(self, tenant: TenantState, run: Run, now: int) -> None:
        for request_id in tenant.run_trips.get(run.run_id, ()):
            trip = tenant.trips[request_id]
            if not trip.is_terminal:
                self._settle(tenant, trip, now)

    def _settle(self, tenant: TenantState, trip: Trip, now: int) -> None:
        """Apply every timed transition that is due by ``now``, each at its own time."""
        t = self.timing
        while not trip.is_terminal:
            status, since = trip.status, trip.status_since
            if status == ts.SCHEDULED:
                at = self._dispatch_at(trip)
                if at > now:
                    return
                if trip.is_reserve:
                    self._accept(tenant, trip, at, self._reserve_driver(tenant, trip))
                else:
                    trip.move(ts.PROCESSING, at)
                    self._start_matching(tenant, trip, at)
            elif status == ts.OFFERED:
                at = self.flexible_expiry_ms(trip)
                if at > now:
                    return
                trip.move(ts.EXPIRED, at)
            elif status in ts.WAITING_FOR_DRIVER:
                auto = trip.offered_to is not None and self._auto_accepts(tenant, trip)
                auto = auto or (self.auto_drive and trip.run_id is None)
                if auto and since + t.auto_accept * 1000 <= now:
                    self._accept(
                        tenant,
                        trip,
                        since + t.auto_accept * 1000,
                        self._offered_driver(tenant, trip),
                    )
                elif since + t.accept_window * 1000 <= now:
                    at = since + t.accept_window * 1000
                    self._release(tenant, trip, at, status=ts.NO_DRIVERS_AVAILABLE)
                else:
                    return
            elif self.auto_drive and status in ts.ONGOING:
                delay, target = {
                    ts.ACCEPTED: (t.auto_arrive, ts.ARRIVING),
                    ts.ARRIVING: (t.auto_begin, ts.IN_PROGRESS),
                    ts.IN_PROGRESS: (t.auto_ride, ts.COMPLETED),
                }[status]
                at = since + delay * 1000
                if at > now:
                    return
                trip.move(target, at)
                if target == ts.COMPLETED:
                    self._release(tenant, trip, at)
            else:
                return

    def _start_matching(self, tenant: TenantState, trip: Trip, at: int) -> None:
        """Offer a trip that waits for a driver to an idle online driver of its run."""
        if trip.run_id is None:
            return
        run = tenant.runs.get(trip.run_id)
        if run is None:
            return
        driver = run.idle_online_driver()
        if driver is None:
            return
        trip.offered_to = driver.driver_id
        driver.trip_id = trip.request_id

    def _auto_accepts(self, tenant: TenantState, trip: Trip) -> bool:
        """Whether the driver offered ``trip`` accepts by itself (auto-drive, or a run created
        with ``preferences.auto_accept_trip``), ``timing.auto_accept`` seconds after the offer."""
        if self.auto_drive:
            return True
        run = tenant.runs.get(trip.run_id or "")
        return run is not None and run.auto_accept_trip

    def _offer_pending(self, tenant: TenantState, run: Run, at: int) -> None:
        for request_id in tenant.run_trips.get(run.run_id, ()):
            trip = tenant.trips[request_id]
            if trip.status in ts.WAITING_FOR_DRIVER and trip.offered_to is None:
                if run.idle_online_driver() is None:
                    return
                self._start_matching(tenant, trip, at)

    def _offered_driver(self, tenant: TenantState, trip: Trip) -> RunDriver | str:
        if trip.run_id and trip.offered_to:
            return tenant.runs[trip.run_id].drivers[trip.offered_to]
        return f"auto:{trip.request_id}"

    def _reserve_driver(self, tenant: TenantState, trip: Trip) -> RunDriver | str:
        run = tenant.runs.get(trip.run_id or "")
        driver = run.idle_online_driver() if run else None
        return driver if driver is not None else f"reserve:{trip.request_id}"

    def _accept(self, tenant: TenantState, trip: Trip, at: int, driver: RunDriver | str) -> None:
        if isinstance(driver, RunDriver):
            driver.trip_id = trip.request_id
            trip.driver = Driver.for_key(f"{trip.run_id}/{driver.driver_id}")
        else:
            trip.driver = Driver.for_key(driver)
        trip.move(ts.ACCEPTED, at)

    def _release(self, tenant: TenantState, trip: Trip, at: int, status: str | None = None) -> None:
        """Free the run driver holding ``trip`` (optionally moving the trip first)."""
        if status is not None:
            trip.move(status, at)
        if trip.run_id is None:
            return
        run = tenant.runs.get(trip.run_id)
        if run is None:
            return
        for driver in run.drivers.values():
            if driver.trip_id == trip.request_id:
                driver.trip_id = None
        trip.offered_to = None
        self._offer_pending(tenant, run, at)
