"""Schemathesis hooks of the contract suite, loaded by `schemathesis.toml` (`hooks = ...`).

The same module serves `st run` on the command line and the pytest suite, so both send the
same credentials and headers, test the same operations and run the same custom checks.

- Before the document is loaded: the operations the target cannot serve are removed
  (`x-local-sandbox-only` ones unless the target is the local sandbox; the token endpoint
  unless it lives on the target; the Riders API view without a user token), and with the
  remote profile the document is retitled so that the `[[project]]` block of that profile
  in `schemathesis.toml` applies. The target is `BASE_URL`, or `st run`'s `--url`.
- Each request gets the token of the security scheme its operation requires (read from the
  document), refetched on 401, and the organization header when configured; credentials
  given on the command line (`-H Authorization: ...`, `--auth`) are used as they are.
- Headers that frame the HTTP message (`Transfer-Encoding`, `Content-Length`, `Connection`
  and the other hop-by-hop ones) are never sent as generated: the HTTP server in front of
  the API answers a malformed message before the API sees it, in a shape no document
  describes, so such a case would judge the HTTP stack, not the contract.
- A trip created with valid data is created in the application's sandbox run
  (`x-uber-sandbox-runuuid`), at that run's pickup, as Uber's sandbox requires.
- Every validated response is counted per operation, for the runner's summary; what the
  run changes in a local sandbox (surge, clock) is noted so that it can be restored.
- Every request sent through Schemathesis' transport, whoever sent it, goes to the suite's
  HAR report (contract_tests/traffic.py) when a pytest run of the suite writes one.
"""

from __future__ import annotations

import sys
from typing import Any

import schemathesis
from schemathesis.core.parameters import ParameterLocation

from contract_tests import checks as _checks  # noqa: F401  (registers the custom checks)
from contract_tests import run as _run
from contract_tests import target as _target
from contract_tests.recorder import RECORDER
from contract_tests.suite import TOKEN_ENDPOINT_COPY
from contract_tests.traffic import TRAFFIC
from mock_server.spec import deref

