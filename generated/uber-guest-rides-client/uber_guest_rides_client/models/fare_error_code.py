from enum import StrEnum


class FareErrorCode(StrEnum):
    FARE_EXPIRED = "fare_expired"
    SURGE = "surge"

    def __str__(self) -> str:
        return str(self.value)
