"""`make dist`: the artifacts other-language teams use, and proof that their tools accept them.

The session fixture rebuilds `dist/` when it was not built from the document (and build
scripts) as they are now; `make test` builds it first, so the fixture usually finds it
current.
"""

from __future__ import annotations

import contextlib
import copy
import fcntl
import functools
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate
from openapi_spec_validator.validation import OpenAPIV30SpecValidator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from contract_tests.faults import FAULTS, FaultProxy
from contract_tests.sandbox import RunningSandbox, free_port, local_sandbox, wait_until_serving
from mock_server.auth import DEV_APPLICATIONS
from scripts import dist as dist_build
from scripts import dist_postman
from scripts.dist_browser import external_assets, is_local, render, requests_of
from scripts.downconvert import UnsupportedConstruct, downconvert
from scripts.spec_tools import (
    REPO_ROOT,
    iter_examples,
    iter_operations,
    load_spec,
    parse_yaml,
    resolve_pointer,
    schema_uri,
)

NAME = dist_build.NAME
INTEROP = REPO_ROOT / "interop"


@pytest.fixture(scope="session")
def dist() -> Iterator[Path]:
    """`dist/`, rebuilt first if stale (one build at a time across test workers)."""
    lock_path = Path(tempfile.gettempdir()) / f"guest-rides-dist-{os.getuid()}.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not dist_build.is_current():
            dist_build.build()
        fcntl.flock(lock, fcntl.LOCK_UN)
    yield dist_build.DIST


@functools.cache
def _read(path: Path, mtime: float) -> Any:
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else parse_yaml(text)


def read(path: Path) -> Any:
    """A published document, parsed once per build (copy it before changing it)."""
    return _read(path, path.stat().st_mtime)


def operation_ids(document: dict[str, Any]) -> list[str]:
    return sorted(op.operation_id for op in iter_operations(document))


def refs_in(node: Any) -> int:
    if isinstance(node, dict):
        return ("$ref" in node) + sum(refs_in(v) for k, v in node.items() if k != "example")
    if isinstance(node, list):
        return sum(refs_in(v) for v in node)
    return 0


def source_summaries() -> list[tuple[str, str]]:
    """(first tag, summary) of every operation, in document order."""
    return [
        (str((op.operation.get("tags") or [""])[0]), str(op.operation["summary"]))
        for op in iter_operations(load_spec())
    ]


# --- the bundled, dereferenced and 3.0 documents -------------------------------------------


DOCUMENTS = [
    f"openapi-{version}/{NAME}{kind}.{ext}"
    for version in ("3.1", "3.0")
    for kind in ("", ".deref")
    for ext in ("yaml", "json")
]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_published_document_holds_every_operation(dist: Path, name: str) -> None:
    assert operation_ids(read(dist / name)) == operation_ids(load_spec())


@pytest.mark.parametrize("version", ["3.1", "3.0"])
def test_yaml_and_json_copies_are_the_same_document(dist: Path, version: str) -> None:
    for kind in ("", ".deref"):
        stem = dist / f"openapi-{version}" / f"{NAME}{kind}"
        assert read(stem.with_suffix(".yaml")) == read(stem.with_suffix(".json"))


@pytest.mark.parametrize("version", ["3.1", "3.0"])
def test_dereferenced_copies_have_no_ref(dist: Path, version: str) -> None:
    assert refs_in(read(dist / f"openapi-{version}" / f"{NAME}.deref.json")) == 0


def test_bundle_keeps_internal_refs_and_is_valid_31(dist: Path) -> None:
    bundled = read(dist / "openapi-3.1" / f"{NAME}.json")
    assert bundled["openapi"].startswith("3.1")
    assert refs_in(bundled) > 0
    validate(bundled)


@pytest.mark.parametrize("kind", ["", ".deref"])
def test_openapi30_copy_is_valid_openapi_303(dist: Path, kind: str) -> None:
    document = read(dist / "openapi-3.0" / f"{NAME}{kind}.yaml")
    assert document["openapi"] == "3.0.3"
    validate(document, cls=OpenAPIV30SpecValidator)


