from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trip_status import TripStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.estimate_info import EstimateInfo
    from ..models.guest import Guest
    from ..models.snapped_pickup import SnappedPickup


T = TypeVar("T", bound="GuestTripCreated")


@_attrs_define
class GuestTripCreated:
    """The trip just created.

    Attributes:
        request_id (UUID): The trip's unique id.
        product_id (UUID): The product; product ids differ by city.
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
        eta (int | None | Unset): Deprecated; see `estimate_info.eta`. Estimated minutes until the vehicle arrives; null
            when no driver is available.
        surge_multiplier (float | Unset): The surge multiplier applied to the fare; 1.0 means no surge.
        guest (Guest | Unset): The rider.
        linked_request_id (UUID | Unset): The return trip's id, when `return_trip_params` was sent.
        estimate_info (EstimateInfo | Unset): Estimates made at creation.
        pickup (SnappedPickup | Unset): The pickup as snapped to an access point at creation. Omitted when the pickup
            was not snapped.
    """

    request_id: UUID
    product_id: UUID
    status: TripStatus
    eta: int | None | Unset = UNSET
    surge_multiplier: float | Unset = UNSET
    guest: Guest | Unset = UNSET
    linked_request_id: UUID | Unset = UNSET
    estimate_info: EstimateInfo | Unset = UNSET
    pickup: SnappedPickup | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = str(self.request_id)

        product_id = str(self.product_id)

        status = self.status.value

        eta: int | None | Unset
        if isinstance(self.eta, Unset):
            eta = UNSET
        else:
            eta = self.eta

        surge_multiplier = self.surge_multiplier

        guest: dict[str, Any] | Unset = UNSET
        if not isinstance(self.guest, Unset):
            guest = self.guest.to_dict()

        linked_request_id: str | Unset = UNSET
        if not isinstance(self.linked_request_id, Unset):
            linked_request_id = str(self.linked_request_id)

        estimate_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.estimate_info, Unset):
            estimate_info = self.estimate_info.to_dict()

        pickup: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pickup, Unset):
            pickup = self.pickup.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
                "product_id": product_id,
                "status": status,
            }
        )
        if eta is not UNSET:
            field_dict["eta"] = eta
        if surge_multiplier is not UNSET:
            field_dict["surge_multiplier"] = surge_multiplier
        if guest is not UNSET:
            field_dict["guest"] = guest
        if linked_request_id is not UNSET:
            field_dict["linked_request_id"] = linked_request_id
        if estimate_info is not UNSET:
            field_dict["estimate_info"] = estimate_info
        if pickup is not UNSET:
            field_dict["pickup"] = pickup

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.estimate_info import EstimateInfo  # noqa: PLC0415
        from ..models.guest import Guest  # noqa: PLC0415
        from ..models.snapped_pickup import SnappedPickup  # noqa: PLC0415

        d = dict(src_dict)
        request_id = UUID(d.pop("request_id"))

        product_id = UUID(d.pop("product_id"))

        status = TripStatus(d.pop("status"))

        def _parse_eta(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        eta = _parse_eta(d.pop("eta", UNSET))

        surge_multiplier = d.pop("surge_multiplier", UNSET)

        _guest = d.pop("guest", UNSET)
        guest: Guest | Unset
        if isinstance(_guest, Unset):
            guest = UNSET
        else:
            guest = Guest.from_dict(_guest)

        _linked_request_id = d.pop("linked_request_id", UNSET)
        linked_request_id: UUID | Unset
        if isinstance(_linked_request_id, Unset):
            linked_request_id = UNSET
        else:
            linked_request_id = UUID(_linked_request_id)

        _estimate_info = d.pop("estimate_info", UNSET)
        estimate_info: EstimateInfo | Unset
        if isinstance(_estimate_info, Unset):
            estimate_info = UNSET
        else:
            estimate_info = EstimateInfo.from_dict(_estimate_info)

        _pickup = d.pop("pickup", UNSET)
        pickup: SnappedPickup | Unset
        if isinstance(_pickup, Unset):
            pickup = UNSET
        else:
            pickup = SnappedPickup.from_dict(_pickup)

        guest_trip_created = cls(
            request_id=request_id,
            product_id=product_id,
            status=status,
            eta=eta,
            surge_multiplier=surge_multiplier,
            guest=guest,
            linked_request_id=linked_request_id,
            estimate_info=estimate_info,
            pickup=pickup,
        )

        guest_trip_created.additional_properties = d
        return guest_trip_created

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
