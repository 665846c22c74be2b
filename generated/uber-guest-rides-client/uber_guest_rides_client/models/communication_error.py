from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.communication_error_data import CommunicationErrorData


T = TypeVar("T", bound="CommunicationError")


@_attrs_define
class CommunicationError:
    """The error envelope of the communication operation.

    Attributes:
        message (str): A human-readable explanation.
        err_code (str): A machine-readable code, e.g. `bad_request`.
        data (CommunicationErrorData | Unset): Details of a communication error.
    """

    message: str
    err_code: str
    data: CommunicationErrorData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        err_code = self.err_code

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "errCode": err_code,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.communication_error_data import CommunicationErrorData  # noqa: PLC0415

        d = dict(src_dict)
        message = d.pop("message")

        err_code = d.pop("errCode")

        _data = d.pop("data", UNSET)
        data: CommunicationErrorData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = CommunicationErrorData.from_dict(_data)

        communication_error = cls(
            message=message,
            err_code=err_code,
            data=data,
        )

        communication_error.additional_properties = d
        return communication_error

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
