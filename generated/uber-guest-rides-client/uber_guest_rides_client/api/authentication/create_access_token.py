from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_error import OAuthError
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/v2/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthError | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = OAuthError.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = OAuthError.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = OAuthError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = OAuthError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OAuthError | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[OAuthError | TokenResponse]:
    """Get an application access token

     Issues an application token with the client-credentials grant. The body must be
    form-encoded (`application/x-www-form-urlencoded` or `multipart/form-data`); JSON is
    not accepted. Tokens last 30 days (`expires_in` is in seconds) and cannot be
    refreshed: request a new one when needed, and after a scope is added to the
    application.

    Uber's documentation names `auth.uber.com` as the host, its Postman collection
    `login.uber.com`; both are listed. The local sandbox serves this operation too, with
    development credentials it prints at start-up.

    Args:
        body (TokenRequest): A client-credentials token request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | TokenResponse]
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
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> OAuthError | TokenResponse | None:
    """Get an application access token

     Issues an application token with the client-credentials grant. The body must be
    form-encoded (`application/x-www-form-urlencoded` or `multipart/form-data`); JSON is
    not accepted. Tokens last 30 days (`expires_in` is in seconds) and cannot be
    refreshed: request a new one when needed, and after a scope is added to the
    application.

    Uber's documentation names `auth.uber.com` as the host, its Postman collection
    `login.uber.com`; both are listed. The local sandbox serves this operation too, with
    development credentials it prints at start-up.

    Args:
        body (TokenRequest): A client-credentials token request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[OAuthError | TokenResponse]:
    """Get an application access token

     Issues an application token with the client-credentials grant. The body must be
    form-encoded (`application/x-www-form-urlencoded` or `multipart/form-data`); JSON is
    not accepted. Tokens last 30 days (`expires_in` is in seconds) and cannot be
    refreshed: request a new one when needed, and after a scope is added to the
    application.

    Uber's documentation names `auth.uber.com` as the host, its Postman collection
    `login.uber.com`; both are listed. The local sandbox serves this operation too, with
    development credentials it prints at start-up.

    Args:
        body (TokenRequest): A client-credentials token request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> OAuthError | TokenResponse | None:
    """Get an application access token

     Issues an application token with the client-credentials grant. The body must be
    form-encoded (`application/x-www-form-urlencoded` or `multipart/form-data`); JSON is
    not accepted. Tokens last 30 days (`expires_in` is in seconds) and cannot be
    refreshed: request a new one when needed, and after a scope is added to the
    application.

    Uber's documentation names `auth.uber.com` as the host, its Postman collection
    `login.uber.com`; both are listed. The local sandbox serves this operation too, with
    development credentials it prints at start-up.

    Args:
        body (TokenRequest): A client-credentials token request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
