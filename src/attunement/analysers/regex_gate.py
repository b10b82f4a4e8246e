"""Literal prefilters for regular expressions: a cheap, sound test that a pattern cannot match.

`required_literals(pattern)` returns a set of strings such that every match of the pattern
contains at least one of them (or None when no such set can be found). Checking
`any(s in text for s in literals)` runs at C speed, so a risk cue is only scanned in a
sentence that could hold it. Sound by construction: only parts every match must pass through
are used (a branch contributes the union of its alternatives' sets; optional parts nothing).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as C  # type: ignore[attr-defined]  # Python ≥ 3.11, as the package requires
from re import _parser as P  # type: ignore[attr-defined]

MAX_LITERALS = 96


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
    for cand in _candidates(items):
        if best is None or _score(cand) > _score(best):
            best = cand
    return best


def _candidates(items: list) -> list[set[str]]:
    """The literal sets a sequence's every match must hold one string of: each run of literals
    and each part that must occur (a group, a branch whose every alternative has a set, a
    repeat at least once), at most MAX_LITERALS strings, none empty."""
    run = ""
    candidates: list[set[str]] = []
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append({run})
            run = ""
        sub: set[str] | None = None
        if op is C.SUBPATTERN:
            sub = _seq(list(av[-1]))
        elif op is C.BRANCH:
            alts = [_seq(list(alt)) for alt in av[1]]
            sub = set().union(*alts) if all(alts) else None  # type: ignore[arg-type]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            sub = _seq(list(av[2]))
        elif op is C.ATOMIC_GROUP:
            sub = _seq(list(av))
        # AT, ASSERT, ASSERT_NOT, IN, ANY, GROUPREF…: nothing every match must contain
        if sub:
            candidates.append(sub)
    if run:
        candidates.append({run})
    return [c for c in candidates if len(c) <= MAX_LITERALS and "" not in c]


def literal_sets(pattern: str, flags: int = 0) -> list[frozenset[str]]:
    """Every set found in the pattern's outer sequence of which each match holds one string:
    a text must hold one string of each set before the pattern can match it (a conjunction of
    `required_literals`' candidates, which keeps only the best one)."""
    if flags & re.IGNORECASE:
        return []
    return [frozenset(c) for c in _candidates(list(P.parse(pattern, flags)))]


def alternatives(pattern: str) -> list[str]:
    """The pattern as an ordered list of alternatives whose alternation is the same pattern:
    its outer branches, with a leading group of alternatives distributed over what follows
    (`\\b(a|b)c` → `\\bac`, `\\bbc`; tried in the same order, so every match is the same).
    Capturing groups so opened are dropped: for patterns whose groups are not read."""
    out: list[str] = []
    for branch in top_level_branches(pattern):
        out.extend(_distribute(branch))
    return out


_LOOKBEHIND = re.compile(r"\(\?<[!=]")


def _distribute(branch: str) -> list[str]:
    i = 0
    while True:  # zero-width assertions before the group may be repeated in each alternative
        if branch.startswith(r"\b", i):
            i += 2
        elif _LOOKBEHIND.match(branch, i) and _closing(branch, i) > 0:
            i = _closing(branch, i) + 1
        else:
            break
    plain_group = branch.startswith("(?:", i) or (branch.startswith("(", i) and not branch.startswith("(?", i))
    if not plain_group:
        return [branch]
    end = _closing(branch, i)
    if end < 0 or branch[end + 1:end + 2] in ("?", "*", "+", "{"):
        return [branch]
    start = i + 3 if branch.startswith("(?:", i) else i + 1
    inner = branch[start:end]
    alts = [inner[a:b] for a, b in _split_at_depth(inner, 0)]
    if len(alts) < 2:
        return [branch]
    out: list[str] = []
    for alt in alts:  # an alternative holds no outer "|": it needs no group of its own
        out.extend(_distribute(branch[:i] + alt + branch[end + 1:]))
    return out


def _score(literals: set[str]) -> float:
    """Prefer few, long strings: they rule a sentence out most often."""
    return min(len(s) for s in literals) - 0.05 * len(literals)


def top_level_branches(pattern: str) -> list[str]:
    """The alternatives of a pattern's outermost alternation, as pattern strings: of the
    pattern itself, or of one group that wraps all of it."""
    spans = _split_at_depth(pattern, 0)
    if len(spans) == 1 and pattern.startswith("(") and _closing(pattern, 0) == len(pattern) - 1:
        inner_start = 3 if pattern.startswith("(?:") else 1
        if pattern[1:2] != "?" or pattern.startswith("(?:"):
            return [pattern[inner_start + a:inner_start + b] for a, b in _split_at_depth(pattern[inner_start:-1], 0)]
    return [pattern[a:b] for a, b in spans]


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) of each parenthesis and "|" outside escapes and character
    classes; depth counts the groups open before the character."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":
                i += 1  # a literal "]" first in the class
        elif c in "()|":
            yield i, c, depth
            depth += 1 if c == "(" else -1 if c == ")" else 0
        i += 1


def _split_at_depth(pattern: str, depth0: int) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, c, depth in _structure(pattern):
        if c == "|" and depth == depth0:
            out.append((start, i))
            start = i + 1
    out.append((start, len(pattern)))
    return out


def _closing(pattern: str, open_at: int) -> int:
    """Index of the parenthesis that closes the one at `open_at` (-1 if none)."""
    opened = None
    for i, c, depth in _structure(pattern):
        if i == open_at:
            opened = depth
        elif opened is not None and c == ")" and depth - 1 == opened:
            return i
    return -1
