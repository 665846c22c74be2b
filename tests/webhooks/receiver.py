"""A webhook receiver on 127.0.0.1 for tests: records each request, answers a chosen status."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.perf_counter)  # when it arrived


@dataclass
class Receiver:
    url: str
    requests: list[Received] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)  # answered in turn; then 200
    arrived: threading.Condition = field(default_factory=threading.Condition)

    def next_status(self) -> int:
        return self.statuses.pop(0) if self.statuses else 200

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        """Block until `count` requests arrived (a condition, not a sleep); fail after timeout."""
        return self.wait_until(lambda received: len(received) >= count, timeout)

    def wait_until(
        self, done: Callable[[list[Received]], bool], timeout: float = 20.0
    ) -> list[Received]:
        """Block until ``done(requests so far)`` holds; fail after ``timeout`` seconds."""
        with self.arrived:
            if not self.arrived.wait_for(lambda: done(self.requests), timeout):
                raise AssertionError(f"not done after {timeout} s: {len(self.requests)} requests")
            return list(self.requests)


@contextmanager
def receiver(statuses: list[int] | None = None) -> Iterator[Receiver]:
    state: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            target = state["receiver"]
            with target.arrived:
                status = target.next_status()
                target.requests.append(
                    Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                )
                target.arrived.notify_all()
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state["receiver"] = Receiver(
        f"http://127.0.0.1:{server.server_address[1]}/hooks", statuses=list(statuses or [])
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield state["receiver"]
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
