from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReserveInfo")


@_attrs_define
class ReserveInfo:
    """Uber Reserve terms of the product. Only on Reserve and hourly products.

    Attributes:
        enabled (bool | Unset): Whether the product can be reserved for the requested pickup time.
        scheduled_threshold_minutes (int | Unset): How many minutes ahead of the pickup, at least, a Reserve ride must
            be booked.
        free_cancellation_threshold_minutes (int | Unset): Cancelling is free until this many minutes before the pickup
            time; later, `cancellation.min_cancellation_fee` is charged.
        add_ons (list[Any] | Unset): Add-ons offered with the reservation. Uber's examples show only empty lists, so
            their shape is not known.
        valid_until_timestamp (int | Unset): A point in time, in milliseconds since the Unix epoch, up to the end of
            year 9999 (the last instant calendar dates represent).
        wait_time_threshold_seconds (int | Unset): How long, in seconds, the driver waits at the pickup.
    """

    enabled: bool | Unset = UNSET
    scheduled_threshold_minutes: int | Unset = UNSET
    free_cancellation_threshold_minutes: int | Unset = UNSET
    add_ons: list[Any] | Unset = UNSET
    valid_until_timestamp: int | Unset = UNSET
    wait_time_threshold_seconds: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        scheduled_threshold_minutes = self.scheduled_threshold_minutes

        free_cancellation_threshold_minutes = self.free_cancellation_threshold_minutes

        add_ons: list[Any] | Unset = UNSET
        if not isinstance(self.add_ons, Unset):
            add_ons = self.add_ons

        valid_until_timestamp = self.valid_until_timestamp

        wait_time_threshold_seconds = self.wait_time_threshold_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if scheduled_threshold_minutes is not UNSET:
            field_dict["scheduled_threshold_minutes"] = scheduled_threshold_minutes
        if free_cancellation_threshold_minutes is not UNSET:
            field_dict["free_cancellation_threshold_minutes"] = free_cancellation_threshold_minutes
        if add_ons is not UNSET:
            field_dict["add_ons"] = add_ons
        if valid_until_timestamp is not UNSET:
            field_dict["valid_until_timestamp"] = valid_until_timestamp
        if wait_time_threshold_seconds is not UNSET:
            field_dict["wait_time_threshold_seconds"] = wait_time_threshold_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        scheduled_threshold_minutes = d.pop("scheduled_threshold_minutes", UNSET)

        free_cancellation_threshold_minutes = d.pop("free_cancellation_threshold_minutes", UNSET)

        add_ons = cast(list[Any], d.pop("add_ons", UNSET))

        valid_until_timestamp = d.pop("valid_until_timestamp", UNSET)

        wait_time_threshold_seconds = d.pop("wait_time_threshold_seconds", UNSET)

        reserve_info = cls(
            enabled=enabled,
            scheduled_threshold_minutes=scheduled_threshold_minutes,
            free_cancellation_threshold_minutes=free_cancellation_threshold_minutes,
            add_ons=add_ons,
            valid_until_timestamp=valid_until_timestamp,
            wait_time_threshold_seconds=wait_time_threshold_seconds,
        )

        reserve_info.additional_properties = d
        return reserve_info

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
