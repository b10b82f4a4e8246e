"""attunement: read the emotional cues in a message and measure, explain and coach the
empathy of the reply — offline, with evidence."""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import AttunementError  # noqa: E402
from .model import ReplyAnalysis  # noqa: E402
from .pipeline import Pipeline, analyze_reply  # noqa: E402

__all__ = ["AttunementError", "Pipeline", "ReplyAnalysis", "__version__", "analyze_reply"]
