from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dropoff_location import DropoffLocation
    from ..models.legacy_end_location import LegacyEndLocation
    from ..models.legacy_start_location import LegacyStartLocation
    from ..models.pickup_location import PickupLocation
    from ..models.stop_location import StopLocation


T = TypeVar("T", bound="UpdateGuestTripRequest")


@_attrs_define
class UpdateGuestTripRequest:
    """The trip's editable parts, replacing the current ones (full replacement; see the
    operation). `dropoff` or the deprecated `end_location` must be sent: the page marks
    `end_location` required, and its 2025-03-28 change replaces it with `dropoff` (see
    DISCREPANCIES.md).

        Attributes:
            pickup (PickupLocation | Unset): Where the guest is picked up.
            dropoff (DropoffLocation | Unset): Where the guest is dropped off.
            start_location (LegacyStartLocation | Unset): Deprecated; use `pickup`. The pickup location.
            end_location (LegacyEndLocation | Unset): Deprecated; use `dropoff`. The destination.
            product_id (UUID | Unset): The product; left out, the trip keeps its product. After dispatch it must be the
                trip's.
            expense_memo (str | Unset): The trip's purpose for expense reporting. Left out, it is cleared. Changes only
                before dispatch.
            note_for_driver (str | Unset): A message for the driver. Left out, it is cleared. Changes only before dispatch.
            stops (list[StopLocation] | Unset): Intermediate stops. Only hourly rides may change them, and those cannot be
                updated through the API, so only an empty list (or none) is accepted.
    """

    pickup: PickupLocation | Unset = UNSET
    dropoff: DropoffLocation | Unset = UNSET
    start_location: LegacyStartLocation | Unset = UNSET
    end_location: LegacyEndLocation | Unset = UNSET
    product_id: UUID | Unset = UNSET
    expense_memo: str | Unset = UNSET
    note_for_driver: str | Unset = UNSET
    stops: list[StopLocation] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pickup: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pickup, Unset):
            pickup = self.pickup.to_dict()

        dropoff: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dropoff, Unset):
            dropoff = self.dropoff.to_dict()

        start_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.start_location, Unset):
            start_location = self.start_location.to_dict()

        end_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.end_location, Unset):
            end_location = self.end_location.to_dict()

        product_id: str | Unset = UNSET
        if not isinstance(self.product_id, Unset):
            product_id = str(self.product_id)

        expense_memo = self.expense_memo

        note_for_driver = self.note_for_driver

        stops: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stops, Unset):
            stops = []
            for stops_item_data in self.stops:
                stops_item = stops_item_data.to_dict()
                stops.append(stops_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pickup is not UNSET:
            field_dict["pickup"] = pickup
        if dropoff is not UNSET:
            field_dict["dropoff"] = dropoff
        if start_location is not UNSET:
            field_dict["start_location"] = start_location
        if end_location is not UNSET:
            field_dict["end_location"] = end_location
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if expense_memo is not UNSET:
            field_dict["expense_memo"] = expense_memo
        if note_for_driver is not UNSET:
            field_dict["note_for_driver"] = note_for_driver
        if stops is not UNSET:
            field_dict["stops"] = stops

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dropoff_location import DropoffLocation  # noqa: PLC0415
        from ..models.legacy_end_location import LegacyEndLocation  # noqa: PLC0415
        from ..models.legacy_start_location import LegacyStartLocation  # noqa: PLC0415
        from ..models.pickup_location import PickupLocation  # noqa: PLC0415
        from ..models.stop_location import StopLocation  # noqa: PLC0415

        d = dict(src_dict)
        _pickup = d.pop("pickup", UNSET)
        pickup: PickupLocation | Unset
        if isinstance(_pickup, Unset):
            pickup = UNSET
        else:
            pickup = PickupLocation.from_dict(_pickup)

        _dropoff = d.pop("dropoff", UNSET)
        dropoff: DropoffLocation | Unset
        if isinstance(_dropoff, Unset):
            dropoff = UNSET
        else:
            dropoff = DropoffLocation.from_dict(_dropoff)

        _start_location = d.pop("start_location", UNSET)
        start_location: LegacyStartLocation | Unset
        if isinstance(_start_location, Unset):
            start_location = UNSET
        else:
            start_location = LegacyStartLocation.from_dict(_start_location)

        _end_location = d.pop("end_location", UNSET)
        end_location: LegacyEndLocation | Unset
        if isinstance(_end_location, Unset):
            end_location = UNSET
        else:
            end_location = LegacyEndLocation.from_dict(_end_location)

        _product_id = d.pop("product_id", UNSET)
        product_id: UUID | Unset
        if isinstance(_product_id, Unset):
            product_id = UNSET
        else:
            product_id = UUID(_product_id)

        expense_memo = d.pop("expense_memo", UNSET)

        note_for_driver = d.pop("note_for_driver", UNSET)

        _stops = d.pop("stops", UNSET)
        stops: list[StopLocation] | Unset = UNSET
        if _stops is not UNSET:
            stops = []
            for stops_item_data in _stops:
                stops_item = StopLocation.from_dict(stops_item_data)

                stops.append(stops_item)

        update_guest_trip_request = cls(
            pickup=pickup,
            dropoff=dropoff,
            start_location=start_location,
            end_location=end_location,
            product_id=product_id,
            expense_memo=expense_memo,
            note_for_driver=note_for_driver,
            stops=stops,
        )

        update_guest_trip_request.additional_properties = d
        return update_guest_trip_request

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
