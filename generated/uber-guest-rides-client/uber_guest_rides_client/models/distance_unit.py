from enum import StrEnum


class DistanceUnit(StrEnum):
    KM = "KM"
    MILE = "MILE"

    def __str__(self) -> str:
        return str(self.value)
