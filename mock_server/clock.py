"""Injectable clocks.

Every time rule of the sandbox (the 15 s accept window, scheduled dispatch, the expiry of
flexible rides at 6 A.M., fare expiry, run lifetime) reads time from a clock object, never
from the system directly, so tests move time instead of sleeping.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Protocol, runtime_checkable

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


@runtime_checkable
class Offsets(Protocol):
    """Where a clock's offset is kept when several processes (or restarts) share it."""

    def load_clock_offset_ms(self) -> int: ...

    def update_clock_offset_ms(self, change: Callable[[int], int]) -> int: ...


class SystemClock(Clock):
    """Wall-clock time shifted by an offset that the sandbox clock control can move.

    Time can only move forward: a trip that already changed status never changes back.
    The offset lives in the process, or in ``offsets`` (a durable store) so that worker
    processes share one clock and a restart keeps it.
    """

    def __init__(self, offsets: Offsets | None = None) -> None:
        self._offset_ms = 0
        self._offsets = offsets
        self._lock = threading.Lock()

    def now_ms(self) -> int:
        offsets = self._offsets
        if offsets is None:
            return int(time.time() * 1000) + self._offset_ms
        return int(time.time() * 1000) + offsets.load_clock_offset_ms()

    def _change(self, change: Callable[[int], int]) -> None:
        with self._lock:
            if self._offsets is None:
                self._offset_ms = change(self._offset_ms)
            else:
                self._offsets.update_clock_offset_ms(change)

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("the clock cannot move backwards")

        def forward(offset: int) -> int:
            _bounded(int(time.time() * 1000) + offset + int(seconds * 1000))
            return offset + int(seconds * 1000)

        self._change(forward)

    def set(self, now_ms: int) -> None:
        def to(offset: int) -> int:
            current = int(time.time() * 1000) + offset
            if now_ms < current:
                raise ValueError("the clock cannot move backwards")
            return offset + _bounded(int(now_ms)) - current

        self._change(to)


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
