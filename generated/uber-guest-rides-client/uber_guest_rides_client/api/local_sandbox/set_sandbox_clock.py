from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sandbox_clock import SandboxClock
from ...models.set_sandbox_clock_request import SetSandboxClockRequest
from ...types import Response


def _get_kwargs(
    *,
    body: SetSandboxClockRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/__sandbox/clock",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SandboxClock | None:
    if response.status_code == 200:
        response_200 = SandboxClock.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | SandboxClock]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SetSandboxClockRequest,
) -> Response[Error | SandboxClock]:
    """Move the calling application's clock in the local sandbox

     Moves the calling application's clock forward by `advance_seconds`, sets it to
    `now_ms`, or with `{"reset": true}` brings it back to the sandbox's base clock;
    exactly one of the three. Only the caller's world moves: its trips, runs, fares and
    tokens; other applications keep their own time. Apart from `reset`, the clock never
    goes backwards. Time rules fire as the clock passes them, so tests of time-based
    behaviour never sleep.

    Args:
        body (SetSandboxClockRequest): Move the calling application's clock by `advance_seconds`
            or to `now_ms`, or `reset` it to the sandbox's base clock; exactly one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxClock]
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
    body: SetSandboxClockRequest,
) -> Error | SandboxClock | None:
    """Move the calling application's clock in the local sandbox

     Moves the calling application's clock forward by `advance_seconds`, sets it to
    `now_ms`, or with `{"reset": true}` brings it back to the sandbox's base clock;
    exactly one of the three. Only the caller's world moves: its trips, runs, fares and
    tokens; other applications keep their own time. Apart from `reset`, the clock never
    goes backwards. Time rules fire as the clock passes them, so tests of time-based
    behaviour never sleep.

    Args:
        body (SetSandboxClockRequest): Move the calling application's clock by `advance_seconds`
            or to `now_ms`, or `reset` it to the sandbox's base clock; exactly one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxClock
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SetSandboxClockRequest,
) -> Response[Error | SandboxClock]:
    """Move the calling application's clock in the local sandbox

     Moves the calling application's clock forward by `advance_seconds`, sets it to
    `now_ms`, or with `{"reset": true}` brings it back to the sandbox's base clock;
    exactly one of the three. Only the caller's world moves: its trips, runs, fares and
    tokens; other applications keep their own time. Apart from `reset`, the clock never
    goes backwards. Time rules fire as the clock passes them, so tests of time-based
    behaviour never sleep.

    Args:
        body (SetSandboxClockRequest): Move the calling application's clock by `advance_seconds`
            or to `now_ms`, or `reset` it to the sandbox's base clock; exactly one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxClock]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SetSandboxClockRequest,
) -> Error | SandboxClock | None:
    """Move the calling application's clock in the local sandbox

     Moves the calling application's clock forward by `advance_seconds`, sets it to
    `now_ms`, or with `{"reset": true}` brings it back to the sandbox's base clock;
    exactly one of the three. Only the caller's world moves: its trips, runs, fares and
    tokens; other applications keep their own time. Apart from `reset`, the clock never
    goes backwards. Time rules fire as the clock passes them, so tests of time-based
    behaviour never sleep.

    Args:
        body (SetSandboxClockRequest): Move the calling application's clock by `advance_seconds`
            or to `now_ms`, or `reset` it to the sandbox's base clock; exactly one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxClock
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
