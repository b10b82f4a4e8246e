"""Practice: scenarios, sessions with a simulated client, live feedback on a draft,
the debrief, and progress (a person's, and a cohort's with CSV export)."""
from __future__ import annotations

import csv
import io
from typing import Any, Callable

from fastapi import APIRouter, Depends, Response
from fastapi.responses import HTMLResponse

from ..errors import ConflictError, InputError, PermissionDeniedError
from ..model import CoachResult
from ..practice.progress import weekly
from ..practice.scenario import check
from ..practice.session import Practice
from ..store.accounts import Principal
from .schemas import Deleted, DraftIn, ErrorOut, error_responses, ReplyIn, ScenarioIn, SessionIn
from .security import Guard

ERR: dict[int | str, dict[str, Any]] = {s: {"model": ErrorOut} for s in (401, 403, 404, 409, 422, 429)}
CSV_FIELDS = ("user_id", "name", "email", "week", "replies", "sessions", "reviews", "mean_empathy",
              "emotional_reactions", "interpretations", "explorations", "roadblocks_per_reply", "protocol_followed",
              "reflection_to_question", "percent_open_questions", "percent_complex_reflections")


def practice_router(store: Any, guard: Guard, exact_coach: Callable[[], Any], live_coach: Callable[[], Any]) -> APIRouter:
    r = APIRouter(prefix="/api/v1", responses=ERR)
    practise = Depends(guard.scope("practice"))
    read = Depends(guard.scope("read"))
    state: dict[str, Practice] = {}

    def practice() -> Practice:
        if "p" not in state:
            state["p"] = Practice(store, exact_coach(), live_coach())
        return state["p"]

    # ---- scenarios --------------------------------------------------------------------------
    @r.get("/scenarios", tags=["practice"])
    def scenarios(p: Principal = read) -> list[dict[str, Any]]:
        """Every scenario (bundled and added by trainers), without its script."""
        return [sc.public() for sc in practice().scenarios().values()]

    @r.get("/scenarios/{scenario_id}", tags=["practice"])
    def scenario(scenario_id: str, p: Principal = read) -> dict[str, Any]:
        """A scenario's description; supervisors and admins also get the whole script."""
        sc = practice().scenario(scenario_id)
        out = sc.public()
        if p.role in ("supervisor", "admin"):
            out["script"] = sc.model_dump(mode="json", by_alias=True)
        return out

    @r.post("/scenarios", status_code=201, tags=["practice"])
    def add_scenario(body: ScenarioIn, p: Principal = read) -> dict[str, Any]:
        """Add a scenario file (supervisors and admins); every mistake is explained."""
        if p.role not in ("supervisor", "admin"):
            raise PermissionDeniedError("Only supervisors and admins can add scenarios.")
        sc, problems = check(body.source)
        if problems or sc is None:
            raise InputError("The scenario has problems: " + "; ".join(str(x) for x in problems[:20]))
        if sc.id in practice().scenarios():
            raise ConflictError(f"A scenario {sc.id!r} already exists.")
        store.records.add_scenario(p, sc.id, body.source)
        return sc.public()

    @r.delete("/scenarios/{scenario_id}", response_model=Deleted, tags=["practice"])
    def delete_scenario(scenario_id: str, p: Principal = read) -> Deleted:
        store.records.delete_scenario(p, scenario_id)
        return Deleted(deleted=scenario_id)

    # ---- sessions ---------------------------------------------------------------------------
    @r.get("/sessions", tags=["practice"])
    def sessions(user_id: str | None = None, p: Principal = read) -> list[dict[str, Any]]:
        """Your practice sessions (supervisors: also their cohort's; admins: all)."""
        return store.records.list_practice(p, user_id)

    @r.post("/sessions", status_code=201, tags=["practice"])
    def start(body: SessionIn, p: Principal = practise) -> dict[str, Any]:
        """Start a scenario; the answer holds the client's first message."""
        return practice().start(p, body.scenario_id)

    @r.get("/sessions/{session_id}", tags=["practice"])
    def session(session_id: str, p: Principal = read) -> dict[str, Any]:
        return practice().view(p, session_id)

    @r.post("/sessions/{session_id}/feedback", response_model=CoachResult, tags=["practice"])
    def feedback(session_id: str, body: DraftIn, p: Principal = practise) -> CoachResult:
        """Live feedback on a draft while it is typed (nothing is stored)."""
        return practice().feedback(p, session_id, body.text)

    @r.post("/sessions/{session_id}/replies", tags=["practice"])
    def reply(session_id: str, body: ReplyIn, p: Principal = practise) -> dict[str, Any]:
        """Send a reply; the client answers according to what it did."""
        return practice().reply(p, session_id, body.text)

    @r.post("/sessions/{session_id}/finish", tags=["practice"])
    def finish(session_id: str, p: Principal = practise) -> dict[str, Any]:
        return practice().finish(p, session_id)

    @r.get("/sessions/{session_id}/debrief", tags=["practice"])
    def debrief(session_id: str, p: Principal = read) -> dict[str, Any]:
        """The review of the session and what to practise next."""
        return practice().debrief(p, session_id)

    @r.get("/sessions/{session_id}/report.html", response_class=HTMLResponse, tags=["practice"],
           responses=error_responses(401, 403, 404, 409, 422, 429))
    def debrief_html(session_id: str, p: Principal = read) -> HTMLResponse:
        """The session's review as the standalone HTML report."""
        from ..model import ReviewReport
        from ..report_html import render_html

        report = ReviewReport.model_validate(practice().debrief(p, session_id)["report"])
        return HTMLResponse(render_html(report))

    @r.delete("/sessions/{session_id}", response_model=Deleted, tags=["practice"])
    def delete_session(session_id: str, p: Principal = practise) -> Deleted:
        store.records.delete_practice(p, session_id)
        return Deleted(deleted=session_id)

    # ---- progress ---------------------------------------------------------------------------
    @r.get("/progress/{user_id}", tags=["progress"])
    def progress(user_id: str, p: Principal = read) -> dict[str, Any]:
        """Weekly figures for one person: theirs, their supervisor's view, or an admin's."""
        return weekly(store.records.metrics_rows(p, user_id))

    def cohort_rows(p: Principal, cohort_id: str) -> list[dict[str, Any]]:
        cohort = store.records.get_cohort(p, cohort_id)
        out = []
        for uid in cohort["members"]:
            u = store.records.get_user(p, uid)
            prog = weekly(store.records.metrics_rows(p, uid))
            out.append({"user": u, "progress": prog})
        return out

    @r.get("/cohorts/{cohort_id}/progress", tags=["cohorts"])
    def cohort_progress(cohort_id: str, p: Principal = read) -> list[dict[str, Any]]:
        """Every trainee in the cohort, per week (the supervisor's or an admin's view)."""
        return cohort_rows(p, cohort_id)

    @r.get("/cohorts/{cohort_id}/progress.csv", tags=["cohorts"], response_class=Response,
           responses={200: {"content": {"text/csv": {}}}, **error_responses(401, 403, 404, 422, 429)})
    def cohort_csv(cohort_id: str, p: Principal = read) -> Response:
        """The same as CSV, one row per trainee and week."""
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore")
        w.writeheader()
        for row in cohort_rows(p, cohort_id):
            for wk in row["progress"]["weeks"]:
                w.writerow({"user_id": row["user"]["id"], "name": row["user"]["name"], "email": row["user"]["email"],
                            **wk})
        return Response(buf.getvalue(), media_type="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="cohort-{cohort_id}.csv"'})

    return r
