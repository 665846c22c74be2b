from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EstimateRange")


@_attrs_define
class EstimateRange:
    """A price range, given instead of an upfront fare.

    Attributes:
        display (str | Unset): The range, formatted.
        low_estimate (float | Unset): The low end of the range.
        high_estimate (float | Unset): The high end of the range.
        currency_code (str | Unset): The currency of the range (ISO 4217).
    """

    display: str | Unset = UNSET
    low_estimate: float | Unset = UNSET
    high_estimate: float | Unset = UNSET
    currency_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display = self.display

        low_estimate = self.low_estimate

        high_estimate = self.high_estimate

        currency_code = self.currency_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if display is not UNSET:
            field_dict["display"] = display
        if low_estimate is not UNSET:
            field_dict["low_estimate"] = low_estimate
        if high_estimate is not UNSET:
            field_dict["high_estimate"] = high_estimate
        if currency_code is not UNSET:
            field_dict["currency_code"] = currency_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display = d.pop("display", UNSET)

        low_estimate = d.pop("low_estimate", UNSET)

        high_estimate = d.pop("high_estimate", UNSET)

        currency_code = d.pop("currency_code", UNSET)

        estimate_range = cls(
            display=display,
            low_estimate=low_estimate,
            high_estimate=high_estimate,
            currency_code=currency_code,
        )

        estimate_range.additional_properties = d
        return estimate_range

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
