"""Batch scoring: the same engine over a platform's worth of rows, on one laptop
(`--workers N` local processes) or a Ray cluster (`--engine ray`), resumable after any
kill, with rejects and urgent (risk >= high) rows kept apart. See docs/batch.md."""
from __future__ import annotations

from .runner import BatchConfig, run_batch

__all__ = ["BatchConfig", "run_batch"]
