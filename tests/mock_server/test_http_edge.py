"""The HTTP edge: auth, tenants, request validation, envelopes, strict mode."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mock_server import app as app_module
from mock_server.validation import ResponseContractError

from .conftest import ON_DEMAND, START_MS, trip_body
from .http_support import ORG, Stores, client_for, make_sandbox, token, with_run

TRIPS = "/v1/guests/trips"
MISSING = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def sandbox():
    return make_sandbox()


@pytest.fixture
def client(sandbox):
    return client_for(sandbox)


@pytest.fixture
def auth(client):
    return with_run(client, token(client))


def create(client, headers, body=None, **extra):
    return client.post(TRIPS, json=body or trip_body(), headers={**headers, **extra})


# ------------------------------------------------------------------ tokens


def test_token_endpoint_issues_a_bearer_token_with_the_dev_credentials(client):
    answer = client.post(
        "/oauth/v2/token",
        data={
            "client_id": "sandbox-client-id",
            "client_secret": "sandbox-client-secret",
            "grant_type": "client_credentials",
            "scope": "guests.trips",
        },
    )
    assert answer.status_code == 200
    assert answer.json()["token_type"] == "Bearer"
    assert answer.json()["expires_in"] == 2_592_000
    assert answer.json()["scope"] == "guests.trips"


def test_token_endpoint_accepts_multipart_forms(client):
    answer = client.post(
        "/oauth/v2/token",
        files={
            "client_id": (None, "sandbox-client-id"),
            "client_secret": (None, "sandbox-client-secret"),
            "grant_type": (None, "client_credentials"),
        },
    )
    assert answer.status_code == 200, answer.text


def test_token_with_a_wrong_secret_is_invalid_client(client):
    answer = client.post(
        "/oauth/v2/token",
        data={
            "client_id": "sandbox-client-id",
            "client_secret": "x",
            "grant_type": "client_credentials",
        },
    )
    assert (answer.status_code, answer.json()["error"]) == (401, "invalid_client")


def test_token_for_an_ungranted_scope_is_invalid_scope(client):
    answer = client.post(
        "/oauth/v2/token",
        data={
            "client_id": "sandbox-3p-client-id",
            "client_secret": "sandbox-3p-client-secret",
            "grant_type": "client_credentials",
            "scope": "guests.trips all_trips",
        },
    )
    assert (answer.status_code, answer.json()["error"]) == (400, "invalid_scope")


def test_token_request_in_json_is_415(client):
    answer = client.post("/oauth/v2/token", json={"client_id": "sandbox-client-id"})
    assert answer.status_code == 415
    assert answer.json()["error"] == "invalid_request"


def test_token_with_another_grant_type_is_refused(client):
    answer = client.post(
        "/oauth/v2/token",
        data={
            "client_id": "sandbox-client-id",
            "client_secret": "sandbox-client-secret",
            "grant_type": "password",
        },
    )
    assert answer.status_code == 400
    assert answer.json()["error"] in ("invalid_request", "unsupported_grant_type")


# -------------------------------------------------------------- auth rules


def test_no_token_is_401_in_the_trip_envelope(client):
    answer = client.get(f"{TRIPS}/{MISSING}")
    assert answer.status_code == 401
    assert answer.json() == {
        "code": "unauthorized",
        "message": "No authentication provided.",
        "metadata": {"statusCode": "401"},
    }


def test_no_token_on_communication_is_401_in_its_envelope(client):
    answer = client.put(f"{TRIPS}/{MISSING}/communication", json={"phone_number": "+14155551234"})
    assert answer.status_code == 401
    assert answer.json()["errCode"] == "unauthorized"
    assert answer.json()["data"] == {"statusCode": "401"}


def test_unknown_and_expired_tokens_are_401(client, sandbox, auth):
    assert (
        client.get(f"{TRIPS}/{MISSING}", headers={"authorization": "Bearer nope"}).status_code
        == 401
    )
    assert client.get(f"{TRIPS}/{MISSING}", headers=auth).status_code == 404
    sandbox.clock.advance(30 * 86400)
    assert client.get(f"{TRIPS}/{MISSING}", headers=auth).status_code == 401


def test_token_without_guests_trips_scope_is_403(client):
    answer = create(client, token(client, "no-scope-id"))
    assert (answer.status_code, answer.json()["code"]) == (403, "forbidden")


def test_third_party_app_without_organization_header_is_403(client):
    headers = token(client, "sandbox-3p-client-id")
    answer = create(client, headers)
    assert answer.status_code == 403
    assert "x-uber-organizationuuid" in answer.json()["message"]
    with_org = with_run(client, {**headers, "x-uber-organizationuuid": ORG})
    assert create(client, with_org).status_code == 200


def test_third_party_app_cannot_act_for_another_organization(client):
    headers = token(client, "sandbox-3p-client-id")
    answer = create(client, headers, **{"x-uber-organizationuuid": MISSING})
    assert answer.status_code == 403


def test_another_applications_trip_is_404(client, auth):
    request_id = create(client, auth).json()["request_id"]
    other = token(client, "sandbox-all-trips-client-id")
    assert client.get(f"{TRIPS}/{request_id}", headers=other).status_code == 404
    assert client.get(f"{TRIPS}/{request_id}", headers=auth).status_code == 200


def test_riders_api_needs_the_request_or_all_trips_scope(client, auth):
    request_id = create(client, auth).json()["request_id"]
    guests_only = token(client, scope="guests.trips")
    answer = client.get(f"/v1.2/requests/{request_id}", headers=guests_only)
    assert answer.status_code == 403
    assert set(answer.json()) == {"code", "message"}
    assert client.get(f"/v1.2/requests/{request_id}", headers=auth).json()["status"] == "processing"


def test_riders_api_reads_other_applications_trips_with_all_trips(client, auth):
    request_id = create(client, auth).json()["request_id"]
    viewer = token(client, "sandbox-all-trips-client-id")
    assert client.get(f"/v1.2/requests/{request_id}", headers=viewer).status_code == 200
    own_only = token(client, "sandbox-all-trips-client-id", scope="request")
    assert client.get(f"/v1.2/requests/{request_id}", headers=own_only).status_code == 404


def test_riders_api_invalid_id_is_422(client, auth):
    answer = client.get("/v1.2/requests/not-a-uuid", headers=auth)
    assert (answer.status_code, answer.json()["code"]) == (422, "validation_failed")


# -------------------------------------------------------- request validation


def test_missing_field_is_400_naming_the_field(client, auth):
    body = trip_body()
    del body["guest"]["phone_number"]
    answer = create(client, auth, body)
    assert answer.status_code == 400
    assert answer.json()["code"] == "validation_failed"
    assert answer.json()["message"] == "guest.phone_number: field is required"


def test_invalid_field_is_400_naming_the_field(client, auth):
    answer = create(client, auth, trip_body(pickup={"latitude": 91, "longitude": 0}))
    assert answer.status_code == 400
    assert answer.json()["message"].startswith("pickup.latitude:")


def test_non_uuid_request_id_is_400(client, auth):
    answer = client.get(f"{TRIPS}/not-a-uuid", headers=auth)
    assert (answer.status_code, answer.json()["code"]) == (400, "validation_failed")


def test_include_editable_fields_must_be_a_boolean(client, auth):
    request_id = create(client, auth).json()["request_id"]
    assert "editable_fields" not in client.get(f"{TRIPS}/{request_id}", headers=auth).json()
    assert (
        "editable_fields"
        in client.get(f"{TRIPS}/{request_id}?include_editable_fields=true", headers=auth).json()
    )
    assert (
        client.get(f"{TRIPS}/{request_id}?include_editable_fields=maybe", headers=auth).status_code
        == 400
    )


@pytest.mark.parametrize(
    "raw",
    [b"{", b"\xff\xfe{}", b"[" * 100_000, b'{"a": NaN}', b'{"guest": "\\ud800"}', b"", b"null"],
    ids=["truncated", "not-utf8", "deep", "nan", "lone-surrogate", "empty", "null"],
)
def test_malformed_bodies_are_400(client, auth, raw):
    answer = client.post(TRIPS, content=raw, headers={**auth, "content-type": "application/json"})
    assert answer.status_code == 400
    assert answer.json()["code"] == "validation_failed"


JSON_BODY_PATHS = (
    TRIPS,
    f"{TRIPS}/{MISSING}/communication",
    "/v1/guests/sandbox/run",
    "/v1/guests/sandbox/driver-state",
    "/__sandbox/clock",
)


@pytest.mark.parametrize("depth", [33, 256, 300, 1024, 5000])
@pytest.mark.parametrize("path", JSON_BODY_PATHS)
def test_deeply_nested_bodies_are_400_on_every_json_operation(client, auth, path, depth):
    raw = ("[" * depth + "]" * depth).encode()
    method = client.put if path.endswith("/communication") else client.post
    answer = method(path, content=raw, headers={**auth, "content-type": "application/json"})
    assert answer.status_code == 400, answer.text


def test_nesting_within_the_limit_reaches_schema_validation(client, auth):
    body = trip_body(x=json.loads("[" * 31 + "]" * 31))
    assert create(client, auth, body).status_code == 200


def test_non_ascii_secret_for_a_known_client_is_invalid_client(client):
    answer = client.post(
        "/oauth/v2/token",
        data={
            "client_id": "sandbox-client-id",
            "client_secret": "sandbox-client-s\u00e9cret",
            "grant_type": "client_credentials",
        },
    )
    assert (answer.status_code, answer.json()["error"]) == (401, "invalid_client")


def test_wrong_content_type_is_415(client, auth):
    answer = client.post(
        TRIPS, content=json.dumps(ON_DEMAND), headers={**auth, "content-type": "text/plain"}
    )
    assert (answer.status_code, answer.json()["code"]) == (415, "unsupported_media_type")


def test_oversized_body_is_413(client, auth):
    answer = client.post(
        TRIPS, content=b" " * (300 * 1024), headers={**auth, "content-type": "application/json"}
    )
    assert (answer.status_code, answer.json()["code"]) == (413, "payload_too_large")


def test_oversized_streamed_body_is_413(client, auth):
    def chunks():
        for _ in range(400):
            yield b" " * 1024

    answer = client.post(
        TRIPS, content=chunks(), headers={**auth, "content-type": "application/json"}
    )
    assert answer.status_code == 413


def test_undocumented_method_is_405_with_allow(client, auth):
    answer = client.patch(f"{TRIPS}/{MISSING}", headers=auth)
    assert answer.status_code == 405
    assert answer.headers["allow"] == "DELETE, GET, PUT"
    assert client.patch(TRIPS, headers=auth).headers["allow"] == "GET, POST"
    # a concrete path wins over the templated trip path: estimates is not a trip id
    assert client.get(f"{TRIPS}/estimates", headers=auth).headers["allow"] == "POST"


def test_unknown_path_is_404(client):
    assert client.get("/v1/guests/nothing-here").status_code == 404


def test_create_accepts_the_trailing_slash_of_the_docs_example(client, auth):
    answer = client.post(TRIPS + "/", json=trip_body(), headers=auth)
    assert answer.status_code == 200


_FUZZ: dict = {}


def _fuzz_target():
    """One sandbox for all the examples of one run of the test (one per store)."""
    key = Stores.directory
    if key not in _FUZZ:
        client = client_for(make_sandbox())
        _FUZZ.clear()
        _FUZZ[key] = (client, token(client))
    return _FUZZ[key]


# Derandomized: the same bodies every run, whatever seed the run was given.
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    body=st.binary(max_size=200)
    | st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["guest", "pickup", "product_id", "x"]), inner, max_size=3
            )
        ),
        max_leaves=10,
    ).map(lambda v: json.dumps(v).encode())
)
def test_no_client_input_causes_a_server_error(body):
    client, headers = _fuzz_target()
    for path in (
        TRIPS,
        f"{TRIPS}/{MISSING}/dispatch",
        "/v1/guests/sandbox/driver-state",
        "/oauth/v2/token",
    ):
        answer = client.post(
            path, content=body, headers={**headers, "content-type": "application/json"}
        )
        assert answer.status_code < 500


# ---------------------------------------------------------------- strict mode


def test_strict_mode_raises_when_a_response_breaks_the_document(client, auth, monkeypatch):
    def broken(sandbox, ctx):
        return app_module.Reply(
            200, {"request_id": "not-a-uuid", "status": "processing", "product_id": MISSING}
        )

    monkeypatch.setitem(app_module.HANDLERS, "createGuestTrip", broken)
    with pytest.raises(ResponseContractError):
        create(client, auth)


def test_strict_mode_raises_on_an_undocumented_status(client, auth, monkeypatch):
    monkeypatch.setitem(
        app_module.HANDLERS,
        "getSandboxClock",
        lambda s, c: app_module.Reply(418, {"code": "x", "message": "y"}),
    )
    with pytest.raises(ResponseContractError):
        client.get("/__sandbox/clock", headers=auth)


def test_without_strict_mode_an_unexpected_error_is_a_documented_500(auth, monkeypatch):
    sandbox = make_sandbox(strict=False)
    client = client_for(sandbox)
    headers = token(client)

    def boom(sandbox, ctx):
        raise RuntimeError("bug")

    monkeypatch.setitem(app_module.HANDLERS, "getSandboxClock", boom)
    answer = client.get("/__sandbox/clock", headers=headers)
    assert answer.status_code == 500
    assert answer.json()["code"] == "internal_server_error"


def test_start_time_of_the_test_clock(client, auth):
    assert client.get("/__sandbox/clock", headers=auth).json() == {"now_ms": START_MS}


def test_clock_cannot_move_past_the_last_calendar_day(client, auth):
    last = client.post("/__sandbox/clock", headers=auth, json={"now_ms": 253402300799999})
    assert last.json() == {"now_ms": 253402300799999}
    fresh = token(client)  # tokens expire on the sandbox clock
    answer = client.post("/__sandbox/clock", headers=fresh, json={"advance_seconds": 1})
    assert answer.status_code == 400
    assert answer.json()["code"] == "validation_failed"
    assert answer.json()["message"].startswith("advance_seconds:")


def test_health_answers_without_a_token_and_names_the_store(client, store_kind):
    answer = client.get("/__sandbox/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "store": store_kind, "now_ms": START_MS}


def test_health_is_503_when_the_store_cannot_be_read(client, sandbox, monkeypatch):
    from mock_server.domain.state import StoreUnavailable

    def unreadable():
        raise StoreUnavailable("disk I/O error")

    monkeypatch.setattr(sandbox.store, "check", unreadable)
    answer = client.get("/__sandbox/health")
    assert answer.status_code == 503
    assert answer.json()["code"] == "store_unavailable"
