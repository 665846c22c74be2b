from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SetSandboxClockRequest")


@_attrs_define
class SetSandboxClockRequest:
    """Move the calling application's clock by `advance_seconds` or to `now_ms`, or `reset` it to the sandbox's base clock;
    exactly one.

        Attributes:
            advance_seconds (int | Unset): Seconds to move forward (at most a year).
            now_ms (int | Unset): A point in time, in milliseconds since the Unix epoch, up to the end of year 9999 (the
                last instant calendar dates represent).
            reset (bool | Unset): Bring the application's clock back to the sandbox's base clock (the one move that may go
                backwards), e.g. to undo what a test moved.
    """

    advance_seconds: int | Unset = UNSET
    now_ms: int | Unset = UNSET
    reset: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        advance_seconds = self.advance_seconds

        now_ms = self.now_ms

        reset = self.reset

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if advance_seconds is not UNSET:
            field_dict["advance_seconds"] = advance_seconds
        if now_ms is not UNSET:
            field_dict["now_ms"] = now_ms
        if reset is not UNSET:
            field_dict["reset"] = reset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        advance_seconds = d.pop("advance_seconds", UNSET)

        now_ms = d.pop("now_ms", UNSET)

        reset = d.pop("reset", UNSET)

        set_sandbox_clock_request = cls(
            advance_seconds=advance_seconds,
            now_ms=now_ms,
            reset=reset,
        )

        return set_sandbox_clock_request
