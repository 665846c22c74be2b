"""Every request the contract suite sends goes through Schemathesis' transport, so the
profiles' rate limits and the HAR report see it: generated cases, stateful steps, the
checks' own requests, token requests, the generated client's requests in the flows, and
restoring the sandbox. A request sent around the transport reaches the server without
appearing in the HAR, which is what the first test counts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn

from contract_tests import auth, suite, target
from contract_tests import run as run_state
from contract_tests.client_transport import DocumentTransport, UnknownRequest
from contract_tests.faults import FaultProxy
from contract_tests.faults.proxy import RELAY_PATH
from contract_tests.sandbox import free_port, local_sandbox, wait_until_serving
from contract_tests.target import REPO_ROOT
from contract_tests.traffic import TRAFFIC, sanitize_body

# Variables of the outer run that must not leak into the inner one.
SCRUBBED_PREFIXES = ("CONTRACT_", "UBER_", "BASE_URL", "PYTEST_")
# A small run that still takes every path a request can take: flows through the generated
# client (a token refreshed on 401, the token endpoint, the surge flow that moves the clock,
# so the run restores it at the end), two operations whose checks read trips back and probe
# with the other applications, and a few stateful sequences.
INNER_FILES = (
    "contract_tests/test_flows.py",
    "contract_tests/test_operations.py",
    "contract_tests/test_stateful.py",
)
INNER_SELECTION = (
    "on_demand or auth_failures or stale_token or token_endpoint or fare_flow "
    "or conforms or Workflow"
)


class _Counting:
    """An ASGI app in front of another that notes each HTTP request it passes on."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.received: list[tuple[str, str]] = []

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        # Webhook deliveries the sandbox sends to the proxy's relay are the sandbox's
        # requests, not the suite's: they are not counted.
        if scope["type"] == "http" and not scope["path"].startswith(RELAY_PATH):
            raw = scope.get("raw_path") or scope["path"].encode()
            self.received.append((scope["method"], raw.decode("latin-1")))
        await self.app(scope, receive, send)


