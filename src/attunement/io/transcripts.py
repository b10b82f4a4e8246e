"""Read session transcripts — plain `Name: utterance` text, CSV, JSONL, WebVTT and SRT —
into speaker turns with the line each came from, so every problem can be reported where
it is. Nothing here guesses roles; that is `roles.py`'s job.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EncodingError, TranscriptError, UnsupportedFormatError

MAX_TRANSCRIPT_BYTES = 20_000_000
FORMATS = ("txt", "csv", "jsonl", "vtt", "srt")
SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "txt", ".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl",
            ".ndjson": "jsonl", ".json": "jsonl", ".vtt": "vtt", ".srt": "srt"}

_STAMP = r"(?:\[?\(?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\)?\]?)"
# "[00:01:02] Name: text", "00:01 - Name: text", "Name (00:01): text", "Name: text"
_NAME_LINE = re.compile(
    r"^\s*(?:(?P<stamp>" + _STAMP + r")\s*[-–]?\s*)?"
    r"(?P<name>[A-Za-z\u00C0-\u024F][\w.'’\- ]{0,38}?)\s*(?:" + _STAMP + r"\s*)?:\s*(?P<text>.*)$")
_STAMP_ONLY = re.compile(r"^\s*" + _STAMP + r"\s*$")
_CUE_TIME = re.compile(r"(?P<a>(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*(?P<b>(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>(.*?)(?:</v>|$)", re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|\{\\[^}]*\}")
_NOT_NAMES = frozenset({"http", "https", "note", "ps", "p.s", "re", "subject", "warning", "edit", "update", "tl;dr"})


@dataclass
class RawTurn:
    """One speaker's turn as written: several caption cues or lines may make one turn."""

    speaker: str
    text: str
    line: int
    start: float | None = None  # seconds from the start of the session, when the file says
    role: str | None = None  # when the file itself says (a CSV/JSONL `role` column)


@dataclass
class Transcript:
    source: str
    format: str
    turns: list[RawTurn]
    warnings: list[tuple[int | None, str]] = field(default_factory=list)

    @property
    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for t in self.turns:
            seen.setdefault(t.speaker, None)
        return list(seen)


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedFormatError(f"Cannot read {path}: transcripts are .txt, .csv, .jsonl, .vtt or .srt.")
    return SUFFIXES[suffix]


def read_transcript(path: str | Path, fmt: str | None = None) -> Transcript:
    """Read one transcript file; decode problems become warnings with line numbers."""
    p = Path(path)
    if not p.exists():
        raise TranscriptError(f"No such file: {path}")
    if p.is_dir():
        raise TranscriptError(f"{path} is a folder; give one transcript file.")
    size = p.stat().st_size
    if size > MAX_TRANSCRIPT_BYTES:
        raise TranscriptError(f"{path} is {size / 1e6:.1f} MB; the limit is {MAX_TRANSCRIPT_BYTES / 1e6:.0f} MB.",
                              hint="Split the session into parts.")
    return parse_transcript(p.read_bytes(), fmt or format_of(p), source=str(path))


def parse_transcript(data: bytes | str, fmt: str, source: str = "<transcript>") -> Transcript:
    if fmt not in FORMATS:
        raise UnsupportedFormatError(f"Unknown transcript format {fmt!r}; use one of {', '.join(FORMATS)}.")
    warnings: list[tuple[int | None, str]] = []
    text = data if isinstance(data, str) else decode(data, source, warnings)
    parser = {"txt": _parse_txt, "csv": _parse_csv, "jsonl": _parse_jsonl, "vtt": _parse_captions,
              "srt": _parse_captions}[fmt]
    turns = parser(text, warnings)
    for t in turns:
        if not t.text.strip():
            warnings.append((t.line, f"{t.speaker}'s turn is empty; skipped"))
    turns = _merge_consecutive([t for t in turns if t.text.strip()])
    if not turns:
        raise TranscriptError(f"{source}: no speaker turns found.",
                              hint="Plain text transcripts need one 'Name: utterance' line per turn.")
    return Transcript(source=source, format=fmt, turns=turns, warnings=warnings)


