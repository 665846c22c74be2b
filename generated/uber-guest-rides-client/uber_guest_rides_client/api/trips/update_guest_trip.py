from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.guest_trip import GuestTrip
from ...models.update_guest_trip_request import UpdateGuestTripRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    request_id: UUID,
    *,
    body: UpdateGuestTripRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_uber_organizationuuid, Unset):
        headers["x-uber-organizationuuid"] = str(x_uber_organizationuuid)

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/guests/trips/{request_id}".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | GuestTrip | None:
    if response.status_code == 200:
        response_200 = GuestTrip.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | GuestTrip]:
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
    body: UpdateGuestTripRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[Error | GuestTrip]:
    """Update a guest trip

     Replaces the editable parts of an on-demand trip. Fields this operation does not
    take (such as `guest` or `fare_id` of create) are ignored, so a create body can be
    sent as it is. **Full replacement:** an optional field the body leaves out is
    cleared (`expense_memo`, `note_for_driver`, `stops`). The pickup and the product
    cannot be cleared: left out, they keep their value. The destination is required:
    send `dropoff` (or the deprecated `end_location`), or the request fails with 400
    `validation_failed`. Since 2025-03-28 `pickup` and `dropoff`
    replace the deprecated `start_location` and `end_location`; send one of each pair.

    **Which trips.** Only on-demand trips (created without `scheduling` and without
    `deferred_ride_options`) that have not ended:
    - scheduled, Reserve and hourly trips answer 400 `validation_failed` "Scheduled rides
      cannot be updated via the API" (since 2025-10-13), whatever their status;
    - flexible trips answer 400 `validation_failed` "Only on-demand rides can be updated";
    - trips in a terminal status (`completed`, `rider_canceled`, `driver_canceled`,
      `no_drivers_available`, `failed`, `expired`) answer 400 `validation_failed` "The
      trip can no longer be updated".

    **Before dispatch** (status `processing`, no driver has accepted yet) the pickup, the
    destination, the product, `expense_memo` and `note_for_driver` may change. A new
    pickup may be at most `editable_fields.PICKUP.max_radius_meters` (200) metres from
    the trip's original pickup, else 400 `validation_failed`; a new `product_id` must be
    a product of the area.

    **After dispatch** (`accepted`, `arriving`, `in_progress`, `driver_redispatched`) only
    the destination may change. Every other field must repeat its current value: `pickup`
    and `product_id` (when sent) equal to the trip's, `expense_memo` and
    `note_for_driver` equal to the trip's (left out only when the trip has none). Read
    the trip first. Anything else answers 400 `validation_failed`, naming the field.

    **Stops.** The page allows stops to change on hourly rides only, and hourly rides
    cannot be updated through the API (see above; DISCREPANCIES.md), so a non-empty
    `stops` answers 400 `validation_failed`, and `editable_fields.STOPS.editable` is
    always false.

    `editable_fields` on `GET /v1/guests/trips/{request_id}?include_editable_fields=true`
    says the same in advance: `PICKUP` and `DROPOFF` are editable before dispatch,
    `DROPOFF` alone after it, nothing on other trips.

    The answer is the trip after the update (the page shows no response; this document
    answers like get-trip so that a client need not read it again). The update page names
    the path parameter `trip_id`; it is the trip's `request_id`, the same path as get
    and cancel (see DISCREPANCIES.md).

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (UpdateGuestTripRequest): The trip's editable parts, replacing the current ones (full
            replacement; see the
            operation). `dropoff` or the deprecated `end_location` must be sent: the page marks
            `end_location` required, and its 2025-03-28 change replaces it with `dropoff` (see
            DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GuestTrip]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
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
    body: UpdateGuestTripRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Error | GuestTrip | None:
    """Update a guest trip

     Replaces the editable parts of an on-demand trip. Fields this operation does not
    take (such as `guest` or `fare_id` of create) are ignored, so a create body can be
    sent as it is. **Full replacement:** an optional field the body leaves out is
    cleared (`expense_memo`, `note_for_driver`, `stops`). The pickup and the product
    cannot be cleared: left out, they keep their value. The destination is required:
    send `dropoff` (or the deprecated `end_location`), or the request fails with 400
    `validation_failed`. Since 2025-03-28 `pickup` and `dropoff`
    replace the deprecated `start_location` and `end_location`; send one of each pair.

    **Which trips.** Only on-demand trips (created without `scheduling` and without
    `deferred_ride_options`) that have not ended:
    - scheduled, Reserve and hourly trips answer 400 `validation_failed` "Scheduled rides
      cannot be updated via the API" (since 2025-10-13), whatever their status;
    - flexible trips answer 400 `validation_failed` "Only on-demand rides can be updated";
    - trips in a terminal status (`completed`, `rider_canceled`, `driver_canceled`,
      `no_drivers_available`, `failed`, `expired`) answer 400 `validation_failed` "The
      trip can no longer be updated".

    **Before dispatch** (status `processing`, no driver has accepted yet) the pickup, the
    destination, the product, `expense_memo` and `note_for_driver` may change. A new
    pickup may be at most `editable_fields.PICKUP.max_radius_meters` (200) metres from
    the trip's original pickup, else 400 `validation_failed`; a new `product_id` must be
    a product of the area.

    **After dispatch** (`accepted`, `arriving`, `in_progress`, `driver_redispatched`) only
    the destination may change. Every other field must repeat its current value: `pickup`
    and `product_id` (when sent) equal to the trip's, `expense_memo` and
    `note_for_driver` equal to the trip's (left out only when the trip has none). Read
    the trip first. Anything else answers 400 `validation_failed`, naming the field.

    **Stops.** The page allows stops to change on hourly rides only, and hourly rides
    cannot be updated through the API (see above; DISCREPANCIES.md), so a non-empty
    `stops` answers 400 `validation_failed`, and `editable_fields.STOPS.editable` is
    always false.

    `editable_fields` on `GET /v1/guests/trips/{request_id}?include_editable_fields=true`
    says the same in advance: `PICKUP` and `DROPOFF` are editable before dispatch,
    `DROPOFF` alone after it, nothing on other trips.

    The answer is the trip after the update (the page shows no response; this document
    answers like get-trip so that a client need not read it again). The update page names
    the path parameter `trip_id`; it is the trip's `request_id`, the same path as get
    and cancel (see DISCREPANCIES.md).

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (UpdateGuestTripRequest): The trip's editable parts, replacing the current ones (full
            replacement; see the
            operation). `dropoff` or the deprecated `end_location` must be sent: the page marks
            `end_location` required, and its 2025-03-28 change replaces it with `dropoff` (see
            DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GuestTrip
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
    ).parsed