def test_openapi30_copy_passes_openapi_generator_validate(dist: Path) -> None:
    result = subprocess.run(
        [
            *dist_build.openapi_generator_command(),
            "validate",
            "--input-spec",
            str(dist / "openapi-3.0" / f"{NAME}.yaml"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "JAVA_OPTS": "-XX:TieredStopAtLevel=1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No validation issues detected" in result.stdout


def test_openapi30_copy_accepts_every_documented_example(dist: Path) -> None:
    """The 3.0 schemas admit what the 3.1 ones do: each example of the source validates
    against the schema at the same place in the 3.0 copy (nulls included)."""
    converted = read(dist / "openapi-3.0" / f"{NAME}.json")
    registry: Registry[Any] = Registry().with_resource(
        "urn:guest-rides", Resource.from_contents(converted, default_specification=DRAFT4)
    )
    checked, errors = 0, []
    for example in iter_examples(load_spec()):
        try:
            resolve_pointer(converted, example.schema_pointer)
        except (KeyError, IndexError):
            continue  # a null branch merged away by the conversion
        validator = OAS30Validator(
            {"$ref": schema_uri(example.schema_pointer)},
            registry=registry,
            format_checker=OAS30Validator.FORMAT_CHECKER,
        )
        errors += [f"{example.id}: {e.message}" for e in validator.iter_errors(example.value)]
        checked += 1
    assert checked > 50
    assert not errors


def test_openapi30_copy_has_no_null_type_left(dist: Path) -> None:
    converted = json.dumps(read(dist / "openapi-3.0" / f"{NAME}.json"))
    assert '"null"' not in converted
    assert '"nullable": true' in converted


# --- the 3.1 -> 3.0 converter on small schemas ------------------------------------------------


def convert_schema(schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1", "summary": "only in 3.1"},
        "paths": {},
        "components": {"schemas": {"S": schema, "R": {"type": "string"}}},
        **extra,
    }
    result: dict[str, Any] = downconvert(document)["components"]["schemas"]["S"]
    return result


def test_downconvert_turns_a_type_list_with_null_into_nullable() -> None:
    assert convert_schema({"type": ["integer", "null"]}) == {"type": "integer", "nullable": True}
    assert convert_schema({"type": ["string", "integer"]}) == {
        "anyOf": [{"type": "string"}, {"type": "integer"}]
    }


def nullable_ref_document(*, plain_use: bool) -> dict[str, Any]:
    nullable_r = {"anyOf": [{"$ref": "#/components/schemas/R"}, {"type": "null"}]}
    schemas: dict[str, Any] = {
        "R": {"type": "object", "properties": {"a": {"type": "string"}}},
        "S": nullable_r,
        "T": {"description": "d", **nullable_r},
    }
    if plain_use:
        schemas["U"] = {"type": "array", "items": {"$ref": "#/components/schemas/R"}}
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}}
    converted = downconvert({**document, "components": {"schemas": schemas}})
    result: dict[str, Any] = converted["components"]["schemas"]
    return result


def test_downconvert_makes_a_component_used_only_as_nullable_nullable_itself() -> None:
    schemas = nullable_ref_document(plain_use=False)
    assert schemas["R"]["nullable"] is True
    assert schemas["S"] == {"$ref": "#/components/schemas/R"}
    assert schemas["T"] == {"description": "d", "allOf": [{"$ref": "#/components/schemas/R"}]}


def test_downconvert_points_other_nullable_refs_at_a_nullable_copy() -> None:
    schemas = nullable_ref_document(plain_use=True)
    assert "nullable" not in schemas["R"]
    assert schemas["NullableR"] == {**schemas["R"], "nullable": True}
    assert schemas["S"] == {"$ref": "#/components/schemas/NullableR"}
    assert schemas["U"]["items"] == {"$ref": "#/components/schemas/R"}


def test_downconvert_merges_an_inline_nullable_branch() -> None:
    converted = convert_schema(
        {"description": "d", "anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}]}
    )
    assert converted == {"type": "integer", "minimum": 0, "description": "d", "nullable": True}


def test_downconvert_converts_const_examples_and_exclusive_bounds() -> None:
    converted = convert_schema(
        {
            "type": "object",
            "properties": {
                "kind": {"const": "trip"},
                "bearing": {"type": "number", "minimum": 0, "exclusiveMaximum": 360},
                "fare": {"type": "string", "examples": ["$12-15", "$20"]},
            },
        }
    )
    properties = converted["properties"]
    assert properties["kind"] == {"enum": ["trip"]}
    assert properties["bearing"] == {
        "type": "number",
        "minimum": 0,
        "maximum": 360,
        "exclusiveMaximum": True,
    }
    assert properties["fare"] == {"type": "string", "example": "$12-15"}


def test_downconvert_keeps_ref_siblings_beside_an_allof() -> None:
    converted = convert_schema({"$ref": "#/components/schemas/R", "description": "why"})
    assert converted == {"description": "why", "allOf": [{"$ref": "#/components/schemas/R"}]}


def test_downconvert_drops_keys_that_only_31_has() -> None:
    document = downconvert(
        {
            "openapi": "3.1.0",
            "info": {
                "title": "t",
                "version": "1",
                "summary": "s",
                "license": {"name": "MIT", "identifier": "MIT"},
            },
            "webhooks": {"ping": {}},
            "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        }
    )
    assert document == {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1", "license": {"name": "MIT"}},
        "paths": {},
    }


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "array", "prefixItems": [{"type": "string"}]},
        {"type": "object", "unevaluatedProperties": False},
        {"if": {"type": "string"}, "then": {"minLength": 1}},
    ],
)
def test_downconvert_refuses_what_30_cannot_express(schema: dict[str, Any]) -> None:
    with pytest.raises(UnsupportedConstruct):
        convert_schema(schema)


