"""Feedback a warm supervisor would give on one reply: what it does well, what it
misses, and what to change first — each item tied to the reply's own words. Safety
leads whenever the seeker shows risk; at imminent risk it is the only thing said.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import (
    EmpathyScore,
    FeedbackItem,
    ReplySafetyFlag,
    Roadblock,
    SafetyProtocol,
    Span,
)
from ..text import normalise, sentences
from .bank import SAFETY_ASK

PLATITUDE = re.compile(
    r"\b(everything\s+happens\s+for\s+a\s+reason|time\s+heals(\s+all\s+wounds)?|stay\s+strong|be\s+strong|"
    r"(it|things)\s+(will|'ll|is\s+going\s+to|are\s+going\s+to)\s+get\s+better|it\s+gets\s+better|this\s+too\s+shall\s+pass|"
    r"god\s+(has\s+a\s+plan|never\s+gives|won'?t\s+give)|(they'?re|he'?s|she'?s)\s+in\s+a\s+better\s+place|"
    r"plenty\s+(more\s+)?(of\s+)?fish|it\s+is\s+what\s+it\s+is|chin\s+up|cheer\s+up|stay\s+positive|think\s+positive|"
    r"good\s+vibes\s+only|(you'?ll|you\s+will)\s+get\s+over\s+it|what\s+doesn'?t\s+kill\s+you|keep\s+your\s+head\s+up|"
    r"don'?t\s+be\s+sad|just\s+be\s+happy|happiness\s+is\s+a\s+choice|move\s+on)\b", re.IGNORECASE)
CLOSED_Q = re.compile(r"^\s*(and\s+|so\s+|but\s+)?(do|does|did|are|is|was|were|have|has|had|can|could|would|will|should|"
                      r"shall|may|am|won'?t|don'?t|didn'?t|aren'?t|isn'?t|haven'?t)\b", re.IGNORECASE)
CRISIS_POINTER = re.compile(r"\b(988|116\s*123|741741|lifeline|samaritans|crisis\s+(line|text|team|service|support)|hotline|"
                            r"helpline|emergency|911|999|112|000|a\&e|er\b|urgent\s+care|text\s+(home|shout))", re.IGNORECASE)
_EMPATHIC_I = re.compile(r"^\s*(i'?m\s+(so\s+|really\s+|truly\s+)?(sorry|glad|here|proud|worried|concerned)|i\s+(can|could)\s+"
                         r"(only\s+)?(imagine|see|hear|tell)|i\s+hear|i\s+wonder|i'?m\s+wondering|i\s+think\s+you|i\s+get\s+"
                         r"(why|that|how)|i\s+understand)", re.IGNORECASE)
_SELF = re.compile(r"\b(i|i'm|i've|i'd|i'll|my|me|mine|myself)\b", re.IGNORECASE)

ROADBLOCK_KIND = {"advice_without_permission": "advice_first", "minimising": "minimising", "moralising": "judging",
                  "blaming": "judging", "premature_reassurance": "premature_reassurance",
                  "know_exactly": "know_exactly", "changing_subject": "changing_subject"}
ROADBLOCK_WORDS = {
    "advice_first": "You moved to advice ({q}) before they asked for it. Naming the feeling first, then asking whether "
                    "they'd like ideas, keeps the choice with them.",
    "minimising": "{q} is meant to comfort, but it can make the feeling sound smaller than it is. Staying with it "
                  "first lets them feel heard.",
    "judging": "{q} may land as a judgement. Curiosity about what led there invites honesty instead of defence.",
    "premature_reassurance": "{q} is a kind wish, but said this early it can tell them the worry isn't welcome. "
                             "Staying with the worry a moment helps more.",
    "know_exactly": "{q} comes from wanting to connect. No one can know exactly how another feels, though, and it "
                    "can turn the focus to you; \"I can only imagine…\" keeps it on them.",
    "changing_subject": "{q} moves away from what they had just shared. Coming back to it first shows it mattered.",
}
STRENGTHS = {
    "emotional_reactions": ("You meet them with real warmth: {q}. That tells them they aren't alone with this.",
                            "There's warmth in {q}. Tying it to what they told you would make it land even more."),
    "interpretations": ("You put their experience into words — {q} — which shows you really heard them.",
                        "{q} reaches toward understanding; saying what you understand, in their terms, would "
                        "show it."),
    "explorations": ("Your question {q} invites them to say more about their own experience.",
                     "{q} opens a door; asking about their feelings or what it's like for them opens it wider."),
}
MISSING = {
    "emotional_reactions": "There isn't yet a word of how their situation touches you. A line of warmth, such as "
                           "“{ex}”, helps them feel cared for.",
    "interpretations": "Try putting what they feel into words, tentatively, so they can correct you: “{ex}”.",
    "explorations": "An open question would invite them to say more: “{ex}”.",
}


def quote(text: str, limit: int = 90) -> str:
    t = " ".join(text.split())
    return f"“{t if len(t) <= limit else t[:limit - 1].rstrip() + '…'}”"


@dataclass
class Examples:
    """One filled phrase per kind, so feedback can show rather than tell."""

    acknowledge: str = ""
    reflect: str = ""
    explore: str = ""
    permission: str = ""
    safety_ask: str = ""
    safety_connect: str = ""


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def closed_questions(reply: str) -> list[Span]:
    return [_span(reply, s.start, s.end) for s in sentences(reply)
            if s.text.rstrip().endswith("?") and CLOSED_Q.match(s.text) and not SAFETY_ASK.search(s.text)]


def platitudes(reply: str) -> list[Span]:
    plain = reply.replace("’", "'")
    return [_span(reply, m.start(), m.end()) for m in PLATITUDE.finditer(plain)]


def self_focus(reply: str) -> list[Span]:
    """Sentences about the helper's own life, when they make up most of the reply."""
    sents = sentences(reply)
    mine = [s for s in sents if len(_SELF.findall(s.text)) >= 2 and not _EMPATHIC_I.match(s.text)
            and "you" not in normalise(s.text).split()]
    words_all = sum(len(s.text.split()) for s in sents) or 1
    words_mine = sum(len(s.text.split()) for s in mine)
    if len(mine) >= 2 and words_mine / words_all >= 0.4:
        return [_span(reply, s.start, s.end) for s in mine]
    return []


