"""The sandbox and the listener as the user runs them: separate processes on loopback."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx

from contract_tests.sandbox import free_port, wait_until_serving
from scripts.spec_tools import REPO_ROOT, spec_path


@dataclass
class Server:
    base_url: str
    process: subprocess.Popen[bytes]

    def token(
        self, client_id: str = "sandbox-client-id", secret: str = "sandbox-client-secret"
    ) -> dict[str, str]:
        answer = httpx.post(
            f"{self.base_url}/oauth/v2/token",
            data={
                "client_id": client_id,
                "client_secret": secret,
                "grant_type": "client_credentials",
            },
        )
        answer.raise_for_status()
        return {"authorization": "Bearer " + answer.json()["access_token"]}


def _stop(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def sandbox_process(*options: str) -> Iterator[Server]:
    """``python -m mock_server`` (strict) on a free loopback port, with ``options``."""
    port = free_port()
    command = [sys.executable, "-m", "mock_server", "--port", str(port), "--strict"]
    command += ["--spec", str(spec_path()), *options]
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=clean_environment(),
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base_url + "/", process=process)
        yield Server(base_url, process)
    finally:
        _stop(process)


@dataclass
class Lines:
    """A process's output, line by line, read on a thread (so a test waits on a queue)."""

    process: subprocess.Popen[str]
    lines: queue.Queue[str]
    seen: list[str]

    def next(self, timeout: float = 20.0) -> str:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no output within {timeout} s; so far: {self.seen}") from None
        self.seen.append(line)
        return line

    def until(self, text: str, timeout: float = 20.0) -> str:
        while True:
            line = self.next(timeout)
            if text in line:
                return line


@contextmanager
def listener_process(*options: str) -> Iterator[Lines]:
    command = [sys.executable, "-m", "uber_guest_rides_webhooks", "listen", *options]
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=clean_environment(),
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        yield Lines(process, lines, [])
    finally:
        _stop(process)
        reader.join(5)


def clean_environment() -> dict[str, str]:
    """This process's environment without the settings that point a client at a server:
    the contract suite sets them for its own run (`make test` runs it in the same process),
    and a listener started here must use its own defaults."""
    drop = ("UBER_", "CONTRACT_", "BASE_URL")
    env = {name: value for name, value in os.environ.items() if not name.startswith(drop)}
    env["PYTHONUNBUFFERED"] = "1"
    return env
