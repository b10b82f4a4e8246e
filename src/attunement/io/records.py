from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError, RecordError, UnsupportedFormatError

csv.field_size_limit(sys.maxsize)


def _open_text(path: str) -> TextIO:
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="surrogateescape")
    p = Path(path)
    if not p.exists():
        raise InputError(f"No such file: {path}")
    if p.is_dir():
        raise InputError(f"{path} is a folder; give a .jsonl or .csv file.")
    return open(p, encoding="utf-8", errors="surrogateescape", newline="")


def fmt_of(path: str, default: str = "jsonl") -> str:
    if path == "-":
        return default
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    raise UnsupportedFormatError(f"Cannot tell the format of {path}: use .jsonl or .csv.")


def read_records(path: str, fmt: str | None = None) -> Iterator[tuple[int, dict[str, Any] | RecordError]]:
    """Yield (line number, row) — or (line number, RecordError) for a bad row — and keep going."""
    fmt = fmt or fmt_of(path)
    with _open_text(path) as f:
        if fmt == "jsonl":
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                if "\udc80" <= max(line) and any("\udc80" <= ch <= "\udcff" for ch in line):
                    yield n, RecordError("not valid UTF-8", path=path, line=n, hint="Re-save the file as UTF-8.")
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield n, RecordError(f"not valid JSON ({exc.msg} at column {exc.colno})", path=path, line=n)
                    continue
                if not isinstance(row, dict):
                    yield n, RecordError("each line must be a JSON object", path=path, line=n)
                    continue
                yield n, row
        else:
            delimiter = "\t" if path.endswith(".tsv") else ","
            reader = csv.DictReader(f, delimiter=delimiter)
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:  # a NUL byte or a broken quote: report the line, read on
                    yield reader.line_num, RecordError(f"the CSV cannot be read here ({exc})", path=path,
                                                       line=reader.line_num)
                    continue
                n = reader.line_num
                if any(isinstance(v, str) and any("\udc80" <= ch <= "\udcff" for ch in v) for v in row.values()):
                    yield n, RecordError("not valid UTF-8", path=path, line=n, hint="Re-save the file as UTF-8.")
                    continue
                if None in row:
                    yield n, RecordError("more fields than the header has", path=path, line=n)
                    continue
                yield n, dict(row)


class RecordWriter:
    """Writes rows as JSONL or CSV (nested values JSON-encoded in CSV cells)."""

    def __init__(self, path: str, fmt: str | None = None) -> None:
        self.fmt = fmt or fmt_of(path)
        self.path = path
        self._f: TextIO = sys.stdout if path == "-" else open(path, "w", encoding="utf-8", newline="")
        self._csv: csv.DictWriter | None = None

    def write(self, row: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self._f.write(json.dumps(row, ensure_ascii=False) + "\n")
            return
        flat = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v) for k, v in row.items()}
        if self._csv is None:
            self._csv = csv.DictWriter(self._f, fieldnames=list(flat))
            self._csv.writeheader()
        self._csv.writerow(flat)

    def close(self) -> None:
        if self._f is not sys.stdout:
            self._f.close()
        else:
            self._f.flush()

    def __enter__(self) -> "RecordWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
