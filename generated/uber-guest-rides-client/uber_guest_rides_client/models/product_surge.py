from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProductSurge")


@_attrs_define
class ProductSurge:
    """A product's surge setting.

    Attributes:
        product_id (UUID): The product.
        multiplier (float): The surge multiplier; 1 means no surge.
        fare_ttl_seconds (int): How long a quoted fare stays valid, in seconds.
    """

    product_id: UUID
    multiplier: float
    fare_ttl_seconds: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        product_id = str(self.product_id)

        multiplier = self.multiplier

        fare_ttl_seconds = self.fare_ttl_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "product_id": product_id,
                "multiplier": multiplier,
                "fare_ttl_seconds": fare_ttl_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        product_id = UUID(d.pop("product_id"))

        multiplier = d.pop("multiplier")

        fare_ttl_seconds = d.pop("fare_ttl_seconds")

        product_surge = cls(
            product_id=product_id,
            multiplier=multiplier,
            fare_ttl_seconds=fare_ttl_seconds,
        )

        product_surge.additional_properties = d
        return product_surge

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
