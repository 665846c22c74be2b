from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trip_status import TripStatus
from ..models.trip_status_detail import TripStatusDetail
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deferred_ride_options import DeferredRideOptions
    from ..models.driver import Driver
    from ..models.editable_fields import EditableFields
    from ..models.guest import Guest
    from ..models.product import Product
    from ..models.trip_end_location import TripEndLocation
    from ..models.trip_location import TripLocation
    from ..models.trip_scheduling import TripScheduling
    from ..models.vehicle import Vehicle
    from ..models.vehicle_location import VehicleLocation
    from ..models.waypoint import Waypoint


T = TypeVar("T", bound="GuestTrip")


@_attrs_define
class GuestTrip:
    """A guest trip. Which fields are present depends on the status; see each field.

    Attributes:
        request_id (UUID): The trip's unique id.
        status (TripStatus): The trip's state:
            - `processing`: matching the most efficient available driver;
            - `no_drivers_available`: unfulfilled, no driver was available (terminal);
            - `accepted`: a driver accepted and is on the way to pickup;
            - `arriving`: the driver has arrived or will shortly;
            - `in_progress`: on the way from pickup to destination;
            - `driver_canceled`: canceled by the driver (terminal);
            - `rider_canceled`: canceled by the rider or the coordinator, see `status_detail` (terminal);
            - `completed`: completed by the driver (terminal);
            - `scheduled`: to be dispatched later;
            - `failed`: the request failed (terminal);
            - `offered`: a flexible (deferred) ride the rider can redeem;
            - `expired`: a flexible ride that can no longer be redeemed (terminal);
            - `driver_redispatched`: the driver was redispatched; another should arrive shortly.
        begin_trip_time (int | None | Unset): When the driver started the trip (epoch ms); null until the trip has
            begun.
        can_tip (bool | Unset): Whether the trip can be tipped. Only on trips in a terminal state.
        client_fare (str | Unset): The trip's formatted price. Only on trips in a terminal state.
        client_fare_numeric (float | Unset): The trip's price as a number. Only on trips in a terminal state.
        client_fare_without_tip (str | Unset): The formatted price without the tip. Only on trips in a terminal state.
        currency_code (str | Unset): The currency of the price. Only on trips in a terminal state.
        deferred_ride_options (DeferredRideOptions | Unset): Makes the ride a flexible ride, redeemed by the rider on
            the given day.
        destination (TripLocation | Unset): A trip's pickup or destination.
        driver (Driver | Unset): The trip's driver. Absent while the trip is processing, scheduled or
            no_drivers_available.
        dropoff_time (int | Unset): A point in time, in milliseconds since the Unix epoch, up to the end of year 9999
            (the last instant calendar dates represent).
        expense_memo (str | Unset): The trip's purpose for expense reporting.
        guest (Guest | Unset): The rider.
        is_reserve (bool | Unset): Whether the trip is an Uber Reserve trip.
        location (VehicleLocation | Unset): The vehicle's current position. Only while the trip is accepted or arriving.
        location_uuid (UUID | Unset): The Uber for Business organization that requested the ride.
        note_for_driver (str | Unset): The coordinator's message to the driver.
        pickup (TripLocation | Unset): A trip's pickup or destination.
        policy_uuid (UUID | Unset): The policy (permissions and product types) the ride falls under.
        product (Product | Unset): The product of the trip.
        request_time (int | Unset): A point in time, in milliseconds since the Unix epoch, up to the end of year 9999
            (the last instant calendar dates represent).
        requester_name (str | Unset): The name of the user who requested the trip.
        requester_uuid (UUID | Unset): The id of the user who requested the trip.
        scheduling (TripScheduling | Unset): When a scheduled trip is scheduled. Only on scheduled trips.
        status_detail (TripStatusDetail | Unset): Who canceled a `rider_canceled` trip: the coordinator
            (`coordinator_canceled`, which is what `DELETE /v1/guests/trips/{request_id}` sets) or the rider
            (`guest_rider_canceled`, in Uber's app or trip link).
        surge_multiplier (float | Unset): The surge multiplier applied to the fare; 1.0 means no surge.
        trip_distance_miles (float | Unset): The trip's distance, in miles.
        trip_duration_seconds (int | Unset): The trip's duration, in seconds.
        trip_end_location (TripEndLocation | Unset): Where the driver ended the trip. Only on completed trips.
        vehicle (Vehicle | Unset): The trip's vehicle. Absent before a driver is assigned.
        waypoints (list[Waypoint] | Unset): The trip's pickup and dropoff points. Only on trips in a terminal state.
        rider_tracking_url (str | Unset): A link to follow the ride, while the trip is accepted or in progress.
        editable_fields (EditableFields | Unset): The editable parts of the trip, by field id. Only with
            `include_editable_fields=true`.
            They agree with what `PUT /v1/guests/trips/{request_id}` accepts: on an on-demand
            trip before dispatch (`processing`), `PICKUP` (within `max_radius_meters`, 200 in
            the local sandbox) and `DROPOFF`; after dispatch (`accepted`, `arriving`,
            `in_progress`, `driver_redispatched`), `DROPOFF` alone; on scheduled, Reserve, hourly
            and flexible trips and on ended trips, nothing. `STOPS` is never editable through the
            API. Uber's accepted-trip example shows `DROPOFF` not editable (see DISCREPANCIES.md).
    """

    request_id: UUID
    status: TripStatus
    begin_trip_time: int | None | Unset = UNSET
    can_tip: bool | Unset = UNSET
    client_fare: str | Unset = UNSET
    client_fare_numeric: float | Unset = UNSET
    client_fare_without_tip: str | Unset = UNSET
    currency_code: str | Unset = UNSET
    deferred_ride_options: DeferredRideOptions | Unset = UNSET
    destination: TripLocation | Unset = UNSET
    driver: Driver | Unset = UNSET
    dropoff_time: int | Unset = UNSET
    expense_memo: str | Unset = UNSET
    guest: Guest | Unset = UNSET
    is_reserve: bool | Unset = UNSET
    location: VehicleLocation | Unset = UNSET
    location_uuid: UUID | Unset = UNSET
    note_for_driver: str | Unset = UNSET
    pickup: TripLocation | Unset = UNSET
    policy_uuid: UUID | Unset = UNSET
    product: Product | Unset = UNSET
    request_time: int | Unset = UNSET
    requester_name: str | Unset = UNSET
    requester_uuid: UUID | Unset = UNSET
    scheduling: TripScheduling | Unset = UNSET
    status_detail: TripStatusDetail | Unset = UNSET
    surge_multiplier: float | Unset = UNSET
    trip_distance_miles: float | Unset = UNSET
    trip_duration_seconds: int | Unset = UNSET
    trip_end_location: TripEndLocation | Unset = UNSET
    vehicle: Vehicle | Unset = UNSET
    waypoints: list[Waypoint] | Unset = UNSET
    rider_tracking_url: str | Unset = UNSET
    editable_fields: EditableFields | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = str(self.request_id)

        status = self.status.value

        begin_trip_time: int | None | Unset
        if isinstance(self.begin_trip_time, Unset):
            begin_trip_time = UNSET
        else:
            begin_trip_time = self.begin_trip_time

        can_tip = self.can_tip

        client_fare = self.client_fare

        client_fare_numeric = self.client_fare_numeric

        client_fare_without_tip = self.client_fare_without_tip

        currency_code = self.currency_code

        deferred_ride_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deferred_ride_options, Unset):
            deferred_ride_options = self.deferred_ride_options.to_dict()

        destination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.destination, Unset):
            destination = self.destination.to_dict()

        driver: dict[str, Any] | Unset = UNSET
        if not isinstance(self.driver, Unset):
            driver = self.driver.to_dict()

        dropoff_time = self.dropoff_time

        expense_memo = self.expense_memo

        guest: dict[str, Any] | Unset = UNSET
        if not isinstance(self.guest, Unset):
            guest = self.guest.to_dict()

        is_reserve = self.is_reserve

        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        location_uuid: str | Unset = UNSET
        if not isinstance(self.location_uuid, Unset):
            location_uuid = str(self.location_uuid)

        note_for_driver = self.note_for_driver

        pickup: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pickup, Unset):
            pickup = self.pickup.to_dict()

        policy_uuid: str | Unset = UNSET
        if not isinstance(self.policy_uuid, Unset):
            policy_uuid = str(self.policy_uuid)

        product: dict[str, Any] | Unset = UNSET
        if not isinstance(self.product, Unset):
            product = self.product.to_dict()

        request_time = self.request_time

        requester_name = self.requester_name

        requester_uuid: str | Unset = UNSET
        if not isinstance(self.requester_uuid, Unset):
            requester_uuid = str(self.requester_uuid)

        scheduling: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scheduling, Unset):
            scheduling = self.scheduling.to_dict()

        status_detail: str | Unset = UNSET
        if not isinstance(self.status_detail, Unset):
            status_detail = self.status_detail.value

        surge_multiplier = self.surge_multiplier

        trip_distance_miles = self.trip_distance_miles

        trip_duration_seconds = self.trip_duration_seconds

        trip_end_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trip_end_location, Unset):
            trip_end_location = self.trip_end_location.to_dict()

        vehicle: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vehicle, Unset):
            vehicle = self.vehicle.to_dict()

        waypoints: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.waypoints, Unset):
            waypoints = []
            for waypoints_item_data in self.waypoints:
                waypoints_item = waypoints_item_data.to_dict()
                waypoints.append(waypoints_item)

        rider_tracking_url = self.rider_tracking_url

        editable_fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.editable_fields, Unset):
            editable_fields = self.editable_fields.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
                "status": status,
            }
        )
        if begin_trip_time is not UNSET:
            field_dict["begin_trip_time"] = begin_trip_time
        if can_tip is not UNSET:
            field_dict["can_tip"] = can_tip
        if client_fare is not UNSET:
            field_dict["client_fare"] = client_fare
        if client_fare_numeric is not UNSET:
            field_dict["client_fare_numeric"] = client_fare_numeric
        if client_fare_without_tip is not UNSET:
            field_dict["client_fare_without_tip"] = client_fare_without_tip
        if currency_code is not UNSET:
            field_dict["currency_code"] = currency_code
        if deferred_ride_options is not UNSET:
            field_dict["deferred_ride_options"] = deferred_ride_options
        if destination is not UNSET:
            field_dict["destination"] = destination
        if driver is not UNSET:
            field_dict["driver"] = driver
        if dropoff_time is not UNSET:
            field_dict["dropoff_time"] = dropoff_time
        if expense_memo is not UNSET:
            field_dict["expense_memo"] = expense_memo
        if guest is not UNSET:
            field_dict["guest"] = guest
        if is_reserve is not UNSET:
            field_dict["is_reserve"] = is_reserve
        if location is not UNSET:
            field_dict["location"] = location
        if location_uuid is not UNSET:
            field_dict["location_uuid"] = location_uuid
        if note_for_driver is not UNSET:
            field_dict["note_for_driver"] = note_for_driver
        if pickup is not UNSET:
            field_dict["pickup"] = pickup
        if policy_uuid is not UNSET:
            field_dict["policy_uuid"] = policy_uuid
        if product is not UNSET:
            field_dict["product"] = product
        if request_time is not UNSET:
            field_dict["request_time"] = request_time
        if requester_name is not UNSET:
            field_dict["requester_name"] = requester_name
        if requester_uuid is not UNSET:
            field_dict["requester_uuid"] = requester_uuid
        if scheduling is not UNSET:
            field_dict["scheduling"] = scheduling
        if status_detail is not UNSET:
            field_dict["status_detail"] = status_detail
        if surge_multiplier is not UNSET:
            field_dict["surge_multiplier"] = surge_multiplier
        if trip_distance_miles is not UNSET:
            field_dict["trip_distance_miles"] = trip_distance_miles
        if trip_duration_seconds is not UNSET:
            field_dict["trip_duration_seconds"] = trip_duration_seconds
        if trip_end_location is not UNSET:
            field_dict["trip_end_location"] = trip_end_location
        if vehicle is not UNSET:
            field_dict["vehicle"] = vehicle
        if waypoints is not UNSET:
            field_dict["waypoints"] = waypoints
        if rider_tracking_url is not UNSET:
            field_dict["rider_tracking_url"] = rider_tracking_url
        if editable_fields is not UNSET:
            field_dict["editable_fields"] = editable_fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deferred_ride_options import DeferredRideOptions  # noqa: PLC0415
        from ..models.driver import Driver  # noqa: PLC0415
        from ..models.editable_fields import EditableFields  # noqa: PLC0415
        from ..models.guest import Guest  # noqa: PLC0415
        from ..models.product import Product  # noqa: PLC0415
        from ..models.trip_end_location import TripEndLocation  # noqa: PLC0415
        from ..models.trip_location import TripLocation  # noqa: PLC0415
        from ..models.trip_scheduling import TripScheduling  # noqa: PLC0415
        from ..models.vehicle import Vehicle  # noqa: PLC0415
        from ..models.vehicle_location import VehicleLocation  # noqa: PLC0415
        from ..models.waypoint import Waypoint  # noqa: PLC0415

        d = dict(src_dict)
        request_id = UUID(d.pop("request_id"))

        status = TripStatus(d.pop("status"))

        def _parse_begin_trip_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        begin_trip_time = _parse_begin_trip_time(d.pop("begin_trip_time", UNSET))

        can_tip = d.pop("can_tip", UNSET)

        client_fare = d.pop("client_fare", UNSET)

        client_fare_numeric = d.pop("client_fare_numeric", UNSET)

        client_fare_without_tip = d.pop("client_fare_without_tip", UNSET)

        currency_code = d.pop("currency_code", UNSET)

        _deferred_ride_options = d.pop("deferred_ride_options", UNSET)
        deferred_ride_options: DeferredRideOptions | Unset
        if isinstance(_deferred_ride_options, Unset):
            deferred_ride_options = UNSET
        else:
            deferred_ride_options = DeferredRideOptions.from_dict(_deferred_ride_options)

        _destination = d.pop("destination", UNSET)
        destination: TripLocation | Unset
        if isinstance(_destination, Unset):
            destination = UNSET
        else:
            destination = TripLocation.from_dict(_destination)

        _driver = d.pop("driver", UNSET)
        driver: Driver | Unset
        if isinstance(_driver, Unset):
            driver = UNSET
        else:
            driver = Driver.from_dict(_driver)

        dropoff_time = d.pop("dropoff_time", UNSET)

        expense_memo = d.pop("expense_memo", UNSET)

        _guest = d.pop("guest", UNSET)
        guest: Guest | Unset
        if isinstance(_guest, Unset):
            guest = UNSET
        else:
            guest = Guest.from_dict(_guest)

        is_reserve = d.pop("is_reserve", UNSET)

        _location = d.pop("location", UNSET)
        location: VehicleLocation | Unset
        if isinstance(_location, Unset):
            location = UNSET
        else:
            location = VehicleLocation.from_dict(_location)

        _location_uuid = d.pop("location_uuid", UNSET)
        location_uuid: UUID | Unset
        if isinstance(_location_uuid, Unset):
            location_uuid = UNSET
        else:
            location_uuid = UUID(_location_uuid)

        note_for_driver = d.pop("note_for_driver", UNSET)

        _pickup = d.pop("pickup", UNSET)
        pickup: TripLocation | Unset
        if isinstance(_pickup, Unset):
            pickup = UNSET
        else:
            pickup = TripLocation.from_dict(_pickup)

        _policy_uuid = d.pop("policy_uuid", UNSET)
        policy_uuid: UUID | Unset
        if isinstance(_policy_uuid, Unset):
            policy_uuid = UNSET
        else:
            policy_uuid = UUID(_policy_uuid)

        _product = d.pop("product", UNSET)
        product: Product | Unset
        if isinstance(_product, Unset):
            product = UNSET
        else:
            product = Product.from_dict(_product)

        request_time = d.pop("request_time", UNSET)

        requester_name = d.pop("requester_name", UNSET)

        _requester_uuid = d.pop("requester_uuid", UNSET)
        requester_uuid: UUID | Unset
        if isinstance(_requester_uuid, Unset):
            requester_uuid = UNSET
        else:
            requester_uuid = UUID(_requester_uuid)

        _scheduling = d.pop("scheduling", UNSET)
        scheduling: TripScheduling | Unset
        if isinstance(_scheduling, Unset):
            scheduling = UNSET
        else:
            scheduling = TripScheduling.from_dict(_scheduling)

        _status_detail = d.pop("status_detail", UNSET)
        status_detail: TripStatusDetail | Unset
        if isinstance(_status_detail, Unset):
            status_detail = UNSET
        else:
            status_detail = TripStatusDetail(_status_detail)

        surge_multiplier = d.pop("surge_multiplier", UNSET)

        trip_distance_miles = d.pop("trip_distance_miles", UNSET)

        trip_duration_seconds = d.pop("trip_duration_seconds", UNSET)

        _trip_end_location = d.pop("trip_end_location", UNSET)
        trip_end_location: TripEndLocation | Unset
        if isinstance(_trip_end_location, Unset):
            trip_end_location = UNSET
        else:
            trip_end_location = TripEndLocation.from_dict(_trip_end_location)

        _vehicle = d.pop("vehicle", UNSET)
        vehicle: Vehicle | Unset
        if isinstance(_vehicle, Unset):
            vehicle = UNSET
        else:
            vehicle = Vehicle.from_dict(_vehicle)

        _waypoints = d.pop("waypoints", UNSET)
        waypoints: list[Waypoint] | Unset = UNSET
        if _waypoints is not UNSET:
            waypoints = []
            for waypoints_item_data in _waypoints:
                waypoints_item = Waypoint.from_dict(waypoints_item_data)

                waypoints.append(waypoints_item)

        rider_tracking_url = d.pop("rider_tracking_url", UNSET)

        _editable_fields = d.pop("editable_fields", UNSET)
        editable_fields: EditableFields | Unset
        if isinstance(_editable_fields, Unset):
            editable_fields = UNSET
        else:
            editable_fields = EditableFields.from_dict(_editable_fields)

        guest_trip = cls(
            request_id=request_id,
            status=status,
            begin_trip_time=begin_trip_time,
            can_tip=can_tip,
            client_fare=client_fare,
            client_fare_numeric=client_fare_numeric,
            client_fare_without_tip=client_fare_without_tip,
            currency_code=currency_code,
            deferred_ride_options=deferred_ride_options,
            destination=destination,
            driver=driver,
            dropoff_time=dropoff_time,
            expense_memo=expense_memo,
            guest=guest,
            is_reserve=is_reserve,
            location=location,
            location_uuid=location_uuid,
            note_for_driver=note_for_driver,
            pickup=pickup,
            policy_uuid=policy_uuid,
            product=product,
            request_time=request_time,
            requester_name=requester_name,
            requester_uuid=requester_uuid,
            scheduling=scheduling,
            status_detail=status_detail,
            surge_multiplier=surge_multiplier,
            trip_distance_miles=trip_distance_miles,
            trip_duration_seconds=trip_duration_seconds,
            trip_end_location=trip_end_location,
            vehicle=vehicle,
            waypoints=waypoints,
            rider_tracking_url=rider_tracking_url,
            editable_fields=editable_fields,
        )

        guest_trip.additional_properties = d
        return guest_trip

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
