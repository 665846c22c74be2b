from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.product_estimate import ProductEstimate


T = TypeVar("T", bound="TripEstimates")


@_attrs_define
class TripEstimates:
    """The products that can serve the ride, with their estimates.

    Attributes:
        product_estimates (list[ProductEstimate]): One entry per product; empty for an invalid pickup such as 0,0.
        etas_unavailable (bool | Unset): True when no ETAs are given (scheduled, Reserve, hourly and flexible rides; an
            invalid pickup).
        fares_unavailable (bool | Unset): True when no product has a fare or a price range.
    """

    product_estimates: list[ProductEstimate]
    etas_unavailable: bool | Unset = UNSET
    fares_unavailable: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        product_estimates = []
        for product_estimates_item_data in self.product_estimates:
            product_estimates_item = product_estimates_item_data.to_dict()
            product_estimates.append(product_estimates_item)

        etas_unavailable = self.etas_unavailable

        fares_unavailable = self.fares_unavailable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "product_estimates": product_estimates,
            }
        )
        if etas_unavailable is not UNSET:
            field_dict["etas_unavailable"] = etas_unavailable
        if fares_unavailable is not UNSET:
            field_dict["fares_unavailable"] = fares_unavailable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_estimate import ProductEstimate  # noqa: PLC0415

        d = dict(src_dict)
        product_estimates = []
        _product_estimates = d.pop("product_estimates")
        for product_estimates_item_data in _product_estimates:
            product_estimates_item = ProductEstimate.from_dict(product_estimates_item_data)

            product_estimates.append(product_estimates_item)

        etas_unavailable = d.pop("etas_unavailable", UNSET)

        fares_unavailable = d.pop("fares_unavailable", UNSET)

        trip_estimates = cls(
            product_estimates=product_estimates,
            etas_unavailable=etas_unavailable,
            fares_unavailable=fares_unavailable,
        )

        trip_estimates.additional_properties = d
        return trip_estimates

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
