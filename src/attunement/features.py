"""Features that carry the empathy signal across domains: hashed word n-grams (what was
said) plus named cue patterns (how: sympathy phrases, second-person feeling words,
self-disclosure, inviting questions, advice imperatives, platitudes). Cue patterns are
class data, as in Presidio's recognizers, so they can be read, reviewed and extended.
"""
from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .text import normalise, word_texts, words

N_HASH = 1 << 18
_MASK = N_HASH - 1

FEELING = (
    r"(sad|hurt|hurting|alone|lonely|isolated|scared|afraid|frightened|terrified|anxious|worried|stressed|"
    r"overwhelmed|exhausted|tired|drained|angry|furious|frustrated|upset|lost|confused|ashamed|guilty|"
    r"embarrassed|hopeless|helpless|worthless|empty|numb|broken|heartbroken|devastated|crushed|betrayed|"
    r"rejected|abandoned|unwanted|invisible|trapped|stuck|defeated|disappointed|jealous|insecure|"
    r"unappreciated|misunderstood|torn|grieving|depressed|down|low|miserable|nervous|panicked|"
    r"powerless|unsafe|vulnerable|humiliated|resentful|bitter|lonesome|heavy|raw|shaken|conflicted)"
)
PEOPLE = r"(mom|mum|mother|dad|father|parents?|brother|sister|son|daughter|kids?|husband|wife|partner|boyfriend|girlfriend|friend|grandma|grandpa|grandmother|grandfather|dog|cat|baby)"


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    pattern: re.Pattern[str]
    mechanism: str  # the mechanism it speaks for, or "against" for roadblocks


def _c(name: str, mechanism: str, pattern: str) -> Cue:
    return Cue(name, re.compile(pattern, re.IGNORECASE), mechanism)


