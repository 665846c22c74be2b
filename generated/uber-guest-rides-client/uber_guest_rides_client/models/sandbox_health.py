from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sandbox_health_status import SandboxHealthStatus
from ..models.sandbox_health_store import SandboxHealthStore

T = TypeVar("T", bound="SandboxHealth")


@_attrs_define
class SandboxHealth:
    """The local sandbox's readiness, and where it keeps its state.

    Attributes:
        status (SandboxHealthStatus): `ok`: the sandbox serves requests and can read its store.
        store (SandboxHealthStore): Where the state lives. `memory` (the default) loses every token, trip, run, fare and
            session, and each application's clock and surge settings, when the process stops; `sqlite` keeps them in a file
            across restarts and worker processes.
        now_ms (int): A point in time, in milliseconds since the Unix epoch, up to the end of year 9999 (the last
            instant calendar dates represent).
    """

    status: SandboxHealthStatus
    store: SandboxHealthStore
    now_ms: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        store = self.store.value

        now_ms = self.now_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "store": store,
                "now_ms": now_ms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = SandboxHealthStatus(d.pop("status"))

        store = SandboxHealthStore(d.pop("store"))

        now_ms = d.pop("now_ms")

        sandbox_health = cls(
            status=status,
            store=store,
            now_ms=now_ms,
        )

        sandbox_health.additional_properties = d
        return sandbox_health

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
