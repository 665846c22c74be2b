from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SnappedPlace")


@_attrs_define
class SnappedPlace:
    """The place of a snapped pickup.

    Attributes:
        place_id (str | Unset): The place's id.
        provider (str | Unset): The provider of the place, for example `uber_places`.
        zone_id (str | Unset): The zone's id, where there is one.
    """

    place_id: str | Unset = UNSET
    provider: str | Unset = UNSET
    zone_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        place_id = self.place_id

        provider = self.provider

        zone_id = self.zone_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if place_id is not UNSET:
            field_dict["place_id"] = place_id
        if provider is not UNSET:
            field_dict["provider"] = provider
        if zone_id is not UNSET:
            field_dict["zone_id"] = zone_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        place_id = d.pop("place_id", UNSET)

        provider = d.pop("provider", UNSET)

        zone_id = d.pop("zone_id", UNSET)

        snapped_place = cls(
            place_id=place_id,
            provider=provider,
            zone_id=zone_id,
        )

        snapped_place.additional_properties = d
        return snapped_place

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
