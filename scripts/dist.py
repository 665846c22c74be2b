"""Build `dist/`: the document in the forms other-language teams' tools read.

    python -m scripts.dist [--out dist] [--if-stale]

Writes, from `openapi/guest-rides.yaml` (or `$GUEST_RIDES_SPEC`):

    openapi-3.1/guest-rides.{yaml,json}         bundled (one file, internal $refs kept)
    openapi-3.1/guest-rides.deref.{yaml,json}   every $ref replaced by its target
    openapi-3.0/...                             the same four, converted to OpenAPI 3.0.3
    docs/index.html                             reference docs, one page that loads nothing
    typescript/guest-rides.d.ts                 types from openapi-typescript
    go/                                         a Go client from openapi-generator (`go` generator)
    postman/guest-rides.postman_collection.json a Postman collection (openapi-to-postmanv2),
                                                made runnable in order by scripts/dist_postman.py
    manifest.json                               what was built from which document

Every tool is pinned: npm ones by package-lock.json, openapi-generator by uv.lock. The Go
client is generated from the 3.1 bundle (the generator reads 3.1, and maps
`anyOf: [X, null]` to its `NullableX` types there). The build is checked by
`tests/test_dist.py`, which also compiles the TypeScript and Go consumers in `interop/`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from scripts.dist_postman import SequencingError, make_runnable
from scripts.downconvert import downconvert, dump_json, dump_yaml
from scripts.spec_tools import REPO_ROOT, parse_yaml, spec_path

DIST = REPO_ROOT / "dist"
NODE_BIN = REPO_ROOT / "node_modules" / ".bin"
NAME = "guest-rides"
GO_PACKAGE = "guestrides"
# Options of openapi-generator's `go` generator. `enumClassPrefix` prefixes enum constants
# with their type (`TRIPSTATUS_PROCESSING`): several enums share values, and unprefixed
# constants collide in one Go package.
GO_GENERATOR_PROPERTIES = {
    "packageName": GO_PACKAGE,
    "enumClassPrefix": "true",
    "isGoSubmodule": "false",
    "hideGenerationTimestamp": "true",
}
# Redoc options: one page with every tag, and no logo of the API (`x-logo`) shown.
DOCS_OPTIONS = {"pagination": "none", "hideLogo": "true"}
# The page's template, and the Content-Security-Policy it declares: the browser refuses
# anything the page would load from any host (scripts and styles are inline, images and
# fonts `data:`, workers `blob:`), so no reader's click can reach the network either.
DOCS_TEMPLATE = REPO_ROOT / "scripts" / "dist_docs.hbs"
DOCS_CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'unsafe-inline' blob:",
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "font-src data:",
        "worker-src blob:",
        "connect-src data: blob:",
        "base-uri 'none'",
        "form-action 'none'",
    )
)
# Redoc always renders its "API docs by Redocly" attribution in the side menu with an image
# from Redocly's CDN, and no option or template reaches it (the image is set by the inlined
# script once the page has loaded). The build swaps each image URL for a drawn wordmark
# inlined as a `data:` URI, and fails when a URL is no longer found, so that an upgrade that
# moves the image cannot slip a network request back into the page.
_WORDMARK = (
    "data:image/svg+xml,"
    "%3Csvg xmlns='http://www.w3.org/2000/svg' width='{width}' height='20' "
    "viewBox='0 0 {width} 20'%3E%3Ctext x='0' y='15' font-family='sans-serif' "
    "font-size='14' font-weight='600' fill='%23555'%3E{text}%3C/text%3E%3C/svg%3E"
)
DOCS_INLINED_IMAGES = {
    "https://cdn.redoc.ly/redoc/logo-mini-full.svg": _WORDMARK.format(width=66, text="Redocly"),
    "https://cdn.redoc.ly/redoc/logo-mini.svg": _WORDMARK.format(width=12, text="R"),
}
# Environment of the node tools: no telemetry, no update checks.
_NODE_ENV = {
    "REDOCLY_TELEMETRY": "off",
    "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
    "NPM_CONFIG_UPDATE_NOTIFIER": "false",
}
# A short-lived JVM starts faster without the optimizing compiler.
_JAVA_OPTS = "-XX:TieredStopAtLevel=1"


class BuildError(RuntimeError):
    """A step of the build failed; the message carries the tool's output."""


def openapi_generator_command() -> list[str]:
    """The pinned openapi-generator-cli (PyPI wrapper around the jar it ships)."""
    script = Path(sys.executable).with_name("openapi-generator-cli")
    if not script.exists():
        raise BuildError(f"openapi-generator-cli is not installed next to {sys.executable}")
    return [str(script)]


