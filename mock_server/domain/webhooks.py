"""Webhook events: what a trip's life produces for the application's webhook URL.

Two kinds, as the document's ``webhooks`` describe them:

- ``guests.trips.status_changed`` for every status a trip takes, its first one (at
  creation) included, each stamped with the moment of the change;
- ``guests.trips.driver_location`` every 4 s of sandbox time while the trip has a driver
  (``accepted``, ``arriving``, ``in_progress``), counted from the moment the driver
  accepted; none at or after the moment the trip leaves those statuses.

Events come from the trip's own history, so a change applied late (a timed transition
settled when the clock has moved) produces the same events, with the same times, as one
applied on time, and a trip's events are always in the order of its history. When the clock
jumps over a long stretch of a trip, the positions of that stretch are capped to its last
`MAX_LOCATIONS_PER_CATCH_UP` (one minute), so a jump of a day does not produce 21,600 of
them; status changes are never skipped.

A `Follower` remembers, per trip, how much of it has already been turned into events; a
`TripFeed` holds the followers of the applications that have a webhook URL.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import attrs

from . import trips as ts
from .geo import bearing_degrees, distance_miles, nearby
from .lifecycle import LifeCycle
from .state import TenantState
from .tenancy import new_id
from .trips import Trip
from .views import ride_minutes

STATUS_CHANGED = "guests.trips.status_changed"
DRIVER_LOCATION = "guests.trips.driver_location"
EVENT_TYPES = (STATUS_CHANGED, DRIVER_LOCATION)
LOCATION_INTERVAL_MS = 4_000
MAX_LOCATIONS_PER_CATCH_UP = 15
WITH_DRIVER = ts.ONGOING


@attrs.frozen
class TripEvent:
    """One event of one trip, ready to be serialized as the document's event body."""

    app_id: str
    request_id: str
    event_id: str
    event_type: str
    at_ms: int
    body: dict[str, Any]


@attrs.define
class Follower:
    """How far a trip's events have been produced."""

    statuses: int  # history entries already turned into events
    next_location_ms: int | None  # the next position due, while the trip has a driver


def trip_href(resource_base: str, request_id: str) -> str:
    return f"{resource_base.rstrip('/')}/v1/guests/trips/{request_id}"


def _meta(trip: Trip, status: str) -> dict[str, Any]:
    meta: dict[str, Any] = {
        # The user the event is for: the application's requester; the guest when unknown.
        "user_id": trip.requester_uuid or trip.guest.guest_id,
        "resource_id": trip.request_id,
        "status": status,
    }
    if trip.organization_id:
        meta["org_uuid"] = trip.organization_id
    return meta


def _event(trip: Trip, event_type: str, at_ms: int, status: str, resource_base: str) -> TripEvent:
    event_id = new_id()
    body: dict[str, Any] = {
        "event_id": event_id,
        "event_time": at_ms // 1000,
        "event_type": event_type,
        "resource_href": trip_href(resource_base, trip.request_id),
        "meta": _meta(trip, status),
    }
    if event_type == DRIVER_LOCATION:
        body["data"] = {"location": position_at(trip, status, at_ms)}
    return TripEvent(trip.app_id, trip.request_id, event_id, event_type, at_ms, body)


def status_event(trip: Trip, resource_base: str, at_ms: int | None = None) -> TripEvent:
    """A status event for the trip's current status (at its change, unless ``at_ms``)."""
    return _event(
        trip,
        STATUS_CHANGED,
        trip.status_since if at_ms is None else at_ms,
        trip.status,
        resource_base,
    )


def location_event(trip: Trip, resource_base: str, at_ms: int) -> TripEvent | None:
    """The driver's position now; None when the trip has no driver."""
    if trip.status not in WITH_DRIVER:
        return None
    return _event(trip, DRIVER_LOCATION, at_ms, trip.status, resource_base)


def position_at(trip: Trip, status: str, at_ms: int) -> dict[str, float]:
    """Where the driver is: near the pickup while ``accepted`` (where the trip view puts
    it), at the pickup while ``arriving``, then on the straight line to the destination at
    the trip's expected pace; the bearing (radians) points at where it is going."""
    if status == ts.IN_PROGRESS:
        begun = trip.begin_trip_time if trip.begin_trip_time is not None else at_ms
        duration_ms = ride_minutes(trip) * 60_000
        share = min(1.0, max(0.0, (at_ms - begun) / duration_ms))
        start = (trip.pickup.latitude, trip.pickup.longitude)
        end = (trip.dropoff.latitude, trip.dropoff.longitude)
        lat = start[0] + (end[0] - start[0]) * share
        lon = start[1] + (end[1] - start[1]) * share
    else:
        # Where the trip view puts the driver: at the pickup while arriving, near it before.
        at_pickup = status == ts.ARRIVING
        lat, lon = (
            (trip.pickup.latitude, trip.pickup.longitude)
            if at_pickup
            else nearby(trip.pickup.latitude, trip.pickup.longitude)
        )
        end = (trip.pickup.latitude, trip.pickup.longitude)
    bearing = 0.0
    if distance_miles(lat, lon, *end) > 0:
        bearing = math.radians(bearing_degrees(lat, lon, *end))
    return {"bearing": round(bearing, 6), "latitude": round(lat, 7), "longitude": round(lon, 7)}


