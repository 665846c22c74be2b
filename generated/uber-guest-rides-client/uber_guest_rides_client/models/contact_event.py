from enum import StrEnum


class ContactEvent(StrEnum):
    DRIVER_PICKUP_COMPLETED = "DRIVER_PICKUP_COMPLETED"
    TRIP_BEGAN = "TRIP_BEGAN"

    def __str__(self) -> str:
        return str(self.value)
