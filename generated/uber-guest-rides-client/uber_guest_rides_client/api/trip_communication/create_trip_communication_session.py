from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.communication_error import CommunicationError
from ...models.communication_session import CommunicationSession
from ...models.communication_session_request import CommunicationSessionRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    request_id: UUID,
    *,
    body: CommunicationSessionRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_uber_organizationuuid, Unset):
        headers["x-uber-organizationuuid"] = str(x_uber_organizationuuid)

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/guests/trips/{request_id}/communication".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CommunicationError | CommunicationSession | None:
    if response.status_code == 200:
        response_200 = CommunicationSession.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CommunicationError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CommunicationError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CommunicationError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CommunicationError.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CommunicationError.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CommunicationError.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = CommunicationError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = CommunicationError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CommunicationError | CommunicationSession]:
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
    body: CommunicationSessionRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[CommunicationError | CommunicationSession]:
    """Create a trip communication session

     Returns a phone number that proxies calls and texts between the number sent and the
    trip's driver. The number sent may be the rider's or the organization's.

    A trip has at most one session. Calling again with another number invalidates the
    first session: from then on only the latest number can reach the proxy number. The
    proxy number works until the trip completes, and not after.

    The page's heading gives PUT while its curl example sends POST; this document
    follows the heading (see DISCREPANCIES.md). Errors of this operation use the
    communication envelope `{message, data: {statusCode}, errCode}`.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (CommunicationSessionRequest): The number to connect with the driver.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommunicationError | CommunicationSession]
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
    body: CommunicationSessionRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> CommunicationError | CommunicationSession | None:
    """Create a trip communication session

     Returns a phone number that proxies calls and texts between the number sent and the
    trip's driver. The number sent may be the rider's or the organization's.

    A trip has at most one session. Calling again with another number invalidates the
    first session: from then on only the latest number can reach the proxy number. The
    proxy number works until the trip completes, and not after.

    The page's heading gives PUT while its curl example sends POST; this document
    follows the heading (see DISCREPANCIES.md). Errors of this operation use the
    communication envelope `{message, data: {statusCode}, errCode}`.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (CommunicationSessionRequest): The number to connect with the driver.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommunicationError | CommunicationSession
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
    body: CommunicationSessionRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[CommunicationError | CommunicationSession]:
    """Create a trip communication session

     Returns a phone number that proxies calls and texts between the number sent and the
    trip's driver. The number sent may be the rider's or the organization's.

    A trip has at most one session. Calling again with another number invalidates the
    first session: from then on only the latest number can reach the proxy number. The
    proxy number works until the trip completes, and not after.

    The page's heading gives PUT while its curl example sends POST; this document
    follows the heading (see DISCREPANCIES.md). Errors of this operation use the
    communication envelope `{message, data: {statusCode}, errCode}`.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (CommunicationSessionRequest): The number to connect with the driver.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommunicationError | CommunicationSession]
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
    body: CommunicationSessionRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> CommunicationError | CommunicationSession | None:
    """Create a trip communication session

     Returns a phone number that proxies calls and texts between the number sent and the
    trip's driver. The number sent may be the rider's or the organization's.

    A trip has at most one session. Calling again with another number invalidates the
    first session: from then on only the latest number can reach the proxy number. The
    proxy number works until the trip completes, and not after.

    The page's heading gives PUT while its curl example sends POST; this document
    follows the heading (see DISCREPANCIES.md). Errors of this operation use the
    communication envelope `{message, data: {statusCode}, errCode}`.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (CommunicationSessionRequest): The number to connect with the driver.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommunicationError | CommunicationSession
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            body=body,
            x_uber_organizationuuid=x_uber_organizationuuid,
        )
    ).parsed
