from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ride_request_place_alias import RideRequestPlaceAlias
from ..types import UNSET, Unset

T = TypeVar("T", bound="RideRequestPlace")


@_attrs_define
class RideRequestPlace:
    """The pickup or destination of a ride request.

    Attributes:
        alias (RideRequestPlaceAlias | Unset): The alias of the address in the rider's profile; only with the `places`
            scope.
        latitude (float | Unset):
        longitude (float | Unset):
        name (str | Unset): The place's name, if known. Not in the sandbox.
        address (str | Unset): The address, if known. Not in the sandbox.
        eta (float | None | Unset): Estimated minutes until arrival there; null when not known (at pickup only while
            accepted or arriving, at the destination only during the trip).
    """

    alias: RideRequestPlaceAlias | Unset = UNSET
    latitude: float | Unset = UNSET
    longitude: float | Unset = UNSET
    name: str | Unset = UNSET
    address: str | Unset = UNSET
    eta: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alias: str | Unset = UNSET
        if not isinstance(self.alias, Unset):
            alias = self.alias.value

        latitude = self.latitude

        longitude = self.longitude

        name = self.name

        address = self.address

        eta: float | None | Unset
        if isinstance(self.eta, Unset):
            eta = UNSET
        else:
            eta = self.eta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if alias is not UNSET:
            field_dict["alias"] = alias
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if name is not UNSET:
            field_dict["name"] = name
        if address is not UNSET:
            field_dict["address"] = address
        if eta is not UNSET:
            field_dict["eta"] = eta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _alias = d.pop("alias", UNSET)
        alias: RideRequestPlaceAlias | Unset
        if isinstance(_alias, Unset):
            alias = UNSET
        else:
            alias = RideRequestPlaceAlias(_alias)

        latitude = d.pop("latitude", UNSET)

        longitude = d.pop("longitude", UNSET)

        name = d.pop("name", UNSET)

        address = d.pop("address", UNSET)

        def _parse_eta(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        eta = _parse_eta(d.pop("eta", UNSET))

        ride_request_place = cls(
            alias=alias,
            latitude=latitude,
            longitude=longitude,
            name=name,
            address=address,
            eta=eta,
        )

        ride_request_place.additional_properties = d
        return ride_request_place

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
