from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sandbox_webhook_delivery_state import SandboxWebhookDeliveryState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sandbox_webhook_attempt import SandboxWebhookAttempt
    from ..models.trip_driver_location_event import TripDriverLocationEvent
    from ..models.trip_status_changed_event import TripStatusChangedEvent


T = TypeVar("T", bound="SandboxWebhookDelivery")


@_attrs_define
class SandboxWebhookDelivery:
    """An event and its delivery.

    Attributes:
        event_id (str): The event's `event_id`.
        event_type (str): The event's `event_type`.
        request_id (UUID): The trip the event is about.
        url (str): Where it is sent.
        state (SandboxWebhookDeliveryState): `pending` until the endpoint answers 2xx (`delivered`) or the last attempt
            fails (`failed`).
        attempts (list[SandboxWebhookAttempt]): The attempts so far, in order.
        event (TripDriverLocationEvent | TripStatusChangedEvent): The event's body, as sent.
        reason (str | Unset): Why a `failed` event was not (or no longer) sent, when that was not the endpoint's answer
            (a full queue, the URL removed).
    """

    event_id: str
    event_type: str
    request_id: UUID
    url: str
    state: SandboxWebhookDeliveryState
    attempts: list[SandboxWebhookAttempt]
    event: TripDriverLocationEvent | TripStatusChangedEvent
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.trip_status_changed_event import TripStatusChangedEvent  # noqa: PLC0415

        event_id = self.event_id

        event_type = self.event_type

        request_id = str(self.request_id)

        url = self.url

        state = self.state.value

        attempts = []
        for attempts_item_data in self.attempts:
            attempts_item = attempts_item_data.to_dict()
            attempts.append(attempts_item)

        event: dict[str, Any]
        if isinstance(self.event, TripStatusChangedEvent):
            event = self.event.to_dict()
        else:
            event = self.event.to_dict()

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "event_type": event_type,
                "request_id": request_id,
                "url": url,
                "state": state,
                "attempts": attempts,
                "event": event,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sandbox_webhook_attempt import SandboxWebhookAttempt  # noqa: PLC0415
        from ..models.trip_driver_location_event import TripDriverLocationEvent  # noqa: PLC0415
        from ..models.trip_status_changed_event import TripStatusChangedEvent  # noqa: PLC0415

        d = dict(src_dict)
        event_id = d.pop("event_id")

        event_type = d.pop("event_type")

        request_id = UUID(d.pop("request_id"))

        url = d.pop("url")

        state = SandboxWebhookDeliveryState(d.pop("state"))

        attempts = []
        _attempts = d.pop("attempts")
        for attempts_item_data in _attempts:
            attempts_item = SandboxWebhookAttempt.from_dict(attempts_item_data)

            attempts.append(attempts_item)

        def _parse_event(data: object) -> TripDriverLocationEvent | TripStatusChangedEvent:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                event_type_0 = TripStatusChangedEvent.from_dict(data)

                return event_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            event_type_1 = TripDriverLocationEvent.from_dict(data)

            return event_type_1

        event = _parse_event(d.pop("event"))

        reason = d.pop("reason", UNSET)

        sandbox_webhook_delivery = cls(
            event_id=event_id,
            event_type=event_type,
            request_id=request_id,
            url=url,
            state=state,
            attempts=attempts,
            event=event,
            reason=reason,
        )

        sandbox_webhook_delivery.additional_properties = d
        return sandbox_webhook_delivery

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
