from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TripEndPlace")


@_attrs_define
class TripEndPlace:
    """The place where the trip ended.

    Attributes:
        place_id (str | Unset): The place's id in the provider's namespace.
        provider (str | Unset): The location-data provider, for example `google_places`.
        subtitle (str | Unset): City and state, where applicable.
        title (str | Unset): The street address.
    """

    place_id: str | Unset = UNSET
    provider: str | Unset = UNSET
    subtitle: str | Unset = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        place_id = self.place_id

        provider = self.provider

        subtitle = self.subtitle

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if place_id is not UNSET:
            field_dict["place_id"] = place_id
        if provider is not UNSET:
            field_dict["provider"] = provider
        if subtitle is not UNSET:
            field_dict["subtitle"] = subtitle
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        place_id = d.pop("place_id", UNSET)

        provider = d.pop("provider", UNSET)

        subtitle = d.pop("subtitle", UNSET)

        title = d.pop("title", UNSET)

        trip_end_place = cls(
            place_id=place_id,
            provider=provider,
            subtitle=subtitle,
            title=title,
        )

        trip_end_place.additional_properties = d
        return trip_end_place

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
