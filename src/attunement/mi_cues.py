"""Cue patterns for behaviour coding (MITI-style helper codes, client change/sustain talk).

They are features for the trained coder, not the coder itself: each names a way of
speaking that coders look for, so a code can be explained by the cues it rests on.
"""
from __future__ import annotations

import math
import re

import numpy as np

from .features import content_words
from .text import words


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


HELPER_CUES: dict[str, re.Pattern[str]] = {
    "question_mark": _r(r"\?"),
    "ends_question": _r(r"\?\s*[\"')]*\s*$"),
    "starts_wh": _r(r"(^|[.!?]\s+)(so\s+|and\s+|but\s+|okay,?\s+|well,?\s+)?(what|how|why|when|where|who|which|tell\s+me|describe|say\s+more|help\s+me\s+understand|i\s+wonder|i'?m\s+curious)\b"),
    "starts_aux": _r(r"(^|[.!?]\s+)(so\s+|and\s+|but\s+|okay,?\s+)?(do|does|did|are|is|was|were|have|has|had|can|could|would|will|should|shall|may|might|any|anything|is\s+there|are\s+there)\b[^.?!]*\?"),
    "tag_question": _r(r"(,\s*)?(right|isn'?t\s+it|don'?t\s+you|is\s+that\s+right|correct|yeah|no|huh|am\s+i\s+right)\?\s*$"),
    "reflect_start": _r(r"^\s*(mm+-?hmm?[.,]?\s*|okay[.,]?\s*|yeah[.,]?\s*)?(so\s+)?(it\s+)?(sounds\s+like|seems\s+like|you'?re|you\s+are|you\s+feel|you'?ve|you\s+have|you\s+don'?t|you\s+want|you'?d|you\s+really|you\s+just|it\s+seems|what\s+i'?m\s+hearing|on\s+(the\s+)?one\s+hand|part\s+of\s+you|for\s+you|it'?s\s+like|you\s+kind\s+of|you\s+sort\s+of|you\s+wish|you\s+were|you\s+can'?t|you\s+never)"),
    "you_feel": _r(r"\byou('re|\s+are|\s+feel|\s+felt|\s+seem|'ve\s+been|\s+were|\s+sound)\s+(\w+\s+)?(\w+ed|\w+ful|sad|angry|tired|scared|worried|stuck|lost|alone|hopeless|ready|proud|fed\s+up|done)\b"),
    "double_sided": _r(r"on\s+(the\s+)?one\s+hand|on\s+the\s+other(\s+hand)?|part\s+of\s+you[^.]*(another|other)\s+part|and\s+(yet|at\s+the\s+same\s+time)|but\s+at\s+the\s+same\s+time"),
    "metaphor_meaning": _r(r"\b(almost\s+like|as\s+if|as\s+though|like\s+a\b|it'?s\s+like|what\s+really\s+matters|important\s+to\s+you|you\s+value|you\s+care\s+(about|a\s+lot))"),
    "affirm": _r(r"\byou('ve|\s+have)\s+(really\s+)?(done|managed|made|shown|been\s+able|worked|taken|come|stuck|kept|put)|\bthat\s+(took|takes)\s+(a\s+lot\s+of\s+|real\s+)?(courage|strength|guts|commitment|effort)|\bgood\s+(for\s+you|job|on\s+you)|\bwell\s+done|\bgreat\s+(job|work|that\s+you)|\bi\s+(really\s+)?(appreciate|admire|respect)\s+(you|that|how|your)|\byou'?re\s+(really\s+|clearly\s+)?(strong|determined|committed|resourceful|brave|a\s+(good|caring|great))|\bimpressive|\bthat'?s\s+(great|wonderful|fantastic|awesome|a\s+(big|huge|real)\s+step)|\bproud\s+of\s+you"),
    "autonomy": _r(r"\b(up\s+to\s+you|your\s+(choice|call|decision|life)|you\s+(decide|get\s+to\s+decide|know\s+(yourself|best|your\s+own))|it'?s\s+yours|nobody\s+(can|could)\s+make\s+you|no\s*one\s+can\s+(make|force)|whatever\s+you\s+decide|only\s+you\s+(can|know)|you'?re\s+the\s+(expert|one\s+who|boss))"),
    "permission": _r(r"\b(would\s+it\s+be\s+(ok|okay|all\s+right|alright)\s+if|is\s+it\s+(ok|okay|alright)\s+if|can\s+i\s+(share|tell|offer|give|suggest|mention|ask)|may\s+i|mind\s+if\s+i|would\s+you\s+like\s+(some|me\s+to|to\s+hear|to\s+know)|do\s+you\s+want\s+(some|me\s+to|to\s+hear)|if\s+you'?re\s+interested|would\s+you\s+be\s+interested|since\s+you\s+asked|you\s+asked\s+(about|me))"),
    "collaboration": _r(r"\b(let'?s|let\s+us|we\s+(could|can|might|will)|together|work\s+(on|out)\s+(this|it|a\s+plan)|what\s+do\s+you\s+think\s+(about|of|would)|how\s+would\s+you\s+like\s+to|where\s+would\s+you\s+like\s+to|what\s+would\s+you\s+like\s+to\s+(focus|talk|start))"),
    "advice": _r(r"\b(you\s+(should|need\s+to|have\s+to|must|ought\s+to|gotta|better|really\s+should|really\s+need)|i('d|\s+would)\s+(recommend|suggest|advise|really\s+encourage)|i\s+(recommend|suggest|advise|want\s+you\s+to)|try\s+(to|and)|make\s+sure|why\s+don'?t\s+you|just\s+(stop|quit|cut|do|try|don'?t)|you'?d\s+better|it'?s\s+time\s+(to|you))"),
    "information": _r(r"\b(research|studies|study|evidence|statistic|percent|most\s+people|many\s+people|some\s+people|guidelines?|recommended|the\s+limit|units?|per\s+(day|week)|mg|side\s+effects?|the\s+risks?|doctors?\s+(say|recommend)|there\s+are\s+(a\s+few|several|some|two|three)\s+(options|ways|things|programs|groups)|one\s+option|another\s+option|it\s+(can|may|will|could)\s+(cause|increase|reduce|help|damage|affect|lead)|the\s+way\s+it\s+works|what\s+happens\s+is)|\d+\s*%"),
    "confront": _r(r"\b(you'?re\s+in\s+denial|that'?s\s+(just\s+)?(an?\s+)?excuses?|you('re|\s+are)\s+(lying|kidding\s+yourself|not\s+being\s+honest|making\s+excuses|being\s+(ridiculous|irresponsible|selfish|childish|dramatic))|what\s+did\s+you\s+expect|whose\s+fault|your\s+(own\s+)?fault|you\s+(obviously|clearly)\s|come\s+on|seriously\?|that'?s\s+not\s+(true|right|good\s+enough|how\s+it\s+works)|you\s+have\s+a\s+(serious\s+)?problem|you'?re\s+an?\s+(alcoholic|addict|junkie)|should\s+be\s+ashamed|grow\s+up|stop\s+(making|whining|complaining)|you\s+don'?t\s+(care|listen|get\s+it))"),
    "backchannel": _r(r"^\s*((mm+-?hm+|m+h?m+|uh-?huh|okay|ok|right|yeah|yes|sure|i\s+see|got\s+it|alright|all\s+right|oh|ah|hmm+|wow|yep|mhm|gotcha|absolutely|exactly|true|of\s+course|i\s+understand)[\s.!,]*)+$"),
    "structure": _r(r"\b(hello|hi\b|welcome|thanks\s+for\s+coming|nice\s+to\s+(meet|see)|good\s+(morning|afternoon|evening)|we\s+have\s+\w+\s+minutes|minutes\s+left|last\s+time|before\s+we\s+(finish|end|start|wrap)|today\s+(we|i)|next\s+(week|time|session)|see\s+you|take\s+care|bye|have\s+a\s+seat|thank\s+you)\b"),
    "summary": _r(r"\b(let\s+me\s+(see\s+if|summari[sz]e|make\s+sure)|to\s+sum\s+up|so\s+far\s+you'?ve|let\s+me\s+pull)"),
}

