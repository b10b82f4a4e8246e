from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from ..conversation import Conversation


class Analyser:
    name: ClassVar[str]
    version: ClassVar[str]
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    def analyse(self, conversation: Conversation) -> None:  # pragma: no cover - interface
        raise NotImplementedError


REGISTRY: dict[str, Callable[..., Analyser]] = {}


def register(name: str) -> Callable[[type[Analyser]], type[Analyser]]:
    def deco(cls: type[Analyser]) -> type[Analyser]:
        REGISTRY[name] = cls
        return cls
    return deco
