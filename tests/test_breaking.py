"""The breaking-change gate: its rules on pairs of tiny documents, versions, and releases.

Each folder of `tests/fixtures/breaking/` holds `base.yaml` and `head.yaml`. A folder named
after a rule (`response-field-removed`, or `response-field-removed--variant`) must break
exactly that rule; a folder named `ok--...` must break nothing.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts.breaking import (
    RULES,
    allows_breaking,
    breaking_changes,
    gate,
    judge,
    parse_version,
    releases,
)
from scripts.spec_tools import REPO_ROOT, load_spec, parse_yaml

FIXTURES = Path(__file__).parent / "fixtures" / "breaking"
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def load_pair(case: str) -> tuple[dict, dict]:
    folder = FIXTURES / case
    return (
        parse_yaml((folder / "base.yaml").read_text(encoding="utf-8")),
        parse_yaml((folder / "head.yaml").read_text(encoding="utf-8")),
    )


@pytest.mark.parametrize("case", CASES)
def test_each_fixture_pair_breaks_exactly_its_rule(case: str) -> None:
    base, head = load_pair(case)
    expected = set() if case.startswith("ok--") else {case.split("--")[0]}
    found = {change.rule for change in breaking_changes(base, head)}
    assert found == expected, [str(c) for c in breaking_changes(base, head)]


def test_every_rule_has_a_fixture_pair() -> None:
    covered = {case.split("--")[0] for case in CASES if not case.startswith("ok--")}
    assert covered == set(RULES)


def test_fixture_names_are_rules() -> None:
    unknown = {c.split("--")[0] for c in CASES if not c.startswith("ok--")} - set(RULES)
    assert not unknown


def test_a_document_has_no_breaking_change_against_itself() -> None:
    assert breaking_changes(load_spec(), load_spec()) == []


def test_changes_point_at_the_operation_and_field() -> None:
    base, head = load_pair("response-field-removed")
    (change,) = breaking_changes(base, head)
    assert change.where == "GET /trips/{trip_id} → 200 application/json fare"


def test_breaking_changes_need_a_major_version() -> None:
    assert allows_breaking("1.4.2", "2.0.0")
    assert not allows_breaking("1.4.2", "1.5.0")
    assert not allows_breaking("1.4.2", "1.4.3")
    assert allows_breaking("0.3.1", "0.4.0")  # semver: 0.x may break on a minor raise
    assert not allows_breaking("0.3.1", "0.3.2")


def test_a_version_that_is_not_semver_is_refused() -> None:
    with pytest.raises(ValueError, match="semantic version"):
        parse_version("v1")


def test_the_document_version_is_semver() -> None:
    parse_version(load_spec()["info"]["version"])


def test_judge_passes_a_breaking_change_with_a_major_raise_only() -> None:
    base, head = load_pair("response-field-removed")
    assert not judge(base, head, "base").ok
    head["info"]["version"] = "1.1.0"
    assert not judge(base, head, "base").ok
    head["info"]["version"] = "2.0.0"
    assert judge(base, head, "base").ok
    assert not judge(base, head, "base", same_release=True).ok


def test_changelog_records_the_current_version() -> None:
    changelog = (REPO_ROOT / "openapi" / "CHANGELOG.md").read_text(encoding="utf-8")
    version = load_spec()["info"]["version"]
    assert re.search(rf"^## {re.escape(version)}\b", changelog, re.MULTILINE), version


def test_cli_exits_1_on_a_breaking_change_and_0_otherwise() -> None:
    def run(case: str) -> subprocess.CompletedProcess[str]:
        folder = FIXTURES / case
        return subprocess.run(
            [sys.executable, "-m", "scripts.breaking", "--base-file", str(folder / "base.yaml")]
            + ["--head-file", str(folder / "head.yaml")],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=False,
        )

    breaking = run("request-enum-narrowed")
    assert breaking.returncode == 1, breaking.stdout + breaking.stderr
    assert "request-enum-narrowed" in breaking.stdout
    assert run("ok--request-enum-widened").returncode == 0


# --- releases: the gate on small git histories ----------------------------------------------


class History:
    """A throw-away git repository with the document at `openapi/api.yaml`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.doc = root / "openapi" / "api.yaml"
        self.doc.parent.mkdir(parents=True)
        self.git("init", "--quiet", "--initial-branch=main")
        self.git("config", "user.email", "gate@example.com")
        self.git("config", "user.name", "gate")

    def git(self, *args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, check=True
        ).stdout

    def write(self, case: str, side: str, version: str) -> None:
        document = parse_yaml((FIXTURES / case / f"{side}.yaml").read_text(encoding="utf-8"))
        document["info"]["version"] = version
        self.doc.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")

    def commit(self, case: str, side: str, version: str) -> None:
        self.write(case, side, version)
        self.git("add", "-A")
        self.git("commit", "--quiet", "-m", f"{case} {side} {version}")


