from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.driver_message_request import DriverMessageRequest
from ...models.empty_object import EmptyObject
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    request_id: UUID,
    *,
    body: DriverMessageRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_uber_organizationuuid, Unset):
        headers["x-uber-organizationuuid"] = str(x_uber_organizationuuid)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/guests/trips/{request_id}/message".format(
            request_id=quote(str(request_id), safe=""),
        ),
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
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DriverMessageRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[EmptyObject | Error]:
    """Send a text message to the driver

     Sends `message` to the driver app of the trip. Messages can be sent once a driver is
    assigned (`accepted`, `arriving`, `in_progress`); before that (`processing`,
    `driver_redispatched`, `scheduled`, `offered`) the answer is 400 `retry_request`
    ("The ride communication is not ready ... yet"): retry once a driver has accepted.
    After the trip has ended the answer is 400 `validation_failed`. Success is 200 with
    an empty object.

    The statuses in which the channel is ready are this document's reading of the
    error's text. Errors use the trips envelope `{code, message, metadata}`: the code
    `retry_request` is the only error Uber's copy of this operation shows.

    The local sandbox checks and accepts the message and delivers it nowhere.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (DriverMessageRequest): The text for the driver.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyObject | Error]
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
    body: DriverMessageRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> EmptyObject | Error | None:
    """Send a text message to the driver

     Sends `message` to the driver app of the trip. Messages can be sent once a driver is
    assigned (`accepted`, `arriving`, `in_progress`); before that (`processing`,
    `driver_redispatched`, `scheduled`, `offered`) the answer is 400 `retry_request`
    ("The ride communication is not ready ... yet"): retry once a driver has accepted.
    After the trip has ended the answer is 400 `validation_failed`. Success is 200 with
    an empty object.

    The statuses in which the channel is ready are this document's reading of the
    error's text. Errors use the trips envelope `{code, message, metadata}`: the code
    `retry_request` is the only error Uber's copy of this operation shows.

    The local sandbox checks and accepts the message and delivers it nowhere.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (DriverMessageRequest): The text for the driver.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyObject | Error
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
    body: DriverMessageRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[EmptyObject | Error]:
    """Send a text message to the driver

     Sends `message` to the driver app of the trip. Messages can be sent once a driver is
    assigned (`accepted`, `arriving`, `in_progress`); before that (`processing`,
    `driver_redispatched`, `scheduled`, `offered`) the answer is 400 `retry_request`
    ("The ride communication is not ready ... yet"): retry once a driver has accepted.
    After the trip has ended the answer is 400 `validation_failed`. Success is 200 with
    an empty object.

    The statuses in which the channel is ready are this document's reading of the
    error's text. Errors use the trips envelope `{code, message, metadata}`: the code
    `retry_request` is the only error Uber's copy of this operation shows.

    The local sandbox checks and accepts the message and delivers it nowhere.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (DriverMessageRequest): The text for the driver.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyObject | Error]
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
    body: DriverMessageRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> EmptyObject | Error | None:
    """Send a text message to the driver

     Sends `message` to the driver app of the trip. Messages can be sent once a driver is
    assigned (`accepted`, `arriving`, `in_progress`); before that (`processing`,
    `driver_redispatched`, `scheduled`, `offered`) the answer is 400 `retry_request`
    ("The ride communication is not ready ... yet"): retry once a driver has accepted.
    After the trip has ended the answer is 400 `validation_failed`. Success is 200 with
    an empty object.

    The statuses in which the channel is ready are this document's reading of the
    error's text. Errors use the trips envelope `{code, message, metadata}`: the code
    `retry_request` is the only error Uber's copy of this operation shows.

    The local sandbox checks and accepts the message and delivers it nowhere.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (DriverMessageRequest): The text for the driver.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyObject | Error
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            body=body,
            x_uber_organizationuuid=x_uber_organizationuuid,
        )
    ).parsed
