"""Estimates: which products can serve a ride, at what price, and how soon.

The body decides the ride type as on create: no ``scheduling`` and no
``deferred_ride_options`` is a ride now (the products that dispatch now, with pickup
ETAs); ``scheduling.pickup_time`` lists the products that can be scheduled, Reserve and
hourly products (no ETAs); ``deferred_ride_options.pickup_day`` (flexible) lists the
products that dispatch now, priced as ranges (no ETAs).

Prices: a product with upfront fares gets a fare (kept in the tenant's fares, consumed
once by create, expiring ``fare_ttl`` seconds later on the sandbox's clock) at the
product's current surge multiplier; a product without them, and every flexible ride, a
price range. Hourly products carry their tiers and overage rates in the fare, beside the
product (``estimate_info`` null). A pickup at 0,0 is the invalid pickup: an empty list.

Cars: without a sandbox run every product that rides now has cars; with a run, only
while the run has an online driver without a trip. Rides not for now always have cars.
"""

from __future__ import annotations

import math
from typing import Any

from . import fares
from .booking import check_pickup_when
from .errors import NotFound, ValidationFailed
from .geo import distance_miles, timezone_for
from .lifecycle import LifeCycle
from .products import Catalogue, Fare, Product, format_money, price_range, range_display
from .state import TenantState
from .tenancy import live_run, new_id

INVALID_RUN_ID = "Invalid Run ID"
PRICING_EXPLANATION = "Fares are higher due to increased demand"
OVERAGE_EXPLAINER = "Extra time and distance are charged at these rates."
KM_PER_MILE = 1.609344
# Straight-line distance to route distance, as the trip views reckon it.
ROUTE_FACTOR = 1.3


def is_invalid_pickup(latitude: float, longitude: float) -> bool:
    """The pickup the local sandbox cannot serve: 0,0."""
    return latitude == 0 and longitude == 0


def estimate(
    life: LifeCycle,
    catalogue: Catalogue,
    tenant: TenantState,
    body: dict[str, Any],
    run_id: str | None,
    now: int,
    language: str,
) -> dict[str, Any]:
    """The answer of ``POST /v1/guests/trips/estimates`` (fares it quotes are kept)."""
    has_cars = True
    if run_id is not None:
        run = live_run(tenant, run_id, now)
        if run is None:
            raise NotFound(INVALID_RUN_ID, code="entity_not_found")
        life.settle_run(tenant, run, now)
        has_cars = run.idle_online_driver() is not None
    pickup, dropoff = body["pickup"], body["dropoff"]
    lat, lon = float(pickup["latitude"]), float(pickup["longitude"])
    timezone = timezone_for(lat, lon)
    pickup_time = (body.get("scheduling") or {}).get("pickup_time")
    pickup_day = (body.get("deferred_ride_options") or {}).get("pickup_day")
    if pickup_time is not None and pickup_day is not None:
        raise ValidationFailed("scheduling, deferred_ride_options: send at most one of them")
    check_pickup_when(pickup_time, pickup_day, timezone, now)
    if is_invalid_pickup(lat, lon):
        return {"etas_unavailable": True, "fares_unavailable": True, "product_estimates": []}
    fares.forget_expired(tenant, now)
    ride_now = pickup_time is None and pickup_day is None
    if pickup_time is not None:
        products = [p for p in catalogue.all() if p.scheduling_enabled or p.is_reserve]
    else:
        products = [p for p in catalogue.all() if p.rides_now]
    miles = distance_miles(lat, lon, float(dropoff["latitude"]), float(dropoff["longitude"]))
    quote = Quote(catalogue, tenant, now, language, miles, timezone, pickup_time)
    items = [
        quote.item(
            product,
            upfront=pickup_day is None and product.upfront_fare_enabled,
            cars=has_cars or not ride_now,
            eta=3 + position if ride_now and has_cars else None,
        )
        for position, product in enumerate(products)
    ]
    priced = any(
        item.get("fare") or (item.get("estimate_info") or {}).keys() & {"fare", "estimate"}
        for item in items
    )
    return {
        "etas_unavailable": not ride_now,
        "fares_unavailable": not priced,
        "product_estimates": items,
    }


