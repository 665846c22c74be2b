from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PickupPlace")


@_attrs_define
class PickupPlace:
    """The pickup's place. For a specialized pickup, an access point of the Zones API.

    Attributes:
        place_id (str | Unset): The place's id in the provider's namespace; for a specialized pickup, the id of an
            access point (see the Zones API). At most 1,024 characters. The pages give no limit; this document sets one (see
            DISCREPANCIES.md).
        provider (str | Unset): The location-data provider, for example `google_places`; `uber_geofences` for a
            specialized pickup. At most 64 characters. The pages give no limit; this document sets one (see
            DISCREPANCIES.md).
        zone_id (str | Unset): Deprecated. For a specialized pickup, the id of the access point's immediate parent
            pickup zone (see the Zones API). At most 1,024 characters. The pages give no limit; this document sets one (see
            DISCREPANCIES.md).
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

        pickup_place = cls(
            place_id=place_id,
            provider=provider,
            zone_id=zone_id,
        )

        pickup_place.additional_properties = d
        return pickup_place

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
