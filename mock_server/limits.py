"""Rate limits (``--rate-limits``): Uber's published limits, on the sandbox's clock.

Which operations are limited, and how much, comes from the document: every operation that
documents a 429 answer, at its own ``x-rate-limit`` or the document's default one (200
requests per hour per endpoint per application; 100 token requests per hour). Requests
are counted per application and operation in a sliding window of the application's own
clock, so a test moves the clock instead of sleeping; memory is bounded by the limit.
"""

from __future__ import annotations

import collections
import math
import threading

import attrs


@attrs.frozen
class RateLimit:
    limit: int
    window_seconds: int


class RateLimiter:
    """Sliding-window counters, one per (application, operation)."""

    def __init__(self) -> None:
        self._hits: dict[tuple[str, str], collections.deque[int]] = {}
        self._lock = threading.Lock()

    def hit(self, app_id: str, operation_id: str, rule: RateLimit, now_ms: int) -> int | None:
        """Count a request made at ``now_ms``; None if it is allowed, else the seconds to
        wait (for ``Retry-After``) before the window lets one through."""
        window_ms = rule.window_seconds * 1000
        with self._lock:
            hits = self._hits.setdefault((app_id, operation_id), collections.deque())
            while hits and (hits[0] <= now_ms - window_ms or hits[0] > now_ms):
                hits.popleft()  # out of the window (or ahead of a clock that was reset)
            if len(hits) >= rule.limit:
                return max(1, math.ceil((hits[0] + window_ms - now_ms) / 1000))
            hits.append(now_ms)
            return None
