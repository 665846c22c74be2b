"""Regenerate the Python client from the OpenAPI document, or check that it is up to date.

    python -m scripts.regen            rewrite generated/uber-guest-rides-client/
    python -m scripts.regen --check    exit 1, printing a unified diff, if generated/ is stale

Run it with the project environment's Python (`make regen`, `make check-generated`): the
generator and ruff are the versions pinned in uv.lock, and ruff is looked up next to that
Python, so the output is the same byte for byte on every machine. The client is generated
into a temporary folder first; generated/ is replaced only when generation succeeded.

The generator reads the document through `generator_input`, which works around three of its
limitations without changing what the document means (see there). Its settings are in
openapi/client-config.yaml, its template overrides in openapi/client-templates/.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import importlib.metadata
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from scripts.spec_tools import (
    DEFAULT_SPEC,
    REPO_ROOT,
    deref,
    iter_operations,
    iter_parameters,
    load_spec,
)

PROJECT_NAME = "uber-guest-rides-client"
GENERATED_DIR = REPO_ROOT / "generated"
CONFIG = REPO_ROOT / "openapi" / "client-config.yaml"
TEMPLATES = REPO_ROOT / "openapi" / "client-templates"
# The version the template overrides were written for; uv.lock pins the same one. After a
# generator upgrade, review openapi/client-templates/ (drop what the generator now does
# itself), then update this.
GENERATOR_VERSION = "0.29.1"
# Left inside generated/ by tools (the editable install's .pdm-build, caches): not generator
# output, so never compared (git ignores them too).
IGNORED_NAMES = frozenset(
    {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".pdm-build"}
)


class RegenError(Exception):
    """Generation failed; the message says why."""


def generator_input(spec: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The document as the generator should read it, and a note for each media type left out.

    Works around three limitations of openapi-python-client 0.29.1, without changing what
    the document means:

    - Operations without their own `security` get the document's top-level `security`
      written out, as OpenAPI defines it. The generator reads only operation-level
      `security` (issue #645 upstream), and would otherwise let every trip operation be
      called with an unauthenticated `Client` instead of requiring `AuthenticatedClient`.
    - A parameter's `description` is copied into its inline schema when that has none.
      The generator documents a parameter (the `Args:` of every call's docstring) from the
      schema's description only and ignores the parameter's own (#1411).
    - A request body offering the same schema under several media types keeps only the
      first (`POST /oauth/v2/token` takes one `TokenRequest` form-encoded or as multipart;
      the client sends it form-encoded). The generator cannot tell such alternatives apart:
      it emits one `isinstance` branch per media type, so every request would carry the body
      twice (#1276), and annotates the required body `| Unset` without importing `Unset`,
      so the module would not import (#1451). Servers still accept every listed media type.
    """
    document = copy.deepcopy(dict(spec))
    notes: list[str] = []
    for op in iter_operations(document):
        if "security" not in op.operation and "security" in document:
            op.operation["security"] = copy.deepcopy(document["security"])
        for param, _ in iter_parameters(document, op):
            schema = param.get("schema")
            if "description" in param and isinstance(schema, dict) and "$ref" not in schema:
                schema.setdefault("description", param["description"])
        if "requestBody" in op.operation:
            body, _ = deref(document, op.operation["requestBody"], op.pointer + "/requestBody")
            body["content"], dropped = _first_media_type_per_schema(body.get("content") or {})
            notes.extend(
                f"{op.method.upper()} {op.path}: the client sends {kept}, not {media_type} "
                "(same schema)"
                for media_type, kept in dropped
            )
    return document, notes


