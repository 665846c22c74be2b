"""Rate limits (``--rate-limits``): Uber's published limits, on the sandbox's clock.

Which operations are limited, and how much, comes from the document: every operation that
documents a 429 answer, at its own ``x-rate-limit`` or the document's default one (200
requests per hour per endpoint per application; 100 token requests per hour). Requests
are counted per application and operation in a sliding window of the application's own
clock, so a test moves the clock instead of sleeping; memory is bounded by the limit.

The counters live in the store (``StateStore.count_request``): in memory in the process
with the in-memory store (`SlidingWindows`), in the file with the SQLite store, so every
worker process of one sandbox counts against the same limit.
"""

from __future__ import annotations

import collections
import math
import threading
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from .domain.state import StateStore


@attrs.frozen
class RateLimit:
    limit: int
    window_seconds: int


def retry_after_seconds(oldest_ms: int, window_ms: int, now_ms: int) -> int:
    """Seconds until the oldest request counted leaves the window (``Retry-After``)."""
    return max(1, math.ceil((oldest_ms + window_ms - now_ms) / 1000))


class SlidingWindows:
    """Sliding-window counters in memory, one per (application, operation): the in-memory
    store's ``count_request``."""

    def __init__(self) -> None:
        self._hits: dict[tuple[str, str], collections.deque[int]] = {}
        self._lock = threading.Lock()

    def count(
        self, app_id: str, operation_id: str, limit: int, window_ms: int, now_ms: int
    ) -> int | None:
        with self._lock:
            hits = self._hits.setdefault((app_id, operation_id), collections.deque())
            while hits and (hits[0] <= now_ms - window_ms or hits[0] > now_ms):
                hits.popleft()  # out of the window (or ahead of a clock that was reset)
            if len(hits) >= limit:
                return retry_after_seconds(hits[0], window_ms, now_ms)
            hits.append(now_ms)
            return None


class RateLimiter:
    """The sandbox's rate limits, counted in its store."""

    def __init__(self, store: StateStore) -> None:
        self._store = store

    def hit(self, app_id: str, operation_id: str, rule: RateLimit, now_ms: int) -> int | None:
        """Count a request made at ``now_ms``; None if it is allowed, else the seconds to
        wait (for ``Retry-After``) before the window lets one through."""
        return self._store.count_request(
            app_id, operation_id, rule.limit, rule.window_seconds * 1000, now_ms
        )
