"""Run the contract suite against a server and summarize it per operation.

    python scripts/contract.py              # the local sandbox, started on a free port
    BASE_URL=https://... UBER_TOKEN=... python scripts/contract.py
    python scripts/contract.py st [ARGS]    # `st run` with schemathesis.toml instead of pytest
    python scripts/contract.py -- -k flows  # extra pytest arguments after `--`
    python scripts/contract.py soak 20      # 20 runs in a row, each on a fresh local sandbox
    python scripts/contract.py --jobs 1     # the local sandbox, one suite process

Without BASE_URL the local sandbox is started (strict mode: it also checks its own answers
against the document), the suite runs, the sandbox is stopped. Against the local sandbox the
suite runs in CONTRACT_JOBS (2) processes at once, each with its own set of applications
(the sandbox scopes clock, surge and webhook settings per application, so they cannot see
each other's changes): the first runs the flows, the stateful test, the webhook checks and
a share of the operations, the others the rest of the operations; their reports are merged. The summary lists the cases
run per operation and each distinct failure with the check that found it and a curl line
to reproduce it; the exit status is non-zero when anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from contextlib import ExitStack
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from contract_tests.recorder import merge  # noqa: E402
from contract_tests.target import PART_ENV, REPORTS_DIR, SPEC_PATH  # noqa: E402
from mock_server.spec import deref, load_document  # noqa: E402

SUMMARY = REPORTS_DIR / "contract-summary.json"
JOBS_ENV = "CONTRACT_JOBS"
DEFAULT_JOBS = 2
# The first process also runs the flows, the stateful test and the webhook checks. Counted
# as this share of the operations' weight (`operation_weights`), the two processes of a run
# took 42 to 62 s in 6 runs (0.5: 56 to 62 s, the second process then the longer one).
FIRST_PART_SHARE = 0.35


def operation_weights(document: dict[str, Any]) -> dict[str, float]:
    """A rough cost of testing each operation, read from its request: the coverage phase's
    cases grow with its parameters and body fields, the fuzzing phase's are capped."""

    def fields(schema: Any, depth: int = 0, seen: frozenset[str] = frozenset()) -> int:
        if not isinstance(schema, dict) or depth > 6:
            return 1
        if "$ref" in schema:
            if schema["$ref"] in seen:
                return 1
            seen = seen | {schema["$ref"]}
            schema, _ = deref(document, schema)
            if not isinstance(schema, dict):
                return 1
        count = sum(fields(v, depth + 1, seen) for v in (schema.get("properties") or {}).values())
        if "items" in schema:
            count += fields(schema["items"], depth + 1, seen)
        for key in ("oneOf", "anyOf", "allOf"):
            count += sum(fields(v, depth + 1, seen) for v in schema.get(key) or [])
        return max(count, 1)

    weights: dict[str, float] = {}
    for item in document.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            parameters = len(operation.get("parameters") or []) + len(item.get("parameters") or [])
            body = 0
            request_body = operation.get("requestBody")
            if isinstance(request_body, dict):
                request_body, _ = deref(document, request_body)
                for media in (request_body or {}).get("content", {}).values():
                    body = max(body, fields(media.get("schema") or {}))
            weights[operation["operationId"]] = 2 + parameters + 2 * body**0.5
    return weights


def split_operations(weights: dict[str, float], parts: int) -> list[list[str]]:
    """The operations in `parts` shares of about equal weight, the first share lighter by
    the flows' part of the work; heaviest first, each to the lightest share so far."""
    loads = [FIRST_PART_SHARE * sum(weights.values())] + [0.0] * (parts - 1)
    shares: list[list[str]] = [[] for _ in range(parts)]
    for operation in sorted(weights, key=lambda name: (-weights[name], name)):
        lightest = min(range(parts), key=lambda index: (loads[index], index))
        shares[lightest].append(operation)
        loads[lightest] += weights[operation]
    return [sorted(share) for share in shares]


