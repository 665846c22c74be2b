from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trip_status import TripStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="TripEventMeta")


@_attrs_define
class TripEventMeta:
    """What a trip event is about.

    Attributes:
        user_id (str): The user the event was generated for (the requester of the trip).
        resource_id (str): The trip's `request_id`.
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
        org_uuid (UUID | Unset): The Uber for Business organization the ride was requested for. The pages do not say
            when it is left out; the local sandbox leaves it out only for a trip of a first-party application that named no
            organization.
    """

    user_id: str
    resource_id: str
    status: TripStatus
    org_uuid: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        resource_id = self.resource_id

        status = self.status.value

        org_uuid: str | Unset = UNSET
        if not isinstance(self.org_uuid, Unset):
            org_uuid = str(self.org_uuid)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "resource_id": resource_id,
                "status": status,
            }
        )
        if org_uuid is not UNSET:
            field_dict["org_uuid"] = org_uuid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        resource_id = d.pop("resource_id")

        status = TripStatus(d.pop("status"))

        _org_uuid = d.pop("org_uuid", UNSET)
        org_uuid: UUID | Unset
        if isinstance(_org_uuid, Unset):
            org_uuid = UNSET
        else:
            org_uuid = UUID(_org_uuid)

        trip_event_meta = cls(
            user_id=user_id,
            resource_id=resource_id,
            status=status,
            org_uuid=org_uuid,
        )

        trip_event_meta.additional_properties = d
        return trip_event_meta

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
