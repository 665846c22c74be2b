"""Tokens for the server under test: one per security scheme, fetched again after a 401.

Guest Rides operations take an application token (`guestOAuth`, scope `guests.trips`);
`GET /v1.2/requests/{id}` takes a user token (`riderOAuth`, scope `request` or `all_trips`).
Which one an operation needs is read from the document's `security`, never listed here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from contract_tests.target import Application, Target

FORM = "application/x-www-form-urlencoded"
# Sends a token request (the token URL and the form's fields) and returns the answer: an
# object with `status_code` and `json()`.
TokenPost = Callable[[str, dict[str, str]], Any]

APP_SCHEME = "guestOAuth"
USER_SCHEME = "riderOAuth"


class AuthError(RuntimeError):
    """The token endpoint refused the credentials (the message never carries them)."""


def security_schemes(operation: Mapping[str, Any], document: Mapping[str, Any]) -> list[str]:
    """Scheme names an operation accepts, from its own `security` or the document's."""
    requirements = operation.get("security", document.get("security", []))
    names: list[str] = []
    for requirement in requirements or []:
        for name in requirement:
            if name not in names:
                names.append(name)
    return names


class TokenSource:
    """A bearer token for one scheme: a fixed one, or one fetched with client credentials.

    `get()` returns the cached token; `refresh(stale)` drops it when it is still the one that
    was refused, so concurrent callers that saw the same 401 fetch only once.
    """

    def __init__(
        self,
        *,
        fixed: str | None,
        token_url: str,
        client_id: str | None,
        client_secret: str | None,
        scope: str,
        post: TokenPost | None = None,
    ) -> None:
        self._post = post or post_through_transport
        self._fixed = fixed
        self._token_url = token_url
        self._client_id = client_id
        self._client_secret = client_secret
        self._scope = scope
        self._token: str | None = None
        self._lock = threading.Lock()
        self.fetches = 0

    @property
    def available(self) -> bool:
        return bool(self._fixed or (self._client_id and self._client_secret))

    def get(self) -> str:
        with self._lock:
            if self._token is None:
                self._token = self._fixed or self._fetch()
            return self._token

    def refresh(self, stale: str | None = None) -> str:
        """A new token, unless the stale one was already replaced. Fixed tokens stay as they are."""
        with self._lock:
            if self._fixed is None and (stale is None or stale == self._token):
                self._token = self._fetch()
            return self._token or self._fixed or ""

    def _fetch(self) -> str:
        if not (self._client_id and self._client_secret):
            raise AuthError(
                "no credentials: set UBER_TOKEN, or UBER_CLIENT_ID and UBER_CLIENT_SECRET"
            )
        self.fetches += 1
        response = self._post(
            self._token_url,
            {
                "client_id": self._client_id,
                "client_secret": self._client_secret,
                "grant_type": "client_credentials",
                "scope": self._scope,
            },
        )
        if response.status_code != 200:
            error = _oauth_error(response)
            hint = ""
            if response.status_code in (404, 405):
                hint = "; is it the token endpoint? set UBER_TOKEN_URL, or UBER_TOKEN"
            raise AuthError(
                f"{self._token_url} answered {response.status_code} ({error}) "
                f"for scope {self._scope!r}{hint}"
            )
        token = response.json().get("access_token")
        if not isinstance(token, str) or not token:
            raise AuthError("token endpoint answered 200 without an access_token")
        return token


def post_through_transport(token_url: str, form: dict[str, str]) -> Any:
    """A token request as a case of the document's token operation (`createAccessToken`),
    sent through Schemathesis' transport: the profile's rate limit of the token endpoint
    applies, and the HAR report shows it (sanitized). Sent to `token_url`: its origin and
    path when the path ends with the operation's path, else to `token_url` itself."""
    from contract_tests.run import current

    run = current()
    operation = run.token_operation()
    parts = urlsplit(token_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    path = parts.path.rstrip("/")
    transport: dict[str, Any] = {"timeout": 30}
    if path.endswith(operation.path) and not parts.query:
        transport["base_url"] = origin + path[: len(path) - len(operation.path)]
    else:
        # A token URL of another shape: the same case, sent to that URL.
        transport.update(base_url=origin, url=token_url)
    return run.send(operation, body=form, media_type=FORM, **transport)


def _oauth_error(response: Any) -> str:
    try:
        body = response.json()
    except ValueError:
        return "no JSON body"
    return str(body.get("error", "no error code")) if isinstance(body, dict) else "unexpected body"


class Tokens:
    """The token sources of one application of a target, by security scheme.

    Without `application`: the primary one (`UBER_TOKEN` / `UBER_CLIENT_ID`...).
    """

    def __init__(self, target: Target, application: Application | None = None) -> None:
        self.target = target
        if application is None:
            application = Application(
                client_id=target.client_id,
                client_secret=target.client_secret,
                token=target.token,
                organization=target.org_uuid,
            )
            user_token = target.user_token
        else:
            user_token = None
        self.application = application
        self.app = TokenSource(
            fixed=application.token,
            token_url=target.token_url,
            client_id=application.client_id,
            client_secret=application.client_secret,
            scope="guests.trips",
        )
        self.user = TokenSource(
            fixed=user_token,
            token_url=target.token_url,
            client_id=application.client_id,
            client_secret=application.client_secret,
            scope="request",
        )

    def source(self, scheme: str) -> TokenSource:
        return self.user if scheme == USER_SCHEME else self.app

    def scheme_for(self, operation: Mapping[str, Any], document: Mapping[str, Any]) -> str | None:
        """The scheme the suite authenticates an operation with; None for `security: []`."""
        names = security_schemes(operation, document)
        if not names:
            return None
        return names[0]

    def context_headers(self) -> dict[str, str]:
        """The organization and sandbox-run headers configured for this target."""
        headers = {}
        if self.application.organization:
            headers["x-uber-organizationuuid"] = self.application.organization
        if self.target.sandbox_run_uuid:
            headers["x-uber-sandbox-runuuid"] = self.target.sandbox_run_uuid
        return headers
