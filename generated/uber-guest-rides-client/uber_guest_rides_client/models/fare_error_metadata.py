from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FareErrorMetadata")


@_attrs_define
class FareErrorMetadata:
    """The new fare to accept.

    Attributes:
        fare_id (UUID): A new fare id; send it as `fare_id` to create the trip at this fare. It expires if too much time
            passes.
        fare_display (None | str | Unset): The fare estimate's range; null when estimates are not available.
        multiplier (float | Unset): The surge multiplier; 1.0 means no surge.
        expires_at (int | None | Unset): When the fare expires, in epoch *seconds*. The table says it is non-null only
            when the multiplier is above 1, yet the page's `fare_expired` example carries one with multiplier 1 (see
            DISCREPANCIES.md); null when there is no expiry.
    """

    fare_id: UUID
    fare_display: None | str | Unset = UNSET
    multiplier: float | Unset = UNSET
    expires_at: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fare_id = str(self.fare_id)

        fare_display: None | str | Unset
        if isinstance(self.fare_display, Unset):
            fare_display = UNSET
        else:
            fare_display = self.fare_display

        multiplier = self.multiplier

        expires_at: int | None | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fare_id": fare_id,
            }
        )
        if fare_display is not UNSET:
            field_dict["fare_display"] = fare_display
        if multiplier is not UNSET:
            field_dict["multiplier"] = multiplier
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fare_id = UUID(d.pop("fare_id"))

        def _parse_fare_display(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fare_display = _parse_fare_display(d.pop("fare_display", UNSET))

        multiplier = d.pop("multiplier", UNSET)

        def _parse_expires_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        fare_error_metadata = cls(
            fare_id=fare_id,
            fare_display=fare_display,
            multiplier=multiplier,
            expires_at=expires_at,
        )

        fare_error_metadata.additional_properties = d
        return fare_error_metadata

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
