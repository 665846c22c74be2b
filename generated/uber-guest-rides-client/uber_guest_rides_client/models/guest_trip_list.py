from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guest_trip import GuestTrip


T = TypeVar("T", bound="GuestTripList")


@_attrs_define
class GuestTripList:
    """A page of trips, newest first.

    Attributes:
        trips (list[GuestTrip]): The trips of the page.
        next_key (None | str | Unset): The key of the next page; send it as `start_key`. Absent on the last page.
    """

    trips: list[GuestTrip]
    next_key: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        trips = []
        for trips_item_data in self.trips:
            trips_item = trips_item_data.to_dict()
            trips.append(trips_item)

        next_key: None | str | Unset
        if isinstance(self.next_key, Unset):
            next_key = UNSET
        else:
            next_key = self.next_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "trips": trips,
            }
        )
        if next_key is not UNSET:
            field_dict["next_key"] = next_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.guest_trip import GuestTrip  # noqa: PLC0415

        d = dict(src_dict)
        trips = []
        _trips = d.pop("trips")
        for trips_item_data in _trips:
            trips_item = GuestTrip.from_dict(trips_item_data)

            trips.append(trips_item)

        def _parse_next_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_key = _parse_next_key(d.pop("next_key", UNSET))

        guest_trip_list = cls(
            trips=trips,
            next_key=next_key,
        )

        guest_trip_list.additional_properties = d
        return guest_trip_list

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