def _summary_parts() -> list[dict]:
    parts = []
    for path in sorted(REPORTS_DIR.glob("contract-summary*.json")):
        try:
            parts.append(json.loads(path.read_text()))
        except (OSError, ValueError):
            continue
    return parts


def _clear_summaries() -> None:
    for path in REPORTS_DIR.glob("contract-summary*.json"):
        path.unlink()


def print_summary(summary: dict, elapsed: float, base_url: str, stream=sys.stdout) -> int:
    cases: dict[str, int] = summary["cases"]
    failures: list[dict] = summary["failures"]
    by_operation: dict[str, int] = {}
    for failure in failures:
        by_operation[failure["operation"]] = by_operation.get(failure["operation"], 0) + 1
    skipped: dict[str, str] = summary.get("skipped") or {}
    width = max([len(label) for label in [*cases, *skipped]] + [len("operation")])
    total = sum(cases.values())
    print(f"\nContract suite against {base_url}", file=stream)
    print(f"{'operation'.ljust(width)}  {'cases':>6}  failures", file=stream)
    for label in sorted(cases, key=lambda name: (name.startswith("flow:"), name)):
        print(f"{label.ljust(width)}  {cases[label]:>6}  {by_operation.get(label, 0)}", file=stream)
    for label in sorted(skipped):
        print(f"{label.ljust(width)}  {'-':>6}  skipped: {skipped[label]}", file=stream)
    rate = total / elapsed if elapsed > 0 else 0.0
    print(
        f"{'total'.ljust(width)}  {total:>6}  {len(failures)}"
        f"   ({elapsed:.1f} s, {rate:.0f} cases/s)",
        file=stream,
    )
    for warning in summary.get("warnings") or []:
        print(f"warning: {warning}", file=stream)
    if summary.get("seed") is not None:
        print(f"seed: {summary['seed']} (repeat with CONTRACT_SEED={summary['seed']})", file=stream)
    shown: dict[str, int] = {}
    for number, failure in enumerate(failures, 1):
        print(
            f"\n{number}. {failure['operation']}: {failure['title']} "
            f"[check: {failure['check']}] (HTTP {failure.get('status', '?')}, "
            f"seen {failure.get('count', 1)}x)",
            file=stream,
        )
        message = (failure.get("message") or "").strip()
        if message:
            print("   " + message.replace("\n", "\n   ")[:400], file=stream)
        curl = failure.get("curl") or ""
        if curl and curl in shown:
            print(f"   same request as #{shown[curl]}", file=stream)
        elif curl:
            shown[curl] = number
            print(f"   {curl}", file=stream)
    return len(failures)


