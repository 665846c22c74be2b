"""The clock-driven life cycle: when each timed transition is due, and applying it.

Time-based rules are applied lazily: before a trip is read or changed it is *settled*,
i.e. every transition whose time has come on the clock is applied, each at the exact
moment it was due (so timestamps do not depend on when the trip happens to be read).

- A scheduled ride is dispatched ``scheduled_dispatch_lead`` before its pickup time
  (Reserve and hourly rides get their driver then; others start matching).
- A flexible ride expires at 6 A.M. (pickup's local time) the day after its pickup day,
  unless the rider dispatched it on the day.
- A trip waiting for a driver is accepted when its driver accepts by itself (auto-drive,
  or a run with ``auto_accept_trip``) ``auto_accept`` seconds after the offer, and ends
  ``no_drivers_available`` when nobody accepts within ``accept_window``.
- In auto-drive mode, accepted trips arrive, begin and complete on their own.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs

from . import fares, matching
from . import trips as ts
from .errors import InvariantViolation, NotFound, ValidationFailed
from .runs import Run
from .state import StateStore, TenantState
from .trips import RideType, Trip

NOT_DISPATCHABLE = "This ride can no longer be dispatched."
NOT_CANCELABLE = "No cancelable trip with this id."
IN_PROGRESS_CANCEL = "The trip is in progress and can no longer be canceled."
# The status_detail of a trip cancelled through the API, by the organization.
COORDINATOR_CANCELED = "coordinator_canceled"
NOT_FLEXIBLE = "This ride type cannot be dispatched."
BEFORE_PICKUP_DAY = "Ride cannot be dispatched until pickup day."
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
class LifeCycle:
    """The timed rules, with their durations and whether trips drive themselves."""

    timing: Timing = Timing()
    auto_drive: bool = False

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

    def dispatch_at(self, trip: Trip) -> int:
        """When a scheduled ride is dispatched: the lead time before pickup, not before
        it was requested."""
        if trip.pickup_time is None:
            raise InvariantViolation(f"scheduled trip {trip.request_id} has no pickup_time")
        lead_ms = self.timing.scheduled_dispatch_lead * 1000
        return max(trip.pickup_time - lead_ms, trip.request_time)

    def auto_accepts(self, tenant: TenantState, trip: Trip) -> bool:
        """Whether the driver offered ``trip`` accepts by itself (auto-drive, or a run created
        with ``preferences.auto_accept_trip``), ``timing.auto_accept`` seconds after the offer."""
        return self.auto_drive or matching.run_auto_accepts(tenant, trip)

    def settle(self, tenant: TenantState, trip: Trip, now: int) -> None:
        """Apply every timed transition that is due by ``now``, each at its own time."""
        t = self.timing
        while not trip.is_terminal:
            status, since = trip.status, trip.status_since
            if status == ts.SCHEDULED:
                at = self.dispatch_at(trip)
                if at > now:
                    return
                if trip.is_reserve:
                    matching.accept(trip, at, matching.reserve_driver(tenant, trip))
                else:
                    trip.move(ts.PROCESSING, at)
                    matching.start_matching(tenant, trip, at)
            elif status == ts.OFFERED:
                at = self.flexible_expiry_ms(trip)
                if at > now:
                    return
                trip.move(ts.EXPIRED, at)
            elif status in ts.WAITING_FOR_DRIVER:
                auto = trip.offered_to is not None and self.auto_accepts(tenant, trip)
                auto = auto or (self.auto_drive and trip.run_id is None)
                if auto and since + t.auto_accept * 1000 <= now:
                    at = since + t.auto_accept * 1000
                    matching.accept(trip, at, matching.offered_driver(tenant, trip))
                elif since + t.accept_window * 1000 <= now:
                    at = since + t.accept_window * 1000
                    matching.release(tenant, trip, at, status=ts.NO_DRIVERS_AVAILABLE)
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
                    matching.release(tenant, trip, at)
            else:
                return

    def settle_run(self, tenant: TenantState, run: Run, now: int) -> None:
        """Settle every unfinished trip of a run."""
        for request_id in tenant.run_trips.get(run.run_id, ()):
            trip = tenant.trips.get(request_id)
            if trip is not None and not trip.is_terminal:
                self.settle(tenant, trip, now)

    def commit(self, store: StateStore, tenant: TenantState, trip: Trip, now: int) -> None:
        """Keep a new trip and start its life: matching for on-demand rides, then settling."""
        if trip.guest.locale:
            tenant.remember_locale(trip.guest.phone_number, trip.guest.locale, now)
        store.add_trip(trip)
        if trip.status == ts.PROCESSING:
            matching.start_matching(tenant, trip, now)
        self.settle(tenant, trip, now)

    def dispatch_flexible(self, tenant: TenantState, trip: Trip, now: int) -> None:
        """The rider dispatches a flexible ride on its pickup day (pickup's local date)."""
        self.settle(tenant, trip, now)
        if trip.ride_type is not RideType.FLEXIBLE:
            raise NotFound(NOT_FLEXIBLE, code="entity_not_found")
        if trip.status != ts.OFFERED:
            raise NotFound(NOT_DISPATCHABLE, code="entity_not_found")
        if local_date(now, trip.pickup.timezone) < dt.date.fromisoformat(trip.pickup_day or ""):
            raise NotFound(BEFORE_PICKUP_DAY, code="entity_not_found")
        trip.move(ts.PROCESSING, now)
        matching.start_matching(tenant, trip, now)
        self.settle(tenant, trip, now)

    def cancel(self, tenant: TenantState, trip: Trip, now: int) -> None:
        """The coordinator cancels the trip: ``rider_canceled`` (``coordinator_canceled``),
        its driver released, the fee its product's terms set kept as its fare."""
        self.settle(tenant, trip, now)
        if trip.is_terminal:
            raise NotFound(NOT_CANCELABLE)
        if trip.status == ts.IN_PROGRESS:
            raise ValidationFailed(IN_PROGRESS_CANCEL)
        if trip.status not in ts.CANCELABLE:
            raise InvariantViolation(f"trip {trip.request_id} in {trip.status} has no cancel rule")
        trip.cancellation_fee = fares.cancellation_fee(trip, now)
        trip.status_detail = COORDINATOR_CANCELED
        matching.release(tenant, trip, now, status=ts.RIDER_CANCELED)
