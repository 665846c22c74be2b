"""Book a ride for a guest with the generated client, follow it, and reach the driver.

Against the local sandbox (start it first with `python -m mock_server`):

    python examples/book_a_ride.py
    python examples/book_a_ride.py --surge 1.4    # a surge fare, accepted with its fare_id

Against Uber's sandbox, with your application's credentials and a product of the city:

    python examples/book_a_ride.py --base-url https://sandbox-api.uber.com \\
        --token-url https://auth.uber.com --client-id ID --client-secret SECRET \\
        --product-id PRODUCT_ID

The steps, as a real integration takes them: get an application token (or pass one with
--token); create a sandbox run and read its driver; ask for estimates and take the
product's upfront `fare_id` (a surge fare when the product is in surge); book the ride with
it (when the fare has changed, 409 `surge` or `fare_expired`, book again with the `fare_id`
the error carries); have the driver accept; open a communication session (a proxy number
between the guest and the driver) and text the driver; drive the trip to its end; read the
receipt once it is ready; then book a second ride and cancel it.

The receipt is ready some time after the trip completes. The local sandbox readies it a
minute after completion on its own clock, which this example moves forward
(`POST /__sandbox/clock`); against Uber's sandbox it waits and asks again.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import NoReturn
from uuid import UUID

from uber_guest_rides_client import AuthenticatedClient, Client
from uber_guest_rides_client.api.authentication import create_access_token
from uber_guest_rides_client.api.estimates import get_trip_estimates
from uber_guest_rides_client.api.local_sandbox import set_sandbox_clock, set_sandbox_product_surge
from uber_guest_rides_client.api.sandbox import (
    create_sandbox_run,
    get_sandbox_run,
    set_sandbox_driver_state,
)
from uber_guest_rides_client.api.trip_communication import (
    create_trip_communication_session,
    send_message_to_driver,
)
from uber_guest_rides_client.api.trips import (
    cancel_guest_trip,
    create_guest_trip,
    get_guest_trip,
    get_guest_trip_receipt,
)
from uber_guest_rides_client.models import (
    CommunicationError,
    CommunicationSession,
    CommunicationSessionRequest,
    CreateGuestTripRequest,
    CreateSandboxRunRequest,
    DriverLocation,
    DriverMessageRequest,
    DropoffLocation,
    EmptyObject,
    Error,
    FareError,
    FareErrorCode,
    GuestInput,
    GuestTrip,
    GuestTripCreated,
    LatLng,
    OAuthError,
    PickupLocation,
    ProductSurge,
    SandboxClock,
    SandboxDriverState,
    SandboxDriverStateChanged,
    SandboxDriverStateRequest,
    SandboxRun,
    SandboxRunCreated,
    SetProductSurgeRequest,
    SetSandboxClockRequest,
    TokenRequest,
    TokenRequestGrantType,
    TokenResponse,
    TripEstimates,
    TripEstimatesRequest,
    TripReceipt,
)
from uber_guest_rides_client.types import UNSET, Unset

LOCAL_SANDBOX = "http://127.0.0.1:8000"
UBERX = UUID("b8e5c464-5de2-4539-a35a-986d6e58f186")
# Coordinates in San Francisco, where Uber's sandbox reliably finds its mock drivers.
PICKUP = (37.766192, -122.400745, "1455 Market St, San Francisco, CA")
DROPOFF = (37.75203, -122.422065, "Mission Dolores Park, San Francisco, CA")
GUEST_PHONE = "+14155550000"


def fail(step: str, error: Error | FareError | CommunicationError | OAuthError | None) -> NoReturn:
    """Stop with the documented error the API answered."""
    match error:
        case Error(code=code, message=message) | FareError(code=code, message=message):
            detail = f"{code}: {message}"
        case CommunicationError(err_code=code, message=message):
            detail = f"{code}: {message}"
        case OAuthError(error=code, error_description=description):
            detail = code if isinstance(description, Unset) else f"{code}: {description}"
        case _:
            detail = "no answer"
    sys.exit(f"{step} failed: {detail}")


def get_token(args: argparse.Namespace) -> str:
    """An application token from the client-credentials grant."""
    if args.token:
        return str(args.token)
    with Client(base_url=args.token_url or args.base_url, raise_on_unexpected_status=True) as auth:
        answer = create_access_token.sync(
            client=auth,
            body=TokenRequest(
                client_id=args.client_id,
                client_secret=args.client_secret,
                grant_type=TokenRequestGrantType.CLIENT_CREDENTIALS,
                scope="guests.trips",
            ),
        )
    if not isinstance(answer, TokenResponse):
        fail("getting a token", answer)
    return answer.access_token


def start_run(client: AuthenticatedClient) -> tuple[UUID, str]:
    """A sandbox run (a mock driver near the pickup), and its driver's id."""
    created = create_sandbox_run.sync(
        client=client,
        body=CreateSandboxRunRequest(
            driver_locations=[DriverLocation()],
            pickup_location=LatLng(latitude=PICKUP[0], longitude=PICKUP[1]),
            dropoff_location=LatLng(latitude=DROPOFF[0], longitude=DROPOFF[1]),
        ),
    )
    if not isinstance(created, SandboxRunCreated):
        fail("creating a sandbox run", created)
    # Uber's sandbox may take about a minute before the new run can be read (404 until then).
    not_yet: Error | None = None
    for _ in range(12):
        run = get_sandbox_run.sync(created.run_id, client=client)
        if isinstance(run, SandboxRun):
            return run.run_id, run.driver_ids[0]
        if not isinstance(run, Error) or run.code != "entity_not_found":
            fail("reading the sandbox run", run)
        not_yet = run
        time.sleep(5)
    fail("reading the sandbox run", not_yet)


