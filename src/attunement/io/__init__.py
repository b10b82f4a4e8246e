"""Readers and writers: JSONL, CSV (and stdin/stdout as `-`), with line numbers in errors."""
