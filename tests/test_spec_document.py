"""The OpenAPI document itself: valid 3.1, lint-clean, and every example matches its schema.

Set GUEST_RIDES_SPEC to check another document than openapi/guest-rides.yaml.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import subprocess
from collections import Counter
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from referencing import Registry

from scripts.spec_tools import (
    REPO_ROOT,
    Example,
    example_errors,
    iter_examples,
    load_spec,
    registry,
    resolve_schema,
    spec_path,
)

REDOCLY = REPO_ROOT / "node_modules" / ".bin" / "redocly"
# Fewer examples than this means the walker (or the document) lost most of them.
MIN_EXAMPLES = 10

EXAMPLES = list(iter_examples(load_spec()))


@pytest.fixture(scope="module")
def spec_registry() -> Registry[Any]:
    return registry(load_spec())


def test_document_is_valid_openapi_3_1() -> None:
    spec = load_spec()
    assert str(spec.get("openapi", "")).startswith("3.1."), "the document must be OpenAPI 3.1"
    validate(spec, cls=OpenAPIV31SpecValidator)


def test_redocly_lint_reports_no_errors_or_warnings() -> None:
    if not REDOCLY.exists():
        pytest.fail(f"{REDOCLY.relative_to(REPO_ROOT)} is missing: run `make setup`")
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
    result = subprocess.run(
        [str(REDOCLY), "lint", str(spec_path()), "--format=json"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"redocly lint exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    problems = [
        f"{problem['severity']} {problem['ruleId']} at "
        f"{problem['location'][0].get('pointer', '?') if problem.get('location') else '?'}: "
        f"{problem['message']}"
        for problem in report["problems"]
    ]
    assert result.returncode == 0, "\n".join(problems) or result.stderr
    assert report["totals"]["errors"] == 0, "\n".join(problems)
    assert report["totals"]["warnings"] == 0, "\n".join(problems)


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.id for example in EXAMPLES])
def test_example_matches_its_schema(example: Example, spec_registry: Registry[Any]) -> None:
    errors = example_errors(example, spec_registry)
    assert not errors, (
        f"example at #{example.pointer} does not match schema #{example.schema_pointer}:\n"
        + "\n".join(errors)
    )


def test_document_has_examples_of_requests_and_responses() -> None:
    kinds = Counter(example.kind for example in EXAMPLES)
    assert len(EXAMPLES) >= MIN_EXAMPLES, f"only {len(EXAMPLES)} examples found: {dict(kinds)}"
    assert kinds["request"], "no request-body examples found"
    assert kinds["response"], "no response examples found"


def test_example_of_the_wrong_type_is_rejected(spec_registry: Registry[Any]) -> None:
    example = next(
        (e for e in EXAMPLES if e.kind in {"request", "response"} and isinstance(e.value, dict)),
        None,
    )
    assert example is not None, "no object-valued request or response example to mutate"
    wrong_type = dataclasses.replace(example, value=[copy.deepcopy(example.value)])
    assert example_errors(wrong_type, spec_registry), f"{example.id} accepted a list"


def test_example_missing_a_required_property_is_rejected(spec_registry: Registry[Any]) -> None:
    spec = load_spec()
    for example in EXAMPLES:
        if not isinstance(example.value, dict):
            continue
        schema, _ = resolve_schema(spec, example.schema_pointer)
        present = [name for name in schema.get("required", []) if name in example.value]
        if present:
            break
    else:
        pytest.fail("no object example whose schema lists required properties")
    value = copy.deepcopy(example.value)
    del value[present[0]]
    errors = example_errors(dataclasses.replace(example, value=value), spec_registry)
    assert any(repr(present[0]) in error for error in errors), (
        f"{example.id} without {present[0]!r} was accepted: {errors}"
    )