# --- HTML docs ----------------------------------------------------------------------------------


def test_external_asset_check_finds_every_remote_asset_in_the_markup() -> None:
    page = """<html><head>
      <script src="https://cdn.example.com/redoc.js"></script>
      <link rel="stylesheet" href="//fonts.example.com/css">
      <link rel="preconnect" href="https://fonts.example.com">
      <script type="module">import { hydrate } from "https://cdn.example.com/r.js";</script>
      <style>@import url("https://fonts.example.com/x.css");
        @font-face { src: url(https://fonts.example.com/f.woff2) }</style>
      <script src="local.js"></script><a href="https://developer.uber.com">docs</a>
    </head><body>
      <img src="https://cdn.example.com/logo.svg" alt="logo">
      <img srcset="logo.png 1x, https://cdn.example.com/logo@2x.png 2x">
      <div style="background: url('https://cdn.example.com/bg.png')"></div>
      <img src="data:image/svg+xml,%3Csvg/%3E"><link rel="canonical" href="https://x.example">
    </body></html>"""
    assert len(external_assets(page)) == 9


def test_docs_markup_loads_nothing_from_the_network(dist: Path) -> None:
    page = dist / "docs" / "index.html"
    assert external_assets(page.read_text(encoding="utf-8")) == []


def test_request_recorder_sees_images_styles_and_worker_fetches(tmp_path: Path) -> None:
    """The browser check below would see a page that reaches out, whatever it asks for."""
    page = tmp_path / "reaching.html"
    page.write_text(
        """<!doctype html><html><body>
        <div id="later"></div>
        <script>
          const worker = "fetch('https://api.example.invalid/from-worker').catch(() => {})";
          new Worker(URL.createObjectURL(new Blob([worker], {type: 'text/javascript'})));
          setTimeout(() => {
            const img = document.createElement('img');
            img.src = 'https://cdn.example.invalid/logo.svg';
            document.getElementById('later').append(img);
            document.getElementById('later').style.backgroundImage =
              'url(https://cdn.example.invalid/bg.png)';
          }, 100);
        </script></body></html>""",
        encoding="utf-8",
    )
    expected = {
        "https://api.example.invalid/from-worker",
        "https://cdn.example.invalid/logo.svg",
        "https://cdn.example.invalid/bg.png",
    }

    def remote(requests: list[tuple[str, str]]) -> set[str]:
        return {url for _, url in requests if not is_local(url)}

    # Waits for all three (a loaded machine starts the worker late), then compares.
    assert remote(requests_of(page, until=lambda seen: remote(seen) >= expected)) == expected