def start_following(trip: Trip, now_ms: int) -> Follower:
    """Follow a trip from now on: no event for what already happened."""
    follower = Follower(len(trip.history), None)
    since = _driver_since(trip)
    if since is not None:
        ticks = (now_ms - since) // LOCATION_INTERVAL_MS + 1
        follower.next_location_ms = since + ticks * LOCATION_INTERVAL_MS
    return follower


def _driver_since(trip: Trip) -> int | None:
    """When the current stretch with a driver began, if the trip has a driver now."""
    since = None
    for status, at in trip.history:
        if status not in WITH_DRIVER:
            since = None
        elif since is None:
            since = at
    return since


def new_events(trip: Trip, follower: Follower, now_ms: int, resource_base: str) -> list[TripEvent]:
    """The events of everything the trip did since ``follower`` last looked, in order;
    advances ``follower``. Positions are produced up to ``now_ms``."""
    events: list[TripEvent] = []
    history = trip.history
    index = follower.statuses
    while True:
        limit = history[index][1] - 1 if index < len(history) else now_ms
        due = follower.next_location_ms
        if due is not None and due <= limit and index > 0:
            status = history[index - 1][0]
            count = (limit - due) // LOCATION_INTERVAL_MS + 1
            skipped = max(0, count - MAX_LOCATIONS_PER_CATCH_UP)
            due += skipped * LOCATION_INTERVAL_MS
            while due <= limit:
                events.append(_event(trip, DRIVER_LOCATION, due, status, resource_base))
                due += LOCATION_INTERVAL_MS
            follower.next_location_ms = due
        if index >= len(history):
            break
        status, at = history[index]
        events.append(_event(trip, STATUS_CHANGED, at, status, resource_base))
        before = history[index - 1][0] if index > 0 else None
        if status not in WITH_DRIVER:
            follower.next_location_ms = None
        elif before not in WITH_DRIVER:
            follower.next_location_ms = at + LOCATION_INTERVAL_MS
        index += 1
    follower.statuses = index
    return events


@attrs.define
class _Followed:
    seen: int  # how many of the tenant's trips (in creation order) have been looked at
    followers: dict[str, Follower]


class TripFeed:
    """The applications whose trips produce events, and how far each trip has produced them.

    Only followed applications pay for events: a followed application's unfinished trips
    are settled on the clock and turned into events each time `collect` runs (after each of
    its requests, after the clock moves, and once a second of real time).
    """

    def __init__(self) -> None:
        self._apps: dict[str, _Followed] = {}

    def follows(self, app_id: str) -> bool:
        return app_id in self._apps

    def follow(self, tenant: TenantState, life: LifeCycle, now_ms: int) -> None:
        """Follow the tenant's trips from now on: existing ones from their current state."""
        if tenant.app_id in self._apps:
            return
        followers = {}
        for trip in tenant.trips.values():
            life.settle(tenant, trip, now_ms)
            if not trip.is_terminal:
                followers[trip.request_id] = start_following(trip, now_ms)
        self._apps[tenant.app_id] = _Followed(len(tenant.trips), followers)

    def unfollow(self, app_id: str) -> None:
        self._apps.pop(app_id, None)

    def collect(
        self, tenant: TenantState, life: LifeCycle, now_ms: int, resource_base: str
    ) -> list[TripEvent]:
        """Every event the tenant's trips produced since the last call, in order per trip."""
        followed = self._apps.get(tenant.app_id)
        if followed is None:
            return []
        if len(tenant.trips) > followed.seen:
            for request_id in itertools.islice(tenant.trips, followed.seen, None):
                followed.followers[request_id] = Follower(0, None)
            followed.seen = len(tenant.trips)
        events: list[TripEvent] = []
        for request_id, follower in list(followed.followers.items()):
            trip = tenant.trips[request_id]
            life.settle(tenant, trip, now_ms)
            events += new_events(trip, follower, now_ms, resource_base)
            if trip.is_terminal:
                del followed.followers[request_id]
        return events

    def event_now(
        self,
        tenant: TenantState,
        trip: Trip,
        life: LifeCycle,
        event_type: str,
        now_ms: int,
        resource_base: str,
    ) -> TripEvent | None:
        """A new event for the trip as it is now (None: a driver location without a driver)."""
        life.settle(tenant, trip, now_ms)
        if event_type == DRIVER_LOCATION:
            return location_event(trip, resource_base, now_ms)
        return status_event(trip, resource_base, now_ms)
