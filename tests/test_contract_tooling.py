"""The contract suite's plumbing: target selection, exclusions, tokens, summaries, reports."""

from __future__ import annotations

import httpx
import pytest

from contract_tests import auth, hooks, recorder, sanitization, target
from contract_tests.suite import raw_document


def _target(monkeypatch: pytest.MonkeyPatch, **env: str) -> target.Target:
    for name in (
        "BASE_URL",
        "CONTRACT_PROFILE",
        "CONTRACT_TARGET",
        "UBER_TOKEN",
        "UBER_CLIENT_ID",
        "UBER_CLIENT_SECRET",
        "UBER_TOKEN_URL",
        "UBER_USER_TOKEN",
        "UBER_ORG_UUID",
        "UBER_SANDBOX_RUN_UUID",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return target.from_env()


def test_loopback_servers_get_the_full_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = _target(monkeypatch, BASE_URL="http://127.0.0.1:8000/")
    assert chosen.profile == "full" and chosen.base_url == "http://127.0.0.1:8000"
    assert chosen.token_url == "http://127.0.0.1:8000/oauth/v2/token"


def test_remote_servers_get_the_remote_profile_and_the_documents_token_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen = _target(monkeypatch, BASE_URL="https://sandbox-api.uber.com")
    assert chosen.remote
    document = raw_document()
    flows = document["components"]["securitySchemes"]["guestOAuth"]["flows"]
    assert chosen.token_url == flows["clientCredentials"]["tokenUrl"]
    assert not chosen.serves_token_endpoint


def test_profile_can_be_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _target(monkeypatch, BASE_URL="http://localhost:1", CONTRACT_PROFILE="remote").remote
    with pytest.raises(RuntimeError):
        _target(monkeypatch, BASE_URL="http://localhost:1", CONTRACT_PROFILE="everything")


def test_other_servers_do_not_get_local_only_operations(monkeypatch: pytest.MonkeyPatch) -> None:
    document = raw_document()
    local_only = {
        op["operationId"]
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and op.get(target.LOCAL_ONLY_EXTENSION)
    }
    assert local_only, "the document marks the local sandbox's controls"
    remote = _target(monkeypatch, BASE_URL="https://sandbox-api.uber.com", UBER_TOKEN="t0ken-value")
    excluded = hooks.exclusions(document, remote)
    assert local_only <= set(excluded)
    assert "createAccessToken" in excluded and "getRideRequest" in excluded
    local = _target(monkeypatch, BASE_URL="http://127.0.0.1:1", CONTRACT_TARGET="local-sandbox")
    assert hooks.exclusions(document, local) == {}


def test_each_operation_gets_the_scheme_its_security_names(monkeypatch: pytest.MonkeyPatch) -> None:
    document = raw_document()
    tokens = auth.Tokens(_target(monkeypatch, BASE_URL="http://127.0.0.1:1"))
    schemes = {
        op["operationId"]: tokens.scheme_for(op, document)
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert schemes["getRideRequest"] == auth.USER_SCHEME
    assert schemes["createGuestTrip"] == auth.APP_SCHEME
    assert schemes["createAccessToken"] is None


def test_refused_token_is_fetched_again_once(monkeypatch: pytest.MonkeyPatch) -> None:
    issued = iter(["first", "second", "third"])

    def fake_post(url: str, data: dict, timeout: float) -> httpx.Response:
        assert data["grant_type"] == "client_credentials" and data["scope"] == "guests.trips"
        return httpx.Response(200, json={"access_token": next(issued)})

    monkeypatch.setattr(auth.httpx, "post", fake_post)
    source = auth.TokenSource(
        fixed=None, token_url="http://x/t", client_id="id", client_secret="s", scope="guests.trips"
    )
    assert source.get() == "first" and source.get() == "first"
    assert source.refresh("first") == "second"
    # Another caller that saw the same stale token does not fetch a third one.
    assert source.refresh("first") == "second"
    assert source.fetches == 2


def test_refused_credentials_do_not_leak_into_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        auth.httpx, "post", lambda *a, **k: httpx.Response(401, json={"error": "invalid_client"})
    )
    source = auth.TokenSource(
        fixed=None, token_url="http://x/t", client_id="id", client_secret="hunter22", scope="s"
    )
    with pytest.raises(auth.AuthError) as error:
        source.get()
    assert "invalid_client" in str(error.value) and "hunter22" not in str(error.value)


def test_curl_lines_take_the_token_from_the_environment() -> None:
    line = "curl -X GET -H 'Authorization: [Filtered]' http://127.0.0.1:1/v1/guests/trips/x"
    assert recorder.runnable_curl(line) == (
        'curl -X GET -H "Authorization: Bearer $UBER_TOKEN" http://127.0.0.1:1/v1/guests/trips/x'
    )


def test_summaries_of_several_workers_add_up() -> None:
    failure = {"operation": "getGuestTrip", "check": "c", "title": "t", "count": 1, "curl": ""}
    merged = recorder.merge(
        [
            {"cases": {"getGuestTrip": 3}, "failures": [failure]},
            {"cases": {"getGuestTrip": 2, "createGuestTrip": 1}, "failures": [dict(failure)]},
        ]
    )
    assert merged["cases"] == {"getGuestTrip": 5, "createGuestTrip": 1}
    assert len(merged["failures"]) == 1 and merged["failures"][0]["count"] == 2


def test_reports_are_searched_for_credentials(tmp_path) -> None:
    har = tmp_path / "contract.har"
    har.write_text('{"headers": [{"name": "Authorization", "value": "Bearer sbx.abcdefgh"}]}')
    clean = tmp_path / "junit.xml"
    clean.write_text("<testsuite/>")
    assert sanitization.leaks([har, clean], ["sbx.abcdefgh"]) == [
        "contract.har: a credential (sbx...) is written in clear"
    ]
    assert sanitization.leaks([clean], ["sbx.abcdefgh"]) == []
