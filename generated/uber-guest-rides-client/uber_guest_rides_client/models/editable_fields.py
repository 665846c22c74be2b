from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.editable_field import EditableField
    from ..models.editable_pickup import EditablePickup


T = TypeVar("T", bound="EditableFields")


@_attrs_define
class EditableFields:
    """The editable parts of the trip, by field id. Only with `include_editable_fields=true`.
    They agree with what `PUT /v1/guests/trips/{request_id}` accepts: on an on-demand
    trip before dispatch (`processing`), `PICKUP` (within `max_radius_meters`, 200 in
    the local sandbox) and `DROPOFF`; after dispatch (`accepted`, `arriving`,
    `in_progress`, `driver_redispatched`), `DROPOFF` alone; on scheduled, Reserve, hourly
    and flexible trips and on ended trips, nothing. `STOPS` is never editable through the
    API. Uber's accepted-trip example shows `DROPOFF` not editable (see DISCREPANCIES.md).

        Attributes:
            pickup (EditablePickup | Unset): Whether the pickup can be edited in the trip's current status, and how far.
            dropoff (EditableField | Unset): Whether a part of the trip can be edited in its current status.
            stops (EditableField | Unset): Whether a part of the trip can be edited in its current status.
    """

    pickup: EditablePickup | Unset = UNSET
    dropoff: EditableField | Unset = UNSET
    stops: EditableField | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        pickup: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pickup, Unset):
            pickup = self.pickup.to_dict()

        dropoff: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dropoff, Unset):
            dropoff = self.dropoff.to_dict()

        stops: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stops, Unset):
            stops = self.stops.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if pickup is not UNSET:
            field_dict["PICKUP"] = pickup
        if dropoff is not UNSET:
            field_dict["DROPOFF"] = dropoff
        if stops is not UNSET:
            field_dict["STOPS"] = stops

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.editable_field import EditableField  # noqa: PLC0415
        from ..models.editable_pickup import EditablePickup  # noqa: PLC0415

        d = dict(src_dict)
        _pickup = d.pop("PICKUP", UNSET)
        pickup: EditablePickup | Unset
        if isinstance(_pickup, Unset):
            pickup = UNSET
        else:
            pickup = EditablePickup.from_dict(_pickup)

        _dropoff = d.pop("DROPOFF", UNSET)
        dropoff: EditableField | Unset
        if isinstance(_dropoff, Unset):
            dropoff = UNSET
        else:
            dropoff = EditableField.from_dict(_dropoff)

        _stops = d.pop("STOPS", UNSET)
        stops: EditableField | Unset
        if isinstance(_stops, Unset):
            stops = UNSET
        else:
            stops = EditableField.from_dict(_stops)

        editable_fields = cls(
            pickup=pickup,
            dropoff=dropoff,
            stops=stops,
        )

        return editable_fields
