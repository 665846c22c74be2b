from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.pickup_zones import PickupZones
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    latitude: float,
    longitude: float,
    place_id: str | Unset = UNSET,
    provider: str | Unset = UNSET,
    address: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_uber_organizationuuid, Unset):
        headers["x-uber-organizationuuid"] = str(x_uber_organizationuuid)

    params: dict[str, Any] = {}

    params["latitude"] = latitude

    params["longitude"] = longitude

    params["place_id"] = place_id

    params["provider"] = provider

    params["address"] = address

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/guests/zones",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PickupZones | None:
    if response.status_code == 200:
        response_200 = PickupZones.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PickupZones]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    latitude: float,
    longitude: float,
    place_id: str | Unset = UNSET,
    provider: str | Unset = UNSET,
    address: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[Error | PickupZones]:
    """Find specialized pickup zones and access points

     Returns the specialized pickup zone (an airport, a venue) around a location, and the
    access points where a guest can be picked up in it.

    - A non-hierarchical zone: `master_zone` with its `access_points`.
    - A hierarchical zone: `master_zone` with `sub_zones`, each with its `access_points`.
    - No zone at the location: no `master_zone`; only `access_points` is returned.

    To pick the guest up at an access point, create the trip with
    `pickup.place.place_id` = the access point's `id` and `pickup.place.provider` =
    `uber_geofences`. Uber's guide also sets `zone_id` to the id of the access point's
    immediate parent zone (the sub-zone, or the master zone when it has no sub-zones);
    create marks `pickup.place.zone_id` deprecated, so send it only where still needed.

    The page's query-parameter names were not captured: `latitude` and `longitude`
    (required), `place_id`, `provider` and `address` (optional) are this document's
    names for the inputs it lists. Likewise the fields of zones and access points
    beyond `master_zone`, `sub_zones`, `access_points` and their ids are this document's
    reading.

    The local sandbox answers from a small fixed set of zones listed in its README; a
    location inside none of them answers `{"access_points": []}`.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        latitude (float): Latitude of the location.
        longitude (float): Longitude of the location.
        place_id (str | Unset): The location's place id in `provider`'s namespace (optional).
        provider (str | Unset): The namespace of `place_id`, for example `google_places`
            (optional).
        address (str | Unset): The location's address (optional).
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PickupZones]
    """

    kwargs = _get_kwargs(
        latitude=latitude,
        longitude=longitude,
        place_id=place_id,
        provider=provider,
        address=address,
        x_uber_organizationuuid=x_uber_organizationuuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    latitude: float,
    longitude: float,
    place_id: str | Unset = UNSET,
    provider: str | Unset = UNSET,
    address: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Error | PickupZones | None:
    """Find specialized pickup zones and access points

     Returns the specialized pickup zone (an airport, a venue) around a location, and the
    access points where a guest can be picked up in it.

    - A non-hierarchical zone: `master_zone` with its `access_points`.
    - A hierarchical zone: `master_zone` with `sub_zones`, each with its `access_points`.
    - No zone at the location: no `master_zone`; only `access_points` is returned.

    To pick the guest up at an access point, create the trip with
    `pickup.place.place_id` = the access point's `id` and `pickup.place.provider` =
    `uber_geofences`. Uber's guide also sets `zone_id` to the id of the access point's
    immediate parent zone (the sub-zone, or the master zone when it has no sub-zones);
    create marks `pickup.place.zone_id` deprecated, so send it only where still needed.

    The page's query-parameter names were not captured: `latitude` and `longitude`
    (required), `place_id`, `provider` and `address` (optional) are this document's
    names for the inputs it lists. Likewise the fields of zones and access points
    beyond `master_zone`, `sub_zones`, `access_points` and their ids are this document's
    reading.

    The local sandbox answers from a small fixed set of zones listed in its README; a
    location inside none of them answers `{"access_points": []}`.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        latitude (float): Latitude of the location.
        longitude (float): Longitude of the location.
        place_id (str | Unset): The location's place id in `provider`'s namespace (optional).
        provider (str | Unset): The namespace of `place_id`, for example `google_places`
            (optional).
        address (str | Unset): The location's address (optional).
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PickupZones
    """

    return sync_detailed(
        client=client,
        latitude=latitude,
        longitude=longitude,
        place_id=place_id,
        provider=provider,
        address=address,
        x_uber_organizationuuid=x_uber_organizationuuid,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    latitude: float,
    longitude: float,
    place_id: str | Unset = UNSET,
    provider: str | Unset = UNSET,
    address: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Response[Error | PickupZones]:
    """Find specialized pickup zones and access points

     Returns the specialized pickup zone (an airport, a venue) around a location, and the
    access points where a guest can be picked up in it.

    - A non-hierarchical zone: `master_zone` with its `access_points`.
    - A hierarchical zone: `master_zone` with `sub_zones`, each with its `access_points`.
    - No zone at the location: no `master_zone`; only `access_points` is returned.

    To pick the guest up at an access point, create the trip with
    `pickup.place.place_id` = the access point's `id` and `pickup.place.provider` =
    `uber_geofences`. Uber's guide also sets `zone_id` to the id of the access point's
    immediate parent zone (the sub-zone, or the master zone when it has no sub-zones);
    create marks `pickup.place.zone_id` deprecated, so send it only where still needed.

    The page's query-parameter names were not captured: `latitude` and `longitude`
    (required), `place_id`, `provider` and `address` (optional) are this document's
    names for the inputs it lists. Likewise the fields of zones and access points
    beyond `master_zone`, `sub_zones`, `access_points` and their ids are this document's
    reading.

    The local sandbox answers from a small fixed set of zones listed in its README; a
    location inside none of them answers `{"access_points": []}`.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        latitude (float): Latitude of the location.
        longitude (float): Longitude of the location.
        place_id (str | Unset): The location's place id in `provider`'s namespace (optional).
        provider (str | Unset): The namespace of `place_id`, for example `google_places`
            (optional).
        address (str | Unset): The location's address (optional).
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PickupZones]
    """

    kwargs = _get_kwargs(
        latitude=latitude,
        longitude=longitude,
        place_id=place_id,
        provider=provider,
        address=address,
        x_uber_organizationuuid=x_uber_organizationuuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    latitude: float,
    longitude: float,
    place_id: str | Unset = UNSET,
    provider: str | Unset = UNSET,
    address: str | Unset = UNSET,
    x_uber_organizationuuid: UUID | Unset = UNSET,
) -> Error | PickupZones | None:
    """Find specialized pickup zones and access points

     Returns the specialized pickup zone (an airport, a venue) around a location, and the
    access points where a guest can be picked up in it.

    - A non-hierarchical zone: `master_zone` with its `access_points`.
    - A hierarchical zone: `master_zone` with `sub_zones`, each with its `access_points`.
    - No zone at the location: no `master_zone`; only `access_points` is returned.

    To pick the guest up at an access point, create the trip with
    `pickup.place.place_id` = the access point's `id` and `pickup.place.provider` =
    `uber_geofences`. Uber's guide also sets `zone_id` to the id of the access point's
    immediate parent zone (the sub-zone, or the master zone when it has no sub-zones);
    create marks `pickup.place.zone_id` deprecated, so send it only where still needed.

    The page's query-parameter names were not captured: `latitude` and `longitude`
    (required), `place_id`, `provider` and `address` (optional) are this document's
    names for the inputs it lists. Likewise the fields of zones and access points
    beyond `master_zone`, `sub_zones`, `access_points` and their ids are this document's
    reading.

    The local sandbox answers from a small fixed set of zones listed in its README; a
    location inside none of them answers `{"access_points": []}`.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied.

    Args:
        latitude (float): Latitude of the location.
        longitude (float): Longitude of the location.
        place_id (str | Unset): The location's place id in `provider`'s namespace (optional).
        provider (str | Unset): The namespace of `place_id`, for example `google_places`
            (optional).
        address (str | Unset): The location's address (optional).
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PickupZones
    """

    return (
        await asyncio_detailed(
            client=client,
            latitude=latitude,
            longitude=longitude,
            place_id=place_id,
            provider=provider,
            address=address,
            x_uber_organizationuuid=x_uber_organizationuuid,
        )
    ).parsed
