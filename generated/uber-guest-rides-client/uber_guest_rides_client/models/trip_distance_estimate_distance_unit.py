from enum import StrEnum


class TripDistanceEstimateDistanceUnit(StrEnum):
    KM = "km"
    MILE = "mile"

    def __str__(self) -> str:
        return str(self.value)
