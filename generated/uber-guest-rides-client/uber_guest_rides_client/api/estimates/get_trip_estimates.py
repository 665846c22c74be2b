from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.trip_estimates import TripEstimates
from ...models.trip_estimates_request import TripEstimatesRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TripEstimatesRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
    x_uber_sandbox_runuuid: UUID | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_uber_organizationuuid, Unset):
        headers["x-uber-organizationuuid"] = str(x_uber_organizationuuid)

    if not isinstance(x_uber_sandbox_runuuid, Unset):
        headers["x-uber-sandbox-runuuid"] = str(x_uber_sandbox_runuuid)

    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/guests/trips/estimates",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | TripEstimates | None:
    if response.status_code == 200:
        response_200 = TripEstimates.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | TripEstimates]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TripEstimatesRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
    x_uber_sandbox_runuuid: UUID | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Error | TripEstimates]:
    """Get product estimates for a guest ride

     Lists the products available for a ride from `pickup` to `dropoff`, each with its
    price and, for rides now, the pickup ETA. Call it before creating a trip: it supplies
    the `product_id` and the upfront `fare_id` that create takes.

    **Ride type.** The body decides it, as on create:

    | request | ride type | products listed | ETAs |
    |---|---|---|---|
    | no `scheduling`, no `deferred_ride_options` | on demand | products that dispatch now
    (`advance_booking_type` `SCHEDULED` or absent) | `pickup_estimate` per product |
    | `scheduling.pickup_time` (epoch ms) | scheduled, Uber Reserve, hourly | products with
    `scheduling_enabled`, Reserve (`RESERVE`) and hourly (`HOURLY`) products | none: `etas_unavailable`
    is true |
    | `deferred_ride_options.pickup_day` (YYYY-MM-DD) | flexible | the on-demand products | none:
    `etas_unavailable` is true |

    Send at most one of `scheduling` and `deferred_ride_options` (400 `validation_failed`
    otherwise, as on create). A `pickup_time` in the past, or a `pickup_day` before the
    current day in the pickup's time zone, is refused with 400 `validation_failed`.

    **Prices.** A product with `upfront_fare_enabled` gets an upfront fare
    (`estimate_info.fare` and `estimate_info.fare_id`); flexible rides never do, since
    their price is set when the guest requests the ride. A product without an upfront
    fare gets a price range (`estimate_info.estimate`) instead. Hourly products carry
    their tiers and overage rates in `fare.hourly`; in Uber's example their item has
    `estimate_info: null` with `fare_id` and `fare` beside `product` (see
    DISCREPANCIES.md), and the local sandbox sends hourly items in that shape.

    **Upfront fares and create.** Send a fare's `fare_id` with create to book the ride
    at that fare. A `fare_id` is valid until `fare.expires_at` (epoch *seconds*), for
    the product it was quoted for, for the application that received it, and once: the
    create that uses it consumes it. Create answers 409 `fare_expired`, with a fresh
    fare in its metadata, to a `fare_id` that is expired, already used, unknown or quoted
    for another product. The local sandbox ties a fare to its product, not to the route.

    **Surge.** While a product is in surge, its upfront fare is priced at the surge
    multiplier (`fare.multiplier`), the item carries `pricing_explanation`, and its
    `fulfillment_indicator` is `YELLOW` (`RED` when it has no cars). Creating a trip
    with that `fare_id` accepts the surge price at once; creating without a `fare_id`
    answers 409 `surge` (see create).

    **Availability.** `no_cars_available` is true for a product no driver can serve now;
    such a product has no `pickup_estimate` and its `fulfillment_indicator` is `RED`.
    Otherwise the indicator is `GREEN`, or `YELLOW` in surge. `etas_unavailable` is true
    for scheduled, Reserve, hourly and flexible rides and for an invalid pickup, false for
    on-demand rides (where only products without cars lack a `pickup_estimate`).
    `fares_unavailable` is true when no item carries a fare or a price range (in the
    local sandbox, only for an invalid pickup).

    **Invalid pickup.** A pickup Uber cannot serve, such as 0,0, gives an empty
    `product_estimates` list (with `etas_unavailable` and `fares_unavailable` true), not
    an error.

    **Localization.** With `Accept-Language` (for example `FR`), `short_description`
    comes back translated.

    **Sandbox.** Uber's sandbox requires `x-uber-sandbox-runuuid` on this operation and
    answers 404 "Invalid Run ID" when the run is unknown or expired (its FAQ adds: also
    when the run's driver and pickup locations do not match). Production ignores the
    header.

    **The local sandbox** answers with the same rules from its own catalogue and price
    model (deterministic for the same request, product, surge setting and clock):
    - `x-uber-sandbox-runuuid` is optional here, so a program can price a ride before it
      has a run (create, unlike estimates, requires a run by default: see
      DISCREPANCIES.md); when sent, it must name a live run of the caller, or the answer
      is 404 `entity_not_found` "Invalid Run ID", as on create. It does not compare the
      run's locations with the pickup.
    - Without a run, every on-demand product has cars. With a run, on-demand products
      have cars only while the run has an online driver without a trip
      (`no_cars_available` is true otherwise). For scheduled, Reserve, hourly and
      flexible rides `no_cars_available` is false.
    - A pickup whose latitude and longitude are both 0 is the invalid pickup.
    - Fares expire `fare_ttl_seconds` after the estimate on the sandbox's clock (120 by
      default; set per product with `PUT /__sandbox/products/{product_id}/surge`), and
      the multiplier is the product's current surge setting.
    - `fare.value` is what a trip booked with that `fare_id` is charged once completed
      (its `client_fare_numeric`, and its receipt's `total_fare`), whatever the ride's
      actual duration, unless an update changes its destination, which drops the
      upfront fare and prices the trip by its route; `display` is the same amount
      formatted, and `fare_breakdown` holds one `base_fare` entry of the same value.
      For hourly products, `fare.value` is the first tier's `amount`, and a trip booked
      with the `fare_id` is charged the `amount` of the tier it books (`hourly.tier`)
      plus overage at `overage_rates`.
    - Every product carries `cancellation` (`min_cancellation_fee` 5 in its currency,
      `cancellation_grace_period_threshold_sec` 120). Reserve and hourly products carry
      `reserve_info` with `scheduled_threshold_minutes` 120,
      `free_cancellation_threshold_minutes` 60, `wait_time_threshold_seconds` 300,
      `add_ons` an empty list, `valid_until_timestamp` equal to the fare's expiry in epoch
      milliseconds, and `enabled` true when `pickup_time` is at least
      `scheduled_threshold_minutes` after the sandbox's current time.
    - `flight` is accepted and not looked up: the local sandbox never answers
      `flight_not_found` or `invalid_flight_landing_time`.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied (403); an organization UUID the application may not act for answers 400
    `invalid_request_parameters` "Invalid organization uuid" on this operation, as its
    page shows, where other operations answer 403 (see DISCREPANCIES.md).

    Args:
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        x_uber_sandbox_runuuid (UUID | Unset): Sandbox only: the `run_id` of a sandbox run. Uber's
            sandbox requires it on estimates
            and answers 404 "Invalid Run ID" for an unknown or expired run; production ignores
            it. The local sandbox answers without it too (see the operation).
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.
        body (TripEstimatesRequest): The ride to estimate. Without `scheduling` and
            `deferred_ride_options`, a ride now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TripEstimates]
    """

    kwargs = _get_kwargs(
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
        x_uber_sandbox_runuuid=x_uber_sandbox_runuuid,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TripEstimatesRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
    x_uber_sandbox_runuuid: UUID | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Error | TripEstimates | None:
    """Get product estimates for a guest ride

     Lists the products available for a ride from `pickup` to `dropoff`, each with its
    price and, for rides now, the pickup ETA. Call it before creating a trip: it supplies
    the `product_id` and the upfront `fare_id` that create takes.

    **Ride type.** The body decides it, as on create:

    | request | ride type | products listed | ETAs |
    |---|---|---|---|
    | no `scheduling`, no `deferred_ride_options` | on demand | products that dispatch now
    (`advance_booking_type` `SCHEDULED` or absent) | `pickup_estimate` per product |
    | `scheduling.pickup_time` (epoch ms) | scheduled, Uber Reserve, hourly | products with
    `scheduling_enabled`, Reserve (`RESERVE`) and hourly (`HOURLY`) products | none: `etas_unavailable`
    is true |
    | `deferred_ride_options.pickup_day` (YYYY-MM-DD) | flexible | the on-demand products | none:
    `etas_unavailable` is true |

    Send at most one of `scheduling` and `deferred_ride_options` (400 `validation_failed`
    otherwise, as on create). A `pickup_time` in the past, or a `pickup_day` before the
    current day in the pickup's time zone, is refused with 400 `validation_failed`.

    **Prices.** A product with `upfront_fare_enabled` gets an upfront fare
    (`estimate_info.fare` and `estimate_info.fare_id`); flexible rides never do, since
    their price is set when the guest requests the ride. A product without an upfront
    fare gets a price range (`estimate_info.estimate`) instead. Hourly products carry
    their tiers and overage rates in `fare.hourly`; in Uber's example their item has
    `estimate_info: null` with `fare_id` and `fare` beside `product` (see
    DISCREPANCIES.md), and the local sandbox sends hourly items in that shape.

    **Upfront fares and create.** Send a fare's `fare_id` with create to book the ride
    at that fare. A `fare_id` is valid until `fare.expires_at` (epoch *seconds*), for
    the product it was quoted for, for the application that received it, and once: the
    create that uses it consumes it. Create answers 409 `fare_expired`, with a fresh
    fare in its metadata, to a `fare_id` that is expired, already used, unknown or quoted
    for another product. The local sandbox ties a fare to its product, not to the route.

    **Surge.** While a product is in surge, its upfront fare is priced at the surge
    multiplier (`fare.multiplier`), the item carries `pricing_explanation`, and its
    `fulfillment_indicator` is `YELLOW` (`RED` when it has no cars). Creating a trip
    with that `fare_id` accepts the surge price at once; creating without a `fare_id`
    answers 409 `surge` (see create).

    **Availability.** `no_cars_available` is true for a product no driver can serve now;
    such a product has no `pickup_estimate` and its `fulfillment_indicator` is `RED`.
    Otherwise the indicator is `GREEN`, or `YELLOW` in surge. `etas_unavailable` is true
    for scheduled, Reserve, hourly and flexible rides and for an invalid pickup, false for
    on-demand rides (where only products without cars lack a `pickup_estimate`).
    `fares_unavailable` is true when no item carries a fare or a price range (in the
    local sandbox, only for an invalid pickup).

    **Invalid pickup.** A pickup Uber cannot serve, such as 0,0, gives an empty
    `product_estimates` list (with `etas_unavailable` and `fares_unavailable` true), not
    an error.

    **Localization.** With `Accept-Language` (for example `FR`), `short_description`
    comes back translated.

    **Sandbox.** Uber's sandbox requires `x-uber-sandbox-runuuid` on this operation and
    answers 404 "Invalid Run ID" when the run is unknown or expired (its FAQ adds: also
    when the run's driver and pickup locations do not match). Production ignores the
    header.

    **The local sandbox** answers with the same rules from its own catalogue and price
    model (deterministic for the same request, product, surge setting and clock):
    - `x-uber-sandbox-runuuid` is optional here, so a program can price a ride before it
      has a run (create, unlike estimates, requires a run by default: see
      DISCREPANCIES.md); when sent, it must name a live run of the caller, or the answer
      is 404 `entity_not_found` "Invalid Run ID", as on create. It does not compare the
      run's locations with the pickup.
    - Without a run, every on-demand product has cars. With a run, on-demand products
      have cars only while the run has an online driver without a trip
      (`no_cars_available` is true otherwise). For scheduled, Reserve, hourly and
      flexible rides `no_cars_available` is false.
    - A pickup whose latitude and longitude are both 0 is the invalid pickup.
    - Fares expire `fare_ttl_seconds` after the estimate on the sandbox's clock (120 by
      default; set per product with `PUT /__sandbox/products/{product_id}/surge`), and
      the multiplier is the product's current surge setting.
    - `fare.value` is what a trip booked with that `fare_id` is charged once completed
      (its `client_fare_numeric`, and its receipt's `total_fare`), whatever the ride's
      actual duration, unless an update changes its destination, which drops the
      upfront fare and prices the trip by its route; `display` is the same amount
      formatted, and `fare_breakdown` holds one `base_fare` entry of the same value.
      For hourly products, `fare.value` is the first tier's `amount`, and a trip booked
      with the `fare_id` is charged the `amount` of the tier it books (`hourly.tier`)
      plus overage at `overage_rates`.
    - Every product carries `cancellation` (`min_cancellation_fee` 5 in its currency,
      `cancellation_grace_period_threshold_sec` 120). Reserve and hourly products carry
      `reserve_info` with `scheduled_threshold_minutes` 120,
      `free_cancellation_threshold_minutes` 60, `wait_time_threshold_seconds` 300,
      `add_ons` an empty list, `valid_until_timestamp` equal to the fare's expiry in epoch
      milliseconds, and `enabled` true when `pickup_time` is at least
      `scheduled_threshold_minutes` after the sandbox's current time.
    - `flight` is accepted and not looked up: the local sandbox never answers
      `flight_not_found` or `invalid_flight_landing_time`.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied (403); an organization UUID the application may not act for answers 400
    `invalid_request_parameters` "Invalid organization uuid" on this operation, as its
    page shows, where other operations answer 403 (see DISCREPANCIES.md).

    Args:
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        x_uber_sandbox_runuuid (UUID | Unset): Sandbox only: the `run_id` of a sandbox run. Uber's
            sandbox requires it on estimates
            and answers 404 "Invalid Run ID" for an unknown or expired run; production ignores
            it. The local sandbox answers without it too (see the operation).
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.
        body (TripEstimatesRequest): The ride to estimate. Without `scheduling` and
            `deferred_ride_options`, a ride now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TripEstimates
    """

    return sync_detailed(
        client=client,
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
        x_uber_sandbox_runuuid=x_uber_sandbox_runuuid,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TripEstimatesRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
    x_uber_sandbox_runuuid: UUID | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Error | TripEstimates]:
    """Get product estimates for a guest ride

     Lists the products available for a ride from `pickup` to `dropoff`, each with its
    price and, for rides now, the pickup ETA. Call it before creating a trip: it supplies
    the `product_id` and the upfront `fare_id` that create takes.

    **Ride type.** The body decides it, as on create:

    | request | ride type | products listed | ETAs |
    |---|---|---|---|
    | no `scheduling`, no `deferred_ride_options` | on demand | products that dispatch now
    (`advance_booking_type` `SCHEDULED` or absent) | `pickup_estimate` per product |
    | `scheduling.pickup_time` (epoch ms) | scheduled, Uber Reserve, hourly | products with
    `scheduling_enabled`, Reserve (`RESERVE`) and hourly (`HOURLY`) products | none: `etas_unavailable`
    is true |
    | `deferred_ride_options.pickup_day` (YYYY-MM-DD) | flexible | the on-demand products | none:
    `etas_unavailable` is true |

    Send at most one of `scheduling` and `deferred_ride_options` (400 `validation_failed`
    otherwise, as on create). A `pickup_time` in the past, or a `pickup_day` before the
    current day in the pickup's time zone, is refused with 400 `validation_failed`.

    **Prices.** A product with `upfront_fare_enabled` gets an upfront fare
    (`estimate_info.fare` and `estimate_info.fare_id`); flexible rides never do, since
    their price is set when the guest requests the ride. A product without an upfront
    fare gets a price range (`estimate_info.estimate`) instead. Hourly products carry
    their tiers and overage rates in `fare.hourly`; in Uber's example their item has
    `estimate_info: null` with `fare_id` and `fare` beside `product` (see
    DISCREPANCIES.md), and the local sandbox sends hourly items in that shape.

    **Upfront fares and create.** Send a fare's `fare_id` with create to book the ride
    at that fare. A `fare_id` is valid until `fare.expires_at` (epoch *seconds*), for
    the product it was quoted for, for the application that received it, and once: the
    create that uses it consumes it. Create answers 409 `fare_expired`, with a fresh
    fare in its metadata, to a `fare_id` that is expired, already used, unknown or quoted
    for another product. The local sandbox ties a fare to its product, not to the route.

    **Surge.** While a product is in surge, its upfront fare is priced at the surge
    multiplier (`fare.multiplier`), the item carries `pricing_explanation`, and its
    `fulfillment_indicator` is `YELLOW` (`RED` when it has no cars). Creating a trip
    with that `fare_id` accepts the surge price at once; creating without a `fare_id`
    answers 409 `surge` (see create).

    **Availability.** `no_cars_available` is true for a product no driver can serve now;
    such a product has no `pickup_estimate` and its `fulfillment_indicator` is `RED`.
    Otherwise the indicator is `GREEN`, or `YELLOW` in surge. `etas_unavailable` is true
    for scheduled, Reserve, hourly and flexible rides and for an invalid pickup, false for
    on-demand rides (where only products without cars lack a `pickup_estimate`).
    `fares_unavailable` is true when no item carries a fare or a price range (in the
    local sandbox, only for an invalid pickup).

    **Invalid pickup.** A pickup Uber cannot serve, such as 0,0, gives an empty
    `product_estimates` list (with `etas_unavailable` and `fares_unavailable` true), not
    an error.

    **Localization.** With `Accept-Language` (for example `FR`), `short_description`
    comes back translated.

    **Sandbox.** Uber's sandbox requires `x-uber-sandbox-runuuid` on this operation and
    answers 404 "Invalid Run ID" when the run is unknown or expired (its FAQ adds: also
    when the run's driver and pickup locations do not match). Production ignores the
    header.

    **The local sandbox** answers with the same rules from its own catalogue and price
    model (deterministic for the same request, product, surge setting and clock):
    - `x-uber-sandbox-runuuid` is optional here, so a program can price a ride before it
      has a run (create, unlike estimates, requires a run by default: see
      DISCREPANCIES.md); when sent, it must name a live run of the caller, or the answer
      is 404 `entity_not_found` "Invalid Run ID", as on create. It does not compare the
      run's locations with the pickup.
    - Without a run, every on-demand product has cars. With a run, on-demand products
      have cars only while the run has an online driver without a trip
      (`no_cars_available` is true otherwise). For scheduled, Reserve, hourly and
      flexible rides `no_cars_available` is false.
    - A pickup whose latitude and longitude are both 0 is the invalid pickup.
    - Fares expire `fare_ttl_seconds` after the estimate on the sandbox's clock (120 by
      default; set per product with `PUT /__sandbox/products/{product_id}/surge`), and
      the multiplier is the product's current surge setting.
    - `fare.value` is what a trip booked with that `fare_id` is charged once completed
      (its `client_fare_numeric`, and its receipt's `total_fare`), whatever the ride's
      actual duration, unless an update changes its destination, which drops the
      upfront fare and prices the trip by its route; `display` is the same amount
      formatted, and `fare_breakdown` holds one `base_fare` entry of the same value.
      For hourly products, `fare.value` is the first tier's `amount`, and a trip booked
      with the `fare_id` is charged the `amount` of the tier it books (`hourly.tier`)
      plus overage at `overage_rates`.
    - Every product carries `cancellation` (`min_cancellation_fee` 5 in its currency,
      `cancellation_grace_period_threshold_sec` 120). Reserve and hourly products carry
      `reserve_info` with `scheduled_threshold_minutes` 120,
      `free_cancellation_threshold_minutes` 60, `wait_time_threshold_seconds` 300,
      `add_ons` an empty list, `valid_until_timestamp` equal to the fare's expiry in epoch
      milliseconds, and `enabled` true when `pickup_time` is at least
      `scheduled_threshold_minutes` after the sandbox's current time.
    - `flight` is accepted and not looked up: the local sandbox never answers
      `flight_not_found` or `invalid_flight_landing_time`.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied (403); an organization UUID the application may not act for answers 400
    `invalid_request_parameters` "Invalid organization uuid" on this operation, as its
    page shows, where other operations answer 403 (see DISCREPANCIES.md).

    Args:
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        x_uber_sandbox_runuuid (UUID | Unset): Sandbox only: the `run_id` of a sandbox run. Uber's
            sandbox requires it on estimates
            and answers 404 "Invalid Run ID" for an unknown or expired run; production ignores
            it. The local sandbox answers without it too (see the operation).
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.
        body (TripEstimatesRequest): The ride to estimate. Without `scheduling` and
            `deferred_ride_options`, a ride now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TripEstimates]
    """

    kwargs = _get_kwargs(
        body=body,
        x_uber_organizationuuid=x_uber_organizationuuid,
        x_uber_sandbox_runuuid=x_uber_sandbox_runuuid,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TripEstimatesRequest,
    x_uber_organizationuuid: UUID | Unset = UNSET,
    x_uber_sandbox_runuuid: UUID | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Error | TripEstimates | None:
    """Get product estimates for a guest ride

     Lists the products available for a ride from `pickup` to `dropoff`, each with its
    price and, for rides now, the pickup ETA. Call it before creating a trip: it supplies
    the `product_id` and the upfront `fare_id` that create takes.

    **Ride type.** The body decides it, as on create:

    | request | ride type | products listed | ETAs |
    |---|---|---|---|
    | no `scheduling`, no `deferred_ride_options` | on demand | products that dispatch now
    (`advance_booking_type` `SCHEDULED` or absent) | `pickup_estimate` per product |
    | `scheduling.pickup_time` (epoch ms) | scheduled, Uber Reserve, hourly | products with
    `scheduling_enabled`, Reserve (`RESERVE`) and hourly (`HOURLY`) products | none: `etas_unavailable`
    is true |
    | `deferred_ride_options.pickup_day` (YYYY-MM-DD) | flexible | the on-demand products | none:
    `etas_unavailable` is true |

    Send at most one of `scheduling` and `deferred_ride_options` (400 `validation_failed`
    otherwise, as on create). A `pickup_time` in the past, or a `pickup_day` before the
    current day in the pickup's time zone, is refused with 400 `validation_failed`.

    **Prices.** A product with `upfront_fare_enabled` gets an upfront fare
    (`estimate_info.fare` and `estimate_info.fare_id`); flexible rides never do, since
    their price is set when the guest requests the ride. A product without an upfront
    fare gets a price range (`estimate_info.estimate`) instead. Hourly products carry
    their tiers and overage rates in `fare.hourly`; in Uber's example their item has
    `estimate_info: null` with `fare_id` and `fare` beside `product` (see
    DISCREPANCIES.md), and the local sandbox sends hourly items in that shape.

    **Upfront fares and create.** Send a fare's `fare_id` with create to book the ride
    at that fare. A `fare_id` is valid until `fare.expires_at` (epoch *seconds*), for
    the product it was quoted for, for the application that received it, and once: the
    create that uses it consumes it. Create answers 409 `fare_expired`, with a fresh
    fare in its metadata, to a `fare_id` that is expired, already used, unknown or quoted
    for another product. The local sandbox ties a fare to its product, not to the route.

    **Surge.** While a product is in surge, its upfront fare is priced at the surge
    multiplier (`fare.multiplier`), the item carries `pricing_explanation`, and its
    `fulfillment_indicator` is `YELLOW` (`RED` when it has no cars). Creating a trip
    with that `fare_id` accepts the surge price at once; creating without a `fare_id`
    answers 409 `surge` (see create).

    **Availability.** `no_cars_available` is true for a product no driver can serve now;
    such a product has no `pickup_estimate` and its `fulfillment_indicator` is `RED`.
    Otherwise the indicator is `GREEN`, or `YELLOW` in surge. `etas_unavailable` is true
    for scheduled, Reserve, hourly and flexible rides and for an invalid pickup, false for
    on-demand rides (where only products without cars lack a `pickup_estimate`).
    `fares_unavailable` is true when no item carries a fare or a price range (in the
    local sandbox, only for an invalid pickup).

    **Invalid pickup.** A pickup Uber cannot serve, such as 0,0, gives an empty
    `product_estimates` list (with `etas_unavailable` and `fares_unavailable` true), not
    an error.

    **Localization.** With `Accept-Language` (for example `FR`), `short_description`
    comes back translated.

    **Sandbox.** Uber's sandbox requires `x-uber-sandbox-runuuid` on this operation and
    answers 404 "Invalid Run ID" when the run is unknown or expired (its FAQ adds: also
    when the run's driver and pickup locations do not match). Production ignores the
    header.

    **The local sandbox** answers with the same rules from its own catalogue and price
    model (deterministic for the same request, product, surge setting and clock):
    - `x-uber-sandbox-runuuid` is optional here, so a program can price a ride before it
      has a run (create, unlike estimates, requires a run by default: see
      DISCREPANCIES.md); when sent, it must name a live run of the caller, or the answer
      is 404 `entity_not_found` "Invalid Run ID", as on create. It does not compare the
      run's locations with the pickup.
    - Without a run, every on-demand product has cars. With a run, on-demand products
      have cars only while the run has an online driver without a trip
      (`no_cars_available` is true otherwise). For scheduled, Reserve, hourly and
      flexible rides `no_cars_available` is false.
    - A pickup whose latitude and longitude are both 0 is the invalid pickup.
    - Fares expire `fare_ttl_seconds` after the estimate on the sandbox's clock (120 by
      default; set per product with `PUT /__sandbox/products/{product_id}/surge`), and
      the multiplier is the product's current surge setting.
    - `fare.value` is what a trip booked with that `fare_id` is charged once completed
      (its `client_fare_numeric`, and its receipt's `total_fare`), whatever the ride's
      actual duration, unless an update changes its destination, which drops the
      upfront fare and prices the trip by its route; `display` is the same amount
      formatted, and `fare_breakdown` holds one `base_fare` entry of the same value.
      For hourly products, `fare.value` is the first tier's `amount`, and a trip booked
      with the `fare_id` is charged the `amount` of the tier it books (`hourly.tier`)
      plus overage at `overage_rates`.
    - Every product carries `cancellation` (`min_cancellation_fee` 5 in its currency,
      `cancellation_grace_period_threshold_sec` 120). Reserve and hourly products carry
      `reserve_info` with `scheduled_threshold_minutes` 120,
      `free_cancellation_threshold_minutes` 60, `wait_time_threshold_seconds` 300,
      `add_ons` an empty list, `valid_until_timestamp` equal to the fare's expiry in epoch
      milliseconds, and `enabled` true when `pickup_time` is at least
      `scheduled_threshold_minutes` after the sandbox's current time.
    - `flight` is accepted and not looked up: the local sandbox never answers
      `flight_not_found` or `invalid_flight_landing_time`.

    Third-party applications must send `x-uber-organizationuuid`, or the request is
    denied (403); an organization UUID the application may not act for answers 400
    `invalid_request_parameters` "Invalid organization uuid" on this operation, as its
    page shows, where other operations answer 403 (see DISCREPANCIES.md).

    Args:
        x_uber_organizationuuid (UUID | Unset): The organization's UUID. Required for third-party
            (3P) applications, whose requests
            without it are denied (403); on create, it also names the organization billed for
            the ride.
        x_uber_sandbox_runuuid (UUID | Unset): Sandbox only: the `run_id` of a sandbox run. Uber's
            sandbox requires it on estimates
            and answers 404 "Invalid Run ID" for an unknown or expired run; production ignores
            it. The local sandbox answers without it too (see the operation).
        accept_language (str | Unset): Language of translated fields (product descriptions,
            vehicle colour), for example `FR`. Defaults to English.
        body (TripEstimatesRequest): The ride to estimate. Without `scheduling` and
            `deferred_ride_options`, a ride now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TripEstimates
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_uber_organizationuuid=x_uber_organizationuuid,
            x_uber_sandbox_runuuid=x_uber_sandbox_runuuid,
            accept_language=accept_language,
        )
    ).parsed
