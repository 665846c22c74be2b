"""Trip communication sessions: a proxy number between one participant and the driver.

One session per trip. Calling again with another number keeps the proxy number and
replaces the participant, so only the latest number can use it. The proxy stops working
when the trip ends.
"""

from __future__ import annotations

import attrs


@attrs.define
class Session:
    request_id: str
    proxy_number: str
    participant: str
    active: bool = True
    previous_participants: list[str] = attrs.Factory(list)

    def replace_participant(self, phone_number: str) -> None:
        if phone_number != self.participant:
            self.previous_participants.append(self.participant)
            self.participant = phone_number

    def can_connect(self, phone_number: str) -> bool:
        """Whether ``phone_number`` may call or text the driver through the proxy."""
        return self.active and phone_number == self.participant