def move_driver(
    client: AuthenticatedClient, run_id: UUID, driver_id: str, state: SandboxDriverState
) -> None:
    """Move the run's mock driver, and with it the driver's trip, to its next state."""
    body = SandboxDriverStateRequest(run_id=run_id, driver_id=driver_id, driver_state=state)
    moved = set_sandbox_driver_state.sync(client=client, body=body)
    if not isinstance(moved, SandboxDriverStateChanged):
        fail(f"moving the driver to {state}", moved)


def book(
    client: AuthenticatedClient, request: CreateGuestTripRequest, run_id: UUID, org: UUID | Unset
) -> GuestTripCreated:
    """Create the trip; on a fare conflict (409), accept the quoted fare and send it again."""
    for _ in range(3):
        answer = create_guest_trip.sync(
            client=client, body=request, x_uber_sandbox_runuuid=run_id, x_uber_organizationuuid=org
        )
        match answer:
            case GuestTripCreated():
                return answer
            case FareError(code=FareErrorCode.SURGE | FareErrorCode.FARE_EXPIRED):
                fare = answer.metadata
                shown = fare.fare_display if isinstance(fare.fare_display, str) else "n/a"
                print(f"409 {answer.code}: {answer.message} (fare {shown}, x{fare.multiplier})")
                print(f"  sending the request again with fare_id {fare.fare_id}")
                request.fare_id = fare.fare_id
            case _:
                fail("booking the ride", answer)
    sys.exit("booking the ride failed: the fare kept changing")


def upfront_fare(
    client: AuthenticatedClient, product_id: UUID, run_id: UUID, org: UUID | Unset
) -> UUID | Unset:
    """The product's upfront fare for the ride, from estimates (UNSET: it has none)."""
    estimates = get_trip_estimates.sync(
        client=client,
        body=TripEstimatesRequest(
            pickup=LatLng(latitude=PICKUP[0], longitude=PICKUP[1]),
            dropoff=LatLng(latitude=DROPOFF[0], longitude=DROPOFF[1]),
        ),
        x_uber_sandbox_runuuid=run_id,
        x_uber_organizationuuid=org,
    )
    if not isinstance(estimates, TripEstimates):
        fail("getting estimates", estimates)
    for item in estimates.product_estimates:
        if item.product.product_id != product_id:
            continue
        info = item.estimate_info
        fare = info.fare if info and not isinstance(info, Unset) else item.fare
        if isinstance(fare, Unset):
            print(f"{item.product.display_name}: no upfront fare, booking without one")
            return UNSET
        surge = "" if isinstance(fare.multiplier, Unset) else f" (surge x{fare.multiplier})"
        print(f"estimate for {item.product.display_name}: {fare.display}{surge}")
        return fare.fare_id
    sys.exit(f"getting estimates failed: product {product_id} is not offered for this ride")


