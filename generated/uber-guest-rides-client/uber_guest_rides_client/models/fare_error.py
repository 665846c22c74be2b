from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fare_error_code import FareErrorCode

if TYPE_CHECKING:
    from ..models.fare_error_metadata import FareErrorMetadata


T = TypeVar("T", bound="FareError")


@_attrs_define
class FareError:
    """A fare conflict. The fare must be accepted by sending the request again with `metadata.fare_id`.

    Attributes:
        code (FareErrorCode): `surge`: fares are higher than normal. `fare_expired`: the fare_id sent has expired.
        message (str): A human-readable explanation.
        metadata (FareErrorMetadata): The new fare to accept.
    """

    code: FareErrorCode
    message: str
    metadata: FareErrorMetadata
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        message = self.message

        metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
                "metadata": metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fare_error_metadata import FareErrorMetadata  # noqa: PLC0415

        d = dict(src_dict)
        code = FareErrorCode(d.pop("code"))

        message = d.pop("message")

        metadata = FareErrorMetadata.from_dict(d.pop("metadata"))

        fare_error = cls(
            code=code,
            message=message,
            metadata=metadata,
        )

        fare_error.additional_properties = d
        return fare_error

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
