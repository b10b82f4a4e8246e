"""The REST service: a thin FastAPI layer over the library, under /api/v1.

Every request body has size limits; errors come back as {"error": {"code", "message"}}
with the library's stable codes and never a stack trace; logs are structured and never
hold message text. Large transcripts are reviewed as jobs (POST, then poll)."""
from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import (AttunementError, AuthenticationError, BackendError, ConflictError, CsrfError, InputError, NotFoundError,
                      PermissionDeniedError, RateLimitedError, TextTooLongError)
from ..model import CoachResult, ReplyAnalysis, ReviewReport, RiskAnalysis
from ..pipeline import Pipeline
from ..store.accounts import Principal
from .security import Guard, RateLimiter, ServiceConfig
from .schemas import (SYNC_TRANSCRIPT, BatchOut, CodeIn, CodeOut, CoachIn, ErrorOut, JobOut, PairBatchIn, PairIn,
                      ReviewIn, RiskIn)

log = logging.getLogger("attunement.api")
MAX_BODY = 4_000_000  # bytes; larger requests are refused before they are read
ERRORS: dict[int | str, dict[str, Any]] = {s: {"model": ErrorOut} for s in (401, 403, 404, 409, 413, 422, 429, 500)}
STATUS = [(TextTooLongError, 413), (AuthenticationError, 401), (CsrfError, 403), (PermissionDeniedError, 403),
          (NotFoundError, 404), (ConflictError, 409), (RateLimitedError, 429), (InputError, 422),
          (BackendError, 503)]


def _error(status: int, code: str, message: str, fields: list[dict] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    return JSONResponse(status_code=status, content={"error": body})


def _status_of(exc: AttunementError) -> int:
    return next((status for cls, status in STATUS if isinstance(exc, cls)), 500)


class Jobs:
    """Review jobs run on a small thread pool; results are kept in memory until read."""

    def __init__(self, workers: int = 1, keep: int = 200) -> None:
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="review-job")
        self.jobs: dict[str, dict[str, Any]] = {}
        self.keep = keep
        self.lock = threading.Lock()

    def submit(self, fn: Any, owner: str = "") -> str:
        job_id = uuid.uuid4().hex
        with self.lock:
            if len(self.jobs) >= self.keep:  # forget the oldest finished job
                for k, v in list(self.jobs.items()):
                    if v["status"] in ("done", "failed"):
                        del self.jobs[k]
                        break
            self.jobs[job_id] = {"id": job_id, "status": "queued", "owner": owner}

        def run() -> None:
            self.jobs[job_id]["status"] = "running"
            try:
                result = fn()
                self.jobs[job_id].update(status="done", result=result)
            except AttunementError as exc:
                self.jobs[job_id].update(status="failed", error={"code": exc.code, "message": exc.message})
            except Exception:  # noqa: BLE001 - reported as a failed job, never as a trace
                log.exception("review job failed")
                self.jobs[job_id].update(status="failed", error={"code": "E500", "message": "internal error"})

        self.pool.submit(run)
        return job_id


