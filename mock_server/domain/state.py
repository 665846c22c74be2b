"""A tenant's state, and the port through which the domain reaches the store.

Everything an application (tenant) owns lives in its ``TenantState``; tenants never see
each other's trips, runs, fares or sessions. The domain reaches state only through
``StateStore``; ``mock_server.store`` implements it (in memory), and another store can
implement it behind the same interface.
"""

from __future__ import annotations

import contextlib
from typing import Any, Protocol

import attrs

from .products import Fare
from .runs import Run
from .sessions import Session
from .trips import Trip


@attrs.define
class TenantState:
    app_id: str
    trips: dict[str, Trip] = attrs.Factory(dict)
    runs: dict[str, Run] = attrs.Factory(dict)
    run_trips: dict[str, list[str]] = attrs.Factory(dict)
    fares: dict[str, Fare] = attrs.Factory(dict)
    sessions: dict[str, Session] = attrs.Factory(dict)
    session_by_participant: dict[str, str] = attrs.Factory(dict)
    scheduled: dict[tuple[str, int], list[str]] = attrs.Factory(dict)
    guest_locales: dict[str, str] = attrs.Factory(dict)
    # How many trips the tenant has created: the next trip's ``sequence``.
    trips_created: int = 0

    def add_trip(self, trip: Trip) -> None:
        self.trips_created += 1
        trip.sequence = self.trips_created
        self.trips[trip.request_id] = trip
        if trip.run_id:
            self.run_trips.setdefault(trip.run_id, []).append(trip.request_id)
        if trip.pickup_time is not None:
            self.scheduled.setdefault((trip.guest.phone_number, trip.pickup_time), []).append(
                trip.request_id
            )


class StateStore(Protocol):
    """What the domain needs of a store. Every use case runs under ``locked()``."""

    def locked(self) -> contextlib.AbstractContextManager[Any]:
        """The store's lock, held for a whole use case (``with store.locked(): ...``)."""
        ...

    def tenant(self, app_id: str) -> TenantState:
        """The state of application ``app_id`` (created empty on first use)."""
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
