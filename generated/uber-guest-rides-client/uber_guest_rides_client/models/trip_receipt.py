from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guest import Guest
    from ..models.receipt_amount import ReceiptAmount
    from ..models.receipt_charge import ReceiptCharge
    from ..models.receipt_charge_adjustment import ReceiptChargeAdjustment
    from ..models.receipt_surge_charge import ReceiptSurgeCharge


T = TypeVar("T", bound="TripReceipt")


@_attrs_define
class TripReceipt:
    """The receipt of a completed trip.

    Attributes:
        request_id (UUID): The trip's id.
        guest (Guest | Unset): The rider.
        charges (list[ReceiptCharge] | Unset): The trip's charges; they add up to `normal_fare`.
        charge_adjustments (list[ReceiptChargeAdjustment] | Unset): Fees, credits and refunds applied after the charges.
        surge_charge (None | ReceiptSurgeCharge | Unset): The surge part of the fare; absent or null without surge.
        normal_fare (str | Unset): The sum of `charges`, formatted.
        subtotal (str | Unset): `normal_fare` plus the surge, formatted.
        total_fare (str | Unset): The total after credits and refunds, formatted.
        total_owed (None | str | Unset): What the rider still owes, formatted (`$0.00`). The reference page types it as
            a nullable float; Uber's recorded answer sends a string, which this document follows (see DISCREPANCIES.md).
        home_currency_total_fare (ReceiptAmount | Unset): An amount in a currency.
        currency_code (str | Unset): The currency of the receipt (ISO 4217).
        duration (str | Unset): The trip's duration, `HH:MM:SS`.
        distance (str | Unset): The trip's distance, in `distance_label` units.
        distance_label (str | Unset): The unit of `distance`.
        expense_memo (str | Unset): The trip's purpose for expense reporting.
        taxes (list[Any] | Unset): Taxes of the trip. Uber's recorded answer lists the field without entries, so their
            shape is not known.
    """

    request_id: UUID
    guest: Guest | Unset = UNSET
    charges: list[ReceiptCharge] | Unset = UNSET
    charge_adjustments: list[ReceiptChargeAdjustment] | Unset = UNSET
    surge_charge: None | ReceiptSurgeCharge | Unset = UNSET
    normal_fare: str | Unset = UNSET
    subtotal: str | Unset = UNSET
    total_fare: str | Unset = UNSET
    total_owed: None | str | Unset = UNSET
    home_currency_total_fare: ReceiptAmount | Unset = UNSET
    currency_code: str | Unset = UNSET
    duration: str | Unset = UNSET
    distance: str | Unset = UNSET
    distance_label: str | Unset = UNSET
    expense_memo: str | Unset = UNSET
    taxes: list[Any] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.receipt_surge_charge import ReceiptSurgeCharge  # noqa: PLC0415

        request_id = str(self.request_id)

        guest: dict[str, Any] | Unset = UNSET
        if not isinstance(self.guest, Unset):
            guest = self.guest.to_dict()

        charges: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.charges, Unset):
            charges = []
            for charges_item_data in self.charges:
                charges_item = charges_item_data.to_dict()
                charges.append(charges_item)

        charge_adjustments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.charge_adjustments, Unset):
            charge_adjustments = []
            for charge_adjustments_item_data in self.charge_adjustments:
                charge_adjustments_item = charge_adjustments_item_data.to_dict()
                charge_adjustments.append(charge_adjustments_item)

        surge_charge: dict[str, Any] | None | Unset
        if isinstance(self.surge_charge, Unset):
            surge_charge = UNSET
        elif isinstance(self.surge_charge, ReceiptSurgeCharge):
            surge_charge = self.surge_charge.to_dict()
        else:
            surge_charge = self.surge_charge

        normal_fare = self.normal_fare

        subtotal = self.subtotal

        total_fare = self.total_fare

        total_owed: None | str | Unset
        if isinstance(self.total_owed, Unset):
            total_owed = UNSET
        else:
            total_owed = self.total_owed

        home_currency_total_fare: dict[str, Any] | Unset = UNSET
        if not isinstance(self.home_currency_total_fare, Unset):
            home_currency_total_fare = self.home_currency_total_fare.to_dict()

        currency_code = self.currency_code

        duration = self.duration

        distance = self.distance

        distance_label = self.distance_label

        expense_memo = self.expense_memo

        taxes: list[Any] | Unset = UNSET
        if not isinstance(self.taxes, Unset):
            taxes = self.taxes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
            }
        )
        if guest is not UNSET:
            field_dict["guest"] = guest
        if charges is not UNSET:
            field_dict["charges"] = charges
        if charge_adjustments is not UNSET:
            field_dict["charge_adjustments"] = charge_adjustments
        if surge_charge is not UNSET:
            field_dict["surge_charge"] = surge_charge
        if normal_fare is not UNSET:
            field_dict["normal_fare"] = normal_fare
        if subtotal is not UNSET:
            field_dict["subtotal"] = subtotal
        if total_fare is not UNSET:
            field_dict["total_fare"] = total_fare
        if total_owed is not UNSET:
            field_dict["total_owed"] = total_owed
        if home_currency_total_fare is not UNSET:
            field_dict["home_currency_total_fare"] = home_currency_total_fare
        if currency_code is not UNSET:
            field_dict["currency_code"] = currency_code
        if duration is not UNSET:
            field_dict["duration"] = duration
        if distance is not UNSET:
            field_dict["distance"] = distance
        if distance_label is not UNSET:
            field_dict["distance_label"] = distance_label
        if expense_memo is not UNSET:
            field_dict["expense_memo"] = expense_memo
        if taxes is not UNSET:
            field_dict["taxes"] = taxes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.guest import Guest  # noqa: PLC0415
        from ..models.receipt_amount import ReceiptAmount  # noqa: PLC0415
        from ..models.receipt_charge import ReceiptCharge  # noqa: PLC0415
        from ..models.receipt_charge_adjustment import ReceiptChargeAdjustment  # noqa: PLC0415
        from ..models.receipt_surge_charge import ReceiptSurgeCharge  # noqa: PLC0415

        d = dict(src_dict)
        request_id = UUID(d.pop("request_id"))

        _guest = d.pop("guest", UNSET)
        guest: Guest | Unset
        if isinstance(_guest, Unset):
            guest = UNSET
        else:
            guest = Guest.from_dict(_guest)

        _charges = d.pop("charges", UNSET)
        charges: list[ReceiptCharge] | Unset = UNSET
        if _charges is not UNSET:
            charges = []
            for charges_item_data in _charges:
                charges_item = ReceiptCharge.from_dict(charges_item_data)

                charges.append(charges_item)

        _charge_adjustments = d.pop("charge_adjustments", UNSET)
        charge_adjustments: list[ReceiptChargeAdjustment] | Unset = UNSET
        if _charge_adjustments is not UNSET:
            charge_adjustments = []
            for charge_adjustments_item_data in _charge_adjustments:
                charge_adjustments_item = ReceiptChargeAdjustment.from_dict(charge_adjustments_item_data)

                charge_adjustments.append(charge_adjustments_item)

        def _parse_surge_charge(data: object) -> None | ReceiptSurgeCharge | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                surge_charge_type_0 = ReceiptSurgeCharge.from_dict(data)

                return surge_charge_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReceiptSurgeCharge | Unset, data)

        surge_charge = _parse_surge_charge(d.pop("surge_charge", UNSET))

        normal_fare = d.pop("normal_fare", UNSET)

        subtotal = d.pop("subtotal", UNSET)

        total_fare = d.pop("total_fare", UNSET)

        def _parse_total_owed(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        total_owed = _parse_total_owed(d.pop("total_owed", UNSET))

        _home_currency_total_fare = d.pop("home_currency_total_fare", UNSET)
        home_currency_total_fare: ReceiptAmount | Unset
        if isinstance(_home_currency_total_fare, Unset):
            home_currency_total_fare = UNSET
        else:
            home_currency_total_fare = ReceiptAmount.from_dict(_home_currency_total_fare)

        currency_code = d.pop("currency_code", UNSET)

        duration = d.pop("duration", UNSET)

        distance = d.pop("distance", UNSET)

        distance_label = d.pop("distance_label", UNSET)

        expense_memo = d.pop("expense_memo", UNSET)

        taxes = cast(list[Any], d.pop("taxes", UNSET))

        trip_receipt = cls(
            request_id=request_id,
            guest=guest,
            charges=charges,
            charge_adjustments=charge_adjustments,
            surge_charge=surge_charge,
            normal_fare=normal_fare,
            subtotal=subtotal,
            total_fare=total_fare,
            total_owed=total_owed,
            home_currency_total_fare=home_currency_total_fare,
            currency_code=currency_code,
            duration=duration,
            distance=distance,
            distance_label=distance_label,
            expense_memo=expense_memo,
            taxes=taxes,
        )

        trip_receipt.additional_properties = d
        return trip_receipt

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
