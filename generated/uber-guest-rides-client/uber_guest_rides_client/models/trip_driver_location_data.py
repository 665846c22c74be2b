from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.trip_driver_position import TripDriverPosition


T = TypeVar("T", bound="TripDriverLocationData")


@_attrs_define
class TripDriverLocationData:
    """The payload of a driver location event.

    Attributes:
        location (TripDriverPosition): The driver's position and heading.
    """

    location: TripDriverPosition
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        location = self.location.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "location": location,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trip_driver_position import TripDriverPosition  # noqa: PLC0415

        d = dict(src_dict)
        location = TripDriverPosition.from_dict(d.pop("location"))

        trip_driver_location_data = cls(
            location=location,
        )

        trip_driver_location_data.additional_properties = d
        return trip_driver_location_data

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