def decode(data: bytes, source: str, warnings: list[tuple[int | None, str]]) -> str:
    """UTF-8 (with or without BOM, or UTF-16 with BOM); lines that are not UTF-8 are read
    as Windows-1252 and reported, so a file with mixed encodings loses nothing."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(f"{source} starts like UTF-16 but is not valid UTF-16 ({exc.reason} at byte "
                                f"{exc.start}).", hint="Re-save the file as UTF-8.") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:8192]
    if b"\x00" in head or (head and sum(b < 9 or 13 < b < 32 for b in head) / len(head) > 0.05):
        raise EncodingError(f"{source} looks like a binary file, not a transcript.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = []
    for n, raw in enumerate(data.split(b"\n"), 1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
            warnings.append((n, "not UTF-8; read as Windows-1252"))
    return "\n".join(lines)


def _clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().strip("-–").strip()


def _seconds(stamp: str | None) -> float | None:
    if not stamp:
        return None
    parts = re.sub(r"[\[\]()]", "", stamp).replace(",", ".").split(":")
    try:
        vals = [float(x) for x in parts]
    except ValueError:
        return None
    secs = 0.0
    for v in vals:
        secs = secs * 60 + v
    return secs


def _looks_like_name(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= 4 and name.lower().rstrip(".") not in _NOT_NAMES and not name[-1:].isdigit() \
        or bool(re.fullmatch(r"(speaker|participant|person|p|s)\s*\d+", name, re.IGNORECASE))


def _parse_txt(text: str, warnings: list[tuple[int | None, str]]) -> list[RawTurn]:
    turns: list[RawTurn] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or _STAMP_ONLY.match(line):
            continue
        m = _NAME_LINE.match(line)
        if m and _looks_like_name(_clean_name(m.group("name"))):
            turns.append(RawTurn(_clean_name(m.group("name")), m.group("text").strip(), n,
                                 _seconds(m.group("stamp"))))
        elif turns:
            turns[-1].text = (turns[-1].text + " " + line.strip()).strip()
        else:
            warnings.append((n, "text before the first 'Name:' line has no speaker; skipped"))
    return turns


def _columns(fields: list[str]) -> tuple[str | None, str | None, str | None, str | None]:
    low = {f.lower().strip(): f for f in fields if f}
    pick = lambda *names: next((low[n] for n in names if n in low), None)  # noqa: E731
    return (pick("speaker", "name", "speaker_name", "who", "interlocutor"),
            pick("text", "utterance", "utterance_text", "message", "content", "transcript"),
            pick("role", "speaker_role"), pick("start", "timestamp", "time", "start_time"))


def _parse_csv(text: str, warnings: list[tuple[int | None, str]]) -> list[RawTurn]:
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _csv_turns(reader, warnings)
    except csv.Error as exc:
        raise TranscriptError(f"line {reader.line_num}: the CSV cannot be read ({exc}).",
                              hint="Check the quotes around that line's fields.") from None


def _csv_turns(reader: csv.DictReader, warnings: list[tuple[int | None, str]]) -> list[RawTurn]:
    spk, txt, role, start = _columns(reader.fieldnames or [])
    if txt is None or (spk is None and role is None):
        raise TranscriptError(f"CSV header {reader.fieldnames!r} needs a 'speaker' (or 'role') and a 'text' column.")
    turns = []
    for row in reader:
        n = reader.line_num
        if None in row:
            warnings.append((n, "more fields than the header has; extra fields ignored"))
        who = (row.get(spk) or "").strip() if spk else ""
        r = (row.get(role) or "").strip().lower() if role else ""
        if not who and not r:
            warnings.append((n, "row has no speaker; skipped"))
            continue
        turns.append(RawTurn(who or r, (row.get(txt) or "").strip(), n, _seconds(row.get(start) if start else None),
                             r or None))
    return turns


def _parse_jsonl(text: str, warnings: list[tuple[int | None, str]]) -> list[RawTurn]:
    turns = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            warnings.append((n, f"not valid JSON ({exc.msg}); skipped"))
            continue
        if not isinstance(row, dict):
            warnings.append((n, "not a JSON object; skipped"))
            continue
        spk, txt, role, start = _columns(list(row))
        who = str(row.get(spk) or "").strip() if spk else ""
        r = str(row.get(role) or "").strip().lower() if role else ""
        if txt is None or not isinstance(row.get(txt), str):
            warnings.append((n, "row has no 'text'; skipped"))
            continue
        if not who and not r:
            warnings.append((n, "row has no speaker; skipped"))
            continue
        stamp = row.get(start) if start else None
        turns.append(RawTurn(who or r, row[txt].strip(), n,
                             float(stamp) if isinstance(stamp, (int, float)) else _seconds(stamp), r or None))
    return turns


def _parse_captions(text: str, warnings: list[tuple[int | None, str]]) -> list[RawTurn]:
    """WebVTT and SRT: cues with timings; the speaker comes from `<v Name>` or `Name:`;
    a cue without one continues the previous speaker."""
    turns: list[RawTurn] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = _CUE_TIME.search(lines[i])
        if not m:
            i += 1
            continue
        start = _seconds(m.group("a"))
        cue_line = i + 1
        body: list[str] = []
        i += 1
        while i < len(lines) and lines[i].strip():
            body.append(lines[i])
            i += 1
        cue = "\n".join(body)
        voices = _VOICE.findall(cue)
        if voices:
            for name, said in voices:
                turns.append(RawTurn(_clean_name(name), _TAG.sub("", said).strip(), cue_line, start))
            continue
        plain = _TAG.sub("", cue).strip()
        parts = [ln.strip().lstrip("-–").strip() for ln in plain.splitlines() if ln.strip()]
        for part in parts:
            nm = _NAME_LINE.match(part)
            if nm and _looks_like_name(_clean_name(nm.group("name"))):
                turns.append(RawTurn(_clean_name(nm.group("name")), nm.group("text").strip(), cue_line, start))
            elif turns:
                turns[-1].text = (turns[-1].text + " " + part).strip()
            else:
                warnings.append((cue_line, "caption before any named speaker; skipped"))
    if not turns and lines and not any(_CUE_TIME.search(ln) for ln in lines):
        raise TranscriptError("No caption timings ('00:00:01.000 --> 00:00:04.000') found.")
    return turns


def _merge_consecutive(turns: list[RawTurn]) -> list[RawTurn]:
    """Captions split one person's turn across cues; consecutive pieces of one speaker are one turn."""
    out: list[RawTurn] = []
    for t in turns:
        if out and out[-1].speaker == t.speaker:
            out[-1].text = (out[-1].text + " " + t.text).strip()
        else:
            out.append(RawTurn(t.speaker, t.text, t.line, t.start, t.role))
    return out
