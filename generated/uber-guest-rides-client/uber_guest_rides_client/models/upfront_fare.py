from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fare_breakdown_item import FareBreakdownItem
    from ..models.hourly_fare import HourlyFare


T = TypeVar("T", bound="UpfrontFare")


@_attrs_define
class UpfrontFare:
    """An upfront fare. Send its `fare_id` with create to book the ride at this price.

    Attributes:
        fare_id (UUID): The fare's id; valid until `expires_at`, for this product, once.
        value (float | Unset): The price.
        currency_code (str | Unset): The currency of the price (ISO 4217).
        display (str | Unset): The price, formatted.
        expires_at (int | Unset): When the fare expires, in epoch *seconds*.
        multiplier (float | Unset): The surge multiplier the fare is priced at; above 1 while the product is in surge
            (with `pricing_explanation`). Uber's estimate pages do not list it; the name is that of the fare in create's 409
            answer. Absent means 1.
        fare_breakdown (list[FareBreakdownItem] | Unset): The parts of the fare.
        hourly (HourlyFare | Unset): The packages of an hourly product.
    """

    fare_id: UUID
    value: float | Unset = UNSET
    currency_code: str | Unset = UNSET
    display: str | Unset = UNSET
    expires_at: int | Unset = UNSET
    multiplier: float | Unset = UNSET
    fare_breakdown: list[FareBreakdownItem] | Unset = UNSET
    hourly: HourlyFare | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fare_id = str(self.fare_id)

        value = self.value

        currency_code = self.currency_code

        display = self.display

        expires_at = self.expires_at

        multiplier = self.multiplier

        fare_breakdown: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fare_breakdown, Unset):
            fare_breakdown = []
            for fare_breakdown_item_data in self.fare_breakdown:
                fare_breakdown_item = fare_breakdown_item_data.to_dict()
                fare_breakdown.append(fare_breakdown_item)

        hourly: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hourly, Unset):
            hourly = self.hourly.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fare_id": fare_id,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value
        if currency_code is not UNSET:
            field_dict["currency_code"] = currency_code
        if display is not UNSET:
            field_dict["display"] = display
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if multiplier is not UNSET:
            field_dict["multiplier"] = multiplier
        if fare_breakdown is not UNSET:
            field_dict["fare_breakdown"] = fare_breakdown
        if hourly is not UNSET:
            field_dict["hourly"] = hourly

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fare_breakdown_item import FareBreakdownItem  # noqa: PLC0415
        from ..models.hourly_fare import HourlyFare  # noqa: PLC0415

        d = dict(src_dict)
        fare_id = UUID(d.pop("fare_id"))

        value = d.pop("value", UNSET)

        currency_code = d.pop("currency_code", UNSET)

        display = d.pop("display", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        multiplier = d.pop("multiplier", UNSET)

        _fare_breakdown = d.pop("fare_breakdown", UNSET)
        fare_breakdown: list[FareBreakdownItem] | Unset = UNSET
        if _fare_breakdown is not UNSET:
            fare_breakdown = []
            for fare_breakdown_item_data in _fare_breakdown:
                fare_breakdown_item = FareBreakdownItem.from_dict(fare_breakdown_item_data)

                fare_breakdown.append(fare_breakdown_item)

        _hourly = d.pop("hourly", UNSET)
        hourly: HourlyFare | Unset
        if isinstance(_hourly, Unset):
            hourly = UNSET
        else:
            hourly = HourlyFare.from_dict(_hourly)

        upfront_fare = cls(
            fare_id=fare_id,
            value=value,
            currency_code=currency_code,
            display=display,
            expires_at=expires_at,
            multiplier=multiplier,
            fare_breakdown=fare_breakdown,
            hourly=hourly,
        )

        upfront_fare.additional_properties = d
        return upfront_fare

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
