from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ride_request_status import RideRequestStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ride_request_place import RideRequestPlace
    from ..models.ride_request_rider import RideRequestRider
    from ..models.ride_request_waypoint import RideRequestWaypoint
    from ..models.rider_driver import RiderDriver
    from ..models.rider_vehicle import RiderVehicle
    from ..models.rider_vehicle_location import RiderVehicleLocation


T = TypeVar("T", bound="RideRequest")


@_attrs_define
class RideRequest:
    """A ride request in the Riders API's shape.

    Attributes:
        request_id (UUID): The ride request's unique id.
        product_id (UUID): The product; product ids differ by city.
        status (RideRequestStatus): The ride request's state in the Riders API: `processing`, `no_drivers_available`,
            `accepted` (may occur more than once when the driver is reassigned), `arriving`,
            `in_progress`, `driver_canceled`, `rider_canceled`, `completed`.
        shared (bool): Whether the ride is shared (UberPOOL). Always present.
        vehicle (None | RiderVehicle | Unset):
        driver (None | RiderDriver | Unset):
        location (None | RiderVehicleLocation | Unset):
        surge_multiplier (float | Unset): The surge multiplier applied to the fare; 1.0 means no surge.
        pickup (RideRequestPlace | Unset): The pickup or destination of a ride request.
        destination (RideRequestPlace | Unset): The pickup or destination of a ride request.
        riders (list[RideRequestRider] | Unset): Co-riders dropped off before the current user; shared rides only.
        waypoints (list[RideRequestWaypoint] | Unset): The ride's waypoints; shared rides only.
    """

    request_id: UUID
    product_id: UUID
    status: RideRequestStatus
    shared: bool
    vehicle: None | RiderVehicle | Unset = UNSET
    driver: None | RiderDriver | Unset = UNSET
    location: None | RiderVehicleLocation | Unset = UNSET
    surge_multiplier: float | Unset = UNSET
    pickup: RideRequestPlace | Unset = UNSET
    destination: RideRequestPlace | Unset = UNSET
    riders: list[RideRequestRider] | Unset = UNSET
    waypoints: list[RideRequestWaypoint] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.rider_driver import RiderDriver  # noqa: PLC0415
        from ..models.rider_vehicle import RiderVehicle  # noqa: PLC0415
        from ..models.rider_vehicle_location import RiderVehicleLocation  # noqa: PLC0415

        request_id = str(self.request_id)

        product_id = str(self.product_id)

        status = self.status.value

        shared = self.shared

        vehicle: dict[str, Any] | None | Unset
        if isinstance(self.vehicle, Unset):
            vehicle = UNSET
        elif isinstance(self.vehicle, RiderVehicle):
            vehicle = self.vehicle.to_dict()
        else:
            vehicle = self.vehicle

        driver: dict[str, Any] | None | Unset
        if isinstance(self.driver, Unset):
            driver = UNSET
        elif isinstance(self.driver, RiderDriver):
            driver = self.driver.to_dict()
        else:
            driver = self.driver

        location: dict[str, Any] | None | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, RiderVehicleLocation):
            location = self.location.to_dict()
        else:
            location = self.location

        surge_multiplier = self.surge_multiplier

        pickup: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pickup, Unset):
            pickup = self.pickup.to_dict()

        destination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.destination, Unset):
            destination = self.destination.to_dict()

        riders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.riders, Unset):
            riders = []
            for riders_item_data in self.riders:
                riders_item = riders_item_data.to_dict()
                riders.append(riders_item)

        waypoints: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.waypoints, Unset):
            waypoints = []
            for waypoints_item_data in self.waypoints:
                waypoints_item = waypoints_item_data.to_dict()
                waypoints.append(waypoints_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
                "product_id": product_id,
                "status": status,
                "shared": shared,
            }
        )
        if vehicle is not UNSET:
            field_dict["vehicle"] = vehicle
        if driver is not UNSET:
            field_dict["driver"] = driver
        if location is not UNSET:
            field_dict["location"] = location
        if surge_multiplier is not UNSET:
            field_dict["surge_multiplier"] = surge_multiplier
        if pickup is not UNSET:
            field_dict["pickup"] = pickup
        if destination is not UNSET:
            field_dict["destination"] = destination
        if riders is not UNSET:
            field_dict["riders"] = riders
        if waypoints is not UNSET:
            field_dict["waypoints"] = waypoints

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ride_request_place import RideRequestPlace  # noqa: PLC0415
        from ..models.ride_request_rider import RideRequestRider  # noqa: PLC0415
        from ..models.ride_request_waypoint import RideRequestWaypoint  # noqa: PLC0415
        from ..models.rider_driver import RiderDriver  # noqa: PLC0415
        from ..models.rider_vehicle import RiderVehicle  # noqa: PLC0415
        from ..models.rider_vehicle_location import RiderVehicleLocation  # noqa: PLC0415

        d = dict(src_dict)
        request_id = UUID(d.pop("request_id"))

        product_id = UUID(d.pop("product_id"))

        status = RideRequestStatus(d.pop("status"))

        shared = d.pop("shared")

        def _parse_vehicle(data: object) -> None | RiderVehicle | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                vehicle_type_0 = RiderVehicle.from_dict(data)

                return vehicle_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiderVehicle | Unset, data)

        vehicle = _parse_vehicle(d.pop("vehicle", UNSET))

        def _parse_driver(data: object) -> None | RiderDriver | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                driver_type_0 = RiderDriver.from_dict(data)

                return driver_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiderDriver | Unset, data)

        driver = _parse_driver(d.pop("driver", UNSET))

        def _parse_location(data: object) -> None | RiderVehicleLocation | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                location_type_0 = RiderVehicleLocation.from_dict(data)

                return location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiderVehicleLocation | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        surge_multiplier = d.pop("surge_multiplier", UNSET)

        _pickup = d.pop("pickup", UNSET)
        pickup: RideRequestPlace | Unset
        if isinstance(_pickup, Unset):
            pickup = UNSET
        else:
            pickup = RideRequestPlace.from_dict(_pickup)

        _destination = d.pop("destination", UNSET)
        destination: RideRequestPlace | Unset
        if isinstance(_destination, Unset):
            destination = UNSET
        else:
            destination = RideRequestPlace.from_dict(_destination)

        _riders = d.pop("riders", UNSET)
        riders: list[RideRequestRider] | Unset = UNSET
        if _riders is not UNSET:
            riders = []
            for riders_item_data in _riders:
                riders_item = RideRequestRider.from_dict(riders_item_data)

                riders.append(riders_item)

        _waypoints = d.pop("waypoints", UNSET)
        waypoints: list[RideRequestWaypoint] | Unset = UNSET
        if _waypoints is not UNSET:
            waypoints = []
            for waypoints_item_data in _waypoints:
                waypoints_item = RideRequestWaypoint.from_dict(waypoints_item_data)

                waypoints.append(waypoints_item)

        ride_request = cls(
            request_id=request_id,
            product_id=product_id,
            status=status,
            shared=shared,
            vehicle=vehicle,
            driver=driver,
            location=location,
            surge_multiplier=surge_multiplier,
            pickup=pickup,
            destination=destination,
            riders=riders,
            waypoints=waypoints,
        )

        ride_request.additional_properties = d
        return ride_request

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
