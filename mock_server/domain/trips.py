"""The trip aggregate and its state machine.

Status names are the API's own; which status follows which is the documented life cycle:

    on demand:          processing -> accepted -> arriving -> in_progress -> completed
    scheduled:          scheduled -> processing -> ... (dispatched before pickup_time)
    Reserve / hourly:   scheduled -> accepted -> ... (driver pre-assigned, no ACCEPT step)
    flexible:           offered -> processing -> ...  (dispatched by the rider on the day)
                        offered -> expired            (6 A.M. the day after pickup_day)
    no driver accepts within the accept window:  processing -> no_drivers_available
    driver cancels after accepting:              accepted -> driver_redispatched -> accepted ...
    driver cancels after arriving:               arriving -> driver_canceled
    cancelled through the API (coordinator):     any status before in_progress -> rider_canceled
"""

from __future__ import annotations

import enum
import hashlib
import uuid
from typing import Any

import attrs

from .errors import IllegalTransition
from .products import HourlyTier, Product

PROCESSING = "processing"
NO_DRIVERS_AVAILABLE = "no_drivers_available"
ACCEPTED = "accepted"
ARRIVING = "arriving"
IN_PROGRESS = "in_progress"
DRIVER_CANCELED = "driver_canceled"
RIDER_CANCELED = "rider_canceled"
COMPLETED = "completed"
SCHEDULED = "scheduled"
FAILED = "failed"
OFFERED = "offered"
EXPIRED = "expired"
DRIVER_REDISPATCHED = "driver_redispatched"

TERMINAL = frozenset(
    {NO_DRIVERS_AVAILABLE, DRIVER_CANCELED, RIDER_CANCELED, COMPLETED, FAILED, EXPIRED}
)
WAITING_FOR_DRIVER = frozenset({PROCESSING, DRIVER_REDISPATCHED})
DRIVER_EN_ROUTE = frozenset({ACCEPTED, ARRIVING})
ONGOING = frozenset({ACCEPTED, ARRIVING, IN_PROGRESS})

# The statuses a coordinator may cancel from (DELETE /v1/guests/trips/{request_id}).
CANCELABLE = frozenset({PROCESSING, DRIVER_REDISPATCHED, ACCEPTED, ARRIVING, SCHEDULED, OFFERED})

TRANSITIONS: dict[str, frozenset[str]] = {
    SCHEDULED: frozenset({PROCESSING, ACCEPTED, RIDER_CANCELED}),
    OFFERED: frozenset({PROCESSING, EXPIRED, RIDER_CANCELED}),
    PROCESSING: frozenset({ACCEPTED, NO_DRIVERS_AVAILABLE, RIDER_CANCELED}),
    DRIVER_REDISPATCHED: frozenset({ACCEPTED, NO_DRIVERS_AVAILABLE, RIDER_CANCELED}),
    ACCEPTED: frozenset({ARRIVING, DRIVER_REDISPATCHED, RIDER_CANCELED}),
    ARRIVING: frozenset({IN_PROGRESS, DRIVER_CANCELED, RIDER_CANCELED}),
    IN_PROGRESS: frozenset({COMPLETED}),
}


class RideType(enum.Enum):
    ON_DEMAND = "on_demand"
    SCHEDULED = "scheduled"
    RESERVE = "reserve"
    HOURLY = "hourly"
    FLEXIBLE = "flexible"


@attrs.define
class Place:
    latitude: float
    longitude: float
    address: str | None = None
    place: dict[str, Any] | None = None
    timezone: str = "UTC"

    @property
    def title(self) -> str | None:
        if not self.address:
            return None
        return self.address.split(",", 1)[0].strip() or None

    @property
    def subtitle(self) -> str | None:
        if not self.address or "," not in self.address:
            return None
        return self.address.split(",", 1)[1].strip() or None


@attrs.define
class Guest:
    guest_id: str
    first_name: str | None
    last_name: str | None
    phone_number: str
    email: str | None
    locale: str


COLOURS_FR = {
    "white": "blanc",
    "black": "noir",
    "silver": "argent",
    "grey": "gris",
    "blue": "bleu",
    "red": "rouge",
}

_DRIVER_NAMES = ("Joe", "Maria", "Ahmed", "Li", "Sofia", "Kwame")
_VEHICLES = (
    ("Oldsmobile", "Intrigue", "white"),
    ("Toyota", "Prius", "silver"),
    ("Honda", "Accord", "black"),
    ("Ford", "Fusion", "blue"),
    ("Hyundai", "Sonata", "grey"),
    ("Kia", "Optima", "red"),
)


