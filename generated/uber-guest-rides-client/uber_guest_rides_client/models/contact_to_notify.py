from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contact_event import ContactEvent

T = TypeVar("T", bound="ContactToNotify")


@_attrs_define
class ContactToNotify:
    """A third party texted the trip link at the listed events.

    Attributes:
        phone_number (str): A phone number in E.164 format.
        contact_event (list[ContactEvent]): The events at which the contact is texted.
    """

    phone_number: str
    contact_event: list[ContactEvent]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        phone_number = self.phone_number

        contact_event = []
        for contact_event_item_data in self.contact_event:
            contact_event_item = contact_event_item_data.value
            contact_event.append(contact_event_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "phone_number": phone_number,
                "contact_event": contact_event,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone_number = d.pop("phone_number")

        contact_event = []
        _contact_event = d.pop("contact_event")
        for contact_event_item_data in _contact_event:
            contact_event_item = ContactEvent(contact_event_item_data)

            contact_event.append(contact_event_item)

        contact_to_notify = cls(
            phone_number=phone_number,
            contact_event=contact_event,
        )

        contact_to_notify.additional_properties = d
        return contact_to_notify

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
