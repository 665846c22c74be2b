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
from typing import Protocol

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
    """Wall-clock time shifted by an offset.

    Time can only move forward: a trip that already changed status never changes back.
    The sandbox uses it as the base clock of ``AppClocks``: every process reads the same
    wall clock, and each application's offset lives in the store.
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


class Offsets(Protocol):
    """Where the applications' clock offsets are kept (the store: a durable one keeps them
    across restarts and shares them between worker processes)."""

    def load_clock_offset_ms(self, app_id: str) -> int: ...

    def update_clock_offset_ms(self, app_id: str, change: Callable[[int], int]) -> int: ...


class _InProcessOffsets:
    def __init__(self) -> None:
        self._offsets: dict[str, int] = {}
        self._lock = threading.Lock()

    def load_clock_offset_ms(self, app_id: str) -> int:
        return self._offsets.get(app_id, 0)

    def update_clock_offset_ms(self, app_id: str, change: Callable[[int], int]) -> int:
        with self._lock:
            offset = self._offsets[app_id] = change(self._offsets.get(app_id, 0))
        return offset


class AppClocks:
    """One clock per application: the sandbox's base clock plus the application's own offset.

    Moving an application's clock (the ``/__sandbox/clock`` control) moves only that
    application's world: its trips, runs, fares and tokens are settled on its own time, so
    one client's experiment never changes another's answers. An application's clock never
    goes backwards, except ``reset``, which brings it back to the base clock.

    The offsets live in ``offsets`` (the sandbox passes its store), else in the process.
    Each change is one read-modify-write there, so worker processes sharing a store never
    lose each other's moves.
    """

    def __init__(self, base: Clock, offsets: Offsets | None = None) -> None:
        self.base = base
        self._offsets: Offsets = offsets if offsets is not None else _InProcessOffsets()

    def now_ms(self, app_id: str) -> int:
        return self.base.now_ms() + self._offsets.load_clock_offset_ms(app_id)

    def advance(self, app_id: str, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("the clock cannot move backwards")
        step = int(seconds * 1000)

        def forward(offset: int) -> int:
            _bounded(self.base.now_ms() + offset + step)
            return offset + step

        self._offsets.update_clock_offset_ms(app_id, forward)

    def set(self, app_id: str, now_ms: int) -> None:
        def to(offset: int) -> int:
            current = self.base.now_ms() + offset
            if now_ms < current:
                raise ValueError("the clock cannot move backwards")
            return offset + _bounded(int(now_ms)) - current

        self._offsets.update_clock_offset_ms(app_id, to)

    def reset(self, app_id: str) -> None:
        """Back to the base clock (the one time an application's clock may go backwards)."""
        self._offsets.update_clock_offset_ms(app_id, lambda offset: 0)

    def of(self, app_id: str) -> AppClock:
        """The application's clock as a ``Clock``."""
        return AppClock(self, app_id)


class AppClock(Clock):
    """One application's view of ``AppClocks``."""

    def __init__(self, clocks: AppClocks, app_id: str) -> None:
        self.clocks = clocks
        self.app_id = app_id

    def now_ms(self) -> int:
        return self.clocks.now_ms(self.app_id)

    def advance(self, seconds: float) -> None:
        self.clocks.advance(self.app_id, seconds)

    def set(self, now_ms: int) -> None:
        self.clocks.set(self.app_id, now_ms)