def _first_media_type_per_schema(
    content: Mapping[str, Any],
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """`content` without media types whose schema an earlier one has, and (dropped, kept)
    pairs."""
    kept: dict[str, Any] = {}
    dropped: list[tuple[str, str]] = []
    for media_type, media in content.items():
        twin = next((t for t, m in kept.items() if m.get("schema") == media.get("schema")), None)
        if twin is None:
            kept[media_type] = media
        else:
            dropped.append((media_type, twin))
    return kept, dropped


def generate(output: Path, spec: Path) -> list[str]:
    """Generate the client project into `output` (which must not exist yet).

    Returns the notes of `generator_input`. Raises RegenError when the generator fails or
    warns.
    """
    tools = Path(sys.executable).parent  # the environment's bin folder, not resolved
    if not (tools / "ruff").exists():
        raise RegenError(f"no ruff next to {sys.executable}: run this with the project's .venv")
    installed = importlib.metadata.version("openapi-python-client")
    if installed != GENERATOR_VERSION:
        raise RegenError(
            f"openapi-python-client {installed} is installed, the template overrides are for "
            f"{GENERATOR_VERSION}: review openapi/client-templates/, then update "
            "GENERATOR_VERSION in scripts/regen.py"
        )
    document, notes = generator_input(load_spec(spec))
    with tempfile.TemporaryDirectory(prefix="regen-input-") as scratch:
        source = Path(scratch) / "openapi.json"
        source.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(source),
            "--config",
            str(CONFIG),
            "--custom-template-path",
            str(TEMPLATES),
            # pdm-backend, unpinned: `pip install` and `uv` both build it, and an editable
            # install is a plain .pth path that mypy follows. (`--meta uv` pins
            # uv_build<0.13, which the project's uv 0.13 warns about on every sync.)
            "--meta",
            "pdm",
            "--fail-on-warning",
            "--output-path",
            str(output),
        ]
        env = {**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ.get('PATH', '')}"}
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RegenError(
            f"openapi-python-client failed (exit {result.returncode}):\n"
            f"{result.stdout}{result.stderr}"
        )
    return notes


def iter_files(root: Path) -> Iterator[str]:
    """Paths of the files under `root`, relative and sorted, without tool caches."""
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        cached = path.suffix == ".pyc" or IGNORED_NAMES.intersection(relative.parts)
        if path.is_file() and not cached:
            yield relative.as_posix()


def tree_diff(expected: Path, actual: Path, label: str) -> str:
    """A unified diff turning the tree `actual` (committed) into `expected` (regenerated).

    Empty when they match. `label` names the committed tree in the headers.
    """
    expected_files = set(iter_files(expected))
    actual_files = set(iter_files(actual))
    chunks: list[str] = []
    for name in sorted(expected_files | actual_files):
        old = (actual / name).read_text(encoding="utf-8") if name in actual_files else ""
        new = (expected / name).read_text(encoding="utf-8") if name in expected_files else ""
        if old == new:
            continue
        for line in difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"{label}/{name}" if name in actual_files else "/dev/null",
            tofile=f"regenerated/{name}" if name in expected_files else "/dev/null",
        ):
            chunks.append(
                line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            )
    return "".join(chunks)


def regenerate(spec: Path, generated_dir: Path = GENERATED_DIR) -> list[str]:
    """Rewrite `generated_dir/uber-guest-rides-client` from the document."""
    generated_dir.mkdir(parents=True, exist_ok=True)
    target = generated_dir / PROJECT_NAME
    # Generate beside the target (same file system), then swap the folders.
    with tempfile.TemporaryDirectory(dir=generated_dir, prefix=".regen-") as scratch:
        fresh = Path(scratch) / PROJECT_NAME
        notes = generate(fresh, spec)
        if target.exists():
            target.rename(Path(scratch) / "previous")
        fresh.rename(target)
    return notes


def check(spec: Path, generated_dir: Path = GENERATED_DIR) -> str:
    """The diff between `generated_dir` and a fresh generation; empty when up to date."""
    committed = generated_dir / PROJECT_NAME
    with tempfile.TemporaryDirectory(prefix="regen-check-") as scratch:
        fresh = Path(scratch) / PROJECT_NAME
        generate(fresh, spec)
        return tree_diff(fresh, committed, label=f"{generated_dir.name}/{PROJECT_NAME}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 with a diff if generated/ differs from a fresh generation",
    )
    parser.add_argument(
        "--spec",
        type=Path,
        default=None,
        help="the OpenAPI document (default: openapi/guest-rides.yaml, whatever "
        "$GUEST_RIDES_SPEC says: generated/ is the client of the project's document)",
    )
    args = parser.parse_args(argv)
    spec = args.spec.resolve() if args.spec else DEFAULT_SPEC
    started = time.monotonic()
    try:
        if args.check:
            diff = check(spec)
            if diff:
                sys.stdout.write(diff)
                print(
                    f"\ngenerated/{PROJECT_NAME} is out of date with {spec.name}: "
                    "run `make regen` and commit the result.",
                    file=sys.stderr,
                )
                return 1
            print(f"generated/{PROJECT_NAME} is up to date ({time.monotonic() - started:.1f} s)")
            return 0
        notes = regenerate(spec)
    except RegenError as error:
        print(f"regen: {error}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"note: {note}")
    print(f"regenerated generated/{PROJECT_NAME} in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
