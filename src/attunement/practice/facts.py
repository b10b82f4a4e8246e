"""What a trainee's reply did, as the facts a scenario branches on (see `When`)."""
from __future__ import annotations

import re
from typing import Any

from ..model import CoachResult

ROADBLOCKS = {"advice_first", "minimising", "judging", "platitude", "premature_reassurance", "know_exactly",
              "changing_subject", "self_focus"}
_ASKS = re.compile(
    r"\b(?:are|r|have|were|do|did|is)\s+(?:you|u)\b[^.?!]{0,60}?"
    r"(?:suicid\w*|kill(?:ing)?\s+(?:your|ur)self|end(?:ing)?\s+(?:your|ur)\s+(?:own\s+)?life|"
    r"tak(?:e|ing)\s+(?:your|ur)\s+(?:own\s+)?life|hurt(?:ing)?\s+(?:your|ur)self|harm(?:ing)?\s+(?:your|ur)self|"
    r"self[- ]?harm\w*|cutting|want(?:ing)?\s+to\s+die|(?:thoughts?|thinking)\s+(?:of|about)\s+(?:dying|death|"
    r"ending|not\s+being\s+here)|not\s+(?:want(?:ing)?\s+to\s+)?(?:be\s+)?(?:here|alive)|unalive)"
    r"|\b(?:when you say|do you mean)\b[^.?!]{0,60}?(?:suicid\w*|kill\w* yourself|end\w* (?:your|it)|die|dying)",
    re.IGNORECASE)
_CRISIS = re.compile(
    r"\b(?:crisis|help\s*line|helpline|hotline|lifeline|samaritans|988|911|999|112|000|111|emergency|"
    r"a&e|er\b|urgent care|text line|crisis text|call (?:someone|them) now|stay (?:with you|on the line|safe)|"
    r"keep (?:you|yourself) safe|safety plan|trusted adult|go to (?:the )?hospital|gp today|doctor today)\b",
    re.IGNORECASE)
_ADVICE = re.compile(
    r"\b(?:you should|you shouldn't|you need to|you have to|you must|you could try|try to|try (?:and|some|a|to)|"
    r"have you tried|why don'?t you|why not|maybe you could|i'?d suggest|i suggest|i recommend|my advice|"
    r"if i were you|just (?:go|do|talk|tell|stop|get)|make sure (?:you|to)|don'?t (?:worry|be))\b", re.IGNORECASE)


def reply_facts(result: CoachResult, reply: str) -> dict[str, Any]:
    """The facts the script's `when` conditions read, from the coach's analysis."""
    e = result.empathy
    kinds = {f.kind for f in result.feedback}
    return {
        "empathy": e.total,
        "reacts": e.emotional_reactions.level >= 1,
        "interprets": e.interpretations.level >= 1,
        "explores": e.explorations.level >= 1,
        "roadblock": bool(kinds & ROADBLOCKS),
        "advice": bool(_ADVICE.search(reply)) or "advice_first" in kinds,
        "asks_about_suicide": bool(_ASKS.search(reply)),
        "offers_crisis_line": bool(_CRISIS.search(reply)),
        "unsafe": "unsafe_reply" in kinds,
        "roadblocks": sorted(kinds & ROADBLOCKS),
    }
