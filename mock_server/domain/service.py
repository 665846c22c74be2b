"""The sandbox's use cases, one method per API call, with no HTTP in sight.

A thin facade: each use case takes the store's lock, finds the caller's tenant and hands
the work to the module that holds the rules:

| module | rules |
|---|---|
| ``tenancy`` | who is calling, which trips and runs they see, ids |
| ``booking`` | building a trip from a create request |
| ``fares`` | fares, surge and their confirmation |
| ``lifecycle`` | the timed transitions (settling on the clock), dispatch |
| ``matching`` | offering, accepting, releasing drivers |
| ``driver_states`` | sandbox runs and their driver-state commands |
| ``communication`` | communication sessions, messages and calls to the driver |
| ``webhooks`` | the events trips produce for an application's webhook URL |
| ``estimates`` | products, upfront fares and price ranges for a ride |
| ``listing`` | a caller's trips, newest first, page by page |
| ``receipts`` | receipts of completed trips |
| ``tips`` | tips (refused: production only) |
| ``zones`` | specialized pickup zones and their access points |
"""

from __future__ import annotations

from typing import Any

from ..clock import AppClocks, Clock
from . import (
    booking,
    communication,
    driver_states,
    estimates,
    fares,
    listing,
    receipts,
    tips,
    zones,
)
from .errors import Conflict, NotFound
from .lifecycle import LifeCycle, Timing
from .products import Catalogue, Product
from .runs import Run
from .sessions import Session
from .state import StateStore, TenantState
from .tenancy import INVALID_RUN, Caller, live_run, normalize_id, visible_trip
from .trips import Trip
from .webhooks import TripEvent, TripFeed

__all__ = ["Caller", "GuestRides", "Timing"]


