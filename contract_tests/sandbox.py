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
    """Wait until `url` answers HTTP at all (any status), or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode} before serving")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError as exc:
            last_error = exc
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s ({last_error})")


def suite_applications() -> list[dict[str, Any]]:
    """The applications the suite registers with a local sandbox it starts (`--apps`): its
    own first-party one, a second first-party one and a third-party one with its
    organization, each with a fresh secret, so the isolation checks have tenants to compare
    and nothing the suite does touches the development applications."""
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
    applications: list[dict[str, Any]] = field(default_factory=list)
    apps_file: str = ""

    def env(self) -> dict[str, str]:
        """The environment that points the suite at this sandbox, with the suite's own
        applications (the first is the primary one)."""
        primary = self.applications[0]
        return {
            "BASE_URL": self.base_url,
            "CONTRACT_TARGET": LOCAL_SANDBOX,
            "UBER_CLIENT_ID": primary["client_id"],
            "UBER_CLIENT_SECRET": primary["client_secret"],
            "UBER_TOKEN_URL": self.base_url + "/oauth/v2/token",
            "CONTRACT_APPS": self.apps_file,
        }


@contextmanager
def local_sandbox(*, strict: bool = True, log_path: str | None = None) -> Iterator[RunningSandbox]:
    """The local sandbox on a free loopback port, in strict mode unless told otherwise."""
    port = free_port()
    folder = tempfile.mkdtemp(prefix="contract-apps-")
    applications = suite_applications()
    apps_file = Path(folder) / "apps.json"
    apps_file.write_text(json.dumps(applications), encoding="utf-8")
    command = [sys.executable, "-m", "mock_server", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--spec", str(SPEC_PATH), "--apps", str(apps_file)]
    if strict:
        command.append("--strict")
    log = open(log_path, "w") if log_path else subprocess.DEVNULL  # noqa: SIM115
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
        yield RunningSandbox(
            base_url=base_url,
            process=process,
            applications=applications,
            apps_file=str(apps_file),
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if not isinstance(log, int):
            log.close()
