"""The in-memory store: the tenants' state, behind the domain's ``StateStore`` interface.

One re-entrant lock guards the whole store; every use case runs under it, so concurrent
requests see each change whole. Tenants never see each other's trips, runs, fares or
sessions; only the Riders API's ``all_trips`` scope reads across tenants, through
``owner_of``.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from typing import Any

from .domain.state import StateStore, TenantState
from .domain.trips import Trip

__all__ = ["StateStore", "Store", "TenantState"]


class Store:
    """A ``StateStore`` in memory: state lasts as long as the process."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._tenants: dict[str, TenantState] = {}
        self._owners: dict[str, str] = {}
        self._proxy_numbers = itertools.count(1000)

    def locked(self) -> contextlib.AbstractContextManager[Any]:
        """The store's lock, to hold for a whole use case (``with store.locked(): ...``)."""
        return self._lock

    def tenant(self, app_id: str) -> TenantState:
        with self._lock:
            state = self._tenants.get(app_id)
            if state is None:
                state = self._tenants[app_id] = TenantState(app_id)
            return state

    def add_trip(self, trip: Trip) -> None:
        with self._lock:
            self.tenant(trip.app_id).add_trip(trip)
            self._owners[trip.request_id] = trip.app_id

    def owner_of(self, request_id: str) -> str | None:
        return self._owners.get(request_id)

    def next_proxy_number(self) -> str:
        with self._lock:
            return f"+1415555{next(self._proxy_numbers) % 10000:04d}"