def names_feeling(reply: str, feeling: str | None) -> bool:
    from ..features import FEELING

    plain = normalise(reply)
    return bool(feeling and feeling in plain) or bool(re.search(r"\b" + FEELING + r"\b", plain))


def safety_feedback(reply: str, protocol: SafetyProtocol, evidence: list[Span], flags: list[ReplySafetyFlag],
                    blocks: list[Roadblock], ex: Examples) -> list[FeedbackItem]:
    said = "; ".join(quote(e.text, 60) for e in evidence[:2])
    items = [FeedbackItem(kind="safety_protocol", tone="safety", evidence=[],
                          message=(f"Their words ({said}) suggest {protocol.level} risk of suicide or self-harm. "
                                   if said else f"Their post suggests {protocol.level} risk of suicide or self-harm. ")
                          + "Safety comes before everything else in this reply: " + " ".join(protocol.steps))]
    if protocol.only_protocol:
        items.append(FeedbackItem(kind="escalate", tone="safety", message=(
            "Escalate now: bring in your supervisor or the platform's crisis team, and if they are in danger, "
            f"emergency services ({protocol.emergency}). Only the protocol is shown at this level.")))
        return items
    for f in flags:
        if f.kind != "language":
            items.append(FeedbackItem(kind="unsafe_reply", tone="safety", message=f.message, evidence=[f.span]))
    asked = any(SAFETY_ASK.search(s.text) and s.text.rstrip().endswith("?") for s in sentences(reply))
    if not asked:
        items.append(FeedbackItem(kind="ask_directly", tone="safety", alternative=ex.safety_ask, message=(
            "Ask them directly and calmly whether they are thinking about suicide — asking does not put the idea "
            f"in their head, and it tells them they can talk about it: “{ex.safety_ask}”")))
    if not CRISIS_POINTER.search(reply):
        items.append(FeedbackItem(kind="connect_support", tone="safety", alternative=ex.safety_connect, message=(
            f"Point them to crisis support and offer to stay while they reach out: “{ex.safety_connect}”")))
    for b in blocks:
        if b.kind in ("minimising", "premature_reassurance", "moralising", "advice_without_permission"):
            items.append(FeedbackItem(kind=ROADBLOCK_KIND[b.kind], tone="safety", evidence=[b.span], message=(
                f"Take out {quote(b.span.text, 60)}: when someone may be thinking of suicide, reassurance, advice or "
                "argument can feel like not being heard. Stay with them and ask.")))
    return items


