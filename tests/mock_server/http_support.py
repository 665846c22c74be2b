"""Helpers for the HTTP tests: a strict in-process sandbox and its tokens."""

from __future__ import annotations

import os
import warnings
from typing import Any

from mock_server.app import Sandbox, Settings
from mock_server.auth import DEV_APPLICATIONS, DEV_ORGANIZATION, Application
from mock_server.clock import ManualClock
from mock_server.validation import Document

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from .conftest import ON_DEMAND, START_MS

RUN_HEADER = "x-uber-sandbox-runuuid"

SPEC = os.environ.get("GUEST_RIDES_SPEC") or None
ORG = DEV_ORGANIZATION
NO_SCOPE_APP = Application(
    "no-scope-id", "no-scope-secret", frozenset({"request"}), name="No scope"
)


_DOCUMENT: Document | None = None


def document() -> Document:
    global _DOCUMENT
    if _DOCUMENT is None:
        _DOCUMENT = Document.load(SPEC)
    return _DOCUMENT


def make_sandbox(
    strict: bool = True,
    auto_drive: bool = False,
    rate_limits: bool = False,
    run_required: bool = True,
    **options: Any,
) -> Sandbox:
    """A sandbox on a manual clock, strict by default (a response breaking the document raises)."""
    options.setdefault("clock", ManualClock(START_MS))
    options.setdefault("applications", list(DEV_APPLICATIONS) + [NO_SCOPE_APP])
    settings = Settings(
        strict=strict, auto_drive=auto_drive, rate_limits=rate_limits, run_required=run_required
    )
    return Sandbox(document(), settings=settings, **options)


def client_for(sandbox: Sandbox) -> TestClient:
    return TestClient(sandbox)


def token(
    client: TestClient, client_id: str = "sandbox-client-id", scope: str | None = None
) -> dict[str, str]:
    secret = {
        "sandbox-client-id": "sandbox-client-secret",
        "sandbox-3p-client-id": "sandbox-3p-client-secret",
        "sandbox-all-trips-client-id": "sandbox-all-trips-client-secret",
        "no-scope-id": "no-scope-secret",
    }[client_id]
    form = {"client_id": client_id, "client_secret": secret, "grant_type": "client_credentials"}
    if scope:
        form["scope"] = scope
    answer = client.post("/oauth/v2/token", data=form)
    assert answer.status_code == 200, answer.text
    return {"authorization": "Bearer " + answer.json()["access_token"]}


def with_run(client: TestClient, headers: dict[str, str]) -> dict[str, str]:
    """``headers`` plus the run header of a new sandbox run at the test trips' pickup."""
    body = {
        "driver_locations": [{}],
        "pickup_location": {k: ON_DEMAND["pickup"][k] for k in ("latitude", "longitude")},
        "dropoff_location": {k: ON_DEMAND["dropoff"][k] for k in ("latitude", "longitude")},
    }
    answer = client.post("/v1/guests/sandbox/run", json=body, headers=headers)
    assert answer.status_code == 200, answer.text
    return {**headers, RUN_HEADER: answer.json()["run_id"]}
