from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.guest_trip import GuestTrip
from ...types import UNSET, Response, Unset


def _get_kwargs(
    request_id: UUID,
    *,
    include_editable_fields: bool | Unset = False,
    accept_language: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    if not isinstance(x_uber_organizationuuid, Unset):
        headers["x-uber-organizationuuid"] = str(x_uber_organizationuuid)

    params: dict[str, Any] = {}

    params["include_editable_fields"] = include_editable_fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/guests/trips/{request_id}".format(
            request_id=quote(str(request_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | GuestTrip | None:
    if response.status_code == 200:
        response_200 = GuestTrip.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | GuestTrip]:
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
    include_editable_fields: bool | Unset = False,
    accept_language: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[Error | GuestTrip]:
    """Get a guest trip

     Returns a trip's current state. Which fields are present depends on the status:
    `driver` and `vehicle` only once a driver is assigned (never while `processing`,
    `scheduled` or `no_drivers_available`); `location` only while `accepted` or
    `arriving`; fares, `waypoints` and `dropoff_time` only on trips in a terminal state;
    `editable_fields` only when `include_editable_fields=true`.

    With `Accept-Language` (for example `FR`), the product description and the vehicle
    colour come back translated.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        include_editable_fields (bool | Unset): When true, the response includes
            `editable_fields`. Omitted or false, it does not. Default: False.
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GuestTrip]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        include_editable_fields=include_editable_fields,
        accept_language=accept_language,
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
    include_editable_fields: bool | Unset = False,
    accept_language: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Error | GuestTrip | None:
    """Get a guest trip

     Returns a trip's current state. Which fields are present depends on the status:
    `driver` and `vehicle` only once a driver is assigned (never while `processing`,
    `scheduled` or `no_drivers_available`); `location` only while `accepted` or
    `arriving`; fares, `waypoints` and `dropoff_time` only on trips in a terminal state;
    `editable_fields` only when `include_editable_fields=true`.

    With `Accept-Language` (for example `FR`), the product description and the vehicle
    colour come back translated.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        include_editable_fields (bool | Unset): When true, the response includes
            `editable_fields`. Omitted or false, it does not. Default: False.
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GuestTrip
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
        include_editable_fields=include_editable_fields,
        accept_language=accept_language,
        x_uber_organizationuuid=x_uber_organizationuuid,
    ).parsed


async def asyncio_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    include_editable_fields: bool | Unset = False,
    accept_language: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[Error | GuestTrip]:
    """Get a guest trip

     Returns a trip's current state. Which fields are present depends on the status:
    `driver` and `vehicle` only once a driver is assigned (never while `processing`,
    `scheduled` or `no_drivers_available`); `location` only while `accepted` or
    `arriving`; fares, `waypoints` and `dropoff_time` only on trips in a terminal state;
    `editable_fields` only when `include_editable_fields=true`.

    With `Accept-Language` (for example `FR`), the product description and the vehicle
    colour come back translated.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        include_editable_fields (bool | Unset): When true, the response includes
            `editable_fields`. Omitted or false, it does not. Default: False.
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GuestTrip]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        include_editable_fields=include_editable_fields,
        accept_language=accept_language,
        x_uber_organizationuuid=x_uber_organizationuuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    include_editable_fields: bool | Unset = False,
    accept_language: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Error | GuestTrip | None:
    """Get a guest trip

     Returns a trip's current state. Which fields are present depends on the status:
    `driver` and `vehicle` only once a driver is assigned (never while `processing`,
    `scheduled` or `no_drivers_available`); `location` only while `accepted` or
    `arriving`; fares, `waypoints` and `dropoff_time` only on trips in a terminal state;
    `editable_fields` only when `include_editable_fields=true`.

    With `Accept-Language` (for example `FR`), the product description and the vehicle
    colour come back translated.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        include_editable_fields (bool | Unset): When true, the response includes
            `editable_fields`. Omitted or false, it does not. Default: False.
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GuestTrip
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            include_editable_fields=include_editable_fields,
            accept_language=accept_language,
            x_uber_organizationuuid=x_uber_organizationuuid,
        )
    ).parsed
