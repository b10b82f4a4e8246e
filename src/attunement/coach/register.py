"""Which voice the suggestions should use: the helper's own. A reply in texting style
gets youth phrasing (lower-cased if the helper writes without capitals); a counsellor's
measured reply gets clinical phrasing; a post from an older person, older-adult phrasing.
"""
from __future__ import annotations

import re

from ..text import normalise
from .bank import REGISTERS

_YOUTH = re.compile(r"\b(lol|lmao|omg|tbh|ngl|fr|idk|imo|rn|bc|cuz|u|ur|ya|yall|y'all|lowkey|highkey|bro|bruh|dude|"
                    r"sis|fam|literally|gonna|wanna|kinda|sooo+|af|smh|ikr|istg|vibe|vibes)\b|[😭💀🫂🥺]|\bxd\b")
_CLINICAL = re.compile(r"\b(it\s+sounds\s+as\s+(though|if)|i'?m\s+noticing|i\s+notice|what\s+i'?m\s+hearing|i\s+wonder\s+"
                       r"(whether|if)|it\s+seems\s+that|you\s+mentioned|could\s+you\s+say\s+more|i'?m\s+curious|"
                       r"on\s+the\s+one\s+hand|part\s+of\s+you|session|our\s+work\s+together)\b")
_OLDER = re.compile(r"\b(grand(children|kids|son|daughter)|retire(d|ment)|pension|my\s+late\s+(husband|wife)|widow(ed|er)?|"
                    r"care\s+home|nursing\s+home|married\s+(for\s+)?(4|5|6)\d\s+years|i'?m\s+([6-9]\d)\b|at\s+my\s+age|"
                    r"(6|7|8|9)\d\s+years\s+old|hip\s+replacement|bus\s+pass)\b")


def detect_register(reply: str, post: str = "") -> str:
    r = normalise(reply)
    youth_hits = len(_YOUTH.findall(r))
    if youth_hits >= 2 or (youth_hits == 1 and len(r.split()) < 25):
        return "youth"
    if _CLINICAL.search(r):
        return "clinical"
    if _OLDER.search(normalise(post)):
        return "older_adult"
    return "peer"


def writes_lowercase(reply: str) -> bool:
    """The helper writes without capitals (texting style): suggestions follow suit."""
    letters = [c for c in reply if c.isalpha()]
    return len(reply.split()) >= 3 and bool(letters) and not any(c.isupper() for c in letters)


def check_register(value: str | None) -> str | None:
    from ..errors import check_param

    check_param("register", "Coach", value, value is None or value in REGISTERS, f"one of {REGISTERS} or None")
    return value
