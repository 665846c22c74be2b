from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_sandbox_run_request import CreateSandboxRunRequest
from ...models.error import Error
from ...models.sandbox_run_created import SandboxRunCreated
from ...types import Response


def _get_kwargs(
    *,
    body: CreateSandboxRunRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/guests/sandbox/run",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SandboxRunCreated | None:
    if response.status_code == 200:
        response_200 = SandboxRunCreated.from_dict(response.json())

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
) -> Response[Error | SandboxRunCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateSandboxRunRequest,
) -> Response[Error | SandboxRunCreated]:
    """Create a sandbox run

     Creates a run: temporary riders and drivers that live for 8 hours. Create trips with
    the run's `run_id` in `x-uber-sandbox-runuuid`, then move the run's driver with
    `POST /v1/guests/sandbox/driver-state`. Reuse a run for more trips in the same city.
    Uber's sandbox asks to wait about one minute before reading the run.

    Args:
        body (CreateSandboxRunRequest): The run to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxRunCreated]
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
    body: CreateSandboxRunRequest,
) -> Error | SandboxRunCreated | None:
    """Create a sandbox run

     Creates a run: temporary riders and drivers that live for 8 hours. Create trips with
    the run's `run_id` in `x-uber-sandbox-runuuid`, then move the run's driver with
    `POST /v1/guests/sandbox/driver-state`. Reuse a run for more trips in the same city.
    Uber's sandbox asks to wait about one minute before reading the run.

    Args:
        body (CreateSandboxRunRequest): The run to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxRunCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateSandboxRunRequest,
) -> Response[Error | SandboxRunCreated]:
    """Create a sandbox run

     Creates a run: temporary riders and drivers that live for 8 hours. Create trips with
    the run's `run_id` in `x-uber-sandbox-runuuid`, then move the run's driver with
    `POST /v1/guests/sandbox/driver-state`. Reuse a run for more trips in the same city.
    Uber's sandbox asks to wait about one minute before reading the run.

    Args:
        body (CreateSandboxRunRequest): The run to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxRunCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateSandboxRunRequest,
) -> Error | SandboxRunCreated | None:
    """Create a sandbox run

     Creates a run: temporary riders and drivers that live for 8 hours. Create trips with
    the run's `run_id` in `x-uber-sandbox-runuuid`, then move the run's driver with
    `POST /v1/guests/sandbox/driver-state`. Reuse a run for more trips in the same city.
    Uber's sandbox asks to wait about one minute before reading the run.

    Args:
        body (CreateSandboxRunRequest): The run to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxRunCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
