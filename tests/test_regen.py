"""`make regen` and the drift check of generated/ (scripts/regen.py).

Whether generated/ is up to date is `make check-generated`'s job; these tests check that the
check catches drift, reads well, and that a failed run changes nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from scripts import regen
from scripts.spec_tools import DEFAULT_SPEC, load_spec


@pytest.fixture(scope="module")
def committed_client(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of generated/, so the tests never touch the real one."""
    copy = tmp_path_factory.mktemp("generated")
    shutil.copytree(regen.GENERATED_DIR / regen.PROJECT_NAME, copy / regen.PROJECT_NAME)
    return copy


def test_changed_document_fails_the_drift_check_with_a_diff(
    committed_client: Path, tmp_path: Path
) -> None:
    text = DEFAULT_SPEC.read_text(encoding="utf-8")
    old = "description: The trip's unique id, as returned when the trip was created."
    assert old in text
    changed = tmp_path / "guest-rides.yaml"
    changed.write_text(text.replace(old, old.replace("unique id", "one id")), encoding="utf-8")

    diff = regen.check(changed, generated_dir=committed_client)

    assert "-        request_id (UUID): The trip's unique id, as returned" in diff
    assert "+        request_id (UUID): The trip's one id, as returned" in diff
    committed = f"{committed_client.name}/{regen.PROJECT_NAME}"
    module = "uber_guest_rides_client/api/trips/get_guest_trip.py"
    assert f"--- {committed}/{module}\n+++ regenerated/{module}\n" in diff


def test_failed_generation_leaves_generated_untouched(
    committed_client: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    # A body media type the generator cannot handle: it warns, and warnings fail the run.
    broken.write_text(
        DEFAULT_SPEC.read_text(encoding="utf-8").replace(
            "          application/json:\n            schema:\n"
            "              $ref: '#/components/schemas/CommunicationSessionRequest'",
            "          text/csv:\n            schema:\n"
            "              $ref: '#/components/schemas/CommunicationSessionRequest'",
        ),
        encoding="utf-8",
    )
    before = {
        name: (committed_client / regen.PROJECT_NAME / name).read_bytes()
        for name in regen.iter_files(committed_client / regen.PROJECT_NAME)
    }

    with pytest.raises(regen.RegenError, match="openapi-python-client failed"):
        regen.regenerate(broken, generated_dir=committed_client)

    after = {
        name: (committed_client / regen.PROJECT_NAME / name).read_bytes()
        for name in regen.iter_files(committed_client / regen.PROJECT_NAME)
    }
    assert after == before
    assert [p.name for p in committed_client.iterdir()] == [regen.PROJECT_NAME]


def test_generator_input_sends_one_media_type_per_schema() -> None:
    document, notes = regen.generator_input(load_spec(DEFAULT_SPEC))
    token = document["paths"]["/oauth/v2/token"]["post"]["requestBody"]["content"]
    assert list(token) == ["application/x-www-form-urlencoded"]
    assert notes == [
        "POST /oauth/v2/token: the client sends application/x-www-form-urlencoded, "
        "not multipart/form-data (same schema)"
    ]
    # The document itself still lists both.
    original = load_spec(DEFAULT_SPEC)["paths"]["/oauth/v2/token"]["post"]["requestBody"]
    assert "multipart/form-data" in original["content"]


def test_generator_input_writes_out_inherited_security() -> None:
    spec = load_spec(DEFAULT_SPEC)
    document, _ = regen.generator_input(spec)
    trips: dict[str, Any] = document["paths"]["/v1/guests/trips"]["post"]
    assert trips["security"] == spec["security"]
    token = document["paths"]["/oauth/v2/token"]["post"]
    assert token["security"] == []  # an operation's own security is kept


def test_tree_diff_names_added_changed_and_removed_files(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for root in (old, new):
        (root / "pkg").mkdir(parents=True)
    (old / "pkg" / "same.py").write_text("x = 1\n")
    (new / "pkg" / "same.py").write_text("x = 1\n")
    (old / "pkg" / "changed.py").write_text("x = 1\n")
    (new / "pkg" / "changed.py").write_text("x = 2")
    (old / "pkg" / "removed.py").write_text("gone\n")
    (new / "pkg" / "added.py").write_text("new\n")
    (old / "pkg" / "__pycache__").mkdir()
    (old / "pkg" / "__pycache__" / "same.cpython-311.pyc").write_bytes(b"\0")

    diff = regen.tree_diff(new, old, label="generated")

    assert "--- generated/pkg/changed.py\n+++ regenerated/pkg/changed.py\n" in diff
    assert "-x = 1\n+x = 2\n\\ No newline at end of file\n" in diff
    assert "--- /dev/null\n+++ regenerated/pkg/added.py\n" in diff
    assert "--- generated/pkg/removed.py\n+++ /dev/null\n" in diff
    assert "same.py" not in diff
    assert regen.tree_diff(old, old, label="generated") == ""
