from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.access_point import AccessPoint
    from ..models.pickup_sub_zone import PickupSubZone


T = TypeVar("T", bound="PickupZone")


@_attrs_define
class PickupZone:
    """A specialized pickup zone, with either `access_points` (non-hierarchical) or `sub_zones` (hierarchical).

    Attributes:
        id (str): The zone's id; send it as `pickup.place.zone_id` for its own access points.
        name (str | Unset): The zone's name.
        access_points (list[AccessPoint] | Unset): The zone's access points (non-hierarchical zones).
        sub_zones (list[PickupSubZone] | Unset): The zone's sub-zones (hierarchical zones).
    """

    id: str
    name: str | Unset = UNSET
    access_points: list[AccessPoint] | Unset = UNSET
    sub_zones: list[PickupSubZone] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        access_points: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.access_points, Unset):
            access_points = []
            for access_points_item_data in self.access_points:
                access_points_item = access_points_item_data.to_dict()
                access_points.append(access_points_item)

        sub_zones: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sub_zones, Unset):
            sub_zones = []
            for sub_zones_item_data in self.sub_zones:
                sub_zones_item = sub_zones_item_data.to_dict()
                sub_zones.append(sub_zones_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if access_points is not UNSET:
            field_dict["access_points"] = access_points
        if sub_zones is not UNSET:
            field_dict["sub_zones"] = sub_zones

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access_point import AccessPoint  # noqa: PLC0415
        from ..models.pickup_sub_zone import PickupSubZone  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        _access_points = d.pop("access_points", UNSET)
        access_points: list[AccessPoint] | Unset = UNSET
        if _access_points is not UNSET:
            access_points = []
            for access_points_item_data in _access_points:
                access_points_item = AccessPoint.from_dict(access_points_item_data)

                access_points.append(access_points_item)

        _sub_zones = d.pop("sub_zones", UNSET)
        sub_zones: list[PickupSubZone] | Unset = UNSET
        if _sub_zones is not UNSET:
            sub_zones = []
            for sub_zones_item_data in _sub_zones:
                sub_zones_item = PickupSubZone.from_dict(sub_zones_item_data)

                sub_zones.append(sub_zones_item)

        pickup_zone = cls(
            id=id,
            name=name,
            access_points=access_points,
            sub_zones=sub_zones,
        )

        pickup_zone.additional_properties = d
        return pickup_zone

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
