// A small typed consumer of the Guest Rides types that `make dist` generates with
// openapi-typescript. It only has to compile (`tsc --noEmit --strict`): if the document
// renames or retypes a field used here, this file stops compiling.

import type { components, operations, paths } from "guest-rides";

type Schemas = components["schemas"];
type CreateTripBody = operations["createGuestTrip"]["requestBody"]["content"]["application/json"];
type CreatedTrip = operations["createGuestTrip"]["responses"][200]["content"]["application/json"];
type FareConflict = operations["createGuestTrip"]["responses"][409]["content"]["application/json"];
type TripPath = keyof paths & "/v1/guests/trips/{request_id}";
type GetTripQuery = NonNullable<operations["getGuestTrip"]["parameters"]["query"]>;
type Trip = Schemas["GuestTrip"];

/** A request for a ride on demand, with every required field of the document. */
export function rideOnDemand(productId: string, fareId?: string): CreateTripBody {
  const body: CreateTripBody = {
    guest: { first_name: "Ada", last_name: "Lovelace", phone_number: "+14155550123" },
    pickup: { latitude: 40.7484, longitude: -73.9857 },
    dropoff: { latitude: 40.7536, longitude: -73.9832, address: "Bryant Park, New York" },
    product_id: productId,
    call_enabled: true,
  };
  return fareId === undefined ? body : { ...body, fare_id: fareId };
}

/** What a trip's status means to the integrator; every documented status is handled. */
export function describeStatus(status: Schemas["TripStatus"]): string {
  switch (status) {
    case "processing":
    case "offered":
    case "scheduled":
      return "waiting for a driver";
    case "accepted":
    case "arriving":
    case "driver_redispatched":
      return "a driver is on the way";
    case "in_progress":
      return "on the trip";
    case "completed":
      return "done";
    case "no_drivers_available":
    case "driver_canceled":
    case "rider_canceled":
    case "failed":
    case "expired":
      return "no ride";
    default: {
      const unhandled: never = status;
      return unhandled;
    }
  }
}

/** Minutes since the trip began, or null while it has not (the field is nullable). */
export function minutesOnTrip(trip: Trip, nowMs: number): number | null {
  const began: number | null | undefined = trip.begin_trip_time;
  return began == null ? null : Math.floor((nowMs - began) / 60_000);
}

/** The fare to accept after a 409: `metadata.fare_id` is required on fare errors. */
export function fareToAccept(conflict: FareConflict): string {
  return conflict.metadata.fare_id;
}

export function tripPath(requestId: string, query: GetTripQuery): string {
  const template: TripPath = "/v1/guests/trips/{request_id}";
  const path = template.replace("{request_id}", encodeURIComponent(requestId));
  return query.include_editable_fields === undefined
    ? path
    : `${path}?include_editable_fields=${String(query.include_editable_fields)}`;
}

/** The transport is the caller's (fetch, axios, a test double): only its shape matters here. */
export type Http = (
  method: "GET" | "POST",
  path: string,
  body?: unknown,
) => Promise<{ status: number; json(): Promise<unknown> }>;

/** Creates a trip, accepting a surge fare once, then reads it back. */
export async function bookAndFollow(http: Http, productId: string, nowMs: number): Promise<string> {
  let response = await http("POST", "/v1/guests/trips", rideOnDemand(productId));
  if (response.status === 409) {
    const conflict = (await response.json()) as FareConflict;
    response = await http("POST", "/v1/guests/trips", rideOnDemand(productId, fareToAccept(conflict)));
  }
  const created = (await response.json()) as CreatedTrip;
  const found = await http("GET", tripPath(created.request_id, { include_editable_fields: true }));
  const trip = (await found.json()) as Trip;
  const minutes = minutesOnTrip(trip, nowMs);
  return `${trip.request_id}: ${describeStatus(trip.status)}${minutes === null ? "" : ` (${minutes} min)`}`;
}
