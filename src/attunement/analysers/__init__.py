"""Analysers: small plug-ins that read a Conversation and add annotations to its turns.

Each declares `name`, `version`, `requires` and `assigns` (as in spaCy's components);
the pipeline orders them so that every analyser runs after what it requires.
"""
from .base import REGISTRY, Analyser, register

__all__ = ["REGISTRY", "Analyser", "register"]