def create_app(pipeline: Pipeline | None = None, locale: str | None = None, store: Any = None,
               config: ServiceConfig | None = None) -> FastAPI:
    """The service. `store` is a `Store` (default: the local SQLite one under ATTUNE_HOME)."""
    from ..coach import Coach
    from ..store.repository import Store

    pipe = pipeline or Pipeline(locale=locale)
    store = store or Store()
    config = config or ServiceConfig.from_env()
    guard = Guard(store, config, RateLimiter())
    analyse = Depends(guard.scope("analyse"))
    coaches: dict[tuple[bool, int, str | None, int], Coach] = {}  # each keeps its phrase encodings warm
    jobs = Jobs()
    app = FastAPI(title="attunement", version=__version__, openapi_url="/api/v1/openapi.json",
                  docs_url="/api/v1/docs", redoc_url=None,
                  description="Measure, explain and coach empathy — offline. Errors: {error: {code, message}}.")
    state = {"ready": False}

    def coach_for(live: bool, seed: int, register: str | None, top_k: int) -> Coach:
        key = (live, seed, register, top_k)
        if key not in coaches:
            if len(coaches) >= 32:
                coaches.pop(next(iter(coaches)))
            coaches[key] = Coach(pipe, exact=not live, seed=seed, register=register, top_k=top_k)
        return coaches[key]

    @app.middleware("http")
    async def limits_and_logs(request: Request, call_next: Any) -> Any:
        t0 = time.perf_counter()
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            response = _error(413, "E003", f"The request body is over {MAX_BODY:,} bytes.")
        else:
            try:
                response = await call_next(request)
            except Exception:  # noqa: BLE001 - the client gets a code, the log gets the trace
                log.exception("unhandled error")
                response = _error(500, "E500", "internal error")
        log.info(json.dumps({"method": request.method, "path": request.url.path, "status": response.status_code,
                             "ms": round((time.perf_counter() - t0) * 1000, 1)}))
        return response

    @app.exception_handler(AttunementError)
    async def on_attunement_error(request: Request, exc: AttunementError) -> JSONResponse:
        response = _error(_status_of(exc), exc.code, exc.message)
        if isinstance(exc, RateLimitedError):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    from sqlalchemy.exc import DataError

    @app.exception_handler(DataError)
    async def on_data_error(request: Request, exc: DataError) -> JSONResponse:
        return _error(422, "E001", "A value could not be stored (it holds characters the database refuses).")

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [{"loc": [str(x) for x in e.get("loc", ())], "message": e.get("msg", "")} for e in exc.errors()]
        return _error(422, "E400", "The request does not match the API's schema.", fields)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "E404", 405: "E405"}.get(exc.status_code, f"E{exc.status_code}")
        return _error(exc.status_code, code, str(exc.detail))

    @app.get("/api/v1/health", tags=["service"])
    def health() -> dict[str, str]:
        """The process is up."""
        return {"status": "ok", "version": __version__}

    @app.get("/api/v1/ready", tags=["service"], responses={503: {"model": ErrorOut}})
    def ready() -> Any:
        """The models are loaded and the service can answer."""
        if not state["ready"]:
            try:
                pipe.warm()
                state["ready"] = True
            except AttunementError as exc:
                return _error(503, exc.code, exc.message)
        return {"status": "ready", "versions": pipe.versions}

    @app.post("/api/v1/score", response_model=ReplyAnalysis, tags=["analysis"], responses=ERRORS)
    def score(body: PairIn, _p: Principal = analyse) -> ReplyAnalysis:
        """Empathy of one reply to one post, with the seeker's emotions and risk."""
        return pipe.analyze_reply(body.seeker_post, body.response, id=body.id)

    @app.post("/api/v1/score/batch", response_model=BatchOut, tags=["analysis"], responses=ERRORS)
    def score_batch(body: PairBatchIn, _p: Principal = analyse) -> BatchOut:
        """Up to 100 pairs at once."""
        return BatchOut(results=[pipe.analyze_reply(i.seeker_post, i.response, id=i.id) for i in body.items])

    @app.post("/api/v1/coach", response_model=CoachResult, tags=["analysis"], responses=ERRORS)
    def coach(body: CoachIn, _p: Principal = analyse) -> CoachResult:
        """Feedback and rewrites for a reply or a draft (live=true while typing)."""
        c = coach_for(body.live, body.seed, body.reply_register, body.top_k)
        return c.coach(body.seeker_post, body.response, id=body.id, context_level=body.context_level)

    @app.post("/api/v1/risk", response_model=RiskAnalysis, tags=["analysis"], responses=ERRORS)
    def risk(body: RiskIn, _p: Principal = analyse) -> RiskAnalysis:
        """Risk of self-harm or suicide in one message, with evidence and reasons."""
        return pipe.assess_risk(body.text, id=body.id, context_level=body.context_level)

    @app.post("/api/v1/code", response_model=CodeOut, tags=["analysis"], responses=ERRORS)
    def code(body: CodeIn, _p: Principal = analyse) -> CodeOut:
        """A helper utterance's behaviour code, or a client utterance's talk type."""
        result = pipe.code_utterance(body.text, body.role, body.context)
        return CodeOut(role=body.role, **({"code": result} if body.role == "helper" else {"talk_type": result}))

    def _review(body: ReviewIn) -> ReviewReport:
        from ..io.transcripts import parse_transcript

        transcript = parse_transcript(body.transcript, body.format, source=body.id or "<request>")
        from ..review import review_transcript

        return review_transcript(pipe, transcript, body.helpers, None, id=body.id)

    @app.post("/api/v1/review", response_model=ReviewReport, tags=["review"], responses=ERRORS)
    def review(body: ReviewIn, _p: Principal = analyse) -> Any:
        """Review a session transcript now (up to 200,000 characters; larger: /review/jobs)."""
        if len(body.transcript) > SYNC_TRANSCRIPT:
            return _error(413, "E003", f"Transcripts over {SYNC_TRANSCRIPT:,} characters are reviewed as jobs: "
                          "POST /api/v1/review/jobs, then GET /api/v1/review/jobs/{id}.")
        return _review(body)

    @app.post("/api/v1/review/jobs", response_model=JobOut, status_code=202, tags=["review"], responses=ERRORS)
    def review_job(body: ReviewIn, _p: Principal = analyse) -> JobOut:
        """Start reviewing a transcript of any allowed size; poll the job for the report."""
        job_id = jobs.submit(lambda: _review(body), owner=_p.user_id)
        return JobOut(id=job_id, status="queued")

    @app.get("/api/v1/review/jobs/{job_id}", response_model=JobOut, tags=["review"], responses=ERRORS)
    def review_job_status(job_id: str, p: Principal = analyse) -> Any:
        """A review job's status, and its report when done (only for whoever started it)."""
        job = jobs.jobs.get(job_id)
        if job is None or (job["owner"] != p.user_id and p.role != "admin"):
            return _error(404, "E404", "No such job (jobs are kept in memory until the service restarts).")
        return JobOut(**{k: v for k, v in job.items() if k != "owner"})

    from .routes_accounts import accounts_router
    from .routes_practice import practice_router
    from .routes_reviews import reviews_router

    app.include_router(accounts_router(store, guard, config))
    app.include_router(practice_router(store, guard, lambda: coach_for(False, 0, None, 3),
                                       lambda: coach_for(True, 0, None, 3)))
    app.include_router(reviews_router(store, guard, pipe))
    from ..web import HEADERS, mount

    mount(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    app.state.store = store
    app.state.jobs = jobs
    app.state.pipeline = pipe
    _document_security(app)
    return app


def _document_security(app: FastAPI) -> None:
    """Publish both ways in: the session cookie and bearer API keys."""
    base = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = base()
        schema.setdefault("components", {})["securitySchemes"] = {
            "apiKey": {"type": "http", "scheme": "bearer", "description": "An API key (atk_…) from POST /api/v1/keys."},
            "session": {"type": "apiKey", "in": "cookie", "name": "attune_session",
                        "description": "The browser session from POST /api/v1/auth/login; changes also need the "
                                       "X-CSRF-Token header."}}
        open_paths = {"/api/v1/health", "/api/v1/ready", "/api/v1/auth/signup", "/api/v1/auth/login"}
        for path, ops in schema.get("paths", {}).items():
            if path in open_paths:
                continue
            for op in ops.values():
                op["security"] = [{"apiKey": []}, {"session": []}]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
