"""Specialized pickup zones: a fixed set of places with access points.

A location inside a zone's bounds gets that zone (hierarchical zones have sub-zones, each
with its access points; flat ones their own access points); elsewhere, no zone and no
access points. The set is listed in mock_server/README.md.
"""

from __future__ import annotations

from typing import Any

import attrs


@attrs.frozen
class AccessPoint:
    id: str
    name: str
    latitude: float
    longitude: float


@attrs.frozen
class SubZone:
    id: str
    name: str
    access_points: tuple[AccessPoint, ...]


@attrs.frozen
class Zone:
    id: str
    name: str
    bounds: tuple[float, float, float, float]  # south, west, north, east
    access_points: tuple[AccessPoint, ...] = ()
    sub_zones: tuple[SubZone, ...] = ()

    def contains(self, latitude: float, longitude: float) -> bool:
        south, west, north, east = self.bounds
        return south <= latitude <= north and west <= longitude <= east


ZONES: tuple[Zone, ...] = (
    Zone(
        id="2d7b6c1e-4f8a-4b3c-9e5d-1a2b3c4d5e6f",
        name="San Francisco International Airport",
        bounds=(37.6040, -122.4010, 37.6300, -122.3650),
        sub_zones=(
            SubZone(
                id="7e1f2a3b-5c6d-4e7f-8a9b-0c1d2e3f4a5b",
                name="Terminal 1",
                access_points=(
                    AccessPoint(
                        "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                        "Terminal 1, Door 5",
                        37.6133,
                        -122.3866,
                    ),
                    AccessPoint(
                        "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                        "Terminal 1, Door 9",
                        37.6139,
                        -122.3859,
                    ),
                ),
            ),
            SubZone(
                id="8f2a3b4c-6d7e-4f8a-9b0c-1d2e3f4a5b6c",
                name="International Terminal",
                access_points=(
                    AccessPoint(
                        "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
                        "International, Door A",
                        37.6156,
                        -122.3920,
                    ),
                ),
            ),
        ),
    ),
    Zone(
        id="3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a09f",
        name="Convention Center",
        bounds=(37.7820, -122.4040, 37.7860, -122.3990),
        access_points=(
            AccessPoint(
                "4d3c2b1a-0f9e-4d8c-b7a6-f5e4d3c2b1a0", "North Entrance", 37.7842, -122.4016
            ),
            AccessPoint(
                "5e4d3c2b-1a0f-4e9d-8c7b-a6f5e4d3c2b1", "South Entrance", 37.7826, -122.4009
            ),
        ),
    ),
    Zone(
        id="6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d",
        name="John F. Kennedy International Airport",
        bounds=(40.6300, -73.8000, 40.6600, -73.7600),
        sub_zones=(
            SubZone(
                id="7b6c5d4e-3f2a-4b1c-8d9e-0f1a2b3c4d5f",
                name="Terminal 4",
                access_points=(
                    AccessPoint(
                        "8c7d6e5f-4a3b-4c2d-9e0f-1a2b3c4d5e60",
                        "Terminal 4, Arrivals",
                        40.6441,
                        -73.7823,
                    ),
                ),
            ),
        ),
    ),
)


def _point(point: AccessPoint) -> dict[str, Any]:
    return {
        "id": point.id,
        "name": point.name,
        "latitude": point.latitude,
        "longitude": point.longitude,
    }


def pickup_zones(
    latitude: float, longitude: float, zones: tuple[Zone, ...] = ZONES
) -> dict[str, Any]:
    """The zone around a location and its access points; none outside every zone."""
    for zone in zones:
        if zone.contains(latitude, longitude):
            master: dict[str, Any] = {"id": zone.id, "name": zone.name}
            if zone.sub_zones:
                master["sub_zones"] = [
                    {
                        "id": sub.id,
                        "name": sub.name,
                        "access_points": [_point(p) for p in sub.access_points],
                    }
                    for sub in zone.sub_zones
                ]
            else:
                master["access_points"] = [_point(p) for p in zone.access_points]
            return {"master_zone": master}
    return {"access_points": []}
