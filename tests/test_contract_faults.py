"""The contract suite catches broken servers: one run per fault of contract_tests/faults.

Each fault is put in front of a fresh local sandbox by the fault proxy; the suite's tests
that exercise the broken behaviour run through it (the real suite, with fewer examples), and
must fail, on the check the fault names. A control run through the proxy with no fault, over
every test the faults use, must pass, so what fails is the fault and not the proxy.

The runs are independent processes (a sandbox, a proxy, a pytest run each, nothing shared
but the read-only work tree), run CONTRACT_FAULT_WORKERS at a time (default 2). An inner run
that could not run its tests (a collection error, a crash) fails the proof with its output,
never counts as a fault caught or missed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from contract_tests.faults import FAULTS, FaultProxy
from contract_tests.sandbox import free_port, local_sandbox, wait_until_serving
from contract_tests.target import REPO_ROOT

# The first test waits for every run (the module fixture), hence the long timeout.
pytestmark = [pytest.mark.contract_faults, pytest.mark.timeout(1800)]
FAULT_RUN_TIMEOUT = 300
CONTROL = "(control)"
# pytest's exit codes for a run that did not get to judge anything.
NOT_RUN = {2: "interrupted", 3: "internal error", 4: "usage error", 5: "no tests collected"}
# Variables of the outer run that must not leak into an inner one.
SCRUBBED_PREFIXES = ("CONTRACT_", "UBER_", "BASE_URL", "PYTEST_")


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


def control_runs() -> dict[str, tuple[tuple[str, ...], str]]:
    """Everything the faults exercise, once, grouped by the phases the faults need (one
    control run per group, so the costly coverage phase runs only where a fault needs it)."""
    groups: dict[str, list[str]] = {}
    for fault in FAULTS.values():
        tests = groups.setdefault(fault.phases, [])
        tests += [t for t in fault.tests if t not in tests]
    # A test already in a group with more phases need not run again.
    for phases, tests in groups.items():
        for other, more in groups.items():
            if other != phases and set(phases.split(",")) < set(other.split(",")):
                tests[:] = [t for t in tests if t not in more]
    return {phases: (tuple(tests), phases) for phases, tests in groups.items() if tests}


def inner_env(sandbox_env: dict[str, str], proxy_url: str, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(SCRUBBED_PREFIXES)}
    env.update(sandbox_env)
    env.update(
        {
            "BASE_URL": proxy_url,
            "UBER_TOKEN_URL": proxy_url + "/oauth/v2/token",
            "CONTRACT_SUMMARY": str(tmp / "summary.json"),
            "CONTRACT_REPORTS_DIR": str(tmp / "reports"),
            "CONTRACT_MAX_EXAMPLES": "8",
            "CONTRACT_STATEFUL_EXAMPLES": "15",
            "CONTRACT_SEED": os.environ.get("CONTRACT_SEED", "1"),
        }
    )
    return env


def run_suite(
    fault_name: str | None, tests: tuple[str, ...], tmp: Path, phases: str
) -> dict[str, Any]:
    """The suite's `tests` through a proxy with the fault, in front of a fresh sandbox: the
    summary of cases and failed checks, the exit code and the end of the output."""
    tmp.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with (
        local_sandbox(log_path=str(tmp / "local-sandbox.log")) as sandbox,
        _Proxy(sandbox.base_url, fault_name) as proxy,
    ):
        env = inner_env(sandbox.env(), proxy.url, tmp)
        operations = [t for t in tests if "/" not in t]
        files = [t for t in tests if "/" in t] + (
            ["contract_tests/test_operations.py"] if operations else []
        )
        env["CONTRACT_OPERATIONS"] = ",".join(operations)
        env["CONTRACT_PHASES"] = phases
        command = [sys.executable, "-m", "pytest", *files, "-p", "no:cacheprovider", "-q"]
        command += ["-o", "addopts=", "--tb=short", "-rN", "-p", "no:randomly"]
        result = subprocess.run(
            command,
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=FAULT_RUN_TIMEOUT,
        )
    summary = tmp / "summary.json"
    data = json.loads(summary.read_text()) if summary.exists() else {"cases": {}, "failures": []}
    data["returncode"] = result.returncode
    data["output"] = result.stdout[-4000:] + result.stderr[-2000:]
    (tmp / "output.txt").write_text(result.stdout + result.stderr)
    data["seconds"] = time.monotonic() - started
    return data


def _selected(session: pytest.Session) -> list[str | None]:
    names: list[str | None] = []
    for item in session.items:
        if item.path.name != Path(__file__).name:
            continue
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "name" in callspec.params:
            names.append(callspec.params["name"])
        elif item.name.startswith("test_suite_passes"):
            names.append(None)
    return names


@pytest.fixture(scope="module")
def outcomes(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str | None, dict[str, Any]]]:
    """Every selected run, CONTRACT_FAULT_WORKERS at a time, before the first assertion."""
    names = _selected(request.session)
    workers = max(1, int(os.environ.get("CONTRACT_FAULT_WORKERS", "2")))

    jobs: list[tuple[str | None, str, tuple[str, ...], str]] = []
    for name in names:
        if name is None:
            for index, (tests, phases) in enumerate(control_runs().values()):
                jobs.append((None, f"control-{index}", tests, phases))
        else:
            jobs.append((name, name, FAULTS[name].tests, FAULTS[name].phases))
    # Folders first, in this thread: pytest creates its temporary root lazily, and two
    # threads creating it at once collide.
    folders = {label: tmp_path_factory.mktemp(label) for _, label, _, _ in jobs}

    def one(job: tuple[str | None, str, tuple[str, ...], str]) -> tuple[str | None, dict]:
        name, label, tests, phases = job
        return name, run_suite(name, tests, folders[label], phases)

    with pytest.MonkeyPatch.context() as env, ThreadPoolExecutor(max_workers=workers) as pool:
        # The inner runs (a sandbox and a pytest process each) share one bytecode cache (the
        # Makefile's, else a folder of this run's own): without it each process compiles
        # every module it imports again, and pytest rewrites the modules of its plugins
        # (Hypothesis, Schemathesis) again, about 5 s of CPU per run when
        # PYTHONDONTWRITEBYTECODE is set.
        env.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
        if not os.environ.get("PYTHONPYCACHEPREFIX"):
            env.setenv("PYTHONPYCACHEPREFIX", str(tmp_path_factory.mktemp("bytecode")))
        results: dict[str | None, list[dict[str, Any]]] = {}
        for name, outcome in pool.map(one, jobs):
            results.setdefault(name, []).append(outcome)
    yield {name: _combined(parts) for name, parts in results.items()}


def _combined(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One outcome of several runs (the control runs)."""
    if len(parts) == 1:
        return parts[0]
    cases: dict[str, int] = {}
    for part in parts:
        for label, count in part["cases"].items():
            cases[label] = cases.get(label, 0) + count
    codes = [p["returncode"] for p in parts]
    return {
        "cases": cases,
        "failures": [f for p in parts for f in p["failures"]],
        "returncode": next((c for c in codes if c in NOT_RUN), max(codes)),
        "output": "\n".join(p["output"] for p in parts),
        "seconds": max(p["seconds"] for p in parts),
    }


def _ran(name: str, outcome: dict[str, Any]) -> None:
    code = outcome["returncode"]
    if code in NOT_RUN:
        pytest.fail(
            f"the inner run for {name} did not run its tests ({NOT_RUN[code]}):\n"
            + outcome["output"]
        )


def test_suite_passes_through_the_proxy_without_a_fault(outcomes: dict) -> None:
    outcome = outcomes[None]
    _ran(CONTROL, outcome)
    assert outcome["failures"] == [], outcome["output"]
    assert outcome["returncode"] == 0, outcome["output"]
    assert sum(outcome["cases"].values()) > 0


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_suite_catches_fault(name: str, outcomes: dict) -> None:
    fault = FAULTS[name]
    outcome = outcomes[name]
    _ran(name, outcome)
    caught = sorted({failure["check"] for failure in outcome["failures"]})
    print(f"{name}: caught by {', '.join(caught) or 'nothing'} in {outcome['seconds']:.1f} s")
    assert outcome["returncode"] != 0, f"the suite passed with fault {name}\n{outcome['output']}"
    assert set(caught) & set(fault.caught_by), (
        f"fault {name} ({fault.breaks}) was caught by {caught}, expected one of {fault.caught_by}\n"
        + outcome["output"]
    )
