"""What the suggestions are filled with: the feeling the seeker named (or, failing that,
the one the emotion model reads most strongly) and a short second-person phrase for
their situation ("losing your job", "things with your dad"). Both come from the post's
own words, so a suggestion speaks to this person, and never adds facts they did not give.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from ..model import EmotionScore
from ..text import normalise

FEELING_WORDS = (
    "sad", "hurt", "alone", "lonely", "isolated", "scared", "afraid", "frightened", "terrified", "anxious", "worried",
    "stressed", "overwhelmed", "exhausted", "drained", "angry", "furious", "frustrated", "upset", "lost", "confused",
    "ashamed", "guilty", "embarrassed", "hopeless", "helpless", "worthless", "empty", "numb", "broken", "heartbroken",
    "devastated", "crushed", "betrayed", "rejected", "abandoned", "unwanted", "invisible", "trapped", "stuck",
    "defeated", "disappointed", "jealous", "insecure", "unappreciated", "misunderstood", "torn", "depressed", "down",
    "miserable", "nervous", "panicked", "powerless", "unsafe", "vulnerable", "humiliated", "resentful", "bitter",
    "useless", "tired", "burnt out", "burned out", "worn out", "unloved", "ignored", "left out", "pressured",
    "homesick", "restless", "on edge", "grieving", "unmotivated", "disconnected", "anxious", "paranoid", "hollow",
)
# Words a seeker says of themselves that a helper should not say back as a description
# ("you sound so useless"): the suggestion names the feeling behind them instead.
SAY_INSTEAD = {"useless": "down on yourself", "worthless": "down on yourself", "burned out": "burnt out",
               "depressed": "low", "tired": "worn out", "broken": "shattered", "invisible": "unseen",
               "paranoid": "on edge", "hollow": "empty"}
# "I'm tired of X" is a complaint, not a feeling to reflect; these need a feeling frame.
_FRAME = (r"\b(i\s+feel|i'?m\s+feeling|i\s+felt|i'?ve\s+been\s+feeling|i'?m|i\s+am|i\s+was|i'?ve\s+been|feeling|"
          r"makes\s+me\s+feel|made\s+me\s+feel|left\s+me\s+feeling|i\s+get|i\s+just\s+feel|i\s+always\s+feel)\s+"
          r"(so\s+|really\s+|very\s+|pretty\s+|super\s+|kinda\s+|kind\s+of\s+|extremely\s+|incredibly\s+|completely\s+|"
          r"totally\s+|just\s+|a\s+bit\s+|a\s+little\s+|quite\s+|constantly\s+|always\s+)*")
_FEELING_RE = re.compile(_FRAME + r"(?P<feeling>" + "|".join(sorted((re.escape(w) for w in set(FEELING_WORDS)), key=len, reverse=True))
                         + r")\b(?!\s+(?:of|that)\b)")
EMOTION_FEELINGS: dict[str, tuple[str, ...]] = {
    "sadness": ("sad", "low", "down"), "grief": ("heartbroken", "lost without them"), "fear": ("scared", "frightened"),
    "nervousness": ("anxious", "on edge"), "anger": ("angry", "furious"), "annoyance": ("frustrated", "fed up"),
    "disappointment": ("let down", "disappointed"), "remorse": ("guilty", "full of regret"),
    "embarrassment": ("embarrassed", "exposed"), "confusion": ("confused", "unsure where you stand"),
    "disapproval": ("frustrated", "let down"), "disgust": ("disgusted", "sickened"),
}

PERSON = (r"(mom|mum|mother|dad|father|parents|brother|sister|son|daughter|kids|husband|wife|partner|boyfriend|"
          r"girlfriend|best\s+friend|friend|grandma|grandpa|grandmother|grandfather|nan|dog|cat|baby|fianc[eé]e?|ex|"
          r"boss|roommate|stepdad|stepmom|teacher|coach|twin|uncle|aunt|family)")


@dataclass(frozen=True)
class Topic:
    name: str
    pattern: re.Pattern[str]
    phrases: tuple[str, ...]  # may use {person}


def _t(name: str, pattern: str, *phrases: str) -> Topic:
    return Topic(name, re.compile(pattern, re.IGNORECASE), phrases)


# Most specific first: the first topic that matches names the situation.
TOPICS: tuple[Topic, ...] = (
    _t("bereavement", r"\bmy\s+" + PERSON + r"\s+(just\s+|recently\s+)?(died|passed(\s+away)?|was\s+killed|lost\s+(his|her|their)\s+"
       r"(battle|fight))|\blost\s+my\s+" + PERSON + r"\b(?!\s+(job|phone|keys))|\b(funeral\s+of|death\s+of)\s+my\s+" + PERSON,
       "losing your {person}", "your {person}'s death", "the loss of your {person}", "grieving your {person}"),
    _t("miscarriage", r"\b(miscarriage|miscarried|stillbirth|lost\s+the\s+baby|lost\s+our\s+baby)\b",
       "losing your baby", "the miscarriage", "the loss of your pregnancy"),
    _t("job_loss", r"\b(got\s+fired|been\s+fired|was\s+fired|laid\s+off|let\s+go\s+from|lost\s+my\s+job|redundan|unemployed|"
       r"lost\s+my\s+(position|contract))", "losing your job", "being let go", "the job loss", "being out of work"),
    _t("breakup", r"\b(broke\s+up|break\s*up|dumped|divorc|(left|cheated\s+on)\s+me|my\s+ex\b|separated)",
       "the breakup", "the end of your relationship", "the way things ended", "the split"),
    _t("diagnosis", r"\b((got|was|been|being|just)\s+diagnosed|diagnosed\s+with|my\s+diagnosis|cancer|tumou?r|chronic\s+(pain|illness)|surgery|chemo|my\s+illness|disabilit|"
       r"ms\b|lupus|fibromyalgia|my\s+health)", "your health", "the diagnosis", "everything with your health",
       "living with this illness"),
    _t("exams", r"\b(exams?|finals|midterms?|gcses?|a[\s-]levels?|sats?\b|grades?|gpa|thesis|dissertation|"
       r"assignments?|coursework|homework|failed\s+(my\s+)?(class|course|test|module))",
       "the pressure of your exams", "the stress of school", "everything riding on these grades",
       "the weight of your studies"),
    _t("racism", r"\b(racis|discriminat|slur|because\s+of\s+my\s+(skin|race|accent|religion)|immigra|visa\b|deport)",
       "the racism you've faced", "being treated that way", "being made to feel like an outsider",
       "everything you've faced since moving"),
    _t("coming_out", r"\b(coming\s+out|came\s+out|gay|lesbian|bi(sexual)?\b|trans\b|transgender|queer|nonbinary|"
       r"non-binary|closet)", "coming out", "not being accepted for who you are", "hiding who you are",
       "how people reacted to who you are"),
    _t("substance_use", r"\b(drinking|alcohol|sober|sobriety|relapse|relapsed|using\s+again|addict|drugs?|weed|"
       r"opioid|pills)\b", "the drinking", "the struggle with using", "staying sober", "the relapse"),
    _t("postpartum", r"\b(newborn|new\s+baby|postpartum|post-partum|breastfeed|since\s+(the\s+)?baby)",
       "life with a newborn", "these early weeks with the baby", "becoming a parent"),
    _t("bullying", r"\b(bull(y|ied|ying)|picked\s+on|made\s+fun\s+of|mock(ed|ing)|harass)",
       "being bullied", "the way they've been treating you", "being picked on"),
    _t("work_stress", r"\b(my\s+boss|at\s+work|my\s+job|workload|coworkers?|co-workers?|burn\s*out|burnt\s+out|"
       r"burned\s+out|overtime|my\s+manager|shifts?)\b", "everything at work", "the pressure at work",
       "the way work has been", "how much work is taking out of you"),
    _t("money", r"\b(rent|debt|bills|money|broke\b|evict|can'?t\s+afford|loan)", "the money worries",
       "the financial pressure", "worrying about money"),
    _t("caregiving", r"\b(caring\s+for|look(ing)?\s+after\s+my|caregiver|carer|dementia|alzheimer)",
       "caring for your {person}", "everything caregiving asks of you", "looking after your {person}"),
    _t("loneliness", r"\b(no\s+friends|no\s+one\s+to\s+talk|nobody\s+to\s+talk|lonel|so\s+alone|all\s+alone|isolat|"
       r"live\s+alone|on\s+my\s+own)", "being on your own so much", "the loneliness", "how alone things have felt",
       "not having people around you"),
    _t("family_conflict", r"\bmy\s+" + PERSON + r"\b[^.?!]{0,60}\b(yell|scream|fight|argu|hate|won'?t|doesn'?t|never|"
       r"always|control|blame|ignor|disown|kicked|hit|drunk)", "things with your {person}",
       "what's happening with your {person}", "the tension with your {person}"),
    _t("sleep", r"\b(can'?t\s+sleep|insomnia|haven'?t\s+slept|not\s+sleeping|nightmares)",
       "the sleepless nights", "not being able to sleep", "the nights"),
    _t("panic", r"\b(panic\s+attacks?|anxiety\s+attacks?|my\s+anxiety|panicking)", "the panic attacks",
       "the anxiety", "these waves of panic"),
    _t("moving", r"\b(moved\s+(to|away|here)|new\s+city|new\s+country|homesick)", "the move",
       "starting over somewhere new", "being so far from home"),
    _t("medication", r"\b(meds|medication|antidepressants?|ssri|sertraline|zoloft|prozac|effexor|lexapro|wellbutrin|"
       r"side\s+effects?|dosage|mg\b)", "the medication", "what the meds are doing to you", "finding the right treatment"),
    _t("social_anxiety", r"\b(social\s+(situations?|anxiety)|around\s+people|parties|small\s+talk|awkward)",
       "social situations", "being around people", "how hard socialising feels"),
    _t("no_show", r"\b(no\s+one\s+(came|showed|comes)|nobody\s+(came|showed|comes)|no\s+show|stood\s+up|forgot\s+"
       r"(my|about\s+me)|left\s+out|ghost(ed|ing))", "people not showing up for you", "being left out",
       "feeling forgotten by people"),
    _t("heartbreak", r"\b(in\s+love|heartbreak|relationships?|crush|unrequited|my\s+last\s+love|dating)",
       "the heartbreak", "what happened in love", "the way relationships have gone"),
    _t("mistakes", r"\b(mistakes?|messed\s+up|mess\s+everything|screw(ed)?\s+up|failure|failing|i\s+fail)",
       "those mistakes", "feeling like you keep getting things wrong", "how hard you've been on yourself"),
    _t("motivation", r"\b(motivation|get\s+out\s+of\s+bed|can'?t\s+get\s+up|no\s+energy|every\s*day\s+is\s+a\s+struggle|"
       r"everything\s+is\s+(hard|a\s+challenge))", "getting through each day", "having no energy left",
       "how hard even small things have become"),
    _t("numbness", r"\b(feel\s+nothing|numb|empty\s+inside|can'?t\s+feel|no\s+emotions?)", "the numbness",
       "feeling nothing", "that emptiness"),
    _t("self_worth", r"\b(hate\s+myself|ugly|fat\b|my\s+body|not\s+good\s+enough|failure|worthless)",
       "the way you've been seeing yourself", "how hard you've been on yourself", "feeling not good enough"),
    _t("relationship", r"\bmy\s+(boyfriend|girlfriend|partner|husband|wife|fianc[eé]e?)\b",
       "things with your {person}", "what's going on in your relationship", "the situation with your {person}"),
    _t("person", r"\bmy\s+" + PERSON + r"\b", "things with your {person}", "what's happening with your {person}"),
)
_PERSON_RE = re.compile(r"\bmy\s+" + PERSON + r"\b", re.IGNORECASE)


@dataclass
class Slots:
    """Fillers for one post; `choices` keep the alternatives so candidates can vary."""

    feelings: list[str] = field(default_factory=list)
    situations: list[str] = field(default_factory=list)
    topic: str | None = None
    echoes: list[str] = field(default_factory=list)  # the seeker's own clauses, in second person
    named: int = 0  # how many of `feelings` the seeker named themselves (they come first)

    @property
    def feeling_named(self) -> bool:
        return self.named > 0

    @property
    def feeling(self) -> str | None:
        return self.feelings[0] if self.feelings else None

    @property
    def situation(self) -> str | None:
        return self.situations[0] if self.situations else None


def named_feelings(post: str) -> list[str]:
    """Feeling words the seeker applied to themselves, in order."""
    out: list[str] = []
    for m in _FEELING_RE.finditer(normalise(post)):
        w = m.group("feeling")
        w = SAY_INSTEAD.get(w, w)
        if w not in out:
            out.append(w)
    return out


# ---- the seeker's own words, turned to second person ("I can't sleep" → "you can't sleep") --
_CLAUSE_START = re.compile(r"(?:^|[.!?]\s+|[,;:—–-]\s*|\b(?:and|but|so|because|cause|cuz|since|now|just|honestly|and\s+now)\s+)"
                           r"(i(?:'m|'ve|'d|m|ve)?)\s", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.,;:!?()\"\n]|\s(?:but|and\s+i|so\s+i|because|cause|lol|lmao|haha)\b|\s-\s", re.IGNORECASE)
_SALIENT = re.compile(r"\b(feel|felt|feeling|can'?t|cannot|couldn'?t|don'?t\s+know|hate|miss|wish|keep|kept|afraid|scared|"
                      r"nobody|no\s+one|alone|tired\s+of|want(ed)?\s+to|need(ed)?\s+to|lost|hurt|cry|cried|crying|stuck|"
                      r"struggl\w*|hard|anymore|worried|worry|numb|empty|failing|failed|ashamed|guilty|broke|miserable|"
                      r"overwhelm\w*|exhausted|haven'?t|never|always|nothing)\b", re.IGNORECASE)
_NO_ECHO = re.compile(r"\b(you|your|u|ur|yours|die|dead|death|kill|suicid\w*|end\s+it|hurt\s+myself|cut(ting)?|overdose|"
                      r"fuck\w*|shit\w*|bitch\w*|cunt|http\S*|www\.\S+|lol)\b|\d|[@#*]", re.IGNORECASE)
_SWAP = {"i": "you", "i'm": "you're", "im": "you're", "i've": "you've", "ive": "you've", "i'd": "you'd", "i'll": "you'll",
         "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "am": "are"}
_AFTER_I = {"was": "were", "wasn't": "weren't", "wasnt": "weren't"}
_APOSTROPHE = {"cant": "can't", "dont": "don't", "wont": "won't", "didnt": "didn't", "isnt": "isn't", "doesnt": "doesn't",
               "havent": "haven't", "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't",
               "arent": "aren't", "hasnt": "hasn't"}


def to_second_person(clause: str) -> str:
    out: list[str] = []
    prev = ""
    for w in clause.split():
        low = w.lower().replace("’", "'")
        if low in _APOSTROPHE:
            w = _APOSTROPHE[low]
        elif low in _SWAP:
            w = _SWAP[low]
        elif prev in ("i", "you") and low in _AFTER_I:
            w = _AFTER_I[low]
        out.append(w)
        prev = "you" if low == "i" else low
    return " ".join(out)


def echoes(post: str, limit: int = 3) -> list[str]:
    """Short clauses where the seeker says how things are for them, in second person."""
    plain = normalise(post)
    found: list[tuple[int, int, str]] = []
    for m in _CLAUSE_START.finditer(plain):
        start = m.start(1)
        end_m = _CLAUSE_END.search(plain, m.end(1))
        end = end_m.start() if end_m else len(plain)
        clause = (post if len(post) == len(plain) else plain)[start:end].strip()  # the seeker's own casing
        n = len(clause.split())
        if not 4 <= n <= 14 or _NO_ECHO.search(clause) or not _SALIENT.search(clause):
            continue
        if clause.split()[1].lower() in ("think", "guess", "mean", "know", "said", "told", "asked", "wonder", "hope"):
            continue
        score = len(_SALIENT.findall(clause)) * 2 + (1 if _FEELING_RE.search(clause) else 0) - abs(n - 8) * 0.1
        found.append((-score, start, to_second_person(clause)))
    out: list[str] = []
    for _, _, clause in sorted(found):
        if clause not in out:
            out.append(clause)
    return out[:limit]


def find_slots(post: str, emotions: list[EmotionScore] | None = None, rng: random.Random | None = None) -> Slots:
    rng = rng or random.Random(0)
    slots = Slots()
    slots.feelings = named_feelings(post)
    slots.named = len(slots.feelings)
    for e in emotions or []:
        if e.label in EMOTION_FEELINGS and e.score >= 0.2:
            for f in EMOTION_FEELINGS[e.label]:
                if f not in slots.feelings:
                    slots.feelings.append(f)
            break
    slots.echoes = echoes(post)
    plain = normalise(post)
    for topic in TOPICS:
        m = topic.pattern.search(plain)
        if not m:
            continue
        person_m = _PERSON_RE.search(plain[max(0, m.start() - 5):]) or _PERSON_RE.search(plain)
        person = re.sub(r"\s+", " ", person_m.group(1)) if person_m else None
        phrases = [p for p in topic.phrases if "{person}" not in p or person]
        if not phrases:
            continue
        phrases = [p.replace("{person}", person or "") for p in phrases]
        rng.shuffle(phrases)
        slots.situations = phrases
        slots.topic = topic.name
        break
    return slots
