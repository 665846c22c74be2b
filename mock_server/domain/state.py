"""A tenant's state, its lifetimes, and the port through which the domain reaches the store.

Everything an application (tenant) owns lives in its ``TenantState``; tenants never see
each other's trips, runs, fares or sessions. The domain reaches state only through
``StateStore``; ``mock_server.store`` implements it in memory, ``mock_server.sqlite_store``
in an SQLite file, both behind the same interface.

Stored state is bounded in time (``lifetimes``): what outlives its lifetime on the
sandbox's clock is gone the next time its tenant is used. In memory, a heap of due times
per tenant finds it (``evict_expired``); a store that keeps state elsewhere evicts by its
own means and leaves ``dues`` as None.
"""

from __future__ import annotations

import contextlib
import heapq
from collections.abc import Callable, MutableMapping
from typing import Any, Protocol

import attrs

from . import lifetimes
from .products import Fare
from .runs import Run
from .sessions import Session
from .trips import Trip

# The kinds of stored entries that have a lifetime of their own. Sessions (and who holds
# them) and a run's list of trips have none: they go with their trip and their run.
TRIPS = "trips"
RUNS = "runs"
FARES = "fares"
SCHEDULED = "scheduled"
LOCALES = "guest_locales"
# The mappings of a tenant's state, entry by entry.
MAPPINGS = (
    "trips",
    "runs",
    "run_trips",
    "fares",
    "sessions",
    "session_by_participant",
    "scheduled",
    "guest_locales",
)


@attrs.define
class TenantState:
    app_id: str
    trips: MutableMapping[str, Trip] = attrs.Factory(dict)
    runs: MutableMapping[str, Run] = attrs.Factory(dict)
    run_trips: MutableMapping[str, list[str]] = attrs.Factory(dict)
    fares: MutableMapping[str, Fare] = attrs.Factory(dict)
    sessions: MutableMapping[str, Session] = attrs.Factory(dict)
    session_by_participant: MutableMapping[str, str] = attrs.Factory(dict)
    scheduled: MutableMapping[tuple[str, int], list[str]] = attrs.Factory(dict)
    # A guest's phone number -> (the locale of their latest booking, when it was booked).
    guest_locales: MutableMapping[str, tuple[str, int]] = attrs.Factory(dict)
    # The application's surge settings: product id -> (multiplier, fare TTL in seconds).
    surge: dict[str, tuple[float, int]] = attrs.Factory(dict)
    # (due ms, kind, key): when each entry may have expired. None: the store evicts.
    dues: list[tuple[int, str, Any]] | None = attrs.Factory(list)
    # How many trips the tenant has created: the next trip's ``sequence``.
    trips_created: int = 0

    # ------------------------------------------------------------------ writes

    def add_trip(self, trip: Trip) -> None:
        self.trips_created += 1
        trip.sequence = self.trips_created
        self.trips[trip.request_id] = trip
        self._due(lifetimes.trip_retained_until(trip), TRIPS, trip.request_id)
        if trip.run_id:
            self.run_trips.setdefault(trip.run_id, []).append(trip.request_id)
        if trip.pickup_time is not None:
            key = (trip.guest.phone_number, trip.pickup_time)
            if key not in self.scheduled:
                self._due(trip.pickup_time, SCHEDULED, key)
            self.scheduled.setdefault(key, []).append(trip.request_id)

    def add_run(self, run: Run) -> None:
        self.runs[run.run_id] = run
        self._due(run.expires_at, RUNS, run.run_id)

    def add_fare(self, fare: Fare) -> None:
        self.fares[fare.fare_id] = fare
        self._due(lifetimes.fare_retained_until(fare), FARES, fare.fare_id)

    def remember_locale(self, phone_number: str, locale: str, now_ms: int) -> None:
        """The locale a guest booked with, the default of their next bookings for a while."""
        # A number already remembered is due already: it is checked again then.
        if self.dues is not None and phone_number not in self.guest_locales:
            self._due(lifetimes.locale_retained_until(now_ms), LOCALES, phone_number)
        self.guest_locales[phone_number] = (locale, now_ms)

    def guest_locale(self, phone_number: str) -> str | None:
        remembered = self.guest_locales.get(phone_number)
        return remembered[0] if remembered else None

    # ---------------------------------------------------------------- eviction

    def _due(self, at_ms: int, kind: str, key: Any) -> None:
        if self.dues is not None:
            heapq.heappush(self.dues, (at_ms, kind, key))

    def retained_until(self, kind: str, key: Any) -> int | None:
        """When the entry ``key`` of ``kind`` expires as it is now (None: it is gone)."""
        if kind == TRIPS:
            trip = self.trips.get(key)
            return None if trip is None else lifetimes.trip_retained_until(trip)
        if kind == RUNS:
            run = self.runs.get(key)
            return None if run is None else run.expires_at
        if kind == FARES:
            fare = self.fares.get(key)
            return None if fare is None else lifetimes.fare_retained_until(fare)
        if kind == SCHEDULED:
            return key[1] if key in self.scheduled else None
        if kind == LOCALES:
            remembered = self.guest_locales.get(key)
            return None if remembered is None else lifetimes.locale_retained_until(remembered[1])
        raise ValueError(f"no lifetime for {kind}")

    def evict_expired(self, now_ms: int) -> list[str]:
        """Drop every entry whose lifetime has ended by ``now_ms`` (with what hangs off it);
        the ids of the trips dropped. Cheap when nothing is due: one look at the heap."""
        dues = self.dues
        gone: list[str] = []
        while dues and dues[0][0] <= now_ms:
            _, kind, key = heapq.heappop(dues)
            until = self.retained_until(kind, key)
            if until is None:
                continue
            if until > now_ms:  # it changed since, and lives longer now
                heapq.heappush(dues, (until, kind, key))
                continue
            if kind == TRIPS:
                self.drop_trip(key)
                gone.append(key)
            elif kind == RUNS:
                del self.runs[key]
                self.run_trips.pop(key, None)
            else:
                getattr(self, kind).pop(key, None)
        return gone

    def drop_trip(self, request_id: str) -> None:
        """Forget a trip, its communication session and who held that session."""
        self.trips.pop(request_id, None)
        session = self.sessions.pop(request_id, None)
        if session is not None:
            for phone in (session.participant, *session.previous_participants):
                if self.session_by_participant.get(phone) == request_id:
                    del self.session_by_participant[phone]


