"""Who is calling, what they may see, and the ids the sandbox mints.

A tenant is an application: its trips, runs, fares and sessions are its own. Within a
tenant, a caller acting for an organization sees only the trips of that organization (and
trips created without one). Ids in paths are matched case-insensitively.
"""

from __future__ import annotations

import functools
import random
import uuid

import attrs

from .runs import Run
from .state import TenantState
from .trips import Trip

INVALID_RUN = "RunID is not valid"
# Uber's sandbox answer when a trip's run header is missing, unknown, expired, or names a run
# whose drivers are not where the trip's pickup is.
INVALID_RUN_ID = "Invalid Run ID"


@attrs.frozen
class Caller:
    """Who is calling: the application (tenant) and, if named, the organization."""

    app_id: str
    organization_id: str | None = None
    requester_name: str | None = None
    requester_uuid: str | None = None


def normalize_id(value: str) -> str:
    """Ids are UUIDs, stored lower-case; callers may send them in any case."""
    return value.lower()


_ids = random.Random()


def new_id() -> str:
    """A random (version 4) UUID string: ids must be unique here, not unguessable."""
    value = _ids.getrandbits(128) & ~(0xF000 << 64) | (4 << 76)
    value = value & ~(0xC000 << 48) | (0x8000 << 48)
    text = f"{value:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


@functools.lru_cache(maxsize=4096)
def guest_id(app_id: str, phone: str) -> str:
    """A guest's stable id within an application."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"guest:{app_id}:{phone}"))


def visible_trip(tenant: TenantState, caller: Caller, request_id: str) -> Trip | None:
    """The tenant's trip ``request_id`` if ``caller`` may see it (its organization's, or
    a trip created without one), else None."""
    trip = tenant.trips.get(normalize_id(request_id))
    if trip is None:
        return None
    if (
        caller.organization_id
        and trip.organization_id
        and caller.organization_id.lower() != trip.organization_id
    ):
        return None
    return trip


def live_run(tenant: TenantState, run_id: str, now: int) -> Run | None:
    """The tenant's run ``run_id`` while it lives (runs expire), else None."""
    run = tenant.runs.get(normalize_id(run_id))
    if run is None or not run.is_alive(now):
        return None
    return run
