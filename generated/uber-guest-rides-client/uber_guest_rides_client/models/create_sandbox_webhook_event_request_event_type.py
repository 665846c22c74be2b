from enum import StrEnum


class CreateSandboxWebhookEventRequestEventType(StrEnum):
    GUESTS_TRIPS_DRIVER_LOCATION = "guests.trips.driver_location"
    GUESTS_TRIPS_STATUS_CHANGED = "guests.trips.status_changed"

    def __str__(self) -> str:
        return str(self.value)
