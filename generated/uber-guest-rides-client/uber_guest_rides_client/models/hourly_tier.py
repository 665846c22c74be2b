from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.distance_unit import DistanceUnit
from ..types import UNSET, Unset

T = TypeVar("T", bound="HourlyTier")


@_attrs_define
class HourlyTier:
    """An hourly package. Time and distance must match a tier returned by the estimates API.

    Attributes:
        time_in_mins (int): Time booked, in minutes.
        distance (int): Distance booked, in `distance_unit`.
        distance_unit (DistanceUnit): Unit of an hourly tier's distance.
        amount (float | Unset): The tier's price.
        formatted_time_and_distance_package (str | Unset): The tier in words.
    """

    time_in_mins: int
    distance: int
    distance_unit: DistanceUnit
    amount: float | Unset = UNSET
    formatted_time_and_distance_package: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        time_in_mins = self.time_in_mins

        distance = self.distance

        distance_unit = self.distance_unit.value

        amount = self.amount

        formatted_time_and_distance_package = self.formatted_time_and_distance_package

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "time_in_mins": time_in_mins,
                "distance": distance,
                "distance_unit": distance_unit,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if formatted_time_and_distance_package is not UNSET:
            field_dict["formatted_time_and_distance_package"] = formatted_time_and_distance_package

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        time_in_mins = d.pop("time_in_mins")

        distance = d.pop("distance")

        distance_unit = DistanceUnit(d.pop("distance_unit"))

        amount = d.pop("amount", UNSET)

        formatted_time_and_distance_package = d.pop("formatted_time_and_distance_package", UNSET)

        hourly_tier = cls(
            time_in_mins=time_in_mins,
            distance=distance,
            distance_unit=distance_unit,
            amount=amount,
            formatted_time_and_distance_package=formatted_time_and_distance_package,
        )

        hourly_tier.additional_properties = d
        return hourly_tier

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
