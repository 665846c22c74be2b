"""Helpers for the HTTP tests: a strict in-process sandbox on either store, and its tokens.

Every test module that uses these helpers runs once per store (``memory`` and ``sqlite``):
``conftest.store_kind`` picks the store that ``make_sandbox`` builds on.
"""

from __future__ import annotations

import itertools
import os
import warnings
from pathlib import Path
from typing import Any

from mock_server.app import Sandbox, Settings
from mock_server.auth import DEV_APPLICATIONS, DEV_ORGANIZATION, Application
from mock_server.clock import ManualClock
from mock_server.domain.state import StateStore
from mock_server.sqlite_store import SQLiteStore
from mock_server.store import Store
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


STORE_KINDS = ("memory", "sqlite")


class Stores:
    """The store kind of the running test, and the stores it opened (closed after it)."""

    kind = "memory"
    directory: Path | None = None
    opened: list[StateStore] = []
    _names = itertools.count()

    @classmethod
    def new(cls, path: Path | None = None) -> StateStore:
        """A fresh store of the test's kind (for ``sqlite``: a new file, or ``path``)."""
        if cls.kind == "memory" and path is None:
            return Store()
        if path is None:
            if cls.directory is None:
                raise RuntimeError("no directory for SQLite stores: use the store_kind fixture")
            path = cls.directory / f"sandbox-{next(cls._names)}.db"
        store = SQLiteStore(path)
        cls.opened.append(store)
        return store

    @classmethod
    def close_all(cls) -> None:
        while cls.opened:
            cls.opened.pop().close()


def make_sandbox(
    strict: bool = True,
    auto_drive: bool = False,
    rate_limits: bool = False,
    run_required: bool = True,
    **options: Any,
) -> Sandbox:
    """A sandbox on a manual clock, strict by default (a response breaking the document
    raises), on a fresh store of the test's kind."""
    options.setdefault("clock", ManualClock(START_MS))
    if "store" not in options:
        options["store"] = Stores.new()
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
