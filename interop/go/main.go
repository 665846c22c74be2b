// Command usage is a small consumer of the Go client that `make dist` generates with
// openapi-generator. It only has to build: if the document renames or retypes something
// used here, the build fails.
//
// Run against a server: go run . -base http://127.0.0.1:8000 -token TOKEN -product PRODUCT_ID
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"golang.org/x/oauth2"

	guestrides "guestrides"
)

// rideOnDemand builds a request with every field the document requires.
func rideOnDemand(productID string) guestrides.CreateGuestTripRequest {
	guest := guestrides.NewGuestInput("Ada", "Lovelace", "+14155550123")
	pickup := guestrides.NewPickupLocation(40.7484, -73.9857)
	dropoff := guestrides.NewDropoffLocation(40.7536, -73.9832)
	dropoff.SetAddress("Bryant Park, New York")
	// pickup and dropoff are optional in the schema since 2.0.0 (the deprecated
	// start_location and end_location may stand for them), but a ride names both.
	request := guestrides.NewCreateGuestTripRequest(*guest, productID)
	request.SetPickup(*pickup)
	request.SetDropoff(*dropoff)
	return *request
}

// describeStatus maps every documented trip status to what it means to the integrator.
func describeStatus(status guestrides.TripStatus) string {
	switch status {
	case guestrides.TRIPSTATUS_PROCESSING, guestrides.TRIPSTATUS_OFFERED, guestrides.TRIPSTATUS_SCHEDULED:
		return "waiting for a driver"
	case guestrides.TRIPSTATUS_ACCEPTED, guestrides.TRIPSTATUS_ARRIVING, guestrides.TRIPSTATUS_DRIVER_REDISPATCHED:
		return "a driver is on the way"
	case guestrides.TRIPSTATUS_IN_PROGRESS:
		return "on the trip"
	case guestrides.TRIPSTATUS_COMPLETED:
		return "done"
	default:
		return "no ride"
	}
}

// minutesOnTrip reads the nullable begin_trip_time (epoch ms).
func minutesOnTrip(trip *guestrides.GuestTrip, now time.Time) (int64, bool) {
	began, ok := trip.GetBeginTripTimeOk()
	if !ok || began == nil {
		return 0, false
	}
	return (now.UnixMilli() - *began) / 60_000, true
}

// bookAndFollow creates a trip, accepting a surge fare once, then reads it back.
func bookAndFollow(ctx context.Context, client *guestrides.APIClient, productID string) (string, error) {
	body := rideOnDemand(productID)
	created, _, err := client.TripsAPI.CreateGuestTrip(ctx).CreateGuestTripRequest(body).Execute()
	var apiErr *guestrides.GenericOpenAPIError
	if errors.As(err, &apiErr) {
		if fare, ok := apiErr.Model().(guestrides.FareError); ok {
			body.SetFareId(fare.Metadata.GetFareId())
			created, _, err = client.TripsAPI.CreateGuestTrip(ctx).CreateGuestTripRequest(body).Execute()
		}
	}
	if err != nil {
		return "", err
	}
	trip, _, err := client.TripsAPI.GetGuestTrip(ctx, created.GetRequestId()).IncludeEditableFields(true).Execute()
	if err != nil {
		return "", err
	}
	summary := fmt.Sprintf("%s: %s", trip.GetRequestId(), describeStatus(trip.GetStatus()))
	if minutes, ok := minutesOnTrip(trip, time.Now()); ok {
		summary += fmt.Sprintf(" (%d min)", minutes)
	}
	return summary, nil
}

func main() {
	base := flag.String("base", "http://127.0.0.1:8000", "server URL")
	token := flag.String("token", "", "an application access token")
	product := flag.String("product", "", "a product id")
	flag.Parse()

	cfg := guestrides.NewConfiguration()
	cfg.Servers = guestrides.ServerConfigurations{{URL: *base}}
	tokens := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: *token, TokenType: "Bearer"})
	ctx := context.WithValue(context.Background(), guestrides.ContextOAuth2, tokens)
	summary, err := bookAndFollow(ctx, guestrides.NewAPIClient(cfg), *product)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(summary)
}
