from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RiderVehicle")


@_attrs_define
class RiderVehicle:
    """The vehicle. Only during an ongoing trip.

    Attributes:
        make (str | Unset): The vehicle's make.
        model (str | Unset): The vehicle's model.
        license_plate (str | Unset): The licence plate number.
        picture_url (None | str | Unset): A stock photo of the vehicle; may be null.
    """

    make: str | Unset = UNSET
    model: str | Unset = UNSET
    license_plate: str | Unset = UNSET
    picture_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        make = self.make

        model = self.model

        license_plate = self.license_plate

        picture_url: None | str | Unset
        if isinstance(self.picture_url, Unset):
            picture_url = UNSET
        else:
            picture_url = self.picture_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if make is not UNSET:
            field_dict["make"] = make
        if model is not UNSET:
            field_dict["model"] = model
        if license_plate is not UNSET:
            field_dict["license_plate"] = license_plate
        if picture_url is not UNSET:
            field_dict["picture_url"] = picture_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        make = d.pop("make", UNSET)

        model = d.pop("model", UNSET)

        license_plate = d.pop("license_plate", UNSET)

        def _parse_picture_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        picture_url = _parse_picture_url(d.pop("picture_url", UNSET))

        rider_vehicle = cls(
            make=make,
            model=model,
            license_plate=license_plate,
            picture_url=picture_url,
        )

        rider_vehicle.additional_properties = d
        return rider_vehicle

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
