"""PII redaction before anything is stored.

Presidio's pattern recognizers find e-mails, phone numbers, URLs, IP addresses, card,
bank and national ID numbers and dates — run one by one, offline (no NLP model, no
network: e-mail domains are checked against tldextract's bundled suffix list). The
project's own recognizers find what patterns cannot: given names (a bundled list of about
2,000 from many cultures, plus "my friend X" / "my name is X" context), street addresses,
places after "I live in / moved to / I'm from", workplaces and schools, and dates of birth
written in words. Each finding is replaced by a bracketed tag ("[NAME]"); the result keeps
every span's offsets in the original and in the redacted text. Redacting twice changes
nothing."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

TAGS = {
    "PERSON": "[NAME]", "EMAIL_ADDRESS": "[EMAIL]", "PHONE_NUMBER": "[PHONE]", "URL": "[URL]",
    "IP_ADDRESS": "[IP]", "CREDIT_CARD": "[CARD]", "IBAN_CODE": "[BANK]", "DATE_TIME": "[DATE]",
    "ADDRESS": "[ADDRESS]", "PLACE": "[PLACE]", "ORGANISATION": "[ORG]", "ID": "[ID]",
}
ID_ENTITIES = {"US_SSN", "UK_NINO", "UK_NHS", "US_PASSPORT", "UK_PASSPORT", "IN_AADHAAR", "IN_PAN", "AU_MEDICARE",
               "AU_TFN", "CA_SIN", "US_DRIVER_LICENSE", "UK_POSTCODE", "NG_NIN", "ZA_ID_NUMBER"}
# the lowest score a pattern may have, after a context word nearby adds CONTEXT_BOOST
MIN_SCORE = {"UK_POSTCODE": 0.1, "DATE_TIME": 0.5}
DEFAULT_MIN_SCORE = 0.3
CONTEXT_BOOST = 0.35
CONTEXT_WINDOW = 40  # characters before a match searched for the recognizer's context words
PHONE_REGIONS = ("US", "GB", "IE", "CA", "AU", "NZ", "IN", "ZA", "NG", "KE", "PH", "SG", "DE", "FR", "ES", "MX",
                 "BR", "IT", "NL")

_W = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"  # a capitalised word
_KIN = (r"(?:friend|best friend|bestie|sister|brother|sis|bro|husband|wife|partner|boyfriend|girlfriend|bf|gf|son|"
        r"daughter|mum|mom|mother|dad|father|aunt|auntie|uncle|cousin|niece|nephew|grandma|grandpa|granddaughter|"
        r"grandson|nan|gran|boss|manager|teacher|therapist|counsellor|counselor|doctor|dr|nurse|colleague|coworker|"
        r"co-worker|neighbour|neighbor|flatmate|roommate|ex|fiance|fiancé|fiancée|baby|kid|child|stepdad|stepmum|"
        r"stepmom|mate|pal|carer|social worker|caseworker|pastor|imam|rabbi|priest|coach|tutor)")
NOT_PLACES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
              "Christmas", "Easter", "Ramadan", "Diwali", "Eid", "Year", "Uni", "University", "School", "College",
              "Work", "Home", "The", "A", "An", "My", "Our", "Here", "There", "I"}
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"}
NOT_NAMES = {"Mum", "Mom", "Dad", "God", "Allah", "Jesus", "Lord", "Christ", "I", "Monday", "Tuesday", "Wednesday",
             "Thursday", "Friday", "Saturday", "Sunday"}


@dataclass(frozen=True)
class RedactedSpan:
    """One finding: where it was in the original and where its tag is in the result."""

    entity: str
    start: int
    end: int
    new_start: int
    new_end: int
    recognizer: str


@dataclass(frozen=True)
class Redaction:
    text: str
    spans: tuple[RedactedSpan, ...]

    @property
    def changed(self) -> bool:
        return bool(self.spans)


@dataclass(frozen=True)
class _Hit:
    entity: str
    start: int
    end: int
    score: float
    recognizer: str


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str]]:
    base = resources.files("attunement") / "resources" / "pii"
    given = frozenset(x.strip() for x in (base / "given_names.txt").read_text(encoding="utf-8").splitlines() if x.strip())
    ambiguous = frozenset(x.strip() for x in (base / "ambiguous_names.txt").read_text(encoding="utf-8").splitlines()
                          if x.strip())
    return given, ambiguous


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Lower-case words that follow "my friend" without being a name ("my friend said")."""
    return frozenset({"said", "says", "and", "is", "was", "has", "had", "who", "that", "just", "told", "thinks", "made",
                      "keeps", "went", "got", "can", "will", "would", "said,", "my", "says,", "now", "too", "again",
                      "really", "also", "always", "never", "still", "does", "did", "died", "left", "came", "passed"})


