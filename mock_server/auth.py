"""Applications, OAuth 2.0 client-credentials tokens and scopes.

Each application is a tenant: it owns the trips, runs and sessions it creates. A
third-party application acts for organizations and must name one in
``x-uber-organizationuuid`` on every operation that takes the header.

Development credentials (they work out of the box, and only here):

| client_id | client_secret | kind | scopes |
|---|---|---|---|
| ``sandbox-client-id`` | ``sandbox-client-secret`` | first party | ``guests.trips request`` |
| ``sandbox-3p-client-id`` | ``sandbox-3p-client-secret`` | third party, organization ``7d3f1c2a-9b8e-4f6d-a5c4-2e1b0d9f8a7c`` | ``guests.trips`` |
| ``sandbox-all-trips-client-id`` | ``sandbox-all-trips-client-secret`` | first party | ``guests.trips request all_trips`` |

More applications can be loaded from a JSON file (``--apps``): a list of objects with
``client_id``, ``client_secret``, optional ``third_party`` (bool), ``scopes`` (list),
``organizations`` (list of UUIDs; for a first-party application, omitted means any),
``name``.
"""

from __future__ import annotations

import functools
import json
import secrets
import uuid
from pathlib import Path
from typing import Any

import attrs

from .clock import AppClocks
from .domain.errors import ClientError
from .domain.state import IssuedToken, StateStore

TOKEN_LIFETIME_SECONDS = 30 * 24 * 60 * 60
MAX_TOKENS_PER_APP = 100
# How many checked tokens ``Auth`` remembers (a cache: it starts over when full).
MAX_SEEN_TOKENS = 4096
DEV_ORGANIZATION = "7d3f1c2a-9b8e-4f6d-a5c4-2e1b0d9f8a7c"
ORGANIZATION_HEADER = "x-uber-organizationuuid"


@attrs.frozen
class Application:
    client_id: str
    client_secret: str
    scopes: frozenset[str]
    third_party: bool = False
    organizations: frozenset[str] | None = None  # None: any organization
    name: str = "Local sandbox application"

    @property
    def requester_uuid(self) -> str:
        return _requester_uuid(self.client_id)

    def allows_organization(self, organization: str) -> bool:
        return self.organizations is None or organization.lower() in self.organizations


@functools.lru_cache(maxsize=1024)
def _requester_uuid(client_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "requester:" + client_id))


DEV_APPLICATIONS = (
    Application(
        "sandbox-client-id",
        "sandbox-client-secret",
        frozenset({"guests.trips", "request"}),
        name="Sandbox Coordinator",
    ),
    Application(
        "sandbox-3p-client-id",
        "sandbox-3p-client-secret",
        frozenset({"guests.trips"}),
        third_party=True,
        organizations=frozenset({DEV_ORGANIZATION}),
        name="Sandbox Partner",
    ),
    Application(
        "sandbox-all-trips-client-id",
        "sandbox-all-trips-client-secret",
        frozenset({"guests.trips", "request", "all_trips"}),
        name="Sandbox Viewer",
    ),
)


@attrs.frozen
class Token:
    value: str
    app: Application
    scopes: frozenset[str]
    expires_at_ms: int


class OAuthError(ClientError):
    """A token request refused; ``status`` 400 or 401 with an OAuth ``error`` code."""

    def __init__(self, status: int, error: str, description: str):
        super().__init__(error, description)
        self.status = status
        self.error = error
        self.description = description


def load_applications(path: str | Path) -> list[Application]:
    with open(path, encoding="utf-8") as handle:
        entries: list[dict[str, Any]] = json.load(handle)
    apps = []
    for entry in entries:
        organizations = entry.get("organizations")
        apps.append(
            Application(
                client_id=entry["client_id"],
                client_secret=entry["client_secret"],
                scopes=frozenset(entry.get("scopes") or ["guests.trips"]),
                third_party=bool(entry.get("third_party", False)),
                organizations=frozenset(o.lower() for o in organizations)
                if organizations is not None
                else None,
                name=entry.get("name") or "Local sandbox application",
            )
        )
    return apps


