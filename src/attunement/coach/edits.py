"""Edit operations on a reply: where a sentence goes, how it joins the text around it,
and applying several at once. Offsets always refer to the original reply."""
from __future__ import annotations

import re

from ..model import EditOperation
from ..text import TextSpan, sentences

_GREETING = re.compile(r"^\s*(hey|hi|hello|hiya|dear|oh|aw+|omg|wow|ugh|oof)\b[^.?!]{0,25}[,.!]?\s*$", re.IGNORECASE)
_SIGNOFF = re.compile(r"^\s*(take\s+care|best\s+wishes|good\s+luck|hugs|much\s+love|all\s+the\s+best|sending\s+(love|hugs)|"
                      r"stay\s+safe|cheers|xx+|<3|❤️?|wishing\s+you)\b[^?]{0,40}$", re.IGNORECASE)


def start_point(reply: str, first_is_acknowledgment: bool) -> tuple[int, str]:
    """Where opening sentences go: after a greeting or an opening acknowledgment, else at 0."""
    sents = sentences(reply)
    if sents and (_GREETING.match(sents[0].text) or first_is_acknowledgment) and len(sents) > 1:
        return sents[0].end, "after the first sentence"
    return 0, "at the start"


def end_point(reply: str) -> tuple[int, str]:
    """Where a closing question goes: at the end, or before a sign-off."""
    sents = sentences(reply)
    if len(sents) > 1 and _SIGNOFF.match(sents[-1].text):
        return sents[-1].start, "before the sign-off"
    end = len(reply.rstrip())
    return end, "at the end"


def fit_case(sentence: str, lowercase: bool) -> str:
    """Lower-case a suggestion for a helper who writes without capitals."""
    return sentence.lower() if lowercase else sentence


def join_insert(reply: str, at: int, sentence: str, follows_insert: bool = False) -> str:
    """The text to insert at `at` so that the result reads as separate sentences
    (`follows_insert`: another inserted sentence already sits at this point)."""
    before, after = reply[:at], reply[at:]
    s = sentence.strip()
    if not before.strip():
        return s + (" " if after.strip() else "")
    lead = "" if before[-1].isspace() else " "
    if before[-1].isalnum() and not follows_insert:  # the helper's sentence had no full stop yet
        lead = "." + lead
    trail = " " if after.strip() and not after[0].isspace() else ""
    return lead + s + trail


def sentence_containing(reply: str, start: int, end: int) -> TextSpan | None:
    for s in sentences(reply):
        if s.start <= start < s.end or (s.start < end <= s.end):
            return s
    return None


def apply(reply: str, ops: list[EditOperation]) -> str:
    """Apply non-overlapping operations to the original text in one pass. Inserts at one
    point keep their given order and come before a replace that starts there."""
    order = sorted(range(len(ops)), key=lambda i: (ops[i].start, ops[i].op == "replace", i))
    pieces: list[str] = []
    cursor = 0
    for i in order:
        op = ops[i]
        if op.start < cursor:  # overlapping edit: skip it rather than garble the text
            continue
        pieces.append(reply[cursor:op.start])
        pieces.append(op.text)
        cursor = op.end
    pieces.append(reply[cursor:])
    out = "".join(pieces)
    out = re.sub(r"[ \t]{2,}", " ", out)
    return out.strip()


def overlaps(ops: list[EditOperation], start: int, end: int) -> bool:
    return any(o.op == "replace" and o.start < end and start < o.end for o in ops)


_REPEAT = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
_PUNCT = re.compile(r"[.!?]\s+[.!?]|,\s*[.!?]|\s[,.!?](?!\S)")
_DOUBLING_OK = frozenset(("very", "so", "really", "ha", "no", "that", "had", "bye", "na"))


def issues(text: str) -> int:
    """Doubled words, stray punctuation and repeated sentences in a text."""
    sents = [s.text.strip().lower() for s in sentences(text)]
    return (sum(m.group(1).lower() not in _DOUBLING_OK for m in _REPEAT.finditer(text))
            + len(_PUNCT.findall(text)) + len(sents) - len(set(sents)))


def fluent(text: str, original: str) -> bool:
    """An edited reply reads at least as cleanly as the helper's own (their quirks are
    theirs; the edits must not add any)."""
    return issues(text) <= issues(original)
