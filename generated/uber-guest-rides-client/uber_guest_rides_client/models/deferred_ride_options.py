from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeferredRideOptions")


@_attrs_define
class DeferredRideOptions:
    """Makes the ride a flexible ride, redeemed by the rider on the given day.

    Attributes:
        pickup_day (datetime.date): The day (YYYY-MM-DD) on which the rider can request the ride, after answering a
            text. Mobile numbers only.
    """

    pickup_day: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pickup_day = self.pickup_day.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pickup_day": pickup_day,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pickup_day = datetime.date.fromisoformat(d.pop("pickup_day"))

        deferred_ride_options = cls(
            pickup_day=pickup_day,
        )

        deferred_ride_options.additional_properties = d
        return deferred_ride_options

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
