"""Request bodies of the REST API, with size limits on every text field and batch.
Responses are the library's own result models (one schema for library, CLI and API)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import BehaviourCode, ReplyAnalysis, ReviewReport, RiskLevel, TalkType

MAX_TEXT = 20_000          # characters in one post, reply, message or utterance
NOT_BLANK = r"\S"         # a text must hold something besides whitespace
MAX_BATCH = 100            # pairs in one /score/batch request
MAX_TRANSCRIPT = 2_000_000  # characters of a transcript sent for review
SYNC_TRANSCRIPT = 200_000   # above this, POST /review answers 413 and points to /review/jobs

class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PairIn(Body):
    seeker_post: str = Field(min_length=1, max_length=MAX_TEXT, pattern=NOT_BLANK, description="What the person seeking support wrote.")
    response: str = Field(min_length=1, max_length=MAX_TEXT, pattern=NOT_BLANK, description="The reply to score.")
    id: str | None = Field(default=None, max_length=200)


class PairBatchIn(Body):
    items: list[PairIn] = Field(min_length=1, max_length=MAX_BATCH)


class CoachIn(PairIn):
    live: bool = Field(default=False, description="The fast estimate used while typing (no exact re-scoring).")
    context_level: RiskLevel = Field(default="none", description="The seeker's highest risk earlier in this conversation.")
    reply_register: Literal["peer", "youth", "clinical", "older_adult"] | None = Field(
        default=None, description="Force the voice of the suggestions (default: the reply's own).")
    top_k: int = Field(default=3, ge=1, le=10)
    seed: int = Field(default=0, ge=0, le=2**31 - 1)


class RiskIn(Body):
    text: str = Field(min_length=1, max_length=MAX_TEXT, pattern=NOT_BLANK)
    context_level: RiskLevel = "none"
    id: str | None = Field(default=None, max_length=200)


class CodeIn(Body):
    text: str = Field(min_length=1, max_length=MAX_TEXT, pattern=NOT_BLANK)
    role: Literal["helper", "client"]
    context: str = Field(default="", max_length=MAX_TEXT, description="What the other speaker said just before.")


class ReviewIn(Body):
    transcript: str = Field(min_length=1, max_length=MAX_TRANSCRIPT, pattern=NOT_BLANK, description="The session, as text.")
    format: Literal["txt", "csv", "jsonl", "vtt", "srt"] = "txt"
    helpers: list[str] | None = Field(default=None, max_length=20, description="Names of the helper(s), if known.")
    id: str | None = Field(default=None, max_length=200)


class CodeOut(BaseModel):
    role: Literal["helper", "client"]
    code: BehaviourCode | None = Field(default=None, description="A helper utterance's behaviour code.")
    talk_type: TalkType | None = Field(default=None, description="A client utterance's talk type.")


class BatchOut(BaseModel):
    results: list[ReplyAnalysis]


class JobOut(BaseModel):
    id: str
    status: Literal["queued", "running", "done", "failed"]
    error: "ErrorBody | None" = None
    result: ReviewReport | None = None


class ErrorBody(BaseModel):
    code: str = Field(description="Stable error code (E001…); see docs/api.md.")
    message: str
    fields: list[dict] | None = None


class ErrorOut(BaseModel):
    error: ErrorBody