@pytest.fixture
def history(tmp_path: Path) -> History:
    return History(tmp_path / "repo")


def test_gate_without_an_earlier_release_passes(history: History) -> None:
    history.commit("response-field-removed", "base", "1.0.0")
    verdict = gate(history.doc, history.root)
    assert verdict.ok
    assert "no breaking change" in "\n".join(verdict.lines)


def test_gate_fails_a_breaking_change_to_a_released_version(history: History) -> None:
    history.commit("response-field-removed", "base", "1.0.0")
    history.write("response-field-removed", "head", "1.0.0")
    verdict = gate(history.doc, history.root)
    assert not verdict.ok
    assert any("response-field-removed" in line for line in verdict.lines)


def test_gate_fails_a_breaking_change_under_a_minor_raise(history: History) -> None:
    history.commit("response-field-removed", "base", "1.0.0")
    history.commit("response-field-removed", "head", "1.1.0")  # committed: HEAD is the raise
    assert not gate(history.doc, history.root).ok


def test_gate_passes_a_breaking_change_under_a_major_raise(history: History) -> None:
    history.commit("response-field-removed", "base", "1.0.0")
    history.commit("response-field-removed", "head", "2.0.0")
    verdict = gate(history.doc, history.root)
    assert verdict.ok, verdict.lines


def test_gate_fails_a_second_breaking_change_after_the_major_was_released(
    history: History,
) -> None:
    history.commit("response-field-removed", "base", "1.0.0")
    history.commit("response-field-removed", "head", "2.0.0")
    head = parse_yaml(history.doc.read_text(encoding="utf-8"))
    del head["components"]["schemas"]["Trip"]["properties"]["eta"]
    history.doc.write_text(yaml.safe_dump(head, sort_keys=False), encoding="utf-8")
    verdict = gate(history.doc, history.root)
    assert not verdict.ok
    assert any("2.0.0 is already released" in line for line in verdict.lines)


def test_gate_uses_release_tags_when_there_are_any(history: History) -> None:
    history.commit("response-field-removed", "base", "1.0.0")
    history.git("tag", "spec-v1.0.0")
    history.commit("response-field-removed", "head", "2.0.0")
    # Not tagged yet: 2.0.0 is unreleased, so more breaking changes may still go into it.
    head = parse_yaml(history.doc.read_text(encoding="utf-8"))
    del head["components"]["schemas"]["Trip"]["properties"]["eta"]
    history.doc.write_text(yaml.safe_dump(head, sort_keys=False), encoding="utf-8")
    assert [r.ref for r in releases(history.doc, history.root)] == ["spec-v1.0.0"]
    assert gate(history.doc, history.root).ok


def test_gate_works_on_a_shallow_clone(history: History, tmp_path: Path) -> None:
    history.commit("response-field-removed", "base", "1.0.0")
    history.commit("ok--new-response-field", "head", "1.0.1")
    history.commit("response-field-removed", "head", "1.1.0")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", history.root.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    verdict = gate(clone / "openapi" / "api.yaml", clone)
    assert not verdict.ok  # found 1.0.1 (the release before 1.1.0) after deepening the clone
    assert any("response-field-removed" in line for line in verdict.lines)
