from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hourly_overage_rates import HourlyOverageRates
    from ..models.hourly_tier import HourlyTier


T = TypeVar("T", bound="HourlyFare")


@_attrs_define
class HourlyFare:
    """The packages of an hourly product.

    Attributes:
        tiers (list[HourlyTier] | Unset): The packages on offer; send one as `hourly.tier` to create the trip.
        overage_rates (HourlyOverageRates | Unset): What an hourly ride costs beyond its tier's time and distance.
    """

    tiers: list[HourlyTier] | Unset = UNSET
    overage_rates: HourlyOverageRates | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tiers, Unset):
            tiers = []
            for tiers_item_data in self.tiers:
                tiers_item = tiers_item_data.to_dict()
                tiers.append(tiers_item)

        overage_rates: dict[str, Any] | Unset = UNSET
        if not isinstance(self.overage_rates, Unset):
            overage_rates = self.overage_rates.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tiers is not UNSET:
            field_dict["tiers"] = tiers
        if overage_rates is not UNSET:
            field_dict["overage_rates"] = overage_rates

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hourly_overage_rates import HourlyOverageRates  # noqa: PLC0415
        from ..models.hourly_tier import HourlyTier  # noqa: PLC0415

        d = dict(src_dict)
        _tiers = d.pop("tiers", UNSET)
        tiers: list[HourlyTier] | Unset = UNSET
        if _tiers is not UNSET:
            tiers = []
            for tiers_item_data in _tiers:
                tiers_item = HourlyTier.from_dict(tiers_item_data)

                tiers.append(tiers_item)

        _overage_rates = d.pop("overage_rates", UNSET)
        overage_rates: HourlyOverageRates | Unset
        if isinstance(_overage_rates, Unset):
            overage_rates = UNSET
        else:
            overage_rates = HourlyOverageRates.from_dict(_overage_rates)

        hourly_fare = cls(
            tiers=tiers,
            overage_rates=overage_rates,
        )

        hourly_fare.additional_properties = d
        return hourly_fare

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
