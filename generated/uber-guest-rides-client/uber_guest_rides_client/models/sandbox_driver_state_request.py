from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sandbox_driver_state import SandboxDriverState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lat_lng import LatLng


T = TypeVar("T", bound="SandboxDriverStateRequest")


@_attrs_define
class SandboxDriverStateRequest:
    """The driver's next state.

    Attributes:
        run_id (UUID): The run's id.
        driver_id (str): One of the run's `driver_ids`.
        driver_state (SandboxDriverState): A sandbox driver's next state; see the driver-state operation for the order.
        driver_location (LatLng | Unset): A point.
    """

    run_id: UUID
    driver_id: str
    driver_state: SandboxDriverState
    driver_location: LatLng | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id = str(self.run_id)

        driver_id = self.driver_id

        driver_state = self.driver_state.value

        driver_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.driver_location, Unset):
            driver_location = self.driver_location.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run_id": run_id,
                "driver_id": driver_id,
                "driver_state": driver_state,
            }
        )
        if driver_location is not UNSET:
            field_dict["driver_location"] = driver_location

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lat_lng import LatLng  # noqa: PLC0415

        d = dict(src_dict)
        run_id = UUID(d.pop("run_id"))

        driver_id = d.pop("driver_id")

        driver_state = SandboxDriverState(d.pop("driver_state"))

        _driver_location = d.pop("driver_location", UNSET)
        driver_location: LatLng | Unset
        if isinstance(_driver_location, Unset):
            driver_location = UNSET
        else:
            driver_location = LatLng.from_dict(_driver_location)

        sandbox_driver_state_request = cls(
            run_id=run_id,
            driver_id=driver_id,
            driver_state=driver_state,
            driver_location=driver_location,
        )

        sandbox_driver_state_request.additional_properties = d
        return sandbox_driver_state_request

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
