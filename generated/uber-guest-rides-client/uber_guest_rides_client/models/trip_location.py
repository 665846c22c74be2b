from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.place import Place


T = TypeVar("T", bound="TripLocation")


@_attrs_define
class TripLocation:
    """A trip's pickup or destination.

    Attributes:
        address (str | Unset): The complete address.
        eta (int | Unset): Estimated minutes until the vehicle arrives there. At pickup, only while the trip is accepted
            or arriving; at the destination, only during the trip.
        latitude (float | Unset):
        longitude (float | Unset):
        place (Place | Unset): A place in a location provider's namespace.
        subtitle (str | Unset): City and state, where applicable.
        timezone (str | Unset): The time zone at the address.
        title (str | Unset): The street address.
    """

    address: str | Unset = UNSET
    eta: int | Unset = UNSET
    latitude: float | Unset = UNSET
    longitude: float | Unset = UNSET
    place: Place | Unset = UNSET
    subtitle: str | Unset = UNSET
    timezone: str | Unset = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        eta = self.eta

        latitude = self.latitude

        longitude = self.longitude

        place: dict[str, Any] | Unset = UNSET
        if not isinstance(self.place, Unset):
            place = self.place.to_dict()

        subtitle = self.subtitle

        timezone = self.timezone

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if eta is not UNSET:
            field_dict["eta"] = eta
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if place is not UNSET:
            field_dict["place"] = place
        if subtitle is not UNSET:
            field_dict["subtitle"] = subtitle
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.place import Place  # noqa: PLC0415

        d = dict(src_dict)
        address = d.pop("address", UNSET)

        eta = d.pop("eta", UNSET)

        latitude = d.pop("latitude", UNSET)

        longitude = d.pop("longitude", UNSET)

        _place = d.pop("place", UNSET)
        place: Place | Unset
        if isinstance(_place, Unset):
            place = UNSET
        else:
            place = Place.from_dict(_place)

        subtitle = d.pop("subtitle", UNSET)

        timezone = d.pop("timezone", UNSET)

        title = d.pop("title", UNSET)

        trip_location = cls(
            address=address,
            eta=eta,
            latitude=latitude,
            longitude=longitude,
            place=place,
            subtitle=subtitle,
            timezone=timezone,
            title=title,
        )

        trip_location.additional_properties = d
        return trip_location

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
