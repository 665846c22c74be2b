"""The state of one suite run, on one object: the target, the applications' tokens, what the
checks have confirmed, trip histories, what the run changed in the server and must restore,
and the sandbox runs it created. `current()` returns it; `reset()` starts a new one (tests).

Every request the suite makes on its own (a check reading a trip back, an isolation probe,
a token request, a request of the generated client in the flows, restoring the sandbox) is a
Schemathesis case built from the document's operation and sent with `case.call()` (`send`),
so rate limits, hooks and reports see it like any generated case.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from schemathesis.core import NOT_SET

from contract_tests import target as _target
from contract_tests.auth import AuthError, Tokens


@dataclass
class SandboxRun:
    run_id: str
    pickup: dict[str, float]


class Run:
    def __init__(self, target: _target.Target | None = None) -> None:
        self._target = target
        self._lock = threading.RLock()
        self._tokens: dict[str, Tokens] = {}
        self.excluded: dict[str, str] = {}
        self.schema: Any = None  # the first schema the hooks saw loaded (`document_schema`)
        self._token_schema: Any = None  # the token endpoint alone (`token_operation`)
        self.confirmed: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.histories: dict[tuple[str, str], list[str]] = {}
        self.surged: set[str] = set()
        self.clock_moved = False
        self.sandbox_runs: dict[str, SandboxRun] = {}
        self.run_pickups: dict[str, dict[str, float]] = {}
        self.skipped: dict[str, str] = {}
        self._local = threading.local()

    # --- target and applications ---------------------------------------------------------

    @property
    def target(self) -> _target.Target:
        if self._target is None:
            self._target = _target.from_env()
        return self._target

    def tokens(self, role: str = "primary") -> Tokens:
        """Tokens of `primary`, `second` (another first-party application) or `third`
        (a third-party application with its organization)."""
        with self._lock:
            if role not in self._tokens:
                if role == "primary":
                    self._tokens[role] = Tokens(self.target)
                else:
                    app = (
                        self.target.second_app if role == "second" else self.target.third_party_app
                    )
                    if app is None:
                        raise LookupError(role)
                    self._tokens[role] = Tokens(self.target, app)
            return self._tokens[role]

    def has(self, role: str) -> bool:
        if role == "primary":
            return True
        app = self.target.second_app if role == "second" else self.target.third_party_app
        return app is not None

    def secrets(self) -> list[str]:
        """Every credential this run used or fetched, for the report scan."""
        values: list[str] = []
        for tokens in self._tokens.values():
            values += [tokens.app._token or "", tokens.user._token or ""]
            values += [tokens.application.client_secret or "", tokens.application.token or ""]
        return values

    # --- bookkeeping of the checks ---------------------------------------------------------

    def budget(self, check: str, key: str, limit: int) -> bool:
        """True while `check` has been applied fewer than `limit` times to `key`; counts it."""
        with self._lock:
            seen = self.confirmed[check][key]
            if seen >= limit:
                return False
            self.confirmed[check][key] = seen + 1
            return True

    def skip(self, check: str, why: str) -> None:
        """A check that cannot run against this target, and why (printed in the table)."""
        with self._lock:
            self.skipped.setdefault(check, why)

    def history(self, view: str, request_id: str, status: str) -> list[str]:
        """The statuses read so far for a trip in one view, this one appended."""
        with self._lock:
            seen = self.histories.setdefault((view, request_id), [])
            seen.append(status)
            return list(seen)

    # --- requests through Schemathesis' transport ------------------------------------------

    @property
    def raw(self) -> bool:
        """Whether the current thread sends a probe that hooks must leave as it is."""
        return bool(getattr(self._local, "raw", False))

    @contextmanager
    def probing(self) -> Iterator[None]:
        before = self.raw
        self._local.raw = True
        try:
            yield
        finally:
            self._local.raw = before

    def document_schema(self) -> Any:
        """The schema the suite's own requests are built from: the first one the hooks saw
        loaded, else the document loaded now (a run of the flows alone loads none)."""
        if self.schema is not None:  # without the lock: token requests ask from under theirs
            return self.schema
        with self._lock:
            if self.schema is None:
                from contract_tests.suite import load

                loaded = load()  # the hooks keep it as `self.schema`
                if self.schema is None:
                    self.schema = loaded
            return self.schema

    def operation(self, operation_id: str, schema: Any = None) -> Any:
        """`operation_id` of `schema`, else of the document's schema; None when the target's
        schema leaves it out."""
        if schema is not None:
            found = _find_operation(schema, operation_id)
            if found is not None:
                return found
        return _find_operation(self.document_schema(), operation_id)

    def token_operation(self) -> Any:
        """The document's token operation: the target's own when it is tested, else the
        suite's copy of it (tokens from another host, such as Uber's auth host)."""
        from contract_tests.suite import TOKEN_OPERATION, load_token_endpoint

        operation = self.operation(TOKEN_OPERATION)
        if operation is not None:
            return operation
        if self._token_schema is None:
            with self._lock:
                if self._token_schema is None:
                    self._token_schema = load_token_endpoint()
        return self._token_schema.find_operation_by_id(TOKEN_OPERATION)

    def send(
        self,
        operation: Any,
        *,
        path_parameters: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        body: Any = NOT_SET,
        media_type: str | None = None,
        **transport: Any,
    ) -> Any:
        """Send exactly this request of `operation` as a Schemathesis case, through its
        transport (rate limit, hooks, reports), the hooks leaving it as it is; `transport`
        goes to `case.call()` (`base_url`, `timeout`)."""
        kwargs: dict[str, Any] = {
            "path_parameters": dict(path_parameters or {}),
            "query": dict(query or {}),
            "headers": dict(headers or {}),
        }
        if body is not NOT_SET:
            kwargs["body"] = body
            kwargs["media_type"] = media_type or "application/json"
        case = operation.Case(**kwargs)
        with self.probing():
            return case.call(**transport)

    def call(
        self,
        operation_id: str,
        *,
        schema: Any = None,
        role: str | None = "primary",
        path_parameters: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        raw: bool = False,
    ) -> Any:
        """Send one request of `operation_id` as application `role` (None: no token) and
        return the response, or None when the operation is not tested on this target.

        Unless `raw`, the application's organization header is added and the sandbox-run
        header is left to the hooks; with `raw`, exactly `headers` (plus the token) is sent.
        """
        operation = self.operation(operation_id, schema)
        if operation is None:
            return None
        sent = dict(headers or {})
        if role is not None:
            tokens = self.tokens(role)
            scheme = tokens.scheme_for(operation.definition.raw, operation.schema.raw_schema)
            if scheme is not None and not any(k.lower() == "authorization" for k in sent):
                sent["Authorization"] = f"Bearer {tokens.source(scheme).get()}"
            if not raw:
                for name, value in tokens.context_headers().items():
                    if name == "x-uber-organizationuuid":
                        sent.setdefault(name, value)
        return self.send(
            operation,
            path_parameters=path_parameters,
            query=query,
            headers=sent,
            body=NOT_SET if body is None else body,
        )

    # --- sandbox runs (x-uber-sandbox-runuuid) ---------------------------------------------

    def remember_run(self, run_id: str, pickup: Any) -> None:
        if isinstance(pickup, Mapping) and {"latitude", "longitude"} <= set(pickup):
            with self._lock:
                self.run_pickups[run_id.lower()] = {
                    "latitude": pickup["latitude"],
                    "longitude": pickup["longitude"],
                }

    def pickup_of(self, run_id: str) -> dict[str, float] | None:
        return self.run_pickups.get(str(run_id).lower())

    def sandbox_run(self, role: str = "primary") -> SandboxRun | None:
        """The sandbox run this application's trips are created in: `UBER_SANDBOX_RUN_UUID`
        remotely; against the local sandbox one the suite creates, with the document's
        example body, again after the clock moved (runs live 8 hours of sandbox time)."""
        if self.target.sandbox_run_uuid and role == "primary":
            return SandboxRun(self.target.sandbox_run_uuid, {})
        if not self.target.local_sandbox:
            return None
        with self._lock:
            if role in self.sandbox_runs:
                return self.sandbox_runs[role]
            from contract_tests.suite import request_example

            body = request_example("createSandboxRun")
            try:
                response = self.call("createSandboxRun", role=role, body=body)
            except AuthError:
                return None
            if response is None or response.status_code != 200:
                return None
            run_id = str(response.json().get("run_id"))
            created = SandboxRun(run_id, dict(body.get("pickup_location") or {}))
            self.remember_run(run_id, created.pickup)
            self.sandbox_runs[role] = created
            return created

    def clock_changed(self) -> None:
        """The sandbox clock moved: the runs the suite created may have ended."""
        with self._lock:
            self.clock_moved = True
            self.sandbox_runs.clear()

    # --- leave the sandbox as it was ------------------------------------------------------

    def restore(self) -> list[str]:
        """Undo what the run changed in a local sandbox: products it put in surge back to 1,
        its application's clock back to the sandbox's base clock (`{"reset": true}`; a
        sandbox that does not know `reset` answers 400, which is a warning, not a failure).
        Returns the warnings."""
        notes: list[str] = []
        if self.schema is None or not self.target.local_sandbox:
            return notes
        for product_id in sorted(self.surged):
            try:
                answer = self.call(
                    "setSandboxProductSurge",
                    path_parameters={"product_id": product_id},
                    body={"multiplier": 1},
                )
            except Exception as exc:  # restoring must not hide the run's verdict
                notes.append(f"could not end the surge of {product_id}: {exc}")
                continue
            if answer is not None and answer.status_code != 200:
                notes.append(f"ending the surge of {product_id} answered {answer.status_code}")
        self.surged.clear()
        if self.clock_moved:
            try:
                answer = self.call("setSandboxClock", body={"reset": True})
            except Exception as exc:
                notes.append(f"could not reset the sandbox clock: {exc}")
            else:
                if answer is not None and answer.status_code == 400:
                    notes.append(
                        "the sandbox does not know `reset` yet: its clock stays where the "
                        "suite moved it (restart it, or use a sandbox that scopes the clock)"
                    )
                elif answer is not None and answer.status_code != 200:
                    notes.append(f"resetting the sandbox clock answered {answer.status_code}")
        return notes


def _find_operation(schema: Any, operation_id: str) -> Any:
    try:
        return schema.find_operation_by_id(operation_id)
    except Exception:  # Schemathesis' own error for an operation the schema does not have
        return None


_RUN: Run | None = None
_RUN_LOCK = threading.Lock()


def current() -> Run:
    global _RUN
    with _RUN_LOCK:
        if _RUN is None:
            _RUN = Run()
        return _RUN


def reset(target: _target.Target | None = None) -> Run:
    """A fresh run state (tests of the suite's tooling)."""
    global _RUN
    with _RUN_LOCK:
        _RUN = Run(target)
        return _RUN