def _offline_email_recognizer() -> Any:
    """Presidio's e-mail recognizer, checking domains against tldextract's bundled list
    (the stock one may try to download the Public Suffix List)."""
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    extract = _offline_extract()

    class OfflineEmailRecognizer(EmailRecognizer):
        def validate_result(self, pattern_text: str) -> bool:
            return extract(pattern_text).fqdn != ""

    return OfflineEmailRecognizer()


@lru_cache(maxsize=1)
def _presidio() -> tuple[Any, ...]:
    from presidio_analyzer import predefined_recognizers as pr

    made = [_offline_email_recognizer(), pr.PhoneRecognizer(supported_regions=PHONE_REGIONS)]
    for name in ("UrlRecognizer", "IpRecognizer", "CreditCardRecognizer", "IbanRecognizer", "DateRecognizer",
                 "UsSsnRecognizer", "UkNinoRecognizer", "NhsRecognizer", "UsPassportRecognizer", "UkPassportRecognizer",
                 "InAadhaarRecognizer", "InPanRecognizer", "AuMedicareRecognizer", "AuTfnRecognizer", "CaSinRecognizer",
                 "UkPostcodeRecognizer"):  # not UsLicenseRecognizer: "B2", "T10", "x5" in ordinary text
        cls = getattr(pr, name, None)
        if cls is not None:
            made.append(cls())
    return tuple(made)


def _real_url(found: str) -> bool:
    """Presidio's URL pattern also matches "...Huh" and "e.g"; keep what has a scheme,
    "www." or a registrable domain on a known suffix (bundled list, offline)."""
    if "://" in found or found.lower().startswith("www."):
        return True
    parts = _offline_extract()(found.lstrip("."))
    return len(parts.domain) >= 2 and bool(parts.suffix) and not found.startswith(".")


@lru_cache(maxsize=1)
def _offline_extract() -> Any:
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _context_boost(text: str, start: int, words: Iterable[str]) -> float:
    before = text[max(0, start - CONTEXT_WINDOW):start].lower()
    return CONTEXT_BOOST if any(re.search(rf"\b{re.escape(w.lower())}\b", before) for w in words or ()) else 0.0


def _presidio_hits(text: str) -> list[_Hit]:
    hits = []
    for rec in _presidio():
        for r in rec.analyze(text, rec.supported_entities, None) or ():
            score = min(1.0, r.score + _context_boost(text, r.start, getattr(rec, "context", None) or ()))
            entity = "ID" if r.entity_type in ID_ENTITIES else r.entity_type
            if entity == "US_DRIVER_LICENSE":
                entity = "ID"
            if score < MIN_SCORE.get(r.entity_type, DEFAULT_MIN_SCORE):
                continue
            start, end = r.start, r.end
            while end > start and text[end - 1] in ".,;:!?)]}'\"":  # "see www.x.org/y," keeps its comma
                end -= 1
            if entity == "URL" and not _real_url(text[start:end]):
                continue
            if end > start:
                hits.append(_Hit(entity if entity in TAGS else "ID", start, end, score, type(rec).__name__))
    return hits


