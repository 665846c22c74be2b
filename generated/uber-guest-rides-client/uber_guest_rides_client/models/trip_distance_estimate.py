from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trip_distance_estimate_distance_unit import TripDistanceEstimateDistanceUnit
from ..types import UNSET, Unset

T = TypeVar("T", bound="TripDistanceEstimate")


@_attrs_define
class TripDistanceEstimate:
    """The estimated route.

    Attributes:
        distance_unit (TripDistanceEstimateDistanceUnit | Unset): The unit of the distances, in lower case here unlike
            the hourly tiers' `MILE`/`KM`, each as in Uber's examples (see DISCREPANCIES.md).
        distance_estimate (float | Unset): The estimated distance of the trip.
        duration_estimate (int | Unset): The estimated duration of the trip, in seconds.
        travel_distance_estimate (float | Unset): The estimated distance travelled.
    """

    distance_unit: TripDistanceEstimateDistanceUnit | Unset = UNSET
    distance_estimate: float | Unset = UNSET
    duration_estimate: int | Unset = UNSET
    travel_distance_estimate: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        distance_unit: str | Unset = UNSET
        if not isinstance(self.distance_unit, Unset):
            distance_unit = self.distance_unit.value

        distance_estimate = self.distance_estimate

        duration_estimate = self.duration_estimate

        travel_distance_estimate = self.travel_distance_estimate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if distance_unit is not UNSET:
            field_dict["distance_unit"] = distance_unit
        if distance_estimate is not UNSET:
            field_dict["distance_estimate"] = distance_estimate
        if duration_estimate is not UNSET:
            field_dict["duration_estimate"] = duration_estimate
        if travel_distance_estimate is not UNSET:
            field_dict["travel_distance_estimate"] = travel_distance_estimate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _distance_unit = d.pop("distance_unit", UNSET)
        distance_unit: TripDistanceEstimateDistanceUnit | Unset
        if isinstance(_distance_unit, Unset):
            distance_unit = UNSET
        else:
            distance_unit = TripDistanceEstimateDistanceUnit(_distance_unit)

        distance_estimate = d.pop("distance_estimate", UNSET)

        duration_estimate = d.pop("duration_estimate", UNSET)

        travel_distance_estimate = d.pop("travel_distance_estimate", UNSET)

        trip_distance_estimate = cls(
            distance_unit=distance_unit,
            distance_estimate=distance_estimate,
            duration_estimate=duration_estimate,
            travel_distance_estimate=travel_distance_estimate,
        )

        trip_distance_estimate.additional_properties = d
        return trip_distance_estimate

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
