"""Start the local sandbox on a free port for a test run, and stop it afterwards."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

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


def dev_credentials() -> tuple[str, str]:
    """The local sandbox's first-party development application (scopes guests.trips, request)."""
    from mock_server.auth import DEV_APPLICATIONS

    app = next(a for a in DEV_APPLICATIONS if not a.third_party and "request" in a.scopes)
    return app.client_id, app.client_secret


@dataclass
class RunningSandbox:
    base_url: str
    process: subprocess.Popen

    def env(self) -> dict[str, str]:
        """The environment that points the suite at this sandbox, with its dev credentials."""
        client_id, client_secret = dev_credentials()
        return {
            "BASE_URL": self.base_url,
            "CONTRACT_TARGET": LOCAL_SANDBOX,
            "UBER_CLIENT_ID": client_id,
            "UBER_CLIENT_SECRET": client_secret,
            "UBER_TOKEN_URL": self.base_url + "/oauth/v2/token",
        }


@contextmanager
def local_sandbox(*, strict: bool = True, log_path: str | None = None) -> Iterator[RunningSandbox]:
    """The local sandbox on a free loopback port, in strict mode unless told otherwise."""
    port = free_port()
    command = [sys.executable, "-m", "mock_server", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--spec", str(SPEC_PATH)]
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
        yield RunningSandbox(base_url=base_url, process=process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if not isinstance(log, int):
            log.close()
