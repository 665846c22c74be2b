from enum import StrEnum


class SandboxHealthStore(StrEnum):
    MEMORY = "memory"
    SQLITE = "sqlite"

    def __str__(self) -> str:
        return str(self.value)
