"""Every webhook delivery the suite's receivers got during the run, judged (contract_tests/webhooks.py).

This runs last (conftest's module order). The receivers are registered while the flows
run, so what arrived are the events of the flows' trips. It judges each delivery that
arrived; it does not wait, and no check here depends on how many arrived, so what the
fuzzing of the webhook controls did to the registrations cannot change its verdict.
Whether a trip's events all arrived, once and in order, is judged by the flow that drove
the trip.
"""

from __future__ import annotations

import pytest

from contract_tests import webhooks
from contract_tests.recorder import RECORDER

NAME = "webhooks_received"


def test_every_webhook_received_is_documented_signed_and_for_its_application() -> None:
    hooks = webhooks.session()
    if hooks is None:
        RECORDER.note_skipped({f"flow:{NAME}": webhooks.REMOTE_REASON})
        pytest.skip(webhooks.REMOTE_REASON)
    received = hooks.receiver.received()
    found = hooks.judge(received)
    for check, problems in found.items():
        message = f"{len(problems)} of {len(received)} deliveries: " + "\n".join(problems[:20])
        RECORDER.record_flow(
            NAME, 0, {"check": check, "title": problems[0][:200], "message": message, "curl": ""}
        )
    RECORDER.record_flow(NAME, len(received))
    assert not found, "\n".join(f"[{check}] {problems[0]}" for check, problems in found.items())
