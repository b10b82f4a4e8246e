"""The coach: specific, kind feedback on a reply (or a draft still being typed) and
concrete insert / replace rewrites that make it more empathic — offline from the
project's phrase bank, or from a local LLM through the same checks.

    from attunement.coach import Coach
    result = Coach().coach("I lost my job and I feel useless.", "You'll find another one.")
    result.feedback[0].message, result.rewrites[0].text

Safety first: when the seeker shows risk >= moderate the protocol leads the feedback and
every rewrite follows it; at imminent risk only the protocol and escalation are given.
"""
from __future__ import annotations

import random
import re
import threading
from typing import TYPE_CHECKING

from ..analysers.roadblocks import find_roadblocks
from ..errors import BackendError, check_param
from ..model import (
    RISK_LEVELS,
    AnalysisWarning,
    CoachResult,
    EditOperation,
    Rewrite,
    SeekerAnalysis,
)
from ..pipeline import Pipeline, default_pipeline
from ..safety import check_helper_text, protocol_for, resources_for
from ..text import clean_text, looks_english
from . import edits
from .bank import Phrase, load_bank
from .feedback import Examples, coaching_feedback, platitudes, safety_feedback
from .planner import Candidate, PhrasePicker, Planner, expected_total, fill, seed_for
from .register import check_register, detect_register, writes_lowercase
from .slots import find_slots

if TYPE_CHECKING:
    from .llm import LLMBackend

__all__ = ["Coach", "coach"]
AT_RISK_REMOVAL = "At a time of risk, reassurance, advice or argument can feel like not being heard."


