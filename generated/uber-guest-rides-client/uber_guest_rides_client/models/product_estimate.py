from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fulfillment_indicator import FulfillmentIndicator
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.estimate_details import EstimateDetails
    from ..models.estimate_product import EstimateProduct
    from ..models.upfront_fare import UpfrontFare


T = TypeVar("T", bound="ProductEstimate")


@_attrs_define
class ProductEstimate:
    """A product and its estimate. Usually `estimate_info` holds the price; Uber's example of
    an hourly product has `estimate_info: null` with `fare_id` and `fare` beside
    `product` instead, so both places are modelled (see DISCREPANCIES.md).

        Attributes:
            product (EstimateProduct): A product that can serve the ride.
            estimate_info (EstimateDetails | None | Unset): The price and ETA; null for hourly products in Uber's example.
            fare_id (UUID | Unset): The upfront fare's id when `estimate_info` is null (hourly products).
            fare (UpfrontFare | Unset): An upfront fare. Send its `fare_id` with create to book the ride at this price.
            fulfillment_indicator (FulfillmentIndicator | Unset): How likely the product is to find a driver: `GREEN` (cars
                available), `YELLOW` (high
                demand: the product is in surge), `RED` (no cars available). Uber's examples show
                `GREEN` and `YELLOW`; `RED` is this document's reading of the scale and of
                `no_cars_available`.
    """

    product: EstimateProduct
    estimate_info: EstimateDetails | None | Unset = UNSET
    fare_id: UUID | Unset = UNSET
    fare: UpfrontFare | Unset = UNSET
    fulfillment_indicator: FulfillmentIndicator | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.estimate_details import EstimateDetails  # noqa: PLC0415

        product = self.product.to_dict()

        estimate_info: dict[str, Any] | None | Unset
        if isinstance(self.estimate_info, Unset):
            estimate_info = UNSET
        elif isinstance(self.estimate_info, EstimateDetails):
            estimate_info = self.estimate_info.to_dict()
        else:
            estimate_info = self.estimate_info

        fare_id: str | Unset = UNSET
        if not isinstance(self.fare_id, Unset):
            fare_id = str(self.fare_id)

        fare: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fare, Unset):
            fare = self.fare.to_dict()

        fulfillment_indicator: str | Unset = UNSET
        if not isinstance(self.fulfillment_indicator, Unset):
            fulfillment_indicator = self.fulfillment_indicator.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "product": product,
            }
        )
        if estimate_info is not UNSET:
            field_dict["estimate_info"] = estimate_info
        if fare_id is not UNSET:
            field_dict["fare_id"] = fare_id
        if fare is not UNSET:
            field_dict["fare"] = fare
        if fulfillment_indicator is not UNSET:
            field_dict["fulfillment_indicator"] = fulfillment_indicator

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.estimate_details import EstimateDetails  # noqa: PLC0415
        from ..models.estimate_product import EstimateProduct  # noqa: PLC0415
        from ..models.upfront_fare import UpfrontFare  # noqa: PLC0415

        d = dict(src_dict)
        product = EstimateProduct.from_dict(d.pop("product"))

        def _parse_estimate_info(data: object) -> EstimateDetails | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                estimate_info_type_0 = EstimateDetails.from_dict(data)

                return estimate_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EstimateDetails | None | Unset, data)

        estimate_info = _parse_estimate_info(d.pop("estimate_info", UNSET))

        _fare_id = d.pop("fare_id", UNSET)
        fare_id: UUID | Unset
        if isinstance(_fare_id, Unset):
            fare_id = UNSET
        else:
            fare_id = UUID(_fare_id)

        _fare = d.pop("fare", UNSET)
        fare: UpfrontFare | Unset
        if isinstance(_fare, Unset):
            fare = UNSET
        else:
            fare = UpfrontFare.from_dict(_fare)

        _fulfillment_indicator = d.pop("fulfillment_indicator", UNSET)
        fulfillment_indicator: FulfillmentIndicator | Unset
        if isinstance(_fulfillment_indicator, Unset):
            fulfillment_indicator = UNSET
        else:
            fulfillment_indicator = FulfillmentIndicator(_fulfillment_indicator)

        product_estimate = cls(
            product=product,
            estimate_info=estimate_info,
            fare_id=fare_id,
            fare=fare,
            fulfillment_indicator=fulfillment_indicator,
        )

        product_estimate.additional_properties = d
        return product_estimate

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
