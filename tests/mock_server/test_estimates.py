"""Estimates and upfront fares: the domain's rules, then the same over HTTP in strict mode."""

from __future__ import annotations

from typing import Any

import pytest

from mock_server.domain.errors import FareConflict, NotFound, ValidationFailed
from mock_server.domain.service import Caller

from .conftest import HOURLY, RESERVE, START_MS, UBERX, ny_date, trip_body
from .http_support import client_for, document, make_sandbox, token, with_run

SHARE = "17cb78a7-b672-4d34-a288-a6c6e44d5315"
BLACK = "d4abaae7-f4d6-4152-91cc-77523e8165a4"
NY_PICKUP = {"latitude": 40.752558, "longitude": -74.006469}
NY_DROPOFF = {"latitude": 40.750568, "longitude": -73.993519}
ESTIMATES = "/v1/guests/trips/estimates"
TRIPS = "/v1/guests/trips"


def ride(**extra: Any) -> dict[str, Any]:
    return {"pickup": dict(NY_PICKUP), "dropoff": dict(NY_DROPOFF), **extra}


def by_product(answer: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["product"]["product_id"]: item for item in answer["product_estimates"]}


def schema_enum(name: str) -> list[str]:
    return list(document().raw["components"]["schemas"][name]["enum"])


def fare_id_of(item: dict[str, Any]) -> str:
    info = item.get("estimate_info")
    return str(info["fare_id"] if info else item["fare_id"])


# ------------------------------------------------------------------------ domain


def test_a_ride_now_lists_the_products_that_dispatch_now_with_etas(rides, me):
    answer = rides.estimate(me, ride(), None, "en")
    items = by_product(answer)
    assert answer["etas_unavailable"] is False and answer["fares_unavailable"] is False
    assert RESERVE not in items and HOURLY not in items
    assert {item["product"]["advance_booking_type"] for item in items.values()} == {"SCHEDULED"}
    for item in items.values():
        assert item["estimate_info"]["pickup_estimate"] >= 0
        assert item["estimate_info"]["no_cars_available"] is False
        assert item["fulfillment_indicator"] == "GREEN"


def test_upfront_products_get_a_fare_and_others_a_price_range(rides, me):
    items = by_product(rides.estimate(me, ride(), None, "en"))
    uberx, share = items[UBERX]["estimate_info"], items[SHARE]["estimate_info"]
    assert items[UBERX]["product"]["upfront_fare_enabled"] is True
    assert uberx["fare"]["fare_id"] == uberx["fare_id"] and "estimate" not in uberx
    assert uberx["fare"]["fare_breakdown"] == [
        {"name": "Base Fare", "type": "base_fare", "value": uberx["fare"]["value"]}
    ]
    assert items[SHARE]["product"]["upfront_fare_enabled"] is False
    assert "fare" not in share
    assert share["estimate"]["low_estimate"] < share["estimate"]["high_estimate"]


def test_a_fare_expires_after_the_products_ttl_on_the_sandbox_clock(rides, me, clock):
    items = by_product(rides.estimate(me, ride(), None, "en"))
    assert items[UBERX]["estimate_info"]["fare"]["expires_at"] == START_MS // 1000 + 120
    rides.set_surge(me, UBERX, 1.0, fare_ttl_seconds=30)
    fare = by_product(rides.estimate(me, ride(), None, "en"))[UBERX]["estimate_info"]["fare"]
    assert fare["expires_at"] == START_MS // 1000 + 30
    clock.advance(30)
    with pytest.raises(FareConflict) as caught:
        rides.create_trip(me, trip_body(fare_id=fare["fare_id"]))
    assert caught.value.code == "fare_expired"


def test_create_consumes_a_fare_once_and_charges_its_value(rides, me, run_id):
    fare = by_product(rides.estimate(me, ride(), None, "en"))[UBERX]["estimate_info"]["fare"]
    trip = rides.create_trip(me, trip_body(fare_id=fare["fare_id"]))
    assert trip.upfront_fare == fare["value"]
    with pytest.raises(FareConflict) as caught:
        rides.create_trip(me, trip_body(fare_id=fare["fare_id"]))
    assert caught.value.code == "fare_expired"
    assert caught.value.metadata and caught.value.metadata["fare_id"] != fare["fare_id"]


