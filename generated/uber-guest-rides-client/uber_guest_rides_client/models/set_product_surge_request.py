from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SetProductSurgeRequest")


@_attrs_define
class SetProductSurgeRequest:
    """A product's surge setting.

    Attributes:
        multiplier (float): The surge multiplier; 1 ends the surge.
        fare_ttl_seconds (int | Unset): How long a quoted fare stays valid, in seconds. Default: 120.
    """

    multiplier: float
    fare_ttl_seconds: int | Unset = 120

    def to_dict(self) -> dict[str, Any]:
        multiplier = self.multiplier

        fare_ttl_seconds = self.fare_ttl_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "multiplier": multiplier,
            }
        )
        if fare_ttl_seconds is not UNSET:
            field_dict["fare_ttl_seconds"] = fare_ttl_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        multiplier = d.pop("multiplier")

        fare_ttl_seconds = d.pop("fare_ttl_seconds", UNSET)

        set_product_surge_request = cls(
            multiplier=multiplier,
            fare_ttl_seconds=fare_ttl_seconds,
        )

        return set_product_surge_request
