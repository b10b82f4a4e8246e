"""The offline planner: decide which mechanism to strengthen, compose edits from the
phrase bank filled with the post's specifics, and rank the candidates by how much they
raise empathy while staying close in meaning.

Candidates are ranked on an estimate: a rewrite's sentence vector is pooled from the
reply's token vectors plus those of the inserted sentences (each encoded once and cached
per post), so ranking costs no extra encoder pass. The chosen rewrites are then scored
exactly by the engine unless the caller asked for the live path (docs/coach.md).
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

import numpy as np

from ..analysers.empathy import EmpathyModel, PostContext, pair_features
from ..encoder import Encoding
from ..model import MECHANISMS, EditOperation, EmpathyScore, Roadblock
from ..text import sentences
from . import edits
from .bank import Phrase
from .feedback import closed_questions, platitudes
from .slots import Slots

SIMILARITY_FLOOR = 0.85     # below it, a rewrite pays for drifting from what the helper said
DRIFT_COST = 15.0           # expected-total points per unit of similarity below the floor
SENTENCE_COST = 0.15
ECHO_WEIGHT = 8.0           # the seeker's own words are the most specific thing a reflection can hold
TIE = 0.25                  # objective points within which candidates count as equally good        # prefer fewer inserted sentences when the gain is the same
REPLACEABLE = ("know_exactly", "minimising", "premature_reassurance")
SOFTEN = (("you should", "you could"), ("you need to", "it might help to"), ("you have to", "it could help to"),
          ("you must", "you might"), ("you ought to", "you could"), ("why don't you", "maybe you could"))


@dataclass
class Candidate:
    ops: list[EditOperation]
    phrases: list[str] = field(default_factory=list)
    text: str = ""
    vector: np.ndarray | None = None
    proba: list[np.ndarray] = field(default_factory=list)
    similarity: float = 0.0
    objective: float = 0.0
    exact: bool = False

    @property
    def expected_total(self) -> float:
        return float(sum(p[1] + 2 * p[2] for p in self.proba))

    @property
    def levels(self) -> list[int]:
        return [int(np.argmax(p)) for p in self.proba]


def expected_total(empathy: EmpathyScore) -> float:
    """Σ over mechanisms of P(weak) + 2 P(strong): smoother than the sum of levels."""
    return float(sum(empathy.mechanism(m).probabilities[1] + 2 * empathy.mechanism(m).probabilities[2]
                     for m in MECHANISMS))


def seed_for(post: str, seed: int) -> int:
    return int.from_bytes(hashlib.sha256(f"{seed}\x00{post}".encode()).digest()[:8], "big")


def fill(phrase: Phrase, slots: Slots, resource: str, lowercase: bool, k: int) -> str:
    """The phrase with the post's feeling and situation (the k-th alternative of each),
    lower-cased for a helper who writes without capitals (a service's name keeps its own)."""
    text = edits.fit_case(phrase.text, lowercase)
    if "{feeling}" in text:  # the seeker's own word when they named one
        feelings = slots.feelings[:slots.named] if slots.named else slots.feelings
        text = text.replace("{feeling}", feelings[k % len(feelings)])
    if "{situation}" in text:
        sit = slots.situations[k % len(slots.situations)]
        text = text.replace("{situation}", sit)
        if text.startswith(sit) and not lowercase:
            text = text[0].upper() + text[1:]
    if "{echo}" in text:
        text = text.replace("{echo}", slots.echoes[k % len(slots.echoes)])
    return text.replace("{resource}", resource)


class PhrasePicker:
    """Seeded choice of phrases a post's slots can fill, favouring its own words."""

    def __init__(self, pools: dict[str, tuple[list[Phrase], list[float]]], rng: random.Random) -> None:
        self.pools = pools
        self.rng = rng
        self.used: set[str] = set()

    def pick(self, kind: str, avoid: frozenset[str] = frozenset()) -> Phrase | None:
        """A phrase of this kind not used yet, preferring ones that don't repeat a slot
        (`avoid`) already filled in the same rewrite."""
        phrases, weights = self.pools.get(kind, ([], []))
        if not phrases:
            return None
        for attempt in range(12):
            choice = self.rng.choices(phrases, weights=weights)[0]
            if choice.id in self.used or (attempt < 8 and choice.slots & avoid):
                continue
            self.used.add(choice.id)
            return choice
        return None


def phrase_pools(bank: tuple[Phrase, ...], register: str, slots: Slots) -> dict[str, tuple[list[Phrase], list[float]]]:
    """Phrases per kind this post can fill, with weights: the seeker's own words first.
    A register that lacks a kind borrows the peer one."""
    have = {"resource"} | ({"feeling"} if slots.feelings else set()) | ({"situation"} if slots.situations else set()) \
        | ({"echo"} if slots.echoes else set())
    kinds_here = {p.kind for p in bank if p.register == register}
    pools: dict[str, tuple[list[Phrase], list[float]]] = {}
    for p in bank:
        if p.slots <= have and (p.register == register or (p.register == "peer" and p.kind not in kinds_here)):
            w = 1.0 + (("feeling" in p.slots) * (2.0 if slots.feeling_named else 0.5)) + ("situation" in p.slots) * 1.5 \
                + ("echo" in p.slots) * ECHO_WEIGHT
            pool = pools.setdefault(p.kind, ([], []))
            pool[0].append(p)
            pool[1].append(w)
    return pools


KIND_ORDER = ("safety_acknowledge", "acknowledge", "reflect", "safety_ask", "explore", "safety_connect")
REASONS = {
    "acknowledge": "Warmth first: it tells them their pain matters to you.",
    "reflect": "Puts their feeling into words, tentatively, so they feel understood.",
    "explore": "An open question invites them to say more about their own experience.",
    "permission": "Asking before advising keeps the choice with them.",
    "safety_acknowledge": "Thank them for telling you and stay with them.",
    "safety_ask": "Ask directly about suicide: it opens the door to talk about it safely.",
    "safety_connect": "Connect them with crisis support and offer to stay while they reach out.",
}
MECH_OF = {"acknowledge": "emotional_reactions", "reflect": "interpretations", "explore": "explorations",
           "permission": "advice_with_permission", "safety_acknowledge": "safety", "safety_ask": "safety",
           "safety_connect": "safety"}


class Planner:
    def __init__(self, model: EmpathyModel, bank: tuple[Phrase, ...]) -> None:
        self.model = model
        self.bank = bank
        self._fragments: dict[str, Encoding] = {}
        self._pools: dict[tuple[str, bool, bool, bool, bool], dict[str, tuple[list[Phrase], list[float]]]] = {}

    # ---- building candidates -----------------------------------------------------------
    def _insert(self, reply: str, at: int, where: str, phrase: Phrase, text: str,
                ops: list[EditOperation] | None = None) -> EditOperation:
        follows = any(o.op == "insert" and o.start == at for o in ops or [])
        return EditOperation(op="insert", start=at, end=at, original="", text=edits.join_insert(reply, at, text, follows),
                             where=where, reason=REASONS[phrase.kind], mechanism=MECH_OF[phrase.kind], phrase_id=phrase.id)

    def _replace(self, reply: str, start: int, end: int, phrase: Phrase | None, text: str, reason: str,
                 mechanism: str | None) -> EditOperation:
        return EditOperation(op="replace", start=start, end=end, original=reply[start:end], text=text,
                             where=f"replace “{reply[start:end]}”", reason=reason, mechanism=mechanism,
                             phrase_id=phrase.id if phrase else None)

    def fixes(self, reply: str, blocks: list[Roadblock], language: list[tuple[int, int, str]]) -> list[EditOperation]:
        """Edits every candidate carries: safer wording and softened advice."""
        ops: list[EditOperation] = []
        for start, end, better in language:
            ops.append(self._replace(reply, start, end, None, better, "Safer, person-first wording.", "language"))
        low = reply.lower().replace("’", "'")
        for b in blocks:
            if b.kind != "advice_without_permission":
                continue
            for old, new in SOFTEN:
                i = low.find(old, b.span.start, b.span.end + 1)
                if i >= 0 and not edits.overlaps(ops, i, i + len(old)):
                    new_text = new[0].upper() + new[1:] if reply[i].isupper() else new
                    ops.append(self._replace(reply, i, i + len(old), None, new_text,
                                             "Softer wording leaves the decision with them.", "advice_with_permission"))
                    break
        return ops

    def candidates(self, reply: str, empathy: EmpathyScore, blocks: list[Roadblock], slots: Slots, register: str,
                   lowercase: bool, fixes: list[EditOperation], rng: random.Random, resource: str,
                   safety: bool, n_variants: int = 3, max_plans: int = 10, distress: bool = True) -> list[Candidate]:
        """Candidate rewrites. Without distress in the post (a neutral question), no
        sympathy is offered: "I'm so sorry" to "what helped you sleep?" rings false."""
        picker = PhrasePicker(self.pools(register, slots), rng)
        sents = sentences(reply)
        levels = {m: empathy.mechanism(m).level for m in MECHANISMS}
        first_ack = bool(sents) and any(e.start <= sents[0].start < e.end or sents[0].start <= e.start < sents[0].end
                                        for e in empathy.emotional_reactions.evidence)
        start_at, start_where = edits.start_point(reply, first_ack)
        end_at, end_where = edits.end_point(reply)
        closed = closed_questions(reply)
        replaceable = [b for b in blocks if b.kind in REPLACEABLE] + \
                      [Roadblock(kind="platitude", span=s, message="") for s in platitudes(reply)]
        advice = [b for b in blocks if b.kind == "advice_without_permission"]
        out: list[Candidate] = []
        if safety:
            plans = [("safety_acknowledge", "safety_ask", "safety_connect"),
                     ("safety_acknowledge", "reflect", "safety_ask", "safety_connect")]
        else:
            need = [k for k, m in (("acknowledge", "emotional_reactions"), ("reflect", "interpretations"),
                                   ("explore", "explorations")) if levels[m] < 2 and (distress or k != "acknowledge")]
            plans = [tuple(need)] if need else []
            for drop in need if len(need) > 1 else []:
                plans.append(tuple(k for k in need if k != drop))
            plans += [(k,) for k in need if (k,) not in plans]
            if not plans and (replaceable or closed):
                plans = [("reflect",)]
        plans = plans[:max_plans]
        # One phrase per kind per variant, shared by every plan: each request samples only
        # n_variants phrases of a kind, so no phrase can dominate across posts, and a
        # plan's sentences never repeat a slot another of its sentences filled.
        order = [k for k in KIND_ORDER if any(k in p for p in plans)] + (["permission"] if advice and not safety else [])
        picks: list[dict[str, Phrase | None]] = []
        for _ in range(n_variants):
            filled: frozenset[str] = frozenset()
            chosen: dict[str, Phrase | None] = {}
            for kind in order:
                phrase = picker.pick(kind, filled)
                chosen[kind] = phrase
                if phrase is not None:
                    filled |= phrase.slots - {"resource"}
            picks.append(chosen)
        for plan in plans:
            for v in range(n_variants):
                ops = list(fixes)
                used: list[str] = []
                for kind in plan:
                    phrase = picks[v].get(kind)
                    if phrase is None:
                        continue
                    text = fill(phrase, slots, resource, lowercase, v)
                    used.append(phrase.id)
                    target = None
                    if kind == "reflect" and replaceable:
                        target = replaceable[0].span
                    elif kind == "explore" and closed:
                        target = closed[-1]
                    if target is not None and not edits.overlaps(ops, target.start, target.end):
                        sent = edits.sentence_containing(reply, target.start, target.end) or target
                        ops.append(self._replace(reply, sent.start, sent.end, phrase, text, REASONS[kind] +
                                                 " It takes the place of wording that can shut them down.", MECH_OF[kind]))
                    elif kind in ("explore", "safety_ask", "safety_connect"):
                        ops.append(self._insert(reply, end_at, end_where, phrase, text, ops))
                    else:
                        ops.append(self._insert(reply, start_at, start_where, phrase, text, ops))
                phrase = picks[v].get("permission")
                if advice and not safety and phrase is not None:
                    sent = edits.sentence_containing(reply, advice[0].span.start, advice[0].span.end)
                    if sent is not None and not edits.overlaps(ops, sent.start, sent.start):
                        ops.append(self._insert(reply, sent.start, "before the advice" if sent.start else "at the start",
                                                phrase, fill(phrase, slots, resource, lowercase, v)))
                        used.append(phrase.id)
                if ops:
                    out.append(Candidate(ops=ops, phrases=used))
        return out

    def pools(self, register: str, slots: Slots) -> dict[str, tuple[list[Phrase], list[float]]]:
        key = (register, bool(slots.feelings), bool(slots.situations), bool(slots.echoes), slots.feeling_named)
        hit = self._pools.get(key)
        if hit is None:
            hit = self._pools[key] = phrase_pools(self.bank, register, slots)
        return hit

    # ---- scoring -----------------------------------------------------------------------
    def fragment(self, text: str) -> Encoding:
        hit = self._fragments.get(text)
        if hit is None:
            if len(self._fragments) > 4096:
                self._fragments.clear()
            hit = self._fragments[text] = self.model.encoder.encode(text)
        return hit

    def prime_fragments(self, texts: list[str]) -> None:
        todo = list(dict.fromkeys(t for t in texts if t and t not in self._fragments))
        if todo:
            for t, e in zip(todo, self.model.encoder.encode_many(todo, batch_size=16)):
                self._fragments[t] = e

    def estimate(self, post: PostContext, reply: str, reply_enc: Encoding, cand: Candidate) -> None:
        """Score a candidate from pooled parts (no encoder pass over the whole rewrite)."""
        keep = np.ones(len(reply_enc.offsets), dtype=bool)
        parts = []
        for op in cand.ops:
            if op.op == "replace" and len(reply_enc.offsets):
                keep &= ~((reply_enc.offsets[:, 0] >= op.start) & (reply_enc.offsets[:, 1] <= op.end))
            added = op.text.strip(" .")
            if added:  # every sentence or word an edit puts in
                parts.append(self.fragment(added).tokens)
        total = reply_enc.tokens[keep].sum(axis=0) if keep.any() else np.zeros(reply_enc.vector.shape, np.float32)
        for t in parts:
            total = total + t.sum(axis=0)
        vec = total / (np.linalg.norm(total) + 1e-12)
        self._score(post, reply_enc, cand, vec.astype(np.float32), exact=False)

    def score_exact(self, post: PostContext, reply_enc: Encoding, cands: list[Candidate]) -> None:
        encs = self.model.encoder.encode_many([c.text for c in cands], batch_size=8)
        for c, e in zip(cands, encs):
            self._score(post, reply_enc, c, e.vector, exact=True)

    def _score(self, post: PostContext, reply_enc: Encoding, cand: Candidate, vec: np.ndarray, exact: bool) -> None:
        dense, sparse = pair_features(post.encoding.vector, post.words, cand.text, vec)
        cand.proba = [self.model.heads[m].proba(dense, sparse) for m in MECHANISMS]
        cand.vector = vec
        cand.similarity = float(vec @ reply_enc.vector)
        cand.exact = exact

    def rank(self, cands: list[Candidate], base_expected: float, rng: random.Random | None = None) -> list[Candidate]:
        """Best objective first. Candidates within TIE of the best are near-equal to the
        engine; the seed orders them, so one well-scoring phrase does not win every post."""
        for c in cands:
            inserted = sum(1 for o in c.ops if o.phrase_id)
            c.objective = (c.expected_total - base_expected - DRIFT_COST * max(0.0, SIMILARITY_FLOOR - c.similarity)
                           - SENTENCE_COST * inserted)
        ranked = sorted(cands, key=lambda c: -c.objective)
        if rng is not None and ranked:
            best = ranked[0].objective
            ties = [c for c in ranked if c.objective >= best - TIE]
            rng.shuffle(ties)
            ranked = ties + ranked[len(ties):]
        return ranked
