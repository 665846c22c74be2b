"""Places: distances and the pickup's time zone, without any map service."""

from __future__ import annotations

import math

# Cities the sandbox knows by bounding box (south, west, north, east). A pickup outside
# every box uses UTC for the calendar rules of flexible rides.
CITY_ZONES: tuple[tuple[tuple[float, float, float, float], str], ...] = (
    ((40.40, -74.30, 41.00, -73.60), "America/New_York"),
    ((37.20, -122.60, 38.00, -121.70), "America/Los_Angeles"),
    ((33.60, -118.70, 34.40, -117.90), "America/Los_Angeles"),
    ((41.60, -88.00, 42.10, -87.50), "America/Chicago"),
    ((51.28, -0.51, 51.70, 0.33), "Europe/London"),
    ((48.80, 2.20, 48.92, 2.47), "Europe/Paris"),
)


def timezone_for(latitude: float, longitude: float) -> str:
    for (south, west, north, east), zone in CITY_ZONES:
        if south <= latitude <= north and west <= longitude <= east:
            return zone
    return "UTC"


# How far from the pickup a driver waits before arriving (degrees, about 450 m north-west).
NEARBY_DEGREES = 0.004


def nearby(
    latitude: float, longitude: float, offset: float = NEARBY_DEGREES
) -> tuple[float, float]:
    """A point `offset` degrees north and west of the given one that is still a valid
    coordinate: south instead of north near the North Pole, and across the antimeridian
    (longitude wrapped into [-180, 180]) instead of past -180."""
    north = latitude + offset
    lat = north if north <= 90 else latitude - offset
    lon = longitude - offset
    if lon < -180:
        lon += 360
    return lat, lon


def distance_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in miles."""
    radius_miles = 3958.8
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = math.radians(lat2 - lat1)
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * radius_miles * math.asin(min(1.0, math.sqrt(a)))


def distance_meters(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    return distance_miles(lat1, lon1, lat2, lon2) * 1609.344


def bearing_degrees(lat1: float, lon1: float, lat2: float, lon2: float) -> int:
    """Initial bearing from the first point to the second, 0-359."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dlmb = math.radians(lon2 - lon1)
    x = math.sin(dlmb) * math.cos(phi2)
    y = math.cos(phi1) * math.sin(phi2) - math.sin(phi1) * math.cos(phi2) * math.cos(dlmb)
    return int(math.degrees(math.atan2(x, y)) % 360)
