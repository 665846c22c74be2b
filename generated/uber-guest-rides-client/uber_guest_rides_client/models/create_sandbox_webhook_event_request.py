from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.create_sandbox_webhook_event_request_event_type import CreateSandboxWebhookEventRequestEventType

T = TypeVar("T", bound="CreateSandboxWebhookEventRequest")


@_attrs_define
class CreateSandboxWebhookEventRequest:
    """The event to send now.

    Attributes:
        request_id (UUID): One of the application's trips.
        event_type (CreateSandboxWebhookEventRequestEventType): Which event.
    """

    request_id: UUID
    event_type: CreateSandboxWebhookEventRequestEventType

    def to_dict(self) -> dict[str, Any]:
        request_id = str(self.request_id)

        event_type = self.event_type.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "request_id": request_id,
                "event_type": event_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        request_id = UUID(d.pop("request_id"))

        event_type = CreateSandboxWebhookEventRequestEventType(d.pop("event_type"))

        create_sandbox_webhook_event_request = cls(
            request_id=request_id,
            event_type=event_type,
        )

        return create_sandbox_webhook_event_request
