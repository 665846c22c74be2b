"""The edge's router, its handler table, and how it treats its own bugs."""

from __future__ import annotations

import copy

import pytest

from mock_server import app as app_module
from mock_server.app import MissingHandlers, Router, check_handlers
from mock_server.auth import DEV_APPLICATIONS, DEV_ORGANIZATION, organization_refusal
from mock_server.domain import trips as ts
from mock_server.domain.errors import ClientError, IllegalTransition, InvariantViolation
from mock_server.validation import Document

from .conftest import START_MS, trip_body
from .http_support import client_for, document, make_sandbox, token

FIRST_PARTY, THIRD_PARTY, _ = DEV_APPLICATIONS


# ---------------------------------------------------------------------------- router


def small_router() -> Router[str]:
    router: Router[str] = Router()
    router.add("/v1/guests/trips", "create")
    router.add("/v1/guests/trips/{request_id}", "read")
    router.add("/v1/guests/trips/{request_id}/dispatch", "dispatch")
    return router


def test_router_matches_a_literal_path_without_parameters():
    assert small_router().match("/v1/guests/trips") == ("create", {})


def test_router_reads_path_parameters_from_one_segment():
    router = small_router()
    assert router.match("/v1/guests/trips/abc") == ("read", {"request_id": "abc"})
    assert router.match("/v1/guests/trips/abc/dispatch") == ("dispatch", {"request_id": "abc"})
    assert router.match("/v1/guests/trips/a/b") is None


def test_router_answers_the_trailing_slash_twin_of_each_path():
    router = small_router()
    assert router.match("/v1/guests/trips/") == ("create", {})
    assert router.match("/v1/guests/trips/abc/") == ("read", {"request_id": "abc"})


def test_router_has_no_match_for_an_unknown_path():
    assert small_router().match("/v1/guests/zones") is None
    assert small_router().match("/v1/guests") is None


def test_router_keeps_the_first_endpoint_of_a_literal_path():
    router: Router[str] = Router()
    router.add("/a", "first")
    router.add("/a", "second")
    assert router.match("/a") == ("first", {})


# --------------------------------------------------------------------- handler table


def test_every_operation_of_the_document_has_a_handler_and_no_more():
    assert set(app_module.HANDLERS) == set(document().operations)


def test_sandbox_refuses_to_start_when_an_operation_has_no_handler(monkeypatch):
    monkeypatch.delitem(app_module.HANDLERS, "dispatchGuestTrip")
    with pytest.raises(MissingHandlers, match="dispatchGuestTrip"):
        make_sandbox()


def test_sandbox_refuses_to_start_with_a_handler_for_no_operation(monkeypatch):
    monkeypatch.setitem(app_module.HANDLERS, "cancelEverything", app_module.get_sandbox_clock)
    with pytest.raises(MissingHandlers, match="cancelEverything"):
        make_sandbox()


def test_a_document_with_a_new_operation_is_refused_until_it_has_a_handler():
    raw = copy.deepcopy(document().raw)
    raw["paths"]["/v1/guests/zones"] = {
        "get": {"operationId": "getGuestZones", "responses": {"200": {"description": "ok"}}}
    }
    with pytest.raises(MissingHandlers, match="getGuestZones"):
        check_handlers(Document(raw, check_responses=False).operations, app_module.HANDLERS)


# ---------------------------------------------------------------- organization rule


def test_third_party_application_must_name_an_organization():
    assert organization_refusal(THIRD_PARTY, None) is not None
    assert organization_refusal(THIRD_PARTY, DEV_ORGANIZATION) is None
    assert organization_refusal(THIRD_PARTY, DEV_ORGANIZATION.upper()) is None


def test_third_party_application_cannot_name_an_organization_it_does_not_act_for():
    assert organization_refusal(THIRD_PARTY, "11111111-1111-4111-8111-111111111111") is not None


def test_first_party_application_may_omit_or_name_any_organization():
    assert organization_refusal(FIRST_PARTY, None) is None
    assert organization_refusal(FIRST_PARTY, "11111111-1111-4111-8111-111111111111") is None


# ------------------------------------------------------------ invariant violations


def test_an_illegal_transition_is_an_invariant_violation_not_a_client_error(rides, me):
    trip = rides.create_trip(me, trip_body())
    assert trip.status == ts.PROCESSING
    with pytest.raises(IllegalTransition) as raised:
        trip.move(ts.COMPLETED, START_MS)
    assert isinstance(raised.value, InvariantViolation)
    assert not isinstance(raised.value, ClientError)


def broken_life_cycle(sandbox, ctx):
    raise IllegalTransition(ts.PROCESSING, ts.COMPLETED)


def test_strict_mode_raises_an_invariant_violation(monkeypatch):
    client = client_for(make_sandbox(strict=True))
    headers = token(client)
    monkeypatch.setitem(app_module.HANDLERS, "getSandboxClock", broken_life_cycle)
    with pytest.raises(IllegalTransition):
        client.get("/__sandbox/clock", headers=headers)


def test_without_strict_mode_an_invariant_violation_is_a_500_not_a_400(monkeypatch):
    client = client_for(make_sandbox(strict=False))
    headers = token(client)
    monkeypatch.setitem(app_module.HANDLERS, "getSandboxClock", broken_life_cycle)
    answer = client.get("/__sandbox/clock", headers=headers)
    assert answer.status_code == 500
    assert answer.json()["code"] == "internal_server_error"


def test_the_readme_lists_every_operation_of_the_document():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    missing = [op for op in document().operations if f"`{op}`" not in readme]
    assert missing == []
    assert f"{len(document().operations)} operations" in readme
