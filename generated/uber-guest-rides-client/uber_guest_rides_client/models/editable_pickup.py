from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EditablePickup")


@_attrs_define
class EditablePickup:
    """Whether the pickup can be edited in the trip's current status, and how far.

    Attributes:
        editable (bool): Whether the pickup can be edited now.
        max_radius_meters (int | Unset): How far from the original pickup, in metres, a new pickup may be. The page's
            table types it bool while its example gives 200; this document follows the example (see DISCREPANCIES.md).
    """

    editable: bool
    max_radius_meters: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        editable = self.editable

        max_radius_meters = self.max_radius_meters

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "editable": editable,
            }
        )
        if max_radius_meters is not UNSET:
            field_dict["max_radius_meters"] = max_radius_meters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        editable = d.pop("editable")

        max_radius_meters = d.pop("max_radius_meters", UNSET)

        editable_pickup = cls(
            editable=editable,
            max_radius_meters=max_radius_meters,
        )

        editable_pickup.additional_properties = d
        return editable_pickup

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
