"""PII redaction: a case table of what must go and what must stay, and properties
(idempotent; every span's offsets valid in both texts; nothing outside a span changes)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attunement.store.redact import Redactor

R = Redactor()

MUST_GO = [
    ("My name is Priya Raman and I need help.", ["Priya", "Raman"]),
    ("call me on 07700 900123 tonight", ["07700 900123"]),
    ("ring +1 (415) 555-0132 or text 0412 345 678", ["415", "0412 345 678"]),
    ("email me at jo.bloggs@example.co.uk please", ["jo.bloggs@example.co.uk"]),
    ("my blog is https://myblog.example.net/posts/1 and www.selfhelp.org", ["myblog", "www.selfhelp.org"]),
    ("I live at 42 Elm Street, Apt 3B, Springfield IL 62704", ["42 Elm Street", "62704", "Springfield"]),
    ("I was born on March 3rd 1988 and my DOB is 03/03/1988", ["March 3rd 1988", "03/03/1988"]),
    ("my NHS number is 943 476 5919", ["943 476 5919"]),
    ("card 4111 1111 1111 1111 got declined", ["4111 1111 1111 1111"]),
    ("my sister Aoife keeps telling me to move on", ["Aoife"]),
    ("My friend jayden said it's fine", ["jayden"]),
    ("I told Will everything and he laughed", ["Will"]),
    ("our son Oluwaseun Adeyemi started school", ["Oluwaseun", "Adeyemi"]),
    ("I'm from Lagos originally, now living in Leeds", ["Lagos", "Leeds"]),
    ("I work at Greenfield Logistics on nights", ["Greenfield Logistics"]),
    ("We went to St Mary's Hospital on Tuesday", ["St Mary's Hospital"]),
    ("Thanks, Mei Ling. Talk soon.", ["Mei Ling"]),
    ("Mi abuela Rosa me dijo que no llorara; I miss her. Love, Ximena", ["Ximena"]),
    ("mera dost Rahul bolta hai sab theek ho jayega", ["Rahul"]),
]
MUST_STAY = [
    "I just feel so alone since my husband died in June.",
    "Will you help me? May I ask something? Hope is hard to find.",
    "this exam is killing me lol, 3 more to go",
    "I slept 4 hours and walked 10k steps, B2 German test tomorrow",
    "my mom said so and my wife made dinner",
    "I've been doing my job in IT support for 9 years.",
    "Um. [pause] My girlfriend left.",
    "...Huh. Aye. e.g. nothing",
    "I feel useless, like I'm a burden to everyone.",
]


@pytest.mark.parametrize("text,pieces", MUST_GO)
def test_pii_is_removed(text: str, pieces: list[str]) -> None:
    out = R(text)
    for piece in pieces:
        assert piece not in out, out
    assert "[" in out


@pytest.mark.parametrize("text", MUST_STAY)
def test_ordinary_words_stay(text: str) -> None:
    assert R(text) == text


def test_spans_point_at_what_was_removed() -> None:
    text = "Hi, I'm Tom. My name is Tom Hardwick, 07700 900123."
    red = R.redact(text)
    for s in red.spans:
        assert red.text[s.new_start:s.new_end].startswith("[") and text[s.start:s.end].strip()
    assert [s.entity for s in red.spans][-1] == "PHONE_NUMBER"


def test_the_opt_out_keeps_text_as_it_is() -> None:
    text = "My name is Priya Raman, 07700 900123"
    assert Redactor(enabled=False)(text) == text


# ---- properties --------------------------------------------------------------------------
PIECES = st.sampled_from(["My name is Priya Raman.", " call 07700 900123", " jo@example.org", " www.help.org/x",
                          " I live in Leeds.", " my friend Kwame", " 42 Elm Street", " I feel so tired", " Will", " May",
                          " born 12/03/1988", " ", "\n", "…", " lol", " ça va", " 😢", "[NAME]", " [PHONE]", ".", ","])
TEXTS = st.one_of(st.lists(PIECES, max_size=12).map("".join), st.text(max_size=200))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_redaction_is_idempotent_and_offsets_are_valid(text: str) -> None:
    red = R.redact(text)
    assert R(red.text) == red.text
    pos_old = pos_new = 0
    for s in red.spans:
        assert 0 <= s.start < s.end <= len(text) and 0 <= s.new_start < s.new_end <= len(red.text)
        # what lies between spans is copied unchanged
        assert text[pos_old:s.start] == red.text[pos_new:s.new_start]
        pos_old, pos_new = s.end, s.new_end
    assert text[pos_old:] == red.text[pos_new:]
