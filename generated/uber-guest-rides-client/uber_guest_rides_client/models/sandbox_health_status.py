from enum import StrEnum


class SandboxHealthStatus(StrEnum):
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
