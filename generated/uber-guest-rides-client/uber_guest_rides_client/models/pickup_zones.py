from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.access_point import AccessPoint
    from ..models.pickup_zone import PickupZone


T = TypeVar("T", bound="PickupZones")


@_attrs_define
class PickupZones:
    """The zone at a location and its access points, or only access points when there is no zone.

    Attributes:
        master_zone (PickupZone | Unset): A specialized pickup zone, with either `access_points` (non-hierarchical) or
            `sub_zones` (hierarchical).
        access_points (list[AccessPoint] | Unset): Access points near the location, when it is in no zone.
    """

    master_zone: PickupZone | Unset = UNSET
    access_points: list[AccessPoint] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        master_zone: dict[str, Any] | Unset = UNSET
        if not isinstance(self.master_zone, Unset):
            master_zone = self.master_zone.to_dict()

        access_points: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.access_points, Unset):
            access_points = []
            for access_points_item_data in self.access_points:
                access_points_item = access_points_item_data.to_dict()
                access_points.append(access_points_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if master_zone is not UNSET:
            field_dict["master_zone"] = master_zone
        if access_points is not UNSET:
            field_dict["access_points"] = access_points

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access_point import AccessPoint  # noqa: PLC0415
        from ..models.pickup_zone import PickupZone  # noqa: PLC0415

        d = dict(src_dict)
        _master_zone = d.pop("master_zone", UNSET)
        master_zone: PickupZone | Unset
        if isinstance(_master_zone, Unset):
            master_zone = UNSET
        else:
            master_zone = PickupZone.from_dict(_master_zone)

        _access_points = d.pop("access_points", UNSET)
        access_points: list[AccessPoint] | Unset = UNSET
        if _access_points is not UNSET:
            access_points = []
            for access_points_item_data in _access_points:
                access_points_item = AccessPoint.from_dict(access_points_item_data)

                access_points.append(access_points_item)

        pickup_zones = cls(
            master_zone=master_zone,
            access_points=access_points,
        )

        pickup_zones.additional_properties = d
        return pickup_zones

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
