from enum import StrEnum


class AdvanceBookingType(StrEnum):
    HOURLY = "HOURLY"
    RESERVE = "RESERVE"
    SCHEDULED = "SCHEDULED"

    def __str__(self) -> str:
        return str(self.value)
