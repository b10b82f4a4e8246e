"""Input for batch runs: JSONL, CSV or Parquet files, or folders of them, cut into
chunks of consecutive rows. A first pass records only where each chunk starts (a byte
offset, or a row offset for Parquet), so any worker — a local process or a Ray actor on
another machine — can read its chunk alone, and the driver's memory does not grow with
the input."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, RecordError, UnsupportedFormatError

csv.field_size_limit(sys.maxsize)
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".parquet": "parquet"}


@dataclass(frozen=True)
class Chunk:
    """Rows [first_row, first_row + rows) of one file; `offset` is where they start."""

    index: int
    path: str
    fmt: str
    offset: int
    first_row: int
    rows: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def input_files(inputs: list[str]) -> list[Path]:
    """The files to read, in a stable order (folders: their supported files, sorted)."""
    files: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in FORMATS)
            if not found:
                raise InputError(f"{item} holds no .jsonl, .csv or .parquet files.")
            files += found
        elif p.is_file():
            if p.suffix.lower() not in FORMATS:
                raise UnsupportedFormatError(f"Cannot read {item}: use .jsonl, .csv or .parquet.")
            files.append(p)
        else:
            raise InputError(f"No such file or folder: {item}")
    return files


def fingerprint(files: list[Path]) -> str:
    """Changes when any input file is added, removed, resized or rewritten."""
    h = hashlib.sha256()
    for f in files:
        st = f.stat()
        h.update(f"{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _jsonl_offsets(path: Path) -> Iterator[int]:
    """Byte offset of every non-blank line."""
    pos = 0
    with open(path, "rb") as f:
        for line in f:
            if line.strip():
                yield pos
            pos += len(line)


def _csv_offsets(path: Path) -> Iterator[int]:
    """Byte offset of every CSV record after the header (records may span lines)."""
    with open(path, "rb") as f:
        state = {"pos": 0}

        def lines() -> Iterator[str]:
            for raw in f:
                state["start"] = state["pos"]
                state["pos"] += len(raw)
                yield raw.decode("utf-8", errors="surrogateescape")

        reader = csv.reader(lines(), delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
        record_start = 0
        first = True
        for _ in reader:
            if not first:
                yield record_start
            first = False
            record_start = state["pos"]


def plan_chunks(files: list[Path], chunk_rows: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    for path in files:
        fmt = FORMATS[path.suffix.lower()]
        if fmt == "parquet":
            import pyarrow.parquet as pq

            total = pq.ParquetFile(path).metadata.num_rows
            for start in range(0, total, chunk_rows):
                chunks.append(Chunk(len(chunks), str(path), fmt, start, start, min(chunk_rows, total - start)))
            continue
        offsets = _jsonl_offsets(path) if fmt == "jsonl" else _csv_offsets(path)
        start_offset, first_row, n = 0, 0, 0
        for row, off in enumerate(offsets):
            if n == 0:
                start_offset, first_row = off, row
            n += 1
            if n == chunk_rows:
                chunks.append(Chunk(len(chunks), str(path), fmt, start_offset, first_row, n))
                n = 0
        if n:
            chunks.append(Chunk(len(chunks), str(path), fmt, start_offset, first_row, n))
    return chunks


def read_chunk(chunk: Chunk) -> Iterator[tuple[str, dict[str, Any] | RecordError]]:
    """(where, row) for each row of the chunk; a malformed row comes as a RecordError."""
    path = chunk.path
    if chunk.fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(path).slice(chunk.offset, chunk.rows)
        for i, row in enumerate(table.to_pylist()):
            yield f"{path}:row {chunk.first_row + i + 1}", row
        return
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    header: list[str] = []
    if chunk.fmt == "csv":
        with open(path, encoding="utf-8", errors="surrogateescape", newline="") as h:
            header = next(csv.reader(h, delimiter=delimiter), [])
    with open(path, "rb") as f:
        f.seek(chunk.offset)
        text = io.TextIOWrapper(f, encoding="utf-8", errors="surrogateescape", newline="")
        if chunk.fmt == "jsonl":
            n = 0
            line_no = chunk.first_row
            while n < chunk.rows:
                line = text.readline()
                if not line:
                    break
                if not line.strip():
                    continue
                n += 1
                line_no += 1
                where = f"{path}:row {line_no}"
                if any("\udc80" <= ch <= "\udcff" for ch in line):
                    yield where, RecordError("not valid UTF-8", hint="Re-save the file as UTF-8.")
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield where, RecordError(f"not valid JSON ({exc.msg} at column {exc.colno})")
                    continue
                if not isinstance(row, dict):
                    yield where, RecordError("each line must be a JSON object")
                    continue
                yield where, row
        else:
            reader = csv.reader(text, delimiter=delimiter)
            for i in range(chunk.rows):
                try:
                    values = next(reader)
                except StopIteration:
                    break
                where = f"{path}:row {chunk.first_row + i + 1}"
                if len(values) > len(header):
                    yield where, RecordError("more fields than the header has")
                    continue
                if any("\udc80" <= ch <= "\udcff" for v in values for ch in v):
                    yield where, RecordError("not valid UTF-8", hint="Re-save the file as UTF-8.")
                    continue
                yield where, dict(zip(header, values + [""] * (len(header) - len(values))))
        text.detach()
