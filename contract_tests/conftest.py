"""Point the suite at `BASE_URL`, or start the local sandbox when it is unset.

The sandbox is started when pytest configures this directory, before the test modules load
the document, so every operation becomes its own test item.
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from pathlib import Path

import pytest

from contract_tests.target import LOCAL_SANDBOX, REPO_ROOT, REPORTS_DIR

GENERATED_CLIENT = REPO_ROOT / "generated" / "uber-guest-rides-client"

_STACK = ExitStack()
SUMMARY_ENV = "CONTRACT_SUMMARY"


def _without_allure() -> None:
    """Schemathesis 4.32.5's pytest plugin imports `allure_commons` whenever reports are on,
    although Allure is an optional extra: without it, register no Allure forwarder."""
    import importlib.util

    if importlib.util.find_spec("allure_commons") is None:
        from schemathesis.pytest import plugin

        plugin._register_allure_forwarder = lambda label, writers: None


def _generated_client_importable() -> None:
    """The flows use the generated client; from the work tree when it is not installed."""
    try:
        import uber_guest_rides_client  # noqa: F401
    except ImportError:
        if GENERATED_CLIENT.is_dir():
            import sys

            sys.path.insert(0, str(GENERATED_CLIENT))


def pytest_configure(config: pytest.Config) -> None:
    _without_allure()
    _generated_client_importable()
    if os.environ.get("BASE_URL"):
        return
    from contract_tests.sandbox import local_sandbox

    REPORTS_DIR.mkdir(exist_ok=True)
    running = _STACK.enter_context(local_sandbox(log_path=str(REPORTS_DIR / "local-sandbox.log")))
    os.environ.update(running.env())
    assert os.environ["CONTRACT_TARGET"] == LOCAL_SANDBOX


# The local sandbox keeps state: fuzzing its clock and surge controls (test_operations.py)
# moves the clock and puts products in surge. Flows and stateful sequences run first.
_MODULE_ORDER = ("test_flows.py", "test_stateful.py", "test_operations.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    slots = [i for i, item in enumerate(items) if item.path.parent == here]
    ours = sorted(
        (items[i] for i in slots),
        key=lambda item: (
            _MODULE_ORDER.index(item.path.name)
            if item.path.name in _MODULE_ORDER
            else len(_MODULE_ORDER)
        ),
    )
    # Only this directory's items move, among the places they already hold.
    for slot, item in zip(slots, ours, strict=True):
        items[slot] = item


def pytest_unconfigure(config: pytest.Config) -> None:
    path = os.environ.get(SUMMARY_ENV)
    if path:
        from contract_tests.recorder import RECORDER
        from contract_tests.sanitization import leaks, run_secrets

        reports = [*REPORTS_DIR.glob("*.har"), *REPORTS_DIR.glob("*.xml")]
        for leak in leaks(reports, run_secrets()):
            RECORDER.record_flow(
                "report_sanitization",
                0,
                {"check": "report_sanitization", "title": leak, "message": leak, "curl": ""},
            )

        worker = getattr(config, "workerinput", {}).get("workerid")
        target = Path(path)
        if worker:
            target = target.with_name(f"{target.stem}.{worker}{target.suffix}")
        RECORDER.dump(target)
    _STACK.close()
