"""Run the contract suite against a server and summarize it per operation.

    python scripts/contract.py              # the local sandbox, started on a free port
    BASE_URL=https://... UBER_TOKEN=... python scripts/contract.py
    python scripts/contract.py st [ARGS]    # `st run` with schemathesis.toml instead of pytest
    python scripts/contract.py -- -k flows  # extra pytest arguments after `--`
    python scripts/contract.py soak 20      # 20 runs in a row, each on a fresh local sandbox

Without BASE_URL the local sandbox is started (strict mode: it also checks its own answers
against the document), the suite runs, the sandbox is stopped. The summary lists the cases
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
from contextlib import ExitStack
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from contract_tests.recorder import merge  # noqa: E402
from contract_tests.target import REPORTS_DIR, SPEC_PATH  # noqa: E402

SUMMARY = REPORTS_DIR / "contract-summary.json"


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
    args, rest = parser.parse_known_args(argv)
    extra = rest + extra

    REPORTS_DIR.mkdir(exist_ok=True)
    _clear_summaries()
    env = dict(os.environ)
    if args.profile:
        env["CONTRACT_PROFILE"] = args.profile
    env["CONTRACT_SEED"] = env.get("CONTRACT_SEED") or str(random.SystemRandom().randrange(2**31))
    with ExitStack() as stack:
        if not env.get("BASE_URL"):
            from contract_tests.sandbox import local_sandbox

            print("Starting the local sandbox (strict mode)...", flush=True)
            running = stack.enter_context(
                local_sandbox(
                    strict=not args.no_strict, log_path=str(REPORTS_DIR / "local-sandbox.log")
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
        command = [sys.executable, "-m", "pytest", "contract_tests", "-p", "no:cacheprovider", "-q"]
        # The summary below reports every failed check with a curl line; pytest's own
        # tracebacks would repeat them (pass `-- --tb=long` to see them).
        command += ["-o", "addopts=", "--tb=no", "-rfE", *extra]
        code = subprocess.call(command, cwd=REPO_ROOT, env=env)
        elapsed = time.monotonic() - started
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