class Quote:
    """One estimate request's prices: the route, the time, and where fares are kept."""

    def __init__(
        self,
        catalogue: Catalogue,
        tenant: TenantState,
        now: int,
        language: str,
        miles: float,
        timezone: str,
        pickup_time: int | None,
    ) -> None:
        self.catalogue = catalogue
        self.tenant = tenant
        self.now = now
        self.language = language
        self.miles = miles
        self.timezone = timezone
        self.pickup_time = pickup_time

    def item(
        self, product: Product, *, upfront: bool, cars: bool, eta: int | None
    ) -> dict[str, Any]:
        multiplier = self.catalogue.surge(product.product_id, self.tenant.surge)
        indicator = "RED" if not cars else "YELLOW" if multiplier > 1 else "GREEN"
        out: dict[str, Any] = {"product": self.product(product)}
        if product.hourly_tiers:
            fare = self.fare(product, multiplier, product.hourly_tiers[0].amount, hourly=True)
            out["estimate_info"] = None
            out["fare_id"] = fare["fare_id"]
            out["fare"] = fare
            out["fulfillment_indicator"] = indicator
            if product.is_reserve:
                out["product"]["reserve_info"] = self.reserve_info(product, fare["expires_at"])
            return out
        info: dict[str, Any] = {}
        if upfront:
            value = fares.upfront_value(product, self.miles, multiplier)
            fare = self.fare(product, multiplier, value, hourly=False)
            info["fare_id"] = fare["fare_id"]
            info["fare"] = fare
            if product.is_reserve:
                out["product"]["reserve_info"] = self.reserve_info(product, fare["expires_at"])
        else:
            info["estimate"] = self.range(product, multiplier)
        if cars and eta is not None:
            info["pickup_estimate"] = eta
        info["no_cars_available"] = not cars
        if multiplier > 1:
            info["pricing_explanation"] = PRICING_EXPLANATION
        info["trip"] = self.trip()
        out["estimate_info"] = info
        out["fulfillment_indicator"] = indicator
        return out

    def product(self, product: Product) -> dict[str, Any]:
        terms = product.cancellation
        return {
            "product_id": product.product_id,
            "display_name": product.display_name,
            "description": product.describe(self.language),
            "short_description": product.short(self.language),
            "product_group": product.product_group,
            "capacity": product.capacity,
            "upfront_fare_enabled": product.upfront_fare_enabled,
            "shared": product.shared,
            "scheduling_enabled": product.scheduling_enabled,
            "parent_product_type_id": product.parent_product_type_id,
            "advance_booking_type": product.advance_booking,
            "cancellation": {
                "min_cancellation_fee": terms.min_cancellation_fee,
                "cancellation_grace_period_threshold_sec": terms.grace_period_seconds,
            },
        }

    def reserve_info(self, product: Product, expires_at_seconds: int) -> dict[str, Any]:
        terms = product.cancellation
        threshold_ms = terms.scheduled_threshold_minutes * 60_000
        return {
            "enabled": self.pickup_time is not None and self.pickup_time >= self.now + threshold_ms,
            "scheduled_threshold_minutes": terms.scheduled_threshold_minutes,
            "free_cancellation_threshold_minutes": terms.free_cancellation_threshold_minutes,
            "add_ons": [],
            "valid_until_timestamp": expires_at_seconds * 1000,
            "wait_time_threshold_seconds": terms.wait_time_threshold_seconds,
        }

    def fare(
        self, product: Product, multiplier: float, value: float, *, hourly: bool
    ) -> dict[str, Any]:
        """Quote an upfront fare and keep it for create."""
        currency = product.currency_code
        if hourly:
            value = fares.hourly_amount(value, multiplier)
        kept = Fare(
            fare_id=new_id(),
            product_id=product.product_id,
            multiplier=multiplier,
            display=format_money(value, currency),
            expires_at=self.now // 1000
            + self.catalogue.fare_ttl(product.product_id, self.tenant.surge),
            value=None if hourly else value,
        )
        self.tenant.add_fare(kept)
        out: dict[str, Any] = {
            "fare_id": kept.fare_id,
            "value": value,
            "currency_code": currency,
            "display": kept.display,
            "expires_at": kept.expires_at,
            "fare_breakdown": [{"name": "Base Fare", "type": "base_fare", "value": value}],
        }
        if multiplier > 1:
            out["multiplier"] = multiplier
        if hourly:
            out["hourly"] = self.hourly(product, multiplier)
        return out

    def hourly(self, product: Product, multiplier: float) -> dict[str, Any]:
        out: dict[str, Any] = {
            "tiers": [
                {
                    "amount": fares.hourly_amount(tier.amount, multiplier),
                    "time_in_mins": tier.time_in_mins,
                    "distance": tier.distance,
                    "distance_unit": tier.distance_unit,
                    "formatted_time_and_distance_package": tier.package,
                }
                for tier in product.hourly_tiers
            ]
        }
        if product.overage is not None:
            out["overage_rates"] = {
                "overage_rate_per_temporal_unit": product.overage.per_minute,
                "overage_rate_per_distance_unit": product.overage.per_distance_unit,
                "temporal_unit": "TEMPORAL_UNIT_MINUTE",
                "distance_unit": product.overage.distance_unit,
                "pricing_explainer": OVERAGE_EXPLAINER,
            }
        return out

    def range(self, product: Product, multiplier: float) -> dict[str, Any]:
        low, high = price_range(product, self.miles, multiplier)
        return {
            "display": range_display(product, low, high),
            "low_estimate": low,
            "high_estimate": high,
            "currency_code": product.currency_code,
        }

    def trip(self) -> dict[str, Any]:
        route_miles = self.miles * ROUTE_FACTOR
        metric = self.timezone.startswith("Europe/")
        distance = round(route_miles * KM_PER_MILE if metric else route_miles, 2)
        return {
            "distance_unit": "km" if metric else "mile",
            "distance_estimate": distance,
            "duration_estimate": max(1, math.ceil(route_miles * 3)) * 60,
            "travel_distance_estimate": distance,
        }
