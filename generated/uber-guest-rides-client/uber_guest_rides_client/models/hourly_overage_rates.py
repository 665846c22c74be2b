from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.distance_unit import DistanceUnit
from ..types import UNSET, Unset

T = TypeVar("T", bound="HourlyOverageRates")


@_attrs_define
class HourlyOverageRates:
    """What an hourly ride costs beyond its tier's time and distance.

    Attributes:
        overage_rate_per_temporal_unit (float | Unset): The price of each extra `temporal_unit`.
        overage_rate_per_distance_unit (float | Unset): The price of each extra `distance_unit`.
        temporal_unit (str | Unset): The unit of extra time; Uber's example shows `TEMPORAL_UNIT_MINUTE`.
        distance_unit (DistanceUnit | Unset): Unit of an hourly tier's distance.
        pricing_explainer (str | Unset): The overage rates in words.
    """

    overage_rate_per_temporal_unit: float | Unset = UNSET
    overage_rate_per_distance_unit: float | Unset = UNSET
    temporal_unit: str | Unset = UNSET
    distance_unit: DistanceUnit | Unset = UNSET
    pricing_explainer: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        overage_rate_per_temporal_unit = self.overage_rate_per_temporal_unit

        overage_rate_per_distance_unit = self.overage_rate_per_distance_unit

        temporal_unit = self.temporal_unit

        distance_unit: str | Unset = UNSET
        if not isinstance(self.distance_unit, Unset):
            distance_unit = self.distance_unit.value

        pricing_explainer = self.pricing_explainer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if overage_rate_per_temporal_unit is not UNSET:
            field_dict["overage_rate_per_temporal_unit"] = overage_rate_per_temporal_unit
        if overage_rate_per_distance_unit is not UNSET:
            field_dict["overage_rate_per_distance_unit"] = overage_rate_per_distance_unit
        if temporal_unit is not UNSET:
            field_dict["temporal_unit"] = temporal_unit
        if distance_unit is not UNSET:
            field_dict["distance_unit"] = distance_unit
        if pricing_explainer is not UNSET:
            field_dict["pricing_explainer"] = pricing_explainer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        overage_rate_per_temporal_unit = d.pop("overage_rate_per_temporal_unit", UNSET)

        overage_rate_per_distance_unit = d.pop("overage_rate_per_distance_unit", UNSET)

        temporal_unit = d.pop("temporal_unit", UNSET)

        _distance_unit = d.pop("distance_unit", UNSET)
        distance_unit: DistanceUnit | Unset
        if isinstance(_distance_unit, Unset):
            distance_unit = UNSET
        else:
            distance_unit = DistanceUnit(_distance_unit)

        pricing_explainer = d.pop("pricing_explainer", UNSET)

        hourly_overage_rates = cls(
            overage_rate_per_temporal_unit=overage_rate_per_temporal_unit,
            overage_rate_per_distance_unit=overage_rate_per_distance_unit,
            temporal_unit=temporal_unit,
            distance_unit=distance_unit,
            pricing_explainer=pricing_explainer,
        )

        hourly_overage_rates.additional_properties = d
        return hourly_overage_rates

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
