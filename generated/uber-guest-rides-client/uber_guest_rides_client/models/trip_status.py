from enum import StrEnum


class TripStatus(StrEnum):
    ACCEPTED = "accepted"
    ARRIVING = "arriving"
    COMPLETED = "completed"
    DRIVER_CANCELED = "driver_canceled"
    DRIVER_REDISPATCHED = "driver_redispatched"
    EXPIRED = "expired"
    FAILED = "failed"
    IN_PROGRESS = "in_progress"
    NO_DRIVERS_AVAILABLE = "no_drivers_available"
    OFFERED = "offered"
    PROCESSING = "processing"
    RIDER_CANCELED = "rider_canceled"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
