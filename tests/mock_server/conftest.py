"""Fixtures shared by the local sandbox's tests."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from mock_server.clock import ManualClock
from mock_server.domain.service import Caller, GuestRides
from mock_server.store import Store

UBERX = "b8e5c464-5de2-4539-a35a-986d6e58f186"
HOURLY = "ff4fe398-6cc6-4931-9076-d5bfdde928b6"
RESERVE = "9b5e8b8c-3c1f-4a4e-8d0c-3b8d8e8f7a11"
# 2023-11-14 22:13:20 UTC, 17:13:20 in New York.
START_MS = 1_700_000_000_000

ON_DEMAND: dict[str, Any] = {
    "guest": {
        "first_name": "Jane",
        "last_name": "Doe",
        "phone_number": "+14155550000",
        "email": "jane@example.com",
    },
    "pickup": {
        "latitude": 40.752558,
        "longitude": -74.006469,
        "address": "636 W 28th St, New York, NY",
    },
    "dropoff": {
        "latitude": 40.750568,
        "longitude": -73.993519,
        "address": "Penn Station, New York, NY",
    },
    "product_id": UBERX,
}


def trip_body(**changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(ON_DEMAND)
    for key, value in changes.items():
        if value is None:
            body.pop(key, None)
        else:
            body[key] = value
    return body


def ny_date(ms: int, days: int = 0) -> str:
    from zoneinfo import ZoneInfo

    return (
        dt.datetime.fromtimestamp(ms / 1000, ZoneInfo("America/New_York")).date()
        + dt.timedelta(days=days)
    ).isoformat()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every HTTP test (a module using ``http_support``'s clients or stores) runs against
    each store."""
    names = vars(metafunc.module)
    if "store_kind" in metafunc.fixturenames and ("client_for" in names or "Stores" in names):
        from .http_support import STORE_KINDS

        metafunc.parametrize("store_kind", STORE_KINDS, indirect=True)


@pytest.fixture(autouse=True)
def store_kind(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """The store the test's sandboxes are built on (``memory`` unless parametrized)."""
    from .http_support import Stores

    Stores.kind = getattr(request, "param", "memory")
    Stores.directory = tmp_path
    try:
        yield Stores.kind
    finally:
        Stores.close_all()
        Stores.kind, Stores.directory = "memory", None


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START_MS)


@pytest.fixture
def rides(clock: ManualClock) -> GuestRides:
    return GuestRides(Store(), clock)


@pytest.fixture
def auto_rides(clock: ManualClock) -> GuestRides:
    return GuestRides(Store(), clock, auto_drive=True)


@pytest.fixture
def me() -> Caller:
    return Caller("app-one")


@pytest.fixture
def run_id(rides: GuestRides, me: Caller) -> str:
    run = rides.create_run(
        me,
        {
            "driver_locations": [{}],
            "pickup_location": {"latitude": 40.752558, "longitude": -74.006469},
            "dropoff_location": {"latitude": 40.750568, "longitude": -73.993519},
        },
    )
    return run.run_id
