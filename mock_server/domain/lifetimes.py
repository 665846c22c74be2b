"""How long stored state lives, on the sandbox's clock.

| what | lives until |
|---|---|
| trip | 24 hours after the latest of: its last status change, its pickup time (rides booked ahead), the end of the day after its pickup day (flexible rides) |
| communication session | as long as its trip |
| run (and its drivers) | 8 hours after it was created (Uber's runs live 8 hours) |
| fare | its ``expires_at`` (``fare_ttl_seconds``, 120 s unless changed) |
| a guest's remembered locale | 24 hours after their latest booking |
| access token | 30 days after it was issued (``expires_in``); an application keeps its latest 100 |

A trip's time counts from its last status change as stored: a transition that was due but
not yet applied (a waiting trip ends ``no_drivers_available`` 15 s after the offer, an
auto-driven trip completes a minute after it was accepted) is at most that much later.
"""

from __future__ import annotations

import datetime as dt

from .products import Fare
from .trips import Trip

TRIP_RETENTION_SECONDS = 24 * 60 * 60
LOCALE_RETENTION_SECONDS = 24 * 60 * 60
DAY_MS = 24 * 60 * 60 * 1000
_EPOCH = dt.date(1970, 1, 1)


def trip_retained_until(trip: Trip) -> int:
    """When ``trip`` may be forgotten: a day after it last changed or was due to."""
    latest = trip.status_since
    if trip.pickup_time is not None:
        latest = max(latest, trip.pickup_time)
    if trip.pickup_day is not None:
        # A flexible ride expires at 6 A.M. local time the day after its pickup day, which
        # is before the end of that day in UTC in every time zone (UTC-12 to UTC+14).
        try:
            day = dt.date.fromisoformat(trip.pickup_day)
            latest = max(latest, ((day - _EPOCH).days + 2) * DAY_MS)
        except ValueError:
            pass
    return latest + TRIP_RETENTION_SECONDS * 1000


def fare_retained_until(fare: Fare) -> int:
    """A fare is worth nothing once it has expired (``expires_at`` is in seconds)."""
    return fare.expires_at * 1000


def locale_retained_until(booked_at_ms: int) -> int:
    return booked_at_ms + LOCALE_RETENTION_SECONDS * 1000
