"""Benchmark the local sandbox against Prism and a bare Starlette endpoint, side by side.

    python -m scripts.bench                        # print the table
    python -m scripts.bench --write bench/RESULTS.md
    python -m scripts.bench --startup-only         # only the start-up time of the sandbox
    python -m scripts.bench --memory-only          # only the memory each stored trip takes
    python -m scripts.bench --compare none --rounds 1 --duration 5   # the stores only, quickly

The servers run on loopback at the same time, each in its own process:

- ``sandbox``: ``python -m mock_server --no-run-required`` (strict mode off, request
  validation on, creates without a sandbox run, as Prism and the ceiling get them), on the
  in-memory store; ``sandbox-sqlite``: the same on the SQLite store (``--store
  sqlite:PATH``, a fresh file; ``--sqlite-workers N`` worker processes), so that the stores
  are measured side by side (``--stores`` picks them);
- ``prism``: ``prism mock`` (``@stoplight/prism-cli``, pinned in package.json) on the same
  document;
- ``ceiling``: a bare Starlette endpoint answering fixed bytes, the same size as the
  sandbox's answers, on the same uvicorn settings as the sandbox.

Two scenarios: ``GET trip`` (one trip created first, then read again and again with a valid
token) and ``POST create`` (the document's first example body; on the sandbox every request
creates a trip). Each (server, scenario) pair is warmed up once, then measured in rounds
that interleave the servers, so that the load of a busy machine falls on all of them alike;
each figure is the median over the rounds, and the ratios are taken within each round
before their median is. The server's CPU time per request (from ``/proc``) is shown too:
it depends less on what else the machine is doing than requests per second do.

The load generator is ``wrk`` (Debian package ``wrk``); without it, a Python asyncio+httpx
generator is used, which is itself slower than the servers, so its numbers only compare
the servers with each other loosely.

The start-up time is the wall time from starting ``python -m mock_server`` to its first
successful ``GET /__sandbox/clock`` with a token from the token endpoint (median of runs),
with each store.

The memory per stored trip is measured in a fresh process per store: ``tracemalloc`` over
10,000 creates of the example body through the domain (``GuestRides.create_trip``), after a
warm-up; for the SQLite store, the file's growth per trip too (its page cache is SQLite's
own, outside Python's allocator, and bounded).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx

from mock_server.spec import load_document

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = REPO_ROOT / "openapi" / "guest-rides.yaml"
PRISM = REPO_ROOT / "node_modules" / ".bin" / "prism"
HOST = "127.0.0.1"
CLIENT_ID = "sandbox-client-id"
CLIENT_SECRET = "sandbox-client-secret"
# A token Prism accepts: it checks that a bearer token is sent, not what it is.
PRISM_TOKEN = "bench-token"
TRIPS = "/v1/guests/trips"
CLOCK = "/__sandbox/clock"
# The sandbox on each store, by server name.
SANDBOXES = {"sandbox": "memory", "sandbox-sqlite": "sqlite"}
OTHERS = ("prism", "ceiling")
SCENARIOS = ("GET trip", "POST create")
# Targets for the sandbox: (minimum ratio to Prism, minimum share of the ceiling, max p99 ms).
TARGETS: dict[str, tuple[float, float | None, float | None]] = {
    "GET trip": (5.0, 0.5, 10.0),
    "POST create": (3.0, None, None),
}


# ----------------------------------------------------------------------------- servers


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def wait_until(check: Any, timeout: float, what: str, process: subprocess.Popen[bytes]) -> None:
    """Call ``check()`` until it is true, the process dies or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with status {process.returncode}")
        try:
            if check():
                return
        except httpx.TransportError:
            pass
        time.sleep(0.02)
    raise RuntimeError(f"{what} was not ready within {timeout:.0f} s")


