from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TripScheduling")


@_attrs_define
class TripScheduling:
    """When a scheduled trip is scheduled. Only on scheduled trips.

    Attributes:
        pickup_time (int | Unset): A point in time, in milliseconds since the Unix epoch, up to the end of year 9999
            (the last instant calendar dates represent).
    """

    pickup_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pickup_time = self.pickup_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pickup_time is not UNSET:
            field_dict["pickup_time"] = pickup_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pickup_time = d.pop("pickup_time", UNSET)

        trip_scheduling = cls(
            pickup_time=pickup_time,
        )

        trip_scheduling.additional_properties = d
        return trip_scheduling

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
