from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attunement.errors import EmptyTextError, EncodingError, InputError, TextTooLongError
from attunement.text import clean_text, looks_english, sentences, words


@pytest.mark.parametrize("value, error", [
    ("", EmptyTextError),
    ("   \n\t ", EmptyTextError),
    (None, InputError),
    (42, InputError),
    ("x" * 100_001, TextTooLongError),
    (b"\xff\xfe\xfa broken", EncodingError),
    ("abc\x00def", EncodingError),
    ("".join(chr(i) for i in range(1, 31)) * 20, EncodingError),
])
def test_bad_text_gets_a_clear_error(value: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        clean_text(value, field="response")
    assert info.value.code.startswith("E")
    assert "response" in str(info.value) or error is EncodingError


def test_bytes_in_utf8_are_accepted() -> None:
    assert clean_text("café".encode()) == "café"


@pytest.mark.parametrize("text, expected", [
    ("I'm so sorry. What happened?", ["I'm so sorry.", "What happened?"]),
    ("no punctuation at all", ["no punctuation at all"]),
    ("Wait... really?! ok", ["Wait...", "really?!", "ok"]),
    ("line one\nline two", ["line one", "line two"]),
])
def test_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in sentences(text)] == expected


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_spans_lie_inside_the_text(text: str) -> None:
    for s in sentences(text) + words(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("text, english", [
    ("I am so sorry that you have to go through this alone.", True),
    ("Lo siento mucho, no sé qué decir, espero que estés bien pronto.", False),
    ("Das tut mir wirklich leid, ich hoffe es geht dir bald besser.", False),
    ("ok", True),
    ("मुझे बहुत दुख है कि आप इस से गुजर रहे हैं", False),
])
def test_language_check(text: str, english: bool) -> None:
    assert looks_english(text) is english
