from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SchedulingInput")


@_attrs_define
class SchedulingInput:
    """When the ride is scheduled. Without it (and without `deferred_ride_options`), the ride is requested at once.

    Attributes:
        pickup_time (int | Unset): A point in time, in milliseconds since the Unix epoch, up to the end of year 9999
            (the last instant calendar dates represent).
        dropoff_time (int | Unset): A point in time, in milliseconds since the Unix epoch, up to the end of year 9999
            (the last instant calendar dates represent).
    """

    pickup_time: int | Unset = UNSET
    dropoff_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pickup_time = self.pickup_time

        dropoff_time = self.dropoff_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pickup_time is not UNSET:
            field_dict["pickup_time"] = pickup_time
        if dropoff_time is not UNSET:
            field_dict["dropoff_time"] = dropoff_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pickup_time = d.pop("pickup_time", UNSET)

        dropoff_time = d.pop("dropoff_time", UNSET)

        scheduling_input = cls(
            pickup_time=pickup_time,
            dropoff_time=dropoff_time,
        )

        scheduling_input.additional_properties = d
        return scheduling_input

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
