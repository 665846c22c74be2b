from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.product_surge import ProductSurge
from ...models.set_product_surge_request import SetProductSurgeRequest
from ...types import Response


def _get_kwargs(
    product_id: UUID,
    *,
    body: SetProductSurgeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/__sandbox/products/{product_id}/surge".format(
            product_id=quote(str(product_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | ProductSurge | None:
    if response.status_code == 200:
        response_200 = ProductSurge.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | ProductSurge]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SetProductSurgeRequest,
) -> Response[Error | ProductSurge]:
    """Set a product's surge multiplier for the calling application in the local sandbox

     Puts a product in surge (multiplier above 1) or out of it (1) for the calling
    application only; other applications' fares do not change. While a product is in
    surge, the application's estimates quote its upfront fare at the multiplier
    (`fare.multiplier`, with `pricing_explanation`), and creating a trip for it without a
    valid `fare_id` answers 409 `surge`. Fares quoted by estimates and by 409 answers
    expire `fare_ttl_seconds` after they were quoted, on the application's clock.

    Args:
        product_id (UUID): A product of the local sandbox's catalogue.
        body (SetProductSurgeRequest): A product's surge setting.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProductSurge]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SetProductSurgeRequest,
) -> Error | ProductSurge | None:
    """Set a product's surge multiplier for the calling application in the local sandbox

     Puts a product in surge (multiplier above 1) or out of it (1) for the calling
    application only; other applications' fares do not change. While a product is in
    surge, the application's estimates quote its upfront fare at the multiplier
    (`fare.multiplier`, with `pricing_explanation`), and creating a trip for it without a
    valid `fare_id` answers 409 `surge`. Fares quoted by estimates and by 409 answers
    expire `fare_ttl_seconds` after they were quoted, on the application's clock.

    Args:
        product_id (UUID): A product of the local sandbox's catalogue.
        body (SetProductSurgeRequest): A product's surge setting.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProductSurge
    """

    return sync_detailed(
        product_id=product_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SetProductSurgeRequest,
) -> Response[Error | ProductSurge]:
    """Set a product's surge multiplier for the calling application in the local sandbox

     Puts a product in surge (multiplier above 1) or out of it (1) for the calling
    application only; other applications' fares do not change. While a product is in
    surge, the application's estimates quote its upfront fare at the multiplier
    (`fare.multiplier`, with `pricing_explanation`), and creating a trip for it without a
    valid `fare_id` answers 409 `surge`. Fares quoted by estimates and by 409 answers
    expire `fare_ttl_seconds` after they were quoted, on the application's clock.

    Args:
        product_id (UUID): A product of the local sandbox's catalogue.
        body (SetProductSurgeRequest): A product's surge setting.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProductSurge]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SetProductSurgeRequest,
) -> Error | ProductSurge | None:
    """Set a product's surge multiplier for the calling application in the local sandbox

     Puts a product in surge (multiplier above 1) or out of it (1) for the calling
    application only; other applications' fares do not change. While a product is in
    surge, the application's estimates quote its upfront fare at the multiplier
    (`fare.multiplier`, with `pricing_explanation`), and creating a trip for it without a
    valid `fare_id` answers 409 `surge`. Fares quoted by estimates and by 409 answers
    expire `fare_ttl_seconds` after they were quoted, on the application's clock.

    Args:
        product_id (UUID): A product of the local sandbox's catalogue.
        body (SetProductSurgeRequest): A product's surge setting.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProductSurge
    """

    return (
        await asyncio_detailed(
            product_id=product_id,
            client=client,
            body=body,
        )
    ).parsed