def test_a_fare_for_another_product_is_refused_as_expired(rides, me):
    black = by_product(rides.estimate(me, ride(), None, "en"))[BLACK]["estimate_info"]["fare_id"]
    with pytest.raises(FareConflict) as caught:
        rides.create_trip(me, trip_body(fare_id=black))
    assert caught.value.code == "fare_expired"


def test_a_fare_belongs_to_the_application_that_received_it(rides, me):
    fare_id = by_product(rides.estimate(me, ride(), None, "en"))[UBERX]["estimate_info"]["fare_id"]
    with pytest.raises(FareConflict):
        rides.create_trip(Caller("app-two"), trip_body(fare_id=fare_id))


def test_surge_prices_the_fare_at_the_multiplier_with_an_explanation(rides, me):
    calm = by_product(rides.estimate(me, ride(), None, "en"))[UBERX]["estimate_info"]
    rides.set_surge(me, UBERX, 1.5)
    item = by_product(rides.estimate(me, ride(), None, "en"))[UBERX]
    info = item["estimate_info"]
    assert info["fare"]["multiplier"] == 1.5
    assert info["fare"]["value"] > calm["fare"]["value"]
    assert "multiplier" not in calm["fare"] and "pricing_explanation" not in calm
    assert info["pricing_explanation"]
    assert item["fulfillment_indicator"] == "YELLOW"
    trip = rides.create_trip(me, trip_body(fare_id=info["fare_id"]))
    assert trip.surge_multiplier == 1.5


def test_surge_without_a_fare_still_answers_409_surge(rides, me):
    rides.set_surge(me, UBERX, 1.5)
    with pytest.raises(FareConflict) as caught:
        rides.create_trip(me, trip_body())
    assert caught.value.code == "surge"


def test_a_run_without_an_idle_driver_has_no_cars(rides, me, run_id):
    with_cars = by_product(rides.estimate(me, ride(), run_id, "en"))[UBERX]
    assert with_cars["estimate_info"]["no_cars_available"] is False
    rides.create_trip(me, trip_body(), run_id)  # the run's only driver is offered this trip
    item = by_product(rides.estimate(me, ride(), run_id, "en"))[UBERX]
    assert item["estimate_info"]["no_cars_available"] is True
    assert "pickup_estimate" not in item["estimate_info"]
    assert item["fulfillment_indicator"] == "RED"


def test_an_unknown_run_is_an_invalid_run_id(rides, me):
    with pytest.raises(NotFound) as caught:
        rides.estimate(me, ride(), "00000000-0000-4000-8000-000000000000", "en")
    assert (caught.value.code, caught.value.message) == ("entity_not_found", "Invalid Run ID")


def test_a_scheduled_ride_lists_reserve_and_hourly_products_without_etas(rides, me):
    pickup_time = START_MS + 3 * 3600 * 1000
    answer = rides.estimate(me, ride(scheduling={"pickup_time": pickup_time}), None, "en")
    items = by_product(answer)
    assert answer["etas_unavailable"] is True
    assert {RESERVE, HOURLY} <= set(items) and SHARE not in items
    reserve = items[RESERVE]
    info = reserve["product"]["reserve_info"]
    assert info["enabled"] is True
    assert info["valid_until_timestamp"] == reserve["estimate_info"]["fare"]["expires_at"] * 1000
    assert "pickup_estimate" not in reserve["estimate_info"]


def test_reserve_is_disabled_closer_than_its_threshold(rides, me):
    soon = START_MS + 60 * 60 * 1000
    items = by_product(rides.estimate(me, ride(scheduling={"pickup_time": soon}), None, "en"))
    assert items[RESERVE]["product"]["reserve_info"]["enabled"] is False


