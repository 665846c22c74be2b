from enum import StrEnum


class TripStatusDetail(StrEnum):
    COORDINATOR_CANCELED = "coordinator_canceled"
    GUEST_RIDER_CANCELED = "guest_rider_canceled"

    def __str__(self) -> str:
        return str(self.value)
