"""The one loader and `$ref` resolver (`mock_server.spec`), and that its readers agree.

The sandbox, the scripts and the tests all read the document through it, so the OpenAPI
3.1 meaning is decided once: keywords beside a schema `$ref` apply alongside it; fields
beside a `$ref` to another object override the target's; a chain of references that
returns to itself names nothing.
"""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from mock_server.spec import (
    RefCycle,
    RefError,
    deref,
    deref_schema,
    lookup,
    parse_yaml,
)
from mock_server.validation import Document as SandboxDocument
from scripts.breaking import breaking_changes

DOCUMENT: dict[str, Any] = parse_yaml(
    """
openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Code: {type: string, description: target}
    ShortCode: {$ref: '#/components/schemas/Code', maxLength: 3, description: sibling}
    Alias: {$ref: '#/components/schemas/Code'}
    AliasOfAlias: {$ref: '#/components/schemas/Alias'}
    Loop: {$ref: '#/components/schemas/LoopBack'}
    LoopBack: {$ref: '#/components/schemas/Loop'}
    Self: {$ref: '#/components/schemas/Self'}
    Tree:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
    Thing:
      type: object
      properties:
        id: {type: string}
    Dangling: {$ref: '#/components/schemas/Nothing'}
    a/b: {type: integer}
  parameters:
    Limit:
      name: limit
      in: query
      description: the target's
      schema: {type: integer}
"""
)


def test_a_chain_of_schema_refs_resolves_to_its_target_and_pointer():
    schema, pointer = deref_schema(DOCUMENT, {"$ref": "#/components/schemas/AliasOfAlias"})
    assert schema == {"type": "string", "description": "target"}
    assert pointer == "/components/schemas/Code"


def test_keywords_beside_a_schema_ref_apply_alongside_it():
    schema, pointer = deref_schema(
        DOCUMENT, DOCUMENT["components"]["schemas"]["ShortCode"], "/components/schemas/ShortCode"
    )
    assert schema == {
        "allOf": [
            {"type": "string", "description": "target"},
            {"maxLength": 3, "description": "sibling"},
        ]
    }
    assert pointer == "/components/schemas/ShortCode"
    validator = Draft202012Validator(schema)
    assert validator.is_valid("abc")
    assert not validator.is_valid("abcd")  # the sibling applies
    assert not validator.is_valid(12)  # and so does the target


def test_fields_beside_a_ref_to_an_object_override_the_targets():
    parameter, pointer = deref(
        DOCUMENT, {"$ref": "#/components/parameters/Limit", "description": "this operation's"}
    )
    assert parameter["description"] == "this operation's"
    assert parameter["name"] == "limit" and parameter["schema"] == {"type": "integer"}
    assert pointer == "/components/parameters/Limit"


@pytest.mark.parametrize("name", ["Loop", "Self"])
@pytest.mark.parametrize("follow", [deref, deref_schema])
def test_a_ref_chain_that_returns_to_itself_is_an_error(name, follow):
    with pytest.raises(RefCycle):
        follow(DOCUMENT, {"$ref": f"#/components/schemas/{name}"})


def test_a_schema_that_refers_to_itself_from_a_property_resolves():
    schema, _ = deref_schema(DOCUMENT, {"$ref": "#/components/schemas/Tree"})
    assert schema["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Tree"}


def test_a_ref_to_nothing_or_outside_the_document_is_an_error():
    with pytest.raises(RefError, match="names nothing"):
        deref_schema(DOCUMENT, DOCUMENT["components"]["schemas"]["Dangling"])
    with pytest.raises(RefError, match="only local"):
        deref(DOCUMENT, {"$ref": "other.yaml#/components/schemas/Code"})


def test_refs_are_uri_fragments_with_escaped_json_pointer_tokens():
    assert lookup(DOCUMENT, "#/components/schemas/a~1b") == {"type": "integer"}
    assert lookup(DOCUMENT, "#/components/schemas/a%7E1b") == {"type": "integer"}


# ------------------------------------------------------------- readers agree


def with_response(schema: dict[str, Any]) -> dict[str, Any]:
    document = parse_yaml(
        """
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /things:
    get:
      operationId: getThings
      responses:
        '200':
          description: ok
          content:
            application/json: {}
"""
    )
    document["components"] = DOCUMENT["components"]
    document["paths"]["/things"]["get"]["responses"]["200"]["content"]["application/json"] = {
        "schema": schema
    }
    return document


def test_the_sandbox_sees_properties_beside_a_ref():
    document = with_response(
        {"$ref": "#/components/schemas/Thing", "properties": {"extra": {"type": "string"}}}
    )
    sandbox = SandboxDocument(document, check_responses=False)
    assert sandbox.operations["getThings"].response(200).properties == {"id", "extra"}


def test_the_breaking_change_check_sees_a_keyword_beside_a_ref():
    old = with_response({"$ref": "#/components/schemas/Thing"})
    new = with_response({"$ref": "#/components/schemas/Thing", "required": ["id"]})
    assert [change.rule for change in breaking_changes(new, old)] == ["response-field-optional"]
