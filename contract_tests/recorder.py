"""Per-operation tally of the cases the suite ran and the checks that failed.

Fed by the `after_validate` hook (every response Schemathesis validates, in every phase,
including the stateful one) and by the end-to-end flows; written as JSON for the runner's
summary. Credentials never reach it: curl lines go through Schemathesis' sanitization and
the token placeholder is made a shell variable.
"""

from __future__ import annotations

import json
import re
import threading
from collections import defaultdict
from pathlib import Path
from typing import Any

_FILTERED_AUTH = re.compile(r"""-H '(Authorization|authorization): \[Filtered\]'""")


def runnable_curl(command: str) -> str:
    """The sanitized curl line, with the token read from `$UBER_TOKEN` when it is run."""
    return _FILTERED_AUTH.sub('-H "Authorization: Bearer $UBER_TOKEN"', command)


class Recorder:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.cases: dict[str, int] = defaultdict(int)
        self.failures: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.skipped: dict[str, str] = {}
        self.warnings: list[str] = []
        self.seed: int | None = None
        self.test = ""  # the pytest test running now (a failure names it)
        self.last: tuple[Any, dict[str, Any]] | None = None  # the last request sent

    def record(self, case: Any, response: Any, results: list[Any]) -> None:
        label = case.operation.definition.raw.get("operationId") or case.operation.label
        failed = [r for r in results if getattr(r.status, "value", r.status) == "failure"]
        with self._lock:
            self.cases[label] += 1
            for result in failed:
                failure = result.failure
                title = getattr(failure, "title", "") or str(failure)
                key = (label, result.name, title)
                if key in self.failures:
                    self.failures[key]["count"] += 1
                    continue
                try:
                    curl = case.as_curl_command(headers=dict(response.request.headers))
                except Exception as exc:  # pragma: no cover - reporting must not break the run
                    curl = f"(no curl line: {exc})"
                self.failures[key] = {
                    "operation": label,
                    "check": result.name,
                    "title": title,
                    "message": (getattr(failure, "message", "") or "")[:500],
                    "status": response.status_code,
                    "curl": runnable_curl(curl),
                    "count": 1,
                    "test": self.test,
                }

    def record_flow(
        self, flow: str, operations: int, failure: dict[str, Any] | None = None
    ) -> None:
        """A client flow counts its requests under `flow:<name>`; a failed flow names itself."""
        label = f"flow:{flow}"
        with self._lock:
            self.cases[label] += operations
            if failure is not None:
                self.failures[(label, failure["check"], failure["title"])] = {
                    "operation": label,
                    "count": 1,
                    **failure,
                }

    def note_skipped(self, skipped: dict[str, str]) -> None:
        """Checks that could not run against this target, and why."""
        with self._lock:
            self.skipped.update(skipped)

    def note_warnings(self, warnings: list[str]) -> None:
        with self._lock:
            self.warnings += warnings

    def failures_of(self, test: str) -> list[dict[str, Any]]:
        with self._lock:
            return [f for f in self.failures.values() if f.get("test") == test]

    def as_dict(self) -> dict[str, Any]:
        with self._lock:
            return {
                "cases": dict(self.cases),
                "failures": list(self.failures.values()),
                "skipped": dict(self.skipped),
                "warnings": list(self.warnings),
                "seed": self.seed,
            }

    def dump(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.as_dict(), indent=2, sort_keys=True))


RECORDER = Recorder()


def merge(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One summary from the parts written by several processes (pytest-xdist workers)."""
    cases: dict[str, int] = defaultdict(int)
    failures: dict[tuple[str, str, str], dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    warnings: list[str] = []
    seed = None
    for part in parts:
        skipped.update(part.get("skipped") or {})
        warnings += [w for w in part.get("warnings") or [] if w not in warnings]
        seed = seed if seed is not None else part.get("seed")
        for label, count in part.get("cases", {}).items():
            cases[label] += count
        for failure in part.get("failures", []):
            key = (failure["operation"], failure["check"], failure["title"])
            if key in failures:
                failures[key]["count"] += failure.get("count", 1)
            else:
                failures[key] = dict(failure)
    return {
        "cases": dict(cases),
        "failures": list(failures.values()),
        "skipped": skipped,
        "warnings": warnings,
        "seed": seed,
    }


def record_error(label: str, error: BaseException, test: str) -> None:
    """An error that is not a failed check (an exception in a stateful step, say): recorded
    with the last request sent, so the table still names a request to look at."""
    curl = ""
    last = RECORDER.last
    if last is not None:
        case, headers = last
        try:
            curl = runnable_curl(case.as_curl_command(headers=headers))
        except Exception:  # pragma: no cover - reporting must not break the run
            curl = ""
    message = f"{type(error).__name__}: {error}"
    with RECORDER._lock:
        RECORDER.failures[(label, "error", message[:200])] = {
            "operation": label,
            "check": "error",
            "title": message.splitlines()[0][:200],
            "message": message[:500],
            "curl": curl,
            "count": 1,
            "test": test,
        }
