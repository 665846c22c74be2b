"""Sandbox runs: temporary drivers that integrations move through a trip by hand."""

from __future__ import annotations

import attrs

# A run's riders and drivers live this long.
RUN_LIFETIME_SECONDS = 8 * 60 * 60

ACCEPT = "ACCEPT"
ARRIVED = "ARRIVED"
BEGIN_TRIP = "BEGIN_TRIP"
DROPOFF = "DROPOFF"
CANCEL = "CANCEL"
GO_ONLINE = "GO_ONLINE"
GO_OFFLINE = "GO_OFFLINE"


@attrs.define
class RunDriver:
    driver_id: str
    online: bool = True
    trip_id: str | None = None  # the trip offered to or assigned to this driver
    latitude: float | None = None
    longitude: float | None = None


@attrs.define
class Run:
    run_id: str
    app_id: str
    created_at: int
    pickup: tuple[float, float]
    dropoff: tuple[float, float]
    drivers: dict[str, RunDriver]
    auto_accept_trip: bool = False
    parent_product_type_id: str | None = None

    @property
    def expires_at(self) -> int:
        return self.created_at + RUN_LIFETIME_SECONDS * 1000

    def is_alive(self, now_ms: int) -> bool:
        return now_ms < self.expires_at

    def driver_ids(self) -> list[str]:
        return list(self.drivers)

    def idle_online_driver(self) -> RunDriver | None:
        for driver in self.drivers.values():
            if driver.online and driver.trip_id is None:
                return driver
        return None
