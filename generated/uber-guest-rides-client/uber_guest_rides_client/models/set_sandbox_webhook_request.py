from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SetSandboxWebhookRequest")


@_attrs_define
class SetSandboxWebhookRequest:
    """The webhook URL to set.

    Attributes:
        url (str): An `http` or `https` URL on this machine (`localhost`, `127.0.0.0/8` or `[::1]`).
    """

    url: str

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        set_sandbox_webhook_request = cls(
            url=url,
        )

        return set_sandbox_webhook_request
