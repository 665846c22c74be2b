from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.advance_booking_type import AdvanceBookingType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.product_cancellation import ProductCancellation
    from ..models.reserve_info import ReserveInfo


T = TypeVar("T", bound="EstimateProduct")


@_attrs_define
class EstimateProduct:
    """A product that can serve the ride.

    Attributes:
        product_id (UUID): The product's id; send it as `product_id` to create the trip. Product ids differ by city.
        display_name (str | Unset): The product's name, e.g. UberX.
        description (str | Unset): The product's description.
        short_description (str | Unset): A short description, translated per `Accept-Language`.
        product_group (str | Unset): The product's family. Uber's examples show `uberx`, `uberblack` and the empty
            string; the list is open.
        image (str | Unset): URL of the product's image.
        background_image (str | Unset): URL of the product's background image.
        capacity (int | Unset): How many riders the product seats.
        upfront_fare_enabled (bool | Unset): Whether the product has upfront fares (`estimate_info.fare`); without them,
            a price range (`estimate_info.estimate`).
        shared (bool | Unset): Whether rides are shared with other riders.
        scheduling_enabled (bool | Unset): Whether the product can be scheduled.
        vehicle_view_id (int | Unset): Uber's internal id of the vehicle view.
        parent_product_type_id (UUID | Unset): The product type, e.g. UberX `6a8e56b8-914e-4b48-a387-e6ad21d9c00c`.
        advance_booking_type (AdvanceBookingType | Unset): How the product books rides in advance: `SCHEDULED` (a
            scheduled ride; such products
            also ride on demand), `RESERVE` (Uber Reserve, a driver is pre-assigned), `HOURLY`
            (an hourly ride, a kind of Reserve ride). Uber's examples show `SCHEDULED` and
            `RESERVE`; `HOURLY` is the value a public client filters on.
        reserve_info (ReserveInfo | Unset): Uber Reserve terms of the product. Only on Reserve and hourly products.
        cancellation (ProductCancellation | Unset): The product's cancellation terms; see the cancel operation for how
            they apply.
    """

    product_id: UUID
    display_name: str | Unset = UNSET
    description: str | Unset = UNSET
    short_description: str | Unset = UNSET
    product_group: str | Unset = UNSET
    image: str | Unset = UNSET
    background_image: str | Unset = UNSET
    capacity: int | Unset = UNSET
    upfront_fare_enabled: bool | Unset = UNSET
    shared: bool | Unset = UNSET
    scheduling_enabled: bool | Unset = UNSET
    vehicle_view_id: int | Unset = UNSET
    parent_product_type_id: UUID | Unset = UNSET
    advance_booking_type: AdvanceBookingType | Unset = UNSET
    reserve_info: ReserveInfo | Unset = UNSET
    cancellation: ProductCancellation | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        product_id = str(self.product_id)

        display_name = self.display_name

        description = self.description

        short_description = self.short_description

        product_group = self.product_group

        image = self.image

        background_image = self.background_image

        capacity = self.capacity

        upfront_fare_enabled = self.upfront_fare_enabled

        shared = self.shared

        scheduling_enabled = self.scheduling_enabled

        vehicle_view_id = self.vehicle_view_id

        parent_product_type_id: str | Unset = UNSET
        if not isinstance(self.parent_product_type_id, Unset):
            parent_product_type_id = str(self.parent_product_type_id)

        advance_booking_type: str | Unset = UNSET
        if not isinstance(self.advance_booking_type, Unset):
            advance_booking_type = self.advance_booking_type.value

        reserve_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.reserve_info, Unset):
            reserve_info = self.reserve_info.to_dict()

        cancellation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cancellation, Unset):
            cancellation = self.cancellation.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "product_id": product_id,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if description is not UNSET:
            field_dict["description"] = description
        if short_description is not UNSET:
            field_dict["short_description"] = short_description
        if product_group is not UNSET:
            field_dict["product_group"] = product_group
        if image is not UNSET:
            field_dict["image"] = image
        if background_image is not UNSET:
            field_dict["background_image"] = background_image
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if upfront_fare_enabled is not UNSET:
            field_dict["upfront_fare_enabled"] = upfront_fare_enabled
        if shared is not UNSET:
            field_dict["shared"] = shared
        if scheduling_enabled is not UNSET:
            field_dict["scheduling_enabled"] = scheduling_enabled
        if vehicle_view_id is not UNSET:
            field_dict["vehicle_view_id"] = vehicle_view_id
        if parent_product_type_id is not UNSET:
            field_dict["parent_product_type_id"] = parent_product_type_id
        if advance_booking_type is not UNSET:
            field_dict["advance_booking_type"] = advance_booking_type
        if reserve_info is not UNSET:
            field_dict["reserve_info"] = reserve_info
        if cancellation is not UNSET:
            field_dict["cancellation"] = cancellation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_cancellation import ProductCancellation  # noqa: PLC0415
        from ..models.reserve_info import ReserveInfo  # noqa: PLC0415

        d = dict(src_dict)
        product_id = UUID(d.pop("product_id"))

        display_name = d.pop("display_name", UNSET)

        description = d.pop("description", UNSET)

        short_description = d.pop("short_description", UNSET)

        product_group = d.pop("product_group", UNSET)

        image = d.pop("image", UNSET)

        background_image = d.pop("background_image", UNSET)

        capacity = d.pop("capacity", UNSET)

        upfront_fare_enabled = d.pop("upfront_fare_enabled", UNSET)

        shared = d.pop("shared", UNSET)

        scheduling_enabled = d.pop("scheduling_enabled", UNSET)

        vehicle_view_id = d.pop("vehicle_view_id", UNSET)

        _parent_product_type_id = d.pop("parent_product_type_id", UNSET)
        parent_product_type_id: UUID | Unset
        if isinstance(_parent_product_type_id, Unset):
            parent_product_type_id = UNSET
        else:
            parent_product_type_id = UUID(_parent_product_type_id)

        _advance_booking_type = d.pop("advance_booking_type", UNSET)
        advance_booking_type: AdvanceBookingType | Unset
        if isinstance(_advance_booking_type, Unset):
            advance_booking_type = UNSET
        else:
            advance_booking_type = AdvanceBookingType(_advance_booking_type)

        _reserve_info = d.pop("reserve_info", UNSET)
        reserve_info: ReserveInfo | Unset
        if isinstance(_reserve_info, Unset):
            reserve_info = UNSET
        else:
            reserve_info = ReserveInfo.from_dict(_reserve_info)

        _cancellation = d.pop("cancellation", UNSET)
        cancellation: ProductCancellation | Unset
        if isinstance(_cancellation, Unset):
            cancellation = UNSET
        else:
            cancellation = ProductCancellation.from_dict(_cancellation)

        estimate_product = cls(
            product_id=product_id,
            display_name=display_name,
            description=description,
            short_description=short_description,
            product_group=product_group,
            image=image,
            background_image=background_image,
            capacity=capacity,
            upfront_fare_enabled=upfront_fare_enabled,
            shared=shared,
            scheduling_enabled=scheduling_enabled,
            vehicle_view_id=vehicle_view_id,
            parent_product_type_id=parent_product_type_id,
            advance_booking_type=advance_booking_type,
            reserve_info=reserve_info,
            cancellation=cancellation,
        )

        estimate_product.additional_properties = d
        return estimate_product

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
