"""Load the document the way the suite tests it: with the project's schemathesis.toml."""

from __future__ import annotations

import copy
import functools
import os
from pathlib import Path
from typing import Any

import schemathesis
from schemathesis.config import SchemathesisConfig

from contract_tests.target import CONFIG_PATH, PART_ENV, REPORTS_DIR, SPEC_PATH
from mock_server.spec import load_document


@functools.cache
def config(junit: str = "") -> SchemathesisConfig:
    """schemathesis.toml; loading it imports contract_tests.hooks (auth, headers, checks).

    CONTRACT_MAX_EXAMPLES overrides `max-examples` (the fault proof runs a smaller suite).
    `junit` names the JUnit file of a schema of its own (Schemathesis' pytest plugin opens
    one writer per schema, and a second writer on the same file empties it).
    """
    loaded = SchemathesisConfig.from_path(str(CONFIG_PATH))
    # Report files under REPORTS_DIR, whatever the working directory.
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    loaded.reports.directory = REPORTS_DIR
    declared = Path(loaded.reports.junit.path or "junit.xml").name
    loaded.reports.junit.path = REPORTS_DIR / worker_file(junit or declared)
    # The suite writes the HAR itself (`har_path`), with every request it sends:
    # contract_tests/traffic.py says why Schemathesis' pytest plugin cannot.
    loaded.reports.har.enabled = False
    # The server under test comes from the environment (BASE_URL, or the sandbox the suite
    # started), not from schemathesis.toml, so that `st run --url` needs no variable.
    base_url = os.environ.get("BASE_URL", "").strip()
    if base_url:
        loaded.projects.override.base_url = base_url.rstrip("/")
    seed = os.environ.get("CONTRACT_SEED", "").strip()
    if seed:
        loaded.projects.override.seed = int(seed)
    phases = os.environ.get("CONTRACT_PHASES", "").strip()
    if phases:
        # The per-operation phases to run (the fault proof runs only what a fault needs).
        wanted = {name.strip() for name in phases.split(",")}
        for name in ("examples", "coverage", "fuzzing"):
            getattr(loaded.projects.default.phases, name).enabled = name in wanted
    max_examples = os.environ.get("CONTRACT_MAX_EXAMPLES")
    if max_examples:
        loaded.projects.override.generation.update(max_examples=int(max_examples))
    return loaded


def worker_file(name: str) -> str:
    """`name`, or for one of several processes of a run `name` with the process's tag before
    its suffix: `junit.part-2.xml` (scripts/contract.py's parts, merged when they end),
    `junit.gw0.xml` (a pytest-xdist worker). Each writes its own reports, none empties
    another's."""
    part = os.environ.get(PART_ENV, "").strip()
    tags = [f"part-{part}" if part else "", os.environ.get("PYTEST_XDIST_WORKER", "").strip()]
    tag = ".".join(t for t in tags if t)
    if not tag:
        return name
    path = Path(name)
    return f"{path.stem}.{tag}{path.suffix}"


@functools.cache
def har_path() -> Path | None:
    """Where the suite's HAR goes (`[reports.har]` of schemathesis.toml, under REPORTS_DIR);
    None when the HAR report is off. `st run` writes Schemathesis' own HAR there instead."""
    declared = SchemathesisConfig.from_path(str(CONFIG_PATH)).reports.har
    if not declared.enabled:
        return None
    return REPORTS_DIR / Path(declared.path or "contract.har").name


@functools.cache
def raw_document() -> dict[str, Any]:
    return load_document(SPEC_PATH)


def load(document: dict[str, Any] | None = None, *, junit: str = "") -> Any:
    """The schema under test (hooks have already dropped what the target does not serve)."""
    return schemathesis.openapi.from_dict(
        copy.deepcopy(document or raw_document()), config=config(junit)
    )


# Marks the copy of the document that holds only the token endpoint (`load_token_endpoint`):
# the hooks keep its operation whatever the target, and do not take it for the schema under test.
TOKEN_ENDPOINT_COPY = "x-contract-token-endpoint"
TOKEN_OPERATION = "createAccessToken"


def load_token_endpoint() -> Any:
    """The document's token operation alone, as a schema with the project's configuration
    (so the active profile's rate limit of `createAccessToken` applies), also when the
    target's schema leaves it out because tokens come from another host (Uber's auth host)."""
    document = copy.deepcopy(raw_document())
    document["paths"] = {
        path: {method: operation}
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and operation.get("operationId") == TOKEN_OPERATION
    }
    document.pop("webhooks", None)
    document[TOKEN_ENDPOINT_COPY] = True
    return schemathesis.openapi.from_dict(document, config=config())


def stateful_steps(schema: Any) -> int:
    """`[phases.stateful] max-steps` of the active profile."""
    return int(schema.config.phases_for(operation=None).stateful.max_steps or 10)


def stateful_examples() -> int:
    """How many call sequences the stateful test runs: CONTRACT_STATEFUL_EXAMPLES, else 60
    with the full profile and 3 with the remote one."""
    from contract_tests.target import from_env

    default = "3" if from_env().remote else "60"
    return int(os.environ.get("CONTRACT_STATEFUL_EXAMPLES", default))


def only_selected(schema: Any) -> Any:
    """The schema testing only the operations named in CONTRACT_OPERATIONS (comma-separated
    operationIds); all of them when it is unset. The others stay in the document, so checks
    can still read a trip back through them."""
    selected = {name for name in os.environ.get("CONTRACT_OPERATIONS", "").split(",") if name}
    if not selected:
        return schema
    others = [
        operation["operationId"]
        for item in raw_document()["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and operation.get("operationId") not in selected
    ]
    # `exclude`, not `include`: the per-operation blocks of schemathesis.toml already add an
    # include filter, and include filters widen each other.
    return schema.exclude(operation_id=others) if others else schema


def request_example(operation_id: str, name: str | None = None) -> Any:
    """A request body example of the document, by operation and example name (the first
    when no name is given)."""
    for item in raw_document()["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                media = operation["requestBody"]["content"]
                examples = next(iter(media.values()))["examples"]
                chosen = examples[name] if name else next(iter(examples.values()))
                return copy.deepcopy(chosen["value"])
    raise KeyError(operation_id)


def request_examples(operation_id: str) -> dict[str, Any]:
    """Every request body example of an operation, by name."""
    for item in raw_document()["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                media = (operation.get("requestBody") or {}).get("content") or {}
                examples = next(iter(media.values()), {}).get("examples") or {}
                return {name: copy.deepcopy(e["value"]) for name, e in examples.items()}
    raise KeyError(operation_id)
