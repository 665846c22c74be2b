"""The product catalogue, fares and surge.

The catalogue holds the product ids used in the API's documentation examples, so the
examples work as they are against the local sandbox.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping

import attrs

from .errors import NotFound, ValidationFailed

UBERX_PARENT = "6a8e56b8-914e-4b48-a387-e6ad21d9c00c"
BLACK_PARENT = "f1faedb7-5825-484f-b236-24e2cd95ec23"
XL_PARENT = "60b76812-c307-4076-b83b-fcb36e75da07"

# How long a fare (from estimates, or offered with a ``surge`` or ``fare_expired`` error)
# stays valid, unless the surge control sets another TTL.
FARE_TTL_SECONDS = 120


@attrs.frozen
class CancellationTerms:
    """What cancelling a ride of the product costs (the estimates' ``cancellation`` and,
    for Reserve and hourly products, ``reserve_info``; the values the document gives the
    local sandbox)."""

    min_cancellation_fee: float = 5.0
    grace_period_seconds: int = 120
    # Reserve and hourly products only:
    scheduled_threshold_minutes: int = 120
    free_cancellation_threshold_minutes: int = 60
    wait_time_threshold_seconds: int = 300


@attrs.frozen
class OverageRates:
    """What an hourly ride costs beyond its tier's time and distance."""

    per_minute: float
    per_distance_unit: float
    distance_unit: str = "MILE"


@attrs.frozen
class HourlyTier:
    time_in_mins: int
    distance: int
    distance_unit: str
    amount: float

    @property
    def package(self) -> str:
        hours = self.time_in_mins / 60
        unit = "miles" if self.distance_unit == "MILE" else "km"
        return f"{hours:g} hrs/{self.distance} {unit}"


@attrs.frozen
class Product:
    product_id: str
    display_name: str
    description: dict[str, str]
    # How the product books rides in advance: SCHEDULED, RESERVE or HOURLY.
    advance_booking: str
    parent_product_type_id: str
    base_fare: float
    per_mile: float
    per_minute: float
    currency_code: str = "USD"
    shared: bool = False
    hourly_tiers: tuple[HourlyTier, ...] = ()
    # What estimates show of the product:
    short_description: dict[str, str] = attrs.Factory(dict)
    product_group: str = "uberx"
    capacity: int = 4
    upfront_fare_enabled: bool = True
    scheduling_enabled: bool = True
    cancellation: CancellationTerms = CancellationTerms()
    overage: OverageRates | None = None

    @property
    def is_reserve(self) -> bool:
        return self.advance_booking in ("RESERVE", "HOURLY")

    @property
    def rides_now(self) -> bool:
        """Whether the product dispatches rides now (Reserve and hourly products do not)."""
        return not self.is_reserve

    def describe(self, language: str) -> str:
        return self.description.get(language, self.description["en"])

    def short(self, language: str) -> str:
        if not self.short_description:
            return self.display_name
        return self.short_description.get(language, self.short_description["en"])


PRODUCTS: tuple[Product, ...] = (
    Product(
        product_id="b8e5c464-5de2-4539-a35a-986d6e58f186",
        display_name="UberX",
        description={
            "en": "Affordable rides, all to yourself",
            "fr": "Courses abordables, rien que pour vous",
        },
        advance_booking="SCHEDULED",
        parent_product_type_id=UBERX_PARENT,
        base_fare=2.55,
        per_mile=1.75,
        per_minute=0.35,
        short_description={"en": "UberX", "fr": "UberX"},
    ),
    Product(
        product_id="a1111c8c-c720-46c3-8534-2fcdd730040d",
        display_name="Comfort",
        description={
            "en": "Newer cars with extra legroom",
            "fr": "Voitures récentes avec plus d'espace pour les jambes",
        },
        advance_booking="SCHEDULED",
        parent_product_type_id=UBERX_PARENT,
        base_fare=3.85,
        per_mile=2.10,
        per_minute=0.45,
        short_description={"en": "Comfort", "fr": "Confort"},
    ),
    Product(
        product_id="17cb78a7-b672-4d34-a288-a6c6e44d5315",
        display_name="UberX Share",
        description={
            "en": "Share the ride, split the cost",
            "fr": "Partagez la course, partagez le prix",
        },
        advance_booking="SCHEDULED",
        parent_product_type_id=UBERX_PARENT,
        base_fare=2.00,
        per_mile=1.20,
        per_minute=0.25,
        shared=True,
        short_description={"en": "Share", "fr": "Partage"},
        upfront_fare_enabled=False,
        scheduling_enabled=False,
    ),
    Product(
        product_id="0f4a0b7d-2b0e-4c5e-9a57-6d1b1d1f0a01",
        display_name="UberXL",
        description={
            "en": "Affordable rides for groups up to 6",
            "fr": "Courses abordables pour des groupes jusqu'à 6",
        },
        advance_booking="SCHEDULED",
        parent_product_type_id=XL_PARENT,
        base_fare=3.85,
        per_mile=2.85,
        per_minute=0.50,
        short_description={"en": "UberXL", "fr": "UberXL"},
        capacity=6,
    ),
    Product(
        product_id="d4abaae7-f4d6-4152-91cc-77523e8165a4",
        display_name="Black",
        description={
            "en": "Premium rides in luxury cars",
            "fr": "Courses haut de gamme en voitures de luxe",
        },
        advance_booking="SCHEDULED",
        parent_product_type_id=BLACK_PARENT,
        base_fare=8.00,
        per_mile=3.75,
        per_minute=0.65,
        short_description={"en": "Black", "fr": "Berline"},
        product_group="uberblack",
    ),
    Product(
        product_id="9b5e8b8c-3c1f-4a4e-8d0c-3b8d8e8f7a11",
        display_name="UberX Reserve",
        description={"en": "Reserve a driver in advance", "fr": "Réservez un chauffeur à l'avance"},
        advance_booking="RESERVE",
        parent_product_type_id=UBERX_PARENT,
        base_fare=2.55,
        per_mile=1.75,
        per_minute=0.35,
        short_description={"en": "Reserve", "fr": "Réservation"},
    ),
    Product(
        product_id="ff4fe398-6cc6-4931-9076-d5bfdde928b6",
        display_name="Hourly",
        description={
            "en": "A driver for as long as you need",
            "fr": "Un chauffeur aussi longtemps que nécessaire",
        },
        advance_booking="HOURLY",
        parent_product_type_id=BLACK_PARENT,
        base_fare=8.00,
        per_mile=3.75,
        per_minute=0.65,
        hourly_tiers=(
            HourlyTier(60, 15, "MILE", 89.0),
            HourlyTier(120, 30, "MILE", 169.0),
            HourlyTier(180, 45, "MILE", 249.0),
            HourlyTier(120, 50, "KM", 169.0),
        ),
        short_description={"en": "Hourly", "fr": "À l'heure"},
        product_group="",
        overage=OverageRates(per_minute=1.25, per_distance_unit=3.75),
    ),
)


