"""Contains all the data models used in inputs/outputs"""

from .access_point import AccessPoint
from .advance_booking_type import AdvanceBookingType
from .call_driver_request import CallDriverRequest
from .communication_error import CommunicationError
from .communication_error_data import CommunicationErrorData
from .communication_session import CommunicationSession
from .communication_session_request import CommunicationSessionRequest
from .contact_event import ContactEvent
from .contact_to_notify import ContactToNotify
from .create_guest_trip_request import CreateGuestTripRequest
from .create_sandbox_run_request import CreateSandboxRunRequest
from .create_sandbox_webhook_event_request import CreateSandboxWebhookEventRequest
from .create_sandbox_webhook_event_request_event_type import CreateSandboxWebhookEventRequestEventType
from .deferred_ride_options import DeferredRideOptions
from .dispatch_guest_trip_request import DispatchGuestTripRequest
from .distance_unit import DistanceUnit
from .driver import Driver
from .driver_location import DriverLocation
from .driver_message_request import DriverMessageRequest
from .dropoff_location import DropoffLocation
from .editable_field import EditableField
from .editable_fields import EditableFields
from .editable_pickup import EditablePickup
from .empty_object import EmptyObject
from .error import Error
from .error_metadata import ErrorMetadata
from .estimate_details import EstimateDetails
from .estimate_info import EstimateInfo
from .estimate_product import EstimateProduct
from .estimate_range import EstimateRange
from .fare_breakdown_item import FareBreakdownItem
from .fare_error import FareError
from .fare_error_code import FareErrorCode
from .fare_error_metadata import FareErrorMetadata
from .flight import Flight
from .fulfillment_indicator import FulfillmentIndicator
from .guest import Guest
from .guest_input import GuestInput
from .guest_trip import GuestTrip
from .guest_trip_created import GuestTripCreated
from .guest_trip_list import GuestTripList
from .hourly_fare import HourlyFare
from .hourly_options import HourlyOptions
from .hourly_overage_rates import HourlyOverageRates
from .hourly_tier import HourlyTier
from .lat_lng import LatLng
from .legacy_end_location import LegacyEndLocation
from .legacy_start_location import LegacyStartLocation
from .list_guest_trips_trip_status import ListGuestTripsTripStatus
from .o_auth_error import OAuthError
from .pickup_location import PickupLocation
from .pickup_place import PickupPlace
from .pickup_sub_zone import PickupSubZone
from .pickup_zone import PickupZone
from .pickup_zones import PickupZones
from .pin_based_phone_number import PinBasedPhoneNumber
from .place import Place
from .product import Product
from .product_cancellation import ProductCancellation
from .product_estimate import ProductEstimate
from .product_surge import ProductSurge
from .receipt_amount import ReceiptAmount
from .receipt_charge import ReceiptCharge
from .receipt_charge_adjustment import ReceiptChargeAdjustment
from .receipt_surge_charge import ReceiptSurgeCharge
from .reserve_info import ReserveInfo
from .return_trip_location import ReturnTripLocation
from .return_trip_params import ReturnTripParams
from .return_trip_scheduling import ReturnTripScheduling
from .ride_request import RideRequest
from .ride_request_place import RideRequestPlace
from .ride_request_place_alias import RideRequestPlaceAlias
from .ride_request_rider import RideRequestRider
from .ride_request_status import RideRequestStatus
from .ride_request_waypoint import RideRequestWaypoint
from .rider_driver import RiderDriver
from .rider_vehicle import RiderVehicle
from .rider_vehicle_location import RiderVehicleLocation
from .riders_error import RidersError
from .sandbox_clock import SandboxClock
from .sandbox_driver_state import SandboxDriverState
from .sandbox_driver_state_changed import SandboxDriverStateChanged
from .sandbox_driver_state_request import SandboxDriverStateRequest
from .sandbox_health import SandboxHealth
from .sandbox_health_status import SandboxHealthStatus
from .sandbox_health_store import SandboxHealthStore
from .sandbox_run import SandboxRun
from .sandbox_run_created import SandboxRunCreated
from .sandbox_run_preferences import SandboxRunPreferences
from .sandbox_webhook import SandboxWebhook
from .sandbox_webhook_attempt import SandboxWebhookAttempt
from .sandbox_webhook_deliveries import SandboxWebhookDeliveries
from .sandbox_webhook_delivery import SandboxWebhookDelivery
from .sandbox_webhook_delivery_state import SandboxWebhookDeliveryState
from .scheduling_input import SchedulingInput
from .set_product_surge_request import SetProductSurgeRequest
from .set_sandbox_clock_request import SetSandboxClockRequest
from .set_sandbox_webhook_request import SetSandboxWebhookRequest
from .snapped_pickup import SnappedPickup
from .snapped_place import SnappedPlace
from .stop_location import StopLocation
from .tip_request import TipRequest
from .token_request import TokenRequest
from .token_request_grant_type import TokenRequestGrantType
from .token_response import TokenResponse
from .token_response_token_type import TokenResponseTokenType
from .trip_distance_estimate import TripDistanceEstimate
from .trip_distance_estimate_distance_unit import TripDistanceEstimateDistanceUnit
from .trip_driver_location_data import TripDriverLocationData
from .trip_driver_location_event import TripDriverLocationEvent
from .trip_driver_position import TripDriverPosition
from .trip_end_location import TripEndLocation
from .trip_end_place import TripEndPlace
from .trip_estimates import TripEstimates
from .trip_estimates_request import TripEstimatesRequest
from .trip_event_meta import TripEventMeta
from .trip_location import TripLocation
from .trip_receipt import TripReceipt
from .trip_scheduling import TripScheduling
from .trip_status import TripStatus
from .trip_status_changed_event import TripStatusChangedEvent
from .trip_status_detail import TripStatusDetail
from .update_guest_trip_request import UpdateGuestTripRequest
from .upfront_fare import UpfrontFare
from .vehicle import Vehicle
from .vehicle_location import VehicleLocation
from .waypoint import Waypoint
from .waypoint_type import WaypointType

