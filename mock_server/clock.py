"""Injectable clocks.

Every time rule of the sandbox (the 15 s accept window, scheduled dispatch, the expiry of
flexible rides at 6 A.M., fare expiry, run lifetime) reads time from a clock object, never
from the system directly, so tests move time instead of sleeping.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

# The last instant a calendar date can represent (9999-12-31T23:59:59.999Z). Every rule of
# the sandbox turns times into days, so its clock stops there.
LATEST_MS = (dt.datetime.max.replace(tzinfo=dt.UTC) - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)) // (
    dt.timedelta(milliseconds=1)
)


def _bounded(now_ms: int) -> int:
    if now_ms > LATEST_MS:
        raise ValueError(f"the clock cannot move past {LATEST_MS} (the end of year 9999)")
    return now_ms


class Clock:
    """Interface: the current time in epoch milliseconds."""

    def now_ms(self) -> int:  # pragma: no cover - interface
        raise NotImplementedError

    def advance(self, seconds: float) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def set(self, now_ms: int) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class SystemClock(Clock):
    """Wall-clock time shifted by an offset that the sandbox clock control can move.

    Time can only move forward: a trip that already changed status never changes back.
    """

    def __init__(self) -> None:
        self._offset_ms = 0
        self._lock = threading.Lock()

    def now_ms(self) -> int:
        return int(time.time() * 1000) + self._offset_ms

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("the clock cannot move backwards")
        with self._lock:
            _bounded(self.now_ms() + int(seconds * 1000))
            self._offset_ms += int(seconds * 1000)

    def set(self, now_ms: int) -> None:
        with self._lock:
            current = self.now_ms()
            if now_ms < current:
                raise ValueError("the clock cannot move backwards")
            self._offset_ms += _bounded(int(now_ms)) - current


class ManualClock(Clock):
    """A clock that stands still until moved; the default in tests."""

    def __init__(self, now_ms: int = 1_700_000_000_000) -> None:
        self._now_ms = int(now_ms)
        self._lock = threading.Lock()

    def now_ms(self) -> int:
        return self._now_ms

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("the clock cannot move backwards")
        with self._lock:
            self._now_ms = _bounded(self._now_ms + int(seconds * 1000))

    def set(self, now_ms: int) -> None:
        with self._lock:
            if now_ms < self._now_ms:
                raise ValueError("the clock cannot move backwards")
            self._now_ms = _bounded(int(now_ms))