RUN_HEADER = "x-uber-sandbox-runuuid"
ORG_HEADER = "x-uber-organizationuuid"
# Hop-by-hop and framing headers (RFC 9110, sections 7.2, 7.6.1, 8.6 and 10.1.1), owned by
# the HTTP layer. Hypothesis draws header names from string constants of loaded modules, so
# generated cases do carry `transfer-encoding: <junk>` now and then (the server's HTTP parser
# then answers a plain-text 400 of its own).
HTTP_LAYER_HEADERS = frozenset(
    {
        "connection",
        "content-length",
        "expect",
        "host",
        "keep-alive",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)


def _operations(document: dict[str, Any]):
    for path, item in (document.get("paths") or {}).items():
        for method, operation in list(item.items()):
            if isinstance(operation, dict) and "responses" in operation:
                yield path, method, operation


def exclusions(document: dict[str, Any], target: _target.Target) -> dict[str, str]:
    """operationId -> why the target does not get it."""
    excluded = {}
    for _, _, operation in _operations(document):
        op_id = operation.get("operationId", "")
        if operation.get(_target.LOCAL_ONLY_EXTENSION) and not target.local_sandbox:
            excluded[op_id] = "served only by the local sandbox (CONTRACT_TARGET=local-sandbox)"
        elif operation.get("security") == [] and not target.serves_token_endpoint:
            excluded[op_id] = "the token endpoint is not on the server under test"
        elif _needs_user_token(operation) and not (target.user_token or target.local_sandbox):
            excluded[op_id] = "needs a user token: set UBER_USER_TOKEN"
    return excluded


def _needs_user_token(operation: dict[str, Any]) -> bool:
    return any("riderOAuth" in req for req in operation.get("security") or [])


@schemathesis.hook
def before_load_schema(context: schemathesis.HookContext, raw_schema: dict[str, Any]) -> None:
    run = _run.current()
    target = run.target
    # The suite's copy of the token endpoint keeps it: tokens are requested wherever they come from.
    token_copy = bool(raw_schema.get(TOKEN_ENDPOINT_COPY))
    excluded = {} if token_copy else exclusions(raw_schema, target)
    if not token_copy:
        run.excluded.clear()
        run.excluded.update(excluded)
    for path, method, operation in list(_operations(raw_schema)):
        if operation.get("operationId") in excluded:
            del raw_schema["paths"][path][method]
    for path in [p for p, item in raw_schema.get("paths", {}).items() if not _has_operations(item)]:
        del raw_schema["paths"][path]
    # Links to an operation that is not tested would make the state machine invalid.
    for _, _, operation in _operations(raw_schema):
        for response in operation.get("responses", {}).values():
            links = response.get("links") if isinstance(response, dict) else None
            if links:
                for name in [n for n, link in links.items() if link.get("operationId") in excluded]:
                    del links[name]
    if target.remote:
        info = raw_schema.setdefault("info", {})
        title = info.get("title", "")
        if not title.endswith(_target.REMOTE_TITLE_SUFFIX):
            info["title"] = title + _target.REMOTE_TITLE_SUFFIX
    if excluded and run.schema is None:
        names = ", ".join(f"{op} ({why})" for op, why in sorted(excluded.items()))
        print(f"contract: not testing {names}", file=sys.stderr)


@schemathesis.hook
def after_load_schema(context: schemathesis.HookContext, schema: Any) -> None:
    run = _run.current()
    if run.schema is None and not schema.raw_schema.get(TOKEN_ENDPOINT_COPY):
        run.schema = schema


def _has_operations(item: dict[str, Any]) -> bool:
    return any(isinstance(v, dict) and "responses" in v for v in item.values())


def _scheme_of(case: schemathesis.Case) -> str | None:
    operation = case.operation
    return _run.current().tokens().scheme_for(operation.definition.raw, operation.schema.raw_schema)


def _cache_key(case: schemathesis.Case, context: schemathesis.AuthContext) -> str:
    return _scheme_of(case) or "none"


def _given_on_command_line(case: schemathesis.Case) -> bool:
    """`-H 'Authorization: ...'` (or a configured header) names the credentials itself."""
    configured = case.operation.schema.config.headers_for(operation=case.operation)
    return any(name.lower() == "authorization" for name in configured)


def _authorization_of(case: schemathesis.Case) -> str | None:
    """The `Authorization` header the case was sent with (None when it had none)."""
    return next(
        (str(v) for k, v in (case.headers or {}).items() if k.lower() == "authorization"), None
    )


@schemathesis.auth(cache_by_key=_cache_key, refresh_interval=86_400, retry_on=[401])
class DocumentAuth:
    """The token of the scheme each operation's `security` names.

    Schemathesis caches what `get` returns per scheme and calls `get` again only after a 401
    (or a day). A new token is fetched only when the refused request carried the token this
    provider handed out; a 401 to a request with another credential keeps the token. `--auth` on the command line takes precedence by itself;
    an `Authorization` header given with `-H` is honoured here.
    """

    def __init__(self) -> None:
        self.handed: dict[str, str] = {}

    def get(self, case: schemathesis.Case, context: schemathesis.AuthContext) -> str | None:
        scheme = _scheme_of(case)
        if scheme is None or _given_on_command_line(case):
            return None
        source = _run.current().tokens().source(scheme)
        stale = self.handed.get(scheme)
        if stale and _authorization_of(case) == f"Bearer {stale}":
            # The token this provider handed out was refused (it expired, say): a new one.
            token = source.refresh(stale)
        else:
            # The first call; or a 401 to a request that carried some other credential (a
            # generated or mutated `Authorization` value), which says nothing of our token:
            # fetching a new one for each of those would cost a token request per case.
            token = source.get()
        self.handed[scheme] = token
        return token

    def set(self, case: schemathesis.Case, data: str, context: schemathesis.AuthContext) -> None:
        case.headers["Authorization"] = f"Bearer {data}"


def _negative_at(case: schemathesis.Case, location: ParameterLocation) -> bool:
    return case.meta is not None and case.meta.is_negative_at(location)


def _operation_id(case: schemathesis.Case) -> str:
    return str(case.operation.definition.raw.get("operationId", ""))


@schemathesis.hook
def before_call(
    context: schemathesis.HookContext, case: schemathesis.Case, kwargs: dict[str, Any]
) -> None:
    run = _run.current()
    if run.raw:
        return
    if case.headers is None:
        case.headers = {}
    for name in [k for k in case.headers if k.lower() in HTTP_LAYER_HEADERS]:
        del case.headers[name]
    present = {name.lower() for name in case.headers}
    declared = {p.name.lower() for p in case.operation.headers}
    negative_headers = _negative_at(case, ParameterLocation.HEADER)
    organization = run.tokens().application.organization
    if organization and not (
        ORG_HEADER in present and (negative_headers or ORG_HEADER in declared)
    ):
        # A header the document declares is the generator's to vary in negative cases.
        case.headers[ORG_HEADER] = organization
    if _operation_id(case) == "createGuestTrip" and not negative_headers:
        _in_sandbox_run(run, case, present)


def _in_sandbox_run(run: _run.Run, case: schemathesis.Case, present: set[str]) -> None:
    """Create the trip in a sandbox run (the application's own unless the case names one),
    and for valid bodies at that run's pickup: Uber's sandbox refuses a pickup far from the
    run ("Invalid Run ID")."""
    run_id = next((v for k, v in case.headers.items() if k.lower() == RUN_HEADER), None)
    if run_id is not None and str(run_id) in _documented_run_ids(case):
        # The document's example run exists on no server: with it, every create of the
        # examples phase would be refused "Invalid Run ID" and no example would book a trip.
        for name in [k for k in case.headers if k.lower() == RUN_HEADER]:
            del case.headers[name]
        run_id = None
    if run_id is None:
        sandbox_run = run.sandbox_run()
        if sandbox_run is None:
            return
        run_id = sandbox_run.run_id
        case.headers[RUN_HEADER] = run_id
    pickup = run.pickup_of(str(run_id))
    body = case.body
    if (
        pickup
        and isinstance(body, dict)
        and isinstance(body.get("pickup"), dict)
        and not _negative_at(case, ParameterLocation.BODY)
    ):
        body["pickup"] = {**body["pickup"], **pickup}


def _documented_run_ids(case: schemathesis.Case) -> set[str]:
    """The example values the document gives for the operation's run header."""
    values: set[str] = set()
    for parameter in case.operation.definition.raw.get("parameters") or []:
        resolved, _ = deref(case.operation.schema.raw_schema, parameter)
        if not isinstance(resolved, dict):
            continue
        if str(resolved.get("name", "")).lower() != RUN_HEADER:
            continue
        if "example" in resolved:
            values.add(str(resolved["example"]))
        for example in (resolved.get("examples") or {}).values():
            if isinstance(example, dict) and "value" in example:
                values.add(str(example["value"]))
    return values


@schemathesis.hook
def after_call(
    context: schemathesis.HookContext, case: schemathesis.Case, response: schemathesis.Response
) -> None:
    """Note what the request changed in the server: runs and their pickups, surges, clock."""
    TRAFFIC.answered(response)
    run = _run.current()
    if not run.raw:
        RECORDER.last = (case, dict(response.request.headers))
    if response.status_code != 200:
        return
    op_id = _operation_id(case)
    if op_id == "createSandboxRun":
        try:
            created = response.json()
        except Exception:
            return
        if isinstance(created, dict) and isinstance(case.body, dict):
            run.remember_run(str(created.get("run_id")), case.body.get("pickup_location"))
    elif op_id == "setSandboxProductSurge":
        product_id = (case.path_parameters or {}).get("product_id")
        if product_id and isinstance(case.body, dict):
            if case.body.get("multiplier") == 1:
                run.surged.discard(str(product_id))
            else:
                run.surged.add(str(product_id))
    elif op_id == "setSandboxClock":
        run.clock_changed()


@schemathesis.hook
def after_network_error(
    context: schemathesis.HookContext, case: schemathesis.Case, request: Any
) -> None:
    TRAFFIC.unanswered(request)


@schemathesis.hook
def after_validate(
    context: schemathesis.HookContext,
    case: schemathesis.Case,
    response: schemathesis.Response,
    results: list[Any],
) -> None:
    RECORDER.record(case, response, results)