def test_hourly_items_carry_tiers_and_overage_beside_the_product(rides, me):
    pickup_time = START_MS + 3 * 3600 * 1000
    items = by_product(
        rides.estimate(me, ride(scheduling={"pickup_time": pickup_time}), None, "en")
    )
    hourly = items[HOURLY]
    assert hourly["estimate_info"] is None
    tiers = hourly["fare"]["hourly"]["tiers"]
    assert hourly["fare"]["value"] == tiers[0]["amount"]
    assert hourly["fare"]["hourly"]["overage_rates"]["overage_rate_per_temporal_unit"] > 0
    tier = {k: tiers[1][k] for k in ("time_in_mins", "distance", "distance_unit")}
    trip = rides.create_trip(
        me,
        trip_body(
            product_id=HOURLY,
            hourly={"tier": tier},
            scheduling={"pickup_time": pickup_time},
            fare_id=hourly["fare_id"],
        ),
    )
    assert trip.hourly_tier is not None and trip.hourly_tier.amount == tiers[1]["amount"]


def test_a_flexible_ride_gets_ranges_and_no_upfront_fare(rides, me):
    answer = rides.estimate(
        me, ride(deferred_ride_options={"pickup_day": ny_date(START_MS)}), None, "en"
    )
    assert answer["etas_unavailable"] is True
    for item in answer["product_estimates"]:
        assert "fare" not in item["estimate_info"] and "estimate" in item["estimate_info"]


def test_the_invalid_pickup_gives_an_empty_list(rides, me):
    answer = rides.estimate(
        me, {"pickup": {"latitude": 0, "longitude": 0}, "dropoff": NY_DROPOFF}, None, "en"
    )
    assert answer == {"etas_unavailable": True, "fares_unavailable": True, "product_estimates": []}


@pytest.mark.parametrize(
    "extra",
    [
        {
            "scheduling": {"pickup_time": START_MS + 3_600_000},
            "deferred_ride_options": {"pickup_day": "2030-01-01"},
        },
        {"scheduling": {"pickup_time": START_MS - 1}},
        {"deferred_ride_options": {"pickup_day": ny_date(START_MS, days=-1)}},
    ],
    ids=["both-ride-types", "pickup-time-past", "pickup-day-past"],
)
def test_estimates_refuse_what_create_refuses(rides, me, extra):
    with pytest.raises(ValidationFailed):
        rides.estimate(me, ride(**extra), None, "en")


def test_short_descriptions_follow_the_language(rides, me):
    english = by_product(rides.estimate(me, ride(), None, "en"))[SHARE]["product"]
    french = by_product(rides.estimate(me, ride(), None, "fr"))[SHARE]["product"]
    assert english["short_description"] != french["short_description"]


def test_every_product_carries_its_cancellation_terms(rides, me):
    for item in rides.estimate(me, ride(), None, "en")["product_estimates"]:
        assert item["product"]["cancellation"] == {
            "min_cancellation_fee": 5,
            "cancellation_grace_period_threshold_sec": 120,
        }


# -------------------------------------------------------------------------- HTTP


@pytest.fixture
def sandbox():
    return make_sandbox()


@pytest.fixture
def client(sandbox):
    return client_for(sandbox)


@pytest.fixture
def auth(client):
    return token(client)


@pytest.fixture
def ridden(client, auth):
    """``auth`` plus the run header: creating a trip needs a sandbox run by default."""
    return with_run(client, auth)


def test_the_indicator_values_are_the_documents(client, auth):
    client.put(f"/__sandbox/products/{BLACK}/surge", json={"multiplier": 1.3}, headers=auth)
    answer = client.post(ESTIMATES, json=ride(), headers=auth)
    assert answer.status_code == 200
    shown = {item["fulfillment_indicator"] for item in answer.json()["product_estimates"]}
    assert shown <= set(schema_enum("FulfillmentIndicator")) and {"GREEN", "YELLOW"} <= shown


