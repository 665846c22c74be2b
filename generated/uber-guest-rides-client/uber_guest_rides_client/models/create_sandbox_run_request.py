from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.driver_location import DriverLocation
    from ..models.lat_lng import LatLng
    from ..models.sandbox_run_preferences import SandboxRunPreferences


T = TypeVar("T", bound="CreateSandboxRunRequest")


@_attrs_define
class CreateSandboxRunRequest:
    """The run to create.

    Attributes:
        driver_locations (list[DriverLocation]): Where the run's drivers start; at most one for now.
        pickup_location (LatLng): A point.
        dropoff_location (LatLng): A point.
        parent_product_type_id (UUID | Unset): The product type of the run's drivers, e.g. UberX
            `6a8e56b8-914e-4b48-a387-e6ad21d9c00c`.
        preferences (SandboxRunPreferences | Unset): Options of the run.
    """

    driver_locations: list[DriverLocation]
    pickup_location: LatLng
    dropoff_location: LatLng
    parent_product_type_id: UUID | Unset = UNSET
    preferences: SandboxRunPreferences | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        driver_locations = []
        for driver_locations_item_data in self.driver_locations:
            driver_locations_item = driver_locations_item_data.to_dict()
            driver_locations.append(driver_locations_item)

        pickup_location = self.pickup_location.to_dict()

        dropoff_location = self.dropoff_location.to_dict()

        parent_product_type_id: str | Unset = UNSET
        if not isinstance(self.parent_product_type_id, Unset):
            parent_product_type_id = str(self.parent_product_type_id)

        preferences: dict[str, Any] | Unset = UNSET
        if not isinstance(self.preferences, Unset):
            preferences = self.preferences.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "driver_locations": driver_locations,
                "pickup_location": pickup_location,
                "dropoff_location": dropoff_location,
            }
        )
        if parent_product_type_id is not UNSET:
            field_dict["parent_product_type_id"] = parent_product_type_id
        if preferences is not UNSET:
            field_dict["preferences"] = preferences

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.driver_location import DriverLocation  # noqa: PLC0415
        from ..models.lat_lng import LatLng  # noqa: PLC0415
        from ..models.sandbox_run_preferences import SandboxRunPreferences  # noqa: PLC0415

        d = dict(src_dict)
        driver_locations = []
        _driver_locations = d.pop("driver_locations")
        for driver_locations_item_data in _driver_locations:
            driver_locations_item = DriverLocation.from_dict(driver_locations_item_data)

            driver_locations.append(driver_locations_item)

        pickup_location = LatLng.from_dict(d.pop("pickup_location"))

        dropoff_location = LatLng.from_dict(d.pop("dropoff_location"))

        _parent_product_type_id = d.pop("parent_product_type_id", UNSET)
        parent_product_type_id: UUID | Unset
        if isinstance(_parent_product_type_id, Unset):
            parent_product_type_id = UNSET
        else:
            parent_product_type_id = UUID(_parent_product_type_id)

        _preferences = d.pop("preferences", UNSET)
        preferences: SandboxRunPreferences | Unset
        if isinstance(_preferences, Unset):
            preferences = UNSET
        else:
            preferences = SandboxRunPreferences.from_dict(_preferences)

        create_sandbox_run_request = cls(
            driver_locations=driver_locations,
            pickup_location=pickup_location,
            dropoff_location=dropoff_location,
            parent_product_type_id=parent_product_type_id,
            preferences=preferences,
        )

        create_sandbox_run_request.additional_properties = d
        return create_sandbox_run_request

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
