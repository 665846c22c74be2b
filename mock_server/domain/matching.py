"""Matching trips and drivers: offering, accepting, releasing, reserving.

Only trips created with a sandbox run have real (run) drivers. A trip waiting for a
driver is offered to an idle online driver of its run; releasing a driver (the trip
ended, or it was cancelled) offers it the run's next waiting trip. Trips without a run
get a synthetic driver when they are accepted, derived from a stable key.
"""

from __future__ import annotations

from . import trips as ts
from .runs import Run, RunDriver
from .state import TenantState
from .trips import Driver, Trip


def start_matching(tenant: TenantState, trip: Trip, at: int) -> None:
    """Offer a trip that waits for a driver to an idle online driver of its run."""
    if trip.run_id is None:
        return
    run = tenant.runs.get(trip.run_id)
    if run is None:
        return
    driver = run.idle_online_driver()
    if driver is None:
        return
    trip.offered_to = driver.driver_id
    driver.trip_id = trip.request_id


def offer_pending(tenant: TenantState, run: Run, at: int) -> None:
    """Offer the run's waiting trips, in creation order, to its idle online drivers."""
    for request_id in tenant.run_trips.get(run.run_id, ()):
        trip = tenant.trips[request_id]
        if trip.status in ts.WAITING_FOR_DRIVER and trip.offered_to is None:
            if run.idle_online_driver() is None:
                return
            start_matching(tenant, trip, at)


def run_auto_accepts(tenant: TenantState, trip: Trip) -> bool:
    """Whether the trip's run was created with ``preferences.auto_accept_trip``."""
    run = tenant.runs.get(trip.run_id or "")
    return run is not None and run.auto_accept_trip


def offered_driver(tenant: TenantState, trip: Trip) -> RunDriver | str:
    """The run driver holding the trip's offer, else the key of a synthetic driver."""
    if trip.run_id and trip.offered_to:
        return tenant.runs[trip.run_id].drivers[trip.offered_to]
    return f"auto:{trip.request_id}"


def reserve_driver(tenant: TenantState, trip: Trip) -> RunDriver | str:
    """The driver pre-assigned to a Reserve or hourly ride at dispatch time."""
    run = tenant.runs.get(trip.run_id or "")
    driver = run.idle_online_driver() if run else None
    return driver if driver is not None else f"reserve:{trip.request_id}"


def accept(trip: Trip, at: int, driver: RunDriver | str) -> None:
    """``driver`` (a run driver, or a synthetic driver's key) accepts ``trip`` at ``at``."""
    if isinstance(driver, RunDriver):
        driver.trip_id = trip.request_id
        trip.driver = Driver.for_key(f"{trip.run_id}/{driver.driver_id}")
    else:
        trip.driver = Driver.for_key(driver)
    trip.move(ts.ACCEPTED, at)


def release(tenant: TenantState, trip: Trip, at: int, status: str | None = None) -> None:
    """Free the run driver holding ``trip`` (optionally moving the trip first)."""
    if status is not None:
        trip.move(status, at)
    if trip.run_id is None:
        return
    run = tenant.runs.get(trip.run_id)
    if run is None:
        return
    for driver in run.drivers.values():
        if driver.trip_id == trip.request_id:
            driver.trip_id = None
    trip.offered_to = None
    offer_pending(tenant, run, at)
