from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RideRequestRider")


@_attrs_define
class RideRequestRider:
    """A co-rider of a shared ride.

    Attributes:
        rider_id (None | str | Unset): The hashed rider id; null when that rider has not authorized this application.
        first_name (str | Unset): The rider's first name.
        me (bool | Unset): Whether this rider is the authenticated user.
    """

    rider_id: None | str | Unset = UNSET
    first_name: str | Unset = UNSET
    me: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rider_id: None | str | Unset
        if isinstance(self.rider_id, Unset):
            rider_id = UNSET
        else:
            rider_id = self.rider_id

        first_name = self.first_name

        me = self.me

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if rider_id is not UNSET:
            field_dict["rider_id"] = rider_id
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if me is not UNSET:
            field_dict["me"] = me

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_rider_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rider_id = _parse_rider_id(d.pop("rider_id", UNSET))

        first_name = d.pop("first_name", UNSET)

        me = d.pop("me", UNSET)

        ride_request_rider = cls(
            rider_id=rider_id,
            first_name=first_name,
            me=me,
        )

        ride_request_rider.additional_properties = d
        return ride_request_rider

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
