"""The in-memory store: the tenants' state, behind the domain's ``StateStore`` interface.

State lasts as long as the process: a restart loses every token, trip, run, fare and
session (``mock_server.sqlite_store`` keeps them in a file instead). What outlives its
lifetime (``domain.lifetimes``) is evicted when its tenant is next used.

One re-entrant lock guards the whole store; every use case runs under it, so concurrent
requests see each change whole. Tenants never see each other's trips, runs, fares or
sessions; only the Riders API's ``all_trips`` scope reads across tenants, through
``owner_of``.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import threading
from collections.abc import Callable
from typing import Any

from .domain.state import MAPPINGS, IssuedToken, StateStore, TenantState
from .domain.trips import Trip
from .limits import SlidingWindows

__all__ = ["StateStore", "Store", "TenantState", "open_store"]

STORE_KINDS = "memory (the default) or sqlite:PATH"


def open_store(spec: str) -> StateStore:
    """The store named by ``spec``: ``memory``, or ``sqlite:PATH`` (a file, created if
    missing, that keeps the sandbox's state across restarts and worker processes)."""
    if spec == "memory":
        return Store()
    kind, _, path = spec.partition(":")
    if kind == "sqlite" and path:
        from .sqlite_store import SQLiteStore  # only this store needs sqlite3

        return SQLiteStore(path)
    raise ValueError(f"unknown store {spec!r}: {STORE_KINDS}")


class Store:
    """A ``StateStore`` in memory: state lasts as long as the process."""

    kind = "memory"

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._tenants: dict[str, TenantState] = {}
        self._owners: dict[str, str] = {}
        self._proxy_numbers = itertools.count(1000)
        self._tokens: dict[str, IssuedToken] = {}
        self._tokens_by_app: dict[str, collections.deque[IssuedToken]] = {}
        self._clock_offsets: dict[str, int] = {}
        self._windows = SlidingWindows()
        self._webhook_urls: dict[str, str] = {}

    def locked(self) -> contextlib.AbstractContextManager[Any]:
        """The store's lock, to hold for a whole use case (``with store.locked(): ...``)."""
        return self._lock

    def tenant(self, app_id: str, now_ms: int | None = None) -> TenantState:
        with self._lock:
            state = self._tenants.get(app_id)
            if state is None:
                state = self._tenants[app_id] = TenantState(app_id)
            elif now_ms is not None and state.dues and state.dues[0][0] <= now_ms:
                for request_id in state.evict_expired(now_ms):
                    self._owners.pop(request_id, None)
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

    def save_token(self, token: IssuedToken, keep_per_app: int, now_ms: int) -> None:
        with self._lock:
            issued = self._tokens_by_app.setdefault(token.client_id, collections.deque())
            issued.append(token)
            # Tokens expire in the order they were issued (one lifetime, an application
            # clock that goes back only on reset), so the expired ones are at the front;
            # one left behind by a reset is still refused (authenticate checks the expiry)
            # and still counts towards keep_per_app, which bounds the memory.
            while len(issued) > keep_per_app or issued[0].expires_at_ms <= now_ms:
                self._tokens.pop(issued.popleft().value, None)
            self._tokens[token.value] = token

    def load_token(self, value: str) -> IssuedToken | None:
        return self._tokens.get(value)

    def load_clock_offset_ms(self, app_id: str) -> int:
        return self._clock_offsets.get(app_id, 0)

    def update_clock_offset_ms(self, app_id: str, change: Callable[[int], int]) -> int:
        with self._lock:
            offset = self._clock_offsets[app_id] = change(self._clock_offsets.get(app_id, 0))
        return offset

    def count_request(
        self, app_id: str, operation_id: str, limit: int, window_ms: int, now_ms: int
    ) -> int | None:
        return self._windows.count(app_id, operation_id, limit, window_ms, now_ms)

    def load_webhook_url(self, app_id: str) -> str | None:
        return self._webhook_urls.get(app_id)

    def save_webhook_url(self, app_id: str, url: str | None) -> None:
        with self._lock:
            if url is None:
                self._webhook_urls.pop(app_id, None)
            else:
                self._webhook_urls[app_id] = url

    def webhook_urls(self) -> dict[str, str]:
        with self._lock:
            return dict(self._webhook_urls)

    def record_delivery(
        self, app_id: str, event_id: str, request_id: str, version: int, view: dict[str, Any]
    ) -> None:
        pass  # one process: the delivery engine keeps the attempt log

    def load_deliveries(
        self, app_id: str, request_id: str | None, limit: int
    ) -> list[dict[str, Any]] | None:
        return None

    def claim_webhook_sender(self, owner: str, now_ms: int, lease_ms: int) -> bool:
        return True  # one process: it delivers

    def release_webhook_sender(self, owner: str) -> None:
        pass

    def counts(self) -> dict[str, int]:
        """How many entries of each kind the store holds, over all tenants, and tokens."""
        with self._lock:
            counts = {
                name: sum(len(getattr(t, name)) for t in self._tenants.values())
                for name in MAPPINGS
            }
            counts["tokens"] = len(self._tokens)
        return counts

    def check(self) -> None:
        pass

    def close(self) -> None:
        pass