def soak(runs: int, extra: list[str]) -> int:
    """`runs` complete runs in a row, each against a fresh local sandbox; passes/runs."""
    env = {k: v for k, v in os.environ.items() if k not in ("BASE_URL", "CONTRACT_SEED")}
    passed = 0
    for number in range(1, runs + 1):
        started = time.monotonic()
        code = subprocess.call(
            [sys.executable, str(Path(__file__).resolve()), *extra], cwd=REPO_ROOT, env=env
        )
        passed += code == 0
        print(
            f"soak: run {number}/{runs} {'passed' if code == 0 else 'FAILED'} "
            f"in {time.monotonic() - started:.0f} s ({passed}/{number} so far)",
            flush=True,
        )
    print(f"soak: {passed}/{runs} passed")
    return 0 if passed == runs else 1


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "soak":
        runs = int(argv[1]) if len(argv) > 1 and argv[1].isdigit() else 20
        return soak(runs, argv[2:] if len(argv) > 1 and argv[1].isdigit() else argv[1:])
    use_st = bool(argv) and argv[0] == "st"
    if use_st:
        argv = argv[1:]
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--profile", choices=["full", "remote"], help="override the profile")
    parser.add_argument(
        "--no-strict", action="store_true", help="local sandbox without strict mode"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        help=f"suite processes against the local sandbox ({JOBS_ENV}, default {DEFAULT_JOBS}); "
        "one against any other server, or when pytest arguments are given",
    )
    args, rest = parser.parse_known_args(argv)
    extra = rest + extra

    REPORTS_DIR.mkdir(exist_ok=True)
    _clear_summaries()
    env = dict(os.environ)
    if args.profile:
        env["CONTRACT_PROFILE"] = args.profile
    env["CONTRACT_SEED"] = env.get("CONTRACT_SEED") or str(random.SystemRandom().randrange(2**31))
    jobs = 1
    if not env.get("BASE_URL") and not use_st and not extra:
        jobs = max(1, args.jobs or int(env.get(JOBS_ENV) or DEFAULT_JOBS))
    running = None
    with ExitStack() as stack:
        if not env.get("BASE_URL"):
            from contract_tests.sandbox import local_sandbox

            print("Starting the local sandbox (strict mode)...", flush=True)
            running = stack.enter_context(
                local_sandbox(
                    strict=not args.no_strict,
                    log_path=str(REPORTS_DIR / "local-sandbox.log"),
                    sets=jobs,
                )
            )
            env.update(running.env())
            print(f"Local sandbox ready on {running.base_url}", flush=True)
        base_url = env["BASE_URL"]
        if not describe(env):
            return 2
        print(f"seed: {env['CONTRACT_SEED']}", flush=True)
        started = time.monotonic()
        if use_st:
            command = [sys.executable, "-m", "schemathesis.cli", "run", str(SPEC_PATH)]
            command += ["--url", base_url, "--seed", env["CONTRACT_SEED"], *extra]
            return subprocess.call(command, cwd=REPO_ROOT, env=env)
        env["CONTRACT_SUMMARY"] = str(SUMMARY)
        if jobs > 1 and running is not None:
            code = run_parts(env, running, jobs)
        else:
            code = subprocess.call(
                pytest_command(["contract_tests"], extra), cwd=REPO_ROOT, env=env
            )
        elapsed = time.monotonic() - started
    merge_part_reports()
    summary = merge(_summary_parts())
    failed = print_summary(summary, elapsed, base_url)
    if not summary["cases"]:
        print("contract: no case ran", file=sys.stderr)
        return code or 1
    if code and not failed:
        print(
            "contract: pytest failed outside the checks (an error in a test?); "
            "rerun with: python scripts/contract.py -- --tb=long",
            file=sys.stderr,
        )
    return code or (1 if failed else 0)


def pytest_command(tests: list[str], extra: list[str]) -> list[str]:
    command = [sys.executable, "-m", "pytest", *tests, "-p", "no:cacheprovider", "-q"]
    # The summary reports every failed check with a curl line; pytest's own tracebacks
    # would repeat them (pass `-- --tb=long` to see them).
    return command + ["-o", "addopts=", "--tb=no", "-rfE", *extra]


def run_parts(env: dict[str, str], running: Any, jobs: int) -> int:
    """The suite in `jobs` processes against one local sandbox, each with its own set of
    applications; the first process's output as it comes, the others' when they end."""
    selected = [name for name in env.get("CONTRACT_OPERATIONS", "").split(",") if name]
    weights = operation_weights(load_document(SPEC_PATH))
    if selected:
        weights = {name: weight for name, weight in weights.items() if name in selected}
    first, *others = split_operations(weights, jobs)
    shares = [first, *(share for share in others if share)]
    operations_tests = "contract_tests/test_operations.py"
    rest = sorted(
        str(path.relative_to(REPO_ROOT))
        for path in (REPO_ROOT / "contract_tests").glob("test_*.py")
        if path.name != Path(operations_tests).name
    )
    processes: list[tuple[subprocess.Popen, Path | None]] = []
    for index, share in enumerate(shares):
        part_env = {**env, **running.env(index), PART_ENV: str(index + 1)}
        part_env["CONTRACT_OPERATIONS"] = ",".join(share)
        tests = [operations_tests] if share else []
        if index == 0:
            tests = rest + tests  # the suite's conftest orders the modules
        what = "flows, stateful test, webhooks and " if index == 0 else ""
        print(f"part {index + 1} of {len(shares)}: {what}{len(share)} operations", flush=True)
        log = None if index == 0 else REPORTS_DIR / f"contract-part-{index + 1}.log"
        with open(log, "w") if log else open(os.devnull, "w") as out:
            process = subprocess.Popen(
                pytest_command(tests, []),
                cwd=REPO_ROOT,
                env=part_env,
                stdout=out if log else None,
                stderr=subprocess.STDOUT if log else None,
            )
        processes.append((process, log))
    codes = [process.wait() for process, _ in processes]
    for index, (_, log) in enumerate(processes):
        if log is not None:
            print(f"\n--- part {index + 1} ({log.name}) ---", flush=True)
            print(log.read_text(encoding="utf-8", errors="replace").rstrip(), flush=True)
    return next((code for code in codes if code), 0)


