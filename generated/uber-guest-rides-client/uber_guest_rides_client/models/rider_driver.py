from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RiderDriver")


@_attrs_define
class RiderDriver:
    """The driver. Only during an ongoing trip.

    Attributes:
        phone_number (str | Unset): A phone number in E.164 format.
        sms_number (str | Unset): A phone number in E.164 format.
        rating (float | Unset): The driver's rating, out of 5 stars.
        picture_url (str | Unset): The driver's photo.
        name (str | Unset): The driver's first name.
    """

    phone_number: str | Unset = UNSET
    sms_number: str | Unset = UNSET
    rating: float | Unset = UNSET
    picture_url: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        phone_number = self.phone_number

        sms_number = self.sms_number

        rating = self.rating

        picture_url = self.picture_url

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if sms_number is not UNSET:
            field_dict["sms_number"] = sms_number
        if rating is not UNSET:
            field_dict["rating"] = rating
        if picture_url is not UNSET:
            field_dict["picture_url"] = picture_url
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone_number = d.pop("phone_number", UNSET)

        sms_number = d.pop("sms_number", UNSET)

        rating = d.pop("rating", UNSET)

        picture_url = d.pop("picture_url", UNSET)

        name = d.pop("name", UNSET)

        rider_driver = cls(
            phone_number=phone_number,
            sms_number=sms_number,
            rating=rating,
            picture_url=picture_url,
            name=name,
        )

        rider_driver.additional_properties = d
        return rider_driver

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
