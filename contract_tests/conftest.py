"""Point the suite at `BASE_URL`, or start the local sandbox when it is unset.

The sandbox is started when pytest configures this directory, before the test modules load
the document, so every operation becomes its own test item. The pytest hooks of the suite
live here (pytest registers hooks from conftest files and plugins, not from test modules):
the outcome of each flow reaches the per-operation table, the run's seed is fixed and
printed, what the run changed in a local sandbox is restored at the end, and every request
the run sends is written to the HAR report.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Any

import pytest

from contract_tests.target import LOCAL_SANDBOX, REPO_ROOT, REPORTS_DIR

GENERATED_CLIENT = REPO_ROOT / "generated" / "uber-guest-rides-client"
SUMMARY_ENV = "CONTRACT_SUMMARY"
SEED_ENV = "CONTRACT_SEED"


class _Session:
    """What this pytest process started for the suite (the local sandbox), on one object."""

    def __init__(self) -> None:
        self.stack = ExitStack()
        self.notes: list[str] = []


_SESSION = _Session()


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


def _fix_seed(config: pytest.Config) -> int:
    """One seed for the whole run (Schemathesis' generation and Hypothesis' stateful test):
    `--hypothesis-seed`, else CONTRACT_SEED, else a new one; printed so a run can be
    repeated with `CONTRACT_SEED=<seed>`."""
    given = config.getoption("--hypothesis-seed", None) or os.environ.get(SEED_ENV)
    seed = int(given) if given not in (None, "") else random.SystemRandom().randrange(2**31)
    os.environ[SEED_ENV] = str(seed)
    from hypothesis import core

    core.global_force_seed = seed
    return seed


def _xdist_controller(config: pytest.Config) -> bool:
    """The process that hands tests to pytest-xdist workers and runs none itself."""
    return bool(getattr(config.option, "numprocesses", None)) and not hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    if _xdist_controller(config):
        return  # each worker starts what the suite needs for itself
    _without_allure()
    _generated_client_importable()
    seed = _fix_seed(config)
    if not os.environ.get("BASE_URL"):
        from contract_tests.sandbox import local_sandbox

        REPORTS_DIR.mkdir(exist_ok=True)
        running = _SESSION.stack.enter_context(
            local_sandbox(log_path=str(REPORTS_DIR / "local-sandbox.log"))
        )
        os.environ.update(running.env())
        assert os.environ["CONTRACT_TARGET"] == LOCAL_SANDBOX
    _receive_webhooks()
    config.stash[_SEED_KEY] = seed
    _record_traffic(config)


def _record_traffic(config: pytest.Config) -> None:
    """Every request of the run into the HAR report, sent through Schemathesis' transport
    by whichever part of the suite (contract_tests/traffic.py)."""
    from contract_tests import suite
    from contract_tests.traffic import TRAFFIC

    path = suite.har_path()
    if path is None:
        return
    path = path.with_name(suite.worker_file(path.name))
    TRAFFIC.open(path, suite.config().projects.default.output)


def _receive_webhooks() -> None:
    """Against the local sandbox, a receiver for the webhooks of the suite's applications
    (contract_tests/webhooks.py), stopped before the sandbox; elsewhere the webhook checks
    are noted as skipped. A target the environment does not describe is reported by the
    tests themselves."""
    from contract_tests import webhooks
    from contract_tests.target import TargetError

    with suppress(TargetError):
        _SESSION.stack.enter_context(webhooks.receiving())


_SEED_KEY = pytest.StashKey[int]()


def pytest_report_header(config: pytest.Config) -> list[str]:
    from contract_tests.run import current

    try:
        described = current().target.describe()
    except Exception as exc:  # the tests will report the same problem
        described = f"target: {exc}"
    seed = config.stash.get(_SEED_KEY, None)
    return [f"contract: {line}" for line in described.splitlines()] + [
        f"contract: seed {seed} (repeat with CONTRACT_SEED={seed})"
    ]


# The local sandbox keeps state: fuzzing its clock and surge controls (test_operations.py)
# moves the clock and puts products in surge. Flows and stateful sequences run first.
# The webhooks received are judged last (test_webhooks.py), once every test sent its trips'.
_MODULE_ORDER = ("test_flows.py", "test_stateful.py", "test_operations.py", "test_webhooks.py")


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


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Failures recorded while a test runs name that test (the stateful test reports them)."""
    from contract_tests.recorder import RECORDER

    RECORDER.test = item.nodeid
    try:
        yield
    finally:
        RECORDER.test = ""


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """Keep each phase's report on the item, so the flow fixture sees whether its flow
    failed and counts the failure in the table."""
    outcome: Any = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Leave a local sandbox as the run found it (while it is still running)."""
    from contract_tests import webhooks
    from contract_tests.run import current
    from contract_tests.traffic import TRAFFIC

    try:
        _SESSION.notes = current().restore()
        hooks = webhooks.session()
        if hooks is not None:
            _SESSION.notes += hooks.restore()
    except Exception as exc:  # restoring must not hide the verdict
        _SESSION.notes = [f"could not restore the sandbox: {exc}"]
    TRAFFIC.close()  # after the restore's own requests


def pytest_terminal_summary(terminalreporter: Any) -> None:
    from contract_tests.traffic import TRAFFIC

    if TRAFFIC.path is not None:
        terminalreporter.write_line(
            f"contract: HAR: {TRAFFIC.path} ({TRAFFIC.sent} requests: every one the run sent)"
        )
    for note in _SESSION.notes:
        terminalreporter.write_line(f"contract: warning: {note}")


def pytest_unconfigure(config: pytest.Config) -> None:
    from contract_tests.traffic import TRAFFIC

    TRAFFIC.close()  # already closed, unless the session ended early
    path = os.environ.get(SUMMARY_ENV)
    if path:
        from contract_tests.recorder import RECORDER
        from contract_tests.run import current
        from contract_tests.sanitization import leaks, run_secrets

        reports = [*REPORTS_DIR.glob("*.har"), *REPORTS_DIR.glob("*.xml")]
        for leak in leaks(reports, run_secrets()):
            RECORDER.record_flow(
                "report_sanitization",
                0,
                {"check": "report_sanitization", "title": leak, "message": leak, "curl": ""},
            )
        run = current()
        RECORDER.note_skipped({op: f"not tested: {why}" for op, why in run.excluded.items()})
        RECORDER.note_skipped(run.skipped)
        RECORDER.note_warnings(_SESSION.notes)
        RECORDER.seed = config.stash.get(_SEED_KEY, None)
        from contract_tests.suite import worker_file

        RECORDER.dump(Path(path).with_name(worker_file(Path(path).name)))
    _SESSION.stack.close()
