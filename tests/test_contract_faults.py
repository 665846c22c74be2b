"""The contract suite catches broken servers: one run per fault of contract_tests/faults.

Each fault is put in front of the local sandbox by the fault proxy; the suite's tests that
exercise the broken operation run through it (the real suite, with fewer examples), and
must fail, on a check the fault names. A control run through the proxy with no fault must
pass, so what fails is the fault and not the proxy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from contract_tests.faults import FAULTS, FaultProxy
from contract_tests.faults.catalogue import CREATE, GET
from contract_tests.sandbox import RunningSandbox, free_port, local_sandbox, wait_until_serving
from contract_tests.target import REPO_ROOT

pytestmark = pytest.mark.contract_faults
FAULT_RUN_TIMEOUT = 240


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[RunningSandbox]:
    """A fresh local sandbox per run: what one run leaves behind (a product in surge, a clock
    moved ahead) must not decide what the next one sees."""
    with local_sandbox(log_path=str(tmp_path / "local-sandbox.log")) as running:
        yield running


class _Proxy:
    def __init__(self, upstream: str, fault_name: str | None) -> None:
        fault = FAULTS[fault_name] if fault_name else None
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            FaultProxy(upstream, fault), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> _Proxy:
        self.thread.start()
        wait_until_serving(self.url + "/")
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def run_suite(sandbox: RunningSandbox, proxy_url: str, tests: tuple[str, ...], tmp: Path) -> dict:
    """The suite's `tests` against `proxy_url`: the summary of cases and failed checks."""
    summary = tmp / "summary.json"
    env = {
        **os.environ,
        **sandbox.env(),
        "BASE_URL": proxy_url,
        "UBER_TOKEN_URL": proxy_url + "/oauth/v2/token",
        "CONTRACT_SUMMARY": str(summary),
        "CONTRACT_REPORTS_DIR": str(tmp / "reports"),
        "CONTRACT_MAX_EXAMPLES": "8",
        "CONTRACT_STATEFUL_EXAMPLES": "15",
    }
    operations = [t for t in tests if "/" not in t]
    files = [t for t in tests if "/" in t] + (
        ["contract_tests/test_operations.py"] if operations else []
    )
    env["CONTRACT_OPERATIONS"] = ",".join(operations)
    command = [sys.executable, "-m", "pytest", *files, "-p", "no:cacheprovider", "-q"]
    command += ["-o", "addopts=", "--tb=no", "-rN", "-p", "no:randomly"]
    result = subprocess.run(
        command,
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=FAULT_RUN_TIMEOUT,
    )
    data = json.loads(summary.read_text()) if summary.exists() else {"cases": {}, "failures": []}
    data["returncode"] = result.returncode
    data["output"] = result.stdout[-3000:] + result.stderr[-2000:]
    return data


def test_suite_passes_through_the_proxy_without_a_fault(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    with _Proxy(sandbox.base_url, None) as proxy:
        outcome = run_suite(sandbox, proxy.url, (CREATE, GET), tmp_path)
    assert outcome["failures"] == [], outcome["output"]
    assert outcome["returncode"] == 0, outcome["output"]
    assert sum(outcome["cases"].values()) > 0


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_suite_catches_fault(name: str, sandbox: RunningSandbox, tmp_path: Path) -> None:
    fault = FAULTS[name]
    with _Proxy(sandbox.base_url, name) as proxy:
        outcome = run_suite(sandbox, proxy.url, fault.tests, tmp_path)
    caught = sorted({failure["check"] for failure in outcome["failures"]})
    print(f"{name}: caught by {', '.join(caught) or 'nothing'}")
    assert outcome["returncode"] != 0, f"the suite passed with fault {name}\n{outcome['output']}"
    assert set(caught) & set(fault.caught_by), (
        f"fault {name} ({fault.breaks}) was caught by {caught}, expected one of {fault.caught_by}\n"
        + outcome["output"]
    )
