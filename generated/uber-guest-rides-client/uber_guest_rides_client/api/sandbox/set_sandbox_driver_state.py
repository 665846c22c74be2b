from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sandbox_driver_state_changed import SandboxDriverStateChanged
from ...models.sandbox_driver_state_request import SandboxDriverStateRequest
from ...types import Response


def _get_kwargs(
    *,
    body: SandboxDriverStateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/guests/sandbox/driver-state",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SandboxDriverStateChanged | None:
    if response.status_code == 200:
        response_200 = SandboxDriverStateChanged.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | SandboxDriverStateChanged]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SandboxDriverStateRequest,
) -> Response[Error | SandboxDriverStateChanged]:
    """Change a sandbox driver's state

     Moves a run's mock driver, and with it the driver's current trip. States follow the
    trip's natural order (`ACCEPT` → `ARRIVED` → `BEGIN_TRIP` → `DROPOFF`; no jumps):

    | state | effect |
    |---|---|
    | `ACCEPT` | the driver accepts the offered trip; within 15 seconds of the trip's creation, or the
    offer times out; not for Reserve or Hourly rides |
    | `ARRIVED` | the driver arrives at pickup |
    | `BEGIN_TRIP` | the trip starts |
    | `DROPOFF` | the driver arrives at the destination; the trip completes |
    | `CANCEL` | the driver cancels, only after `ACCEPT` or `ARRIVED`; Uber redispatches, and the trip
    ends `no_drivers_available` when no other driver is found |
    | `GO_ONLINE` | the driver goes online (automatic when the run is created) |
    | `GO_OFFLINE` | the driver stops receiving offers; use `GO_OFFLINE` then `GO_ONLINE` to move a
    driver between trips |

    Args:
        body (SandboxDriverStateRequest): The driver's next state.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxDriverStateChanged]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SandboxDriverStateRequest,
) -> Error | SandboxDriverStateChanged | None:
    """Change a sandbox driver's state

     Moves a run's mock driver, and with it the driver's current trip. States follow the
    trip's natural order (`ACCEPT` → `ARRIVED` → `BEGIN_TRIP` → `DROPOFF`; no jumps):

    | state | effect |
    |---|---|
    | `ACCEPT` | the driver accepts the offered trip; within 15 seconds of the trip's creation, or the
    offer times out; not for Reserve or Hourly rides |
    | `ARRIVED` | the driver arrives at pickup |
    | `BEGIN_TRIP` | the trip starts |
    | `DROPOFF` | the driver arrives at the destination; the trip completes |
    | `CANCEL` | the driver cancels, only after `ACCEPT` or `ARRIVED`; Uber redispatches, and the trip
    ends `no_drivers_available` when no other driver is found |
    | `GO_ONLINE` | the driver goes online (automatic when the run is created) |
    | `GO_OFFLINE` | the driver stops receiving offers; use `GO_OFFLINE` then `GO_ONLINE` to move a
    driver between trips |

    Args:
        body (SandboxDriverStateRequest): The driver's next state.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxDriverStateChanged
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SandboxDriverStateRequest,
) -> Response[Error | SandboxDriverStateChanged]:
    """Change a sandbox driver's state

     Moves a run's mock driver, and with it the driver's current trip. States follow the
    trip's natural order (`ACCEPT` → `ARRIVED` → `BEGIN_TRIP` → `DROPOFF`; no jumps):

    | state | effect |
    |---|---|
    | `ACCEPT` | the driver accepts the offered trip; within 15 seconds of the trip's creation, or the
    offer times out; not for Reserve or Hourly rides |
    | `ARRIVED` | the driver arrives at pickup |
    | `BEGIN_TRIP` | the trip starts |
    | `DROPOFF` | the driver arrives at the destination; the trip completes |
    | `CANCEL` | the driver cancels, only after `ACCEPT` or `ARRIVED`; Uber redispatches, and the trip
    ends `no_drivers_available` when no other driver is found |
    | `GO_ONLINE` | the driver goes online (automatic when the run is created) |
    | `GO_OFFLINE` | the driver stops receiving offers; use `GO_OFFLINE` then `GO_ONLINE` to move a
    driver between trips |

    Args:
        body (SandboxDriverStateRequest): The driver's next state.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxDriverStateChanged]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SandboxDriverStateRequest,
) -> Error | SandboxDriverStateChanged | None:
    """Change a sandbox driver's state

     Moves a run's mock driver, and with it the driver's current trip. States follow the
    trip's natural order (`ACCEPT` → `ARRIVED` → `BEGIN_TRIP` → `DROPOFF`; no jumps):

    | state | effect |
    |---|---|
    | `ACCEPT` | the driver accepts the offered trip; within 15 seconds of the trip's creation, or the
    offer times out; not for Reserve or Hourly rides |
    | `ARRIVED` | the driver arrives at pickup |
    | `BEGIN_TRIP` | the trip starts |
    | `DROPOFF` | the driver arrives at the destination; the trip completes |
    | `CANCEL` | the driver cancels, only after `ACCEPT` or `ARRIVED`; Uber redispatches, and the trip
    ends `no_drivers_available` when no other driver is found |
    | `GO_ONLINE` | the driver goes online (automatic when the run is created) |
    | `GO_OFFLINE` | the driver stops receiving offers; use `GO_OFFLINE` then `GO_ONLINE` to move a
    driver between trips |

    Args:
        body (SandboxDriverStateRequest): The driver's next state.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxDriverStateChanged
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
