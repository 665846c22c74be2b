from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Vehicle")


@_attrs_define
class Vehicle:
    """The trip's vehicle. Absent before a driver is assigned.

    Attributes:
        vehicle_color_name (str | Unset): The vehicle's colour, translated per `Accept-Language`. The page's field table
            names it `color_name`; every example names it `vehicle_color_name`, which this document follows (see
            DISCREPANCIES.md).
        license_plate (str | Unset): The licence plate number.
        make (str | Unset): The vehicle's make.
        model (str | Unset): The vehicle's model.
        picture_url (str | Unset): A photo of the vehicle.
    """

    vehicle_color_name: str | Unset = UNSET
    license_plate: str | Unset = UNSET
    make: str | Unset = UNSET
    model: str | Unset = UNSET
    picture_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vehicle_color_name = self.vehicle_color_name

        license_plate = self.license_plate

        make = self.make

        model = self.model

        picture_url = self.picture_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if vehicle_color_name is not UNSET:
            field_dict["vehicle_color_name"] = vehicle_color_name
        if license_plate is not UNSET:
            field_dict["license_plate"] = license_plate
        if make is not UNSET:
            field_dict["make"] = make
        if model is not UNSET:
            field_dict["model"] = model
        if picture_url is not UNSET:
            field_dict["picture_url"] = picture_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        vehicle_color_name = d.pop("vehicle_color_name", UNSET)

        license_plate = d.pop("license_plate", UNSET)

        make = d.pop("make", UNSET)

        model = d.pop("model", UNSET)

        picture_url = d.pop("picture_url", UNSET)

        vehicle = cls(
            vehicle_color_name=vehicle_color_name,
            license_plate=license_plate,
            make=make,
            model=model,
            picture_url=picture_url,
        )

        vehicle.additional_properties = d
        return vehicle

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
