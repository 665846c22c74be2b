from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.trip_event_meta import TripEventMeta


T = TypeVar("T", bound="TripStatusChangedEvent")


@_attrs_define
class TripStatusChangedEvent:
    """The body of a `guests.trips.status_changed` event.

    Attributes:
        event_id (str): The event's unique id; a redelivery carries the same one, so use it to handle each event once.
        event_time (int): When the event occurred, in seconds since the Unix epoch.
        event_type (Literal['guests.trips.status_changed']): The kind of event.
        resource_href (str): The trip's URL; fetch it with the application's token for the whole trip.
        meta (TripEventMeta): What a trip event is about.
    """

    event_id: str
    event_time: int
    event_type: Literal["guests.trips.status_changed"]
    resource_href: str
    meta: TripEventMeta
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        event_time = self.event_time

        event_type = self.event_type

        resource_href = self.resource_href

        meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "event_time": event_time,
                "event_type": event_type,
                "resource_href": resource_href,
                "meta": meta,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trip_event_meta import TripEventMeta  # noqa: PLC0415

        d = dict(src_dict)
        event_id = d.pop("event_id")

        event_time = d.pop("event_time")

        event_type = cast(Literal["guests.trips.status_changed"], d.pop("event_type"))
        if event_type != "guests.trips.status_changed":
            raise ValueError(f"event_type must match const 'guests.trips.status_changed', got '{event_type}'")

        resource_href = d.pop("resource_href")

        meta = TripEventMeta.from_dict(d.pop("meta"))

        trip_status_changed_event = cls(
            event_id=event_id,
            event_time=event_time,
            event_type=event_type,
            resource_href=resource_href,
            meta=meta,
        )

        trip_status_changed_event.additional_properties = d
        return trip_status_changed_event

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
