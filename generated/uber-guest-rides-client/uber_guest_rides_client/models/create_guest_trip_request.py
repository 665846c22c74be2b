from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_to_notify import ContactToNotify
    from ..models.deferred_ride_options import DeferredRideOptions
    from ..models.dropoff_location import DropoffLocation
    from ..models.flight import Flight
    from ..models.guest_input import GuestInput
    from ..models.hourly_options import HourlyOptions
    from ..models.legacy_end_location import LegacyEndLocation
    from ..models.legacy_start_location import LegacyStartLocation
    from ..models.pickup_location import PickupLocation
    from ..models.return_trip_params import ReturnTripParams
    from ..models.scheduling_input import SchedulingInput


T = TypeVar("T", bound="CreateGuestTripRequest")


@_attrs_define
class CreateGuestTripRequest:
    """A ride request for a guest. The pickup is `pickup` or, deprecated, `start_location`; the destination is `dropoff`
    or, deprecated, `end_location` (the page lists both pairs; when both are sent, `pickup` and `dropoff` win, see
    DISCREPANCIES.md).

        Attributes:
            guest (GuestInput): The rider.
            product_id (UUID): The product requested. Product ids for an area come from the estimates API.
            policy_uuid (UUID | Unset): The policy (permissions and product types) the ride falls under.
            pickup (PickupLocation | Unset): Where the guest is picked up.
            dropoff (DropoffLocation | Unset): Where the guest is dropped off.
            start_location (LegacyStartLocation | Unset): Deprecated; use `pickup`. The pickup location.
            end_location (LegacyEndLocation | Unset): Deprecated; use `dropoff`. The destination.
            fare_id (UUID | Unset): A fare's id, from the estimates API (locks in an upfront fare) or from a 409 fare error
                (accepts the new fare).
            expense_memo (str | Unset): The trip's purpose for expense reporting; shown on the receipt and in expense
                integrations.
            scheduling (SchedulingInput | Unset): When the ride is scheduled. Without it (and without
                `deferred_ride_options`), the ride is requested at once.
            deferred_ride_options (DeferredRideOptions | Unset): Makes the ride a flexible ride, redeemed by the rider on
                the given day.
            sender_display_name (str | Unset): The sender's name in Uber's texts to the rider; longer names are accepted and
                truncated to 26 characters (`x-truncate-at`), not refused. Defaults to the organization's name.
            note_for_driver (str | Unset): A message sent to the driver once one is assigned.
            call_enabled (bool | Unset): Whether the rider and driver can call each other. The page calls it mandatory and
                also gives it a default of true; this document treats it as optional with default true (see DISCREPANCIES.md).
                Default: True.
            contacts_to_notify (list[ContactToNotify] | Unset): Third parties texted a trip link; at most 20 (the pages give
                no limit; this document sets one, see DISCREPANCIES.md). (The page's table spells the item rows
                `contact_to_notify[]`; the field is `contacts_to_notify`, see DISCREPANCIES.md.)
            return_trip_params (ReturnTripParams | Unset): A return trip booked together with this trip.
            hourly (HourlyOptions | Unset): Booking parameters of an hourly ride.
            flight (Flight | Unset): The guest's flight, for a Reserve airport pickup (added by Uber on 2025-08-15). Uber
                answers 400 `flight_not_found` when it does not know the flight and
                `invalid_flight_landing_time` when the landing time does not fit the pickup. The
                object's fields were not captured from Uber's pages, so the document leaves it open;
                the local sandbox accepts any object and does not look flights up.
    """

    guest: GuestInput
    product_id: UUID
    policy_uuid: UUID | Unset = UNSET
    pickup: PickupLocation | Unset = UNSET
    dropoff: DropoffLocation | Unset = UNSET
    start_location: LegacyStartLocation | Unset = UNSET
    end_location: LegacyEndLocation | Unset = UNSET
    fare_id: UUID | Unset = UNSET
    expense_memo: str | Unset = UNSET
    scheduling: SchedulingInput | Unset = UNSET
    deferred_ride_options: DeferredRideOptions | Unset = UNSET
    sender_display_name: str | Unset = UNSET
    note_for_driver: str | Unset = UNSET
    call_enabled: bool | Unset = True
    contacts_to_notify: list[ContactToNotify] | Unset = UNSET
    return_trip_params: ReturnTripParams | Unset = UNSET
    hourly: HourlyOptions | Unset = UNSET
    flight: Flight | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        guest = self.guest.to_dict()

        product_id = str(self.product_id)

        policy_uuid: str | Unset = UNSET
        if not isinstance(self.policy_uuid, Unset):
            policy_uuid = str(self.policy_uuid)

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

        fare_id: str | Unset = UNSET
        if not isinstance(self.fare_id, Unset):
            fare_id = str(self.fare_id)

        expense_memo = self.expense_memo

        scheduling: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scheduling, Unset):
            scheduling = self.scheduling.to_dict()

        deferred_ride_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deferred_ride_options, Unset):
            deferred_ride_options = self.deferred_ride_options.to_dict()

        sender_display_name = self.sender_display_name

        note_for_driver = self.note_for_driver

        call_enabled = self.call_enabled

        contacts_to_notify: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contacts_to_notify, Unset):
            contacts_to_notify = []
            for contacts_to_notify_item_data in self.contacts_to_notify:
                contacts_to_notify_item = contacts_to_notify_item_data.to_dict()
                contacts_to_notify.append(contacts_to_notify_item)

        return_trip_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.return_trip_params, Unset):
            return_trip_params = self.return_trip_params.to_dict()

        hourly: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hourly, Unset):
            hourly = self.hourly.to_dict()

        flight: dict[str, Any] | Unset = UNSET
        if not isinstance(self.flight, Unset):
            flight = self.flight.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "guest": guest,
                "product_id": product_id,
            }
        )
        if policy_uuid is not UNSET:
            field_dict["policy_uuid"] = policy_uuid
        if pickup is not UNSET:
            field_dict["pickup"] = pickup
        if dropoff is not UNSET:
            field_dict["dropoff"] = dropoff
        if start_location is not UNSET:
            field_dict["start_location"] = start_location
        if end_location is not UNSET:
            field_dict["end_location"] = end_location
        if fare_id is not UNSET:
            field_dict["fare_id"] = fare_id
        if expense_memo is not UNSET:
            field_dict["expense_memo"] = expense_memo
        if scheduling is not UNSET:
            field_dict["scheduling"] = scheduling
        if deferred_ride_options is not UNSET:
            field_dict["deferred_ride_options"] = deferred_ride_options
        if sender_display_name is not UNSET:
            field_dict["sender_display_name"] = sender_display_name
        if note_for_driver is not UNSET:
            field_dict["note_for_driver"] = note_for_driver
        if call_enabled is not UNSET:
            field_dict["call_enabled"] = call_enabled
        if contacts_to_notify is not UNSET:
            field_dict["contacts_to_notify"] = contacts_to_notify
        if return_trip_params is not UNSET:
            field_dict["return_trip_params"] = return_trip_params
        if hourly is not UNSET:
            field_dict["hourly"] = hourly
        if flight is not UNSET:
            field_dict["flight"] = flight

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_to_notify import ContactToNotify  # noqa: PLC0415
        from ..models.deferred_ride_options import DeferredRideOptions  # noqa: PLC0415
        from ..models.dropoff_location import DropoffLocation  # noqa: PLC0415
        from ..models.flight import Flight  # noqa: PLC0415
        from ..models.guest_input import GuestInput  # noqa: PLC0415
        from ..models.hourly_options import HourlyOptions  # noqa: PLC0415
        from ..models.legacy_end_location import LegacyEndLocation  # noqa: PLC0415
        from ..models.legacy_start_location import LegacyStartLocation  # noqa: PLC0415
        from ..models.pickup_location import PickupLocation  # noqa: PLC0415
        from ..models.return_trip_params import ReturnTripParams  # noqa: PLC0415
        from ..models.scheduling_input import SchedulingInput  # noqa: PLC0415

        d = dict(src_dict)
        guest = GuestInput.from_dict(d.pop("guest"))

        product_id = UUID(d.pop("product_id"))

        _policy_uuid = d.pop("policy_uuid", UNSET)
        policy_uuid: UUID | Unset
        if isinstance(_policy_uuid, Unset):
            policy_uuid = UNSET
        else:
            policy_uuid = UUID(_policy_uuid)

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

        _fare_id = d.pop("fare_id", UNSET)
        fare_id: UUID | Unset
        if isinstance(_fare_id, Unset):
            fare_id = UNSET
        else:
            fare_id = UUID(_fare_id)

        expense_memo = d.pop("expense_memo", UNSET)

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

        sender_display_name = d.pop("sender_display_name", UNSET)

        note_for_driver = d.pop("note_for_driver", UNSET)

        call_enabled = d.pop("call_enabled", UNSET)

        _contacts_to_notify = d.pop("contacts_to_notify", UNSET)
        contacts_to_notify: list[ContactToNotify] | Unset = UNSET
        if _contacts_to_notify is not UNSET:
            contacts_to_notify = []
            for contacts_to_notify_item_data in _contacts_to_notify:
                contacts_to_notify_item = ContactToNotify.from_dict(contacts_to_notify_item_data)

                contacts_to_notify.append(contacts_to_notify_item)

        _return_trip_params = d.pop("return_trip_params", UNSET)
        return_trip_params: ReturnTripParams | Unset
        if isinstance(_return_trip_params, Unset):
            return_trip_params = UNSET
        else:
            return_trip_params = ReturnTripParams.from_dict(_return_trip_params)

        _hourly = d.pop("hourly", UNSET)
        hourly: HourlyOptions | Unset
        if isinstance(_hourly, Unset):
            hourly = UNSET
        else:
            hourly = HourlyOptions.from_dict(_hourly)

        _flight = d.pop("flight", UNSET)
        flight: Flight | Unset
        if isinstance(_flight, Unset):
            flight = UNSET
        else:
            flight = Flight.from_dict(_flight)

        create_guest_trip_request = cls(
            guest=guest,
            product_id=product_id,
            policy_uuid=policy_uuid,
            pickup=pickup,
            dropoff=dropoff,
            start_location=start_location,
            end_location=end_location,
            fare_id=fare_id,
            expense_memo=expense_memo,
            scheduling=scheduling,
            deferred_ride_options=deferred_ride_options,
            sender_display_name=sender_display_name,
            note_for_driver=note_for_driver,
            call_enabled=call_enabled,
            contacts_to_notify=contacts_to_notify,
            return_trip_params=return_trip_params,
            hourly=hourly,
            flight=flight,
        )

        create_guest_trip_request.additional_properties = d
        return create_guest_trip_request

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
