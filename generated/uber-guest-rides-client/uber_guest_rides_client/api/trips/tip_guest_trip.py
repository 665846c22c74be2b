from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.empty_object import EmptyObject
from ...models.error import Error
from ...models.tip_request import TipRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TipRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_uber_organizationuuid, Unset):
        headers["x-uber-organizationuuid"] = str(x_uber_organizationuuid)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/guests/trips/tip",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EmptyObject | Error | None:
    if response.status_code == 200:
        response_200 = EmptyObject.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EmptyObject | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TipRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[EmptyObject | Error]:
    """Tip the driver of a completed trip

     Adds `tip_amount`, in the trip's currency, to a completed trip whose `can_tip` is
    true. Success is 200; the page shows no body, and this document answers an empty
    object. A trip that is not completed or cannot be tipped answers 400
    `validation_failed`; an unknown `request_id` 404 `not_found`.

    **Production only.** Uber's sandbox does not support tips. The local sandbox, like
    it, refuses every tip: after checking the token and the body as for any operation,
    it answers 403 `forbidden` "Tips are not supported in the sandbox."

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (TipRequest): A tip for a completed trip.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyObject | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TipRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> EmptyObject | Error | None:
    """Tip the driver of a completed trip

     Adds `tip_amount`, in the trip's currency, to a completed trip whose `can_tip` is
    true. Success is 200; the page shows no body, and this document answers an empty
    object. A trip that is not completed or cannot be tipped answers 400
    `validation_failed`; an unknown `request_id` 404 `not_found`.

    **Production only.** Uber's sandbox does not support tips. The local sandbox, like
    it, refuses every tip: after checking the token and the body as for any operation,
    it answers 403 `forbidden` "Tips are not supported in the sandbox."

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (TipRequest): A tip for a completed trip.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyObject | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TipRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[EmptyObject | Error]:
    """Tip the driver of a completed trip

     Adds `tip_amount`, in the trip's currency, to a completed trip whose `can_tip` is
    true. Success is 200; the page shows no body, and this document answers an empty
    object. A trip that is not completed or cannot be tipped answers 400
    `validation_failed`; an unknown `request_id` 404 `not_found`.

    **Production only.** Uber's sandbox does not support tips. The local sandbox, like
    it, refuses every tip: after checking the token and the body as for any operation,
    it answers 403 `forbidden` "Tips are not supported in the sandbox."

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (TipRequest): A tip for a completed trip.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyObject | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TipRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> EmptyObject | Error | None:
    """Tip the driver of a completed trip

     Adds `tip_amount`, in the trip's currency, to a completed trip whose `can_tip` is
    true. Success is 200; the page shows no body, and this document answers an empty
    object. A trip that is not completed or cannot be tipped answers 400
    `validation_failed`; an unknown `request_id` 404 `not_found`.

    **Production only.** Uber's sandbox does not support tips. The local sandbox, like
    it, refuses every tip: after checking the token and the body as for any operation,
    it answers 403 `forbidden` "Tips are not supported in the sandbox."

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (TipRequest): A tip for a completed trip.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyObject | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_uber_organizationuuid=x_uber_organizationuuid,
        )
    ).parsed