class GuestRides:
    def __init__(
        self,
        store: StateStore,
        clock: Clock,
        catalogue: Catalogue | None = None,
        *,
        auto_drive: bool = False,
        timing: Timing | None = None,
        require_run: bool = False,
    ) -> None:
        self.store = store
        self.clock = clock
        # Each application's clock offset lives in the store (a durable one shares it).
        self.clocks = AppClocks(clock, store)
        self.catalogue = catalogue or Catalogue()
        self.life = LifeCycle(timing or Timing(), auto_drive)
        # Uber's sandbox: a trip needs a live run (x-uber-sandbox-runuuid) near its pickup.
        self.require_run = require_run
        self.feed = TripFeed()

    def now_ms(self, app_id: str) -> int:
        """The time in application ``app_id``'s world (the base clock plus its offset)."""
        return self.clocks.now_ms(app_id)

    @property
    def auto_drive(self) -> bool:
        return self.life.auto_drive

    @property
    def timing(self) -> Timing:
        return self.life.timing

    def flexible_expiry_ms(self, trip: Trip) -> int:
        """When a flexible ride that was never dispatched expires."""
        return self.life.flexible_expiry_ms(trip)

    # ------------------------------------------------------------------ trips

    def create_trip(self, caller: Caller, body: dict[str, Any], run_id: str | None = None) -> Trip:
        """Create a trip (and its return trip), answering the documented business errors."""
        with self.store.locked():
            now = self.now_ms(caller.app_id)
            tenant = self.store.tenant(caller.app_id, now)
            return booking.book(
                self.store,
                self.life,
                self.catalogue,
                tenant,
                caller,
                body,
                run_id,
                now,
                require_run=self.require_run,
            )

    def get_trip(self, caller: Caller, request_id: str) -> Trip:
        with self.store.locked():
            now = self.now_ms(caller.app_id)
            tenant = self.store.tenant(caller.app_id, now)
            trip = visible_trip(tenant, caller, request_id)
            if trip is None:
                raise NotFound("Trip not found")
            self.life.settle(tenant, trip, now)
            return trip

    def _trip(self, caller: Caller, request_id: str) -> tuple[TenantState, Trip, int]:
        """The caller's tenant, its trip ``request_id`` (404 when the caller cannot see it,
        or it was evicted) and the time on the caller's clock."""
        now = self.now_ms(caller.app_id)
        tenant = self.store.tenant(caller.app_id, now)
        trip = visible_trip(tenant, caller, request_id)
        if trip is None:
            raise NotFound("Trip not found")
        return tenant, trip, now

    def estimate(
        self, caller: Caller, body: dict[str, Any], run_id: str | None, language: str
    ) -> dict[str, Any]:
        """Products, prices and ETAs for a ride; the fares quoted are kept for create."""
        with self.store.locked():
            now = self.now_ms(caller.app_id)
            tenant = self.store.tenant(caller.app_id, now)
            return estimates.estimate(
                self.life, self.catalogue, tenant, body, run_id, now, language
            )

    def list_trips(
        self, caller: Caller, group: str, limit: int, start_key: str | None
    ) -> tuple[list[Trip], str | None]:
        with self.store.locked():
            now = self.now_ms(caller.app_id)
            tenant = self.store.tenant(caller.app_id, now)
            return listing.list_trips(self.life, tenant, caller, group, limit, start_key, now)

    def cancel_trip(self, caller: Caller, request_id: str) -> Trip:
        with self.store.locked():
            tenant, trip, now = self._trip(caller, request_id)
            self.life.cancel(tenant, trip, now)
            return trip

    def update_trip(self, caller: Caller, request_id: str, body: dict[str, Any]) -> Trip:
        with self.store.locked():
            tenant, trip, now = self._trip(caller, request_id)
            self.life.settle(tenant, trip, now)
            booking.update(self.catalogue, trip, body)
            return trip

    def receipt(self, caller: Caller, request_id: str) -> dict[str, Any]:
        with self.store.locked():
            tenant, trip, now = self._trip(caller, request_id)
            self.life.settle(tenant, trip, now)
            return receipts.receipt(trip, now)

    def send_message(self, caller: Caller, request_id: str, message: str) -> None:
        with self.store.locked():
            tenant, trip, now = self._trip(caller, request_id)
            communication.send_message(self.life, tenant, trip, message, now)

    def call_driver(self, caller: Caller, request_id: str, phone_number: str) -> None:
        with self.store.locked():
            tenant, trip, now = self._trip(caller, request_id)
            communication.call_driver(self.life, tenant, trip, phone_number, now)

    def tip(self, caller: Caller, request_id: str, amount: float) -> None:
        tips.refuse_tip()

    def pickup_zones(self, latitude: float, longitude: float) -> dict[str, Any]:
        return zones.pickup_zones(latitude, longitude)

    def find_ride_request(self, app_id: str, request_id: str, all_trips: bool) -> Trip:
        """The Riders API's view: own trips, or every application's with ``all_trips``."""
        with self.store.locked():
            request_id = normalize_id(request_id)
            owner = self.store.owner_of(request_id) if all_trips else app_id
            if owner is None:
                raise NotFound("Request not found")
            now = self.now_ms(owner)
            tenant = self.store.tenant(owner, now)
            trip = tenant.trips.get(request_id)
            if trip is None:
                raise NotFound("Request not found")
            self.life.settle(tenant, trip, now)
            return trip

    def dispatch(self, caller: Caller, request_id: str) -> Trip:
        """Dispatch a flexible ride on the rider's behalf."""
        with self.store.locked():
            now = self.now_ms(caller.app_id)
            tenant = self.store.tenant(caller.app_id, now)
            trip = visible_trip(tenant, caller, request_id)
            if trip is None:
                raise NotFound("Not found", code="entity_not_found")
            self.life.dispatch_flexible(tenant, trip, now)
            return trip

    # --------------------------------------------------------- communication

    def open_session(self, caller: Caller, request_id: str, phone_number: str) -> Session:
        with self.store.locked():
            now = self.now_ms(caller.app_id)
            tenant = self.store.tenant(caller.app_id, now)
            trip = visible_trip(tenant, caller, request_id)
            if trip is None:
                raise NotFound("Trip not found")
            return communication.open_session(
                self.store, self.life, tenant, trip, phone_number, now
            )

    def can_connect(self, caller: Caller, request_id: str, phone_number: str) -> bool:
        """Whether ``phone_number`` can reach the driver through the trip's proxy number now."""
        with self.store.locked():
            now = self.now_ms(caller.app_id)
            tenant = self.store.tenant(caller.app_id, now)
            trip = visible_trip(tenant, caller, request_id)
            if trip is None:
                return False
            return communication.can_connect(self.life, tenant, trip, phone_number, now)

    # ------------------------------------------------------------ sandbox run

    def create_run(self, caller: Caller, body: dict[str, Any]) -> Run:
        with self.store.locked():
            now = self.now_ms(caller.app_id)
            tenant = self.store.tenant(caller.app_id, now)
            return driver_states.create_run(tenant, caller, body, now)

    def get_run(self, caller: Caller, run_id: str) -> Run:
        with self.store.locked():
            now = self.now_ms(caller.app_id)
            tenant = self.store.tenant(caller.app_id, now)
            run = live_run(tenant, run_id, now)
            if run is None:
                raise NotFound(INVALID_RUN, code="entity_not_found")
            return run

    def set_driver_state(self, caller: Caller, run_id: str, driver_id: str, state: str) -> None:
        """Move a run's driver; the order must follow ACCEPT, ARRIVED, BEGIN_TRIP, DROPOFF."""
        with self.store.locked():
            now = self.now_ms(caller.app_id)
            tenant = self.store.tenant(caller.app_id, now)
            run = live_run(tenant, run_id, now)
            if run is None:
                raise NotFound(INVALID_RUN, code="entity_not_found")
            driver_states.set_driver_state(self.life, tenant, run, driver_id, state, now)

    # ---------------------------------------------------------------- surge

    def set_surge(
        self,
        caller: Caller,
        product_id: str,
        multiplier: float,
        fare_ttl_seconds: int | None = None,
    ) -> Product:
        """Put a product in surge (or out of it) in the caller's application only."""
        with self.store.locked():
            tenant = self.store.tenant(caller.app_id)
            return fares.set_surge(self.catalogue, tenant, product_id, multiplier, fare_ttl_seconds)

    def surge(self, caller: Caller, product_id: str) -> tuple[float, int]:
        """The caller's surge setting of a product: (multiplier, fare TTL in seconds)."""
        with self.store.locked():
            tenant = self.store.tenant(caller.app_id)
            product_id = product_id.lower()
            return (
                self.catalogue.surge(product_id, tenant.surge),
                self.catalogue.fare_ttl(product_id, tenant.surge),
            )

    # ------------------------------------------------------------ webhooks

    def follow_trips(self, app_id: str) -> None:
        """Start producing the application's trip events (it has a webhook URL now)."""
        with self.store.locked():
            self.feed.follow(self.store.tenant(app_id), self.life, self.now_ms(app_id))

    def unfollow_trips(self, app_id: str) -> None:
        with self.store.locked():
            self.feed.unfollow(app_id)

    def trip_events(self, app_id: str, resource_base: str) -> list[TripEvent]:
        """The events the application's trips produced since the last call."""
        with self.store.locked():
            if not self.feed.follows(app_id):
                return []
            tenant = self.store.tenant(app_id)
            return self.feed.collect(tenant, self.life, self.now_ms(app_id), resource_base)

    def trip_event_now(
        self, caller: Caller, request_id: str, event_type: str, resource_base: str
    ) -> tuple[list[TripEvent], TripEvent]:
        """A new event for one of the caller's trips as it is now, after the events its
        trips produced before it. Raises NotFound for an unknown trip, ValidationFailed for
        a driver location of a trip without a driver."""
        with self.store.locked():
            tenant = self.store.tenant(caller.app_id)
            trip = visible_trip(tenant, caller, request_id)
            if trip is None:
                raise NotFound("Trip not found")
            now = self.now_ms(caller.app_id)
            earlier = self.feed.collect(tenant, self.life, now, resource_base)
            event = self.feed.event_now(tenant, trip, self.life, event_type, now, resource_base)
            if event is None:
                raise Conflict(
                    f"event_type: the trip is {trip.status}; a driver location needs a driver"
                    " (accepted, arriving or in_progress)"
                )
            return earlier, event
