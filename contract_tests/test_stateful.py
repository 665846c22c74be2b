"""Stateful: Hypothesis drives sequences of calls along the document's links (create ->
get / dispatch / communication / v1.2 view; sandbox run -> get run), checking every answer.

To reach the states a driver moves a trip through, the suite adds links of its own (only
in this test's copy of the document, never in the document): a sandbox run's id feeds the
`x-uber-sandbox-runuuid` header of create, and a run read back feeds the driver-state
call with its first driver. The local sandbox's own controls (clock, surge, webhooks,
health) are left out of the sequences; test_operations.py tests each of them.

The server keeps state, so a sequence replayed later does not meet the same server:
Hypothesis' shrinking and its final replay can then end in `Flaky...` errors that hide what
failed. Sequences are therefore not shrunk, and a failure is reported as the check that
found it, the request (a curl line) and the seed, as recorded when it happened.
"""

from __future__ import annotations

import copy
import os
from typing import Any

import hypothesis
import pytest

from contract_tests import suite
from contract_tests.recorder import RECORDER
from contract_tests.target import LOCAL_ONLY_EXTENSION

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


def local_controls(document: dict) -> list[str]:
    """The local sandbox's own controls (`x-local-sandbox-only`): tested one by one in
    test_operations.py, left out of the sequences, which explore the API's own workflows
    (a clock jump or a surge in the middle of a sequence only ends it early)."""
    return [
        operation["operationId"]
        for item in document.get("paths", {}).values()
        for operation in item.values()
        if isinstance(operation, dict) and operation.get(LOCAL_ONLY_EXTENSION)
    ]


_document = with_suite_links(suite.raw_document())
# Its own JUnit file: reports/junit-stateful.xml beside the operations' reports/junit.xml.
schema = suite.load(_document, junit="junit-stateful.xml").exclude(
    operation_id=local_controls(_document)
)
# Scenarios finished so far in this process (a restart runs only the ones still owed).
_FINISHED = [0]
# How often a run may start again after Hypothesis found the server's answers to a repeated
# prefix of calls different (see TestWorkflow.runTest).
RESTARTS = 5


class Workflow(schema.as_state_machine()):  # type: ignore[misc]
    def call(self, case: Any, **kwargs: Any) -> Any:
        """Send the step; an error that is not a failed check (a timeout, a refused
        connection, a token that could not be fetched) is recorded with its request, so the
        report names it even when Hypothesis ends the run with another exception."""
        try:
            return super().call(case, **kwargs)
        except Exception as error:
            from contract_tests.recorder import record_error

            RECORDER.last = (case, dict(kwargs.get("headers") or {}))
            record_error(
                case.operation.definition.raw.get("operationId", "stateful"), error, RECORDER.test
            )
            raise

    def teardown(self) -> None:
        _FINISHED[0] += 1
        super().teardown()


def explain(nodeid: str, error: BaseException) -> str:
    """What failed, from the failures recorded while the sequences ran (not from the
    exception Hypothesis ends with, which may be about the replay)."""
    seed = os.environ.get("CONTRACT_SEED", "?")
    failures = RECORDER.failures_of(nodeid)
    if not failures:
        kind = type(error).__name__
        return (
            f"a stateful sequence failed outside the checks ({kind}: {str(error)[:500]}); "
            f"repeat with CONTRACT_SEED={seed}"
        )
    lines = [f"{len(failures)} check(s) failed in stateful sequences (CONTRACT_SEED={seed}):"]
    for failure in failures:
        lines.append(
            f"- {failure['operation']}: [{failure['check']}] {failure['title']} "
            f"(HTTP {failure.get('status', '?')})\n  {failure.get('curl', '')}"
        )
    return "\n".join(lines)


_StateMachineTest: Any = Workflow.TestCase  # the base of TestWorkflow below


@pytest.mark.timeout(900)
class TestWorkflow(_StateMachineTest):
    settings = hypothesis.settings(
        max_examples=suite.stateful_examples(),
        stateful_step_count=suite.stateful_steps(schema),
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.generate],
        report_multiple_bugs=False,
        database=None,
    )

    def runTest(self) -> None:  # noqa: N802  (unittest's name)
        """Run the sequences; on a failed check, report it (see `explain`).

        Hypothesis remembers every sequence of choices it drew. When a new sequence starts
        like an earlier one but the server answers differently this time (its state moved
        on: the guest of a repeated body already has a ride at that time, a trip created
        by the earlier sequence is now there), the links offer other steps and Hypothesis
        stops with `FlakyStrategyDefinition`. That is a property of testing a server with
        state, not a fault of the server: like Schemathesis' own runner, the run then
        starts again, with the next seed, for the scenarios still owed (at most RESTARTS
        times; each restart is listed in the summary's warnings). A failed check or an
        error recorded in a step is never retried."""
        from hypothesis import core
        from hypothesis.errors import FlakyStrategyDefinition
        from schemathesis.engine.errors import is_inconsistent_replay

        nodeid = RECORDER.test
        seed = core.global_force_seed
        wanted = self.settings.max_examples
        restarts = 0
        try:
            while True:
                try:
                    super().runTest()
                    return
                except Exception as error:
                    diverged = isinstance(error, FlakyStrategyDefinition) or (
                        is_inconsistent_replay(error)
                    )
                    if not diverged or RECORDER.failures_of(nodeid) or restarts >= RESTARTS:
                        raise
                    owed = wanted - _FINISHED[0]
                    restarts += 1
                    RECORDER.note_warnings(
                        [
                            f"stateful: restart {restarts} after {_FINISHED[0]} scenarios (a "
                            "repeated prefix of calls met different answers: the server's "
                            "state had moved on)"
                        ]
                    )
                    if owed <= 0:
                        return
                    if seed is not None:
                        core.global_force_seed = seed + restarts
                    self.settings = hypothesis.settings(self.settings, max_examples=owed)
        except Exception as error:
            failures = RECORDER.failures_of(nodeid)
            if not failures:
                from contract_tests.recorder import record_error

                record_error("stateful", error, nodeid)
            raise AssertionError(explain(nodeid, error)) from None
        finally:
            core.global_force_seed = seed


# pytest collects every unittest.TestCase subclass in the module, whatever its name: keep only
# TestWorkflow (with the settings above), not the base the state machine provides.
del _StateMachineTest