CLIENT_CUES: dict[str, re.Pattern[str]] = {
    "change": _r(r"\bi\s+(really\s+)?(want|wanna|would\s+like|need|have|gotta)\s+to\s+(stop|quit|cut|change|get|start|try|be|do|reduce|lose|go|make|take|call|see|keep|stay)|\bi('ll|\s+will|\s+am\s+going\s+to|'m\s+going\s+to|'m\s+gonna|\s+plan\s+to|\s+could|\s+can|\s+might)\s+(try|stop|quit|cut|start|call|go|do|make|take|talk|tell|ask|give|walk|get)|\bi('m|\s+am)\s+(ready|willing|determined|motivated)|\bi\s+should\s+(probably\s+)?(stop|quit|cut|start|try|go|get|call)|\bi('ve|\s+have)\s+(already\s+)?(started|stopped|cut|been\s+trying|quit|managed|thrown|booked)|\bi\s+(stopped|quit|threw|cut|started|called|went|managed|tried)|\bit'?s\s+(time|important|worth)|\bfor\s+my\s+(kids|children|family|health|son|daughter|wife|husband)|\bi\s+don'?t\s+want\s+to\s+(end\s+up|lose|be\s+like|die|keep|go\s+back)|\bcut\s+(back|down)|\b(healthier|motivated|ready|better\s+off\s+without)"),
    "sustain": _r(r"\bi\s+(just\s+)?(can'?t|cannot|couldn'?t|won'?t|refuse)|\bi\s+don'?t\s+(think\s+i\s+(can|could|need)|want\s+to\s+(stop|quit|change|give)|see\s+(the|a|why|how)|have\s+(a\s+problem|time|the)|really\s+(care|want|need))|\bnot\s+ready|\bno\s+way|\bnot\s+(that|a|so)\s+(bad|big|serious)|\b(it|that|they|drinking|smoking)\s+(helps|relaxes|calms)\s+me|\bi\s+(need|like|love|enjoy)\s+(it|my|a\s+drink|smoking|to\s+smoke|to\s+drink|the)|\beveryone\s+(does|drinks|smokes)|\bit'?s\s+(fine|not\s+a\s+problem|my\s+(only|way|life|business))|\bwhat'?s\s+the\s+point|\bi'?ve\s+tried\s+(everything|before|that)|\b(it|that)\s+(won'?t|doesn'?t|didn'?t|never)\s+work|\bi'?m\s+(fine|ok|okay|good)\s+(with|as)|\bdon'?t\s+see\s+(the|a)\s+(problem|point)|\btoo\s+(hard|difficult|much|late)|\bnot\s+(gonna|going\s+to)|\bbut\s+i\s+(like|need|enjoy)|\b(overreacting|exaggerating|nagging|on\s+my\s+back)"),
    "negation": _r(r"\b(not|never|no|don'?t|can'?t|won'?t|isn'?t|didn'?t)\b"),
    "yes": _r(r"^\s*(yeah|yes|yep|yup|sure|definitely|absolutely|i\s+guess|i\s+suppose|probably|maybe|kind\s+of|kinda|sort\s+of|right|exactly|true)[\s.!,]*"),
    "no": _r(r"^\s*(no|nope|nah|not\s+really|not\s+at\s+all|never)[\s.!,]*"),
    "backchannel": HELPER_CUES["backchannel"],
    "question": _r(r"\?"),
    "future": _r(r"\b(will|gonna|going\s+to|plan|tomorrow|next\s+week|from\s+now\s+on|starting)\b"),
}

