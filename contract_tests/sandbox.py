"""Start the local sandbox on a free port for a test run, and stop it afterwards."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from contract_tests.target import LOCAL_SANDBOX, REPO_ROOT, SPEC_PATH


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_serving(
    url: str, timeout: float = 30.0, process: subprocess.Popen | None = None
) -> None:
    """Wait until `url` answers HTTP at all (any status), or fail after `timeout` seconds.

    One client for all the polls: each new client loads the CA bundle (about 40 ms of CPU),
    and a sandbox starting on a loaded machine is polled dozens of times."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    with httpx.Client(timeout=2, trust_env=False) as client:
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise RuntimeError(
                    f"the server exited with code {process.returncode} before serving"
                )
            try:
                client.get(url)
                return
            except httpx.HTTPError as exc:
                last_error = exc
                time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s ({last_error})")


def suite_applications() -> list[dict[str, Any]]:
    """The applications the suite registers with a local sandbox it starts (`--apps`): its
    own first-party one, a second first-party one and a third-party one with its
    organization, each with a fresh secret, so the isolation checks have tenants to compare
    and nothing the suite does touches the development applications. A sandbox's clock,
    surge and webhook settings are each application's own, so two sets of these can test
    one sandbox at once without seeing each other's changes."""
    run = uuid.uuid4().hex[:8]
    return [
        {
            "client_id": f"contract-{run}-primary",
            "client_secret": secrets.token_urlsafe(24),
            "scopes": ["guests.trips", "request"],
            "name": "Contract suite (primary)",
        },
        {
            "client_id": f"contract-{run}-second",
            "client_secret": secrets.token_urlsafe(24),
            "scopes": ["guests.trips", "request"],
            "name": "Contract suite (second application)",
        },
        {
            "client_id": f"contract-{run}-third-party",
            "client_secret": secrets.token_urlsafe(24),
            "third_party": True,
            "organizations": [str(uuid.uuid4())],
            "scopes": ["guests.trips"],
            "name": "Contract suite (third-party application)",
        },
    ]


@dataclass
class RunningSandbox:
    base_url: str
    process: subprocess.Popen
    # One set of the suite's applications per suite process that tests this sandbox.
    application_sets: list[list[dict[str, Any]]] = field(default_factory=list)
    apps_files: list[str] = field(default_factory=list)

    @property
    def applications(self) -> list[dict[str, Any]]:
        """The first set (the first application is its primary one)."""
        return self.application_sets[0]

    def env(self, part: int = 0) -> dict[str, str]:
        """The environment that points a suite process at this sandbox, with the suite's
        applications of set `part` (the first is the primary one)."""
        primary = self.application_sets[part][0]
        return {
            "BASE_URL": self.base_url,
            "CONTRACT_TARGET": LOCAL_SANDBOX,
            "UBER_CLIENT_ID": primary["client_id"],
            "UBER_CLIENT_SECRET": primary["client_secret"],
            "UBER_TOKEN_URL": self.base_url + "/oauth/v2/token",
            "CONTRACT_APPS": self.apps_files[part],
        }


# A port picked free can be taken by another process before the sandbox binds it (the fault
# proof starts sandboxes two at a time): a sandbox that exits before serving is started again
# on another port, this many times in all.
START_ATTEMPTS = 3


@contextmanager
def local_sandbox(
    *, strict: bool = True, log_path: str | None = None, sets: int = 1
) -> Iterator[RunningSandbox]:
    """The local sandbox on a free loopback port, in strict mode unless told otherwise, with
    `sets` sets of the suite's applications (`suite_applications`)."""
    folder = tempfile.mkdtemp(prefix="contract-apps-")
    application_sets = [suite_applications() for _ in range(max(1, sets))]
    apps_files = []
    for index, applications in enumerate(application_sets):
        # The suite reads its own set (`CONTRACT_APPS`); the sandbox registers them all.
        own = Path(folder) / f"apps-{index}.json"
        own.write_text(json.dumps(applications), encoding="utf-8")
        apps_files.append(str(own))
    apps_file = Path(folder) / "apps.json"
    apps_file.write_text(
        json.dumps([app for applications in application_sets for app in applications]),
        encoding="utf-8",
    )
    # Without a log of the caller's, the sandbox's output goes to a file of its own, so that a
    # sandbox that does not start says why.
    log_file = Path(log_path) if log_path else Path(folder) / "sandbox.log"
    try:
        process, base_url = _start(apps_file, log_file, strict)
        try:
            yield RunningSandbox(
                base_url=base_url,
                process=process,
                application_sets=application_sets,
                apps_files=apps_files,
            )
        finally:
            _stop(process)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _start(apps_file: Path, log_file: Path, strict: bool) -> tuple[subprocess.Popen, str]:
    """A serving sandbox and its URL, started again on another port when it exits before
    serving (START_ATTEMPTS in all)."""
    for attempt in range(1, START_ATTEMPTS + 1):
        port = free_port()
        command = [sys.executable, "-m", "mock_server", "--host", "127.0.0.1"]
        command += ["--port", str(port), "--spec", str(SPEC_PATH), "--apps", str(apps_file)]
        # A test process killed before it stops its sandbox (pytest-xdist kills a worker
        # that has not exited 10 s after the run) leaves no sandbox behind.
        command.append("--exit-with-parent")
        if strict:
            command.append("--strict")
        with open(log_file, "w") as log:
            process = subprocess.Popen(
                command,
                cwd=REPO_ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
        base_url = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(base_url + "/", process=process)
            return process, base_url
        except RuntimeError as error:
            exited = process.poll() is not None  # else it hung: starting again won't help
            _stop(process)
            if not exited or attempt == START_ATTEMPTS:
                output = log_file.read_text(encoding="utf-8", errors="replace")[-2000:]
                raise RuntimeError(
                    f"the local sandbox did not start ({error}); its output:\n{output}"
                ) from None
    raise AssertionError("unreachable: the last attempt returns or raises")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
