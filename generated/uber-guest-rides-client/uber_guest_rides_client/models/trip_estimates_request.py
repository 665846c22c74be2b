from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deferred_ride_options import DeferredRideOptions
    from ..models.flight import Flight
    from ..models.lat_lng import LatLng
    from ..models.scheduling_input import SchedulingInput


T = TypeVar("T", bound="TripEstimatesRequest")


@_attrs_define
class TripEstimatesRequest:
    """The ride to estimate. Without `scheduling` and `deferred_ride_options`, a ride now.

    Attributes:
        pickup (LatLng): A point.
        dropoff (LatLng): A point.
        scheduling (SchedulingInput | Unset): When the ride is scheduled. Without it (and without
            `deferred_ride_options`), the ride is requested at once.
        deferred_ride_options (DeferredRideOptions | Unset): Makes the ride a flexible ride, redeemed by the rider on
            the given day.
        flight (Flight | Unset): The guest's flight, for a Reserve airport pickup (added by Uber on 2025-08-15). Uber
            answers 400 `flight_not_found` when it does not know the flight and
            `invalid_flight_landing_time` when the landing time does not fit the pickup. The
            object's fields were not captured from Uber's pages, so the document leaves it open;
            the local sandbox accepts any object and does not look flights up.
    """

    pickup: LatLng
    dropoff: LatLng
    scheduling: SchedulingInput | Unset = UNSET
    deferred_ride_options: DeferredRideOptions | Unset = UNSET
    flight: Flight | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pickup = self.pickup.to_dict()

        dropoff = self.dropoff.to_dict()

        scheduling: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scheduling, Unset):
            scheduling = self.scheduling.to_dict()

        deferred_ride_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deferred_ride_options, Unset):
            deferred_ride_options = self.deferred_ride_options.to_dict()

        flight: dict[str, Any] | Unset = UNSET
        if not isinstance(self.flight, Unset):
            flight = self.flight.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pickup": pickup,
                "dropoff": dropoff,
            }
        )
        if scheduling is not UNSET:
            field_dict["scheduling"] = scheduling
        if deferred_ride_options is not UNSET:
            field_dict["deferred_ride_options"] = deferred_ride_options
        if flight is not UNSET:
            field_dict["flight"] = flight

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deferred_ride_options import DeferredRideOptions  # noqa: PLC0415
        from ..models.flight import Flight  # noqa: PLC0415
        from ..models.lat_lng import LatLng  # noqa: PLC0415
        from ..models.scheduling_input import SchedulingInput  # noqa: PLC0415

        d = dict(src_dict)
        pickup = LatLng.from_dict(d.pop("pickup"))

        dropoff = LatLng.from_dict(d.pop("dropoff"))

        _scheduling = d.pop("scheduling", UNSET)
        scheduling: SchedulingInput | Unset
        if isinstance(_scheduling, Unset):
            scheduling = UNSET
        else:
            scheduling = SchedulingInput.from_dict(_scheduling)

        _deferred_ride_options = d.pop("deferred_ride_options", UNSET)
        deferred_ride_options: DeferredRideOptions | Unset
        if isinstance(_deferred_ride_options, Unset):
            deferred_ride_options = UNSET
        else:
            deferred_ride_options = DeferredRideOptions.from_dict(_deferred_ride_options)

        _flight = d.pop("flight", UNSET)
        flight: Flight | Unset
        if isinstance(_flight, Unset):
            flight = UNSET
        else:
            flight = Flight.from_dict(_flight)

        trip_estimates_request = cls(
            pickup=pickup,
            dropoff=dropoff,
            scheduling=scheduling,
            deferred_ride_options=deferred_ride_options,
            flight=flight,
        )

        trip_estimates_request.additional_properties = d
        return trip_estimates_request

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
