"""Reading transcripts in every accepted format, assigning roles, and failing clearly on
malformed input (line numbers, never a crash)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from attunement.errors import EncodingError, TranscriptError, UnsupportedFormatError
from attunement.io.transcripts import parse_transcript, read_transcript
from attunement.roles import assign_roles, read_roles_file

DATA = Path(__file__).parent / "data" / "transcripts"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_format_reads_turns_and_speakers(name: str) -> None:
    t = read_transcript(DATA / name)
    exp = EXPECTED[name]
    assert [x.speaker for x in t.turns] == [x["speaker"] for x in exp["turns"]]
    assert all(x.text.strip() for x in t.turns)
    assert not t.warnings


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_roles_are_inferred_correctly(name: str) -> None:
    r = assign_roles(read_transcript(DATA / name))
    assert sorted(r.helpers) == sorted(EXPECTED[name]["helpers"])
    assert sorted(r.clients) == sorted(EXPECTED[name]["clients"])
    assert 0.0 <= r.confidence <= 1.0


def test_timestamps_and_continuation_lines() -> None:
    t = parse_transcript("[00:01:05] Ana: I kept thinking\nabout the call.\n[00:01:09] Sam: Mm-hmm.\n", "txt")
    assert [x.text for x in t.turns] == ["I kept thinking about the call.", "Mm-hmm."]
    assert t.turns[0].start == 65.0 and t.turns[0].line == 1 and t.turns[1].line == 3


def test_captions_merge_cues_of_one_speaker() -> None:
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Dr Lee>How have you been?</v>\n\n"
           "00:00:03.500 --> 00:00:05.000\n<v Jo>Not great.</v>\n\n00:00:05.000 --> 00:00:07.000\n<v Jo>Honestly.</v>\n")
    t = parse_transcript(vtt, "vtt")
    assert [(x.speaker, x.text) for x in t.turns] == [("Dr Lee", "How have you been?"), ("Jo", "Not great. Honestly.")]
    srt = "1\n00:00:01,000 --> 00:00:02,000\nT: Hi.\n\n2\n00:00:02,500 --> 00:00:04,000\nC: Hello.\n"
    assert [x.speaker for x in parse_transcript(srt, "srt").turns] == ["T", "C"]


@pytest.mark.parametrize("text,fmt,message", [
    ("just some words without any speaker\nand more words\n", "txt", "no speaker turns"),
    ("", "txt", "no speaker turns"),
    ("who,what\nA,B\n", "csv", "needs a 'speaker'"),
    ("WEBVTT\n\nno timings here\n", "vtt", "No caption timings"),
])
def test_malformed_transcripts_raise_clear_errors(text: str, fmt: str, message: str) -> None:
    with pytest.raises(TranscriptError, match=message):
        parse_transcript(text, fmt)


def test_bad_rows_become_warnings_with_line_numbers() -> None:
    jsonl = '{"speaker": "T", "text": "Hi"}\n{not json\n{"speaker": "C", "text": ""}\n{"speaker": "C", "text": "ok"}\n'
    t = parse_transcript(jsonl, "jsonl")
    assert [x.text for x in t.turns] == ["Hi", "ok"]
    assert any(line == 2 and "JSON" in msg for line, msg in t.warnings)
    assert any(line == 3 and "empty" in msg for line, msg in t.warnings)


def test_text_before_first_speaker_is_reported() -> None:
    t = parse_transcript("Session notes, week 3\nT: Hello.\nC: Hi.\n", "txt")
    assert len(t.turns) == 2 and t.warnings[0][0] == 1


def test_mixed_encodings_lose_nothing() -> None:
    data = "T: How was the café?\n".encode() + "C: It was fine, na\xefve of me.\n".encode("cp1252")
    t = parse_transcript(data, "txt")
    assert t.turns[1].text == "It was fine, naïve of me."
    assert t.warnings == [(2, "not UTF-8; read as Windows-1252")]


def test_binary_and_unknown_formats_are_refused(tmp_path: Path) -> None:
    with pytest.raises(EncodingError):
        parse_transcript(b"\x00\x01\x02PK\x03\x04" * 100, "txt")
    bad = tmp_path / "session.docx"
    bad.write_bytes(b"x")
    with pytest.raises(UnsupportedFormatError):
        read_transcript(bad)


def test_large_transcript_reads(tmp_path: Path) -> None:
    lines = "".join(f"{'T' if i % 2 == 0 else 'C'}: turn number {i} " + "words " * 80 + "\n" for i in range(20_000))
    path = tmp_path / "big.txt"
    path.write_text(lines, encoding="utf-8")
    assert path.stat().st_size > 9_000_000
    assert len(read_transcript(path).turns) == 20_000


def test_one_speaker_is_an_error() -> None:
    with pytest.raises(TranscriptError, match="only one speaker"):
        assign_roles(parse_transcript("Ana: hello\nAna: anyone?\n", "txt"))


def test_given_helper_must_speak() -> None:
    t = parse_transcript("Ana: hi\nBen: hello\n", "txt")
    with pytest.raises(TranscriptError, match="speakers are 'Ana', 'Ben'"):
        assign_roles(t, helpers=["Carla"])
    assert assign_roles(t, helpers=["ben"]).roles == {"Ana": "client", "Ben": "helper"}


def test_roles_file_warns_about_unknown_and_missing_speakers(tmp_path: Path) -> None:
    f = tmp_path / "roles.txt"
    f.write_text("# who is who\nBen: therapist\nZed: client\n", encoding="utf-8")
    roles = read_roles_file(f)
    r = assign_roles(parse_transcript("Ana: hi\nBen: hello\nCy: hey\n", "txt"), roles=roles)
    assert r.roles == {"Ben": "helper", "Ana": "client", "Cy": "client"}
    assert any("Zed" in w for w in r.warnings) and any("Ana" in w for w in r.warnings)
    f.write_text("Ben: wizard\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="Unknown role"):
        read_roles_file(f)
