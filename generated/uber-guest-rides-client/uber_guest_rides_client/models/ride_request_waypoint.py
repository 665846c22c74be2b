from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RideRequestWaypoint")


@_attrs_define
class RideRequestWaypoint:
    """A waypoint of a shared ride.

    Attributes:
        rider_id (None | str | Unset): The hashed rider id; null when that rider has not authorized this application.
        latitude (float | Unset):
        longitude (float | Unset):
        type_ (str | Unset): The waypoint's kind, e.g. `pickup` or `dropoff`.
    """

    rider_id: None | str | Unset = UNSET
    latitude: float | Unset = UNSET
    longitude: float | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rider_id: None | str | Unset
        if isinstance(self.rider_id, Unset):
            rider_id = UNSET
        else:
            rider_id = self.rider_id

        latitude = self.latitude

        longitude = self.longitude

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if rider_id is not UNSET:
            field_dict["rider_id"] = rider_id
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if type_ is not UNSET:
            field_dict["type"] = type_

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

        latitude = d.pop("latitude", UNSET)

        longitude = d.pop("longitude", UNSET)

        type_ = d.pop("type", UNSET)

        ride_request_waypoint = cls(
            rider_id=rider_id,
            latitude=latitude,
            longitude=longitude,
            type_=type_,
        )

        ride_request_waypoint.additional_properties = d
        return ride_request_waypoint

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