class Coach:
    """Feedback and rewrites for (post, reply) pairs.

    Parameters are the constructor's keywords: `top_k` rewrites are returned; `exact`
    re-scores them with the engine on the rewritten text (False: the live path's
    estimate, for coaching while typing); `seed` makes the choice of phrases
    reproducible; `register` forces a voice; `llm` adds a local LLM's proposals.
    """

    def __init__(self, pipeline: Pipeline | None = None, top_k: int = 3, exact: bool = True, seed: int = 0,
                 register: str | None = None, locale: str | None = None, llm: "LLMBackend | None" = None,
                 bank_dir: str | None = None, variants: int = 3, live_variants: int = 1) -> None:
        check_param("top_k", "Coach", top_k, isinstance(top_k, int) and 1 <= top_k <= 10, "an int in [1, 10]")
        check_param("variants", "Coach", variants, isinstance(variants, int) and 1 <= variants <= 10, "an int in [1, 10]")
        self.pipeline = pipeline or default_pipeline()
        self.top_k = top_k
        self.exact = exact
        self.seed = seed
        self.register = check_register(register)
        self.locale = locale if locale is not None else self.pipeline.locale
        self.llm = llm
        self.bank_dir = bank_dir
        self.variants = variants
        self.live_variants = live_variants
        self._lock = threading.Lock()

    @property
    def bank(self) -> tuple[Phrase, ...]:
        return load_bank(self.bank_dir)

    @property
    def planner(self) -> Planner:
        with self._lock:
            if not hasattr(self, "_planner"):
                self._planner = Planner(self.pipeline.empathy_model, self.bank)
            return self._planner

    def warm(self) -> "Coach":
        self.pipeline.warm()
        self.planner  # noqa: B018
        return self

    def prepare(self, seeker_post: str) -> None:
        """Analyse a post before anyone types a reply to it (risk, emotions, phrase
        encodings), so the first live keystroke costs no more than the next."""
        self.coach(seeker_post, "I'm here.", exact=False)

    def coach(self, seeker_post: str, response: str, id: str | None = None, context_level: str = "none",
              exact: bool | None = None, locale: str | None = None) -> CoachResult:
        """Feedback and up to top_k rewrites, best first. `context_level` is the seeker's
        highest earlier risk in this conversation (the studio passes it); `locale` picks the
        crisis resources for this call (a practice scenario's country), else the coach's."""
        locale = locale or self.locale
        post = clean_text(seeker_post, field="seeker_post", max_chars=self.pipeline.max_chars)
        reply = clean_text(response, field="response", max_chars=self.pipeline.max_chars)
        exact = self.exact if exact is None else exact
        p = self.pipeline
        model = p.empathy_model
        risk = p.risk_model.assess(post, RISK_LEVELS.index(context_level))
        emotions = p.emotion_model.predict(post)
        protocol = protocol_for(risk, locale)
        post_ctx = model.post_context(post)
        reply_enc = model.encoder.encode(reply)
        empathy = model.score(post_ctx, reply, reply_enc)
        blocks = find_roadblocks(reply, post)
        flags = check_helper_text(reply)
        rng = random.Random(seed_for(post, self.seed))
        slots = find_slots(post, emotions, rng)
        register = self.register or detect_register(reply, post)
        lowercase = writes_lowercase(reply)
        _, _, resources = resources_for(locale)
        resource = f"{resources[0].name} ({short_contact(resources[0].contact)})" if resources else "a local crisis line"
        examples = self._examples(register, slots, resource, lowercase, rng)
        warnings: list[AnalysisWarning] = []
        if not (looks_english(post) and looks_english(reply)):
            warnings.append(AnalysisWarning(code="W001", message="The text does not look like English, which the "
                                            "coach does not support; treat its suggestions with care."))
        safety = protocol is not None
        distress = in_distress(risk.level, emotions, slots.feeling_named)
        if safety:
            feedback = safety_feedback(reply, protocol, risk.evidence, flags, blocks, examples)
        else:
            feedback = coaching_feedback(reply, empathy, blocks, flags, slots.feeling, slots.feeling_named, examples,
                                         distress)
        rewrites: list[Rewrite] = []
        if not (protocol and protocol.only_protocol):
            rewrites = self._rewrites(post, reply, reply_enc, post_ctx, empathy, blocks, flags, slots, register,
                                      lowercase, resource, rng, safety, exact, warnings, distress)
        return CoachResult(id=id, empathy=empathy, seeker=SeekerAnalysis(emotions=emotions, risk=risk), safety=protocol,
                           feedback=feedback, rewrites=rewrites, reply_register=register, feeling=slots.feeling,
                           situation=slots.situation, warnings=warnings, versions=p.versions)

    # ---- internals ---------------------------------------------------------------------
    def _examples(self, register: str, slots, resource: str, lowercase: bool, rng: random.Random) -> Examples:  # type: ignore[no-untyped-def]
        picker = PhrasePicker(self.planner.pools(register, slots), random.Random(rng.random()))
        ex = Examples()
        for kind in ("acknowledge", "reflect", "explore", "permission", "safety_ask", "safety_connect"):
            phrase = picker.pick(kind)
            if phrase is not None:
                setattr(ex, kind, fill(phrase, slots, resource, lowercase, 0))
        return ex

    def _rewrites(self, post, reply, reply_enc, post_ctx, empathy, blocks, flags, slots, register, lowercase,  # type: ignore[no-untyped-def]
                  resource, rng, safety, exact, warnings, distress) -> list[Rewrite]:
        planner = self.planner
        language = [(f.span.start, f.span.end, f.suggestion) for f in flags
                    if f.kind == "language" and f.suggestion and not f.suggestion.startswith("(")]
        fixes = planner.fixes(reply, [] if safety else blocks, language)
        removals = [(f.span, f.message) for f in flags if f.kind != "language"]  # unsafe: out of every rewrite
        if safety:  # reassurance, platitudes, advice and argument come out of a reply to someone at risk
            removals += [(span, AT_RISK_REMOVAL) for span in
                         [b.span for b in blocks if b.kind in ("minimising", "premature_reassurance", "moralising",
                                                               "advice_without_permission")] + platitudes(reply)]
        for span, reason in removals:
            sent = edits.sentence_containing(reply, span.start, span.end) or span
            if not edits.overlaps(fixes, sent.start, sent.end):
                fixes.append(EditOperation(op="replace", start=sent.start, end=sent.end,
                                           original=reply[sent.start:sent.end], text="",
                                           where=f"remove “{reply[sent.start:sent.end]}”", reason=reason,
                                           mechanism="safety"))
        cands = planner.candidates(reply, empathy, blocks, slots, register, lowercase, fixes, rng, resource, safety,
                                   n_variants=self.variants if exact else self.live_variants,
                                   max_plans=10 if exact else 4, distress=distress)
        if self.llm is not None:
            try:
                cands += self.llm.propose(post, reply, empathy, slots, register, safety, planner, resource, lowercase,
                                          random.Random(rng.random()))
            except BackendError as exc:
                warnings.append(AnalysisWarning(code="W300", message=f"{exc.message} Suggestions come from the "
                                                "phrase bank only."))
        for c in cands:
            c.text = edits.apply(reply, c.ops)
        cands = [c for c in cands if c.text and _safe(c.text, safety) and edits.fluent(c.text, reply)]
        if not cands:
            return []
        planner.prime_fragments([o.text.strip(" .") for c in cands for o in c.ops if o.text.strip(" .")])
        for c in cands:
            planner.estimate(post_ctx, reply, reply_enc, c)
        base = expected_total(empathy)
        ranked = planner.rank(cands, base)
        if exact:
            shortlist = _distinct(ranked, 2 * self.top_k)
            shortlist += [c for c in _distinct([c for c in ranked if _from_llm(c)], 2) if c not in shortlist]
            planner.score_exact(post_ctx, reply_enc, shortlist)
            ranked = planner.rank(shortlist, base, random.Random(rng.random()))
        useful = [c for c in _distinct(ranked, len(ranked)) if safety or c.expected_total > base]
        chosen = useful[: self.top_k]
        llm_best = next((c for c in useful if _from_llm(c)), None)
        if llm_best is not None and llm_best not in chosen:  # a configured LLM always gets a say
            chosen[-1] = llm_best
        return [_as_rewrite(c, empathy.total) for c in chosen]


