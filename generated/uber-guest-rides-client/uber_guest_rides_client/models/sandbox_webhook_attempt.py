from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SandboxWebhookAttempt")


@_attrs_define
class SandboxWebhookAttempt:
    """One attempt to deliver an event.

    Attributes:
        attempt (int): 1 for the first attempt.
        sent_at_ms (int): When it was sent, in milliseconds since the Unix epoch on the machine's clock (retries run on
            real time, not on the sandbox's clock).
        duration_ms (float): How long the endpoint took to answer, or until the attempt gave up.
        status (int | Unset): The HTTP status the endpoint answered; absent when it did not answer.
        error (str | Unset): Why there was no answer (connection refused, timeout, ...).
    """

    attempt: int
    sent_at_ms: int
    duration_ms: float
    status: int | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempt = self.attempt

        sent_at_ms = self.sent_at_ms

        duration_ms = self.duration_ms

        status = self.status

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempt": attempt,
                "sent_at_ms": sent_at_ms,
                "duration_ms": duration_ms,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempt = d.pop("attempt")

        sent_at_ms = d.pop("sent_at_ms")

        duration_ms = d.pop("duration_ms")

        status = d.pop("status", UNSET)

        error = d.pop("error", UNSET)

        sandbox_webhook_attempt = cls(
            attempt=attempt,
            sent_at_ms=sent_at_ms,
            duration_ms=duration_ms,
            status=status,
            error=error,
        )

        sandbox_webhook_attempt.additional_properties = d
        return sandbox_webhook_attempt

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