def test_docs_render_every_operation_summary_without_any_network_request(dist: Path) -> None:
    operations = source_summaries()
    seen = render(dist / "docs" / "index.html", operations)
    screenshot = dist / "docs" / "screenshot.png"
    screenshot.write_bytes(seen.screenshot)

    assert seen.visible_headings == [summary for _, summary in operations]
    assert all(any(m.startswith(s) for m in seen.menu_items) for _, s in operations)
    assert seen.requests[0] == ("Document", (dist / "docs" / "index.html").resolve().as_uri())
    assert seen.network_requests() == []
    assert seen.errors == []
    assert seen.refused == []  # nothing the page needs is blocked by its own policy
    assert seen.screenshot.startswith(b"\x89PNG") and len(seen.screenshot) > 50_000


def test_docs_declare_a_security_policy_that_allows_no_host(dist: Path) -> None:
    html = (dist / "docs" / "index.html").read_text(encoding="utf-8")
    policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert policies == [dist_build.DOCS_CONTENT_SECURITY_POLICY]
    directives = {d.split()[0]: d.split()[1:] for d in policies[0].split("; ")}
    assert directives["default-src"] == ["'none'"]
    sources = {s for values in directives.values() for s in values}
    assert sources <= {"'none'", "'unsafe-inline'", "data:", "blob:"}


def test_docs_policy_blocks_what_would_reach_a_host(dist: Path, tmp_path: Path) -> None:
    """The policy is enforced: the page with a CDN image put back shows the attempt, and
    the browser refuses it."""
    page = tmp_path / "index.html"
    html = (dist / "docs" / "index.html").read_text(encoding="utf-8")
    url, inlined = next(iter(dist_build.DOCS_INLINED_IMAGES.items()))
    page.write_text(html.replace(inlined, url), encoding="utf-8")
    seen = render(page, source_summaries()[:1])
    assert ("Image", url) in seen.network_requests()
    assert any(url in refusal and "Content Security Policy" in refusal for refusal in seen.refused)


def test_docs_show_the_attribution_wordmark_inlined(dist: Path) -> None:
    html = (dist / "docs" / "index.html").read_text(encoding="utf-8")
    for url, inlined in dist_build.DOCS_INLINED_IMAGES.items():
        assert url not in html
        assert inlined in html


# --- TypeScript --------------------------------------------------------------------------------