async def asyncio_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateGuestTripRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[Error | GuestTrip]:
    """Update a guest trip

     Replaces the editable parts of an on-demand trip. Fields this operation does not
    take (such as `guest` or `fare_id` of create) are ignored, so a create body can be
    sent as it is. **Full replacement:** an optional field the body leaves out is
    cleared (`expense_memo`, `note_for_driver`, `stops`). The pickup and the product
    cannot be cleared: left out, they keep their value. The destination is required:
    send `dropoff` (or the deprecated `end_location`), or the request fails with 400
    `validation_failed`. Since 2025-03-28 `pickup` and `dropoff`
    replace the deprecated `start_location` and `end_location`; send one of each pair.

    **Which trips.** Only on-demand trips (created without `scheduling` and without
    `deferred_ride_options`) that have not ended:
    - scheduled, Reserve and hourly trips answer 400 `validation_failed` "Scheduled rides
      cannot be updated via the API" (since 2025-10-13), whatever their status;
    - flexible trips answer 400 `validation_failed` "Only on-demand rides can be updated";
    - trips in a terminal status (`completed`, `rider_canceled`, `driver_canceled`,
      `no_drivers_available`, `failed`, `expired`) answer 400 `validation_failed` "The
      trip can no longer be updated".

    **Before dispatch** (status `processing`, no driver has accepted yet) the pickup, the
    destination, the product, `expense_memo` and `note_for_driver` may change. A new
    pickup may be at most `editable_fields.PICKUP.max_radius_meters` (200) metres from
    the trip's original pickup, else 400 `validation_failed`; a new `product_id` must be
    a product of the area.

    **After dispatch** (`accepted`, `arriving`, `in_progress`, `driver_redispatched`) only
    the destination may change. Every other field must repeat its current value: `pickup`
    and `product_id` (when sent) equal to the trip's, `expense_memo` and
    `note_for_driver` equal to the trip's (left out only when the trip has none). Read
    the trip first. Anything else answers 400 `validation_failed`, naming the field.

    **Stops.** The page allows stops to change on hourly rides only, and hourly rides
    cannot be updated through the API (see above; DISCREPANCIES.md), so a non-empty
    `stops` answers 400 `validation_failed`, and `editable_fields.STOPS.editable` is
    always false.

    `editable_fields` on `GET /v1/guests/trips/{request_id}?include_editable_fields=true`
    says the same in advance: `PICKUP` and `DROPOFF` are editable before dispatch,
    `DROPOFF` alone after it, nothing on other trips.

    The answer is the trip after the update (the page shows no response; this document
    answers like get-trip so that a client need not read it again). The update page names
    the path parameter `trip_id`; it is the trip's `request_id`, the same path as get
    and cancel (see DISCREPANCIES.md).

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (UpdateGuestTripRequest): The trip's editable parts, replacing the current ones (full
            replacement; see the
            operation). `dropoff` or the deprecated `end_location` must be sent: the page marks
            `end_location` required, and its 2025-03-28 change replaces it with `dropoff` (see
            DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GuestTrip]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateGuestTripRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Error | GuestTrip | None:
    """Update a guest trip

     Replaces the editable parts of an on-demand trip. Fields this operation does not
    take (such as `guest` or `fare_id` of create) are ignored, so a create body can be
    sent as it is. **Full replacement:** an optional field the body leaves out is
    cleared (`expense_memo`, `note_for_driver`, `stops`). The pickup and the product
    cannot be cleared: left out, they keep their value. The destination is required:
    send `dropoff` (or the deprecated `end_location`), or the request fails with 400
    `validation_failed`. Since 2025-03-28 `pickup` and `dropoff`
    replace the deprecated `start_location` and `end_location`; send one of each pair.

    **Which trips.** Only on-demand trips (created without `scheduling` and without
    `deferred_ride_options`) that have not ended:
    - scheduled, Reserve and hourly trips answer 400 `validation_failed` "Scheduled rides
      cannot be updated via the API" (since 2025-10-13), whatever their status;
    - flexible trips answer 400 `validation_failed` "Only on-demand rides can be updated";
    - trips in a terminal status (`completed`, `rider_canceled`, `driver_canceled`,
      `no_drivers_available`, `failed`, `expired`) answer 400 `validation_failed` "The
      trip can no longer be updated".

    **Before dispatch** (status `processing`, no driver has accepted yet) the pickup, the
    destination, the product, `expense_memo` and `note_for_driver` may change. A new
    pickup may be at most `editable_fields.PICKUP.max_radius_meters` (200) metres from
    the trip's original pickup, else 400 `validation_failed`; a new `product_id` must be
    a product of the area.

    **After dispatch** (`accepted`, `arriving`, `in_progress`, `driver_redispatched`) only
    the destination may change. Every other field must repeat its current value: `pickup`
    and `product_id` (when sent) equal to the trip's, `expense_memo` and
    `note_for_driver` equal to the trip's (left out only when the trip has none). Read
    the trip first. Anything else answers 400 `validation_failed`, naming the field.

    **Stops.** The page allows stops to change on hourly rides only, and hourly rides
    cannot be updated through the API (see above; DISCREPANCIES.md), so a non-empty
    `stops` answers 400 `validation_failed`, and `editable_fields.STOPS.editable` is
    always false.

    `editable_fields` on `GET /v1/guests/trips/{request_id}?include_editable_fields=true`
    says the same in advance: `PICKUP` and `DROPOFF` are editable before dispatch,
    `DROPOFF` alone after it, nothing on other trips.

    The answer is the trip after the update (the page shows no response; this document
    answers like get-trip so that a client need not read it again). The update page names
    the path parameter `trip_id`; it is the trip's `request_id`, the same path as get
    and cancel (see DISCREPANCIES.md).

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        request_id (UUID): The trip's unique id, as returned when the trip was created.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        body (UpdateGuestTripRequest): The trip's editable parts, replacing the current ones (full
            replacement; see the
            operation). `dropoff` or the deprecated `end_location` must be sent: the page marks
            `end_location` required, and its 2025-03-28 change replaces it with `dropoff` (see
            DISCREPANCIES.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GuestTrip
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            body=body,
            x_uber_organizationuuid=x_uber_organizationuuid,
        )
    ).parsed
