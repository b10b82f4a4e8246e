"""Finding every risk cue in a sentence cheaply, with exactly the matches of scanning each cue's
whole pattern.

Each cue's pattern is a long alternation. It is split into its alternatives (`alternatives`) and
each alternative keeps the sets of strings its every match must hold (`literal_sets`): a sentence
is tried only on the alternatives whose every set it meets, and the matches of the alternatives
tried are merged as the whole alternation would have found them (leftmost first; at one place,
the first alternative in order). An alternative that holds none of one of its sets cannot match
anywhere in the sentence, so leaving it out changes no match. A test compares both ways on every
corpus sentence.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .regex_gate import _score, alternatives, literal_sets


class CueScanner:
    """The matches of each of `patterns` (compiled, case-sensitive, groups unread) in a text."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        self._parts: list[list[str]] = []
        self._compiled: dict[tuple[int, int], re.Pattern[str]] = {}  # compiled when first tried: most never are
        self._always: list[tuple[int, int]] = []  # alternatives with no string to look for
        self._by_literal: dict[str, list[tuple[int, int, tuple[frozenset[str], ...]]]] = {}
        literals: set[str] = set()
        for i, pattern in enumerate(self.patterns):
            parts = alternatives(pattern.pattern)
            self._parts.append(parts)
            for j, part in enumerate(parts):
                sets = literal_sets(part, pattern.flags)
                if not sets:
                    self._always.append((i, j))
                    continue
                first = max(sets, key=_score)  # looked up by its strings; the others tested after
                rest = tuple(s for s in sets if s is not first)
                for lit in first:
                    self._by_literal.setdefault(lit, []).append((i, j, rest))
                literals.update(*sets)
        self._looked_up = frozenset(self._by_literal)  # the strings alternatives are found by
        self._short = tuple(lit for lit in literals if len(lit) < 3)
        self._by_trigram: dict[str, tuple[str, ...]] = {}
        for lit in sorted(literals):
            if len(lit) >= 3:
                self._by_trigram[lit[:3]] = (*self._by_trigram.get(lit[:3], ()), lit)

    def literals_in(self, low: str, grams: set[str] | None = None) -> list[str]:
        """The strings looked for that this text holds (found by their first three letters: the
        same as testing each one). `grams`: the text's `trigrams`, when already known."""
        found = [lit for lit in self._short if lit in low]
        for gram in (trigrams(low) if grams is None else grams).intersection(self._by_trigram):
            found.extend(lit for lit in self._by_trigram[gram] if lit in low)
        return found

    def scan(self, text: str, candidates: Sequence[str] | None = None) -> list[tuple[int, list[tuple[int, int]]]]:
        """(pattern index, match spans) for each pattern that matches `text`, in pattern order.
        `candidates`: strings known to hold all those `text` holds (e.g. those of the whole
        message, for one of its sentences: one lookup per message); by default looked up here."""
        here = set(self.literals_in(text)) if candidates is None else {lit for lit in candidates if lit in text}
        chosen: dict[int, list[int]] = {}
        for i, j in self._worth_trying(here):
            chosen.setdefault(i, []).append(j)
        out = []
        for i in sorted(chosen):
            js = sorted(set(chosen[i]))
            spans = self._alternation_spans(i, js, text)
            if spans:
                out.append((i, spans))
        return out

    def _alternation_spans(self, i: int, js: list[int], text: str) -> list[tuple[int, int]]:
        parts = [self._part(i, j) for j in js]
        found = [p.search(text) for p in parts]
        spans: list[tuple[int, int]] = []
        pos = 0
        while True:
            best = None
            for k, m in enumerate(found):
                if m is not None and m.start() < pos:
                    m = found[k] = parts[k].search(text, pos)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m  # ties keep the earlier alternative, as the alternation does
            if best is None:
                return spans
            if best.end() == best.start():  # empty matches follow finditer's own rules: ask it
                return [m.span() for m in self.patterns[i].finditer(text)]
            spans.append(best.span())
            pos = best.end()

    def search(self, text: str, grams: set[str] | None = None) -> bool:
        """Whether any of the patterns matches anywhere in `text` (`grams`: as for `literals_in`)."""
        return any(self._part(i, j).search(text) for i, j in self._worth_trying(set(self.literals_in(text, grams))))

    def _worth_trying(self, here: set[str]) -> list[tuple[int, int]]:
        """(pattern, alternative) pairs that may match a text holding exactly the strings `here`."""
        tried = list(self._always)
        for lit in self._looked_up.intersection(here):
            tried.extend((i, j) for i, j, rest in self._by_literal.get(lit, ())
                         if all(not s.isdisjoint(here) for s in rest))
        return tried

    def _part(self, i: int, j: int) -> re.Pattern[str]:
        rx = self._compiled.get((i, j))
        if rx is None:
            rx = self._compiled[(i, j)] = re.compile(self._parts[i][j], self.patterns[i].flags)
        return rx


def trigrams(low: str) -> set[str]:
    """Every run of three characters in the text."""
    return {low[i:i + 3] for i in range(len(low) - 2)}
