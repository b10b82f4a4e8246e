"""Self-harm and suicide risk of the writer of every client message.

Rules (risk_rules.py) find the cues and the frames that lower or raise them; a small
trained head reads the same message for what rules miss (euphemism, unusual wording).
The head may raise a level, never lower a cue the rules found: a missed crisis is the
worst error this project can make.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..conversation import Conversation
from ..encoder import Encoder, default_encoder
from ..errors import ModelError
from ..features import hashed_ngrams, sentence_ngrams
from ..heads import LinearHead, load_heads
from ..model import RISK_LEVELS, RiskAssessment, Span
from ..models import model_file
from ..text import TextSpan, sentences
from . import risk_rules as R
from .cue_scan import CueScanner, trigrams
from .base import Analyser, register

ALL_CUES = (*R.CUES, R.ATTEMPT, R.STILL_WANT)
# every cue's matches in a sentence, each tried only where it can match (cue_scan)
SCANNER = CueScanner([cue.lowered for cue in ALL_CUES])


# The head raises the level to L when P(level >= L) passes RAISE_AT[L]: thresholds below
# 0.5 trade false alarms for recall, set by cross-validation on the training corpus
# (tools/risk_cv.py): the most recall that keeps false alarms on ordinary counselling
# talk under 5 % at the protocol's level.
RAISE_AT = (1.0, 0.3, 0.2, 0.2, 0.25)
SENTENCE_READ = True
SENTENCE_READ_FROM = 4  # sentences: shorter messages are read whole only
# A sentence read out of its message is outside what the head was trained on: alone it may
# ask for the protocol (moderate) when confident, never escalate (measured in docs/model-card.md).
SENTENCE_MAX_LEVEL = 2
SENTENCE_MIN_P = 0.85
HEAD_ALONE_ESCALATE = 0.3  # P(≥ high) the model needs to escalate a message with no rule cue
HEAD_ALONE_PROTOCOL = 0.25  # P(≥ moderate) the model alone needs, with no cue and no earlier risk
# A long message the model alone reads as risk must have one sentence that reads so too: the
# whole-message reading of a long everyday post (a trucker's day, a lab update) can ride on its
# many times and errands. With no sentence at P(≥ high) ≥ HEAD_ALONE_ESCALATE (the bar a whole
# message needs to escalate), the message goes no higher than its most worrying sentence, each
# sentence read at P ≥ HEAD_ALONE_SENTENCE_P (dev-n, stop 22: docs/model-card.md)
HEAD_ALONE_LONG_WORDS = 60
HEAD_ALONE_SENTENCE_P = 0.5
ANSWER_WORDS = 16  # after active ideation, an answer this short that names a day is read as the plan's (was 12 until stop 20)
BARE_YES_WORDS = 5  # "yeah. that's it" answers a disclosure; "yeah. no more secrets, I'll tell you about…" talks on
PRIOR_TIME_WORDS = 8  # a time in the sentence just before active ideation makes a plan only in a sentence this short
SHORT_ANSWER_WORDS = 25  # an answer within a conversation, read with the earlier risk in view
DENIAL_OVERRULED_AT = 0.75  # P(≥ level) the model needs to raise past a denial or a past-only cue
# What a message passes on to the next ones: a level the model alone read, with no cue of the
# writer's own, counts as moderate at most (the protocol stays in view) unless the model is sure
# (P(≥ level) ≥ HEAD_ALONE_SURE), so one odd reading of an ordinary answer cannot make every later
# bare "yes" a disclosure (measured in docs/model-card.md)
HEAD_ALONE_CARRIES = 2
HEAD_ALONE_SURE = 0.75


def head_decision(p: np.ndarray, raise_at: tuple[float, ...] = RAISE_AT) -> int:
    for level in range(4, 0, -1):
        if float(p[level:].sum()) >= raise_at[level]:
            return level
    return 0


@dataclass
class RuleFinding:
    level: int = 0
    evidence: list[tuple[int, int]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    third_party: list[tuple[int, int]] = field(default_factory=list)
    cue_counts: dict[str, int] = field(default_factory=dict)
    lowered: set[str] = field(default_factory=set)  # idiom, negation, past, third_party, media, laugh
    ideation: int = 0  # highest level among ideation cues (not time/means alone)
    turns_to_help: bool = False  # after earlier risk, the message turns toward help
    own_level: int = 0  # the level from this message alone, before the conversation's earlier risk
    promises: bool = False  # after earlier risk, a promise not to act ("No. Never. I'm not going to")
    sign_off: bool = False  # nothing but a sign-off with no earlier risk, or small talk ("anyway how are you"), with no cue
    explained: bool = False  # after earlier risk, the writer explains that alarm with an ordinary meaning
    bare_time: bool = False  # nothing but a time ("yeah. tonight."), with no cue and no earlier risk
    retracted: bool = False  # after earlier active ideation, a bare retraction ("jk forget it lol im fine")


def _clause(text: str, sent: TextSpan, start: int, end: int) -> tuple[int, int]:
    """Widen a cue match to its clause inside the sentence, for readable evidence."""
    s, e = start, end
    while s > sent.start and text[s - 1] not in ",;:—–(\"" and not (text[s - 1] == "-" and text[s - 2:s - 1] == " "):
        s -= 1
    while e < sent.end and text[e] not in ",;:—–)\"":
        e += 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in " .,!?;:":
        e -= 1
    return s, max(e, end)


def apply_rules(text: str, context_level: int = 0) -> RuleFinding:
    f = RuleFinding()
    plain = text.replace("’", "'").replace("‘", "'")
    plain = re.sub(r"(?<=\w)-(?=\w)", " ", plain)  # "not-wanting-to-wake-up": same length, offsets hold
    if context_level >= R.MODERATE and R.EXPLAINED.search(plain) \
            and not any(m.group(0).lower() not in R.DAY_WORDS for m in R.MEANS_OR_PLACE.finditer(plain)):
        # "omg sorry that sounded so dramatic, i meant ending things with Dylan": read on its own
        alone = apply_rules(text, 0)
        if alone.own_level <= R.LOW:
            alone.explained = True
            alone.reasons.append("the writer explains the earlier alarm with an ordinary meaning: "
                                 "read on its own, and later messages with it")
            return alone
    sents = sentences(plain) or [TextSpan(0, len(plain), plain)]
    media_frame: bool | None = None  # found on the first cue that needs it: most messages have none
    own_message: bool | None = None  # any first-person word in the message, looked up likewise
    folded = plain.casefold()
    f.third_party = [m.span() for m in R.THIRD_CUE.finditer(plain)] \
        if R.THIRD_CUE_NEEDS is None or any(lit in folded for lit in R.THIRD_CUE_NEEDS) else []
    found: list[tuple[R.RiskCue, int, int, TextSpan]] = []
    third_level = 0  # the highest cue read as someone else's
    low = R.lower_same_length(plain)
    # a short answer after active ideation: "yeah. saturday when theyre all at church" names a day
    answering = context_level >= R.HIGH and len(plain.split()) <= ANSWER_WORDS and not R.ASKS_BACK.search(plain)
    grams = trigrams(low)  # looked up once, for every scanner that reads the whole message
    in_message = SCANNER.literals_in(low, grams)  # a sentence can only hold these
    sent_index: dict[int, int] = {}
    for i, sent in enumerate(sents):
        sent_index[id(sent)] = i
        chunk = plain[sent.start:sent.end]
        low_chunk = low[sent.start:sent.end]
        idioms: list[tuple[int, int]] | None = None
        for cue_index, spans in SCANNER.scan(low_chunk, in_message):
            cue = ALL_CUES[cue_index]
            for a, b in spans:
                if idioms is None:
                    idioms = [m.span() for m in R.IDIOM_L.finditer(low_chunk)]
                f.cue_counts[cue.name] = f.cue_counts.get(cue.name, 0) + 1
                if media_frame is None:
                    media_frame = bool(R.MEDIA_L.search(low)) and not R.ITS_ME.search(plain)
                # a bare "goodbye everyone!" takes its frame from the sentence after it
                short = len(chunk.split()) <= 4 and i + 1 < len(sents)
                after = plain[sents[i + 1].start:sents[i + 1].end] if short else ""
                # "…since the forum shuts down on Sunday. It's been great, goodbye everyone!"
                prev = plain[sents[i - 1].start:sents[i - 1].end] \
                    if cue.name in R.GOODBYE_CUES and i > 0 and (len(chunk.split()) <= 8
                                                                 or R.SAID_GOODBYES.match(chunk[a:b])) else ""
                if own_message is None:
                    own_message = bool(R.FIRST_PERSON.search(plain))
                why = _lowering(cue, chunk, a, b, idioms, media_frame, f, after, answering, own_message, prev)
                if not why and "jump" in low_chunk[a:b] and R.JUMP_SPORT.search(low):
                    why = ("ordinary", "a jump in sport")
                if not why and cue.name in ("means_ready", "means_here", "stockpile") \
                        and R.GUN_WORD.search(low_chunk[a:b]) and R.GUN_SPORT.search(low) and not R.DEATH_WORDS.search(low):
                    why = ("ordinary", "a gun for hunting or sport")
                if not why and cue.name == "giving_away" and R.WILL_OR_FUNERAL.search(low_chunk[a:b]) \
                        and R.WILL_ORDINARY.search(plain):
                    why = ("ordinary", "a will or a funeral arranged for an ordinary reason")
                if why:
                    if why[0] == "third_party":
                        third_level = max(third_level, cue.level)
                    # a time word is no risk of its own: lowering it blocks nothing, unless it is
                    # someone else's words ("whoever wrote 'tonight i say goodbye' for that chorus")
                    if cue.name not in R.TIME_LIKE or why[1] in QUOTED_WHY:
                        f.lowered.add(why[0])
                    f.reasons.append(f"lowered: '{chunk[a:b]}' ({why[1]})")
                    continue
                if (cue.name == "follow_dead" and not R.DEATH_NEAR.search(plain)) \
                        or (cue.name == "swap_places" and not R.HARM_EVENT.search(plain)) \
                        or (cue.name == "take_them_all" and not R.PILLS_NAMED.search(plain)):
                    # "I should follow her", "I'd swap places with them": a wish to die only beside a death;
                    # "im taking them all" an overdose only where the message names pills
                    continue
                found.append((cue, sent.start + a, sent.start + b, sent))
    # "I've started thinking about actually doing something" is the act only beside a wish to die
    if "acting_on_wish" in f.cue_counts and context_level < R.MODERATE and not any(
            R.CUE_LEVEL[n] >= R.MODERATE and n not in R.IMMINENT_TYPES | {"acting_on_wish"} for n in f.cue_counts):
        found = [x for x in found if x[0].name != "acting_on_wish"]
    if any(c.name in R.FAREWELL_CUES for c, *_ in found) and R.FAREWELL_FRAME.search(plain) \
            and not any(c.level >= R.MODERATE and c.name not in R.IMMINENT_TYPES for c, *_ in found):
        # "last day at the halfway house tomorrow, gave my stuff to the new guys… moving in w my sister"
        for c, a, b, _ in found:
            if c.name in R.FAREWELL_CUES:
                f.lowered.add("ordinary")
                f.reasons.append(f"lowered: '{plain[a:b]}' (a leaving for an ordinary next place)")
        found = [x for x in found if x[0].name not in R.FAREWELL_CUES]
    present_found = []
    for cue, a, b, sent in found:
        ca, cb = _clause(plain, sent, a, b)
        clause = plain[max(sent.start, ca - 30):cb]
        if cue.name in R.PASSIVE_ONLY:  # "most days I wish I hadn't survived": the wish is now
            clause = clause.replace(plain[a:b], " " * (b - a))
        anniversary = R.ANNIVERSARY.search(clause)
        present_text = R.ANNIVERSARY.sub(lambda m: " " * len(m.group()), plain[ca:cb]) if anniversary else plain[ca:cb]
        # "back in uni i had pills saved up": means or a plan long ago are history too
        past = (cue.name not in R.IMMINENT_TYPES | {"follow_dead"} and (anniversary or R.PAST.search(clause))) \
            or (cue.name in R.PAST_CAN_LOWER and R.LONG_AGO.search(clause))
        if cue.level >= R.MODERATE and past and not R.PRESENT.search(
                R.RECOVERY_NOW.sub(lambda m: " " * len(m.group()), present_text)):  # "I'm mostly ok now" is no present risk
            f.lowered.add("past")
            f.reasons.append(f"lowered: '{plain[a:b]}' is described in the past and nothing marks it as present")
            f.cue_counts["_past"] = 1
            continue
        present_found.append((cue, a, b, sent))
    found = present_found
    ideation = 0
    for cue, a, b, _ in found:
        if cue.name not in R.IMMINENT_TYPES | {"still_want"}:
            ideation = max(ideation, cue.level)
    # a time makes a plan only with suicidal ideation (not self-harm alone) in its own sentence or
    # the next one to it: "I want to die." … "the match is on Saturday" is not a date
    # a passive wish ("if a lorry took me out tomorrow i'd be relieved") does not make a time a plan
    suicidal_at = [(sent_index[id(sent)], cue.level) for cue, _, _, sent in found
                   if cue.level >= R.MODERATE and cue.name not in R.IMMINENT_TYPES | R.SELF_HARM_ONLY | R.PASSIVE_ONLY
                   | {"still_want"}]

    def suicidal_near(sent: TextSpan) -> int:
        # active ideation in the same or the next sentence; a passive wish only in the same one
        # ("wish i could stop existing sometimes. anyway the tournament is on the 14th")
        i = sent_index[id(sent)]
        if len(sents) <= 3:
            return R.MODERATE if any(j == i or lvl >= R.HIGH for j, lvl in suicidal_at) else 0
        # a time in the sentence before the ideation counts only when short ("Friday. I'm going
        # to kill myself"): "the inspector moved the walkthrough to wednesday…" is work talk
        near = [j for j, lvl in suicidal_at if j == i or (abs(j - i) <= 1 and lvl >= R.HIGH
                                                          and not R.TOPIC_SHIFT.match(sents[max(i, j)].text)
                                                          and (i > j or len(sent.text.split()) <= PRIOR_TIME_WORDS))]
        return R.MODERATE if near else 0
    history_only = ideation < R.LOW or {c.name for c, *_ in found} <= {"self_harm_history"}
    recovered = history_only and ("past" in f.lowered or "self_harm_history" in f.cue_counts) \
        and context_level < R.MODERATE and bool(R.RECOVERY_NOW_L.search(low)) and not R.DISTRESS_NOW_L.search(low)
    if recovered:
        # "I tried at 17. I'm 34 now with two kids and glad I'm still here": a history, well now
        found = [x for x in found if x[0].name != "self_harm_history"]
        ideation = 0
        f.lowered.update({"past", "recovery"})
        f.reasons.append("lowered: a history of risk with a good present and nothing present against it")
    elif "past" in f.lowered and ideation < R.LOW:
        f.level = R.LOW
        f.reasons.append("raised to low: a history of suicide risk or self-harm")
    # "I have a plan for Saturday: pizza" is no preparation: a plan counts only with ideation
    prep_or_means = any(c.name in R.IMMINENT_TYPES - {"time_tonight", "ambiguous_goodbye", "plan"} for c, *_ in found)
    has_time = any(c.name == "time_tonight" for c, *_ in found)
    n_prep_kinds = len({c.name for c, *_ in found if c.name in R.IMMINENT_TYPES - {"time_tonight"}}
                       | ({"letters"} if R.LETTERS.search(plain) else set()))
    effective_ideation = max(ideation, context_level if context_level >= R.MODERATE else 0)
    # an answer that turns toward help is no plan; only read after risk earlier in the conversation
    turns_to_help = f.turns_to_help = context_level >= R.MODERATE and bool(R.HELP_SEEKING.search(plain))
    # a time word alone becomes a plan only after active ideation (high) earlier on and only in
    # a short answer ("yeah. tonight, after she leaves"), not in talk of other things
    answers = (answering or (context_level >= R.HIGH and bool(R.SHORT_YES.match(plain)))) and not turns_to_help
    for cue, a, b, sent in found:
        level = cue.level
        if cue.name in R.IMMINENT_NEEDS_IDEATION:
            ideation_here = suicidal_near(sent) if cue.name == "time_tonight" and not answers else effective_ideation
            if ideation_here >= R.MODERATE or (cue.name not in ("time_tonight", "ambiguous_goodbye")
                                               and ((has_time and prep_or_means) or n_prep_kinds > 1)) \
                    or (cue.name == "time_tonight" and any(c.name in R.IMMINENT_ALONE_HIGH | R.IMMINENT_ALONE for c, *_ in found)):
                level = R.IMMINENT
            else:
                continue
        elif cue.name in R.IMMINENT_ALONE_HIGH:
            level = R.IMMINENT if (effective_ideation >= R.MODERATE or has_time or n_prep_kinds > 1) else R.HIGH
        elif cue.name == "still_want" and not ("past" in f.lowered or context_level >= R.MODERATE
                                               or ideation >= R.MODERATE or "self_harm_history" in f.cue_counts):
            continue
        f.level = max(f.level, level)
        f.evidence.append(_clause(plain, sent, a, b))
        reason = f"raised to {RISK_LEVELS[level]}: {cue.reason}"
        if reason not in f.reasons:
            f.reasons.append(reason)
    joined = R.ME_TOO.search(plain) if ("third_party" in f.lowered or f.third_party) else None
    if joined:
        theirs = max([third_level]
                     + [R.HIGH if R.ACTIVE_WORDS.search(plain[a:b]) else R.MODERATE for a, b in f.third_party])
        if theirs > f.level:
            f.level = min(theirs, R.HIGH)
            f.evidence.append(joined.span())
            f.reasons.append(f"raised to {RISK_LEVELS[f.level]}: the writer says the same of themself "
                             f"('{joined.group(0)}')")
    sign = _message_sign(plain, low, sents) if f.level < R.IMMINENT and not (f.lowered & {"third_party", "media"}) \
        else None
    if sign:
        f.level = R.IMMINENT
        f.evidence.append(sign[0])
        f.reasons.append(f"raised to imminent: {sign[1]}")
    f.ideation = ideation
    f.own_level = f.level
    if "idiom" in f.lowered and R.SERIOUS_TURN.search(plain):
        f.lowered.discard("idiom")  # "lol 'kill me now', except lately i kind of mean it": the idiom is taken back
        f.reasons.append("the writer says the idiom is meant: the model may read the message")
    only_times = all(c.name in R.TIME_LIKE for c, *_ in found)  # a time word alone is no risk
    if f.own_level == 0 and only_times and R.IDIOM_ANYWHERE.search(low, grams) and not R.SERIOUS_TURN.search(plain):
        f.lowered.add("idiom")  # "I could murder a curry": no cue, and the model may not read the idiom as risk
    if f.own_level == 0 and only_times and context_level < R.MODERATE \
            and R.ORDINARY_FRAME_ANYWHERE.search(low, grams):
        # (after a disclosure, "my mum's pills are in the cabinet" names a means: no frame)
        f.lowered.add("ordinary")
    if f.own_level == 0 and only_times and "recovery" not in f.lowered and R.RECOVERY_NOW_L.search(low) \
            and (R.PAST_L.search(low) or R.LONG_AGO_L.search(low) or R.HISTORY_SPAN_L.search(low)) \
            and not R.DISTRESS_NOW_L.search(low):
        f.lowered.update({"past", "recovery"})  # "mera cutting wala phase khatam ho gaya… ab sab theek hai"
    if f.own_level == 0 and _found_me(plain, low) and R.ACCIDENT.search(plain):
        f.lowered.add("ordinary")  # "they found me in the car after the crash": an accident, not an attempt
    if f.own_level == 0 and only_times and R.HELPER_ASKS_L.search(low) and R.THIRD_SUBJECT_L.search(low):
        f.lowered.add("third_party")  # "meri dost ne bola…; what do I say to her till then?": the writer helps
    if f.own_level < R.MODERATE and R.NEGATED_WHOLE_L.search(low):
        f.lowered.add("negation")  # "im not suicidal, just exhausted": the model alone may not read it as risk
    f.promises = context_level >= R.MODERATE and bool(R.DENIAL.search(plain))
    f.retracted = f.own_level == 0 and context_level >= R.HIGH and bool(R.RETRACTION.match(plain))
    # a sign-off only with no earlier risk (after a disclosure, "love you all, take care" may be a
    # goodbye the model should read); small talk that asks back in any context
    f.sign_off = f.own_level == 0 and ((context_level < R.MODERATE and bool(R.SIGN_OFF.match(plain)))
                                       or bool(R.SMALL_TALK.match(plain)))
    f.bare_time = f.own_level == 0 and context_level < R.MODERATE and bool(R.BARE_TIME_ANSWER.match(plain))
    answer = context_level >= R.MODERATE and len(plain.split()) <= SHORT_ANSWER_WORDS and not (f.lowered - {"routine_time"}) \
        and not turns_to_help
    named = R.MEANS_OR_PLACE.search(plain) if answer else None
    if named and any(cue.name in R.METHOD_THOUGHTS and a <= named.start() < b for cue, a, b, _ in found):
        named = None  # "I've been thinking about taking all my pills" is a thought of a method (high), not a plan
    if named and f.level < R.IMMINENT:
        # "theres rope in the garage" after "I keep thinking about how I'd do it": means or a place, named
        f.level = R.IMMINENT
        f.evidence.append(named.span())
        f.reasons.append(f"raised to imminent: '{named.group(0)}' names a means, place or day after the "
                         f"{RISK_LEVELS[context_level]} risk voiced earlier in this conversation")
    if context_level >= R.MODERATE and f.level < R.MODERATE:
        # a bare "yes" answers the earlier disclosure; anything else only keeps it in view (carrying
        # the protocol to every later turn made one early false alarm flag a third of an ordinary
        # session: tests/test_review.py)
        # a promise not to act or a turn toward help keeps the protocol in view ("ok, i'll call the
        # line tomorrow", "nahi nahi, kuch karunga nahi"): the person was at risk a moment ago
        bare_yes = bool(R.SHORT_YES.match(plain)) and len(plain.split()) <= BARE_YES_WORDS
        carried = R.IMMINENT if (context_level >= R.IMMINENT and bare_yes) else \
            R.HIGH if (context_level >= R.HIGH and (bare_yes or turns_to_help or R.JUST_THOUGHTS.search(plain))) else \
            R.MODERATE if (turns_to_help or R.NEGATED_WHOLE.search(plain) or f.promises
                            or (context_level >= R.HIGH and R.RETRACTION.match(plain))) else R.LOW
        if carried > f.level:
            f.level = carried
            f.reasons.append(f"raised to {RISK_LEVELS[carried]}: earlier messages in this conversation voiced "
                             f"{RISK_LEVELS[context_level]} risk")
    return f


def _message_sign(plain: str, low: str, sents: list[TextSpan]) -> tuple[tuple[int, int], str] | None:
    """An attempt just survived or a goodbye spread over a message's sentences, with its span
    and reason (each looked for only when a word it needs is in the message)."""
    if "woke" in low and (m := R.WOKE_AFTER.search(plain)) and R.ATTEMPT_FAILED.search(plain):
        return m.span(), "an attempt that has just been survived (it didn't work, woke up …)"
    if ("notes" in low or "letters" in low) and (m := R.NOTES_DONE.search(plain)) \
            and R.ONE_FOR_EACH.search(plain) and not R.NOTES_NOT_GOODBYE.search(plain):
        return m.span(), "letters written to several people (a goodbye)"
    if "giv" in low and R.DEADLINE_REACHED.search(plain):
        for sent in sents:
            if R.DEADLINE.search(plain[sent.start:sent.end]):
                return (sent.start, sent.end), "a deadline the writer set, reached with nothing changed"
    if "enough" in low and "count" in low and (m := R.COUNTED_OUT.search(plain)) and R.SHOULD_BE_ENOUGH.search(plain):
        return m.span(), "means counted out, with a word that it is enough"
    if (m := _found_me(plain, low)) and R.FOUND_AFTER.search(plain) \
            and not R.ACCIDENT.search(plain):  # "found me in the car after the crash": an accident
        return m.span(), "found after an attempt, help on its way (may need emergency care now)"
    return None


def _found_me(plain: str, low: str) -> re.Match[str] | None:
    """"(they) found me / caught me …" as an attempt's aftermath is worded (looked for only
    when the words are in the message)."""
    return R.FOUND_ME.search(plain) if ("found me" in low or "caught me" in low) else None


def _lowering(cue: R.RiskCue, chunk: str, a: int, b: int, idioms: list[tuple[int, int]],
              media_frame: bool, f: RuleFinding, after: str = "", answering: bool = False,
              own_message: bool = False, prev: str = "") -> tuple[str, str] | None:
    for s, e in idioms:
        if s < b and a < e:
            return ("idiom", "an idiom or hyperbole")
    before = chunk[:a]
    if R.SAID_WHEN.search(before[-60:]) and R.MEANT_OTHER.match(chunk[b:]):
        return ("idiom", "the writer says what they meant by it")  # "when i said im done i meant the league"
    if cue.name == "time_tonight" and R.PAST_OR_ROUTINE_TIME.search(before[-20:]):
        return ("routine_time", "a past or routine time, not a plan")
    if cue.name == "recent_attempt" and (R.LONG_AGO.search(chunk) or (
            re.search(r"\bsince\s+(i\s+)?$", chunk[:a], re.IGNORECASE) and not R.RECENT.search(chunk))):
        return ("past", "an attempt long ago")
    if cue.name == "time_tonight" and R.HELP_TIME.search(chunk) and not answering:
        return ("routine_time", "a time to get help, not a plan")
    if cue.name == "time_tonight" and R.AMBIGUOUS_TIME.match(chunk[a:b]) and not R.FUTURE.search(chunk) \
            and not answering:
        return ("routine_time", "a day with no word of intent, not a plan")
    if cue.name == "time_tonight" and R.NOT_ACTING_BEFORE.search(before[-60:]):
        return ("negation", "negated: the writer says they will not act then")
    if cue.level >= R.MODERATE and cue.name not in ("dont_want_live",) and R.NEGATION.search(before[-40:]) \
            and _negator_governs(before) and not R.AVERSION_NEGATED.search(before[-40:]):
        return ("negation", "negated")
    if R.NEGATED_WHOLE.search(chunk) and cue.name in ("kill_myself", "want_to_hurt_self", "suicide_self",
                                                      "want_to_die"):
        m = R.NEGATED_WHOLE.search(chunk)
        if m and m.start() <= a <= m.end():
            return ("negation", "the writer denies it")
    # "this exam is killing me 😂 lekin sach bolun toh…": a laugh before a turn ("but honestly") marks no joke
    if cue.level <= R.MODERATE and cue.name in ("want_to_die", "wish_dead", "kill_myself", "passive_more") \
            and R.LAUGH.search(chunk) and not R.SERIOUS_TURN.search(chunk[:a]):
        rest = R.FIRST_PERSON.findall(chunk)
        if len(rest) <= 2:
            return ("laugh", "hyperbole marked by laughter")
    if cue.name == "attempt" and "suicide" in chunk[a:b].lower() and R.ATTEMPT_AS_TOPIC.search(before[-60:]) \
            and not R.FIRST_PERSON.search(before[-60:]):
        return ("media", "attempted suicide named as a topic (a law, a rate), not the writer's")
    if cue.name == "kill_myself" and R.GOD_WOULD_BEFORE.search(before):
        return ("passive", "a wish that God would take their life: passive")
    if R.THIRD_REFLEXIVE.search(chunk[a:b]):
        return ("third_party", "about someone else")
    if R.MENTION_AFTER.match(chunk[b:]) or R.MENTION_BEFORE.search(chunk[:a]):
        return ("media", "the word mentioned, not used")
    for m in R.THIRD_SUBJECT.finditer(chunk[:a]):
        # "my friend who overdosed last month": the relative clause is hers
        if re.match(r"\s+(who|whose|that|jo|que)\b[^.,;]{0,30}$", chunk[m.end():a], re.IGNORECASE) \
                and not R.FIRST_PERSON.search(chunk[m.end():b]):
            return ("third_party", "about someone else")
    own_words = bool(R.FIRST_PERSON.search(chunk[a:b]))
    if R.THIRD_SUBJECT.search(chunk[:a]) and (not own_words or R.OPEN_QUOTE.search(chunk[:a])):
        last_i = max((m.end() for m in re.finditer(r"\b(i|i'm|im|i've)\b", chunk[:a], re.IGNORECASE)), default=-1)
        # "the cats go to my niece and there is a letter for the coroner": after a preposition,
        # the other person is no subject
        last_third = max((m.end() for m in R.THIRD_SUBJECT.finditer(chunk[:a])
                          if not re.search(r"\b(to|for|with|from|by)\s+$", chunk[:m.start()], re.IGNORECASE)),
                         default=-1)
        # the nearest subject before the cue decides: "What I haven't told her is I've started
        # thinking about suicide too" is the writer's own
        if last_third > last_i:
            return ("third_party", "about someone else")
    if cue.name in R.GOODBYE_CUES and prev and (R.BARE_GOODBYE.match(chunk[a:b]) or R.SAID_GOODBYES.match(chunk[a:b])) \
            and R.GROUP_ENDS.search(prev):
        return ("ordinary", "a goodbye to a group that is ending or being left")
    if cue.name in ("goodbye", "giving_away", "gone_soon") and (R.SCHOOL_OR_TASK.search(chunk)
                                                                or (after and R.SCHOOL_OR_TASK.search(after))):
        return ("ordinary", "an everyday goodbye or clear-out")
    if cue.name == "goodbye" and re.search(r"\b(letters?|notes?)\b", chunk[a:b], re.IGNORECASE) \
            and R.LETTER_OCCASION.search(chunk[b:]):
        return ("ordinary", "letters for an everyday occasion")
    if cue.name == "dont_want_live" and R.HERE_IS_A_PLACE.match(chunk[b:]):
        return ("ordinary", "here is a place, not being alive")
    # "wrote my goodbye letter to the team": the match may end in "to the", so read on from there
    tail = re.search(r"\b(to|for)\s+(the|my|our)$", chunk[a:b], re.IGNORECASE) if cue.name == "goodbye" else None
    if cue.name == "goodbye" and (R.LETTER_TO_TEAM.match(chunk[a + tail.start():]) if tail
                                  else R.GOODBYE_TO_PLACE.match(chunk[b:])):
        return ("ordinary", "a goodbye to a place, a job or a group")
    # "he keeps saying he's 'ready to join him'": the quote may open inside a long cue's match
    quote = R.REPORTED_QUOTE.search(chunk[:a]) or R.REPORTED_QUOTE.search(chunk[:b])
    if quote and quote.group("subject").lower() not in ("i", "i'm", "im", "me", "we"):
        return ("third_party", QUOTED_SPEECH)
    quoted = chunk[:a].count('"') % 2 == 1 or chunk[:a].count("“") > chunk[:a].count("”") or _in_single_quotes(chunk, a)
    if quoted and (media_frame or R.THIRD.search(chunk[:a])):
        return ("media" if media_frame else "third_party", QUOTED_TEXT)
    if media_frame and cue.level >= R.MODERATE and _not_own_words(chunk, a, b) \
            and not (cue.name in R.IMMINENT_TYPES - R.TIME_LIKE and own_message) \
            and (cue.name not in R.TIME_LIKE or R.MEDIA.search(chunk)):
        return ("media", "fiction, news or study")
    return None


QUOTED_SPEECH = "someone else's words, quoted"
QUOTED_TEXT = "quoted from someone else or from fiction"
QUOTED_WHY = frozenset({QUOTED_SPEECH, QUOTED_TEXT})  # lowerings that make even a time word someone else's
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(:,]))['‘](?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])['’](?=[\s.,!?;:)—-]|$)")


def _in_single_quotes(chunk: str, a: int) -> bool:
    """Whether position a lies inside 'single quotes' opened before it and not yet closed
    (apostrophes inside words, "can't", open and close nothing)."""
    opens = [m.end() for m in _SINGLE_OPEN.finditer(chunk, 0, a)]
    return bool(opens) and not _SINGLE_CLOSE.search(chunk, opens[-1], a)


def _not_own_words(chunk: str, a: int, b: int) -> bool:
    """Whether a cue in a message with a fiction, news or study frame is not the writer's own:
    no first-person word beside it, except one that owns the frame ("my thesis codes posts for
    suicidal ideation", "we practised asking …"). A cue in the first person ("I cut my thigh again")
    is the writer's unless its own sentence names the frame."""
    rest = chunk[:a] + chunk[b:]
    if R.FIRST_PERSON.search(chunk[a:b]):
        return not R.FIRST_PERSON.search(rest) and bool(R.MEDIA.search(chunk))
    return not R.FIRST_PERSON.search(R.OWN_FRAME.sub(lambda m: " " * len(m.group()), rest))


def _negator_governs(before: str) -> bool:
    if R.NEGATED_KNOWING.search(before):
        return False  # "the new family don't know it's because I won't be here": the knowing is negated
    if re.search(r"\bnot\s+(just|only|merely|simply)\s+(\w+\s+)?$", before, re.IGNORECASE):
        return False  # "it's not just wishing I wasn't here anymore": more than the wish, not its denial
    return bool(re.search(r"\b(never|not|no|don'?t|dont|do\s+not|wouldn'?t|would\s+not|won'?t|will\s+not|nor|nunca|jam[aá]s)\s+"
                          r"(\w+\s+){0,2}$|\bno\s+es\s+que\s+(\w+\s+){0,2}$|\bnot\s+that\s+(i'?d|i\s+would|i'?m\s+(going\s+to|gonna)|i'?ll)\s+$", before, re.IGNORECASE))


def rule_features(f: RuleFinding) -> np.ndarray:
    """What the rules found, as head features. The conversation's earlier risk is not one:
    it is carried by the rules alone, so one alarm cannot make the head read every later
    message as risky."""
    counts = [math.log1p(f.cue_counts.get(c.name, 0)) for c in ALL_CUES]
    onehot = [1.0 if f.level == i else 0.0 for i in range(5)]
    flags = [1.0 if k in f.lowered else 0.0 for k in ("idiom", "negation", "past", "third_party", "media")]
    return np.asarray(counts + onehot + flags, dtype=np.float32)


class RiskModel:
    def __init__(self, head: LinearHead | None, encoder: Encoder | None = None,
                 raise_at: tuple[float, ...] = RAISE_AT, head_alone_at: float = HEAD_ALONE_ESCALATE,
                 head_alone_min: float = HEAD_ALONE_PROTOCOL) -> None:
        self.head = head
        self.encoder = encoder or default_encoder()
        self.raise_at = raise_at
        self.head_alone_at = head_alone_at
        self.head_alone_min = head_alone_min
        self._cache: dict[tuple[str, int], RiskAssessment] = {}

    @classmethod
    def load(cls, model_dir: str | Path | None = None, encoder: Encoder | None = None) -> RiskModel:
        path = model_file("risk.npz", model_dir)
        if not path.exists():
            raise ModelError(f"No risk model at {path}: the safety check cannot run without it.",
                             hint="Reinstall attunement or run `attune train risk --builtin`.")
        return cls(load_heads(path, ("risk",))["risk"], encoder)

    def features(self, text: str, f: RuleFinding) -> tuple[np.ndarray, dict[int, float]]:
        vec = self.encoder.encode(text, cache=True).vector
        return np.concatenate([vec, rule_features(f)]), hashed_ngrams(text)

    def assess(self, text: str, context_level: int = 0) -> RiskAssessment:
        """Cached per (text, context): results are immutable, so sharing them is safe."""
        key = (text, context_level)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._assess(text, context_level)
            if len(self._cache) >= 4096:
                try:
                    self._cache.pop(next(iter(self._cache)), None)
                except (RuntimeError, StopIteration):  # another thread changed it; skip
                    pass
            self._cache[key] = hit
        return hit

    def _assess(self, text: str, context_level: int) -> RiskAssessment:
        f = apply_rules(text, context_level)
        level = f.level
        reasons = list(f.reasons)
        conf = 0.9 if level >= R.MODERATE else 0.7
        if self.head is not None and text.strip():
            p = self.head.proba(*self.features(text, f))
            head_level = head_decision(p, self.raise_at)
            if SENTENCE_READ and head_level < SENTENCE_MAX_LEVEL:
                # a long message is also read sentence by sentence: one risk sentence among
                # many ordinary ones is diluted in the message's mean vector (a sentence may
                # raise no higher than SENTENCE_MAX_LEVEL, so a message read there already skips it)
                for sp in self._sentence_probas(text):
                    lvl = min(head_decision(sp, self.raise_at), SENTENCE_MAX_LEVEL)
                    if lvl > head_level and float(sp[lvl:].sum()) >= SENTENCE_MIN_P:
                        head_level, p = lvl, sp
            if f.own_level == 0 and R.BEREAVEMENT.search(text) and not (set(f.cue_counts) - {"time_tonight"}):
                f.lowered.add("bereavement")
            if f.own_level == 0 and f.third_party:
                f.lowered.add("third_party")  # "one of my followers posted a goodbye": hers, not the writer's
            # a history with nothing present ("four years since my attempt today and I'm glad I stayed")
            # is `low` by the rules, and no more a cue of its own than an idiom
            history_only = f.own_level == R.LOW and (("past" in f.lowered and f.ideation < R.LOW)
                                                     or set(f.cue_counts) <= {"self_harm_history", "_past", "time_tonight"})
            if history_only:
                f.lowered.add("past")  # "I used to cut at school; the scars have faded": a history, nothing present
            blocked = bool(f.lowered & {"idiom", "third_party", "media", "laugh", "negation", "past", "ordinary",
                                        "bereavement"}) and (f.own_level == 0 or history_only)
            if blocked and f.lowered <= {"negation", "past"} and float(p[head_level:].sum()) >= DENIAL_OVERRULED_AT \
                    and head_level >= R.MODERATE:
                # "I'd never…, but…" and "I attempted years ago and…": a denial or a past lowers a
                # cue, yet what follows may carry risk; a confident model reading is let through
                blocked = False
                reasons.append("a denial or a past was found, but the rest of the message reads as risk")
            # a short message with no cue of its own and no risk earlier ("ok see ya", "i'm going
            # now, night all") is a sign-off, and small talk that asks back ("anyway how are you")
            # is no risk in any context: the model's reading of such words alone may not ask for
            # the protocol (after a disclosure, the rules and the model read a sign-off in context)
            cap = R.LOW if (blocked or f.sign_off) else R.IMMINENT
            if "recovery" in f.lowered and f.own_level == 0:
                cap = 0  # a history, well now: the model alone may not make it distress
            if f.explained:
                cap = min(cap, R.LOW)  # the writer has said what they meant: the model may not re-read it
            if f.own_level == 0 and (f.turns_to_help or f.promises or f.retracted or f.bare_time):
                # "ok, i'll call the line in the morning", "No. Never. I'm not going to, I promise",
                # "jk forget it lol im fine" after active ideation, a bare "yeah. tonight." with nothing
                # before it: the model alone may not make a turn toward help, a promise, a bare
                # retraction or a lone time a plan
                cap = f.level
            if f.own_level == 0 and context_level < R.MODERATE and head_level >= R.MODERATE \
                    and float(p[R.MODERATE:].sum()) < self.head_alone_min:
                head_level = R.LOW  # with no cue and no earlier risk, the protocol needs a surer reading
            if f.own_level == 0 and head_level >= R.HIGH:
                # with no cue of its own, the model alone asks for the protocol (moderate);
                # escalation needs it to be confident, so one odd sentence cannot set off a
                # chain of alarms through the rest of a conversation
                head_level = max([L for L in (R.HIGH, R.IMMINENT) if float(p[L:].sum()) >= self.head_alone_at],
                                 default=R.MODERATE)
            if f.own_level == 0 and head_level >= R.MODERATE and len(text.split()) >= HEAD_ALONE_LONG_WORDS:
                # a long message read as risk by the model alone: some sentence must carry it
                sent_p = self._sentence_probas(text)
                if sent_p and max(float(sp[R.HIGH:].sum()) for sp in sent_p) < self.head_alone_at:
                    head_level = min(head_level, max(
                        max([L for L in range(1, 5) if float(sp[L:].sum()) >= HEAD_ALONE_SENTENCE_P], default=0)
                        for sp in sent_p))
            if min(head_level, cap) > level:
                level = min(head_level, cap)
                reasons.append(f"raised to {RISK_LEVELS[level]}: the trained model reads this wording as "
                               f"{RISK_LEVELS[level]} risk (P(≥{RISK_LEVELS[level]})="
                               f"{float(p[level:].sum()):.2f})")
                if not f.evidence:
                    f.evidence = self._head_evidence(text, level)
            conf = float(p[level:].sum()) if level else float(p[0])
        evidence = [Span(start=a, end=b, text=text[a:b]) for a, b in _merge(f.evidence)]
        third = [Span(start=a, end=b, text=text[a:b]) for a, b in _merge(f.third_party)]
        if third:
            reasons.append("someone else may be at risk: flagged separately, not counted for the writer")
        return RiskAssessment(level=RISK_LEVELS[level], confidence=round(min(1.0, conf), 4), evidence=evidence,
                              reasons=reasons, third_party=third,
                              context_after=RISK_LEVELS[context_after(level, f, context_level,
                                                                      model_sure=conf >= HEAD_ALONE_SURE)])


    def _sentence_probas(self, text: str) -> list[np.ndarray]:
        sents = sentences(text)
        if len(sents) < SENTENCE_READ_FROM:
            return []
        sents = [s for s in sents if len(s.text.split()) >= 4]
        if not sents:
            return []
        dense, sparse = self._sentence_features(text, sents)
        assert self.head is not None
        return list(self.head.proba_many(dense, sparse))

    def _sentence_features(self, text: str, sents: list[TextSpan]) -> tuple[np.ndarray, list[dict[int, float]]]:
        """Each sentence pooled from the message's one encoding, with no rule features (the
        rules have read the whole message already)."""
        enc = self.encoder.encode(text, cache=True)
        pooled = enc.pool_many([(s.start, s.end) for s in sents])
        no_cue = rule_features(RuleFinding())
        no_cue = np.broadcast_to(no_cue, (len(sents), no_cue.size))
        return np.hstack([pooled, no_cue]), sentence_ngrams(text, [s.text for s in sents])

    def _head_evidence(self, text: str, level: int) -> list[tuple[int, int]]:
        """The sentence the model reads as most at risk: evidence when no rule cue fired."""
        sents = sentences(text)
        if len(sents) <= 1:
            return [(sents[0].start, sents[0].end)] if sents else []
        assert self.head is not None
        dense, sparse = self._sentence_features(text, sents)
        scores = self.head.proba_many(dense, sparse)[:, level:].sum(axis=1)
        best = int(np.argmax(scores))
        return [(sents[best].start, sents[best].end)]


def context_after(level: int, f: RuleFinding, context_level: int, model_sure: bool = False) -> int:
    """The level the next message of the conversation is read with."""
    if f.explained:
        return level  # the earlier alarm is explained: later messages are read without it
    passed = level
    if level > f.level and f.own_level == 0 and not model_sure:  # raised by the model alone, unsure
        passed = max(f.level, min(level, HEAD_ALONE_CARRIES))
    return max(context_level, passed)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


@register("risk")
class RiskAnalyser(Analyser):
    """Runs first on every client turn; later turns see the risk voiced before them."""

    name = "risk"
    version = "1.0"
    requires = ()
    assigns = ("turn.risk",)

    def __init__(self, model: RiskModel) -> None:
        self.model = model

    def analyse(self, conversation: Conversation) -> None:
        context = 0
        for turn in conversation.client_turns():
            result = self.model.assess(turn.text, context)
            turn.annotations["risk"] = result
            context = RISK_LEVELS.index(result.context_after)
