from enum import StrEnum


class RideRequestPlaceAlias(StrEnum):
    HOME = "home"
    WORK = "work"

    def __str__(self) -> str:
        return str(self.value)
