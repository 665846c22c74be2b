"""Listing a caller's trips: newest first, by status group, one page at a time.

The order is ``request_time`` descending and, within one millisecond, the reverse order
of creation. A page key is the position of the last trip returned; the next page starts
with the first trip after it in that order. A trip created while a client pages is newer
than every position already handed out, so it never appears on a later page, and no trip
is skipped or repeated.

Groups: ``EXPIRED`` is an expired flexible ride, ``PAST`` every other terminal status,
``ACTIVE`` every status that has not ended.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json

from . import trips as ts
from .errors import ValidationFailed
from .lifecycle import LifeCycle
from .state import TenantState
from .tenancy import Caller, visible_trip
from .trips import Trip

ACTIVE = "ACTIVE"
PAST = "PAST"
EXPIRED = "EXPIRED"

BAD_KEY = "start_key: not a valid paging key"


def group_of(status: str) -> str:
    """Which ``trip_status`` group lists a trip in ``status``."""
    if status == ts.EXPIRED:
        return EXPIRED
    if status in ts.TERMINAL:
        return PAST
    return ACTIVE


Position = tuple[int, int]  # (request_time, sequence): larger is newer


def position_of(trip: Trip) -> Position:
    return trip.request_time, trip.sequence


def _check(payload: bytes) -> str:
    return hashlib.sha256(b"guest-trips-page:" + payload).hexdigest()[:12]


def encode_key(position: Position) -> str:
    """An opaque key for the position of the last trip of a page."""
    payload = json.dumps({"r": position[0], "s": position[1]}, separators=(",", ":")).encode()
    raw = payload + b"." + _check(payload).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_key(key: str) -> Position:
    """The position a key names; 400 ``validation_failed`` for a key this server did not issue."""
    try:
        raw = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))
        payload, _, check = raw.rpartition(b".")
        if not payload or check.decode() != _check(payload):
            raise ValueError("checksum")
        data = json.loads(payload)
        request_time, sequence = data["r"], data["s"]
        if type(request_time) is not int or type(sequence) is not int:
            raise ValueError("fields")
    except (ValueError, TypeError, KeyError, UnicodeError, binascii.Error):
        raise ValidationFailed(BAD_KEY) from None
    return request_time, sequence


def list_trips(
    life: LifeCycle,
    tenant: TenantState,
    caller: Caller,
    group: str,
    limit: int,
    start_key: str | None,
    now: int,
) -> tuple[list[Trip], str | None]:
    """A page of the caller's trips of ``group``, and the key of the next page (or None)."""
    after = decode_key(start_key) if start_key is not None else None
    selected: list[Trip] = []
    for request_id in list(tenant.trips):
        trip = visible_trip(tenant, caller, request_id)
        if trip is None:
            continue
        if after is not None and position_of(trip) >= after:
            continue
        life.settle(tenant, trip, now)
        if group_of(trip.status) == group:
            selected.append(trip)
    selected.sort(key=position_of, reverse=True)
    page = selected[:limit]
    next_key = encode_key(position_of(page[-1])) if len(selected) > limit else None
    return page, next_key
