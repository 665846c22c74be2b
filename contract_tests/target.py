"""Which server the suite tests, and with which profile, read from the environment.

| variable | meaning |
|---|---|
| `BASE_URL` | the server under test; unset: the local sandbox, started on a free port |
| `UBER_TOKEN` | an application token (`guests.trips`), used as is |
| `UBER_CLIENT_ID`, `UBER_CLIENT_SECRET` | client credentials; a token is fetched, and fetched again on 401 |
| `UBER_TOKEN_URL` | where client credentials are exchanged; default `BASE_URL` + `/oauth/v2/token` on a loopback host, else the document's `tokenUrl` |
| `UBER_USER_TOKEN` | a user token with the `request` or `all_trips` scope, for `GET /v1.2/requests/{id}` |
| `UBER_ORG_UUID` | sent as `x-uber-organizationuuid` |
| `UBER_SANDBOX_RUN_UUID` | sent as `x-uber-sandbox-runuuid` |
| `CONTRACT_PROFILE` | `full` or `remote`; default `full` on a loopback host, `remote` elsewhere |
| `CONTRACT_TARGET` | `local-sandbox` when `BASE_URL` is the project's local sandbox (also behind a proxy) |
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mock_server.spec import load_document, spec_path

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = spec_path()  # $GUEST_RIDES_SPEC, else the project's document
CONFIG_PATH = REPO_ROOT / "schemathesis.toml"
# Where JUnit XML, HAR and the runner's summary go (the fault proof points it elsewhere).
REPORTS_DIR = Path(os.environ.get("CONTRACT_REPORTS_DIR") or REPO_ROOT / "reports")

LOCAL_SANDBOX = "local-sandbox"
PROFILES = ("full", "remote")
# `[[project]]` title that schemathesis.toml gives the remote profile (see hooks.py).
REMOTE_TITLE_SUFFIX = " (remote)"
LOCAL_ONLY_EXTENSION = "x-local-sandbox-only"
TOKEN_PATH = "/oauth/v2/token"


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Target:
    """The server under test and how to talk to it."""

    base_url: str
    profile: str
    local_sandbox: bool
    token: str | None
    client_id: str | None
    client_secret: str | None
    token_url: str
    user_token: str | None
    org_uuid: str | None
    sandbox_run_uuid: str | None

    @property
    def serves_token_endpoint(self) -> bool:
        """Whether the token endpoint is on the server under test (so it is tested too)."""
        return self.token_url.rstrip("/") == self.base_url.rstrip("/") + TOKEN_PATH

    @property
    def remote(self) -> bool:
        return self.profile == "remote"


def default_token_url(base_url: str) -> str:
    """The target's own token endpoint on loopback; elsewhere the document's `tokenUrl`."""
    if is_loopback(base_url):
        return base_url + TOKEN_PATH
    document = load_document(SPEC_PATH)
    flows = document["components"]["securitySchemes"]["guestOAuth"]["flows"]
    return str(flows["clientCredentials"]["tokenUrl"])


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def from_env() -> Target:
    """The target described by the environment; `BASE_URL` must be set by now."""
    base_url = _env("BASE_URL")
    if base_url is None:
        raise RuntimeError("BASE_URL is not set: start the local sandbox first (see sandbox.py)")
    base_url = base_url.rstrip("/")
    profile = _env("CONTRACT_PROFILE") or ("full" if is_loopback(base_url) else "remote")
    if profile not in PROFILES:
        raise RuntimeError(
            f"CONTRACT_PROFILE must be one of {', '.join(PROFILES)}, not {profile!r}"
        )
    return Target(
        base_url=base_url,
        profile=profile,
        local_sandbox=_env("CONTRACT_TARGET") == LOCAL_SANDBOX,
        token=_env("UBER_TOKEN"),
        client_id=_env("UBER_CLIENT_ID"),
        client_secret=_env("UBER_CLIENT_SECRET"),
        token_url=_env("UBER_TOKEN_URL") or default_token_url(base_url),
        user_token=_env("UBER_USER_TOKEN"),
        org_uuid=_env("UBER_ORG_UUID"),
        sandbox_run_uuid=_env("UBER_SANDBOX_RUN_UUID"),
    )