_ADDRESS = re.compile(
    r"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w'’.-]*\s+){1,4}"
    r"(?i:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Court|Ct|Place|Pl|Crescent|Boulevard|Blvd|Terrace|"
    r"Gardens|Grove|Square|Sq|Highway|Hwy|Parkway|Pkwy|Row|Walk|Mews|Hill|Park|Calle|Avenida)\b\.?"
    r"(?:,?\s+(?i:Apt|Apartment|Flat|Unit|Suite)\.?\s*#?\w+)?")
_ZIP = re.compile(r"\b(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?,?\s+)?(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|"
                  r"NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)\s+\d{5}(?:-\d{4})?\b")
_PLACE = re.compile(rf"\b(?:live|lives|lived|living|moved|move|moving|based|grew up|raised|born|stay|staying|"
                    rf"relocated|(?:I'm|I am|im|we're|we are|he's|she's|they're) from|come from|comes from|came from)"
                    rf"\s+(?:in|to|at|near|outside|around|from)?\s*(?:the\s+)?({_W}(?:[ -]{_W}){{0,2}})")
_ORG = re.compile(rf"\b(?:work|works|worked|working|job|shift|shifts|employed|intern|interning|study|studying|"
                  rf"studies|student|enrolled|teach|teaching|volunteer|volunteering)\s+(?:at|for|with|in)\s+"
                  rf"(?:the\s+)?({_W}(?:[ -](?:{_W}|of|&|and)){{0,4}})")
_INSTITUTION = re.compile(rf"\b(?:{_W}\s+){{1,3}}(?:School|Academy|College|University|Hospital|Clinic|Surgery|Church|"
                          rf"Mosque|Temple|Synagogue|Prison|Barracks)\b")
_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|" \
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_WORD_DATE = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTHS},?\s+(?:19|20)\d{{2}}|"
                        rf"{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}})\b", re.IGNORECASE)
_DOB = re.compile(r"\b(?:born|birthday|date of birth|dob|d\.o\.b\.?)\b", re.IGNORECASE)
_NAME_CONTEXT = re.compile(rf"\b(?i:my name is|my name's|name is|i'm called|i am called|call me|named|is called|"
                           rf"was called|this is|signed|love,|thanks,|cheers,|regards,|from)\s+({_W}(?:\s+{_W})?)")
_KIN_NAME = re.compile(rf"\b(?:my|our|her|his|their|your)\s+(?:(?:little|older|younger|big|late|new|old|best)\s+)?"
                       rf"{_KIN}\s*,?\s+([A-Za-zÀ-ÿ][\w'’-]+)", re.IGNORECASE)
_CAP_WORD = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+)?\b")


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;]…"


_CUE_BEFORE = re.compile(r"\b(?:told|tell|asked|ask|with|and|to|texted|text|called|call|met|saw|see|love|miss|"
                         r"thanks|thank|hi|hey|dear|like|by|for|about|when|but|so)\s+$", re.IGNORECASE)
_CUE_AFTER = re.compile(r"(?:'s|’s|\s+[A-Z][a-z]+|\s+(?:and|said|says|told|was|is|has|had|keeps|wants|thinks)\b)")


def _name_cue(text: str, start: int, end: int) -> bool:
    """A word that is also a name ("Will", "Hope") is taken for a name mid-sentence only
    with a cue: "I told Will", "Will's", "Will said", "Will Jones"."""
    return bool(_CUE_BEFORE.search(text[max(0, start - 12):start]) or _CUE_AFTER.match(text[end:]))


def _extend_surname(text: str, end: int) -> int:
    """"Sarah Okafor" → the name runs on over a capitalised word that follows."""
    m = re.match(r"\s+([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+)?)\b", text[end:])
    if m and m.group(1) not in NOT_PLACES and m.group(1) not in NOT_NAMES:
        return end + m.end(1)
    return end


