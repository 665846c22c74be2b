from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Guest")


@_attrs_define
class Guest:
    """The rider.

    Attributes:
        guest_id (UUID | Unset): The rider's unique id.
        first_name (str | Unset): The rider's first name.
        last_name (str | Unset): The rider's last name.
        phone_number (str | Unset): A phone number in E.164 format.
        email (str | Unset): The rider's email address.
        locale (str | Unset): The locale of the texts sent to the rider for this trip. Defaults to `en`.
    """

    guest_id: UUID | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    phone_number: str | Unset = UNSET
    email: str | Unset = UNSET
    locale: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        guest_id: str | Unset = UNSET
        if not isinstance(self.guest_id, Unset):
            guest_id = str(self.guest_id)

        first_name = self.first_name

        last_name = self.last_name

        phone_number = self.phone_number

        email = self.email

        locale = self.locale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if guest_id is not UNSET:
            field_dict["guest_id"] = guest_id
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if email is not UNSET:
            field_dict["email"] = email
        if locale is not UNSET:
            field_dict["locale"] = locale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _guest_id = d.pop("guest_id", UNSET)
        guest_id: UUID | Unset
        if isinstance(_guest_id, Unset):
            guest_id = UNSET
        else:
            guest_id = UUID(_guest_id)

        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        phone_number = d.pop("phone_number", UNSET)

        email = d.pop("email", UNSET)

        locale = d.pop("locale", UNSET)

        guest = cls(
            guest_id=guest_id,
            first_name=first_name,
            last_name=last_name,
            phone_number=phone_number,
            email=email,
            locale=locale,
        )

        guest.additional_properties = d
        return guest

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
