from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_sandbox_webhook_event_request import CreateSandboxWebhookEventRequest
from ...models.error import Error
from ...models.sandbox_webhook_delivery import SandboxWebhookDelivery
from ...types import Response


def _get_kwargs(
    *,
    body: CreateSandboxWebhookEventRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/__sandbox/webhook/events",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SandboxWebhookDelivery | None:
    if response.status_code == 202:
        response_202 = SandboxWebhookDelivery.from_dict(response.json())

        return response_202

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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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
) -> Response[Error | SandboxWebhookDelivery]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateSandboxWebhookEventRequest,
) -> Response[Error | SandboxWebhookDelivery]:
    """Send a webhook event for a trip now, in the local sandbox

     Sends the application's webhook URL a new event (a new `event_id`) for one of its
    trips, stamped with the sandbox's clock: `guests.trips.status_changed` with the
    trip's current status, or `guests.trips.driver_location` with the driver's current
    position. It is queued after the trip's earlier events. Answers 409 `conflict` when
    the application has no webhook URL, for a driver location when the trip has no
    driver (it is not `accepted`, `arriving` or `in_progress`), and, with several
    worker processes (`--workers`), when the worker that answered is not the one that
    delivers events (send the request again: another connection may reach that one).

    Args:
        body (CreateSandboxWebhookEventRequest): The event to send now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxWebhookDelivery]
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
    body: CreateSandboxWebhookEventRequest,
) -> Error | SandboxWebhookDelivery | None:
    """Send a webhook event for a trip now, in the local sandbox

     Sends the application's webhook URL a new event (a new `event_id`) for one of its
    trips, stamped with the sandbox's clock: `guests.trips.status_changed` with the
    trip's current status, or `guests.trips.driver_location` with the driver's current
    position. It is queued after the trip's earlier events. Answers 409 `conflict` when
    the application has no webhook URL, for a driver location when the trip has no
    driver (it is not `accepted`, `arriving` or `in_progress`), and, with several
    worker processes (`--workers`), when the worker that answered is not the one that
    delivers events (send the request again: another connection may reach that one).

    Args:
        body (CreateSandboxWebhookEventRequest): The event to send now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxWebhookDelivery
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateSandboxWebhookEventRequest,
) -> Response[Error | SandboxWebhookDelivery]:
    """Send a webhook event for a trip now, in the local sandbox

     Sends the application's webhook URL a new event (a new `event_id`) for one of its
    trips, stamped with the sandbox's clock: `guests.trips.status_changed` with the
    trip's current status, or `guests.trips.driver_location` with the driver's current
    position. It is queued after the trip's earlier events. Answers 409 `conflict` when
    the application has no webhook URL, for a driver location when the trip has no
    driver (it is not `accepted`, `arriving` or `in_progress`), and, with several
    worker processes (`--workers`), when the worker that answered is not the one that
    delivers events (send the request again: another connection may reach that one).

    Args:
        body (CreateSandboxWebhookEventRequest): The event to send now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxWebhookDelivery]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateSandboxWebhookEventRequest,
) -> Error | SandboxWebhookDelivery | None:
    """Send a webhook event for a trip now, in the local sandbox

     Sends the application's webhook URL a new event (a new `event_id`) for one of its
    trips, stamped with the sandbox's clock: `guests.trips.status_changed` with the
    trip's current status, or `guests.trips.driver_location` with the driver's current
    position. It is queued after the trip's earlier events. Answers 409 `conflict` when
    the application has no webhook URL, for a driver location when the trip has no
    driver (it is not `accepted`, `arriving` or `in_progress`), and, with several
    worker processes (`--workers`), when the worker that answered is not the one that
    delivers events (send the request again: another connection may reach that one).

    Args:
        body (CreateSandboxWebhookEventRequest): The event to send now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxWebhookDelivery
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