CUES: tuple[Cue, ...] = (
    # emotional reactions
    _c("sorry", "emotional_reactions", r"\b(so|very|really|truly|deeply|sincerely|terribly|incredibly)?\s*sorry\b(?!\s+(for\s+(the\s+)?(late|delay|long)|to\s+(bother|ask|interrupt)|but\s+i\s+disagree))"),
    _c("sorry_specific", "emotional_reactions", r"\bsorry\s+(you|that\s+you|to\s+hear|for\s+your|about\s+your|for\s+(what|all)|this\s+happened|that\s+happened)"),
    _c("intensifier_sorry", "emotional_reactions", r"\b(so|very|really|truly|deeply|incredibly)\s+sorry"),
    _c("heart", "emotional_reactions", r"\b(my\s+heart\s+(goes|breaks|aches|hurts|is\s+with)|heart\s*breaking|breaks\s+my\s+heart|heart\s+goes\s+out)"),
    _c("hug_love", "emotional_reactions", r"(\bhugs?\b|<3|❤|♥|💕|💙|💜|🫂|\bsending\s+(you\s+)?(love|hugs|strength|warmth|light|prayers|good\s+vibes)|\bxx+\b)"),
    _c("that_sucks", "emotional_reactions", r"\b(that|this|it)('s|\s+is|\s+sounds|\s+must\s+be)?\s+(so\s+|really\s+|truly\s+)?(sucks|awful|terrible|horrible|horrific|rough|tough|hard|heartbreaking|brutal|painful|devastating|unfair|scary|frightening|exhausting|crushing|heavy|a\s+lot)\b"),
    _c("exclaim", "emotional_reactions", r"\b(oh\s+no|ugh|oof|omg|oh\s+my\s+god|wow|damn|jeez|aw+)\b"),
    _c("care_concern", "emotional_reactions", r"\bi('m|\s+am|\s+was|\s+feel)\s+(really\s+|so\s+|genuinely\s+)?(worried|concerned|scared|sad|angry|upset|heartbroken|moved|touched)\s+(about|for|to\s+hear|by|that|reading)|\bi\s+(care|feel\s+for)\s+(about\s+)?you"),
    _c("glad_proud", "emotional_reactions", r"\bi('m|\s+am)\s+(so\s+|really\s+)?(glad|proud|happy|relieved)\s+(you|of\s+you|that\s+you)"),
    _c("nobody_deserves", "emotional_reactions", r"\b(no\s*one|nobody)\s+(deserves|should\s+have\s+to)"),
    # interpretations
    _c("sounds_like", "interpretations", r"\b(it\s+)?(sounds|seems|looks)\s+(like|as\s+if|as\s+though)\b"),
    _c("you_must_feel", "interpretations", r"\byou\s+(must|might|may|probably)\s+(be|feel|have\s+been|have\s+felt)|\bthat\s+must\s+(be|have\s+been|feel|have\s+felt)|\bi\s+can\s+(only\s+)?(imagine|see|tell|hear|sense)\b"),
    _c("you_feeling", "interpretations", r"\byou('re|\s+are|\s+feel|\s+felt|\s+seem|\s+sound|\s+were|\s+have\s+been|'ve\s+been)\s+(so\s+|really\s+|very\s+|pretty\s+|kind\s+of\s+|kinda\s+)?" + FEELING),
    _c("feeling_of", "interpretations", r"\b(feeling|to\s+feel|makes?\s+you\s+feel|left\s+you\s+feeling)\s+(so\s+|really\s+)?" + FEELING),
    _c("understand_claim", "interpretations", r"\bi\s+(totally\s+|completely\s+|really\s+|fully\s+)?(understand|get\s+it|get\s+you|hear\s+you|feel\s+you|relate|know\s+(exactly\s+)?(how|what)\s+you)|\b(been\s+there|same\s+here|me\s+too|same\s+tbh|same\.)"),
    _c("self_disclosure", "interpretations", r"\b(when\s+i\s+was|i\s+(went|go|was\s+going)\s+through|i('ve|\s+have)\s+(been|had|felt|lost|struggled|gone|dealt|experienced|suffered)|happened\s+to\s+me|i\s+(also|too)\s+(had|lost|was|felt|struggle)|i\s+used\s+to|i\s+lost\s+my|my\s+(own\s+)?" + PEOPLE + r"\s+(died|passed|left|was|had|did))"),
    _c("first_person_past", "interpretations", r"\bi\s+(was|had|felt|lost|got|went|did|tried|struggled|spent|couldn't|didn't|remember)\b"),
    _c("reflect_you_your", "interpretations", r"\b(your|you)\b.{0,40}\b" + FEELING),
    # explorations
    _c("question", "explorations", r"\?"),
    _c("wh_question_you", "explorations", r"\b(how|what|when|where|which|who)\b[^.?!]{0,60}\b(you|your|you're|u|ur)\b[^.?!]{0,80}\?"),
    _c("how_feel", "explorations", r"\bhow\s+(are|do|did|have|were|is)\s+(you|u|things|it|that)\b[^.?!]{0,40}(feel|feeling|felt|been|doing|holding|coping|going|managing|sleeping)|\bhow\s+(are|r)\s+(you|u)\b"),
    _c("what_like", "explorations", r"\bwhat\s+(was|is|has)\s+(it|that)\s+(been\s+)?like|\bwhat\s+(happened|made|makes|do\s+you\s+mean|went|goes|is\s+going|was\s+going|part|hurts|scares|worries|helps|would\s+help)"),
    _c("invite", "explorations", r"\b(tell\s+me\s+(more|about)|want\s+to\s+talk|wanna\s+talk|would\s+you\s+like\s+to\s+(talk|share|say)|(can|could)\s+you\s+(tell|share|say|describe)|i'?d\s+(like|love)\s+to\s+(hear|know)|if\s+you\s+want\s+to\s+(talk|share|vent)|feel\s+free\s+to\s+(share|talk|vent|dm|message)|here\s+(if|to)\s+(you\s+)?(need|want)?\s*(to\s+)?(talk|listen))"),
    _c("do_you_feel", "explorations", r"\b(do|did|are|were|have)\s+you\s+(feel|felt|think|ever|been|still|find|notice)\b[^.?!]{0,80}\?"),
    # roadblocks (evidence against)
    _c("advice_question", "against", r"\b(have\s+you\s+(tried|considered|thought\s+about|talked\s+to|seen|looked)|did\s+you\s+(try|talk|see|tell|ask)|why\s+don'?t\s+you|why\s+not|could\s+you\s+(try|just)|maybe\s+try|what\s+about\s+(trying|talking|seeing))"),
    _c("advice", "against", r"\b(you\s+(should|need\s+to|have\s+to|gotta|ought\s+to|could\s+try|might\s+want\s+to)|try\s+(to|and|talking|going|getting|doing)|i\s+(suggest|recommend|would\s+recommend)|make\s+sure|don'?t\s+(worry|give\s+up|let)|just\s+(try|go|talk|ignore|leave|relax|breathe|get|move|do|stop)|go\s+(see|talk|to\s+a)|see\s+a\s+(therapist|doctor|counsellor|counselor|professional)|get\s+(help|therapy|a\s+therapist))"),
    _c("minimising", "against", r"\b(at\s+least|could\s+(be|have\s+been)\s+worse|others\s+have\s+it\s+worse|not\s+(that|a)\s+big\s+(of\s+a\s+)?deal|it'?s\s+(only|just)\s+(a|an)|get\s+over\s+it|man\s+up|toughen\s+up|stop\s+(being|crying|whining)|first\s+world\s+problem|it'?s\s+not\s+the\s+end\s+of\s+the\s+world)"),
    _c("platitude", "against", r"\b(everything\s+happens\s+for\s+a\s+reason|time\s+heals|it\s+will\s+(all\s+)?(be|get)\s+(ok|okay|fine|better)|stay\s+(strong|positive)|look\s+on\s+the\s+bright\s+side|god\s+has\s+a\s+plan|this\s+too\s+shall\s+pass|good\s+vibes\s+only|chin\s+up|it\s+is\s+what\s+it\s+is|plenty\s+(more\s+)?fish|things\s+will\s+get\s+better|hang\s+in\s+there)"),
    _c("judging", "against", r"\b(why\s+would\s+you|what\s+did\s+you\s+expect|your\s+own\s+fault|you\s+(brought|did)\s+this|that'?s\s+(stupid|dumb|ridiculous|silly)|you'?re\s+(overreacting|being\s+(dramatic|silly|selfish))|grow\s+up|who\s+does\s+that|seriously\?)"),
    _c("know_exactly", "against", r"\bi\s+know\s+exactly\s+how\s+you\s+feel"),
)
CUE_NAMES = tuple(c.name for c in CUES)
N_DENSE_EXTRA = 6  # length and overlap features appended after the cues


