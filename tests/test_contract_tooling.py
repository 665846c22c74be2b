"""The contract suite's plumbing: target selection, exclusions, tokens, summaries, reports."""

from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from contract_tests import auth, checks, hooks, recorder, sanitization, target
from contract_tests import run as run_state
from contract_tests.suite import raw_document


def _target(monkeypatch: pytest.MonkeyPatch, **env: str) -> target.Target:
    for name in (
        "BASE_URL",
        "CONTRACT_PROFILE",
        "CONTRACT_TARGET",
        "UBER_TOKEN",
        "UBER_CLIENT_ID",
        "UBER_CLIENT_SECRET",
        "UBER_TOKEN_URL",
        "UBER_USER_TOKEN",
        "UBER_ORG_UUID",
        "UBER_SANDBOX_RUN_UUID",
        "CONTRACT_APPS",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return target.from_env()


def test_loopback_servers_get_the_full_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = _target(monkeypatch, BASE_URL="http://127.0.0.1:8000/")
    assert chosen.profile == "full" and chosen.base_url == "http://127.0.0.1:8000"
    assert chosen.token_url == "http://127.0.0.1:8000/oauth/v2/token"


def test_remote_servers_get_the_remote_profile_and_the_documents_token_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen = _target(monkeypatch, BASE_URL="https://sandbox-api.uber.com")
    assert chosen.remote
    document = raw_document()
    flows = document["components"]["securitySchemes"]["guestOAuth"]["flows"]
    assert chosen.token_url == flows["clientCredentials"]["tokenUrl"]
    assert not chosen.serves_token_endpoint


def test_credentials_go_only_to_a_host_the_user_named(monkeypatch: pytest.MonkeyPatch) -> None:
    staging = _target(monkeypatch, BASE_URL="https://staging.example.com/api")
    assert staging.token_url == "https://staging.example.com/api/oauth/v2/token"
    assert "BASE_URL" in staging.token_url_reason
    named = _target(
        monkeypatch,
        BASE_URL="https://staging.example.com",
        UBER_TOKEN_URL="https://login.example.com/token",
    )
    assert named.token_url == "https://login.example.com/token"


def test_the_chosen_profile_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    remote = _target(monkeypatch, BASE_URL="https://staging.example.com", UBER_TOKEN="t0ken-value")
    assert "profile: remote (BASE_URL is not a loopback address" in remote.describe()
    assert "CONTRACT_APPS" in remote.describe()
    local = _target(monkeypatch, BASE_URL="http://127.0.0.1:9")
    assert "profile: full (BASE_URL is a loopback address)" in local.describe()


def test_st_run_names_the_server_with_url(monkeypatch: pytest.MonkeyPatch) -> None:
    _target(monkeypatch, BASE_URL="http://127.0.0.1:1")
    monkeypatch.delenv("BASE_URL")
    argv = ["st", "run", "openapi/guest-rides.yaml", "--url", "http://127.0.0.1:7/", "-H", "x: y"]
    assert target.from_env(argv=argv).base_url == "http://127.0.0.1:7"
    assert target.base_url_from_argv(["st", "run", "--url=http://h:1"]) == "http://h:1"
    with pytest.raises(target.TargetError, match="BASE_URL"):
        target.from_env(argv=["st", "run", "openapi/guest-rides.yaml"])


def test_further_applications_come_from_the_apps_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    apps = tmp_path / "apps.json"
    apps.write_text(
        json.dumps(
            [
                {"client_id": "primary", "client_secret": "s1"},
                {"client_id": "second", "client_secret": "s2"},
                {
                    "client_id": "third",
                    "client_secret": "s3",
                    "third_party": True,
                    "organizations": ["7d3f1c2a-9b8e-4f6d-a5c4-2e1b0d9f8a7c"],
                },
            ]
        )
    )
    chosen = _target(
        monkeypatch,
        BASE_URL="http://127.0.0.1:1",
        UBER_CLIENT_ID="primary",
        CONTRACT_APPS=str(apps),
    )
    assert chosen.second_app is not None and chosen.second_app.client_id == "second"
    assert chosen.third_party_app is not None
    assert chosen.third_party_app.organization == "7d3f1c2a-9b8e-4f6d-a5c4-2e1b0d9f8a7c"
    third = auth.Tokens(chosen, chosen.third_party_app)
    assert third.context_headers() == {
        "x-uber-organizationuuid": "7d3f1c2a-9b8e-4f6d-a5c4-2e1b0d9f8a7c"
    }


def test_a_header_given_on_the_command_line_is_the_credential() -> None:
    def case(headers: dict) -> SimpleNamespace:
        config = SimpleNamespace(headers_for=lambda operation: headers)
        return SimpleNamespace(operation=SimpleNamespace(schema=SimpleNamespace(config=config)))

    assert hooks._given_on_command_line(case({"Authorization": "Bearer x"}))
    assert not hooks._given_on_command_line(case({"X-Other": "1"}))


def test_generated_headers_that_frame_the_message_are_not_sent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A generated `transfer-encoding: -rfE` made the sandbox's HTTP parser answer a
    plain-text 400 (an undocumented content type) before the API saw the request."""
    run_state.reset(_target(monkeypatch, BASE_URL="http://127.0.0.1:9", UBER_TOKEN="t"))
    headers = {
        "Transfer-Encoding": "-rfE",
        "content-length": "7",
        "Connection": "upgrade",
        "srcset": "kept",
        "x-uber-organizationuuid": "kept too",
    }
    case = SimpleNamespace(
        headers=headers,
        meta=None,
        operation=SimpleNamespace(headers=[], definition=SimpleNamespace(raw={})),
    )
    try:
        hooks.before_call(None, case, {})
    finally:
        run_state.reset()
    assert case.headers == {"srcset": "kept", "x-uber-organizationuuid": "kept too"}


def test_each_xdist_worker_writes_reports_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    from contract_tests import suite

    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    assert suite.worker_file("junit.xml") == "junit.xml"
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    assert suite.worker_file("junit.xml") == "junit.gw1.xml"
    assert suite.worker_file("contract-summary.json") == "contract-summary.gw1.json"


def test_the_contract_suite_is_one_unit_of_work_for_xdist() -> None:
    """Its modules share the sandbox the suite starts and run in order: one worker runs them
    all; any other file is a unit of its own (its module fixtures set up once)."""
    import conftest

    assert conftest.unit_of("contract_tests/test_flows.py::test_x") == "contract_tests"
    assert conftest.unit_of("contract_tests/test_operations.py::test_y[GET /a]") == (
        "contract_tests"
    )
    assert conftest.unit_of("tests/test_dist.py::test_z[a::b]") == "tests/test_dist.py"
    assert conftest.FIRST[0] == "contract_tests"


def _runner() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "contract_runner", target.REPO_ROOT / "scripts" / "contract.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_runners_parts_share_every_operation_once() -> None:
    runner = _runner()
    weights = runner.operation_weights(raw_document())
    operations = {
        operation["operationId"]
        for item in raw_document()["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    assert set(weights) == operations
    # The body with the most fields weighs most: trip creation.
    assert max(weights, key=weights.get) == "createGuestTrip"
    first, second = runner.split_operations(weights, 2)
    assert sorted(first + second) == sorted(operations)
    # The first part also runs the flows: its operations weigh less.
    assert sum(weights[name] for name in first) < sum(weights[name] for name in second)
    assert runner.split_operations({"a": 1.0}, 3) == [[], ["a"], []]


def test_the_runners_part_reports_are_merged(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = _runner()
    monkeypatch.setattr(runner, "REPORTS_DIR", tmp_path)

    def har(*started: str) -> str:
        entries = [{"startedDateTime": at, "request": {"url": at}} for at in started]
        return json.dumps({"log": {"version": "1.2", "entries": entries}})

    (tmp_path / "contract.part-1.har").write_text(har("2026-01-01T00:00:01", "2026-01-01T00:00:03"))
    (tmp_path / "contract.part-2.har").write_text(har("2026-01-01T00:00:02"))
    junit = (
        '<testsuites tests="{n}" failures="{f}" time="{t}"><testsuite name="schemathesis" '
        'tests="{n}" failures="{f}" time="{t}">{cases}</testsuite></testsuites>'
    )
    (tmp_path / "junit.part-1.xml").write_text(
        junit.format(n=1, f=0, t=5.0, cases='<testcase name="GET /a" />')
    )
    (tmp_path / "junit.part-2.xml").write_text(
        junit.format(n=2, f=1, t=7.0, cases='<testcase name="GET /b" /><testcase name="GET /c" />')
    )
    runner.merge_part_reports()

    assert sorted(p.name for p in tmp_path.iterdir()) == ["contract.har", "junit.xml"]
    entries = json.loads((tmp_path / "contract.har").read_text())["log"]["entries"]
    assert [e["startedDateTime"][-2:] for e in entries] == ["01", "02", "03"]
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.parse(tmp_path / "junit.xml").getroot()
    suites = list(root.iter("testsuite"))
    assert len(suites) == 1 and suites[0].get("tests") == "3" and suites[0].get("failures") == "1"
    assert [c.get("name") for c in root.iter("testcase")] == ["GET /a", "GET /b", "GET /c"]
    assert root.get("tests") == "3" and float(root.get("time")) == 7.0


def test_isolation_is_checked_on_trip_run_and_session_operations() -> None:
    scoped = checks.scoped_operations()
    assert {
        "getGuestTrip",
        "dispatchGuestTrip",
        "createTripCommunicationSession",
        "getRideRequest",
        "getSandboxRun",
        "setSandboxDriverState",
    } <= scoped
    assert "createGuestTrip" not in scoped and "setSandboxProductSurge" not in scoped


def test_terminal_statuses_are_read_from_the_document() -> None:
    assert checks.terminal_statuses() == {
        "no_drivers_available",
        "driver_canceled",
        "rider_canceled",
        "completed",
        "failed",
        "expired",
    }


def test_the_driver_move_probe_sends_the_state_a_new_run_already_has() -> None:
    assert checks.driver_state_on_creation() == "GO_ONLINE"


def test_a_trip_status_never_goes_back() -> None:
    checks.rule_status_never_goes_back(
        ["processing", "accepted", "driver_redispatched", "accepted", "arriving"], "t"
    )
    checks.rule_status_never_goes_back(["arriving", "driver_redispatched", "in_progress"], "t")
    checks.rule_status_never_goes_back(["in_progress", "completed", "completed"], "t")
    with pytest.raises(AssertionError, match="went back from in_progress to arriving"):
        checks.rule_status_never_goes_back(["accepted", "in_progress", "arriving"], "t")
    with pytest.raises(AssertionError, match="completed \\(terminal\\), then read as in_progress"):
        checks.rule_status_never_goes_back(["completed", "in_progress"], "t")


def test_trip_times_in_seconds_are_caught() -> None:
    trip = {
        "request_time": 1_764_000_000_000,
        "begin_trip_time": 1_764_000_060_000,
        "dropoff_time": 1_764_000_660_000,
        "trip_duration_seconds": 600,
    }
    checks.rule_times_are_plausible(trip)
    with pytest.raises(AssertionError, match="seconds"):
        checks.rule_times_are_plausible({**trip, "request_time": 1_764_000_000})
    with pytest.raises(AssertionError, match="trip_duration_seconds"):
        checks.rule_times_are_plausible({**trip, "trip_duration_seconds": 600_000})


def test_a_sandbox_without_clock_reset_gets_a_warning_not_a_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen = _target(monkeypatch, BASE_URL="http://127.0.0.1:1", CONTRACT_TARGET="local-sandbox")
    state = run_state.Run(chosen)
    state.schema = object()
    state.surged.add("b8e5c464-5de2-4539-a35a-986d6e58f186")
    state.clock_changed()
    sent = []

    def call(operation_id: str, **kwargs) -> SimpleNamespace:
        sent.append((operation_id, kwargs.get("body")))
        return SimpleNamespace(status_code=400 if operation_id == "setSandboxClock" else 200)

    monkeypatch.setattr(state, "call", call)
    notes = state.restore()
    assert ("setSandboxProductSurge", {"multiplier": 1}) in sent
    assert ("setSandboxClock", {"reset": True}) in sent
    assert len(notes) == 1 and "does not know `reset`" in notes[0]
    assert not state.surged


def test_the_table_says_which_checks_were_skipped_and_why() -> None:
    import io

    sys.path.insert(0, str(target.REPO_ROOT))
    from scripts.contract import print_summary

    out = io.StringIO()
    print_summary(
        {
            "cases": {"getGuestTrip": 3},
            "failures": [],
            "skipped": {"applications_are_isolated": "needs a second application"},
            "seed": 7,
        },
        1.0,
        "http://x",
        stream=out,
    )
    text = out.getvalue()
    assert "applications_are_isolated" in text and "skipped: needs a second application" in text
    assert "CONTRACT_SEED=7" in text


def test_st_run_works_with_a_token_on_the_command_line(tmp_path) -> None:
    """`st run DOC --url URL -H 'Authorization: Bearer T'` with the project's configuration,
    against the local sandbox, as a Schemathesis user would run it."""
    import httpx

    from contract_tests.sandbox import local_sandbox

    with local_sandbox(strict=False, log_path=str(tmp_path / "sandbox.log")) as sandbox:
        primary = sandbox.applications[0]
        issued = httpx.post(
            sandbox.base_url + "/oauth/v2/token",
            data={
                "client_id": primary["client_id"],
                "client_secret": primary["client_secret"],
                "grant_type": "client_credentials",
                "scope": "guests.trips",
            },
        ).json()["access_token"]
        env = {
            k: v
            for k, v in __import__("os").environ.items()
            if not k.startswith(("CONTRACT_", "UBER_", "BASE_URL"))
        }
        env["CONTRACT_REPORTS_DIR"] = str(tmp_path / "reports")
        result = subprocess.run(
            [
                str(target.REPO_ROOT / ".venv" / "bin" / "st"),
                "run",
                str(target.SPEC_PATH),
                "--url",
                sandbox.base_url,
                "-H",
                f"Authorization: Bearer {issued}",
                "--phases",
                "examples",
                "--max-examples",
                "2",
                "--include-operation-id",
                "createGuestTrip",
                "--include-operation-id",
                "getGuestTrip",
                "--no-color",
                # The configuration's reports go to this test's folder, not the work tree's
                # reports/ (a `make contract` there may be writing them).
                "--report-dir",
                str(tmp_path / "reports"),
                "--report-junit-path",
                str(tmp_path / "reports" / "junit.xml"),
                "--report-har-path",
                str(tmp_path / "reports" / "contract.har"),
            ],
            cwd=target.REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    output = result.stdout + result.stderr
    assert "Missing environment variable" not in output, output
    assert "AuthError" not in output and "no credentials" not in output, output
    assert result.returncode == 0, output[-3000:]


def test_profile_can_be_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _target(monkeypatch, BASE_URL="http://localhost:1", CONTRACT_PROFILE="remote").remote
    with pytest.raises(RuntimeError):
        _target(monkeypatch, BASE_URL="http://localhost:1", CONTRACT_PROFILE="everything")


def test_other_servers_do_not_get_local_only_operations(monkeypatch: pytest.MonkeyPatch) -> None:
    document = raw_document()
    local_only = {
        op["operationId"]
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and op.get(target.LOCAL_ONLY_EXTENSION)
    }
    assert local_only, "the document marks the local sandbox's controls"
    remote = _target(monkeypatch, BASE_URL="https://sandbox-api.uber.com", UBER_TOKEN="t0ken-value")
    excluded = hooks.exclusions(document, remote)
    assert local_only <= set(excluded)
    assert "createAccessToken" in excluded and "getRideRequest" in excluded
    local = _target(monkeypatch, BASE_URL="http://127.0.0.1:1", CONTRACT_TARGET="local-sandbox")
    assert hooks.exclusions(document, local) == {}


def test_each_operation_gets_the_scheme_its_security_names(monkeypatch: pytest.MonkeyPatch) -> None:
    document = raw_document()
    tokens = auth.Tokens(_target(monkeypatch, BASE_URL="http://127.0.0.1:1"))
    schemes = {
        op["operationId"]: tokens.scheme_for(op, document)
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert schemes["getRideRequest"] == auth.USER_SCHEME
    assert schemes["createGuestTrip"] == auth.APP_SCHEME
    assert schemes["createAccessToken"] is None


def _issuing_source() -> auth.TokenSource:
    """A token source whose endpoint issues "first", "second", "third" in turn."""
    issued = iter(["first", "second", "third"])

    def fake_post(url: str, data: dict) -> httpx.Response:
        assert data["grant_type"] == "client_credentials" and data["scope"] == "guests.trips"
        return httpx.Response(200, json={"access_token": next(issued)})

    return auth.TokenSource(
        fixed=None,
        token_url="http://x/t",
        client_id="id",
        client_secret="s",
        scope="guests.trips",
        post=fake_post,
    )


def test_refused_token_is_fetched_again_once() -> None:
    source = _issuing_source()
    assert source.get() == "first" and source.get() == "first"
    assert source.refresh("first") == "second"
    # Another caller that saw the same stale token does not fetch a third one.
    assert source.refresh("first") == "second"
    assert source.fetches == 2


def test_a_401_to_another_credential_keeps_the_token(monkeypatch: pytest.MonkeyPatch) -> None:
    source = _issuing_source()
    monkeypatch.setattr(hooks, "_scheme_of", lambda case: auth.APP_SCHEME)
    monkeypatch.setattr(hooks, "_given_on_command_line", lambda case: False)
    tokens = SimpleNamespace(source=lambda scheme: source)
    monkeypatch.setattr(hooks._run, "current", lambda: SimpleNamespace(tokens=lambda: tokens))
    provider = hooks.DocumentAuth()
    case: Any = SimpleNamespace(headers={})
    assert provider.get(case, None) == "first"  # type: ignore[arg-type]
    # A generated or mutated credential was refused: nothing is known of our token.
    case.headers = {"Authorization": "Bearer not-ours"}
    assert provider.get(case, None) == "first" and source.fetches == 1  # type: ignore[arg-type]
    # Our own token was refused: a new one, once.
    case.headers = {"authorization": "Bearer first"}
    assert provider.get(case, None) == "second" and source.fetches == 2  # type: ignore[arg-type]


def test_refused_credentials_do_not_leak_into_the_error() -> None:
    source = auth.TokenSource(
        fixed=None,
        token_url="http://x/t",
        client_id="id",
        client_secret="hunter22",
        scope="s",
        post=lambda *a: httpx.Response(401, json={"error": "invalid_client"}),
    )
    with pytest.raises(auth.AuthError) as error:
        source.get()
    assert "invalid_client" in str(error.value) and "hunter22" not in str(error.value)


def test_curl_lines_take_the_token_from_the_environment() -> None:
    line = "curl -X GET -H 'Authorization: [Filtered]' http://127.0.0.1:1/v1/guests/trips/x"
    assert recorder.runnable_curl(line) == (
        'curl -X GET -H "Authorization: Bearer $UBER_TOKEN" http://127.0.0.1:1/v1/guests/trips/x'
    )


def test_summaries_of_several_workers_add_up() -> None:
    failure = {"operation": "getGuestTrip", "check": "c", "title": "t", "count": 1, "curl": ""}
    merged = recorder.merge(
        [
            {"cases": {"getGuestTrip": 3}, "failures": [failure]},
            {"cases": {"getGuestTrip": 2, "createGuestTrip": 1}, "failures": [dict(failure)]},
        ]
    )
    assert merged["cases"] == {"getGuestTrip": 5, "createGuestTrip": 1}
    assert len(merged["failures"]) == 1 and merged["failures"][0]["count"] == 2


def test_reports_are_searched_for_credentials(tmp_path) -> None:
    har = tmp_path / "contract.har"
    har.write_text('{"headers": [{"name": "Authorization", "value": "Bearer sbx.abcdefgh"}]}')
    clean = tmp_path / "junit.xml"
    clean.write_text("<testsuite/>")
    assert sanitization.leaks([har, clean], ["sbx.abcdefgh"]) == [
        "contract.har: a credential (sbx...) is written in clear"
    ]
    assert sanitization.leaks([clean], ["sbx.abcdefgh"]) == []


def test_a_sandbox_whose_port_was_taken_is_started_on_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A port picked free can be taken before the sandbox binds it (the fault proof starts
    sandboxes two at a time); the sandbox is started again on another port."""
    import socket

    from contract_tests import sandbox

    pick = sandbox.free_port
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        ports = iter([held.getsockname()[1]])
        monkeypatch.setattr(sandbox, "free_port", lambda: next(ports, None) or pick())
        with sandbox.local_sandbox(strict=False) as running:
            assert running.base_url != f"http://127.0.0.1:{held.getsockname()[1]}"
            assert httpx.get(running.base_url + "/__sandbox/health").status_code == 200


def _gone(pid: int) -> bool:
    """Whether process `pid` has exited (a zombie that its new parent has not reaped yet
    has exited too)."""
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return False


def test_a_sandbox_outlives_no_test_process_killed_before_stopping_it(tmp_path) -> None:
    """pytest-xdist kills a worker that has not exited 10 s after the run; the sandbox that
    worker started must not stay behind (one did, orphaned, after a make test)."""
    import os
    import signal
    import time

    script = (
        "import sys, time\n"
        "from contract_tests.sandbox import local_sandbox\n"
        f"with local_sandbox(strict=False, log_path={str(tmp_path / 'sandbox.log')!r}) as s:\n"
        "    print(s.process.pid, flush=True)\n"
        "    time.sleep(120)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=target.REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert parent.stdout is not None
        sandbox_pid = int(parent.stdout.readline())
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if _gone(sandbox_pid):
                return
            time.sleep(0.1)
        os.kill(sandbox_pid, signal.SIGKILL)
        pytest.fail(f"the sandbox (pid {sandbox_pid}) outlived its parent by 10 s")
    finally:
        if parent.poll() is None:
            parent.kill()


def test_worker_processes_exit_with_the_parent_of_their_sandbox(tmp_path) -> None:
    """`--exit-with-parent --workers 2`: the supervisor exits with its parent, and each
    worker process with the supervisor."""
    import os
    import signal
    import time

    from contract_tests.sandbox import free_port

    port = free_port()
    script = (
        "import subprocess, sys, time\n"
        "from contract_tests.sandbox import wait_until_serving\n"
        "p = subprocess.Popen([sys.executable, '-m', 'mock_server', '--port', sys.argv[1],\n"
        "    '--store', 'sqlite:' + sys.argv[2], '--workers', '2', '--exit-with-parent'],\n"
        "    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "wait_until_serving(f'http://127.0.0.1:{sys.argv[1]}/', process=p)\n"
        "print(p.pid, flush=True)\n"
        "time.sleep(120)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script, str(port), str(tmp_path / "sandbox.db")],
        cwd=target.REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    pids: list[int] = []
    try:
        assert parent.stdout is not None
        supervisor = int(parent.stdout.readline())
        deadline = time.monotonic() + 20
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline:
            with open(f"/proc/{supervisor}/task/{supervisor}/children") as children:
                workers = [int(pid) for pid in children.read().split()]
            time.sleep(0.1)
        pids = [supervisor, *workers]
        assert len(workers) >= 2, workers
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not all(_gone(pid) for pid in pids):
            time.sleep(0.1)
        left = [pid for pid in pids if not _gone(pid)]
        assert not left, f"still running after their parent was killed: {left}"
    finally:
        if parent.poll() is None:
            parent.kill()
        for pid in pids:
            if not _gone(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_sandbox_that_cannot_start_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    from contract_tests import sandbox

    monkeypatch.setattr(sandbox, "SPEC_PATH", "no-such-document.yaml")
    with (
        pytest.raises(RuntimeError, match="(?s)did not start.*no-such-document"),
        sandbox.local_sandbox(),
    ):
        pass
