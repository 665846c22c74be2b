from enum import StrEnum


class SandboxDriverState(StrEnum):
    ACCEPT = "ACCEPT"
    ARRIVED = "ARRIVED"
    BEGIN_TRIP = "BEGIN_TRIP"
    CANCEL = "CANCEL"
    DROPOFF = "DROPOFF"
    GO_OFFLINE = "GO_OFFLINE"
    GO_ONLINE = "GO_ONLINE"

    def __str__(self) -> str:
        return str(self.value)
