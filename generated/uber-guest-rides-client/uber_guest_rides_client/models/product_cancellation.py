from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProductCancellation")


@_attrs_define
class ProductCancellation:
    """The product's cancellation terms; see the cancel operation for how they apply.

    Attributes:
        min_cancellation_fee (float | Unset): The fee charged for a late cancellation, in the product's currency.
        cancellation_grace_period_threshold_sec (int | Unset): How many seconds after the driver accepted a ride can be
            canceled for free.
    """

    min_cancellation_fee: float | Unset = UNSET
    cancellation_grace_period_threshold_sec: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        min_cancellation_fee = self.min_cancellation_fee

        cancellation_grace_period_threshold_sec = self.cancellation_grace_period_threshold_sec

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if min_cancellation_fee is not UNSET:
            field_dict["min_cancellation_fee"] = min_cancellation_fee
        if cancellation_grace_period_threshold_sec is not UNSET:
            field_dict["cancellation_grace_period_threshold_sec"] = cancellation_grace_period_threshold_sec

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        min_cancellation_fee = d.pop("min_cancellation_fee", UNSET)

        cancellation_grace_period_threshold_sec = d.pop("cancellation_grace_period_threshold_sec", UNSET)

        product_cancellation = cls(
            min_cancellation_fee=min_cancellation_fee,
            cancellation_grace_period_threshold_sec=cancellation_grace_period_threshold_sec,
        )

        product_cancellation.additional_properties = d
        return product_cancellation

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
