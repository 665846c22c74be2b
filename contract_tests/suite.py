"""Load the document the way the suite tests it: with the project's schemathesis.toml."""

from __future__ import annotations

import copy
import functools
import os
from pathlib import Path
from typing import Any

import schemathesis
from schemathesis.config import SchemathesisConfig

from contract_tests.target import CONFIG_PATH, REPORTS_DIR, SPEC_PATH
from mock_server.spec import load_document


@functools.cache
def config() -> SchemathesisConfig:
    """schemathesis.toml; loading it imports contract_tests.hooks (auth, headers, checks).

    CONTRACT_MAX_EXAMPLES overrides `max-examples` (the fault proof runs a smaller suite).
    """
    loaded = SchemathesisConfig.from_path(str(CONFIG_PATH))
    # Report files under REPORTS_DIR, whatever the working directory.
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    loaded.reports.directory = REPORTS_DIR
    loaded.reports.junit.path = REPORTS_DIR / Path(loaded.reports.junit.path or "junit.xml").name
    loaded.reports.har.path = REPORTS_DIR / Path(loaded.reports.har.path or "contract.har").name
    max_examples = os.environ.get("CONTRACT_MAX_EXAMPLES")
    if max_examples:
        loaded.projects.override.generation.update(max_examples=int(max_examples))
    return loaded


@functools.cache
def raw_document() -> dict[str, Any]:
    return load_document(SPEC_PATH)


def load(document: dict[str, Any] | None = None) -> Any:
    """The schema under test (hooks have already dropped what the target does not serve)."""
    return schemathesis.openapi.from_dict(
        copy.deepcopy(document or raw_document()), config=config()
    )


def stateful_steps(schema: Any) -> int:
    """`[phases.stateful] max-steps` of the active profile."""
    return int(schema.config.phases_for(operation=None).stateful.max_steps or 10)


def stateful_examples() -> int:
    """How many call sequences the stateful test runs: CONTRACT_STATEFUL_EXAMPLES, else 100
    with the full profile and 3 with the remote one."""
    from contract_tests.target import from_env

    default = "3" if from_env().remote else "100"
    return int(os.environ.get("CONTRACT_STATEFUL_EXAMPLES", default))


def only_selected(document: dict[str, Any]) -> dict[str, Any]:
    """The document with only the operations named in CONTRACT_OPERATIONS (comma-separated
    operationIds); all of them when it is unset."""
    selected = {name for name in os.environ.get("CONTRACT_OPERATIONS", "").split(",") if name}
    if not selected:
        return document
    document = copy.deepcopy(document)
    for item in document.get("paths", {}).values():
        for method in [m for m, op in item.items() if isinstance(op, dict) and "responses" in op]:
            if item[method].get("operationId") not in selected:
                del item[method]
    return document
