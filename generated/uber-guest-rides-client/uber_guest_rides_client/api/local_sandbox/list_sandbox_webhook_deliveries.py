from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sandbox_webhook_deliveries import SandboxWebhookDeliveries
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    request_id: UUID | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_request_id: str | Unset = UNSET
    if not isinstance(request_id, Unset):
        json_request_id = str(request_id)
    params["request_id"] = json_request_id

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/__sandbox/webhook/deliveries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SandboxWebhookDeliveries | None:
    if response.status_code == 200:
        response_200 = SandboxWebhookDeliveries.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | SandboxWebhookDeliveries]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    request_id: UUID | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[Error | SandboxWebhookDeliveries]:
    """List the webhook deliveries of the application in the local sandbox

     The application's most recent webhook events, oldest first, each with every attempt
    to deliver it: when it was sent, what the endpoint answered (or why there was no
    answer) and how long it took. The sandbox keeps the last 1,000 events of each
    application.

    Args:
        request_id (UUID | Unset): Only the events of this trip.
        limit (int | Unset): At most this many events, the most recent ones. Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxWebhookDeliveries]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    request_id: UUID | Unset = UNSET,
    limit: int | Unset = 100,
) -> Error | SandboxWebhookDeliveries | None:
    """List the webhook deliveries of the application in the local sandbox

     The application's most recent webhook events, oldest first, each with every attempt
    to deliver it: when it was sent, what the endpoint answered (or why there was no
    answer) and how long it took. The sandbox keeps the last 1,000 events of each
    application.

    Args:
        request_id (UUID | Unset): Only the events of this trip.
        limit (int | Unset): At most this many events, the most recent ones. Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxWebhookDeliveries
    """

    return sync_detailed(
        client=client,
        request_id=request_id,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    request_id: UUID | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[Error | SandboxWebhookDeliveries]:
    """List the webhook deliveries of the application in the local sandbox

     The application's most recent webhook events, oldest first, each with every attempt
    to deliver it: when it was sent, what the endpoint answered (or why there was no
    answer) and how long it took. The sandbox keeps the last 1,000 events of each
    application.

    Args:
        request_id (UUID | Unset): Only the events of this trip.
        limit (int | Unset): At most this many events, the most recent ones. Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxWebhookDeliveries]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    request_id: UUID | Unset = UNSET,
    limit: int | Unset = 100,
) -> Error | SandboxWebhookDeliveries | None:
    """List the webhook deliveries of the application in the local sandbox

     The application's most recent webhook events, oldest first, each with every attempt
    to deliver it: when it was sent, what the endpoint answered (or why there was no
    answer) and how long it took. The sandbox keeps the last 1,000 events of each
    application.

    Args:
        request_id (UUID | Unset): Only the events of this trip.
        limit (int | Unset): At most this many events, the most recent ones. Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxWebhookDeliveries
    """

    return (
        await asyncio_detailed(
            client=client,
            request_id=request_id,
            limit=limit,
        )
    ).parsed
