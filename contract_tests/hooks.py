"""Schemathesis hooks of the contract suite, loaded by `schemathesis.toml` (`hooks = ...`).

The same module serves `st run` on the command line and the pytest suite, so both send the
same credentials and headers, test the same operations and run the same custom checks.

- Before the document is loaded: the operations the target cannot serve are removed
  (`x-local-sandbox-only` ones unless the target is the local sandbox; the token endpoint
  unless it lives on the target; the Riders API view without a user token), and with the
  remote profile the document is retitled so that the `[[project]]` block of that profile
  in `schemathesis.toml` applies.
- Each request gets the token of the security scheme its operation requires (read from the
  document), refetched on 401, and the organization / sandbox-run headers when configured.
- Every validated response is counted per operation, for the runner's summary.
"""

from __future__ import annotations

import sys
from typing import Any

import schemathesis
from schemathesis.core.parameters import ParameterLocation

from contract_tests import checks as _checks  # noqa: F401  (registers the custom checks)
from contract_tests import target as _target
from contract_tests.auth import Tokens
from contract_tests.recorder import RECORDER

_TOKENS: Tokens | None = None
EXCLUDED: dict[str, str] = {}


def tokens() -> Tokens:
    global _TOKENS
    if _TOKENS is None:
        _TOKENS = Tokens(_target.from_env())
    return _TOKENS


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
            excluded[op_id] = "served only by the local sandbox"
        elif operation.get("security") == [] and not target.serves_token_endpoint:
            excluded[op_id] = "the token endpoint is not on the server under test"
        elif _needs_user_token(operation) and not (target.user_token or target.local_sandbox):
            excluded[op_id] = "needs a user token: set UBER_USER_TOKEN"
    return excluded


def _needs_user_token(operation: dict[str, Any]) -> bool:
    return any("riderOAuth" in req for req in operation.get("security") or [])


@schemathesis.hook
def before_load_schema(context: schemathesis.HookContext, raw_schema: dict[str, Any]) -> None:
    target = _target.from_env()
    EXCLUDED.clear()
    EXCLUDED.update(exclusions(raw_schema, target))
    for path, method, operation in list(_operations(raw_schema)):
        if operation.get("operationId") in EXCLUDED:
            del raw_schema["paths"][path][method]
    for path in [p for p, item in raw_schema.get("paths", {}).items() if not _has_operations(item)]:
        del raw_schema["paths"][path]
    # Links to an operation that is not tested would make the state machine invalid.
    for _, _, operation in _operations(raw_schema):
        for response in operation.get("responses", {}).values():
            links = response.get("links") if isinstance(response, dict) else None
            if links:
                for name in [n for n, link in links.items() if link.get("operationId") in EXCLUDED]:
                    del links[name]
    if target.remote:
        info = raw_schema.setdefault("info", {})
        title = info.get("title", "")
        if not title.endswith(_target.REMOTE_TITLE_SUFFIX):
            info["title"] = title + _target.REMOTE_TITLE_SUFFIX
    if EXCLUDED:
        names = ", ".join(f"{op} ({why})" for op, why in sorted(EXCLUDED.items()))
        print(f"contract: not testing {names}", file=sys.stderr)


def _has_operations(item: dict[str, Any]) -> bool:
    return any(isinstance(v, dict) and "responses" in v for v in item.values())


def _cache_key(case: schemathesis.Case, context: schemathesis.AuthContext) -> str:
    return _scheme_of(case) or "none"


def _scheme_of(case: schemathesis.Case) -> str | None:
    operation = case.operation
    return tokens().scheme_for(operation.definition.raw, operation.schema.raw_schema)


@schemathesis.auth(cache_by_key=_cache_key, refresh_interval=86_400, retry_on=[401])
class DocumentAuth:
    """The token of the scheme each operation's `security` names.

    Schemathesis caches what `get` returns per scheme and calls `get` again only after a 401
    (or a day): a second call for the same scheme therefore means the token was refused,
    and a new one is fetched.
    """

    def __init__(self) -> None:
        self.handed: dict[str, str] = {}

    def get(self, case: schemathesis.Case, context: schemathesis.AuthContext) -> str | None:
        scheme = _scheme_of(case)
        if scheme is None:
            return None
        source = tokens().source(scheme)
        stale = self.handed.get(scheme)
        token = source.refresh(stale) if stale else source.get()
        self.handed[scheme] = token
        return token

    def set(self, case: schemathesis.Case, data: str, context: schemathesis.AuthContext) -> None:
        case.headers["Authorization"] = f"Bearer {data}"


@schemathesis.hook
def before_call(
    context: schemathesis.HookContext, case: schemathesis.Case, kwargs: dict[str, Any]
) -> None:
    extra = tokens().context_headers()
    if not extra:
        return
    negative_headers = case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER)
    present = {name.lower() for name in case.headers}
    declared = {p.name.lower() for p in case.operation.headers}
    for name, value in extra.items():
        # A header the document declares is the generator's to vary in negative cases.
        if name in present and (
            negative_headers or name in declared and not tokens().target.remote
        ):
            continue
        case.headers[name] = value


@schemathesis.hook
def after_validate(
    context: schemathesis.HookContext,
    case: schemathesis.Case,
    response: schemathesis.Response,
    results: list[Any],
) -> None:
    RECORDER.record(case, response, results)
