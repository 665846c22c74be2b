from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.trip_receipt import TripReceipt
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
        "method": "get",
        "url": "/v1/guests/trips/{request_id}/receipt".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | TripReceipt | None:
    if response.status_code == 200:
        response_200 = TripReceipt.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | TripReceipt]:
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
) -> Response[Error | TripReceipt]:
    """Get a trip's receipt

     The receipt of a completed trip. It is ready some time after the trip completes;
    until then, and for trips that did not complete, the answer is 404 `not_found`. In
    the local sandbox the receipt is ready 60 seconds after the trip completes, on the
    sandbox's clock.

    The amounts add up as follows: `normal_fare` is the sum of `charges`; `subtotal` is
    `normal_fare` plus `surge_charge` (when the trip was surged); `total_fare` is
    `subtotal` after `charge_adjustments` (fees add, credits and refunds subtract). The
    three totals and `total_owed` are formatted amounts (for example `$12.92`) in
    `currency_code`; `charges`, `charge_adjustments` and `surge_charge` carry numbers.

    `total_owed` is what the rider still owes. The reference page types it as a nullable
    float; Uber's recorded answer sends `"$0.00"`, a string. This document accepts what
    Uber sends: a formatted string, or null (see DISCREPANCIES.md). Guest rides are
    billed to the organization, so the local sandbox sends the zero amount (`$0.00`).

    In the local sandbox `total_fare` equals the completed trip's `client_fare` (for a
    trip booked with an upfront `fare_id`, that fare's `display`), `duration` is the time
    from `begin_trip_time` to `dropoff_time`, and `distance` is the trip's distance in
    miles with two decimals.

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
        Response[Error | TripReceipt]
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
) -> Error | TripReceipt | None:
    """Get a trip's receipt

     The receipt of a completed trip. It is ready some time after the trip completes;
    until then, and for trips that did not complete, the answer is 404 `not_found`. In
    the local sandbox the receipt is ready 60 seconds after the trip completes, on the
    sandbox's clock.

    The amounts add up as follows: `normal_fare` is the sum of `charges`; `subtotal` is
    `normal_fare` plus `surge_charge` (when the trip was surged); `total_fare` is
    `subtotal` after `charge_adjustments` (fees add, credits and refunds subtract). The
    three totals and `total_owed` are formatted amounts (for example `$12.92`) in
    `currency_code`; `charges`, `charge_adjustments` and `surge_charge` carry numbers.

    `total_owed` is what the rider still owes. The reference page types it as a nullable
    float; Uber's recorded answer sends `"$0.00"`, a string. This document accepts what
    Uber sends: a formatted string, or null (see DISCREPANCIES.md). Guest rides are
    billed to the organization, so the local sandbox sends the zero amount (`$0.00`).

    In the local sandbox `total_fare` equals the completed trip's `client_fare` (for a
    trip booked with an upfront `fare_id`, that fare's `display`), `duration` is the time
    from `begin_trip_time` to `dropoff_time`, and `distance` is the trip's distance in
    miles with two decimals.

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
        Error | TripReceipt
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
) -> Response[Error | TripReceipt]:
    """Get a trip's receipt

     The receipt of a completed trip. It is ready some time after the trip completes;
    until then, and for trips that did not complete, the answer is 404 `not_found`. In
    the local sandbox the receipt is ready 60 seconds after the trip completes, on the
    sandbox's clock.

    The amounts add up as follows: `normal_fare` is the sum of `charges`; `subtotal` is
    `normal_fare` plus `surge_charge` (when the trip was surged); `total_fare` is
    `subtotal` after `charge_adjustments` (fees add, credits and refunds subtract). The
    three totals and `total_owed` are formatted amounts (for example `$12.92`) in
    `currency_code`; `charges`, `charge_adjustments` and `surge_charge` carry numbers.

    `total_owed` is what the rider still owes. The reference page types it as a nullable
    float; Uber's recorded answer sends `"$0.00"`, a string. This document accepts what
    Uber sends: a formatted string, or null (see DISCREPANCIES.md). Guest rides are
    billed to the organization, so the local sandbox sends the zero amount (`$0.00`).

    In the local sandbox `total_fare` equals the completed trip's `client_fare` (for a
    trip booked with an upfront `fare_id`, that fare's `display`), `duration` is the time
    from `begin_trip_time` to `dropoff_time`, and `distance` is the trip's distance in
    miles with two decimals.

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
        Response[Error | TripReceipt]
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
) -> Error | TripReceipt | None:
    """Get a trip's receipt

     The receipt of a completed trip. It is ready some time after the trip completes;
    until then, and for trips that did not complete, the answer is 404 `not_found`. In
    the local sandbox the receipt is ready 60 seconds after the trip completes, on the
    sandbox's clock.

    The amounts add up as follows: `normal_fare` is the sum of `charges`; `subtotal` is
    `normal_fare` plus `surge_charge` (when the trip was surged); `total_fare` is
    `subtotal` after `charge_adjustments` (fees add, credits and refunds subtract). The
    three totals and `total_owed` are formatted amounts (for example `$12.92`) in
    `currency_code`; `charges`, `charge_adjustments` and `surge_charge` carry numbers.

    `total_owed` is what the rider still owes. The reference page types it as a nullable
    float; Uber's recorded answer sends `"$0.00"`, a string. This document accepts what
    Uber sends: a formatted string, or null (see DISCREPANCIES.md). Guest rides are
    billed to the organization, so the local sandbox sends the zero amount (`$0.00`).

    In the local sandbox `total_fare` equals the completed trip's `client_fare` (for a
    trip booked with an upfront `fare_id`, that fare's `display`), `duration` is the time
    from `begin_trip_time` to `dropoff_time`, and `distance` is the trip's distance in
    miles with two decimals.

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
        Error | TripReceipt
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            x_uber_organizationuuid=x_uber_organizationuuid,
        )
    ).parsed
