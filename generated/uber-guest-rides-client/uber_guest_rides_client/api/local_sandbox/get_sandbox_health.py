from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sandbox_health import SandboxHealth
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/__sandbox/health",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SandboxHealth | None:
    if response.status_code == 200:
        response_200 = SandboxHealth.from_dict(response.json())

        return response_200

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | SandboxHealth]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | SandboxHealth]:
    """Check that the local sandbox is ready

     Answers 200 once the local sandbox serves requests and can read its store, without
    a token, so that a CI job can wait for it (`python -m mock_server.wait URL`). Says
    which store keeps the state: `memory` loses everything when the process stops,
    `sqlite` keeps it in a file across restarts and shares it between worker processes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxHealth]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Error | SandboxHealth | None:
    """Check that the local sandbox is ready

     Answers 200 once the local sandbox serves requests and can read its store, without
    a token, so that a CI job can wait for it (`python -m mock_server.wait URL`). Says
    which store keeps the state: `memory` loses everything when the process stops,
    `sqlite` keeps it in a file across restarts and shares it between worker processes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxHealth
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | SandboxHealth]:
    """Check that the local sandbox is ready

     Answers 200 once the local sandbox serves requests and can read its store, without
    a token, so that a CI job can wait for it (`python -m mock_server.wait URL`). Says
    which store keeps the state: `memory` loses everything when the process stops,
    `sqlite` keeps it in a file across restarts and shares it between worker processes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxHealth]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Error | SandboxHealth | None:
    """Check that the local sandbox is ready

     Answers 200 once the local sandbox serves requests and can read its store, without
    a token, so that a CI job can wait for it (`python -m mock_server.wait URL`). Says
    which store keeps the state: `memory` loses everything when the process stops,
    `sqlite` keeps it in a file across restarts and shares it between worker processes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxHealth
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