def _own_hits(text: str) -> list[_Hit]:
    given, ambiguous = _names()
    hits: list[_Hit] = []
    for m in _ADDRESS.finditer(text):
        hits.append(_Hit("ADDRESS", m.start(), m.end(), 0.8, "StreetAddress"))
    for m in _ZIP.finditer(text):
        hits.append(_Hit("ADDRESS", m.start(), m.end(), 0.6, "UsStateZip"))
    for m in _PLACE.finditer(text):
        words = m.group(1).split()
        if words[0] not in NOT_PLACES:
            hits.append(_Hit("PLACE", m.start(1), m.end(1), 0.6, "PlaceContext"))
    for m in _ORG.finditer(text):
        first = m.group(1).split()[0]
        if first not in NOT_PLACES and not (first.isupper() and len(first) <= 3):  # "a job in HR"
            hits.append(_Hit("ORGANISATION", m.start(1), m.end(1), 0.6, "WorkplaceContext"))
    for m in _INSTITUTION.finditer(text):
        first = m.group(0).split()[0]
        if first not in NOT_PLACES and not first.lower() in {"my", "the", "a", "at", "in"}:
            hits.append(_Hit("ORGANISATION", m.start(), m.end(), 0.6, "Institution"))
    for m in _WORD_DATE.finditer(text):
        hits.append(_Hit("DATE_TIME", m.start(), m.end(), 0.7, "WordDate"))
    for m in _NAME_CONTEXT.finditer(text):
        first = m.group(1).split()[0]
        cue = m.group(0)[: m.start(1) - m.start()].strip().lower()
        if first in NOT_NAMES or first in NOT_PLACES:
            continue
        if cue in {"from", "this is", "signed"} and first not in given and first not in ambiguous:
            continue  # "from Leeds" is a place, "this is Hard" is not a name
        hits.append(_Hit("PERSON", m.start(1), m.end(1), 0.8, "NameContext"))
    for m in _KIN_NAME.finditer(text):
        word = m.group(1)
        cap = word[:1].upper() + word[1:]
        # lower-case only for unambiguous names ("my friend jayden"), never "my mom said so"
        if (cap in given and (word[:1].isupper() or word.lower() not in _common_words())) or (
                word[:1].isupper() and cap not in NOT_NAMES and cap not in NOT_PLACES):
            hits.append(_Hit("PERSON", m.start(1), _extend_surname(text, m.end(1)), 0.8, "RelationName"))
    for m in _CAP_WORD.finditer(text):
        word = m.group(0)
        if word in NOT_NAMES:
            continue
        # a name that is also a word ("Will", "Hope") counts mid-sentence, where the word
        # would be lower-case; months ("May", "June") only with a surname after them
        if word in given or (word in ambiguous and not _sentence_start(text, m.start()) and word not in MONTHS
                             and _name_cue(text, m.start(), m.end())):
            hits.append(_Hit("PERSON", m.start(), _extend_surname(text, m.end()), 0.7, "GivenName"))
    return hits


def _resolve(hits: list[_Hit]) -> list[_Hit]:
    """Overlapping findings: the earliest wins, the longest among those, then the surest."""
    chosen: list[_Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start), -h.score)):
        if chosen and h.start < chosen[-1].end:
            last = chosen[-1]
            if h.end > last.end:  # overlapping runs merge into the first one's entity
                chosen[-1] = _Hit(last.entity, last.start, h.end, max(last.score, h.score), last.recognizer)
            continue
        chosen.append(h)
    return chosen


class Redactor:
    """Replaces PII with tags. ``enabled=False`` is the per-deployment opt-out."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled

    def warm(self) -> None:
        if self.enabled:
            _presidio()
            _names()

    def redact(self, text: str) -> Redaction:
        if not self.enabled or not text:
            return Redaction(text, ())
        hits = _resolve(_presidio_hits(text) + _own_hits(text))
        out: list[str] = []
        spans: list[RedactedSpan] = []
        pos = 0
        length = 0
        for h in hits:
            tag = TAGS.get(h.entity, "[ID]")
            out.append(text[pos:h.start])
            length += h.start - pos
            spans.append(RedactedSpan(h.entity, h.start, h.end, length, length + len(tag), h.recognizer))
            out.append(tag)
            length += len(tag)
            pos = h.end
        out.append(text[pos:])
        return Redaction("".join(out), tuple(spans))

    def __call__(self, text: str) -> str:
        return self.redact(text).text
