from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ride_request import RideRequest
from ...models.riders_error import RidersError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    request_id: UUID,
    *,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1.2/requests/{request_id}".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> RideRequest | RidersError | None:
    if response.status_code == 200:
        response_200 = RideRequest.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = RidersError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = RidersError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = RidersError.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = RidersError.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = RidersError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = RidersError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = RidersError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[RideRequest | RidersError]:
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
    accept_language: str | Unset = UNSET,
) -> Response[RideRequest | RidersError]:
    """Get a ride request (Riders API)

     The status and details of an ongoing or completed ride request created by the
    calling application. With the `all_trips` scope, any application's ride is returned.
    `request` and `all_trips` are privileged scopes: usable at once for the developer
    and up to 5 registered developers, and by all riders after Uber grants full access.

    `driver`, `vehicle`, `location`, `surge_multiplier`, `pickup`, `destination`,
    `riders` and `waypoints` are only populated while the trip is active; on a completed
    trip `driver`, `vehicle` and `location` are null. `shared` is always present.

    Args:
        request_id (UUID): Unique identifier of the ride request.
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RideRequest | RidersError]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    accept_language: str | Unset = UNSET,
) -> RideRequest | RidersError | None:
    """Get a ride request (Riders API)

     The status and details of an ongoing or completed ride request created by the
    calling application. With the `all_trips` scope, any application's ride is returned.
    `request` and `all_trips` are privileged scopes: usable at once for the developer
    and up to 5 registered developers, and by all riders after Uber grants full access.

    `driver`, `vehicle`, `location`, `surge_multiplier`, `pickup`, `destination`,
    `riders` and `waypoints` are only populated while the trip is active; on a completed
    trip `driver`, `vehicle` and `location` are null. `shared` is always present.

    Args:
        request_id (UUID): Unique identifier of the ride request.
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RideRequest | RidersError
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    accept_language: str | Unset = UNSET,
) -> Response[RideRequest | RidersError]:
    """Get a ride request (Riders API)

     The status and details of an ongoing or completed ride request created by the
    calling application. With the `all_trips` scope, any application's ride is returned.
    `request` and `all_trips` are privileged scopes: usable at once for the developer
    and up to 5 registered developers, and by all riders after Uber grants full access.

    `driver`, `vehicle`, `location`, `surge_multiplier`, `pickup`, `destination`,
    `riders` and `waypoints` are only populated while the trip is active; on a completed
    trip `driver`, `vehicle` and `location` are null. `shared` is always present.

    Args:
        request_id (UUID): Unique identifier of the ride request.
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RideRequest | RidersError]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    accept_language: str | Unset = UNSET,
) -> RideRequest | RidersError | None:
    """Get a ride request (Riders API)

     The status and details of an ongoing or completed ride request created by the
    calling application. With the `all_trips` scope, any application's ride is returned.
    `request` and `all_trips` are privileged scopes: usable at once for the developer
    and up to 5 registered developers, and by all riders after Uber grants full access.

    `driver`, `vehicle`, `location`, `surge_multiplier`, `pickup`, `destination`,
    `riders` and `waypoints` are only populated while the trip is active; on a completed
    trip `driver`, `vehicle` and `location` are null. `shared` is always present.

    Args:
        request_id (UUID): Unique identifier of the ride request.
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RideRequest | RidersError
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            accept_language=accept_language,
        )
    ).parsed
