from enum import StrEnum


class RideRequestStatus(StrEnum):
    ACCEPTED = "accepted"
    ARRIVING = "arriving"
    COMPLETED = "completed"
    DRIVER_CANCELED = "driver_canceled"
    IN_PROGRESS = "in_progress"
    NO_DRIVERS_AVAILABLE = "no_drivers_available"
    PROCESSING = "processing"
    RIDER_CANCELED = "rider_canceled"

    def __str__(self) -> str:
        return str(self.value)
