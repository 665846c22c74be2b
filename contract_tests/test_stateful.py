"""Stateful: Hypothesis drives sequences of calls along the document's links (create ->
get / dispatch / communication / v1.2 view; sandbox run -> get run), checking every answer.

To reach the states a driver moves a trip through, the suite adds links of its own (only
in this test's copy of the document, never in the document): a sandbox run's id feeds the
`x-uber-sandbox-runuuid` header of create, and a run read back feeds the driver-state
call with its first driver.
"""

from __future__ import annotations

import copy
from typing import Any

import hypothesis
import pytest

from contract_tests import suite

SUITE_LINKS = {
    ("/v1/guests/sandbox/run", "post"): {
        "CreateTripInRun": {
            "operationId": "createGuestTrip",
            "parameters": {"header.x-uber-sandbox-runuuid": "$response.body#/run_id"},
            "description": "(suite) a trip in this run, so its driver can move it",
        },
    },
    ("/v1/guests/sandbox/run/{run_id}", "get"): {
        "MoveRunDriver": {
            "operationId": "setSandboxDriverState",
            "requestBody": {
                "run_id": "$response.body#/run_id",
                "driver_id": "$response.body#/driver_ids/0",
                "driver_state": "ACCEPT",
            },
            "description": "(suite) move the run's first driver",
        },
    },
}


def with_suite_links(document: dict) -> dict:
    document = copy.deepcopy(document)
    for (path, method), links in SUITE_LINKS.items():
        operation = document.get("paths", {}).get(path, {}).get(method)
        if operation is None:
            continue
        response = operation["responses"]["200"]
        response.setdefault("links", {}).update(links)
    return document


schema = suite.load(with_suite_links(suite.raw_document()))
Workflow = schema.as_state_machine()


_StateMachineTest: Any = Workflow.TestCase  # the base of TestWorkflow below


@pytest.mark.timeout(900)
class TestWorkflow(_StateMachineTest):
    settings = hypothesis.settings(
        max_examples=suite.stateful_examples(),
        stateful_step_count=suite.stateful_steps(schema),
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.generate, hypothesis.Phase.shrink],
        database=None,
    )


# pytest collects every unittest.TestCase subclass in the module, whatever its name: keep only
# TestWorkflow (with the settings above), not the base the state machine provides.
del _StateMachineTest