@attrs.define
class Fare:
    """A fare offered to a tenant: re-send ``fare_id`` before ``expires_at`` to accept it."""

    fare_id: str
    product_id: str
    multiplier: float
    display: str
    expires_at: int  # epoch seconds
    # An upfront fare from estimates: what a trip booked with it is charged. None for
    # the fares of 409 answers (a range) and for hourly fares (charged by their tier).
    value: float | None = None


def fare_range(product: Product, miles: float, multiplier: float) -> tuple[float, float]:
    minutes = miles * 3.0 + 2.0
    middle = (
        product.base_fare + product.per_mile * miles * 1.3 + product.per_minute * minutes
    ) * multiplier
    middle = max(middle, 7.0 * multiplier)
    return middle * 0.9, middle * 1.15


def format_money(amount: float, currency_code: str) -> str:
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(currency_code, "")
    return f"{symbol}{amount:.2f}" if symbol else f"{amount:.2f} {currency_code}"


def price_range(product: Product, miles: float, multiplier: float) -> tuple[int, int]:
    """The range shown for a ride, in whole units of the product's currency."""
    low, high = fare_range(product, miles, multiplier)
    return int(low), int(high) + 1


def range_display(product: Product, low: int, high: int) -> str:
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(product.currency_code, "")
    return f"{symbol}{low}-{high}" if symbol else f"{low}-{high} {product.currency_code}"


def fare_display(product: Product, miles: float, multiplier: float) -> str:
    low, high = price_range(product, miles, multiplier)
    return range_display(product, low, high)


class Catalogue:
    """Products, and the rules of an application's surge settings (multiplier 1.0: no surge).

    Surge is set per application: the settings live in the application's ``TenantState``
    (``surge``: product id -> (multiplier, fare TTL)), so one application putting a product
    in surge does not change the fares (or the 409s) another application gets, and a
    durable store keeps them across restarts and shares them between worker processes.
    """

    def __init__(self, products: tuple[Product, ...] = PRODUCTS):
        self._products = {p.product_id: p for p in products}

    def get(self, product_id: str) -> Product:
        product = self._products.get(product_id.lower())
        if product is None:
            raise ValidationFailed(f"product_id: no product {product_id} in this area")
        return product

    def all(self) -> list[Product]:
        return list(self._products.values())

    def surge(self, product_id: str, settings: Mapping[str, tuple[float, int]]) -> float:
        return settings.get(product_id, (1.0, FARE_TTL_SECONDS))[0]

    def fare_ttl(self, product_id: str, settings: Mapping[str, tuple[float, int]]) -> int:
        return settings.get(product_id, (1.0, FARE_TTL_SECONDS))[1]

    def set_surge(
        self,
        settings: MutableMapping[str, tuple[float, int]],
        product_id: str,
        multiplier: float,
        fare_ttl_seconds: int = FARE_TTL_SECONDS,
    ) -> Product:
        """Put a product in surge (multiplier above 1) or take it out of surge (1), in one
        application's ``settings``."""
        product = self._products.get(product_id.lower())
        if product is None:
            raise NotFound(f"No product {product_id} in the sandbox's catalogue")
        if not multiplier >= 1.0:
            raise ValidationFailed("multiplier: must be at least 1")
        if fare_ttl_seconds < 1:
            raise ValidationFailed("fare_ttl_seconds: must be at least 1")
        settings[product.product_id] = (float(multiplier), int(fare_ttl_seconds))
        return product
