from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_guest_trip_request import CreateGuestTripRequest
from ...models.error import Error
from ...models.fare_error import FareError
from ...models.guest_trip_created import GuestTripCreated
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateGuestTripRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
    x_uber_sandbox_runuuid: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_uber_organizationuuid, Unset):
        headers["x-uber-organizationuuid"] = str(x_uber_organizationuuid)

    if not isinstance(x_uber_sandbox_runuuid, Unset):
        headers["x-uber-sandbox-runuuid"] = str(x_uber_sandbox_runuuid)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/guests/trips",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | FareError | GuestTripCreated | None:
    if response.status_code == 200:
        response_200 = GuestTripCreated.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = FareError.from_dict(response.json())

        return response_409

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
) -> Response[Error | FareError | GuestTripCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateGuestTripRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
    x_uber_sandbox_runuuid: UUID | Unset = UNSET,
) -> Response[Error | FareError | GuestTripCreated]:
    """Create a guest trip

     Requests a ride for a guest. The body decides the ride type:

    | ride type | how to request it | status after create |
    |---|---|---|
    | Ride on demand | no `scheduling`, no `deferred_ride_options` | `processing` |
    | Scheduled ride | `scheduling.pickup_time` (epoch ms); only in some areas | `scheduled` |
    | Uber Reserve | `scheduling.pickup_time` with a Reserve product; a driver is pre-assigned before
    pickup | `scheduled` |
    | Hourly ride | `hourly.tier` and `scheduling.pickup_time`; hourly rides are Reserve rides |
    `scheduled` |
    | Flexible ride | `deferred_ride_options.pickup_day` (YYYY-MM-DD); the guest gets a text and
    requests the ride when ready on that day | `offered` |

    Send at most one of `scheduling` and `deferred_ride_options` (a ride is either
    scheduled or flexible); the local sandbox rejects both with 400 `validation_failed`.

    Scheduled rides are dispatched before `pickup_time` so that the driver arrives at the
    pickup location at `pickup_time`. A guest cannot hold two scheduled rides at the same
    time (400 `invalid_pickup_time`). Flexible rides stay redeemable until 6 A.M. on the
    day after `pickup_day`, then expire.

    `return_trip_params` books a return trip at the same time; its id comes back as
    `linked_request_id`.

    Get the `product_id` and an upfront `fare_id` from `POST /v1/guests/trips/estimates`
    first. A `fare_id` books the ride at that fare, including a surge price quoted by
    the estimate, and is consumed by the create that uses it. When fares are higher than
    normal and no valid `fare_id` is sent, the request fails with 409 `surge`; send it
    again with the `fare_id` from the error's metadata to accept the new fare. A
    `fare_id` that is expired, already used, unknown, or quoted for another product fails
    with 409 `fare_expired`, which carries a fresh `fare_id`.

    Each `contacts_to_notify` entry receives a text with the trip link at the listed
    events. The integrating company must have every rider's consent to share trip status
    with those contacts, and every contact's consent to receive the texts.

    Third-party applications must send `x-uber-organizationuuid` (the organization billed
    for the ride), or the request is denied. In the sandbox, send
    `x-uber-sandbox-runuuid` with the run's `run_id`: without it, with a run that is unknown
    or expired, or with a pickup farther than 1 km from the run's pickup and its drivers,
    the sandbox answers 404 `entity_not_found` "Invalid Run ID" (the local sandbox's
    reading of Uber's sandbox FAQ, see DISCREPANCIES.md).

    Args:
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        x_uber_sandbox_runuuid (UUID | Unset): Sandbox only: the `run_id` of the sandbox run the
            trip belongs to. Uber's sandbox
            requires it on create (as does the local sandbox unless started with
            `--no-run-required` or `--auto-drive`); production ignores it. The trip's pickup must
            be near the run's pickup or drivers.
        body (CreateGuestTripRequest): A ride request for a guest. The pickup is `pickup` or,
            deprecated, `start_location`; the destination is `dropoff` or, deprecated, `end_location`
            (the page lists both pairs; when both are sent, `pickup` and `dropoff` win, see
            DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FareError | GuestTripCreated]
    """

    kwargs = _get_kwargs(
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
        x_uber_sandbox_runuuid=x_uber_sandbox_runuuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateGuestTripRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
    x_uber_sandbox_runuuid: UUID | Unset = UNSET,
) -> Error | FareError | GuestTripCreated | None:
    """Create a guest trip

     Requests a ride for a guest. The body decides the ride type:

    | ride type | how to request it | status after create |
    |---|---|---|
    | Ride on demand | no `scheduling`, no `deferred_ride_options` | `processing` |
    | Scheduled ride | `scheduling.pickup_time` (epoch ms); only in some areas | `scheduled` |
    | Uber Reserve | `scheduling.pickup_time` with a Reserve product; a driver is pre-assigned before
    pickup | `scheduled` |
    | Hourly ride | `hourly.tier` and `scheduling.pickup_time`; hourly rides are Reserve rides |
    `scheduled` |
    | Flexible ride | `deferred_ride_options.pickup_day` (YYYY-MM-DD); the guest gets a text and
    requests the ride when ready on that day | `offered` |

    Send at most one of `scheduling` and `deferred_ride_options` (a ride is either
    scheduled or flexible); the local sandbox rejects both with 400 `validation_failed`.

    Scheduled rides are dispatched before `pickup_time` so that the driver arrives at the
    pickup location at `pickup_time`. A guest cannot hold two scheduled rides at the same
    time (400 `invalid_pickup_time`). Flexible rides stay redeemable until 6 A.M. on the
    day after `pickup_day`, then expire.

    `return_trip_params` books a return trip at the same time; its id comes back as
    `linked_request_id`.

    Get the `product_id` and an upfront `fare_id` from `POST /v1/guests/trips/estimates`
    first. A `fare_id` books the ride at that fare, including a surge price quoted by
    the estimate, and is consumed by the create that uses it. When fares are higher than
    normal and no valid `fare_id` is sent, the request fails with 409 `surge`; send it
    again with the `fare_id` from the error's metadata to accept the new fare. A
    `fare_id` that is expired, already used, unknown, or quoted for another product fails
    with 409 `fare_expired`, which carries a fresh `fare_id`.

    Each `contacts_to_notify` entry receives a text with the trip link at the listed
    events. The integrating company must have every rider's consent to share trip status
    with those contacts, and every contact's consent to receive the texts.

    Third-party applications must send `x-uber-organizationuuid` (the organization billed
    for the ride), or the request is denied. In the sandbox, send
    `x-uber-sandbox-runuuid` with the run's `run_id`: without it, with a run that is unknown
    or expired, or with a pickup farther than 1 km from the run's pickup and its drivers,
    the sandbox answers 404 `entity_not_found` "Invalid Run ID" (the local sandbox's
    reading of Uber's sandbox FAQ, see DISCREPANCIES.md).

    Args:
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        x_uber_sandbox_runuuid (UUID | Unset): Sandbox only: the `run_id` of the sandbox run the
            trip belongs to. Uber's sandbox
            requires it on create (as does the local sandbox unless started with
            `--no-run-required` or `--auto-drive`); production ignores it. The trip's pickup must
            be near the run's pickup or drivers.
        body (CreateGuestTripRequest): A ride request for a guest. The pickup is `pickup` or,
            deprecated, `start_location`; the destination is `dropoff` or, deprecated, `end_location`
            (the page lists both pairs; when both are sent, `pickup` and `dropoff` win, see
            DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FareError | GuestTripCreated
    """

    return sync_detailed(
        client=client,
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
        x_uber_sandbox_runuuid=x_uber_sandbox_runuuid,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateGuestTripRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
    x_uber_sandbox_runuuid: UUID | Unset = UNSET,
) -> Response[Error | FareError | GuestTripCreated]:
    """Create a guest trip

     Requests a ride for a guest. The body decides the ride type:

    | ride type | how to request it | status after create |
    |---|---|---|
    | Ride on demand | no `scheduling`, no `deferred_ride_options` | `processing` |
    | Scheduled ride | `scheduling.pickup_time` (epoch ms); only in some areas | `scheduled` |
    | Uber Reserve | `scheduling.pickup_time` with a Reserve product; a driver is pre-assigned before
    pickup | `scheduled` |
    | Hourly ride | `hourly.tier` and `scheduling.pickup_time`; hourly rides are Reserve rides |
    `scheduled` |
    | Flexible ride | `deferred_ride_options.pickup_day` (YYYY-MM-DD); the guest gets a text and
    requests the ride when ready on that day | `offered` |

    Send at most one of `scheduling` and `deferred_ride_options` (a ride is either
    scheduled or flexible); the local sandbox rejects both with 400 `validation_failed`.

    Scheduled rides are dispatched before `pickup_time` so that the driver arrives at the
    pickup location at `pickup_time`. A guest cannot hold two scheduled rides at the same
    time (400 `invalid_pickup_time`). Flexible rides stay redeemable until 6 A.M. on the
    day after `pickup_day`, then expire.

    `return_trip_params` books a return trip at the same time; its id comes back as
    `linked_request_id`.

    Get the `product_id` and an upfront `fare_id` from `POST /v1/guests/trips/estimates`
    first. A `fare_id` books the ride at that fare, including a surge price quoted by
    the estimate, and is consumed by the create that uses it. When fares are higher than
    normal and no valid `fare_id` is sent, the request fails with 409 `surge`; send it
    again with the `fare_id` from the error's metadata to accept the new fare. A
    `fare_id` that is expired, already used, unknown, or quoted for another product fails
    with 409 `fare_expired`, which carries a fresh `fare_id`.

    Each `contacts_to_notify` entry receives a text with the trip link at the listed
    events. The integrating company must have every rider's consent to share trip status
    with those contacts, and every contact's consent to receive the texts.

    Third-party applications must send `x-uber-organizationuuid` (the organization billed
    for the ride), or the request is denied. In the sandbox, send
    `x-uber-sandbox-runuuid` with the run's `run_id`: without it, with a run that is unknown
    or expired, or with a pickup farther than 1 km from the run's pickup and its drivers,
    the sandbox answers 404 `entity_not_found` "Invalid Run ID" (the local sandbox's
    reading of Uber's sandbox FAQ, see DISCREPANCIES.md).

    Args:
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        x_uber_sandbox_runuuid (UUID | Unset): Sandbox only: the `run_id` of the sandbox run the
            trip belongs to. Uber's sandbox
            requires it on create (as does the local sandbox unless started with
            `--no-run-required` or `--auto-drive`); production ignores it. The trip's pickup must
            be near the run's pickup or drivers.
        body (CreateGuestTripRequest): A ride request for a guest. The pickup is `pickup` or,
            deprecated, `start_location`; the destination is `dropoff` or, deprecated, `end_location`
            (the page lists both pairs; when both are sent, `pickup` and `dropoff` win, see
            DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FareError | GuestTripCreated]
    """

    kwargs = _get_kwargs(
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
        x_uber_sandbox_runuuid=x_uber_sandbox_runuuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateGuestTripRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
    x_uber_sandbox_runuuid: UUID | Unset = UNSET,
) -> Error | FareError | GuestTripCreated | None:
    """Create a guest trip

     Requests a ride for a guest. The body decides the ride type:

    | ride type | how to request it | status after create |
    |---|---|---|
    | Ride on demand | no `scheduling`, no `deferred_ride_options` | `processing` |
    | Scheduled ride | `scheduling.pickup_time` (epoch ms); only in some areas | `scheduled` |
    | Uber Reserve | `scheduling.pickup_time` with a Reserve product; a driver is pre-assigned before
    pickup | `scheduled` |
    | Hourly ride | `hourly.tier` and `scheduling.pickup_time`; hourly rides are Reserve rides |
    `scheduled` |
    | Flexible ride | `deferred_ride_options.pickup_day` (YYYY-MM-DD); the guest gets a text and
    requests the ride when ready on that day | `offered` |

    Send at most one of `scheduling` and `deferred_ride_options` (a ride is either
    scheduled or flexible); the local sandbox rejects both with 400 `validation_failed`.

    Scheduled rides are dispatched before `pickup_time` so that the driver arrives at the
    pickup location at `pickup_time`. A guest cannot hold two scheduled rides at the same
    time (400 `invalid_pickup_time`). Flexible rides stay redeemable until 6 A.M. on the
    day after `pickup_day`, then expire.

    `return_trip_params` books a return trip at the same time; its id comes back as
    `linked_request_id`.

    Get the `product_id` and an upfront `fare_id` from `POST /v1/guests/trips/estimates`
    first. A `fare_id` books the ride at that fare, including a surge price quoted by
    the estimate, and is consumed by the create that uses it. When fares are higher than
    normal and no valid `fare_id` is sent, the request fails with 409 `surge`; send it
    again with the `fare_id` from the error's metadata to accept the new fare. A
    `fare_id` that is expired, already used, unknown, or quoted for another product fails
    with 409 `fare_expired`, which carries a fresh `fare_id`.

    Each `contacts_to_notify` entry receives a text with the trip link at the listed
    events. The integrating company must have every rider's consent to share trip status
    with those contacts, and every contact's consent to receive the texts.

    Third-party applications must send `x-uber-organizationuuid` (the organization billed
    for the ride), or the request is denied. In the sandbox, send
    `x-uber-sandbox-runuuid` with the run's `run_id`: without it, with a run that is unknown
    or expired, or with a pickup farther than 1 km from the run's pickup and its drivers,
    the sandbox answers 404 `entity_not_found` "Invalid Run ID" (the local sandbox's
    reading of Uber's sandbox FAQ, see DISCREPANCIES.md).

    Args:
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        x_uber_sandbox_runuuid (UUID | Unset): Sandbox only: the `run_id` of the sandbox run the
            trip belongs to. Uber's sandbox
            requires it on create (as does the local sandbox unless started with
            `--no-run-required` or `--auto-drive`); production ignores it. The trip's pickup must
            be near the run's pickup or drivers.
        body (CreateGuestTripRequest): A ride request for a guest. The pickup is `pickup` or,
            deprecated, `start_location`; the destination is `dropoff` or, deprecated, `end_location`
            (the page lists both pairs; when both are sent, `pickup` and `dropoff` win, see
            DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FareError | GuestTripCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_uber_organizationuuid=x_uber_organizationuuid,
            x_uber_sandbox_runuuid=x_uber_sandbox_runuuid,
        )
    ).parsed
