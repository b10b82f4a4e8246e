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
    context_level: RiskLevel = Field(default="none", description="The seeker's highest risk earlier in this conversation "
                                     "(the previous message's risk.context_after).")
    reply_register: Literal["peer", "youth", "clinical", "older_adult"] | None = Field(
        default=None, description="Force the voice of the suggestions (default: the reply's own).")
    top_k: int = Field(default=3, ge=1, le=10)
    seed: int = Field(default=0, ge=0, le=2**31 - 1)


class RiskIn(Body):
    text: str = Field(min_length=1, max_length=MAX_TEXT, pattern=NOT_BLANK)
    context_level: RiskLevel = Field(default="none", description="The level the conversation's previous message passed on "
                                     "(its risk.context_after); none for a first message.")
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


# ---- accounts, keys, users, cohorts -----------------------------------------------------
PLAIN = r"^[^\x00-\x1f\x7f]*$"  # names and labels: no control characters (PostgreSQL refuses NUL)
EmailStr = Field(min_length=3, max_length=254, pattern=r"^[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+\.[^@\s\x00-\x1f\x7f]+$")
Password = Field(min_length=10, max_length=1024)
Scope = Literal["analyse", "practice", "reviews", "read", "admin"]
Role = Literal["trainee", "supervisor", "admin"]


class SignupIn(Body):
    email: str = EmailStr
    password: str = Password
    name: str = Field(default="", max_length=120, pattern=PLAIN)


class LoginIn(Body):
    email: str = Field(min_length=1, max_length=254)
    password: str = Field(min_length=1, max_length=1024)


class PasswordIn(Body):
    current: str = Field(min_length=1, max_length=1024)
    new: str = Password


class UserOut(BaseModel):
    id: str
    email: str
    name: str
    role: Role
    cohort_id: str | None = None
    created_at: str


class MeOut(BaseModel):
    user: UserOut
    csrf_token: str | None = Field(default=None, description="Send it as X-CSRF-Token with every change "
                                   "made through the session cookie.")
    scopes: list[str]
    via: Literal["session", "api_key"]


class KeyIn(Body):
    name: str = Field(min_length=1, max_length=120, pattern=PLAIN)
    scopes: list[Scope] = Field(min_length=1, max_length=5)


class KeyOut(BaseModel):
    id: str
    name: str
    prefix: str
    scopes: list[str]
    created_at: str
    last_used: str | None = None
    revoked: bool


class KeyCreatedOut(KeyOut):
    key: str = Field(description="The key itself. It is shown this once and stored only as a hash.")


class UserIn(Body):
    email: str = EmailStr
    password: str = Password
    name: str = Field(default="", max_length=120, pattern=PLAIN)
    role: Role = "trainee"
    cohort_id: str | None = Field(default=None, max_length=32)


class UserPatch(Body):
    role: Role | None = None
    cohort_id: str | None = Field(default=None, max_length=32)
    clear_cohort: bool = False


class CohortIn(Body):
    name: str = Field(min_length=1, max_length=120, pattern=PLAIN)
    supervisor_id: str | None = Field(default=None, max_length=32)


class CohortOut(BaseModel):
    id: str
    name: str
    supervisor_id: str | None
    members: list[str]
    created_at: str


# ---- practice and stored reviews ---------------------------------------------------------
class ScenarioIn(Body):
    source: str = Field(min_length=1, max_length=200_000, description="The scenario file (YAML or JSON).")


class SessionIn(Body):
    scenario_id: str = Field(min_length=1, max_length=80)


class ReplyIn(Body):
    text: str = Field(min_length=1, max_length=MAX_TEXT, pattern=NOT_BLANK)


class DraftIn(Body):
    text: str = Field(min_length=1, max_length=MAX_TEXT, pattern=NOT_BLANK, description="The reply being typed.")
    top_k: int = Field(default=3, ge=1, le=5)


class StoredReviewIn(Body):
    title: str = Field(default="", max_length=200)
    transcript: str = Field(min_length=1, max_length=SYNC_TRANSCRIPT, pattern=NOT_BLANK)
    format: Literal["txt", "csv", "jsonl", "vtt", "srt"] = "txt"
    helpers: list[str] | None = Field(default=None, max_length=20)


class Deleted(BaseModel):
    deleted: str
    counts: dict[str, int] | None = None


def error_responses(*statuses: int) -> dict[int | str, dict]:
    """Error answers documented as JSON even on routes whose success is HTML, PDF or CSV."""
    ref = {"schema": {"$ref": "#/components/schemas/ErrorOut"}}
    return {s: {"description": "Error", "content": {"application/json": ref}} for s in statuses}