@contextmanager
def running(command: list[str], log: Path, env: dict[str, str] | None = None) -> Iterator[Any]:
    """Run ``command`` in the background (output to ``log``) and stop it afterwards."""
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) a process has used so far; None where /proc is missing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sandbox_token(base: str) -> str | None:
    """A token from the sandbox's token endpoint, as the README shows; None until it answers."""
    answer = httpx.post(
        f"{base}/oauth/v2/token",
        data={
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "grant_type": "client_credentials",
            "scope": "guests.trips",
        },
        timeout=5,
    )
    return str(answer.json()["access_token"]) if answer.status_code == 200 else None


def example_body(spec: Path) -> dict[str, Any]:
    """The first example of the create-trip request body in the document."""
    document = load_document(spec)
    content = document["paths"][TRIPS]["post"]["requestBody"]["content"]["application/json"]
    examples = content.get("examples") or {}
    if examples:
        return dict(next(iter(examples.values()))["value"])
    return dict(content["example"])


# ------------------------------------------------------------------------------- ceiling


def ceiling_app(get_body: bytes, post_body: bytes) -> Any:
    """A bare Starlette app answering fixed bytes on the two benchmarked paths."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    async def get_trip(request: Request) -> Response:
        return Response(get_body, media_type="application/json")

    async def create_trip(request: Request) -> Response:
        await request.body()
        return Response(post_body, media_type="application/json")

    return Starlette(
        routes=[
            Route(TRIPS + "/{request_id}", get_trip, methods=["GET"]),
            Route(TRIPS, create_trip, methods=["POST"]),
        ]
    )


def serve_ceiling(port: int, bodies: Path) -> None:
    from mock_server.__main__ import serve

    data = json.loads(bodies.read_text())
    app = ceiling_app(data["get"].encode(), data["post"].encode())
    serve(app, HOST, port, "warning")


# ------------------------------------------------------------------------ load generation

WRK_SCRIPT = """
wrk.method = "{method}"
wrk.body = [==[{body}]==]
wrk.headers["Authorization"] = "Bearer {token}"
{content_type}
done = function(summary, latency, requests)
  io.write(string.format(
    "BENCH_RESULT %d %d %d %d %d %d %d %d %d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
"""


class Load:
    """One load-generation slice: ``connections`` clients for ``seconds`` against one URL."""

    def __init__(self, method: str, url: str, token: str, body: str | None, workdir: Path):
        self.method = method
        self.url = url
        self.token = token
        self.body = body
        self.script = workdir / f"{abs(hash((method, url)))}.lua"
        self.script.write_text(
            WRK_SCRIPT.format(
                method=method,
                body=body or "",
                token=token,
                content_type='wrk.headers["Content-Type"] = "application/json"' if body else "",
            )
        )

    def run(self, seconds: float, connections: int) -> dict[str, float]:
        if shutil.which("wrk"):
            return self._wrk(seconds, connections)
        return asyncio.run(self._python(seconds, connections))

    def _wrk(self, seconds: float, connections: int) -> dict[str, float]:
        command = [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "5s",
            "-s",
            str(self.script),
            self.url,
        ]
        out = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 30, check=True
        ).stdout
        line = next(row for row in out.splitlines() if row.startswith("BENCH_RESULT"))
        requests, duration_us, p50, p99, *errors = (int(x) for x in line.split()[1:])
        return {
            "rps": requests / (duration_us / 1e6),
            "p50_ms": p50 / 1000,
            "p99_ms": p99 / 1000,
            "errors": float(sum(errors)),
            "requests": float(requests),
        }

    async def _python(self, seconds: float, connections: int) -> dict[str, float]:
        latencies: list[float] = []
        errors = 0
        headers = {"authorization": f"Bearer {self.token}"}
        if self.body:
            headers["content-type"] = "application/json"
        content = self.body.encode() if self.body else None
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        async with httpx.AsyncClient(limits=limits, timeout=5) as client:
            start = time.perf_counter()
            stop = start + seconds

            async def worker() -> None:
                nonlocal errors
                while time.perf_counter() < stop:
                    began = time.perf_counter()
                    try:
                        answer = await client.request(
                            self.method, self.url, headers=headers, content=content
                        )
                        if answer.status_code >= 400:
                            errors += 1
                    except httpx.HTTPError:
                        errors += 1
                    latencies.append(time.perf_counter() - began)

            await asyncio.gather(*(worker() for _ in range(connections)))
            elapsed = time.perf_counter() - start
        latencies.sort()

        def pick(quantile: float) -> float:
            if not latencies:
                return 0.0
            return latencies[min(len(latencies) - 1, int(quantile * len(latencies)))] * 1000

        return {
            "rps": len(latencies) / elapsed,
            "p50_ms": pick(0.50),
            "p99_ms": pick(0.99),
            "errors": float(errors),
            "requests": float(len(latencies)),
        }


# --------------------------------------------------------------------------- the run


def clock_answers(client: httpx.Client, base: str, token: list[str]) -> bool:
    """Whether ``GET /__sandbox/clock`` answers 200 (getting a token first, into ``token``)."""
    if not token:
        value = sandbox_token(base)
        if value is None:
            return False
        token.append(value)
    answer = client.get(base + CLOCK, headers={"authorization": f"Bearer {token[0]}"})
    return answer.status_code == 200


def sandbox_command(
    port: int, spec: Path, store: str, workdir: Path, workers: int = 1
) -> list[str]:
    """``python -m mock_server`` on ``port``, on ``store`` (``memory`` or ``sqlite``: a new
    file in ``workdir``)."""
    command = [sys.executable, "-m", "mock_server", "--host", HOST, "--port", str(port)]
    # creates without a sandbox run, as Prism and the ceiling get them
    command += ["--spec", str(spec), "--no-run-required"]
    if store == "sqlite":
        command += ["--store", f"sqlite:{workdir / f'bench-{port}.db'}"]
        if workers > 1:
            command += ["--workers", str(workers)]
    return command


def measure_startup(runs: int, spec: Path, store: str = "memory") -> list[float]:
    """Seconds from starting ``python -m mock_server`` to its first ``GET /__sandbox/clock``."""
    times = []
    for _ in range(runs):
        port = free_port()
        base = f"http://{HOST}:{port}"
        with tempfile.TemporaryDirectory() as tmp, httpx.Client(timeout=5) as client:
            command = sandbox_command(port, spec, store, Path(tmp))
            token: list[str] = []
            started = time.perf_counter()
            with running(command, Path(tmp) / "sandbox.log") as process:
                wait_until(
                    lambda c=client, b=base, t=token: clock_answers(c, b, t),
                    30,
                    "the sandbox",
                    process,
                )
                times.append(time.perf_counter() - started)
    return times


def measure_memory(store: str, trips: int, spec: Path) -> dict[str, float]:
    """Bytes per stored trip on ``store``: Python's allocations (``tracemalloc``) over
    ``trips`` creates through the domain, and for SQLite the file's growth."""
    import gc
    import tracemalloc

    from mock_server.clock import ManualClock
    from mock_server.domain.service import Caller, GuestRides
    from mock_server.store import open_store

    # Each create gets its own copy of the body, parsed from bytes as the server does, so
    # that the trip keeps its own strings (not ones shared with the other trips).
    raw = json.dumps(example_body(spec)).encode()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "memory.db"
        state = open_store("memory" if store == "memory" else f"sqlite:{path}")
        rides = GuestRides(state, ManualClock(int(time.time() * 1000)))
        caller = Caller("sandbox-client-id")
        for _ in range(200):  # warm-up: caches, statements, the first pages
            rides.create_trip(caller, json.loads(raw))
        gc.collect()
        size_before = path.stat().st_size if path.exists() else 0
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(trips):
            body = json.loads(raw)
            rides.create_trip(caller, body)
        del body
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        if store != "memory":
            state.close()  # checkpoints the WAL into the file
        size_after = path.stat().st_size if path.exists() else 0
    return {
        "python_bytes_per_trip": (after - before) / trips,
        "file_bytes_per_trip": (size_after - size_before) / trips,
        "trips": float(trips),
    }


def memory_in_subprocess(store: str, trips: int, spec: Path) -> dict[str, float]:
    """``measure_memory`` in a fresh process (nothing else allocated in it)."""
    command = [sys.executable, "-m", "scripts.bench", "--measure-memory", store]
    command += ["--memory-trips", str(trips), "--spec", str(spec)]
    out = subprocess.run(
        command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=900, check=True
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def render_memory(memory: dict[str, dict[str, float]]) -> str:
    lines = [
        "| store | Python heap per stored trip | file per stored trip |",
        "|---|---:|---:|",
    ]
    for store, row in memory.items():
        file_bytes = f"{row['file_bytes_per_trip']:,.0f} B" if store != "memory" else "–"
        lines.append(f"| {store} | {row['python_bytes_per_trip']:,.0f} B | {file_bytes} |")
    return "\n".join(lines)


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def servers_of(args: argparse.Namespace) -> list[str]:
    """The servers to measure: the sandbox on each store asked for, then the comparisons."""
    stores = [name for name, store in SANDBOXES.items() if store in args.stores]
    return stores + [name for name in OTHERS if name in args.compare]


def run_bench(args: argparse.Namespace) -> dict[str, Any]:
    spec = Path(args.spec).resolve()
    body = json.dumps(example_body(spec), separators=(",", ":"))
    servers = servers_of(args)
    sandboxes = [name for name in servers if name in SANDBOXES]
    ports = {name: free_port() for name in servers}
    bases = {name: f"http://{HOST}:{port}" for name, port in ports.items()}
    facts: dict[str, Any] = {"load_before": load_average()}
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        pids: dict[str, int] = {}
        tokens: dict[str, str] = {}
        trip_ids: dict[str, str] = {}
        answers: dict[str, str] = {}
        for name in sandboxes:
            workers = args.sqlite_workers if SANDBOXES[name] == "sqlite" else 1
            command = sandbox_command(ports[name], spec, SANDBOXES[name], workdir, workers)
            process = stack.enter_context(running(command, workdir / f"{name}.log"))
            pids[name] = process.pid
            token: list[str] = []

            def sandbox_ready(base: str = bases[name], token: list[str] = token) -> bool:
                value = sandbox_token(base)
                if value:
                    token.append(value)
                return bool(value)

            wait_until(sandbox_ready, 60, name, process)
            tokens[name] = token[0]
            auth = {"authorization": f"Bearer {token[0]}", "content-type": "application/json"}
            created = httpx.post(bases[name] + TRIPS, content=body, headers=auth, timeout=5)
            created.raise_for_status()
            trip_ids[name] = created.json()["request_id"]
            got = httpx.get(f"{bases[name]}{TRIPS}/{trip_ids[name]}", headers=auth, timeout=5)
            got.raise_for_status()
            answers.setdefault("get", got.text)
            answers.setdefault("post", created.text)
        any_trip = next(iter(trip_ids.values()))

        if "ceiling" in servers:
            bodies = workdir / "ceiling.json"
            bodies.write_text(json.dumps(answers))
            ceiling = stack.enter_context(
                running(
                    [sys.executable, "-m", "scripts.bench", "--serve-ceiling"]
                    + [str(ports["ceiling"]), "--ceiling-bodies", str(bodies)],
                    workdir / "ceiling.log",
                )
            )
            wait_until(
                lambda: httpx.get(f"{bases['ceiling']}{TRIPS}/x", timeout=5).status_code == 200,
                30,
                "the ceiling",
                ceiling,
            )
            pids["ceiling"], tokens["ceiling"], trip_ids["ceiling"] = (
                ceiling.pid,
                PRISM_TOKEN,
                any_trip,
            )
        if "prism" in servers:
            if not PRISM.exists():
                raise SystemExit(f"{PRISM.relative_to(REPO_ROOT)} is missing: run `make setup`")
            prism = stack.enter_context(
                running(
                    [str(PRISM), "mock", "-h", HOST, "-p", str(ports["prism"]), "-v", "error"]
                    + [str(spec)],
                    workdir / "prism.log",
                )
            )
            prism_auth = {"authorization": f"Bearer {PRISM_TOKEN}"}
            prism_trip = f"{bases['prism']}{TRIPS}/{any_trip}"
            wait_until(
                lambda: httpx.get(prism_trip, headers=prism_auth, timeout=5).status_code == 200,
                60,
                "Prism",
                prism,
            )
            check = httpx.post(
                bases["prism"] + TRIPS,
                content=body,
                headers={**prism_auth, "content-type": "application/json"},
                timeout=5,
            )
            if check.status_code != 200:
                raise SystemExit(
                    f"Prism refused the example body: {check.status_code} {check.text}"
                )
            pids["prism"], tokens["prism"], trip_ids["prism"] = prism.pid, PRISM_TOKEN, any_trip

        loads: dict[tuple[str, str], Load] = {}
        for server in servers:
            loads[(server, "GET trip")] = Load(
                "GET", f"{bases[server]}{TRIPS}/{trip_ids[server]}", tokens[server], None, workdir
            )
            loads[(server, "POST create")] = Load(
                "POST", bases[server] + TRIPS, tokens[server], body, workdir
            )

        for key, load in loads.items():
            print(f"warm-up {key[0]} / {key[1]} ({args.warmup:.0f} s)", file=sys.stderr)
            load.run(args.warmup, args.connections)
        samples: dict[tuple[str, str], list[dict[str, float]]] = {key: [] for key in loads}
        loads_during: list[str] = []
        for number in range(args.rounds):
            turn = number % len(servers)
            order = servers[turn:] + servers[:turn]
            for scenario in SCENARIOS:
                for server in order:
                    before = cpu_seconds(pids[server])
                    result = loads[(server, scenario)].run(args.duration, args.connections)
                    after = cpu_seconds(pids[server])
                    if before is not None and after is not None and result["requests"]:
                        result["cpu_us"] = (after - before) / result["requests"] * 1e6
                    samples[(server, scenario)].append(result)
                    print(
                        f"round {number + 1}/{args.rounds} {server:14} {scenario:12}"
                        f" {result['rps']:8.0f} req/s  p50 {result['p50_ms']:6.2f} ms"
                        f"  p99 {result['p99_ms']:6.2f} ms  CPU {result.get('cpu_us', 0):5.0f} µs/req"
                        f"  errors {result['errors']:.0f}",
                        file=sys.stderr,
                    )
                loads_during.append(load_average().split()[0])
    facts["load_during"] = loads_during
    facts["load_after"] = load_average()
    return {"samples": samples, "facts": facts, "servers": servers}


def summarize(samples: dict[tuple[str, str], list[dict[str, float]]]) -> dict[Any, Any]:
    """Medians over the rounds; ratios are taken within each round (same load), then medians."""
    table: dict[tuple[str, str], dict[str, float]] = {}
    for (server, scenario), results in samples.items():
        row = {
            field: statistics.median(r[field] for r in results)
            for field in ("rps", "p50_ms", "p99_ms")
        }
        cpu = [r["cpu_us"] for r in results if "cpu_us" in r]
        row["cpu_us"] = statistics.median(cpu) if cpu else float("nan")
        row["errors"] = sum(r["errors"] for r in results)
        for name, other in (
            ("x_prism", "prism"),
            ("of_ceiling", "ceiling"),
            ("of_memory", "sandbox"),
        ):
            if (other, scenario) not in samples:
                row[name] = float("nan")
                continue
            pairs = zip(results, samples[(other, scenario)], strict=True)
            row[name] = statistics.median(mine["rps"] / theirs["rps"] for mine, theirs in pairs)
        table[(server, scenario)] = row
    return table


def _ratio(value: float, template: str) -> str:
    return "–" if value != value else template.format(value)  # NaN: not measured


def render(
    table: dict[tuple[str, str], dict[str, float]],
    startup: dict[str, list[float]] | None,
    servers: list[str],
) -> tuple[str, list[str], bool]:
    lines = [
        "| scenario | server | req/s | p50 ms | p99 ms | server CPU µs/req | × Prism"
        " | % of ceiling | % of in-memory |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    verdicts: list[str] = []
    met = True
    for scenario in SCENARIOS:
        for server in servers:
            row = table[(server, scenario)]
            errors = f" ({row['errors']:.0f} errors)" if row["errors"] else ""
            lines.append(
                f"| {scenario} | {server} | {row['rps']:,.0f}{errors} | {row['p50_ms']:.2f}"
                f" | {row['p99_ms']:.2f} | {row['cpu_us']:.0f}"
                f" | {_ratio(row['x_prism'], '{:.2f}')}"
                f" | {_ratio(100 * row['of_ceiling'], '{:.0f}%')}"
                f" | {_ratio(100 * row['of_memory'], '{:.0f}%')} |"
            )
        if ("sandbox", scenario) not in table:
            continue
        sandbox = table[("sandbox", scenario)]
        ratio, share, p99 = TARGETS[scenario]
        checks = []
        if "prism" in servers:
            checks.append(
                (f"≥ {ratio:g}× Prism", f"{sandbox['x_prism']:.2f}×", sandbox["x_prism"] >= ratio)
            )
        if share is not None and "ceiling" in servers:
            checks.append(
                (
                    f"≥ {share:.0%} of the ceiling",
                    f"{sandbox['of_ceiling']:.0%}",
                    sandbox["of_ceiling"] >= share,
                )
            )
        if p99 is not None:
            checks.append(
                (f"p99 ≤ {p99:g} ms", f"{sandbox['p99_ms']:.2f} ms", sandbox["p99_ms"] <= p99)
            )
        if sandbox["errors"]:
            checks.append(("no errors", f"{sandbox['errors']:.0f}", False))
        for label, value, ok in checks:
            met = met and ok
            verdicts.append(f"- {scenario}: {label}: {value}, {'met' if ok else 'MISSED'}")
        if "prism" in servers and "ceiling" in servers:
            ceiling = table[("ceiling", scenario)]["x_prism"]
            if ceiling < ratio:
                verdicts.append(
                    f"  (the bare ceiling itself reaches only {ceiling:.2f}× Prism on this machine)"
                )
    for store, times in (startup or {}).items():
        median = statistics.median(times)
        ok = median < 2.0
        met = met and ok
        runs = ", ".join(f"{t:.2f}" for t in times)
        verdicts.append(
            f"- start-up ({store} store) to first `GET {CLOCK}` < 2 s: median {median:.2f} s"
            f" over {len(times)} runs ({runs}), {'met' if ok else 'MISSED'}"
        )
    return "\n".join(lines), verdicts, met


def versions() -> str:
    import starlette
    import uvicorn

    parts = [f"Python {sys.version.split()[0]}", f"uvicorn {uvicorn.__version__}"]
    parts.append(f"Starlette {starlette.__version__}")
    try:
        lock = json.loads((REPO_ROOT / "package-lock.json").read_text())
        prism = lock["packages"]["node_modules/@stoplight/prism-cli"]["version"]
        parts.append(f"Prism {prism}")
    except (OSError, KeyError, ValueError):
        pass
    node = shutil.which("node")
    if node:
        out = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=10)
        parts.append(f"Node {out.stdout.strip()}")
    wrk = shutil.which("wrk")
    if wrk:
        out = subprocess.run([wrk, "--version"], capture_output=True, text=True, timeout=10)
        parts.append(" ".join(out.stdout.split()[:2]))
    else:
        parts.append("load generator: Python asyncio+httpx (wrk not installed)")
    return ", ".join(parts)


def machine() -> str:
    """CPUs available to this process (as nproc counts them) and their model."""
    count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = ", " + line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{count} CPUs (nproc){model}"


def report(
    args: argparse.Namespace,
    table_text: str,
    verdicts: list[str],
    facts: dict[str, Any],
    memory_text: str | None,
) -> str:
    command = "make bench" if args.write else "python -m scripts.bench"
    loads = ", ".join(facts.get("load_during", []))
    servers = facts.get("servers", [])
    workers = f" with {args.sqlite_workers} worker processes" if args.sqlite_workers > 1 else ""
    lines = [
        "# Benchmark: local sandbox (each store) vs Prism vs a bare Starlette endpoint",
        "",
        f"Run {dt.date.today().isoformat()} with `{command}` ({args.connections} connections,"
        f" {args.warmup:g} s warm-up per pair, then {args.rounds} interleaved rounds of"
        f" {args.duration:g} s; medians over the rounds, ratios taken within each round),"
        " all on loopback.",
        "",
        f"Machine: {machine()}; load average {facts['load_before']} before,"
        f" {facts['load_after']} after (1-minute load after each scenario: {loads}). The"
        f" load generator and the {len(servers)} servers share these CPUs.",
        f"Software: {versions()}.",
        "",
        table_text,
        "",
        "Targets for the sandbox (in-memory store):",
        "",
        *verdicts,
        "",
    ]
    if memory_text:
        lines += [
            f"Memory per stored trip ({args.memory_trips:,} creates of the example body"
            " through the domain, `tracemalloc`, in a fresh process per store):",
            "",
            memory_text,
            "",
        ]
    lines.append(
        "`sandbox`: `python -m mock_server --no-run-required` (strict mode off, request"
        " validation on, creates without a sandbox run), state in memory. `sandbox-sqlite`: the same with `--store sqlite:PATH` (a fresh file)"
        f"{workers}. `prism`: `prism mock -v error` on the same document (request validation"
        " on, logging only errors). `ceiling`: a bare Starlette endpoint answering fixed bytes"
        " the size of the sandbox's answers, on the same uvicorn settings as the sandbox."
        f" Load: `wrk -t1 -c{args.connections}` with a bearer token on every request."
    )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__)
    parser.add_argument("--spec", default=os.environ.get("GUEST_RIDES_SPEC") or DEFAULT_SPEC)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds per pair, once")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--stores", type=_names, default=["memory", "sqlite"], help="memory,sqlite (the default)"
    )
    parser.add_argument(
        "--compare", type=_names, default=list(OTHERS), help="prism,ceiling (the default) or none"
    )
    parser.add_argument("--sqlite-workers", type=int, default=1, help="--workers of sandbox-sqlite")
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--startup-only", action="store_true")
    parser.add_argument("--memory-trips", type=int, default=10_000)
    parser.add_argument("--memory-only", action="store_true")
    parser.add_argument("--write", help="also write the report (Markdown) to this file")
    parser.add_argument("--serve-ceiling", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--ceiling-bodies", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--measure-memory", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.serve_ceiling:
        serve_ceiling(args.serve_ceiling, args.ceiling_bodies)
        return 0
    spec = Path(args.spec).resolve()
    if args.measure_memory:
        print(json.dumps(measure_memory(args.measure_memory, args.memory_trips, spec)))
        return 0
    memory = None
    if args.memory_trips > 0 and not args.startup_only:
        memory = {
            store: memory_in_subprocess(store, args.memory_trips, spec) for store in args.stores
        }
        if args.memory_only:
            print(render_memory(memory))
            return 0
    startup = None
    if args.startup_runs > 0:
        startup = {store: measure_startup(args.startup_runs, spec, store) for store in args.stores}
    if args.startup_only:
        for store, times in (startup or {}).items():
            runs = ", ".join(f"{t:.2f}" for t in times)
            print(f"start-up ({store}) median {statistics.median(times):.2f} s ({runs})")
        print(f"load {load_average()}")
        return 0
    result = run_bench(args)
    table = summarize(result["samples"])
    table_text, verdicts, met = render(table, startup, result["servers"])
    facts = {**result["facts"], "servers": result["servers"]}
    text = report(args, table_text, verdicts, facts, render_memory(memory) if memory else None)
    print(text)
    if args.write:
        target = Path(args.write)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    if not met:
        print("Some targets were missed (see above).", file=sys.stderr)
    return 0


def _names(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    return [] if names == ["none"] else names


if __name__ == "__main__":
    sys.exit(main())
