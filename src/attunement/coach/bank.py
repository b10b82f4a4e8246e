"""The phrase bank: sentences written for this project, in four registers, that the
planner fills with the seeker's own feeling and situation. Each file holds one kind of
move for one register (`peer-acknowledge.jsonl`); this module loads and checks them, so a
writer gets every mistake explained at once (`python -m attunement.coach.bank check`).
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

REGISTERS = ("peer", "youth", "clinical", "older_adult")
KINDS = {
    "acknowledge": "emotional_reactions",   # warmth and concern for the seeker
    "reflect": "interpretations",           # tentative understanding of the feeling or experience
    "explore": "explorations",              # an open question about their feelings or experience
    "permission": "",                       # asks before offering an idea
    "safety_acknowledge": "",               # glad you told me; I'm here
    "safety_ask": "",                       # asks directly about suicide or self-harm
    "safety_connect": "",                   # points to crisis support ({resource})
}
SLOTS = {"feeling", "situation", "echo", "resource"}
SLOT = re.compile(r"\{([a-z_]+)\}")

# Things a suggestion must never say: they put words in the helper's mouth, shut the
# seeker down, or are the very roadblocks the coach warns about.
BANNED: tuple[tuple[str, re.Pattern[str]], ...] = tuple((why, re.compile(p, re.IGNORECASE)) for why, p in (
    ("self-disclosure (changes the facts about the helper)",
     r"\b(i\s+(went|go)\s+through|when\s+i\s+was|i('ve|\s+have)\s+(been|had|lost|felt|gone)\s+(through|there|the\s+same)|"
     r"my\s+(mom|mum|dad|mother|father|wife|husband|friend|sister|brother|son|daughter)|happened\s+to\s+me|been\s+there)"),
    ("claims to know exactly how they feel", r"\bi\s+know\s+(exactly|just)\s+how|\bi\s+know\s+how\s+you\s+feel"),
    ("platitude", r"everything\s+happens\s+for\s+a\s+reason|time\s+heals|stay\s+strong|it\s+(will|'ll)\s+get\s+better|"
                  r"(god|the\s+universe)\s+(has|never|won't)|look\s+on\s+the\s+bright\s+side|silver\s+lining|"
                  r"everything\s+(will|'ll)\s+be\s+(fine|ok|okay)|this\s+too\s+shall\s+pass|be\s+positive"),
    ("minimising", r"\bat\s+least\b|could\s+be\s+worse|not\s+a\s+big\s+deal|others\s+have\s+it\s+worse|\bjust\s+a\b"),
    ("advice (the coach asks permission first)", r"\byou\s+(should|need\s+to|have\s+to|must|ought\s+to)\b|\bwhy\s+don'?t\s+you\b"),
    ("diagnosis", r"\b(depress(ion|ed)|disorder|ptsd|bipolar|anxiety\s+attack|trauma\s+response)\b"),
    ("judgement", r"\b(selfish|overreacting|dramatic|weak|silly|stupid)\b"),
))
OPEN_START = re.compile(r"\b(what|how|where|when|which|who|tell\s+me|i'?m\s+wondering|i\s+wonder|would\s+you\s+(be\s+willing\s+to\s+)?"
                        r"(tell|share|say)|can\s+you\s+(tell|say)|could\s+you\s+(tell|say|share)|if\s+you'?d\s+like\s+to\s+share)\b",
                        re.IGNORECASE)
SAFETY_ASK = re.compile(r"suicid|kill(ing)?\s+yourself|end(ing)?\s+your\s+life|tak(e|ing)\s+your\s+(own\s+)?life|"
                        r"hurt(ing)?\s+yourself|harm(ing)?\s+yourself|not\s+(wanting\s+to\s+)?(be\s+)?(alive|here)|"
                        r"want(ing)?\s+to\s+die|unalive", re.IGNORECASE)
MAX_WORDS = 32


@dataclass(frozen=True, slots=True)
class Phrase:
    id: str
    register: str
    kind: str
    text: str
    slots: frozenset[str] = frozenset()

    @classmethod
    def of(cls, id: str, register: str, kind: str, text: str) -> "Phrase":
        return cls(id, register, kind, text, frozenset(SLOT.findall(text)))

    @property
    def mechanism(self) -> str:
        return KINDS[self.kind]


def bank_dir() -> Path:
    return Path(str(resources.files("attunement") / "resources" / "coach" / "bank"))


def check_phrase(text: str, kind: str) -> list[str]:
    """Every reason this sentence cannot go in the bank (empty when it can)."""
    problems: list[str] = []
    unknown = set(SLOT.findall(text)) - SLOTS
    if unknown:
        problems.append(f"unknown slot(s) {sorted(unknown)}; use only {{feeling}}, {{situation}}, {{echo}}, {{resource}}")
    if "{resource}" in text and kind != "safety_connect":
        problems.append("{resource} belongs only in safety_connect sentences")
    if "{echo}" in text and kind not in ("acknowledge", "reflect"):
        problems.append("{echo} belongs only in acknowledge and reflect sentences")
    if "{echo}" in text and len(SLOT.findall(text)) > 1:
        problems.append("a sentence with {echo} uses no other slot (the seeker's own words are enough)")
    if kind == "safety_connect" and "{resource}" not in text:
        problems.append("a safety_connect sentence must name {resource}")
    if re.search(r"[{}]", SLOT.sub("", text)):
        problems.append("stray brace")
    plain = SLOT.sub("x", text)
    if len(plain.split()) > MAX_WORDS:
        problems.append(f"{len(plain.split())} words; keep it to {MAX_WORDS}")
    if not re.search(r"[.?!]$", text.strip()):
        problems.append("must end with . ? or !")
    for why, pat in BANNED:
        m = pat.search(plain)
        if m and not (kind == "permission" and why.startswith("advice")):
            problems.append(f"{why}: {m.group()!r}")
    if kind == "explore" and not (text.rstrip().endswith("?") or OPEN_START.search(text)):
        problems.append("an explore sentence must be an open question (What/How/Tell me…)")
    if kind == "explore" and re.match(r"\s*(do|did|are|is|was|were|have|has|can|could|would|will|should)\s+you\b", text, re.I) \
            and not OPEN_START.search(text):
        problems.append("a yes/no question; make it open (What… / How…)")
    if kind == "safety_ask" and not SAFETY_ASK.search(text):
        problems.append("a safety_ask sentence must ask directly about suicide or self-harm")
    if kind == "permission" and not text.rstrip().endswith("?"):
        problems.append("a permission sentence asks (ends with ?)")
    return problems


def _bigrams(text: str) -> set[tuple[str, str]]:
    w = re.findall(r"[a-z']+|\{[a-z]+\}", text.lower())
    return set(zip(w, w[1:]))


def read_file(path: Path) -> tuple[list[Phrase], list[str]]:
    """Phrases of one bank file and every problem found in it."""
    m = re.fullmatch(r"([a-z_]+)-([a-z_]+)\.jsonl", path.name)
    errors: list[str] = []
    if not m or m.group(1) not in REGISTERS or m.group(2) not in KINDS:
        return [], [f"{path.name}: name files <register>-<kind>.jsonl with register in {REGISTERS} and kind in {tuple(KINDS)}"]
    register, kind = m.groups()
    phrases: list[Phrase] = []
    seen: dict[str, int] = {}
    grams: list[tuple[int, set[tuple[str, str]]]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            row = json.loads(line)
            pid, text = str(row["id"]), str(row["text"]).strip()
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            errors.append(f"{where}: not a JSON object with id and text ({exc})")
            continue
        if pid in seen:
            errors.append(f"{where}: id {pid} already used on line {seen[pid]}")
        seen[pid] = n
        if not pid.startswith(f"{register}-{kind}-"):
            errors.append(f"{where}: id should start with {register}-{kind}-")
        errors += [f"{where}: {p}" for p in check_phrase(text, kind)]
        g = _bigrams(text)
        for other_line, og in grams:
            if g and og and len(g & og) / len(g | og) >= 0.6:
                errors.append(f"{where}: nearly the same as line {other_line}; vary it more")
                break
        grams.append((n, g))
        phrases.append(Phrase.of(pid, register, kind, text))
    return phrases, errors


@lru_cache(maxsize=4)
def load_bank(directory: str | None = None) -> tuple[Phrase, ...]:
    root = Path(directory) if directory else bank_dir()
    out: list[Phrase] = []
    problems: list[str] = []
    for path in sorted(root.glob("*.jsonl")):
        phrases, errors = read_file(path)
        out += phrases
        problems += errors
    if problems:
        raise ConfigError(f"The phrase bank in {root} has {len(problems)} problem(s): " + "; ".join(problems[:5]))
    if not out:
        raise ConfigError(f"No phrase bank files in {root}.")
    return tuple(out)


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "check":
        print("usage: python -m attunement.coach.bank check FILE.jsonl [...]", file=sys.stderr)
        return 2
    bad = 0
    for name in argv[1:]:
        phrases, errors = read_file(Path(name))
        for e in errors:
            print(e)
        bad += len(errors)
        print(f"{name}: {len(phrases)} phrases, {len(errors)} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
