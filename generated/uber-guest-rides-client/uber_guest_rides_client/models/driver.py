from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pin_based_phone_number import PinBasedPhoneNumber


T = TypeVar("T", bound="Driver")


@_attrs_define
class Driver:
    """The trip's driver. Absent while the trip is processing, scheduled or no_drivers_available.

    Attributes:
        id (UUID | Unset): The driver's unique id.
        name (str | Unset): The driver's first name.
        phone_number (str | Unset): A phone number in E.164 format.
        sms_number (str | Unset): A phone number in E.164 format.
        rating (float | Unset): The driver's rating, out of 5 stars.
        picture_url (str | Unset): The driver's photo.
        pin_based_phone_number (PinBasedPhoneNumber | Unset): A number and pin to call the driver.
    """

    id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    phone_number: str | Unset = UNSET
    sms_number: str | Unset = UNSET
    rating: float | Unset = UNSET
    picture_url: str | Unset = UNSET
    pin_based_phone_number: PinBasedPhoneNumber | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        phone_number = self.phone_number

        sms_number = self.sms_number

        rating = self.rating

        picture_url = self.picture_url

        pin_based_phone_number: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pin_based_phone_number, Unset):
            pin_based_phone_number = self.pin_based_phone_number.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if sms_number is not UNSET:
            field_dict["sms_number"] = sms_number
        if rating is not UNSET:
            field_dict["rating"] = rating
        if picture_url is not UNSET:
            field_dict["picture_url"] = picture_url
        if pin_based_phone_number is not UNSET:
            field_dict["pin_based_phone_number"] = pin_based_phone_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pin_based_phone_number import PinBasedPhoneNumber  # noqa: PLC0415

        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        name = d.pop("name", UNSET)

        phone_number = d.pop("phone_number", UNSET)

        sms_number = d.pop("sms_number", UNSET)

        rating = d.pop("rating", UNSET)

        picture_url = d.pop("picture_url", UNSET)

        _pin_based_phone_number = d.pop("pin_based_phone_number", UNSET)
        pin_based_phone_number: PinBasedPhoneNumber | Unset
        if isinstance(_pin_based_phone_number, Unset):
            pin_based_phone_number = UNSET
        else:
            pin_based_phone_number = PinBasedPhoneNumber.from_dict(_pin_based_phone_number)

        driver = cls(
            id=id,
            name=name,
            phone_number=phone_number,
            sms_number=sms_number,
            rating=rating,
            picture_url=picture_url,
            pin_based_phone_number=pin_based_phone_number,
        )

        driver.additional_properties = d
        return driver

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
