from enum import StrEnum


class ListGuestTripsTripStatus(StrEnum):
    ACTIVE = "ACTIVE"
    EXPIRED = "EXPIRED"
    PAST = "PAST"

    def __str__(self) -> str:
        return str(self.value)