def tsc(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [dist_build.node_tool("tsc"), "--noEmit", "--strict", "--project", str(project)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_typescript_types_cover_every_operation(dist: Path) -> None:
    types = (dist / "typescript" / f"{NAME}.d.ts").read_text(encoding="utf-8")
    for operation_id in operation_ids(load_spec()):
        assert re.search(rf"^\s+{re.escape(operation_id)}: \{{", types, re.MULTILINE)


def test_typescript_usage_compiles_strict(dist: Path) -> None:
    result = tsc(INTEROP / "ts" / "tsconfig.json")
    assert result.returncode == 0, result.stdout + result.stderr


def test_typescript_usage_fails_to_compile_when_documented_fields_are_renamed(
    dist: Path, tmp_path: Path
) -> None:
    document = copy.deepcopy(read(dist / "openapi-3.1" / f"{NAME}.json"))
    schemas = document["components"]["schemas"]
    for schema, old, new in (
        ("GuestTrip", "request_id", "trip_id"),  # read from a response
        ("CreateGuestTripRequest", "product_id", "product_uuid"),  # sent in a request
    ):
        properties = schemas[schema]["properties"]
        properties[new] = properties.pop(old)
        schemas[schema]["required"] = [new if n == old else n for n in schemas[schema]["required"]]
    renamed = tmp_path / "renamed.json"
    renamed.write_text(json.dumps(document), encoding="utf-8")
    types = tmp_path / f"{NAME}.d.ts"
    generated = subprocess.run(
        dist_build.typescript_types(renamed, types),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert generated.returncode == 0, generated.stdout + generated.stderr
    config = tmp_path / "tsconfig.json"
    config.write_text(
        json.dumps(
            {
                "extends": str(INTEROP / "ts" / "tsconfig.json"),
                "compilerOptions": {"paths": {"guest-rides": [str(types)]}},
                "files": [str(INTEROP / "ts" / "usage.ts")],
            }
        ),
        encoding="utf-8",
    )
    result = tsc(config)
    assert result.returncode != 0
    assert "'request_id' does not exist on type" in result.stdout
    assert "product_id" in result.stdout


# --- Go ------------------------------------------------------------------------------------------


def test_go_client_and_its_usage_build_offline(dist: Path) -> None:
    result = subprocess.run(
        ["bash", str(INTEROP / "go" / "build.sh"), str(dist / "go")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "GOPROXY": "off"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_go_client_has_an_api_method_for_every_operation(dist: Path) -> None:
    sources = "".join(p.read_text(encoding="utf-8") for p in (dist / "go").glob("api_*.go"))
    for operation_id in operation_ids(load_spec()):
        name = operation_id[0].upper() + operation_id[1:]
        assert f") {name}(ctx context.Context" in sources, name


# --- Postman -------------------------------------------------------------------------------------


def postman_requests(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for item in items:
        if "request" in item:
            yield item
        yield from postman_requests(item.get("item", []))


def collection_of(dist: Path) -> dict[str, Any]:
    return dict(read(dist / "postman" / f"{NAME}.postman_collection.json"))


def test_postman_collection_has_every_operation(dist: Path) -> None:
    collection = collection_of(dist)
    found = set()
    for item in postman_requests(collection["item"]):
        request = item["request"]
        path = "/" + "/".join(
            re.sub(r"^:(.+)$", r"{\1}", segment) for segment in request["url"]["path"]
        )
        found.add((request["method"].lower(), path, item["name"]))
    expected = {
        (op.method, op.path, str(op.operation["summary"])) for op in iter_operations(load_spec())
    }
    assert found == expected
    assert len(list(postman_requests(collection["item"]))) == len(expected)
    assert collection["info"]["name"] == load_spec()["info"]["title"]


def test_postman_collection_expects_the_documented_success_of_each_operation(dist: Path) -> None:
    """Each request's test script asserts the 2xx the document gives (or the documented
    error the flow names instead), read from the document."""
    operations = {str(op.operation["summary"]): op for op in iter_operations(load_spec())}
    for item in postman_requests(collection_of(dist)["item"]):
        op = operations[item["name"]]
        script = "\n".join(
            line for e in item["event"] if e["listen"] == "test" for line in e["script"]["exec"]
        )
        step = dist_postman.FLOW[op.operation_id]
        success = sorted(int(s) for s in op.operation["responses"] if s.startswith("2"))
        expected = [step.expect_error[0]] if step.expect_error else success
        assert f"pm.expect(pm.response.code).to.be.oneOf({json.dumps(expected)})" in script
        assert all(str(status) in op.operation["responses"] for status in expected)


def test_postman_build_refuses_an_operation_it_cannot_sequence(dist: Path) -> None:
    document = copy.deepcopy(read(dist / "openapi-3.1" / f"{NAME}.deref.json"))
    document["paths"]["/v1/guests/trips/estimates"] = {
        "post": {"operationId": "estimateGuestTrip", "responses": {"200": {"description": "ok"}}}
    }
    with pytest.raises(dist_postman.SequencingError, match=r"estimateGuestTrip.*add each"):
        dist_postman.make_runnable(copy.deepcopy(collection_of(dist)), document)


def test_postman_build_refuses_an_expected_error_the_document_does_not_list(dist: Path) -> None:
    document = copy.deepcopy(read(dist / "openapi-3.1" / f"{NAME}.deref.json"))
    del document["paths"]["/v1/guests/trips/{request_id}/dispatch"]["post"]["responses"]["404"]
    with pytest.raises(dist_postman.SequencingError, match="expects 404 from dispatchGuestTrip"):
        dist_postman.make_runnable(copy.deepcopy(collection_of(dist)), document)


def test_postman_collection_publishes_no_credentials(dist: Path) -> None:
    variables = {v["key"]: v["value"] for v in collection_of(dist)["variable"]}
    assert variables["client_id"] == variables["client_secret"] == ""
    published = json.dumps(collection_of(dist))
    assert not [app.name for app in DEV_APPLICATIONS if app.client_secret in published]


@contextlib.contextmanager
def fault_proxy(upstream: str, fault: str) -> Iterator[str]:
    """The contract suite's fault proxy in front of `upstream`, breaking `fault`."""
    port = free_port()
    config = uvicorn.Config(
        FaultProxy(upstream, FAULTS[fault]), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def newman(
    dist: Path, sandbox: RunningSandbox, base_url: str, report: Path
) -> tuple[int, dict[str, Any], str]:
    """Run the collection with newman against `base_url` (`sandbox`, or a proxy in front of
    it), with the first-party credentials the sandbox gives its test runs: exit code, JSON
    report, output."""
    credentials = sandbox.env()
    client_id, client_secret = credentials["UBER_CLIENT_ID"], credentials["UBER_CLIENT_SECRET"]
    command = [
        dist_build.node_tool("newman"),
        "run",
        str(dist / "postman" / f"{NAME}.postman_collection.json"),
        *("--env-var", f"baseUrl={base_url}"),
        *("--env-var", f"client_id={client_id}"),
        *("--env-var", f"client_secret={client_secret}"),
        *("--reporters", "cli,json", "--reporter-json-export", str(report)),
        *("--color", "off", "--timeout-request", "10000"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    return result.returncode, json.loads(report.read_text()), result.stdout + result.stderr


def failures_of(report: dict[str, Any]) -> list[tuple[str, str]]:
    """(request name, failed assertion or error) of a newman run."""
    return [
        (str(f["source"].get("name")), str(f["error"].get("test") or f["error"]["message"]))
        for f in report["run"]["failures"]
    ]


def test_postman_collection_runs_with_newman_and_every_request_passes(
    dist: Path, tmp_path: Path
) -> None:
    with local_sandbox(strict=True, log_path=str(tmp_path / "sandbox.log")) as sandbox:
        code, report, output = newman(dist, sandbox, sandbox.base_url, tmp_path / "newman.json")
    print(output)
    stats = report["run"]["stats"]
    assert code == 0, output
    assert failures_of(report) == []
    assert stats["requests"]["failed"] == stats["assertions"]["failed"] == 0
    executed = [e["item"]["name"] for e in report["run"]["executions"]]
    names = [item["name"] for item in postman_requests(collection_of(dist)["item"])]
    assert sorted(set(executed)) == sorted(names)  # every request ran
    for execution in report["run"]["executions"]:
        assertions = [a["assertion"] for a in execution["assertions"]]
        assert assertions[0].startswith("status is "), execution["item"]["name"]
        assert any(a.startswith(("body is ", "no body")) for a in assertions), assertions
        assert not any("error" in a for a in execution["assertions"])
    driver_state = FLOW_REPEATS["setSandboxDriverState"]
    assert executed.count(summary_of("setSandboxDriverState")) == len(driver_state)


FLOW_REPEATS = {
    name: step.repeat[1] for name, step in dist_postman.FLOW.items() if step.repeat is not None
}


def summary_of(operation_id: str) -> str:
    return next(
        str(op.operation["summary"])
        for op in iter_operations(load_spec())
        if op.operation_id == operation_id
    )


@pytest.mark.parametrize(
    ("fault", "operation_id", "failed_test"),
    [
        ("wrong-type", "createGuestTrip", "body is JSON matching the documented schema"),
        ("wrong-content-type", "createAccessToken", "body is JSON matching the documented schema"),
        ("server-error-on-valid-input", "createGuestTrip", "status is 200"),
        ("forbidden-transition", "dispatchGuestTrip", "status is 404"),
    ],
)
def test_newman_run_fails_on_a_broken_server(
    dist: Path, tmp_path: Path, fault: str, operation_id: str, failed_test: str
) -> None:
    """The collection's scripts catch a server that breaks the document (through the
    contract suite's fault proxy), on the request and check that the fault breaks."""
    with (
        local_sandbox(strict=False, log_path=str(tmp_path / "sandbox.log")) as sandbox,
        fault_proxy(sandbox.base_url, fault) as url,
    ):
        code, report, output = newman(dist, sandbox, url, tmp_path / "newman.json")
    assert code != 0, output
    failures = failures_of(report)
    assert any(
        name == summary_of(operation_id) and test.startswith(failed_test) for name, test in failures
    ), failures


def test_tools_needed_by_the_checks_are_installed() -> None:
    """A clear failure when `make dist` has not installed its system tools."""
    missing = [tool for tool in ("chromium", "go", "java") if shutil.which(tool) is None]
    assert not missing, f"missing {missing}: run `make dist-deps`"
