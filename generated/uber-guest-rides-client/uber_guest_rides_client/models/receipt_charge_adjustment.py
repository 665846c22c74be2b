from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReceiptChargeAdjustment")


@_attrs_define
class ReceiptChargeAdjustment:
    """A fee, credit or refund applied after the charges.

    Attributes:
        name (str | Unset): The adjustment's name.
        amount (float | Unset): The adjustment's amount; negative for credits and refunds.
        type_ (str | Unset): The adjustment's kind, e.g. `transport.fare.booking_fee`.
    """

    name: str | Unset = UNSET
    amount: float | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        amount = self.amount

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if amount is not UNSET:
            field_dict["amount"] = amount
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        amount = d.pop("amount", UNSET)

        type_ = d.pop("type", UNSET)

        receipt_charge_adjustment = cls(
            name=name,
            amount=amount,
            type_=type_,
        )

        receipt_charge_adjustment.additional_properties = d
        return receipt_charge_adjustment

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