def merge_part_reports() -> None:
    """One report of each kind from the parts' (`junit.part-1.xml`, ...): the HAR's entries
    in the order they were sent, the JUnit files' test cases under one suite."""
    groups: dict[Path, list[Path]] = {}
    for path in sorted(REPORTS_DIR.glob("*.part-*.*")):
        stem, _, _tag = path.stem.rpartition(".part-")
        if stem:
            groups.setdefault(path.with_name(stem + path.suffix), []).append(path)
    for target, parts in groups.items():
        if target.suffix == ".har":
            _merge_har(parts, target)
        elif target.suffix == ".xml":
            _merge_junit(parts, target)
        elif target.suffix == ".json":
            target.write_text(json.dumps(merge(_read_json(parts)), indent=2) + "\n")
        else:
            continue
        for part in parts:
            part.unlink()
        if len(parts) > 1:
            print(f"contract: {target.name}: {len(parts)} parts merged", flush=True)


def _read_json(paths: list[Path]) -> list[dict[str, Any]]:
    loaded = []
    for path in paths:
        try:
            loaded.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return loaded


def _merge_har(parts: list[Path], target: Path) -> None:
    logs = [log.get("log", {}) for log in _read_json(parts)]
    if not logs:
        return
    merged = dict(logs[0])
    entries = [entry for log in logs for entry in log.get("entries", [])]
    merged["entries"] = sorted(entries, key=lambda entry: entry.get("startedDateTime", ""))
    target.write_text(json.dumps({"log": merged}, indent=2) + "\n", encoding="utf-8")


def _merge_junit(parts: list[Path], target: Path) -> None:
    counted = ("tests", "failures", "errors", "skipped")
    root: ElementTree.Element | None = None
    suites: dict[str, ElementTree.Element] = {}
    for path in parts:
        try:
            tree = ElementTree.parse(path).getroot()
        except (OSError, ElementTree.ParseError):
            continue
        if root is None:
            root = tree
            suites = {suite.get("name", ""): suite for suite in root.iter("testsuite")}
            continue
        for element in (tree, *tree.iter("testsuite")):
            mine = root if element is tree else suites.get(element.get("name", ""))
            if mine is None:
                root.append(element)
                suites[element.get("name", "")] = element
                continue
            for name in counted:
                total = int(mine.get(name) or 0) + int(element.get(name) or 0)
                mine.set(name, str(total))
            # The parts ran at the same time: the longer one is the suite's time.
            mine.set(
                "time", str(max(float(mine.get("time") or 0), float(element.get("time") or 0)))
            )
            if element is not tree:
                mine.extend(list(element))
    if root is not None:
        ElementTree.ElementTree(root).write(target, encoding="utf-8", xml_declaration=True)


def describe(env: dict[str, str]) -> bool:
    """Print the profile chosen and why, and where tokens come from; False (with the
    reason) when the environment does not describe a server that can be tested safely."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        from contract_tests.target import TargetError, from_env

        try:
            print(from_env(argv=[]).describe(), flush=True)
        except TargetError as exc:
            print(f"contract: {exc}", file=sys.stderr)
            return False
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return True


if __name__ == "__main__":
    sys.exit(main())
