"""Text helpers every analyser shares: validation, sentence and word spans, language check.

Offsets are always into the caller's original string, so evidence spans can be shown
back to people exactly where they typed them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import EmptyTextError, EncodingError, InputError, TextTooLongError

MAX_CHARS = 100_000

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|\n|$)|[.!?]+", re.UNICODE)
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?|\d+|[?!]|[\U0001F300-\U0001FAFF\u2600-\u27BF]|<3|:\)|:\(")

# Frequent English function words: a text of several words with almost none is very
# likely not English, and we say so instead of inventing a score.
_ENGLISH = frozenset(
    "i you he she it we they me my your our the a an and or but is are was were be been am "
    "to of in on at for with that this not no so do did does have has had can could would "
    "should will just what how why when if about all it's i'm im dont don't its u ur".split()
)


@dataclass(frozen=True, slots=True)
class TextSpan:
    start: int
    end: int
    text: str


def clean_text(value: object, *, field: str = "text", max_chars: int = MAX_CHARS,
               allow_empty: bool = False) -> str:
    """Validate one text field and return it as str (bytes are decoded as UTF-8)."""
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise EncodingError(f"'{field}' is not valid UTF-8 (byte {exc.start}).",
                                hint="Re-save the file as UTF-8.") from None
    if value is None:
        raise InputError(f"'{field}' is missing.")
    if not isinstance(value, str):
        raise InputError(f"'{field}' must be text. Got {type(value).__name__} instead.")
    if len(value) > max_chars:
        raise TextTooLongError(f"'{field}' has {len(value):,} characters; the limit is {max_chars:,}.",
                               hint="Split it into messages or raise max_chars.")
    if "\x00" in value or _binary_share(value) > 0.1:
        raise EncodingError(f"'{field}' looks like binary data, not text.")
    if not allow_empty and not value.strip():
        raise EmptyTextError(f"'{field}' is empty or only whitespace.")
    return value


def _binary_share(value: str) -> float:
    sample = value[:4000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\r\t")
              or ch == "\ufffd")
    return bad / len(sample)


def sentences(text: str) -> list[TextSpan]:
    """Sentence spans (end exclusive), stripped of surrounding whitespace."""
    out: list[TextSpan] = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            out.append(TextSpan(s, e, text[s:e]))
    return out


def words(text: str) -> list[TextSpan]:
    return [TextSpan(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def word_texts(text: str) -> list[str]:
    """The words of `words` as strings only: no offsets, much cheaper where none are needed."""
    return _WORD.findall(text)


def normalise(text: str) -> str:
    """Lower-case, curly quotes straightened: the form lexical features read."""
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').lower()


def looks_english(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 8 and sum(ch.isascii() for ch in letters) / len(letters) < 0.7:
        return False
    toks = [t.text.lower().replace("’", "'") for t in words(text) if t.text[0].isalpha()]
    if len(toks) < 5:
        return True
    hits = sum(t in _ENGLISH for t in toks)
    return hits / len(toks) >= 0.12