def wait_for_receipt(
    client: AuthenticatedClient, request_id: UUID, org: UUID | Unset, local: bool
) -> TripReceipt:
    """The trip's receipt, once ready (404 until then)."""
    answer: Error | TripReceipt | None = None
    for _ in range(30):
        answer = get_guest_trip_receipt.sync(request_id, client=client, x_uber_organizationuuid=org)
        if isinstance(answer, TripReceipt):
            return answer
        if not isinstance(answer, Error) or answer.code != "not_found":
            break
        print(f"receipt not ready yet: {answer.message}")
        if local:  # the local sandbox's clock moves on request
            moved = set_sandbox_clock.sync(
                client=client, body=SetSandboxClockRequest(advance_seconds=60)
            )
            if not isinstance(moved, SandboxClock):
                fail("moving the local sandbox's clock", moved)
        else:
            time.sleep(10)
    fail("reading the receipt", answer if isinstance(answer, Error) else None)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default=LOCAL_SANDBOX, help="default: the local sandbox")
    parser.add_argument("--token-url", help="the OAuth host (default: --base-url)")
    parser.add_argument("--token", help="an application token; skips the token request")
    parser.add_argument("--client-id", default="sandbox-client-id")
    parser.add_argument("--client-secret", default="sandbox-client-secret")
    parser.add_argument("--organization", type=UUID, help="for third-party applications")
    parser.add_argument("--product-id", type=UUID, default=UBERX)
    parser.add_argument(
        "--surge", type=float, help="local sandbox only: put the product in surge first"
    )
    args = parser.parse_args(argv)
    org: UUID | Unset = args.organization or UNSET
    local = "uber.com" not in args.base_url

    token = get_token(args)
    with AuthenticatedClient(
        base_url=args.base_url, token=token, raise_on_unexpected_status=True
    ) as client:
        if args.surge:
            surge = set_sandbox_product_surge.sync(
                args.product_id, client=client, body=SetProductSurgeRequest(multiplier=args.surge)
            )
            if not isinstance(surge, ProductSurge):
                fail("setting the surge", surge)
            print(f"product {surge.product_id} is in surge x{surge.multiplier}")

        run_id, driver_id = start_run(client)
        print(f"sandbox run {run_id}, driver {driver_id}")

        request = CreateGuestTripRequest(
            guest=GuestInput(first_name="Jane", last_name="Doe", phone_number=GUEST_PHONE),
            pickup=PickupLocation(latitude=PICKUP[0], longitude=PICKUP[1], address=PICKUP[2]),
            dropoff=DropoffLocation(latitude=DROPOFF[0], longitude=DROPOFF[1], address=DROPOFF[2]),
            product_id=args.product_id,
            note_for_driver="Main entrance, please.",
            fare_id=upfront_fare(client, args.product_id, run_id, org),
        )
        created = book(client, request, run_id, org)
        print(f"booked trip {created.request_id} with its upfront fare: {created.status}")

        # The driver has 15 seconds from the trip's creation to accept it.
        move_driver(client, run_id, driver_id, SandboxDriverState.ACCEPT)

        trip = get_guest_trip.sync(created.request_id, client=client, x_uber_organizationuuid=org)
        if not isinstance(trip, GuestTrip):
            fail("reading the trip", trip)
        driver = "" if isinstance(trip.driver, Unset) else f", driver {trip.driver.name}"
        print(f"trip {trip.request_id} is {trip.status}{driver}")

        session = create_trip_communication_session.sync(
            trip.request_id,
            client=client,
            body=CommunicationSessionRequest(phone_number=GUEST_PHONE),
            x_uber_organizationuuid=org,
        )
        if not isinstance(session, CommunicationSession):
            fail("opening a communication session", session)
        print(f"the guest reaches the driver at {session.phone_number}")
        sent = send_message_to_driver.sync(
            trip.request_id,
            client=client,
            body=DriverMessageRequest(message="I am waiting at the main entrance."),
            x_uber_organizationuuid=org,
        )
        if not isinstance(sent, EmptyObject):
            fail("texting the driver", sent)
        print("texted the driver")

        # Drive the trip to its end, which also closes the communication session.
        for state in (
            SandboxDriverState.ARRIVED,
            SandboxDriverState.BEGIN_TRIP,
            SandboxDriverState.DROPOFF,
        ):
            move_driver(client, run_id, driver_id, state)
        trip = get_guest_trip.sync(created.request_id, client=client, x_uber_organizationuuid=org)
        if not isinstance(trip, GuestTrip):
            fail("reading the trip", trip)
        fare = "" if isinstance(trip.client_fare, Unset) else f", fare {trip.client_fare}"
        print(f"trip {trip.request_id} is {trip.status}{fare}")

        receipt = wait_for_receipt(client, trip.request_id, org, local)
        print(f"receipt: total {receipt.total_fare}, owed {receipt.total_owed}")

        # A second ride, cancelled before a driver accepts it (free of charge).
        request.fare_id = upfront_fare(client, args.product_id, run_id, org)
        second = book(client, request, run_id, org)
        cancelled = cancel_guest_trip.sync_detailed(
            second.request_id, client=client, x_uber_organizationuuid=org
        )
        if cancelled.status_code != 204:
            fail(
                "cancelling the second ride",
                cancelled.parsed if isinstance(cancelled.parsed, Error) else None,
            )
        trip = get_guest_trip.sync(second.request_id, client=client, x_uber_organizationuuid=org)
        if not isinstance(trip, GuestTrip):
            fail("reading the cancelled ride", trip)
        detail = "" if isinstance(trip.status_detail, Unset) else f" ({trip.status_detail})"
        print(f"second trip {trip.request_id} is {trip.status}{detail}")


if __name__ == "__main__":
    main()
