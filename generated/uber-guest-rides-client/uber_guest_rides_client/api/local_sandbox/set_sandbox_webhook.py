from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sandbox_webhook import SandboxWebhook
from ...models.set_sandbox_webhook_request import SetSandboxWebhookRequest
from ...types import Response


def _get_kwargs(
    *,
    body: SetSandboxWebhookRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/__sandbox/webhook",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SandboxWebhook | None:
    if response.status_code == 200:
        response_200 = SandboxWebhook.from_dict(response.json())

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
) -> Response[Error | SandboxWebhook]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SetSandboxWebhookRequest,
) -> Response[Error | SandboxWebhook]:
    """Set the application's webhook URL in the local sandbox

     From now on the local sandbox sends the calling application's webhook events (see
    `webhooks`) to `url`: a `guests.trips.status_changed` event for each status its trips
    take, and a `guests.trips.driver_location` event every 4 s of sandbox time while a
    trip has a driver. Trips that exist already are followed from their current state.
    Each event is signed with the application's client secret (`X-Uber-Signature`) and
    sent with `X-Environment: sandbox`, at least once and in order per trip: an answer
    other than 2xx, a refused connection or no answer within the timeout (5 s by default)
    is retried after 1, 2, 4, 8, 16 and 32 s (the `--webhook-backoff` option sets the
    multiplier; Uber's is 30 s), 7 attempts in all. Sending never delays the API's
    answers; up to 10,000 undelivered events are queued, and an event beyond that is
    recorded as `failed` without being sent.

    `url` must point at this machine (`localhost`, `127.0.0.0/8` or `[::1]`), so that
    the sandbox never sends anything elsewhere because of a request; other hosts answer
    400 `validation_failed`. To send events off the machine, start the sandbox with
    `--webhook-url URL --webhook-allow-remote`.

    Args:
        body (SetSandboxWebhookRequest): The webhook URL to set.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxWebhook]
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
    body: SetSandboxWebhookRequest,
) -> Error | SandboxWebhook | None:
    """Set the application's webhook URL in the local sandbox

     From now on the local sandbox sends the calling application's webhook events (see
    `webhooks`) to `url`: a `guests.trips.status_changed` event for each status its trips
    take, and a `guests.trips.driver_location` event every 4 s of sandbox time while a
    trip has a driver. Trips that exist already are followed from their current state.
    Each event is signed with the application's client secret (`X-Uber-Signature`) and
    sent with `X-Environment: sandbox`, at least once and in order per trip: an answer
    other than 2xx, a refused connection or no answer within the timeout (5 s by default)
    is retried after 1, 2, 4, 8, 16 and 32 s (the `--webhook-backoff` option sets the
    multiplier; Uber's is 30 s), 7 attempts in all. Sending never delays the API's
    answers; up to 10,000 undelivered events are queued, and an event beyond that is
    recorded as `failed` without being sent.

    `url` must point at this machine (`localhost`, `127.0.0.0/8` or `[::1]`), so that
    the sandbox never sends anything elsewhere because of a request; other hosts answer
    400 `validation_failed`. To send events off the machine, start the sandbox with
    `--webhook-url URL --webhook-allow-remote`.

    Args:
        body (SetSandboxWebhookRequest): The webhook URL to set.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxWebhook
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SetSandboxWebhookRequest,
) -> Response[Error | SandboxWebhook]:
    """Set the application's webhook URL in the local sandbox

     From now on the local sandbox sends the calling application's webhook events (see
    `webhooks`) to `url`: a `guests.trips.status_changed` event for each status its trips
    take, and a `guests.trips.driver_location` event every 4 s of sandbox time while a
    trip has a driver. Trips that exist already are followed from their current state.
    Each event is signed with the application's client secret (`X-Uber-Signature`) and
    sent with `X-Environment: sandbox`, at least once and in order per trip: an answer
    other than 2xx, a refused connection or no answer within the timeout (5 s by default)
    is retried after 1, 2, 4, 8, 16 and 32 s (the `--webhook-backoff` option sets the
    multiplier; Uber's is 30 s), 7 attempts in all. Sending never delays the API's
    answers; up to 10,000 undelivered events are queued, and an event beyond that is
    recorded as `failed` without being sent.

    `url` must point at this machine (`localhost`, `127.0.0.0/8` or `[::1]`), so that
    the sandbox never sends anything elsewhere because of a request; other hosts answer
    400 `validation_failed`. To send events off the machine, start the sandbox with
    `--webhook-url URL --webhook-allow-remote`.

    Args:
        body (SetSandboxWebhookRequest): The webhook URL to set.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxWebhook]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SetSandboxWebhookRequest,
) -> Error | SandboxWebhook | None:
    """Set the application's webhook URL in the local sandbox

     From now on the local sandbox sends the calling application's webhook events (see
    `webhooks`) to `url`: a `guests.trips.status_changed` event for each status its trips
    take, and a `guests.trips.driver_location` event every 4 s of sandbox time while a
    trip has a driver. Trips that exist already are followed from their current state.
    Each event is signed with the application's client secret (`X-Uber-Signature`) and
    sent with `X-Environment: sandbox`, at least once and in order per trip: an answer
    other than 2xx, a refused connection or no answer within the timeout (5 s by default)
    is retried after 1, 2, 4, 8, 16 and 32 s (the `--webhook-backoff` option sets the
    multiplier; Uber's is 30 s), 7 attempts in all. Sending never delays the API's
    answers; up to 10,000 undelivered events are queued, and an event beyond that is
    recorded as `failed` without being sent.

    `url` must point at this machine (`localhost`, `127.0.0.0/8` or `[::1]`), so that
    the sandbox never sends anything elsewhere because of a request; other hosts answer
    400 `validation_failed`. To send events off the machine, start the sandbox with
    `--webhook-url URL --webhook-allow-remote`.

    Args:
        body (SetSandboxWebhookRequest): The webhook URL to set.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxWebhook
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
