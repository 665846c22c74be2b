from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SandboxRunPreferences")


@_attrs_define
class SandboxRunPreferences:
    """Options of the run.

    Attributes:
        auto_accept_trip (bool | Unset): The driver accepts on-demand trips by itself, so `ACCEPT` is not needed.
            Default: False.
    """

    auto_accept_trip: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto_accept_trip = self.auto_accept_trip

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if auto_accept_trip is not UNSET:
            field_dict["auto_accept_trip"] = auto_accept_trip

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auto_accept_trip = d.pop("auto_accept_trip", UNSET)

        sandbox_run_preferences = cls(
            auto_accept_trip=auto_accept_trip,
        )

        sandbox_run_preferences.additional_properties = d
        return sandbox_run_preferences

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
