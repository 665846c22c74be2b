from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.estimate_range import EstimateRange
    from ..models.trip_distance_estimate import TripDistanceEstimate
    from ..models.upfront_fare import UpfrontFare


T = TypeVar("T", bound="EstimateDetails")


@_attrs_define
class EstimateDetails:
    """The product's price and ETA for this ride.

    Attributes:
        fare_id (UUID | Unset): The upfront fare's id (the same as `fare.fare_id`); send it with create to lock the
            fare.
        fare (UpfrontFare | Unset): An upfront fare. Send its `fare_id` with create to book the ride at this price.
        estimate (EstimateRange | Unset): A price range, given instead of an upfront fare.
        pickup_estimate (int | Unset): Minutes until a driver can be at the pickup. Absent when ETAs are unavailable or
            no cars are available.
        no_cars_available (bool | Unset): Whether no driver can serve the product now.
        pricing_explanation (str | Unset): Why the price is higher, while the product is in surge.
        trip (TripDistanceEstimate | Unset): The estimated route.
    """

    fare_id: UUID | Unset = UNSET
    fare: UpfrontFare | Unset = UNSET
    estimate: EstimateRange | Unset = UNSET
    pickup_estimate: int | Unset = UNSET
    no_cars_available: bool | Unset = UNSET
    pricing_explanation: str | Unset = UNSET
    trip: TripDistanceEstimate | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fare_id: str | Unset = UNSET
        if not isinstance(self.fare_id, Unset):
            fare_id = str(self.fare_id)

        fare: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fare, Unset):
            fare = self.fare.to_dict()

        estimate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.estimate, Unset):
            estimate = self.estimate.to_dict()

        pickup_estimate = self.pickup_estimate

        no_cars_available = self.no_cars_available

        pricing_explanation = self.pricing_explanation

        trip: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trip, Unset):
            trip = self.trip.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if fare_id is not UNSET:
            field_dict["fare_id"] = fare_id
        if fare is not UNSET:
            field_dict["fare"] = fare
        if estimate is not UNSET:
            field_dict["estimate"] = estimate
        if pickup_estimate is not UNSET:
            field_dict["pickup_estimate"] = pickup_estimate
        if no_cars_available is not UNSET:
            field_dict["no_cars_available"] = no_cars_available
        if pricing_explanation is not UNSET:
            field_dict["pricing_explanation"] = pricing_explanation
        if trip is not UNSET:
            field_dict["trip"] = trip

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.estimate_range import EstimateRange  # noqa: PLC0415
        from ..models.trip_distance_estimate import TripDistanceEstimate  # noqa: PLC0415
        from ..models.upfront_fare import UpfrontFare  # noqa: PLC0415

        d = dict(src_dict)
        _fare_id = d.pop("fare_id", UNSET)
        fare_id: UUID | Unset
        if isinstance(_fare_id, Unset):
            fare_id = UNSET
        else:
            fare_id = UUID(_fare_id)

        _fare = d.pop("fare", UNSET)
        fare: UpfrontFare | Unset
        if isinstance(_fare, Unset):
            fare = UNSET
        else:
            fare = UpfrontFare.from_dict(_fare)

        _estimate = d.pop("estimate", UNSET)
        estimate: EstimateRange | Unset
        if isinstance(_estimate, Unset):
            estimate = UNSET
        else:
            estimate = EstimateRange.from_dict(_estimate)

        pickup_estimate = d.pop("pickup_estimate", UNSET)

        no_cars_available = d.pop("no_cars_available", UNSET)

        pricing_explanation = d.pop("pricing_explanation", UNSET)

        _trip = d.pop("trip", UNSET)
        trip: TripDistanceEstimate | Unset
        if isinstance(_trip, Unset):
            trip = UNSET
        else:
            trip = TripDistanceEstimate.from_dict(_trip)

        estimate_details = cls(
            fare_id=fare_id,
            fare=fare,
            estimate=estimate,
            pickup_estimate=pickup_estimate,
            no_cars_available=no_cars_available,
            pricing_explanation=pricing_explanation,
            trip=trip,
        )

        estimate_details.additional_properties = d
        return estimate_details

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
