from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deferred_ride_options import DeferredRideOptions
    from ..models.return_trip_location import ReturnTripLocation
    from ..models.return_trip_scheduling import ReturnTripScheduling


T = TypeVar("T", bound="ReturnTripParams")


@_attrs_define
class ReturnTripParams:
    """A return trip booked together with this trip.

    Attributes:
        start_location (ReturnTripLocation | Unset): A location of the return trip.
        end_location (ReturnTripLocation | Unset): A location of the return trip.
        scheduling (ReturnTripScheduling | Unset): When the return trip is scheduled.
        deferred_ride_options (DeferredRideOptions | Unset): Makes the ride a flexible ride, redeemed by the rider on
            the given day.
        product_id (UUID | Unset): The product of the return trip (see the estimates API).
        fare_id (UUID | Unset): A fare estimate's id, to lock in an upfront fare for the return trip (optional).
        note_for_driver (str | Unset): A message for the return trip's driver (optional), at most 600 characters like
            the outbound trip's note. Share no sensitive rider information.
    """

    start_location: ReturnTripLocation | Unset = UNSET
    end_location: ReturnTripLocation | Unset = UNSET
    scheduling: ReturnTripScheduling | Unset = UNSET
    deferred_ride_options: DeferredRideOptions | Unset = UNSET
    product_id: UUID | Unset = UNSET
    fare_id: UUID | Unset = UNSET
    note_for_driver: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.start_location, Unset):
            start_location = self.start_location.to_dict()

        end_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.end_location, Unset):
            end_location = self.end_location.to_dict()

        scheduling: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scheduling, Unset):
            scheduling = self.scheduling.to_dict()

        deferred_ride_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deferred_ride_options, Unset):
            deferred_ride_options = self.deferred_ride_options.to_dict()

        product_id: str | Unset = UNSET
        if not isinstance(self.product_id, Unset):
            product_id = str(self.product_id)

        fare_id: str | Unset = UNSET
        if not isinstance(self.fare_id, Unset):
            fare_id = str(self.fare_id)

        note_for_driver = self.note_for_driver

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if start_location is not UNSET:
            field_dict["start_location"] = start_location
        if end_location is not UNSET:
            field_dict["end_location"] = end_location
        if scheduling is not UNSET:
            field_dict["scheduling"] = scheduling
        if deferred_ride_options is not UNSET:
            field_dict["deferred_ride_options"] = deferred_ride_options
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if fare_id is not UNSET:
            field_dict["fare_id"] = fare_id
        if note_for_driver is not UNSET:
            field_dict["note_for_driver"] = note_for_driver

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deferred_ride_options import DeferredRideOptions  # noqa: PLC0415
        from ..models.return_trip_location import ReturnTripLocation  # noqa: PLC0415
        from ..models.return_trip_scheduling import ReturnTripScheduling  # noqa: PLC0415

        d = dict(src_dict)
        _start_location = d.pop("start_location", UNSET)
        start_location: ReturnTripLocation | Unset
        if isinstance(_start_location, Unset):
            start_location = UNSET
        else:
            start_location = ReturnTripLocation.from_dict(_start_location)

        _end_location = d.pop("end_location", UNSET)
        end_location: ReturnTripLocation | Unset
        if isinstance(_end_location, Unset):
            end_location = UNSET
        else:
            end_location = ReturnTripLocation.from_dict(_end_location)

        _scheduling = d.pop("scheduling", UNSET)
        scheduling: ReturnTripScheduling | Unset
        if isinstance(_scheduling, Unset):
            scheduling = UNSET
        else:
            scheduling = ReturnTripScheduling.from_dict(_scheduling)

        _deferred_ride_options = d.pop("deferred_ride_options", UNSET)
        deferred_ride_options: DeferredRideOptions | Unset
        if isinstance(_deferred_ride_options, Unset):
            deferred_ride_options = UNSET
        else:
            deferred_ride_options = DeferredRideOptions.from_dict(_deferred_ride_options)

        _product_id = d.pop("product_id", UNSET)
        product_id: UUID | Unset
        if isinstance(_product_id, Unset):
            product_id = UNSET
        else:
            product_id = UUID(_product_id)

        _fare_id = d.pop("fare_id", UNSET)
        fare_id: UUID | Unset
        if isinstance(_fare_id, Unset):
            fare_id = UNSET
        else:
            fare_id = UUID(_fare_id)

        note_for_driver = d.pop("note_for_driver", UNSET)

        return_trip_params = cls(
            start_location=start_location,
            end_location=end_location,
            scheduling=scheduling,
            deferred_ride_options=deferred_ride_options,
            product_id=product_id,
            fare_id=fare_id,
            note_for_driver=note_for_driver,
        )

        return_trip_params.additional_properties = d
        return return_trip_params

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
