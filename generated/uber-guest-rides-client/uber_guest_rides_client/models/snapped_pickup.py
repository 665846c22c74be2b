from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.snapped_place import SnappedPlace


T = TypeVar("T", bound="SnappedPickup")


@_attrs_define
class SnappedPickup:
    """The pickup as snapped to an access point at creation. Omitted when the pickup was not snapped.

    Attributes:
        address (str | Unset): The pickup's address.
        is_refined (bool | Unset): Whether the pickup was snapped.
        latitude (float | Unset):
        longitude (float | Unset):
        timezone (str | Unset): The pickup's time zone.
        title (str | Unset): A short name of the pickup.
        subtitle (str | Unset): More about the pickup.
        status (str | Unset): The pickup's current status.
        update_details (str | Unset): Details or updates about the pickup.
        rider_wayfinding_note (str | Unset): A note to help the rider find the pickup.
        place (SnappedPlace | Unset): The place of a snapped pickup.
    """

    address: str | Unset = UNSET
    is_refined: bool | Unset = UNSET
    latitude: float | Unset = UNSET
    longitude: float | Unset = UNSET
    timezone: str | Unset = UNSET
    title: str | Unset = UNSET
    subtitle: str | Unset = UNSET
    status: str | Unset = UNSET
    update_details: str | Unset = UNSET
    rider_wayfinding_note: str | Unset = UNSET
    place: SnappedPlace | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        is_refined = self.is_refined

        latitude = self.latitude

        longitude = self.longitude

        timezone = self.timezone

        title = self.title

        subtitle = self.subtitle

        status = self.status

        update_details = self.update_details

        rider_wayfinding_note = self.rider_wayfinding_note

        place: dict[str, Any] | Unset = UNSET
        if not isinstance(self.place, Unset):
            place = self.place.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if is_refined is not UNSET:
            field_dict["is_refined"] = is_refined
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if title is not UNSET:
            field_dict["title"] = title
        if subtitle is not UNSET:
            field_dict["subtitle"] = subtitle
        if status is not UNSET:
            field_dict["status"] = status
        if update_details is not UNSET:
            field_dict["update_details"] = update_details
        if rider_wayfinding_note is not UNSET:
            field_dict["rider_wayfinding_note"] = rider_wayfinding_note
        if place is not UNSET:
            field_dict["place"] = place

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.snapped_place import SnappedPlace  # noqa: PLC0415

        d = dict(src_dict)
        address = d.pop("address", UNSET)

        is_refined = d.pop("is_refined", UNSET)

        latitude = d.pop("latitude", UNSET)

        longitude = d.pop("longitude", UNSET)

        timezone = d.pop("timezone", UNSET)

        title = d.pop("title", UNSET)

        subtitle = d.pop("subtitle", UNSET)

        status = d.pop("status", UNSET)

        update_details = d.pop("update_details", UNSET)

        rider_wayfinding_note = d.pop("rider_wayfinding_note", UNSET)

        _place = d.pop("place", UNSET)
        place: SnappedPlace | Unset
        if isinstance(_place, Unset):
            place = UNSET
        else:
            place = SnappedPlace.from_dict(_place)

        snapped_pickup = cls(
            address=address,
            is_refined=is_refined,
            latitude=latitude,
            longitude=longitude,
            timezone=timezone,
            title=title,
            subtitle=subtitle,
            status=status,
            update_details=update_details,
            rider_wayfinding_note=rider_wayfinding_note,
            place=place,
        )

        snapped_pickup.additional_properties = d
        return snapped_pickup

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