def _from_llm(c: Candidate) -> bool:
    return any(o.phrase_id == "llm" for o in c.ops)


DISTRESS_FAMILIES = ("sadness", "fear", "anger", "disgust")


def in_distress(risk_level: str, emotions: list, feeling_named: bool) -> bool:  # type: ignore[type-arg]
    """The post voices something painful: risk, a named feeling, or a negative emotion."""
    return (risk_level != "none" or feeling_named
            or any(e.family in DISTRESS_FAMILIES and e.score >= 0.25 for e in emotions))


def short_contact(contact: str) -> str:
    """The first way to reach a service, short enough to sit inside a sentence."""
    first = contact.split()[0] if contact else ""
    if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", first):  # "findahelpline.com lists …" → the address
        return first
    return re.split(r",\s|\s+or\s+(?:email|chat|visit)\b|\s+\(", contact)[0].strip()


def _safe(text: str, safety: bool) -> bool:
    from .bank import SAFETY_ASK
    from .feedback import CRISIS_POINTER

    if any(f.kind != "language" for f in check_helper_text(text)):
        return False
    return not safety or bool(SAFETY_ASK.search(text) and CRISIS_POINTER.search(text))


def _distinct(cands: list[Candidate], k: int) -> list[Candidate]:
    seen: set[str] = set()
    out: list[Candidate] = []
    for c in cands:
        if c.text not in seen:
            seen.add(c.text)
            out.append(c)
        if len(out) >= k:
            break
    return out


def _as_rewrite(c: Candidate, base_total: int) -> Rewrite:
    total = sum(c.levels)
    return Rewrite(operations=sorted(c.ops, key=lambda o: o.start), text=c.text, predicted_total=total,
                   predicted_change=total - base_total, expected_total=round(c.expected_total, 3),
                   similarity=round(c.similarity, 4), exact=c.exact,
                   source="llm" if _from_llm(c) else "phrase_bank")


_DEFAULT: Coach | None = None


def coach(seeker_post: str, response: str, id: str | None = None) -> CoachResult:
    """Coach one reply with the bundled models and phrase bank."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Coach()
    return _DEFAULT.coach(seeker_post, response, id=id)
