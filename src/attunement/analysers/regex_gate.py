"""Literal prefilters for regular expressions: a cheap, sound test that a pattern cannot match.

`required_literals(pattern)` returns a set of strings such that every match of the pattern
contains at least one of them (or None when no such set can be found). Checking
`any(s in text for s in literals)` runs at C speed, so a risk cue is only scanned in a
sentence that could hold it. Sound by construction: only parts every match must pass through
are used (a branch contributes the union of its alternatives' sets; optional parts nothing).
"""
from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]  # Python ≥ 3.11, as the package requires
from re import _parser as P  # type: ignore[attr-defined]

MAX_LITERALS = 64


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings of which every match contains one; None if the pattern gives no such set."""
    if flags & re.IGNORECASE:
        return None  # the caller lower-cases text and pattern
    found = _seq(list(P.parse(pattern, flags)))
    if not found or "" in found or len(found) > MAX_LITERALS:
        return None
    return frozenset(found)


def _seq(items: list) -> set[str] | None:
    """A sequence: the best literal set of its runs of literals or of one of its parts."""
    best: set[str] | None = None
    run = ""
    candidates: list[set[str]] = []
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append({run})
            run = ""
        if op is C.SUBPATTERN:
            sub = _seq(list(av[-1]))
            if sub:
                candidates.append(sub)
        elif op is C.BRANCH:
            alts = [_seq(list(alt)) for alt in av[1]]
            if all(alts):
                union: set[str] = set().union(*alts)  # type: ignore[arg-type]
                candidates.append(union)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, body = av
            if lo >= 1:
                sub = _seq(list(body))
                if sub:
                    candidates.append(sub)
        elif op is C.ATOMIC_GROUP:
            sub = _seq(list(av))
            if sub:
                candidates.append(sub)
        # AT, ASSERT, ASSERT_NOT, IN, ANY, GROUPREF…: nothing every match must contain
    if run:
        candidates.append({run})
    for cand in candidates:
        if len(cand) > MAX_LITERALS or "" in cand:
            continue
        if best is None or _score(cand) > _score(best):
            best = cand
    return best


def _score(literals: set[str]) -> float:
    """Prefer few, long strings: they rule a sentence out most often."""
    return min(len(s) for s in literals) - 0.05 * len(literals)
