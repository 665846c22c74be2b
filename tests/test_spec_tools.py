"""The document helpers on a small in-memory document, independent of the real one."""

from __future__ import annotations

import pytest

from scripts.spec_tools import (
    deref,
    example_errors,
    iter_examples,
    join_pointer,
    parse_yaml,
    registry,
    resolve_pointer,
)

DOCUMENT = parse_yaml(
    """
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /things/{thing_id}:
    parameters:
      - name: thing_id
        in: path
        required: true
        schema: {type: string, format: uuid}
        example: 6f1c1f36-4ad0-4c4e-9b54-0a1e3f4c2b11
    get:
      operationId: getThing
      parameters:
        - $ref: '#/components/parameters/Lang'
      responses:
        '200':
          description: ok
          headers:
            X-Rate-Limit:
              schema: {type: integer}
              example: 200
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
              examples:
                small: {$ref: '#/components/examples/SmallThing'}
                broken: {value: {id: 7}}
        '404':
          description: missing
          content:
            application/json:
              schema:
                type: object
                properties:
                  code: {type: string, example: not_found}
              example: {code: not_found}
  /things:
    post:
      operationId: createThing
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Thing'}
            example: {id: a, size: 1}
      responses:
        '204': {description: done}
components:
  parameters:
    Lang:
      name: Accept-Language
      in: header
      schema: {type: string}
      examples:
        fr: {value: FR}
  examples:
    SmallThing:
      value: {id: b, size: 0}
  schemas:
    Thing:
      type: object
      required: [id]
      properties:
        id: {type: string}
        size: {type: integer, minimum: 0, examples: [3]}
      examples:
        - {id: c}
"""
)


def test_yaml_scalars_are_read_as_json_would() -> None:
    assert parse_yaml("d: 2024-01-01\nswitch: on\nanswer: yes\nflag: true") == {
        "d": "2024-01-01",
        "switch": "on",
        "answer": "yes",
        "flag": True,
    }


def test_pointers_escape_slashes_and_tildes() -> None:
    pointer = join_pointer("/paths", "/things/{thing_id}", "get")
    assert pointer == "/paths/~1things~1{thing_id}/get"
    assert resolve_pointer(DOCUMENT, pointer)["operationId"] == "getThing"


def test_deref_follows_refs_to_their_target() -> None:
    node, pointer = deref(DOCUMENT, {"$ref": "#/components/examples/SmallThing"}, "/x")
    assert pointer == "/components/examples/SmallThing"
    assert node["value"] == {"id": "b", "size": 0}


def test_walker_finds_every_kind_of_example() -> None:
    found = {example.id: example for example in iter_examples(DOCUMENT)}
    assert set(found) == {
        "getThing-param-thing_id",
        "getThing-param-Accept-Language-fr",
        "getThing-200-small",
        "getThing-200-broken",
        "getThing-200-header-X-Rate-Limit",
        "getThing-404",
        "getThing-404-schema.code-example",
        "createThing-request",
        "schema-Thing-examples[0]",
        "schema-Thing.size-examples[0]",
    }
    small = found["getThing-200-small"]
    assert small.kind == "response"
    assert (
        small.schema_pointer
        == "/paths/~1things~1{thing_id}/get/responses/200/content/application~1json/schema"
    )
    assert small.pointer == "/components/examples/SmallThing/value"


@pytest.mark.parametrize(
    ("example_id", "valid"),
    [
        ("getThing-200-small", True),
        ("getThing-200-broken", False),
        ("createThing-request", True),
        ("getThing-param-thing_id", True),
        ("schema-Thing.size-examples[0]", True),
    ],
)
def test_examples_are_checked_against_the_resolved_schema(example_id: str, valid: bool) -> None:
    example = next(e for e in iter_examples(DOCUMENT) if e.id == example_id)
    assert (example_errors(example, registry(DOCUMENT)) == []) is valid


def test_format_is_checked() -> None:
    example = next(e for e in iter_examples(DOCUMENT) if e.id == "getThing-param-thing_id")
    bad = type(example)(example.id, example.kind, "not-a-uuid", example.schema_pointer, "")
    assert example_errors(bad, registry(DOCUMENT))


def test_duplicate_ids_are_made_unique() -> None:
    document = {
        "openapi": "3.1.0",
        "paths": {
            "/a": {"get": {"operationId": "same", "responses": {"200": _response()}}},
            "/b": {"get": {"operationId": "same", "responses": {"200": _response()}}},
        },
    }
    assert [example.id for example in iter_examples(document)] == ["same-200", "same-200#2"]


def _response() -> dict[str, object]:
    return {
        "description": "ok",
        "content": {"application/json": {"schema": {"type": "integer"}, "example": 1}},
    }