def node_tool(name: str) -> str:
    path = NODE_BIN / name
    if not path.exists():
        raise BuildError(f"{name} is missing from node_modules: run `make setup`")
    return str(path)


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, **_NODE_ENV, **(extra or {})}


def run(command: Sequence[str], *, cwd: Path = REPO_ROOT, env: dict[str, str] | None = None) -> str:
    """Run a tool; raise `BuildError` with its output if it fails."""
    result = subprocess.run(
        list(command), cwd=cwd, env=_env(env), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BuildError(
            f"{' '.join(command)} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


class Background:
    """A tool running while other steps go on; `wait()` raises if it failed."""

    def __init__(
        self, command: Sequence[str], *, cwd: Path = REPO_ROOT, env: dict[str, str] | None = None
    ) -> None:
        self.command = list(command)
        self.process = subprocess.Popen(
            self.command,
            cwd=cwd,
            env=_env(env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def wait(self) -> None:
        output, _ = self.process.communicate()
        if self.process.returncode != 0:
            raise BuildError(f"{' '.join(self.command)} exited {self.process.returncode}\n{output}")


# Besides the document, what decides the bytes of dist/.
BUILD_INPUTS = (
    "scripts/dist.py",
    "scripts/dist_postman.py",
    "scripts/dist_docs.hbs",
    "scripts/downconvert.py",
    "package-lock.json",
    "uv.lock",
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inputs_sha256(source: Path) -> str:
    """One hash of the document and of the build's own inputs."""
    digest = hashlib.sha256(sha256(source).encode())
    for name in BUILD_INPUTS:
        path = REPO_ROOT / name
        digest.update(f"{name}:{sha256(path) if path.exists() else '-'}".encode())
    return digest.hexdigest()


def write_pair(document: Any, stem: Path) -> None:
    """Write `document` as `<stem>.yaml` and `<stem>.json`."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_name(stem.name + ".yaml").write_text(dump_yaml(document), encoding="utf-8")
    stem.with_name(stem.name + ".json").write_text(dump_json(document), encoding="utf-8")


def bundle(source: Path, out: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Redocly bundle of the source, as is and dereferenced, written under openapi-3.1/."""
    target = out / "openapi-3.1"
    target.mkdir(parents=True, exist_ok=True)
    redocly = node_tool("redocly")
    bundled_path = target / f"{NAME}.yaml"
    deref_path = target / f"{NAME}.deref.json"
    run([redocly, "bundle", str(source), "-o", str(bundled_path)])
    run([redocly, "bundle", str(source), "--dereferenced", "-o", str(deref_path)])
    bundled = parse_yaml(bundled_path.read_text(encoding="utf-8"))
    deref = json.loads(deref_path.read_text(encoding="utf-8"))
    write_pair(bundled, target / NAME)
    write_pair(deref, target / f"{NAME}.deref")
    return bundled, deref


def build_openapi30(bundled: dict[str, Any], deref: dict[str, Any], out: Path) -> None:
    target = out / "openapi-3.0"
    write_pair(downconvert(bundled), target / NAME)
    write_pair(downconvert(deref), target / f"{NAME}.deref")


def start_go_client(bundled_yaml: Path, out: Path) -> Background:
    """Generate the Go client in the background (the JVM is the slowest step)."""
    properties = ",".join(f"{k}={v}" for k, v in GO_GENERATOR_PROPERTIES.items())
    return Background(
        [
            *openapi_generator_command(),
            "generate",
            "--generator-name",
            "go",
            "--input-spec",
            str(bundled_yaml),
            "--output",
            str(out / "go"),
            "--additional-properties",
            properties,
            "--global-property",
            "apiTests=false,modelTests=false",
        ],
        env={"JAVA_OPTS": _JAVA_OPTS},
    )


def start_docs(bundled_yaml: Path, out: Path) -> Background:
    """Redocly `build-docs` with Redoc's scripts inlined, so the page renders offline, in a
    template that forbids the page any host (`DOCS_CONTENT_SECURITY_POLICY`)."""
    (out / "docs").mkdir(parents=True, exist_ok=True)
    options = [f"--openapi.{key}={value}" for key, value in DOCS_OPTIONS.items()]
    return Background(
        [
            node_tool("redocly"),
            "build-docs",
            str(bundled_yaml),
            "--inlineBundle",
            "--template",
            str(DOCS_TEMPLATE),
            f"--templateOptions.contentSecurityPolicy={DOCS_CONTENT_SECURITY_POLICY}",
            *options,
            "-o",
            str(out / "docs" / "index.html"),
        ]
    )


def inline_docs_images(page: Path) -> None:
    """Replace the page's remote images (`DOCS_INLINED_IMAGES`) by their inlined copies."""
    html = page.read_text(encoding="utf-8")
    missing = [url for url in DOCS_INLINED_IMAGES if url not in html]
    if missing:
        raise BuildError(
            f"{page.name}: {', '.join(missing)} not found: the docs generator changed how it"
            " loads images; update DOCS_INLINED_IMAGES in scripts/dist.py"
        )
    for url, inlined in DOCS_INLINED_IMAGES.items():
        html = html.replace(url, inlined)
    page.write_text(html, encoding="utf-8")


def typescript_types(bundled_yaml: Path, output: Path) -> list[str]:
    """The openapi-typescript command writing `output` from a 3.1 document.

    Run it from `output`'s folder: started from the repository root, openapi-typescript
    would read the APIs listed in redocly.yaml instead of its argument.
    """
    return [node_tool("openapi-typescript"), str(bundled_yaml), "--output", str(output)]


def start_typescript(bundled_yaml: Path, out: Path) -> Background:
    target = out / "typescript"
    target.mkdir(parents=True, exist_ok=True)
    return Background(typescript_types(bundled_yaml, target / f"{NAME}.d.ts"), cwd=target)


def start_postman(bundled_yaml: Path, out: Path) -> Background:
    target = out / "postman"
    target.mkdir(parents=True, exist_ok=True)
    return Background(
        [
            node_tool("openapi2postmanv2"),
            "--spec",
            str(bundled_yaml),
            "--output",
            str(target / f"{NAME}.postman_collection.json"),
            "--pretty",
            "--options",
            "folderStrategy=Tags,parametersResolution=Example",
        ]
    )


def finish_postman(path: Path, bundled: dict[str, Any], deref: dict[str, Any]) -> None:
    """Make the generated collection runnable (`scripts.dist_postman`), and give it an id
    derived from the document, so rebuilds are byte-stable."""
    try:
        collection = make_runnable(json.loads(path.read_text(encoding="utf-8")), deref)
    except SequencingError as error:
        raise BuildError(f"{path.name}: {error}") from error
    info = bundled.get("info", {})
    name = f"{info.get('title')} {info.get('version')}"
    collection["info"]["_postman_id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, name))
    path.write_text(json.dumps(collection, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def build(out: Path = DIST, source: Path | None = None) -> dict[str, Any]:
    """Rebuild `out` from the document; return the manifest it writes."""
    source = source or spec_path()
    started = time.monotonic()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    bundled, deref = bundle(source, out)
    bundled_yaml = out / "openapi-3.1" / f"{NAME}.yaml"
    background = [
        start_go_client(bundled_yaml, out),
        start_docs(bundled_yaml, out),
        start_typescript(bundled_yaml, out),
        start_postman(bundled_yaml, out),
    ]
    try:
        build_openapi30(bundled, deref, out)
    finally:
        errors = []
        for step in background:
            try:
                step.wait()
            except BuildError as error:
                errors.append(str(error))
        if errors:
            raise BuildError("\n\n".join(errors))
    inline_docs_images(out / "docs" / "index.html")
    finish_postman(out / "postman" / f"{NAME}.postman_collection.json", bundled, deref)
    manifest = {
        "source": source.relative_to(REPO_ROOT).as_posix()
        if source.is_relative_to(REPO_ROOT)
        else source.name,
        "source_sha256": sha256(source),
        "inputs_sha256": inputs_sha256(source),
        "version": bundled.get("info", {}).get("version"),
        "go_generator_properties": GO_GENERATOR_PROPERTIES,
        "files": sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"dist: built {out.name}/ in {time.monotonic() - started:.1f}s")
    return manifest


def is_current(out: Path = DIST, source: Path | None = None) -> bool:
    """Whether `out` was built from the document as it is now."""
    manifest_path = out / "manifest.json"
    if not manifest_path.exists():
        return False
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    return bool(manifest.get("inputs_sha256") == inputs_sha256(source or spec_path()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/ from the OpenAPI document.")
    parser.add_argument("--out", type=Path, default=DIST, help="output folder (default: dist)")
    parser.add_argument(
        "--if-stale",
        action="store_true",
        help="do nothing when the folder was built from the current document and scripts",
    )
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if args.if_stale and is_current(out):
        print(f"dist: {out.name}/ is current")
        return 0
    try:
        build(out)
    except BuildError as error:
        print(f"dist: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
