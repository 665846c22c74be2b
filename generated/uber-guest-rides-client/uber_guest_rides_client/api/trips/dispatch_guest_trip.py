from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dispatch_guest_trip_request import DispatchGuestTripRequest
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    request_id: UUID,
    *,
    body: DispatchGuestTripRequest | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_uber_organizationuuid, Unset):
        headers["x-uber-organizationuuid"] = str(x_uber_organizationuuid)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/guests/trips/{request_id}/dispatch".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DispatchGuestTripRequest | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[Any | Error]:
    """Dispatch a flexible ride

     Dispatches a flexible ride on the guest's behalf: call it on the pickup day when the
    rider is ready, and Uber starts finding a driver. Read the trip afterwards for its
    price and ETA.

    Only flexible rides can be dispatched, only on or after their `pickup_day`, and only
    once: a ride already redeemed by the guest or dispatched, or expired, cannot be
    dispatched again. Every such refusal answers 404 `entity_not_found` with a message
    that names the reason (the page's error table gives 400 for some of them; this
    document follows the page's examples, see DISCREPANCIES.md).

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The id of a flexible trip, as returned when it was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (DispatchGuestTripRequest | Unset): Empty.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DispatchGuestTripRequest | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Any | Error | None:
    """Dispatch a flexible ride

     Dispatches a flexible ride on the guest's behalf: call it on the pickup day when the
    rider is ready, and Uber starts finding a driver. Read the trip afterwards for its
    price and ETA.

    Only flexible rides can be dispatched, only on or after their `pickup_day`, and only
    once: a ride already redeemed by the guest or dispatched, or expired, cannot be
    dispatched again. Every such refusal answers 404 `entity_not_found` with a message
    that names the reason (the page's error table gives 400 for some of them; this
    document follows the page's examples, see DISCREPANCIES.md).

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The id of a flexible trip, as returned when it was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (DispatchGuestTripRequest | Unset): Empty.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
    ).parsed


async def asyncio_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DispatchGuestTripRequest | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[Any | Error]:
    """Dispatch a flexible ride

     Dispatches a flexible ride on the guest's behalf: call it on the pickup day when the
    rider is ready, and Uber starts finding a driver. Read the trip afterwards for its
    price and ETA.

    Only flexible rides can be dispatched, only on or after their `pickup_day`, and only
    once: a ride already redeemed by the guest or dispatched, or expired, cannot be
    dispatched again. Every such refusal answers 404 `entity_not_found` with a message
    that names the reason (the page's error table gives 400 for some of them; this
    document follows the page's examples, see DISCREPANCIES.md).

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The id of a flexible trip, as returned when it was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (DispatchGuestTripRequest | Unset): Empty.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DispatchGuestTripRequest | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Any | Error | None:
    """Dispatch a flexible ride

     Dispatches a flexible ride on the guest's behalf: call it on the pickup day when the
    rider is ready, and Uber starts finding a driver. Read the trip afterwards for its
    price and ETA.

    Only flexible rides can be dispatched, only on or after their `pickup_day`, and only
    once: a ride already redeemed by the guest or dispatched, or expired, cannot be
    dispatched again. Every such refusal answers 404 `entity_not_found` with a message
    that names the reason (the page's error table gives 400 for some of them; this
    document follows the page's examples, see DISCREPANCIES.md).

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The id of a flexible trip, as returned when it was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (DispatchGuestTripRequest | Unset): Empty.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            body=body,
            x_uber_organizationuuid=x_uber_organizationuuid,
        )
    ).parsed
