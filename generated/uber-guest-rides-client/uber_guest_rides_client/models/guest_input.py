from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GuestInput")


@_attrs_define
class GuestInput:
    """The rider.

    Attributes:
        first_name (str): The rider's first name, at most 256 characters. The pages give no limit; this document sets
            one (see DISCREPANCIES.md).
        last_name (str): The rider's last name, at most 256 characters. The pages give no limit; this document sets one
            (see DISCREPANCIES.md).
        phone_number (str): A phone number in E.164 format.
        email (str | Unset): The rider's email address (optional), at most 254 characters (the longest address SMTP
            carries). The pages give no limit; this document sets one (see DISCREPANCIES.md).
        locale (str | Unset): Locale of the texts sent to the rider, at most 35 characters (the longest language tag
            implementations must support). Defaults to `en_US`, or to the locale of this guest's last create-trip request.
            The pages give no limit; this document sets one (see DISCREPANCIES.md).
    """

    first_name: str
    last_name: str
    phone_number: str
    email: str | Unset = UNSET
    locale: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        phone_number = self.phone_number

        email = self.email

        locale = self.locale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "first_name": first_name,
                "last_name": last_name,
                "phone_number": phone_number,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if locale is not UNSET:
            field_dict["locale"] = locale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        phone_number = d.pop("phone_number")

        email = d.pop("email", UNSET)

        locale = d.pop("locale", UNSET)

        guest_input = cls(
            first_name=first_name,
            last_name=last_name,
            phone_number=phone_number,
            email=email,
            locale=locale,
        )

        guest_input.additional_properties = d
        return guest_input

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