@attrs.frozen
class Driver:
    """A sandbox driver as shown on a trip."""

    key: str  # the run's driver id, or a generated one in auto-drive mode
    driver_uuid: str
    name: str
    phone_number: str
    sms_number: str
    rating: float
    picture_url: str
    pin_phone_number: str
    pin: str
    make: str
    model: str
    license_plate: str
    colour: str
    vehicle_picture_url: str

    @classmethod
    def for_key(cls, key: str) -> Driver:
        digest = hashlib.sha256(key.encode()).digest()
        number = int.from_bytes(digest[:4], "big")
        make, model, colour = _VEHICLES[digest[4] % len(_VEHICLES)]
        plate = "".join(chr(ord("A") + b % 26) for b in digest[5:8]) + f"{number % 10000:04d}"
        return cls(
            key=key,
            driver_uuid=str(uuid.uuid5(uuid.NAMESPACE_URL, "driver:" + key)),
            name=_DRIVER_NAMES[digest[8] % len(_DRIVER_NAMES)],
            phone_number=f"+1123456{number % 10000:04d}",
            sms_number=f"+1123456{number % 10000:04d}",
            rating=round(4.5 + (digest[9] % 6) / 10, 1),
            picture_url=f"https://d1w2poirtb3as9.cloudfront.net/driver-{digest[10]:02x}.jpeg",
            pin_phone_number="+11234567890",
            pin=f"{number % 100000000:08d}",
            make=make,
            model=model,
            license_plate=plate,
            colour=colour,
            vehicle_picture_url=f"https://d1w2poirtb3as9.cloudfront.net/car-{digest[11]:02x}.jpeg",
        )

    def colour_in(self, language: str) -> str:
        if language == "fr":
            return COLOURS_FR.get(self.colour, self.colour)
        return self.colour


@attrs.define
class Trip:
    request_id: str
    app_id: str
    organization_id: str | None
    run_id: str | None
    ride_type: RideType
    product: Product
    guest: Guest
    pickup: Place
    dropoff: Place
    request_time: int
    status: str
    status_since: int
    surge_multiplier: float = 1.0
    pickup_time: int | None = None
    pickup_day: str | None = None
    hourly_tier: HourlyTier | None = None
    requester_name: str | None = None
    requester_uuid: str | None = None
    policy_uuid: str | None = None
    note_for_driver: str | None = None
    expense_memo: str | None = None
    sender_display_name: str | None = None
    call_enabled: bool = True
    contacts_to_notify: list[dict[str, Any]] = attrs.Factory(list)
    linked_request_id: str | None = None
    driver: Driver | None = None
    offered_to: str | None = None  # the run driver id holding the current offer
    begin_trip_time: int | None = None
    dropoff_time: int | None = None
    history: list[tuple[str, int]] = attrs.Factory(list)
    # The upfront fare's value when booked with an estimate's fare_id (dropped when an
    # update changes the destination).
    upfront_fare: float | None = None
    # Who cancelled a rider_canceled trip, and what the cancellation cost.
    status_detail: str | None = None
    cancellation_fee: float | None = None
    # Where the trip was first asked to pick up (updates may move it a little).
    original_pickup: Place | None = None
    # The order of creation within the tenant (the list's tie-break after request_time).
    sequence: int = 0

    def __attrs_post_init__(self) -> None:
        if not self.history:
            self.history.append((self.status, self.status_since))

    @property
    def is_terminal(self) -> bool:
        return self.status in TERMINAL

    @property
    def is_reserve(self) -> bool:
        return self.ride_type in (RideType.RESERVE, RideType.HOURLY)

    def can_move(self, to: str) -> bool:
        return to in TRANSITIONS.get(self.status, frozenset())

    def move(self, to: str, at_ms: int) -> None:
        """Change status, enforcing the life cycle; ``at_ms`` is when it happened."""
        if not self.can_move(to):
            raise IllegalTransition(self.status, to)
        if to == IN_PROGRESS:
            self.begin_trip_time = at_ms
        elif to == COMPLETED:
            self.dropoff_time = at_ms
        if to in (DRIVER_REDISPATCHED, DRIVER_CANCELED, NO_DRIVERS_AVAILABLE, EXPIRED):
            self.driver = None
        if to not in WAITING_FOR_DRIVER:
            self.offered_to = None
        self.status = to
        self.status_since = at_ms
        self.history.append((to, at_ms))

    def statuses(self) -> list[str]:
        return [status for status, _ in self.history]

    def accepted_at(self) -> int | None:
        """When the current driver accepted (the last move to ``accepted``), if any."""
        if self.driver is None:
            return None
        for status, at in reversed(self.history):
            if status == ACCEPTED:
                return at
        return None