@contextmanager
def counting_proxy(upstream: str) -> Iterator[tuple[str, _Counting]]:
    """A proxy to `upstream` on a free loopback port that counts what it forwards."""
    counting = _Counting(FaultProxy(upstream, None))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(counting, host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/")
        counting.received.clear()
        yield url, counting
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _har_requests(path: Path) -> list[tuple[str, str]]:
    entries = json.loads(path.read_text(encoding="utf-8"))["log"]["entries"]
    return [
        (entry["request"]["method"], urlsplit(entry["request"]["url"]).path) for entry in entries
    ]


def _difference(more: list[tuple[str, str]], fewer: list[tuple[str, str]]) -> list[str]:
    missing = Counter(more) - Counter(fewer)
    return [f"{count}x {method} {path}" for (method, path), count in missing.most_common(10)]


def test_every_request_the_sandbox_receives_is_in_the_har(tmp_path: Path) -> None:
    with (
        local_sandbox(log_path=str(tmp_path / "local-sandbox.log")) as sandbox,
        counting_proxy(sandbox.base_url) as (proxy_url, counting),
    ):
        env = {k: v for k, v in os.environ.items() if not k.startswith(SCRUBBED_PREFIXES)}
        env.update(sandbox.env())
        env.update(
            {
                "BASE_URL": proxy_url,
                "UBER_TOKEN_URL": proxy_url + "/oauth/v2/token",
                "CONTRACT_REPORTS_DIR": str(tmp_path / "reports"),
                "CONTRACT_SUMMARY": str(tmp_path / "summary.json"),
                "CONTRACT_OPERATIONS": "createGuestTrip,getGuestTrip",
                "CONTRACT_PHASES": "examples,fuzzing",
                "CONTRACT_MAX_EXAMPLES": "3",
                "CONTRACT_STATEFUL_EXAMPLES": "3",
                "CONTRACT_SEED": "1",
            }
        )
        command = [sys.executable, "-m", "pytest", *INNER_FILES, "-k", INNER_SELECTION]
        command += ["-p", "no:cacheprovider", "-p", "no:randomly", "-q", "-o", "addopts="]
        result = subprocess.run(
            command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        received = list(counting.received)
    output = (result.stdout + result.stderr)[-4000:]
    assert result.returncode == 0, output
    har = tmp_path / "reports" / "contract.har"
    recorded = _har_requests(har)
    assert len(received) == len(recorded), (
        f"the sandbox received {len(received)} requests, the HAR shows {len(recorded)}; "
        f"sent around Schemathesis' transport: {_difference(received, recorded)}; "
        f"in the HAR but never received: {_difference(recorded, received)}"
    )
    assert Counter(received) == Counter(recorded)
    # Both JUnit reports keep their tests (one writer per file: a second would empty it).
    reports = tmp_path / "reports"
    assert "Stateful tests" in (reports / "junit-stateful.xml").read_text(encoding="utf-8")
    assert "/v1/guests/trips" in (reports / "junit.xml").read_text(encoding="utf-8")
    # The run took the paths that send requests of their own.
    token_path = target.token_path()
    assert ("POST", token_path) in recorded, "no token request in the HAR"
    assert ("POST", "/__sandbox/clock") in recorded, "the clock was neither moved nor reset"
    # Sanitized: no application's secret, and no token issued, is written in it.
    text = har.read_text(encoding="utf-8")
    for application in sandbox.applications:
        assert application["client_secret"] not in text, "a client secret is in the HAR"
    tokens = [
        entry["response"]["content"].get("text") or ""
        for entry in json.loads(text)["log"]["entries"]
        if urlsplit(entry["request"]["url"]).path == token_path
        and entry["response"]["status"] == 200
    ]
    assert tokens and all('"access_token": "[Filtered]"' in body for body in tokens), tokens[:2]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    log = tmp_path_factory.mktemp("sandbox") / "sandbox.log"
    with local_sandbox(strict=False, log_path=str(log)) as running:
        yield running


def remote_run(
    monkeypatch: pytest.MonkeyPatch, base_url: str, client_id: str = "id", secret: str = "s"
) -> run_state.Run:
    """The run of the suite in this process against `base_url` with the remote profile, and
    tokens from a host other than `BASE_URL` (`localhost` for `127.0.0.1`), as from Uber's
    auth host. Nothing it sends goes to another run's HAR."""
    for name in list(os.environ):
        if name.startswith(("CONTRACT_", "UBER_", "BASE_URL")):
            monkeypatch.delenv(name)
    port = urlsplit(base_url).port
    monkeypatch.setenv("BASE_URL", base_url)
    monkeypatch.setenv("CONTRACT_PROFILE", "remote")
    monkeypatch.setenv("UBER_CLIENT_ID", client_id)
    monkeypatch.setenv("UBER_CLIENT_SECRET", secret)
    monkeypatch.setenv("UBER_TOKEN_URL", f"http://localhost:{port}/oauth/v2/token")
    monkeypatch.setattr(TRAFFIC, "_writer", None)
    state = run_state.Run(target.from_env())
    monkeypatch.setattr(run_state, "_RUN", state)
    return state


@pytest.fixture
def local_run(monkeypatch: pytest.MonkeyPatch, sandbox: Any) -> run_state.Run:
    """The remote profile against the local sandbox, with its primary application."""
    primary = sandbox.applications[0]
    return remote_run(monkeypatch, sandbox.base_url, primary["client_id"], primary["client_secret"])


@pytest.fixture
def offline_run(monkeypatch: pytest.MonkeyPatch) -> run_state.Run:
    """The remote profile against a port where nothing listens (nothing may be sent)."""
    return remote_run(monkeypatch, "http://127.0.0.1:9")


def test_token_requests_go_through_the_token_endpoints_rate_limit(
    local_run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import schemathesis.transport.requests as requests_transport

    acquired: list[Any] = []
    original = requests_transport.ratelimit

    def noted(limiter: Any, base_url: str | None) -> Any:
        acquired.append(limiter)
        return original(limiter, base_url)

    monkeypatch.setattr(requests_transport, "ratelimit", noted)
    assert not local_run.target.serves_token_endpoint
    assert local_run.tokens().app.get()
    operation = local_run.token_operation()
    assert operation.definition.raw["operationId"] == suite.TOKEN_OPERATION
    # The remote profile's limiter of the token endpoint (schemathesis.toml), not none.
    limiter = operation.schema.config.rate_limit_for(operation=operation)
    assert limiter is not None
    assert acquired == [limiter]


def test_the_clients_requests_are_sent_as_cases_of_their_operation(local_run: Any) -> None:
    base_url = local_run.target.base_url
    transport = DocumentTransport(base_url)
    operation, parameters = transport.operation_of(
        "GET", httpx.URL(base_url + "/v1/guests/trips/8d1e5e0a-7a4b-4cde-9c3a-1f2e3d4c5b6a")
    )
    assert operation.definition.raw["operationId"] == "getGuestTrip"
    assert parameters == {"request_id": "8d1e5e0a-7a4b-4cde-9c3a-1f2e3d4c5b6a"}
    # A literal segment wins over a path parameter.
    tip, parameters = transport.operation_of("POST", httpx.URL(base_url + "/v1/guests/trips/tip"))
    assert tip.definition.raw["operationId"] == "tipGuestTrip" and parameters == {}
    # Sent and answered through Schemathesis' transport, as the client expects.
    with httpx.Client(base_url=base_url, transport=transport) as client:
        answer = client.get("/v1/guests/trips/8d1e5e0a-7a4b-4cde-9c3a-1f2e3d4c5b6a")
    assert answer.status_code == 401 and answer.json()["code"] == "unauthorized"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/guests/nothing-here"),
        ("PATCH", "/v1/guests/trips"),
        ("GET", "/__sandbox/clock"),
    ],
)
def test_a_request_that_is_no_operation_fails_loudly(
    offline_run: Any, method: str, path: str
) -> None:
    """Not an operation of the document, or not one the target is tested with (the remote
    profile leaves the local sandbox's controls out): never sent."""
    base_url = offline_run.target.base_url
    with (
        httpx.Client(base_url=base_url, transport=DocumentTransport(base_url)) as client,
        pytest.raises(UnknownRequest, match=path),
    ):
        client.request(method, path)


def test_a_request_to_another_host_fails_loudly(offline_run: Any) -> None:
    transport = DocumentTransport(offline_run.target.base_url)
    with pytest.raises(UnknownRequest, match="not a request to the server under test"):
        transport.operation_of("GET", httpx.URL("http://127.0.0.2:1/v1/guests/trips"))


def test_sensitive_fields_of_bodies_are_masked() -> None:
    sanitization = suite.config().projects.default.output.sanitization
    form = b"client_id=app&client_secret=s3cr3t-value&grant_type=client_credentials"
    masked = sanitize_body(form, "application/x-www-form-urlencoded", sanitization)
    assert masked is not None and b"s3cr3t-value" not in masked and b"app" not in masked
    assert b"grant_type=client_credentials" in masked
    answer = b'{"access_token": "KA.abcdefgh", "expires_in": 2592000}'
    masked = sanitize_body(answer, "application/json", sanitization)
    assert masked is not None and b"KA.abcdefgh" not in masked and b"2592000" in masked
    multipart = (
        b'--b\r\nContent-Disposition: form-data; name="client_secret"\r\n\r\ns3cr3t-value\r\n'
        b'--b\r\nContent-Disposition: form-data; name="scope"\r\n\r\nguests.trips\r\n--b--\r\n'
    )
    masked = sanitize_body(multipart, "multipart/form-data", sanitization)
    assert masked is not None and b"s3cr3t-value" not in masked and b"guests.trips" in masked
    # A body with nothing to mask is left byte for byte.
    trip = b'{"request_id":"x","status":"processing"}'
    assert sanitize_body(trip, "application/json", sanitization) is trip


def test_a_token_url_of_another_shape_is_still_a_case_of_the_token_operation(
    offline_run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[dict[str, Any]] = []

    def send(operation: Any, **kwargs: Any) -> httpx.Response:
        sent.append({"operation": operation.definition.raw["operationId"], **kwargs})
        return httpx.Response(200, json={"access_token": "t0ken-value"})

    monkeypatch.setattr(offline_run, "send", send)
    auth.post_through_transport("https://auth.example/prefix/oauth/v2/token", {"scope": "s"})
    auth.post_through_transport("https://auth.example/token", {"scope": "s"})
    assert [s["operation"] for s in sent] == [suite.TOKEN_OPERATION] * 2
    assert sent[0]["base_url"] == "https://auth.example/prefix" and "url" not in sent[0]
    assert sent[1]["url"] == "https://auth.example/token"
    assert all(s["media_type"] == auth.FORM and s["body"] == {"scope": "s"} for s in sent)