def test_estimate_then_create_with_the_fare_id_over_http(client, auth, ridden):
    answer = client.post(ESTIMATES, json=ride(), headers=auth)
    assert answer.status_code == 200
    fare = by_product(answer.json())[UBERX]["estimate_info"]["fare"]
    created = client.post(TRIPS, json=trip_body(fare_id=fare["fare_id"]), headers=ridden)
    assert created.status_code == 200, created.text
    again = client.post(TRIPS, json=trip_body(fare_id=fare["fare_id"]), headers=ridden)
    assert again.status_code == 409 and again.json()["code"] == "fare_expired"


def test_surge_over_http_estimate_fare_books_at_the_multiplier(client, auth, ridden):
    client.put(f"/__sandbox/products/{UBERX}/surge", json={"multiplier": 1.4}, headers=auth)
    refused = client.post(TRIPS, json=trip_body(), headers=ridden)
    assert refused.status_code == 409 and refused.json()["code"] == "surge"
    info = by_product(client.post(ESTIMATES, json=ride(), headers=auth).json())[UBERX]
    created = client.post(
        TRIPS, json=trip_body(fare_id=info["estimate_info"]["fare_id"]), headers=ridden
    )
    assert created.status_code == 200 and created.json()["surge_multiplier"] == 1.4


def test_the_run_header_must_name_a_live_run(client, auth):
    headers = {**auth, "x-uber-sandbox-runuuid": "00000000-0000-4000-8000-000000000000"}
    answer = client.post(ESTIMATES, json=ride(), headers=headers)
    assert answer.status_code == 404
    assert answer.json()["code"] == "entity_not_found"
    assert answer.json()["message"] == "Invalid Run ID"


def test_the_invalid_pickup_over_http(client, auth):
    answer = client.post(
        ESTIMATES,
        json={"pickup": {"latitude": 0, "longitude": 0}, "dropoff": NY_DROPOFF},
        headers=auth,
    )
    assert answer.status_code == 200 and answer.json()["product_estimates"] == []


def test_both_ride_types_answer_400_over_http(client, auth):
    body = ride(
        scheduling={"pickup_time": START_MS + 7_200_000},
        deferred_ride_options={"pickup_day": ny_date(START_MS)},
    )
    answer = client.post(ESTIMATES, json=body, headers=auth)
    assert answer.status_code == 400 and answer.json()["code"] == "validation_failed"


def test_a_foreign_organization_is_an_invalid_request_parameter(client):
    third = token(client, "sandbox-3p-client-id")
    headers = {**third, "x-uber-organizationuuid": "11111111-1111-4111-8111-111111111111"}
    answer = client.post(ESTIMATES, json=ride(), headers=headers)
    assert answer.status_code == 400
    assert answer.json()["code"] == "invalid_request_parameters"
    missing = client.post(ESTIMATES, json=ride(), headers=third)
    assert missing.status_code == 403


def test_scheduled_reserve_and_hourly_estimates_pass_the_document(client, auth):
    body = ride(scheduling={"pickup_time": START_MS + 3 * 3600 * 1000})
    answer = client.post(ESTIMATES, json=body, headers={**auth, "accept-language": "FR"})
    assert answer.status_code == 200
    items = by_product(answer.json())
    assert items[HOURLY]["estimate_info"] is None
    assert {item["product"]["advance_booking_type"] for item in items.values()} == set(
        schema_enum("AdvanceBookingType")
    )


def test_a_later_estimate_keeps_earlier_fares_until_they_expire(rides, me, clock):
    first = by_product(rides.estimate(me, ride(), None, "en"))[UBERX]["estimate_info"]["fare_id"]
    clock.advance(60)
    rides.estimate(me, ride(), None, "en")
    assert rides.create_trip(me, trip_body(fare_id=first)).upfront_fare is not None
    stale = by_product(rides.estimate(me, ride(), None, "en"))[BLACK]["estimate_info"]["fare_id"]
    clock.advance(120)
    rides.estimate(me, ride(), None, "en")
    assert stale not in rides.store.tenant(me.app_id).fares
