"""A conversation: ordered turns with speakers and roles. Every analyser reads turns and
adds annotations; nothing downstream re-reads raw text formats."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Role = Literal["client", "helper", "other"]


@dataclass
class Turn:
    index: int
    speaker: str
    role: Role
    text: str
    annotations: dict[str, Any] = field(default_factory=dict)
    line: int | None = None  # where the turn starts in its source file
    start: float | None = None  # seconds from the start of the session


@dataclass
class Conversation:
    turns: list[Turn]
    id: str | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def pair(cls, post: str, reply: str, id: str | None = None) -> "Conversation":
        """A seeker's post and one supporter's reply: the engine's basic unit."""
        return cls([Turn(0, "seeker", "client", post), Turn(1, "supporter", "helper", reply)], id=id)

    def client_turns(self) -> list[Turn]:
        return [t for t in self.turns if t.role == "client"]

    def helper_turns(self) -> list[Turn]:
        return [t for t in self.turns if t.role == "helper"]

    def previous_client(self, turn: Turn) -> Turn | None:
        for t in reversed(self.turns[:turn.index]):
            if t.role == "client":
                return t
        return None
