"""Stored reviews: a transcript is redacted first, then reviewed, then stored encrypted;
the report can be read back as JSON or as the HTML report."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import HTMLResponse

from ..errors import BackendError, ConfigError
from ..io.transcripts import parse_transcript
from ..review import review_transcript
from ..store.accounts import Principal
from .schemas import Deleted, ErrorOut, StoredReviewIn, error_responses
from .security import Guard

ERR: dict[int | str, dict[str, Any]] = {s: {"model": ErrorOut} for s in (401, 403, 404, 409, 413, 422, 429)}


def review_metrics(report: Any) -> dict[str, Any]:
    """The numbers dashboards need (no words)."""
    s = report.summary
    client = [t.intensity for t in report.turns if t.role == "client" and t.intensity is not None]
    return {"mean_empathy": s.mean_empathy, "reflection_to_question": s.reflection_to_question,
            "percent_open_questions": s.percent_open_questions,
            "percent_complex_reflections": s.percent_complex_reflections, "highest_risk": s.highest_risk,
            "roadblocks": sum(s.roadblocks.values()), "helper_turns": s.helper_turns, "client_turns": s.client_turns,
            "client_intensity": round(sum(client) / len(client), 3) if client else None}


def reviews_router(store: Any, guard: Guard, pipe: Any) -> APIRouter:
    r = APIRouter(prefix="/api/v1", responses=ERR)
    scope = Depends(guard.scope("reviews"))
    read = Depends(guard.scope("read"))

    @r.post("/reviews", status_code=201, tags=["review"])
    def create(body: StoredReviewIn, p: Principal = scope) -> dict[str, Any]:
        """Review a transcript and keep it: PII is redacted before the analysis, so neither
        the stored transcript nor the report's quotes hold it."""
        clean = store.redactor(body.transcript)
        transcript = parse_transcript(clean, body.format, source=body.title or "upload")
        report = review_transcript(pipe, transcript, body.helpers, None)
        data = report.model_dump(mode="json")
        rid = store.records.save_review(p, body.title or "Untitled session", clean, data, review_metrics(report))
        return {"id": rid, "report": data}

    @r.get("/reviews", tags=["review"])
    def reviews(user_id: str | None = None, p: Principal = read) -> list[dict[str, Any]]:
        """Your stored reviews (supervisors: also their cohort's; admins: all)."""
        return store.records.list_reviews(p, user_id)

    @r.get("/reviews/{review_id}", tags=["review"])
    def get(review_id: str, p: Principal = read) -> dict[str, Any]:
        return store.records.review(p, review_id)

    @r.get("/reviews/{review_id}/report.html", response_class=HTMLResponse, tags=["review"],
           responses=error_responses(401, 403, 404, 422, 429))
    def html(review_id: str, p: Principal = read) -> HTMLResponse:
        """The review as the standalone HTML report (save it, or print it to PDF)."""
        from ..model import ReviewReport
        from ..report_html import render_html

        data = store.records.review(p, review_id)
        return HTMLResponse(render_html(ReviewReport.model_validate(data["report"])),
                            headers={"Content-Disposition": f'inline; filename="review-{review_id}.html"'})

    @r.get("/reviews/{review_id}/report.pdf", response_class=Response, tags=["review"],
           responses={200: {"content": {"application/pdf": {}}}, **error_responses(401, 403, 404, 422, 429, 503)})
    def pdf(review_id: str, p: Principal = read) -> Response:
        """The HTML report printed to PDF by the local headless Chromium."""
        import tempfile
        from pathlib import Path

        from ..model import ReviewReport
        from ..report_html import html_to_pdf, render_html

        data = store.records.review(p, review_id)
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "report.pdf"
            try:
                html_to_pdf(render_html(ReviewReport.model_validate(data["report"])), out)
            except ConfigError as exc:
                raise BackendError(exc.message) from None
            body = out.read_bytes()
        return Response(body, media_type="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="review-{review_id}.pdf"'})

    @r.delete("/reviews/{review_id}", response_model=Deleted, tags=["review"])
    def delete(review_id: str, p: Principal = scope) -> Deleted:
        store.records.delete_review(p, review_id)
        return Deleted(deleted=review_id)

    return r
