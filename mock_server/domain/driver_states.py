"""Sandbox runs and the driver-state commands that move a run's driver through a trip.

``GO_ONLINE`` and ``GO_OFFLINE`` change the driver; every other command moves the
driver's trip one step, only from the statuses ``STEPS`` lists for it:

    ACCEPT (trip waiting for a driver) -> ARRIVED -> BEGIN_TRIP -> DROPOFF
    CANCEL after ACCEPT: the trip is redispatched; after ARRIVED: driver_canceled

Reserve and hourly rides have their driver pre-assigned, so they have no ACCEPT step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from . import matching
from . import runs as rs
from . import trips as ts
from .errors import InvalidDriverState, NotFound, ValidationFailed
from .geo import nearby
from .lifecycle import LifeCycle
from .runs import Run, RunDriver
from .state import TenantState
from .tenancy import Caller, new_id
from .trips import Trip


def create_run(tenant: TenantState, caller: Caller, body: dict[str, Any], now: int) -> Run:
    """A run with its drivers placed near the pickup (or where the request puts them)."""
    locations = body.get("driver_locations") or [{}]
    if len(locations) > 1:
        raise ValidationFailed("driver_locations: a run has at most 1 driver for now")
    pickup = body.get("pickup_location") or {}
    dropoff = body.get("dropoff_location") or {}
    p_lat, p_lon = pickup.get("latitude", 37.766192), pickup.get("longitude", -122.400745)
    drivers: dict[str, RunDriver] = {}
    near_lat, near_lon = nearby(p_lat, p_lon)
    for index, spot in enumerate(locations):
        driver_id = f"actor-driver{index}"
        spot = spot or {}
        drivers[driver_id] = RunDriver(
            driver_id,
            latitude=spot.get("latitude", near_lat),
            longitude=spot.get("longitude", near_lon),
        )
    run = Run(
        run_id=new_id(),
        app_id=caller.app_id,
        created_at=now,
        pickup=(p_lat, p_lon),
        dropoff=(dropoff.get("latitude", 37.752030), dropoff.get("longitude", -122.422065)),
        drivers=drivers,
        auto_accept_trip=bool((body.get("preferences") or {}).get("auto_accept_trip", False)),
        parent_product_type_id=body.get("parent_product_type_id"),
    )
    tenant.runs[run.run_id] = run
    return run


# ------------------------------------------------------------------ driver commands


def _go_online(tenant: TenantState, run: Run, driver: RunDriver, now: int) -> None:
    driver.online = True
    matching.offer_pending(tenant, run, now)


def _go_offline(tenant: TenantState, run: Run, driver: RunDriver, now: int) -> None:
    trip = tenant.trips.get(driver.trip_id) if driver.trip_id else None
    if trip is not None and trip.status in ts.ONGOING:
        raise InvalidDriverState("GO_OFFLINE: the driver is on a trip; DROPOFF or CANCEL it first")
    if trip is not None:
        trip.offered_to = None
        driver.trip_id = None
    driver.online = False


DriverCommand = Callable[[TenantState, Run, RunDriver, int], None]

DRIVER_COMMANDS: dict[str, DriverCommand] = {
    rs.GO_ONLINE: _go_online,
    rs.GO_OFFLINE: _go_offline,
}


# -------------------------------------------------------------------- trip steps


def _accept(tenant: TenantState, trip: Trip, driver: RunDriver, now: int) -> None:
    matching.accept(trip, now, driver)


def _arrive(tenant: TenantState, trip: Trip, driver: RunDriver, now: int) -> None:
    trip.move(ts.ARRIVING, now)


def _begin(tenant: TenantState, trip: Trip, driver: RunDriver, now: int) -> None:
    trip.move(ts.IN_PROGRESS, now)


def _drop_off(tenant: TenantState, trip: Trip, driver: RunDriver, now: int) -> None:
    trip.move(ts.COMPLETED, now)
    matching.release(tenant, trip, now)


def _cancel(tenant: TenantState, trip: Trip, driver: RunDriver, now: int) -> None:
    if trip.status == ts.ACCEPTED:
        trip.move(ts.DRIVER_REDISPATCHED, now)
        matching.release(tenant, trip, now)
        matching.start_matching(tenant, trip, now)
    else:
        trip.move(ts.DRIVER_CANCELED, now)
        matching.release(tenant, trip, now)


@attrs.frozen
class Step:
    """A command that moves the driver's trip: from which statuses, and what it does."""

    allowed_from: frozenset[str]
    after: str  # what must come first, for the refusal's message
    apply: Callable[[TenantState, Trip, RunDriver, int], None]
    reserve_ok: bool = True  # whether Reserve and hourly rides (driver pre-assigned) take it


STEPS: dict[str, Step] = {
    rs.ACCEPT: Step(ts.WAITING_FOR_DRIVER, "a trip waiting for a driver", _accept, False),
    rs.ARRIVED: Step(frozenset({ts.ACCEPTED}), "ACCEPT", _arrive),
    rs.BEGIN_TRIP: Step(frozenset({ts.ARRIVING}), "ARRIVED", _begin),
    rs.DROPOFF: Step(frozenset({ts.IN_PROGRESS}), "BEGIN_TRIP", _drop_off),
    rs.CANCEL: Step(ts.DRIVER_EN_ROUTE, "ACCEPT or ARRIVED", _cancel),
}


def set_driver_state(
    life: LifeCycle, tenant: TenantState, run: Run, driver_id: str, state: str, now: int
) -> None:
    """Move a run's driver; the order must follow ACCEPT, ARRIVED, BEGIN_TRIP, DROPOFF."""
    driver = run.drivers.get(driver_id)
    if driver is None:
        raise NotFound(
            f"DriverID {driver_id} is not part of run {run.run_id}", code="entity_not_found"
        )
    life.settle_run(tenant, run, now)
    command = DRIVER_COMMANDS.get(state)
    if command is not None:
        command(tenant, run, driver, now)
        return
    if not driver.online:
        raise InvalidDriverState(f"{state}: the driver is offline; send GO_ONLINE first")
    trip = tenant.trips.get(driver.trip_id) if driver.trip_id else None
    if trip is None:
        raise InvalidDriverState(
            f"{state}: the driver has no trip; create a trip with this run first"
        )
    step = STEPS.get(state)
    if step is None:
        raise InvalidDriverState(f"driver_state: unknown state {state}")
    if trip.is_reserve and not step.reserve_ok:
        raise InvalidDriverState(f"{state} is not supported for Reserve or Hourly rides")
    if trip.status not in step.allowed_from:
        raise InvalidDriverState(
            f"{state} is only allowed after {step.after}; the trip is {trip.status}"
        )
    step.apply(tenant, trip, driver, now)
