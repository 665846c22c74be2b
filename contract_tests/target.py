"""Which server the suite tests, and with which profile, read from the environment.

| variable | meaning |
|---|---|
| `BASE_URL` | the server under test; unset: the local sandbox, started on a free port (`st run` takes `--url` instead) |
| `UBER_TOKEN` | an application token (`guests.trips`), used as is |
| `UBER_CLIENT_ID`, `UBER_CLIENT_SECRET` | client credentials; a token is fetched, and fetched again on 401 |
| `UBER_TOKEN_URL` | where client credentials are sent; default: the document's `tokenUrl` for an Uber host, else the document's token path on `BASE_URL` |
| `UBER_USER_TOKEN` | a user token with the `request` or `all_trips` scope, for `GET /v1.2/requests/{id}` |
| `UBER_ORG_UUID` | sent as `x-uber-organizationuuid` |
| `UBER_SANDBOX_RUN_UUID` | sent as `x-uber-sandbox-runuuid` on create |
| `CONTRACT_APPS` | a JSON file of further applications (the local sandbox's `--apps` format), for the isolation checks |
| `CONTRACT_PROFILE` | `full` or `remote`; default `full` on a loopback host, `remote` elsewhere |
| `CONTRACT_TARGET` | `local-sandbox` when `BASE_URL` is the project's local sandbox (also behind a proxy) |
"""

from __future__ import annotations

import functools
import ipaddress
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mock_server.spec import load_document, spec_path

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = spec_path()  # $GUEST_RIDES_SPEC, else the project's document
CONFIG_PATH = REPO_ROOT / "schemathesis.toml"
# Where JUnit XML, HAR and the runner's summary go (the fault proof points it elsewhere).
REPORTS_DIR = Path(os.environ.get("CONTRACT_REPORTS_DIR") or REPO_ROOT / "reports")

LOCAL_SANDBOX = "local-sandbox"
# Set by scripts/contract.py on each suite process when it runs the suite in several: the
# process's number, which tags its report files (`suite.worker_file`).
PART_ENV = "CONTRACT_PART"
PROFILES = ("full", "remote")
# `[[project]]` title that schemathesis.toml gives the remote profile (see hooks.py).
REMOTE_TITLE_SUFFIX = " (remote)"
LOCAL_ONLY_EXTENSION = "x-local-sandbox-only"
# Hosts whose token endpoint is the document's `tokenUrl` (Uber's own auth host).
UBER_DOMAIN = "uber.com"


