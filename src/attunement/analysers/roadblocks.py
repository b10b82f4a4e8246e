"""Roadblocks in helper turns (Gordon's term): replies that tend to shut the other person
down — advice nobody asked for, minimising, moralising, blaming a family member,
premature reassurance, "I know exactly how you feel", and changing the subject away from
a feeling the client just named. Each finding carries its span and a kind explanation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..conversation import Conversation, Turn
from ..encoder import Encoder, default_encoder
from ..features import content_words
from ..model import Roadblock, Span
from .base import Analyser, register

FAMILY = (r"(mom|mum|mother|dad|father|parents?|son|daughter|husband|wife|partner|boyfriend|girlfriend|sister|"
          r"brother|teenager|kid|child|stepdad|stepmom|stepmum|in-laws?|grandma|grandpa)")


@dataclass(frozen=True)
class RoadblockRule:
    kind: str
    pattern: re.Pattern[str]
    message: str


def _r(kind: str, pattern: str, message: str) -> RoadblockRule:
    return RoadblockRule(kind, re.compile(pattern, re.IGNORECASE), message)


RULES: tuple[RoadblockRule, ...] = (
    _r("advice_without_permission",
       r"\b(you\s+(should|need\s+to|have\s+to|must|ought\s+to|gotta|really\s+should|really\s+need\s+to|'d\s+better)|"
       r"i('d|\s+would)\s+(recommend|suggest|advise)|why\s+don'?t\s+you|just\s+(stop|quit|try|tell|leave|ignore)|"
       r"if\s+i\s+were\s+you)\b[^.?!]*",
       "Advice came before the client asked for it. Asking first (\"Would it help to hear what others have tried?\") "
       "keeps the choice with them."),
    _r("minimising",
       r"\b(at\s+least\b[^.?!]*|(it|things)\s+could\s+(be|have\s+been)\s+worse|others\s+have\s+it\s+worse|"
       r"(it'?s\s+)?not\s+(that|such\s+a|a)\s+big\s+(of\s+a\s+)?deal|it'?s\s+(only|just)\s+(a|an|one)\s+\w+|"
       r"look\s+on\s+the\s+bright\s+side|could\s+be\s+a\s+lot\s+worse|you'?re\s+overthinking)",
       "This can make the feeling sound smaller than it is. Naming it first (\"That sounds really hard\") lets the "
       "client feel heard."),
    _r("moralising",
       r"\b(you\s+should\s+be\s+ashamed|(that'?s|it'?s)\s+(just\s+)?(wrong|irresponsible|selfish|shameful)|"
       r"the\s+right\s+thing\s+to\s+do|you\s+ought\s+to\s+know\s+better|good\s+(mothers|fathers|parents|people|"
       r"sons|daughters|wives|husbands)\s+don'?t|what\s+kind\s+of\s+(mother|father|parent|person)|"
       r"think\s+about\s+what\s+you'?re\s+doing\s+to|how\s+could\s+you)",
       "This reads as a judgement of the person. Curiosity about what led there (\"What was going on for you then?\") "
       "invites honesty instead of defence."),
    _r("blaming",
       r"\b((your|his|her|their)\s+" + FAMILY + r"('s|\s+is|\s+was|\s+has\s+been)?\s+(is\s+)?(the\s+(problem|reason|one\s+"
       r"causing)|to\s+blame|at\s+fault|fault|being\s+(unreasonable|selfish|difficult|dramatic|lazy)|causing\s+(this|"
       r"all\s+this))|it'?s\s+(all\s+)?(your|his|her)\s+" + FAMILY + r"'?s\s+fault|you'?re\s+the\s+(problem|reason)\s+"
       r"(here|for|why)|you'?re\s+(making\s+(it|this|everything)\s+worse|tearing\s+this\s+family))",
       "Blaming one family member tends to make them defend themselves and the others take sides. Reflecting each "
       "person's view keeps everyone in the room."),
    _r("premature_reassurance",
       r"\b(everything\s+(will|is\s+going\s+to|'?ll)\s+be\s+(fine|ok|okay|alright|all\s+right)|it'?ll\s+(all\s+)?"
       r"(be|work\s+out)\s+(fine|ok|okay|alright)|it'?s\s+(all\s+)?going\s+to\s+be\s+(fine|ok|okay|alright)|"
       r"i'?m\s+sure\s+(it'?ll|it\s+will|everything|you'?ll)|don'?t\s+worry|nothing\s+to\s+worry\s+about|"
       r"you'?ll\s+be\s+(fine|ok|okay|alright)|i'?m\s+sure\s+it'?s\s+nothing)",
       "Reassurance this early can tell the client their worry is not welcome. Staying with the worry for a moment "
       "(\"What worries you most?\") usually helps more."),
    _r("know_exactly",
       r"\bi\s+know\s+(exactly|just)\s+(how|what)\s+you('re|\s+are)?\s*(feel|feeling|going\s+through)|"
       r"\bi\s+know\s+exactly\s+what\s+you\s+mean",
       "No one can know exactly how another person feels, and it can move the focus to you. \"I can only imagine\" "
       "or a reflection of what they said keeps it on them."),
    _r("changing_subject",
       r"\b(anyway|anyways|moving\s+on|on\s+another\s+note|changing\s+the\s+subject|by\s+the\s+way|let'?s\s+(talk|move)"
       r"\s+(about\s+something\s+else|on)|enough\s+about\s+that)\b",
       "The conversation moved away from what the client had just shared. Coming back to it (\"Before we move on — "
       "you said…\") shows it mattered."),
)
_PERMISSION = re.compile(r"\b(would\s+it\s+be\s+(ok|okay|alright|all\s+right)\s+if|can\s+i\s+(share|suggest|offer|give)|"
                         r"would\s+you\s+like\s+(some|me\s+to|to\s+hear)|do\s+you\s+want\s+(some|my|me\s+to)|since\s+you\s+asked|"
                         r"mind\s+if\s+i|if\s+you'?re\s+open)", re.IGNORECASE)
_ASKED = re.compile(r"\b(what\s+(should|can|do)\s+i\s+do|any\s+(advice|ideas|tips|suggestions)|what\s+would\s+you\s+do|"
                    r"should\s+i|how\s+do\s+i|can\s+you\s+(help|tell\s+me)|what\s+do\s+you\s+(think|suggest|recommend))",
                    re.IGNORECASE)
_YES = re.compile(r"^\s*(yes|yeah|sure|ok|okay|please|go\s+ahead|yep|i'?d\s+like\s+that)\b", re.IGNORECASE)


def find_roadblocks(text: str, client_before: str = "", helper_before: str = "") -> list[Roadblock]:
    """Roadblocks in one helper turn, given what the client and the helper said just before."""
    plain = text.replace("’", "'")
    out: list[Roadblock] = []
    permitted = bool(_PERMISSION.search(plain) or _ASKED.search(client_before.replace("’", "'"))
                     or (_PERMISSION.search(helper_before.replace("’", "'")) and _YES.search(client_before)))
    for rule in RULES:
        if rule.kind == "advice_without_permission" and permitted:
            continue
        for m in rule.pattern.finditer(plain):
            a, b = m.span()
            while b > a and plain[b - 1] in " ,;:":
                b -= 1
            out.append(Roadblock(kind=rule.kind, span=Span(start=a, end=b, text=text[a:b]), message=rule.message))
            break
    return out


def changed_subject_quietly(helper: Turn, client: Turn, similarity: float) -> bool:
    """A turn that shares no words and little meaning with a feeling the client just voiced."""
    emotions = client.annotations.get("emotions") or []
    felt = any(e.label != "neutral" and e.family in ("sadness", "fear", "anger") and e.score >= 0.3 for e in emotions)
    shared = content_words(helper.text) & content_words(client.text)
    return felt and not shared and similarity < 0.12 and len(helper.text.split()) >= 6


QUIET_CHANGE = ("This turn moves away from the feeling the client had just named. A reflection of it first "
                "would show it was heard.")


@register("roadblocks")
class RoadblockAnalyser(Analyser):
    name = "roadblocks"
    version = "1.0"
    requires = ("encoder", "emotions", "coding")
    assigns = ("turn.roadblocks",)

    def __init__(self, encoder: Encoder | None = None) -> None:
        self.encoder = encoder or default_encoder()

    def analyse(self, conversation: Conversation) -> None:
        helper_before = ""
        for turn in conversation.turns:
            if turn.role != "helper":
                continue
            client = conversation.previous_client(turn)
            found = find_roadblocks(turn.text, client.text if client else "", helper_before)
            code = turn.annotations.get("code")
            if client is not None and code is not None and code.coarse not in ("reflection", "question") \
                    and not any(b.kind == "changing_subject" for b in found):
                sim = float(self.encoder.encode(turn.text, cache=True).vector
                            @ self.encoder.encode(client.text, cache=True).vector)
                if changed_subject_quietly(turn, client, sim):
                    found.append(Roadblock(kind="changing_subject", span=Span(start=0, end=len(turn.text), text=turn.text),
                                           message=QUIET_CHANGE))
            turn.annotations["roadblocks"] = found
            helper_before = turn.text
