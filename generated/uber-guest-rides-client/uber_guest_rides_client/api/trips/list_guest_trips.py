from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.guest_trip_list import GuestTripList
from ...models.list_guest_trips_trip_status import ListGuestTripsTripStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    trip_status: ListGuestTripsTripStatus | Unset = ListGuestTripsTripStatus.ACTIVE,
    limit: int | Unset = 50,
    start_key: str | Unset = UNSET,
    include_editable_fields: bool | Unset = False,
    accept_language: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    if not isinstance(x_uber_organizationuuid, Unset):
        headers["x-uber-organizationuuid"] = str(x_uber_organizationuuid)

    params: dict[str, Any] = {}

    json_trip_status: str | Unset = UNSET
    if not isinstance(trip_status, Unset):
        json_trip_status = trip_status.value

    params["trip_status"] = json_trip_status

    params["limit"] = limit

    params["start_key"] = start_key

    params["include_editable_fields"] = include_editable_fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/guests/trips",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | GuestTripList | None:
    if response.status_code == 200:
        response_200 = GuestTripList.from_dict(response.json())

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
) -> Response[Error | GuestTripList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    trip_status: ListGuestTripsTripStatus | Unset = ListGuestTripsTripStatus.ACTIVE,
    limit: int | Unset = 50,
    start_key: str | Unset = UNSET,
    include_editable_fields: bool | Unset = False,
    accept_language: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[Error | GuestTripList]:
    """List guest trips

     Lists the trips of the calling application (and of the organization named by
    `x-uber-organizationuuid`, when sent), newest first: by `request_time`, and trips
    requested in the same millisecond in reverse order of creation. By default, the 50
    most recent `ACTIVE` trips.

    `trip_status` selects the trips by status:

    | `trip_status` | statuses |
    |---|---|
    | `ACTIVE` (default) | `processing`, `accepted`, `arriving`, `in_progress`, `driver_redispatched`,
    `scheduled`, `offered` |
    | `PAST` | `completed`, `rider_canceled`, `driver_canceled`, `no_drivers_available`, `failed` |
    | `EXPIRED` | `expired` (flexible rides never redeemed) |

    The page names the three values only; which statuses each covers is this document's
    reading (the terminal statuses are past, an expired flexible ride is expired, every
    other status is active).

    **Paging.** A page holds at most `limit` trips. When more trips follow, the answer
    carries `next_key`; send it back as `start_key` (with the same `trip_status`) for the
    next page. The last page has no `next_key`, and no matching trips give
    `{"trips": []}`. A key is a position in the newest-first order: the next page starts
    with the first trip older than the last one returned, so trips created while a client
    pages never appear on later pages and no trip is skipped or repeated. A trip whose
    status changes between two pages may leave the selection. Keys are opaque strings; a
    `start_key` the server did not issue answers 400 `validation_failed`. Uber's Postman
    text spells the names `startkey` and `nextkey`; this document follows the reference
    page (see DISCREPANCIES.md).

    The items have the shape of `GET /v1/guests/trips/{request_id}`, with
    `editable_fields` only when `include_editable_fields=true`.

    Args:
        trip_status (ListGuestTripsTripStatus | Unset): Which trips to list: `ACTIVE` (not ended),
            `PAST` (ended), `EXPIRED` (expired flexible rides); see the table above. Defaults to
            `ACTIVE`. Default: ListGuestTripsTripStatus.ACTIVE.
        limit (int | Unset): The largest number of trips on one page. Defaults to 50. The page
            gives no maximum. Default: 50.
        start_key (str | Unset): The `next_key` of the previous page; omitted for the first page.
        include_editable_fields (bool | Unset): When true, each trip includes `editable_fields`.
            Omitted or false, none does. Default: False.
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GuestTripList]
    """

    kwargs = _get_kwargs(
        trip_status=trip_status,
        limit=limit,
        start_key=start_key,
        include_editable_fields=include_editable_fields,
        accept_language=accept_language,
        x_uber_organizationuuid=x_uber_organizationuuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    trip_status: ListGuestTripsTripStatus | Unset = ListGuestTripsTripStatus.ACTIVE,
    limit: int | Unset = 50,
    start_key: str | Unset = UNSET,
    include_editable_fields: bool | Unset = False,
    accept_language: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Error | GuestTripList | None:
    """List guest trips

     Lists the trips of the calling application (and of the organization named by
    `x-uber-organizationuuid`, when sent), newest first: by `request_time`, and trips
    requested in the same millisecond in reverse order of creation. By default, the 50
    most recent `ACTIVE` trips.

    `trip_status` selects the trips by status:

    | `trip_status` | statuses |
    |---|---|
    | `ACTIVE` (default) | `processing`, `accepted`, `arriving`, `in_progress`, `driver_redispatched`,
    `scheduled`, `offered` |
    | `PAST` | `completed`, `rider_canceled`, `driver_canceled`, `no_drivers_available`, `failed` |
    | `EXPIRED` | `expired` (flexible rides never redeemed) |

    The page names the three values only; which statuses each covers is this document's
    reading (the terminal statuses are past, an expired flexible ride is expired, every
    other status is active).

    **Paging.** A page holds at most `limit` trips. When more trips follow, the answer
    carries `next_key`; send it back as `start_key` (with the same `trip_status`) for the
    next page. The last page has no `next_key`, and no matching trips give
    `{"trips": []}`. A key is a position in the newest-first order: the next page starts
    with the first trip older than the last one returned, so trips created while a client
    pages never appear on later pages and no trip is skipped or repeated. A trip whose
    status changes between two pages may leave the selection. Keys are opaque strings; a
    `start_key` the server did not issue answers 400 `validation_failed`. Uber's Postman
    text spells the names `startkey` and `nextkey`; this document follows the reference
    page (see DISCREPANCIES.md).

    The items have the shape of `GET /v1/guests/trips/{request_id}`, with
    `editable_fields` only when `include_editable_fields=true`.

    Args:
        trip_status (ListGuestTripsTripStatus | Unset): Which trips to list: `ACTIVE` (not ended),
            `PAST` (ended), `EXPIRED` (expired flexible rides); see the table above. Defaults to
            `ACTIVE`. Default: ListGuestTripsTripStatus.ACTIVE.
        limit (int | Unset): The largest number of trips on one page. Defaults to 50. The page
            gives no maximum. Default: 50.
        start_key (str | Unset): The `next_key` of the previous page; omitted for the first page.
        include_editable_fields (bool | Unset): When true, each trip includes `editable_fields`.
            Omitted or false, none does. Default: False.
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GuestTripList
    """

    return sync_detailed(
        client=client,
        trip_status=trip_status,
        limit=limit,
        start_key=start_key,
        include_editable_fields=include_editable_fields,
        accept_language=accept_language,
        x_uber_organizationuuid=x_uber_organizationuuid,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    trip_status: ListGuestTripsTripStatus | Unset = ListGuestTripsTripStatus.ACTIVE,
    limit: int | Unset = 50,
    start_key: str | Unset = UNSET,
    include_editable_fields: bool | Unset = False,
    accept_language: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[Error | GuestTripList]:
    """List guest trips

     Lists the trips of the calling application (and of the organization named by
    `x-uber-organizationuuid`, when sent), newest first: by `request_time`, and trips
    requested in the same millisecond in reverse order of creation. By default, the 50
    most recent `ACTIVE` trips.

    `trip_status` selects the trips by status:

    | `trip_status` | statuses |
    |---|---|
    | `ACTIVE` (default) | `processing`, `accepted`, `arriving`, `in_progress`, `driver_redispatched`,
    `scheduled`, `offered` |
    | `PAST` | `completed`, `rider_canceled`, `driver_canceled`, `no_drivers_available`, `failed` |
    | `EXPIRED` | `expired` (flexible rides never redeemed) |

    The page names the three values only; which statuses each covers is this document's
    reading (the terminal statuses are past, an expired flexible ride is expired, every
    other status is active).

    **Paging.** A page holds at most `limit` trips. When more trips follow, the answer
    carries `next_key`; send it back as `start_key` (with the same `trip_status`) for the
    next page. The last page has no `next_key`, and no matching trips give
    `{"trips": []}`. A key is a position in the newest-first order: the next page starts
    with the first trip older than the last one returned, so trips created while a client
    pages never appear on later pages and no trip is skipped or repeated. A trip whose
    status changes between two pages may leave the selection. Keys are opaque strings; a
    `start_key` the server did not issue answers 400 `validation_failed`. Uber's Postman
    text spells the names `startkey` and `nextkey`; this document follows the reference
    page (see DISCREPANCIES.md).

    The items have the shape of `GET /v1/guests/trips/{request_id}`, with
    `editable_fields` only when `include_editable_fields=true`.

    Args:
        trip_status (ListGuestTripsTripStatus | Unset): Which trips to list: `ACTIVE` (not ended),
            `PAST` (ended), `EXPIRED` (expired flexible rides); see the table above. Defaults to
            `ACTIVE`. Default: ListGuestTripsTripStatus.ACTIVE.
        limit (int | Unset): The largest number of trips on one page. Defaults to 50. The page
            gives no maximum. Default: 50.
        start_key (str | Unset): The `next_key` of the previous page; omitted for the first page.
        include_editable_fields (bool | Unset): When true, each trip includes `editable_fields`.
            Omitted or false, none does. Default: False.
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GuestTripList]
    """

    kwargs = _get_kwargs(
        trip_status=trip_status,
        limit=limit,
        start_key=start_key,
        include_editable_fields=include_editable_fields,
        accept_language=accept_language,
        x_uber_organizationuuid=x_uber_organizationuuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    trip_status: ListGuestTripsTripStatus | Unset = ListGuestTripsTripStatus.ACTIVE,
    limit: int | Unset = 50,
    start_key: str | Unset = UNSET,
    include_editable_fields: bool | Unset = False,
    accept_language: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Error | GuestTripList | None:
    """List guest trips

     Lists the trips of the calling application (and of the organization named by
    `x-uber-organizationuuid`, when sent), newest first: by `request_time`, and trips
    requested in the same millisecond in reverse order of creation. By default, the 50
    most recent `ACTIVE` trips.

    `trip_status` selects the trips by status:

    | `trip_status` | statuses |
    |---|---|
    | `ACTIVE` (default) | `processing`, `accepted`, `arriving`, `in_progress`, `driver_redispatched`,
    `scheduled`, `offered` |
    | `PAST` | `completed`, `rider_canceled`, `driver_canceled`, `no_drivers_available`, `failed` |
    | `EXPIRED` | `expired` (flexible rides never redeemed) |

    The page names the three values only; which statuses each covers is this document's
    reading (the terminal statuses are past, an expired flexible ride is expired, every
    other status is active).

    **Paging.** A page holds at most `limit` trips. When more trips follow, the answer
    carries `next_key`; send it back as `start_key` (with the same `trip_status`) for the
    next page. The last page has no `next_key`, and no matching trips give
    `{"trips": []}`. A key is a position in the newest-first order: the next page starts
    with the first trip older than the last one returned, so trips created while a client
    pages never appear on later pages and no trip is skipped or repeated. A trip whose
    status changes between two pages may leave the selection. Keys are opaque strings; a
    `start_key` the server did not issue answers 400 `validation_failed`. Uber's Postman
    text spells the names `startkey` and `nextkey`; this document follows the reference
    page (see DISCREPANCIES.md).

    The items have the shape of `GET /v1/guests/trips/{request_id}`, with
    `editable_fields` only when `include_editable_fields=true`.

    Args:
        trip_status (ListGuestTripsTripStatus | Unset): Which trips to list: `ACTIVE` (not ended),
            `PAST` (ended), `EXPIRED` (expired flexible rides); see the table above. Defaults to
            `ACTIVE`. Default: ListGuestTripsTripStatus.ACTIVE.
        limit (int | Unset): The largest number of trips on one page. Defaults to 50. The page
            gives no maximum. Default: 50.
        start_key (str | Unset): The `next_key` of the previous page; omitted for the first page.
        include_editable_fields (bool | Unset): When true, each trip includes `editable_fields`.
            Omitted or false, none does. Default: False.
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GuestTripList
    """

    return (
        await asyncio_detailed(
            client=client,
            trip_status=trip_status,
            limit=limit,
            start_key=start_key,
            include_editable_fields=include_editable_fields,
            accept_language=accept_language,
            x_uber_organizationuuid=x_uber_organizationuuid,
        )
    ).parsed
