from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    request_id: UUID,
    *,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_uber_organizationuuid, Unset):
        headers["x-uber-organizationuuid"] = str(x_uber_organizationuuid)

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/guests/trips/{request_id}".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
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
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[Any | Error]:
    """Cancel a guest trip

     Cancels the trip. Success is `204 No Content`. The trip becomes `rider_canceled` with
    `status_detail` `coordinator_canceled` (canceled through the API by the organization;
    `guest_rider_canceled` is for a guest who cancels in Uber's app or link). Its driver,
    if any, is released (in the sandbox, the run's driver is free for another trip).

    **Which trips.** Trips in `processing`, `driver_redispatched`, `accepted`, `arriving`,
    `scheduled` and `offered` can be canceled. A trip `in_progress` cannot (400
    `validation_failed`: the guest is on board). A trip that has already ended (any
    terminal status) answers 404 `not_found`, as does an unknown trip; clients may treat
    that 404 as "nothing left to cancel".

    **Cancellation fee.** The trip's product sets it (`cancellation` in the estimates
    answer: `min_cancellation_fee`, `cancellation_grace_period_threshold_sec`;
    `reserve_info.free_cancellation_threshold_minutes` for Reserve and hourly products):
    - on-demand and scheduled rides: free while no driver is assigned, and until
      `cancellation_grace_period_threshold_sec` seconds after the driver accepted; later,
      `min_cancellation_fee`;
    - Reserve and hourly rides: free until `free_cancellation_threshold_minutes` before
      `pickup_time`; later, `min_cancellation_fee`;
    - flexible rides not yet dispatched (`offered`): free.

    The canceled trip then shows the fee as its fare on get-trip: `client_fare`,
    `client_fare_without_tip` and `client_fare_numeric` (0 when free), `currency_code`,
    and `can_tip` false. A canceled trip has no receipt.

    These rules are this document's reading of the product fields; the cancel page
    describes only the status codes.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
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
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Any | Error | None:
    """Cancel a guest trip

     Cancels the trip. Success is `204 No Content`. The trip becomes `rider_canceled` with
    `status_detail` `coordinator_canceled` (canceled through the API by the organization;
    `guest_rider_canceled` is for a guest who cancels in Uber's app or link). Its driver,
    if any, is released (in the sandbox, the run's driver is free for another trip).

    **Which trips.** Trips in `processing`, `driver_redispatched`, `accepted`, `arriving`,
    `scheduled` and `offered` can be canceled. A trip `in_progress` cannot (400
    `validation_failed`: the guest is on board). A trip that has already ended (any
    terminal status) answers 404 `not_found`, as does an unknown trip; clients may treat
    that 404 as "nothing left to cancel".

    **Cancellation fee.** The trip's product sets it (`cancellation` in the estimates
    answer: `min_cancellation_fee`, `cancellation_grace_period_threshold_sec`;
    `reserve_info.free_cancellation_threshold_minutes` for Reserve and hourly products):
    - on-demand and scheduled rides: free while no driver is assigned, and until
      `cancellation_grace_period_threshold_sec` seconds after the driver accepted; later,
      `min_cancellation_fee`;
    - Reserve and hourly rides: free until `free_cancellation_threshold_minutes` before
      `pickup_time`; later, `min_cancellation_fee`;
    - flexible rides not yet dispatched (`offered`): free.

    The canceled trip then shows the fee as its fare on get-trip: `client_fare`,
    `client_fare_without_tip` and `client_fare_numeric` (0 when free), `currency_code`,
    and `can_tip` false. A canceled trip has no receipt.

    These rules are this document's reading of the product fields; the cancel page
    describes only the status codes.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
        x_uber_organizationuuid=x_uber_organizationuuid,
    ).parsed


async def asyncio_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[Any | Error]:
    """Cancel a guest trip

     Cancels the trip. Success is `204 No Content`. The trip becomes `rider_canceled` with
    `status_detail` `coordinator_canceled` (canceled through the API by the organization;
    `guest_rider_canceled` is for a guest who cancels in Uber's app or link). Its driver,
    if any, is released (in the sandbox, the run's driver is free for another trip).

    **Which trips.** Trips in `processing`, `driver_redispatched`, `accepted`, `arriving`,
    `scheduled` and `offered` can be canceled. A trip `in_progress` cannot (400
    `validation_failed`: the guest is on board). A trip that has already ended (any
    terminal status) answers 404 `not_found`, as does an unknown trip; clients may treat
    that 404 as "nothing left to cancel".

    **Cancellation fee.** The trip's product sets it (`cancellation` in the estimates
    answer: `min_cancellation_fee`, `cancellation_grace_period_threshold_sec`;
    `reserve_info.free_cancellation_threshold_minutes` for Reserve and hourly products):
    - on-demand and scheduled rides: free while no driver is assigned, and until
      `cancellation_grace_period_threshold_sec` seconds after the driver accepted; later,
      `min_cancellation_fee`;
    - Reserve and hourly rides: free until `free_cancellation_threshold_minutes` before
      `pickup_time`; later, `min_cancellation_fee`;
    - flexible rides not yet dispatched (`offered`): free.

    The canceled trip then shows the fee as its fare on get-trip: `client_fare`,
    `client_fare_without_tip` and `client_fare_numeric` (0 when free), `currency_code`,
    and `can_tip` false. A canceled trip has no receipt.

    These rules are this document's reading of the product fields; the cancel page
    describes only the status codes.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        x_uber_organizationuuid=x_uber_organizationuuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Any | Error | None:
    """Cancel a guest trip

     Cancels the trip. Success is `204 No Content`. The trip becomes `rider_canceled` with
    `status_detail` `coordinator_canceled` (canceled through the API by the organization;
    `guest_rider_canceled` is for a guest who cancels in Uber's app or link). Its driver,
    if any, is released (in the sandbox, the run's driver is free for another trip).

    **Which trips.** Trips in `processing`, `driver_redispatched`, `accepted`, `arriving`,
    `scheduled` and `offered` can be canceled. A trip `in_progress` cannot (400
    `validation_failed`: the guest is on board). A trip that has already ended (any
    terminal status) answers 404 `not_found`, as does an unknown trip; clients may treat
    that 404 as "nothing left to cancel".

    **Cancellation fee.** The trip's product sets it (`cancellation` in the estimates
    answer: `min_cancellation_fee`, `cancellation_grace_period_threshold_sec`;
    `reserve_info.free_cancellation_threshold_minutes` for Reserve and hourly products):
    - on-demand and scheduled rides: free while no driver is assigned, and until
      `cancellation_grace_period_threshold_sec` seconds after the driver accepted; later,
      `min_cancellation_fee`;
    - Reserve and hourly rides: free until `free_cancellation_threshold_minutes` before
      `pickup_time`; later, `min_cancellation_fee`;
    - flexible rides not yet dispatched (`offered`): free.

    The canceled trip then shows the fee as its fare on get-trip: `client_fare`,
    `client_fare_without_tip` and `client_fare_numeric` (0 when free), `currency_code`,
    and `can_tip` false. A canceled trip has no receipt.

    These rules are this document's reading of the product fields; the cancel page
    describes only the status codes.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            x_uber_organizationuuid=x_uber_organizationuuid,
        )
    ).parsed