# what the previous helper turn asked for: the same "Yeah." means change after a
# change-directed question and sustain after a sustain-directed reflection
CONTEXT_CUES: dict[str, re.Pattern[str]] = {
    "ctx_question": HELPER_CUES["question_mark"],
    "ctx_change_target": _r(r"\b(want\s+to|like\s+to|ready|could\s+you|would\s+you|plan|change|stop|quit|cut\s+(back|down)|reasons?|better|important|confident|benefits?|goals?|next\s+step|willing|commit)"),
    "ctx_sustain_target": _r(r"\b(don'?t\s+(want|feel|think|see)|not\s+ready|can'?t|hard|difficult|enjoy|like\s+about|good\s+things|helps\s+you|need\s+it|worried\s+about\s+(stopping|quitting)|no\s+problem|not\s+a\s+problem|unfair|nagging)"),
    "ctx_reflection": HELPER_CUES["reflect_start"],
    "ctx_closed": HELPER_CUES["starts_aux"],
}


def _counts(patterns: dict[str, re.Pattern[str]], text: str) -> list[float]:
    plain = text.replace("’", "'")
    return [math.log1p(len(p.findall(plain))) for p in patterns.values()]


def _person_shares(text: str) -> tuple[float, float, int]:
    ws = [w.text.lower() for w in words(text)]
    n = len(ws)
    first = sum(w in ("i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "im") for w in ws)
    second = sum(w in ("you", "your", "you're", "you've", "you'd", "you'll", "yourself", "u", "ur") for w in ws)
    return first / (n + 1.0), second / (n + 1.0), n


def helper_cue_features(text: str, context: str) -> np.ndarray:
    first, second, n = _person_shares(text)
    mine, theirs = content_words(text), content_words(context)
    overlap = len(mine & theirs)
    return np.asarray(_counts(HELPER_CUES, text) + [
        first, second, math.log1p(n) / 5.0, 1.0 if n <= 3 else 0.0, 1.0 if n >= 25 else 0.0,
        overlap / (len(mine) + 1.0), overlap / (len(theirs) + 1.0), 1.0 if not context.strip() else 0.0,
    ], dtype=np.float32)


def client_cue_features(text: str, context: str) -> np.ndarray:
    first, second, n = _person_shares(text)
    return np.asarray(_counts(CLIENT_CUES, text) + _counts(CONTEXT_CUES, context) + [
        first, second, math.log1p(n) / 5.0, 1.0 if n <= 3 else 0.0, 1.0 if not context.strip() else 0.0,
    ], dtype=np.float32)


def cues_found(patterns: dict[str, re.Pattern[str]], text: str) -> list[str]:
    plain = text.replace("’", "'")
    return [name for name, p in patterns.items() if p.search(plain)]