def cue_matches(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every cue's matches as (start, end) offsets into `text`."""
    plain = text.replace("’", "'")
    return {c.name: [m.span() for m in c.pattern.finditer(plain)] for c in CUES}


_STOP = frozenset(
    "i me my you your yours he she it we they them the a an and or but is are was were be been "
    "to of in on at for with that this not no so do did have has had just it's i'm im really "
    "very what how why when if about all can could would should will like get got feel know "
    "there their out up down now then than too also more much some any one".split()
)


def content_words(text: str) -> set[str]:
    return {w.text.lower() for w in words(text) if len(w.text) > 2 and w.text.lower() not in _STOP}


def dense_features(text: str, post_words: set[str] | None = None) -> np.ndarray:
    """Cue counts (log-scaled) plus length and post-overlap features."""
    plain = text.replace("’", "'")
    vals = [math.log1p(len(c.pattern.findall(plain))) for c in CUES]
    ws = words(text)
    n = len(ws)
    reply_words = content_words(text)
    overlap = len(reply_words & post_words) if post_words else 0
    vals += [
        math.log1p(n) / 5.0,
        1.0 if n <= 3 else 0.0,
        math.log1p(overlap),
        overlap / (len(reply_words) + 1.0),
        1.0 if plain.rstrip().endswith("?") else 0.0,
        sum(1 for w in ws if w.text.lower() in ("you", "your", "you're", "u", "ur", "yourself")) / (n + 1.0),
    ]
    return np.asarray(vals, dtype=np.float32)


def _h(token: str) -> int:
    """Not cached: crc32 of a short string costs less than an lru_cache lookup of it (measured:
    a long post's n-gram hashes 0.29 → 0.11 ms; same values)."""
    return zlib.crc32(token.encode("utf-8")) & _MASK


def hashed_ngrams(text: str) -> dict[int, float]:
    """Word 1–3-grams and within-word character 4-grams, hashed, L2-normalised tf.

    Several analysers read the same turn, so the counts are cached; each caller gets its
    own copy to extend."""
    return dict(_hashed_ngrams(text))


def sentence_ngrams(text: str, parts: list[str]) -> list[dict[int, float]]:
    """`hashed_ngrams` of each part of `text` (its sentences, in order), the same dicts, built from
    the hashes of the whole text's n-grams where a part's words are a run of the text's words
    (checked; otherwise hashed anew): the sentence-by-sentence read then hashes nothing twice."""
    toks, uni, bi, tri, chars = _positional_hashes(text)
    out: list[dict[int, float]] = []
    cursor = 0
    for part in parts:
        ptoks = word_texts(normalise(part))
        n = len(ptoks)
        at = _run_at(toks, ptoks, cursor) if n else -1
        if at < 0:
            out.append(hashed_ngrams(part))
            continue
        cursor = at + n
        hashes = uni[at:at + n] + bi[at:at + max(n - 1, 0)] + tri[at:at + max(n - 2, 0)]  # (never a negative end)
        hashes += [_h("<s> " + ptoks[0]), _h(ptoks[-1] + " </s>")]
        for i in range(at, at + n):
            hashes += chars[i]
        out.append(_normalised_counts(hashes))
    return out


def _run_at(toks: list[str], run: list[str], start: int) -> int:
    """Where `run` starts in `toks` at or after `start` (-1 if nowhere)."""
    n = len(run)
    for i in range(start, len(toks) - n + 1):
        if toks[i] == run[0] and toks[i:i + n] == run:
            return i
    return -1


@lru_cache(maxsize=1024)
def _positional_hashes(text: str) -> tuple[list[str], list[int], list[int], list[int], list[list[int]]]:
    """A text's words and, per word position, the hashes of the uni-, bi- and trigram starting
    there and of its character 4-grams."""
    toks = word_texts(normalise(text))
    crc, mask = zlib.crc32, _MASK  # `_h` inlined: this runs on every message's every word
    uni = [crc(t.encode("utf-8")) & mask for t in toks]
    bi = [crc(f"{a} {b}".encode("utf-8")) & mask for a, b in zip(toks, toks[1:])]
    tri = [crc(f"{a} {b} {c}".encode("utf-8")) & mask for a, b, c in zip(toks, toks[1:], toks[2:])]
    chars = [[crc(("#" + padded[i:i + 4]).encode("utf-8")) & mask for i in range(len(padded) - 3)] if len(t) > 4 else []
             for t, padded in ((t, f"<{t}>") for t in toks)]
    return toks, uni, bi, tri, chars


def _normalised_counts(hashes: list[int]) -> dict[int, float]:
    """Term counts over their L2 norm (counted in C by Counter; same keys, order and values)."""
    counts = Counter(hashes)
    if not counts:
        return {}
    norm = math.sqrt(sum(v * v for v in counts.values()))
    return {k: v / norm for k, v in counts.items()}


@lru_cache(maxsize=8192)
def _hashed_ngrams(text: str) -> dict[int, float]:
    toks, uni, bi, tri, chars = _positional_hashes(text)
    hashes = uni + bi + tri
    if toks:
        hashes += [_h("<s> " + toks[0]), _h(toks[-1] + " </s>")]
    for c in chars:
        hashes += c
    return _normalised_counts(hashes)
