from enum import StrEnum


class WaypointType(StrEnum):
    DROPOFF = "dropoff"
    PICKUP = "pickup"

    def __str__(self) -> str:
        return str(self.value)
