from enum import StrEnum


class FulfillmentIndicator(StrEnum):
    GREEN = "GREEN"
    RED = "RED"
    YELLOW = "YELLOW"

    def __str__(self) -> str:
        return str(self.value)
