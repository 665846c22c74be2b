from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.place import Place


T = TypeVar("T", bound="LegacyEndLocation")


@_attrs_define
class LegacyEndLocation:
    """Deprecated; use `dropoff`. The destination.

    Attributes:
        latitude (float | Unset):
        longitude (float | Unset):
        address (str | Unset): The destination's address, at most 1,024 characters. The pages give no limit; this
            document sets one (see DISCREPANCIES.md).
        place (Place | Unset): A place in a location provider's namespace.
    """

    latitude: float | Unset = UNSET
    longitude: float | Unset = UNSET
    address: str | Unset = UNSET
    place: Place | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        latitude = self.latitude

        longitude = self.longitude

        address = self.address

        place: dict[str, Any] | Unset = UNSET
        if not isinstance(self.place, Unset):
            place = self.place.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if address is not UNSET:
            field_dict["address"] = address
        if place is not UNSET:
            field_dict["place"] = place

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.place import Place  # noqa: PLC0415

        d = dict(src_dict)
        latitude = d.pop("latitude", UNSET)

        longitude = d.pop("longitude", UNSET)

        address = d.pop("address", UNSET)

        _place = d.pop("place", UNSET)
        place: Place | Unset
        if isinstance(_place, Unset):
            place = UNSET
        else:
            place = Place.from_dict(_place)

        legacy_end_location = cls(
            latitude=latitude,
            longitude=longitude,
            address=address,
            place=place,
        )

        legacy_end_location.additional_properties = d
        return legacy_end_location

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