@attrs.frozen
class IssuedToken:
    """An access token as the store keeps it."""

    value: str
    client_id: str
    scopes: frozenset[str]
    expires_at_ms: int


class StoreUnavailable(Exception):
    """The store cannot be read (its file is gone, unreadable, or locked for too long)."""


class StateStore(Protocol):
    """What the domain needs of a store. Every use case runs under ``locked()``."""

    # What kind of store it is: "memory" or "sqlite" (the health endpoint says it).
    kind: str

    def locked(self) -> contextlib.AbstractContextManager[Any]:
        """The store's lock, held for a whole use case (``with store.locked(): ...``)."""
        ...

    def tenant(self, app_id: str, now_ms: int | None = None) -> TenantState:
        """The state of application ``app_id`` (created empty on first use); with
        ``now_ms``, without what has expired by then."""
        ...

    def add_trip(self, trip: Trip) -> None:
        """Keep a new trip in its tenant's state, and remember which tenant owns it."""
        ...

    def owner_of(self, request_id: str) -> str | None:
        """The application that owns a trip (only the Riders API's ``all_trips`` asks)."""
        ...

    def next_proxy_number(self) -> str:
        """A fresh proxy phone number for a communication session."""
        ...

    def save_token(self, token: IssuedToken, keep_per_app: int, now_ms: int) -> None:
        """Keep a new token; an application's oldest tokens beyond ``keep_per_app``, and its
        expired ones, are revoked."""
        ...

    def load_token(self, value: str) -> IssuedToken | None:
        """The token ``value`` if it was issued and not revoked (it may have expired)."""
        ...

    def load_clock_offset_ms(self, app_id: str) -> int:
        """How far application ``app_id``'s clock is ahead of the base clock (ms)."""
        ...

    def update_clock_offset_ms(self, app_id: str, change: Callable[[int], int]) -> int:
        """Replace the application's clock offset by ``change(offset)`` atomically (a
        ``ValueError`` from ``change`` leaves it as it was); the new offset."""
        ...

    def count_request(
        self, app_id: str, operation_id: str, limit: int, window_ms: int, now_ms: int
    ) -> int | None:
        """Count a request of ``app_id`` to ``operation_id`` made at ``now_ms`` (its own
        clock) against ``limit`` requests in a sliding window of ``window_ms``: None if it is
        allowed (and counted), else the seconds until the window lets one through. Requests
        counted ahead of ``now_ms`` (before the application reset its clock) do not count."""
        ...

    def load_webhook_url(self, app_id: str) -> str | None:
        """The application's webhook URL (None: it has none)."""
        ...

    def save_webhook_url(self, app_id: str, url: str | None) -> None:
        """Set (None: remove) the application's webhook URL."""
        ...

    def webhook_urls(self) -> dict[str, str]:
        """Every application's webhook URL."""
        ...

    def record_delivery(
        self, app_id: str, event_id: str, request_id: str, version: int, view: dict[str, Any]
    ) -> None:
        """Keep a webhook delivery's record (``view``) for every worker process to list;
        a record older than the one kept (a lower ``version``) is ignored."""
        ...

    def load_deliveries(
        self, app_id: str, request_id: str | None, limit: int
    ) -> list[dict[str, Any]] | None:
        """The application's last ``limit`` delivery records, oldest first; None when the
        store keeps none (one process: its delivery engine has them)."""
        ...

    def claim_webhook_sender(self, owner: str, now_ms: int, lease_ms: int) -> bool:
        """Whether ``owner`` (one process) delivers the sandbox's webhooks: True when it
        holds the lease or takes it (nobody holds it, or the holder let it run out by
        ``now_ms``, wall clock), renewed for ``lease_ms``; False while another holds it."""
        ...

    def release_webhook_sender(self, owner: str) -> None:
        """``owner`` stops delivering: another process may take the lease at once."""
        ...

    def check(self) -> None:
        """Raise ``StoreUnavailable`` unless the store can be read now."""
        ...

    def close(self) -> None:
        """Release what the store holds open (files); it is not used afterwards."""
        ...