__all__ = (
    "AccessPoint",
    "AdvanceBookingType",
    "CallDriverRequest",
    "CommunicationError",
    "CommunicationErrorData",
    "CommunicationSession",
    "CommunicationSessionRequest",
    "ContactEvent",
    "ContactToNotify",
    "CreateGuestTripRequest",
    "CreateSandboxRunRequest",
    "CreateSandboxWebhookEventRequest",
    "CreateSandboxWebhookEventRequestEventType",
    "DeferredRideOptions",
    "DispatchGuestTripRequest",
    "DistanceUnit",
    "Driver",
    "DriverLocation",
    "DriverMessageRequest",
    "DropoffLocation",
    "EditableField",
    "EditableFields",
    "EditablePickup",
    "EmptyObject",
    "Error",
    "ErrorMetadata",
    "EstimateDetails",
    "EstimateInfo",
    "EstimateProduct",
    "EstimateRange",
    "FareBreakdownItem",
    "FareError",
    "FareErrorCode",
    "FareErrorMetadata",
    "Flight",
    "FulfillmentIndicator",
    "Guest",
    "GuestInput",
    "GuestTrip",
    "GuestTripCreated",
    "GuestTripList",
    "HourlyFare",
    "HourlyOptions",
    "HourlyOverageRates",
    "HourlyTier",
    "LatLng",
    "LegacyEndLocation",
    "LegacyStartLocation",
    "ListGuestTripsTripStatus",
    "OAuthError",
    "PickupLocation",
    "PickupPlace",
    "PickupSubZone",
    "PickupZone",
    "PickupZones",
    "PinBasedPhoneNumber",
    "Place",
    "Product",
    "ProductCancellation",
    "ProductEstimate",
    "ProductSurge",
    "ReceiptAmount",
    "ReceiptCharge",
    "ReceiptChargeAdjustment",
    "ReceiptSurgeCharge",
    "ReserveInfo",
    "ReturnTripLocation",
    "ReturnTripParams",
    "ReturnTripScheduling",
    "RiderDriver",
    "RideRequest",
    "RideRequestPlace",
    "RideRequestPlaceAlias",
    "RideRequestRider",
    "RideRequestStatus",
    "RideRequestWaypoint",
    "RidersError",
    "RiderVehicle",
    "RiderVehicleLocation",
    "SandboxClock",
    "SandboxDriverState",
    "SandboxDriverStateChanged",
    "SandboxDriverStateRequest",
    "SandboxHealth",
    "SandboxHealthStatus",
    "SandboxHealthStore",
    "SandboxRun",
    "SandboxRunCreated",
    "SandboxRunPreferences",
    "SandboxWebhook",
    "SandboxWebhookAttempt",
    "SandboxWebhookDeliveries",
    "SandboxWebhookDelivery",
    "SandboxWebhookDeliveryState",
    "SchedulingInput",
    "SetProductSurgeRequest",
    "SetSandboxClockRequest",
    "SetSandboxWebhookRequest",
    "SnappedPickup",
    "SnappedPlace",
    "StopLocation",
    "TipRequest",
    "TokenRequest",
    "TokenRequestGrantType",
    "TokenResponse",
    "TokenResponseTokenType",
    "TripDistanceEstimate",
    "TripDistanceEstimateDistanceUnit",
    "TripDriverLocationData",
    "TripDriverLocationEvent",
    "TripDriverPosition",
    "TripEndLocation",
    "TripEndPlace",
    "TripEstimates",
    "TripEstimatesRequest",
    "TripEventMeta",
    "TripLocation",
    "TripReceipt",
    "TripScheduling",
    "TripStatus",
    "TripStatusChangedEvent",
    "TripStatusDetail",
    "UpdateGuestTripRequest",
    "UpfrontFare",
    "Vehicle",
    "VehicleLocation",
    "Waypoint",
    "WaypointType",
)