class TargetError(RuntimeError):
    """The environment does not describe a server the suite can test safely."""


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_uber_host(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == UBER_DOMAIN or host.endswith("." + UBER_DOMAIN)


@dataclass(frozen=True)
class Application:
    """Credentials of one application the suite may act as."""

    client_id: str | None = None
    client_secret: str | None = None
    token: str | None = None
    organization: str | None = None
    third_party: bool = False
    scopes: tuple[str, ...] = ("guests.trips",)

    @property
    def usable(self) -> bool:
        return bool(self.token or (self.client_id and self.client_secret))


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
    profile_reason: str = ""
    token_url_reason: str = ""
    others: tuple[Application, ...] = field(default=())

    @property
    def serves_token_endpoint(self) -> bool:
        """Whether the token endpoint is on the server under test (so it is tested too)."""
        return self.token_url.rstrip("/") == self.base_url.rstrip("/") + token_path()

    @property
    def remote(self) -> bool:
        return self.profile == "remote"

    @property
    def second_app(self) -> Application | None:
        """Another first-party application (isolation checks)."""
        return next((a for a in self.others if not a.third_party and a.usable), None)

    @property
    def third_party_app(self) -> Application | None:
        """A third-party application with its organization (isolation checks)."""
        return next((a for a in self.others if a.third_party and a.organization and a.usable), None)

    def describe(self) -> str:
        """What the runner prints at start: the profile and why, and where tokens come from."""
        lines = [f"profile: {self.profile} ({self.profile_reason})"]
        if self.token or self.client_id:
            lines.append(f"token endpoint: {self.token_url} ({self.token_url_reason})")
        lines.append(
            "applications: primary"
            + (", a second first-party one" if self.second_app else "")
            + (", a third-party one" if self.third_party_app else "")
            + ("" if self.others else " only (set CONTRACT_APPS for the isolation checks)")
        )
        return "\n".join(lines)


@functools.cache
def _document() -> dict[str, Any]:
    return load_document(SPEC_PATH)


def document_token_url() -> str:
    flows = _document()["components"]["securitySchemes"]["guestOAuth"]["flows"]
    return str(flows["clientCredentials"]["tokenUrl"])


def token_path() -> str:
    """The path of the document's token endpoint (`/oauth/v2/token`)."""
    return urlsplit(document_token_url()).path


def default_token_url(base_url: str) -> tuple[str, str]:
    """Where client credentials go when `UBER_TOKEN_URL` is unset, and why.

    Credentials only ever go to a host the user named: Uber's own auth host for an Uber
    `BASE_URL` (the document's `tokenUrl`), else the document's token path on `BASE_URL`.
    """
    if is_uber_host(base_url):
        return document_token_url(), "BASE_URL is an Uber host: the document's tokenUrl"
    return base_url + token_path(), "the document's token path on BASE_URL"


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def base_url_from_argv(argv: list[str]) -> str | None:
    """`--url` / `-u` of an `st run` command line (the CLI's way to name the server)."""
    for index, arg in enumerate(argv):
        for flag in ("--url", "-u"):
            if arg == flag and index + 1 < len(argv):
                return argv[index + 1]
            if arg.startswith(flag + "=") and flag == "--url":
                return arg.split("=", 1)[1]
    return None


def _others(path: str | None) -> tuple[Application, ...]:
    if not path:
        return ()
    try:
        entries = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TargetError(f"CONTRACT_APPS: cannot read {path}: {exc}") from None
    apps = []
    primary = _env("UBER_CLIENT_ID")
    for entry in entries:
        if entry.get("client_id") == primary:
            continue
        organizations = entry.get("organizations") or []
        apps.append(
            Application(
                client_id=entry.get("client_id"),
                client_secret=entry.get("client_secret"),
                token=entry.get("token"),
                organization=organizations[0] if organizations else None,
                third_party=bool(entry.get("third_party", False)),
                scopes=tuple(entry.get("scopes") or ["guests.trips"]),
            )
        )
    return tuple(apps)


def from_env(argv: list[str] | None = None) -> Target:
    """The target described by the environment (and, for `st run`, its `--url`)."""
    base_url = _env("BASE_URL") or base_url_from_argv(sys.argv if argv is None else argv)
    if base_url is None:
        raise TargetError(
            "no server to test: set BASE_URL (or pass --url to st run); "
            "`make contract` without BASE_URL starts the local sandbox"
        )
    base_url = base_url.rstrip("/")
    forced = _env("CONTRACT_PROFILE")
    if forced:
        profile, reason = forced, "CONTRACT_PROFILE"
    elif is_loopback(base_url):
        profile, reason = "full", "BASE_URL is a loopback address"
    else:
        profile = "remote"
        reason = "BASE_URL is not a loopback address; CONTRACT_PROFILE=full to test it fully"
    if profile not in PROFILES:
        raise TargetError(f"CONTRACT_PROFILE must be one of {', '.join(PROFILES)}, not {profile!r}")
    token_url = _env("UBER_TOKEN_URL")
    token_reason = "UBER_TOKEN_URL"
    if token_url is None:
        token_url, token_reason = default_token_url(base_url)
    return Target(
        base_url=base_url,
        profile=profile,
        local_sandbox=_env("CONTRACT_TARGET") == LOCAL_SANDBOX,
        token=_env("UBER_TOKEN"),
        client_id=_env("UBER_CLIENT_ID"),
        client_secret=_env("UBER_CLIENT_SECRET"),
        token_url=token_url,
        user_token=_env("UBER_USER_TOKEN"),
        org_uuid=_env("UBER_ORG_UUID"),
        sandbox_run_uuid=_env("UBER_SANDBOX_RUN_UUID"),
        profile_reason=reason,
        token_url_reason=token_reason,
        others=_others(_env("CONTRACT_APPS")),
    )