class Auth:
    """Issues and checks tokens; the tokens live in the store (so a durable store keeps
    them across restarts and shares them between worker processes).

    Issuing the 101st token of an application revokes its oldest (Uber documents a limit of
    100 live tokens per application); tokens expire 30 days after they were issued, on
    their application's clock.
    """

    def __init__(
        self,
        clocks: AppClocks,
        applications: tuple[Application, ...] | list[Application] = DEV_APPLICATIONS,
        store: StateStore | None = None,
    ):
        if store is None:
            from .store import Store

            store = Store()
        self.clocks = clocks  # a token lives on its application's clock
        self.applications = {app.client_id: app for app in applications}
        self.store = store
        self._static: dict[str, Token] = {}
        # The Token last built for each stored token seen (rebuilt if the store's changes).
        self._seen: dict[str, tuple[IssuedToken, Token]] = {}

    def client(self, form: dict[str, str]) -> Application:
        """The application whose credentials a token request sends (401 otherwise)."""
        app = self.applications.get(form.get("client_id", ""))
        # compare_digest takes str only when it is ASCII: compare the UTF-8 bytes.
        if app is None or not secrets.compare_digest(
            app.client_secret.encode(),
            form.get("client_secret", "").encode("utf-8", "surrogatepass"),
        ):
            raise OAuthError(401, "invalid_client", "Unknown client_id or wrong client_secret.")
        return app

    def issue(self, form: dict[str, str]) -> Token:
        """The client-credentials grant. Each application holds at most
        ``MAX_TOKENS_PER_APP`` tokens: a new one silently revokes the oldest (as Uber does)."""
        app = self.client(form)
        if form.get("grant_type") != "client_credentials":
            raise OAuthError(
                400, "unsupported_grant_type", "Only grant_type=client_credentials is supported."
            )
        wanted = frozenset(form.get("scope", "").split()) or app.scopes
        missing = wanted - app.scopes
        if missing:
            raise OAuthError(
                400,
                "invalid_scope",
                f"Scope not granted to this application: {' '.join(sorted(missing))}",
            )
        token = Token(
            value="sbx." + secrets.token_urlsafe(24),
            app=app,
            scopes=wanted,
            expires_at_ms=self.clocks.now_ms(app.client_id) + TOKEN_LIFETIME_SECONDS * 1000,
        )
        self.store.save_token(
            IssuedToken(token.value, app.client_id, token.scopes, token.expires_at_ms),
            MAX_TOKENS_PER_APP,
            self.clocks.now_ms(app.client_id),
        )
        return token

    def add_static_token(self, value: str, client_id: str = "sandbox-client-id") -> Token:
        """A fixed token for an application (for scripts and contract tests); it never expires."""
        app = self.applications[client_id]
        token = Token(value=value, app=app, scopes=app.scopes, expires_at_ms=2**62)
        self._static[value] = token
        return token

    def authenticate(self, authorization: str | None) -> Token | None:
        """The token of an ``Authorization: Bearer ...`` header, if valid now."""
        if not authorization:
            return None
        scheme, _, value = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            return None
        value = value.strip()
        static = self._static.get(value)
        if static is not None:
            return static
        issued = self.store.load_token(value)
        if issued is None or issued.expires_at_ms <= self.clocks.now_ms(issued.client_id):
            return None
        seen = self._seen.get(value)
        if seen is not None and (seen[0] is issued or seen[0] == issued):
            return seen[1]
        app = self.applications.get(issued.client_id)
        if app is None:  # issued to an application this sandbox no longer has
            return None
        token = Token(issued.value, app, issued.scopes, issued.expires_at_ms)
        if len(self._seen) >= MAX_SEEN_TOKENS:
            self._seen.clear()
        self._seen[value] = (issued, token)
        return token


def satisfies(scopes: frozenset[str], requirements: list[dict[str, list[str]]]) -> bool:
    """Whether the token's scopes meet one of an operation's security alternatives."""
    return any(
        all(set(needed) <= scopes for needed in alternative.values())
        for alternative in requirements
    )


def organization_refusal(app: Application, organization: str | None) -> str | None:
    """Why ``app`` may not call an operation that takes the organization header with this
    value (None: it may). A third-party application must name an organization, and only one
    it acts for; a first-party application may name any it is allowed."""
    if app.third_party and not organization:
        return f"Third-party applications must send the {ORGANIZATION_HEADER} header."
    if organization and not app.allows_organization(organization):
        return "The application may not act for this organization."
    return None
