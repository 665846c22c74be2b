from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TripDriverPosition")


@_attrs_define
class TripDriverPosition:
    """The driver's position and heading.

    Attributes:
        bearing (float): The driver's heading, in radians. The field table types it (and the coordinates) as a string;
            the page's example gives numbers, and so does this document (openapi/DISCREPANCIES.md).
        latitude (float):
        longitude (float):
    """

    bearing: float
    latitude: float
    longitude: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bearing = self.bearing

        latitude = self.latitude

        longitude = self.longitude

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bearing": bearing,
                "latitude": latitude,
                "longitude": longitude,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bearing = d.pop("bearing")

        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        trip_driver_position = cls(
            bearing=bearing,
            latitude=latitude,
            longitude=longitude,
        )

        trip_driver_position.additional_properties = d
        return trip_driver_position

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
