"""The safety protocol that takes over when a client shows risk, the crisis resources it
points to, and checks of helper text: unsafe replies and language to avoid."""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import ConfigError
from .model import RISK_LEVELS, CrisisResource, ReplySafetyFlag, RiskAssessment, SafetyProtocol, Span

PROTOCOL_FROM = "moderate"  # at or above this level the protocol leads everything else


STEPS = [
    "Stay with them: say you are glad they told you and that you are here now.",
    "Ask directly and calmly about suicide: \"Are you thinking about killing yourself?\" Asking does not put the idea in their head.",
    "Don't leave them alone with this: keep talking, and ask who could be with them right now.",
    "Connect them with crisis support (below) and offer to stay while they reach out.",
    "Don't argue, minimise or promise secrecy; take every disclosure seriously.",
]
IMMINENT_STEPS = [
    "This person may be in immediate danger. If they are in danger now, contact emergency services ({emergency}) or ask them to.",
    "Ask where they are and whether the means (pills, a weapon, a height) can be put away or moved out of reach now.",
    "Stay with them — in the chat or on the phone — until help is with them.",
    "Escalate to your supervisor or the platform's crisis team right away.",
]


def _load(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"Cannot read crisis resources from {path} ({exc}).") from None


@lru_cache(maxsize=8)
def crisis_table(extra: str | None = None) -> dict:
    """The bundled table, with a user's file (same shape) merged over it."""
    base = _load(Path(str(resources.files("attunement") / "resources" / "crisis_resources.json")))
    extra = extra or os.environ.get("ATTUNEMENT_CRISIS_RESOURCES")
    if extra:
        user = _load(Path(extra))
        for loc, entry in (user.get("locales") or {}).items():
            base["locales"][loc.upper() if loc != "international" else loc] = entry
        if user.get("reviewed"):
            base["reviewed"] = f"{base['reviewed']} (bundled); {user['reviewed']} (local)"
    return base


def resources_for(locale: str | None = None, extra: str | None = None) -> tuple[str, str, list[CrisisResource]]:
    table = crisis_table(extra)
    key = (locale or os.environ.get("ATTUNEMENT_LOCALE") or table["default_locale"])
    key = key.upper().replace("-", "_")
    if "_" in key:
        key = key.split("_")[-1]
    key = {"UK": "GB"}.get(key, key)
    entry = table["locales"].get(key) or table["locales"]["international"]
    found = key if key in table["locales"] else "international"
    return found, entry["emergency"], [CrisisResource(**{k: str(r[k]) for k in ("name", "contact", "hours", "source") if k in r})
                                for r in entry["resources"]]


def protocol_for(risk: RiskAssessment, locale: str | None = None) -> SafetyProtocol | None:
    if RISK_LEVELS.index(risk.level) < RISK_LEVELS.index(PROTOCOL_FROM):
        return None
    loc, emergency, res = resources_for(locale)
    imminent = risk.level == "imminent"
    steps = [s.format(emergency=emergency) for s in IMMINENT_STEPS] if imminent else list(STEPS)
    return SafetyProtocol(level=risk.level, steps=steps, escalate=risk.level in ("high", "imminent"),
                          only_protocol=imminent, locale=loc, emergency=emergency, resources=res,
                          resources_reviewed=crisis_table()["reviewed"])


# ---- helper text ---------------------------------------------------------------------
def _r(p: str) -> re.Pattern[str]:
    return re.compile(p, re.IGNORECASE)


