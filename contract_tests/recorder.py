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

    def as_dict(self) -> dict[str, Any]:
        with self._lock:
            return {"cases": dict(self.cases), "failures": list(self.failures.values())}

    def dump(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.as_dict(), indent=2, sort_keys=True))


RECORDER = Recorder()


def merge(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One summary from the parts written by several processes (pytest-xdist workers)."""
    cases: dict[str, int] = defaultdict(int)
    failures: dict[tuple[str, str, str], dict[str, Any]] = {}
    for part in parts:
        for label, count in part.get("cases", {}).items():
            cases[label] += count
        for failure in part.get("failures", []):
            key = (failure["operation"], failure["check"], failure["title"])
            if key in failures:
                failures[key]["count"] += failure.get("count", 1)
            else:
                failures[key] = dict(failure)
    return {"cases": dict(cases), "failures": list(failures.values())}