def coaching_feedback(reply: str, empathy: EmpathyScore, blocks: list[Roadblock], flags: list[ReplySafetyFlag],
                      feeling: str | None, feeling_named: bool, ex: Examples, distress: bool = True
                      ) -> list[FeedbackItem]:
    items: list[FeedbackItem] = []
    for f in flags:
        if f.kind == "language":
            items.append(FeedbackItem(kind="language", tone="suggestion", evidence=[f.span], message=
                                      f"{quote(f.span.text, 40)}: {f.message}", alternative=f.suggestion))
        else:
            items.append(FeedbackItem(kind="unsafe_reply", tone="safety", evidence=[f.span], message=f.message))
    strengths: list[FeedbackItem] = []
    for mech, (strong, weak) in STRENGTHS.items():
        m = empathy.mechanism(mech)
        if m.level > 0 and m.evidence:
            words = strong if m.level == 2 else weak
            strengths.append(FeedbackItem(kind=f"strength_{mech}", tone="strength", evidence=m.evidence[:1],
                                          message=words.format(q=quote(m.evidence[0].text))))
    items += sorted(strengths, key=lambda i: -empathy.mechanism(i.kind[len("strength_"):]).level)[:2]
    if not strengths and len(reply.split()) >= 3:
        items.append(FeedbackItem(kind="strength_showing_up", tone="strength", message=(
            "You took the time to answer them, and that matters. A few changes below would help them feel more "
            "understood.")))
    if feeling_named and feeling and not names_feeling(reply, feeling):
        items.append(FeedbackItem(kind="unnamed_feeling", tone="suggestion", message=(
            f"They told you they feel {feeling}; the reply doesn't name that yet. Naming it shows you heard the "
            f"heart of what they said: “{ex.reflect}”"), alternative=ex.reflect))
    for b in blocks:
        kind = ROADBLOCK_KIND.get(b.kind, b.kind)
        alt = {"advice_first": ex.permission, "know_exactly": ex.reflect, "minimising": ex.reflect,
               "premature_reassurance": ex.explore, "changing_subject": ex.reflect}.get(kind)
        words = ROADBLOCK_WORDS.get(kind, b.message + " {q}").format(q=quote(b.span.text, 70))
        items.append(FeedbackItem(kind=kind, tone="suggestion", evidence=[b.span], message=words[0].upper() + words[1:],
                                  alternative=alt or None))
    for span in platitudes(reply):
        items.append(FeedbackItem(kind="platitude", tone="suggestion", evidence=[span], alternative=ex.reflect, message=(
            f"{quote(span.text, 60)} is kindly meant, but it can feel like a brush-off. Staying with their feeling helps "
            f"more: “{ex.reflect}”")))
    for span in closed_questions(reply)[:1]:
        items.append(FeedbackItem(kind="closed_question", tone="suggestion", evidence=[span], alternative=ex.explore,
                                  message=(f"{quote(span.text, 70)} can be answered with a yes or a no. An open question "
                                           f"invites more: “{ex.explore}”")))
    mine = self_focus(reply)
    if mine:
        items.append(FeedbackItem(kind="self_focus", tone="suggestion", evidence=mine[:2], message=(
            "You share a good deal of your own story. A little can help them feel less alone; turning it back to them "
            "(“…but how is it for you?”) keeps the focus on their experience.")))
    for mech in ("emotional_reactions", "interpretations", "explorations"):
        if mech == "emotional_reactions" and not distress:  # no sympathy asked for by a neutral question
            continue
        if empathy.mechanism(mech).level == 0 and not (mech == "interpretations" and any(
                i.kind == "unnamed_feeling" for i in items)):
            example = {"emotional_reactions": ex.acknowledge, "interpretations": ex.reflect,
                       "explorations": ex.explore}[mech]
            items.append(FeedbackItem(kind=f"missing_{mech}", tone="suggestion", alternative=example,
                                      message=MISSING[mech].format(ex=example)))
    order = {"safety": 0, "strength": 1, "suggestion": 2}
    return sorted(items, key=lambda i: order[i.tone])