UNSAFE: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("encourages_self_harm", _r(r"\b(kys|kill\s+yourself|go\s+(ahead\s+and\s+)?(do\s+it|end\s+it)|just\s+do\s+it\s+then|"
                                r"nobody\s+would\s+(miss|care\s+about)\s+you|the\s+world\s+(would\s+be|is)\s+better\s+without\s+you|"
                                r"you\s+(should|might\s+as\s+well)\s+(just\s+)?(die|end\s+it|kill\s+yourself|hurt\s+yourself)|"
                                r"do\s+us\s+all\s+a\s+favou?r)\b"),
     "This encourages self-harm. Never say this; if you are struggling with the conversation, hand it to a colleague."),
    ("method_information", _r(r"\b(lethal|fatal|deadly)\s+(dose|amount)|how\s+many\s+(pills|tablets)\s+(it\s+)?(takes|would|to)|"
                              r"(painless|quickest|easiest|best|surest)\s+(way|method)s?\s+to\s+(die|kill|end)|"
                              r"\b(cut|slit)\s+(along|down|vertically)|\bhow\s+to\s+(tie\s+a\s+noose|overdose)"),
     "This gives information about methods. Remove it: method details raise risk."),
    ("dismisses_disclosure", _r(r"\b(you'?re\s+(just\s+)?(being\s+)?(dramatic|attention[\s-]?seeking|looking\s+for\s+attention)|"
                                r"you\s+don'?t\s+(really\s+)?mean\s+(that|it)|you\s+wouldn'?t\s+(really\s+)?(do\s+it|do\s+that)|"
                                r"(stop|quit)\s+(being\s+so\s+)?(dramatic|negative|whining)|everyone\s+feels\s+(like\s+)?that(\s+sometimes)?|"
                                r"snap\s+out\s+of\s+it|that'?s\s+(selfish|a\s+selfish\s+thing)|think\s+(about|of)\s+how\s+(selfish|your\s+family)|"
                                r"(it'?s|you'?re)\s+not\s+(that\s+)?(bad|serious)|you\s+have\s+so\s+much\s+to\s+live\s+for)\b"),
     "This dismisses what they told you. Take it seriously: thank them for telling you and ask more."),
)

LANGUAGE: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (_r(r"\bcommit(s|ted|ting)?\s+suicide\b"), "died by suicide / took their own life",
     "\"Committed\" echoes crime and sin; \"died by suicide\" is accurate and free of blame."),
    (_r(r"\b(successful|completed)\s+suicide\b"), "died by suicide", "Death is not a success."),
    (_r(r"\b(failed|unsuccessful)\s+(suicide\s+)?attempt\b|\bfailed\s+suicide\b"), "survived a suicide attempt",
     "Surviving is not a failure."),
    (_r(r"\bsuicide\s+victim\b"), "person who died by suicide", "Person-first language."),
    (_r(r"\b(an|the|a)\s+(addict|junkie|druggie|alcoholic)\b"), "a person with a substance use disorder",
     "Person-first language: the person is not their illness."),
    (_r(r"\b(a|an|the)\s+(schizophrenic|bipolar|psycho|mental\s+patient|lunatic)\b"),
     "a person living with (the condition)", "Person-first language avoids reducing someone to a diagnosis."),
    (_r(r"\bcrazy|\binsane|\bnuts\b|\bpsycho\b"), "(describe the behaviour or feeling instead)",
     "These words stigmatise mental illness."),
    (_r(r"\bclean\s+(urine|drug\s+test|test)|\bdirty\s+(urine|drug\s+test|test)"), "negative / positive test",
     "\"Clean\" and \"dirty\" imply moral judgment."),
)


def check_helper_text(text: str) -> list[ReplySafetyFlag]:
    """Unsafe content and language to avoid in a helper's (or bot's) reply."""
    flags: list[ReplySafetyFlag] = []
    for kind, pat, msg in UNSAFE:
        for m in pat.finditer(text):
            flags.append(ReplySafetyFlag(kind=kind, span=Span(start=m.start(), end=m.end(), text=m.group()), message=msg))
    for pat, better, why in LANGUAGE:
        for m in pat.finditer(text):
            flags.append(ReplySafetyFlag(kind="language", span=Span(start=m.start(), end=m.end(), text=m.group()),
                                         message=f"Safer wording: \"{better}\". {why}", suggestion=better))
    return sorted(flags, key=lambda f: f.span.start)
