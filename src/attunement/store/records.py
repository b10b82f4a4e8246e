"""Reading and writing people's work: cohorts, practice sessions and their turns, stored
reviews, trainers' scenarios — every call takes the Principal asking, checks what their
role and ownership allow, redacts and encrypts text on the way in, decrypts on the way
out, and leaves an audit entry. Also one person's export and hard delete."""
from __future__ import annotations

import random
import time
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError as SqlIntegrityError

from ..errors import ConflictError, InputError, PermissionDeniedError
from .accounts import Principal
from .tables import (ROLES, ApiKey, Cohort, CohortMember, PracticeSession, PracticeTurn, Review, Scenario, User,
                     WebSession, new_id, utcnow)

if TYPE_CHECKING:
    from .repository import Store


def _actor(p: Principal) -> str:
    return f"user:{p.user_id}"


def _need_admin(p: Principal) -> None:
    if p.role != "admin":
        raise PermissionDeniedError("Only an admin can do this.")


def user_view(u: User, cohort_id: str | None) -> dict[str, Any]:
    return {"id": u.id, "email": u.email, "name": u.name, "role": u.role, "cohort_id": cohort_id,
            "created_at": u.created_at.isoformat()}


class Records:
    def __init__(self, store: "Store") -> None:
        self.store = store

    # ---- users and cohorts (admin; supervisors read their own cohorts) -------------------
    def list_users(self, p: Principal) -> list[dict[str, Any]]:
        with self.store.session() as s:
            if p.role == "admin":
                users = list(s.scalars(select(User).order_by(User.created_at)))
            elif p.role == "supervisor":
                ids = self.store.supervised_ids(s, p.user_id) + [p.user_id]
                users = list(s.scalars(select(User).where(User.id.in_(ids)).order_by(User.created_at)))
            else:
                users = [u for u in [s.get(User, p.user_id)] if u]
            members = {m.user_id: m.cohort_id for m in s.scalars(select(CohortMember))}
        self.store.audit(_actor(p), "read", "users", {"count": len(users)})
        return [user_view(u, members.get(u.id)) for u in users]

    def get_user(self, p: Principal, user_id: str) -> dict[str, Any]:
        with self.store.session() as s:
            user = self.store.require(s, User, user_id, "No such user.")
            self.store.check_owner(s, p, user_id)
            member = s.get(CohortMember, user_id)
        self.store.audit(_actor(p), "read", f"user:{user_id}", {})
        return user_view(user, member.cohort_id if member else None)

    def update_user(self, p: Principal, user_id: str, *, role: str | None = None,
                    cohort_id: str | None = None, clear_cohort: bool = False) -> dict[str, Any]:
        _need_admin(p)
        with self.store.session() as s:
            user = self.store.require(s, User, user_id, "No such user.")
            if role is not None:
                if role not in ROLES:
                    raise InputError(f"The role must be one of {', '.join(ROLES)}. Got {role!r} instead.")
                user.role = role
            if clear_cohort:
                s.execute(delete(CohortMember).where(CohortMember.user_id == user_id))
            elif cohort_id is not None:
                self.store.require_cohort(s, cohort_id)
                s.merge(CohortMember(user_id=user_id, cohort_id=cohort_id))
            s.commit()
            member = s.get(CohortMember, user_id)
        self.store.audit(_actor(p), "update", f"user:{user_id}", {"role": role, "cohort": cohort_id})
        return user_view(user, member.cohort_id if member else None)

    def create_cohort(self, p: Principal, name: str, supervisor_id: str | None) -> dict[str, Any]:
        _need_admin(p)
        with self.store.session() as s:
            if supervisor_id is not None:
                sup = s.get(User, supervisor_id)
                if sup is None or sup.role not in ("supervisor", "admin"):
                    raise InputError("A cohort's supervisor must be a user with the supervisor or admin role.")
            cohort = Cohort(name=name.strip()[:120] or "cohort", supervisor_id=supervisor_id)
            s.add(cohort)
            s.commit()
        self.store.audit(_actor(p), "create", f"cohort:{cohort.id}", {})
        return self._cohort_view(cohort, [])

    @staticmethod
    def _cohort_view(c: Cohort, members: list[str]) -> dict[str, Any]:
        return {"id": c.id, "name": c.name, "supervisor_id": c.supervisor_id, "members": members,
                "created_at": c.created_at.isoformat()}

    def list_cohorts(self, p: Principal) -> list[dict[str, Any]]:
        with self.store.session() as s:
            q = select(Cohort).order_by(Cohort.created_at)
            if p.role == "supervisor":
                q = q.where(Cohort.supervisor_id == p.user_id)
            elif p.role != "admin":
                q = q.where(Cohort.id == (p.cohort_id or ""))
            cohorts = list(s.scalars(q))
            out = [self._cohort_view(c, list(s.scalars(select(CohortMember.user_id)
                                                       .where(CohortMember.cohort_id == c.id)))) for c in cohorts]
        return out

    def get_cohort(self, p: Principal, cohort_id: str) -> dict[str, Any]:
        with self.store.session() as s:
            c = self.store.require(s, Cohort, cohort_id, "No such cohort.")
            if not (p.role == "admin" or c.supervisor_id == p.user_id):
                raise PermissionDeniedError("Only the cohort's supervisor or an admin can see a cohort.")
            members = list(s.scalars(select(CohortMember.user_id).where(CohortMember.cohort_id == c.id)))
        self.store.audit(_actor(p), "read", f"cohort:{cohort_id}", {})
        return self._cohort_view(c, members)

    # ---- practice sessions --------------------------------------------------------------
    def start_practice(self, p: Principal, scenario_id: str, node: str) -> PracticeSession:
        row = PracticeSession(id=new_id(), user_id=p.user_id, scenario_id=scenario_id, node=node)
        with self.store.session() as s:
            s.add(row)
            s.commit()
        self.store.audit(_actor(p), "create", f"practice:{row.id}", {"scenario": scenario_id})
        return row

    def practice_row(self, p: Principal, session_id: str, *, write: bool = False) -> PracticeSession:
        with self.store.session() as s:
            row = self.store.require(s, PracticeSession, session_id, "No such practice session.")
            self.store.check_owner(s, p, row.user_id, write=write)
            return row

    def client_risks(self, p: Principal, session_id: str) -> tuple[PracticeSession, list[str]]:
        """The session row and the risk levels of its client turns (plain metrics: no text
        is read, so nothing to decrypt or audit) — what live feedback needs per keystroke."""
        with self.store.session() as s:
            row = self.store.require(s, PracticeSession, session_id, "No such practice session.")
            self.store.check_owner(s, p, row.user_id)
            metrics = s.scalars(select(PracticeTurn.metrics).where(PracticeTurn.session_id == session_id,
                                                                   PracticeTurn.role == "client"))
            return row, [m.get("risk", "none") for m in metrics if m]

    def add_turn(self, p: Principal, session_id: str, speaker: str, role: str, text: str,
                 analysis: dict[str, Any] | None = None, metrics: dict[str, Any] | None = None,
                 move_to: str | None = None, outcome: str | None = None, redact: bool = True) -> int:
        """Append one turn (redacted, encrypted) and optionally move the script on, in
        one transaction; concurrent writers to one session each get their own index."""
        with self.store.write_lock():
            return self._add_turn(p, session_id, speaker, role, text, analysis, metrics, move_to, outcome, redact)

    def _add_turn(self, p: Principal, session_id: str, speaker: str, role: str, text: str,
                  analysis: dict[str, Any] | None, metrics: dict[str, Any] | None, move_to: str | None,
                  outcome: str | None, redact: bool) -> int:
        for attempt in range(50):
            with self.store.session() as s:
                # PostgreSQL: the session row is locked, so its writers take turns; SQLite
                # serialises writers itself and the unique index catches a stale read
                row = self.store.require(s, PracticeSession, session_id, "No such practice session.",
                                         with_for_update=True)
                self.store.check_owner(s, p, row.user_id, write=True)
                if row.status != "active":
                    raise ConflictError("This practice session has ended.")
                idx = (s.scalar(select(func.max(PracticeTurn.idx)).where(PracticeTurn.session_id == session_id))
                       or 0) + 1
                tid = new_id()
                clean = self.store.redactor(text) if redact else text  # scripted client lines are fiction
                s.add(PracticeTurn(id=tid, session_id=session_id, idx=idx, speaker=speaker, role=role,
                                   text_enc=self.store.seal("practice_turns", tid, "text", clean),
                                   analysis_enc=(self.store.seal_json("practice_turns", tid, "analysis", analysis)
                                                 if analysis is not None else None),
                                   metrics=metrics))
                if move_to is not None:
                    row.node = move_to
                if outcome is not None:
                    row.status, row.outcome, row.ended_at = "ended", outcome, utcnow()
                try:
                    s.commit()
                except SqlIntegrityError:
                    s.rollback()
                    time.sleep(random.uniform(0, 0.01 * (attempt + 1)))  # another writer took this index
                    continue
            self.store.audit(_actor(p), "create", f"practice:{session_id}:turn:{idx}", {"role": role})
            return idx
        raise ConflictError("The session is being written by many clients at once; please retry.")

    def end_practice(self, p: Principal, session_id: str, outcome: str) -> None:
        with self.store.session() as s:
            row = self.store.require(s, PracticeSession, session_id, "No such practice session.")
            self.store.check_owner(s, p, row.user_id, write=True)
            if row.status == "active":
                row.status, row.outcome, row.ended_at = "ended", outcome, utcnow()
                s.commit()
        self.store.audit(_actor(p), "update", f"practice:{session_id}", {"outcome": outcome})

    def practice(self, p: Principal, session_id: str) -> dict[str, Any]:
        """A session with its turns, decrypted."""
        with self.store.session() as s:
            row = self.store.require(s, PracticeSession, session_id, "No such practice session.")
            self.store.check_owner(s, p, row.user_id)
            turns = list(s.scalars(select(PracticeTurn).where(PracticeTurn.session_id == session_id)
                                   .order_by(PracticeTurn.idx)))
        self.store.audit(_actor(p), "read", f"practice:{session_id}", {})
        return {"id": row.id, "user_id": row.user_id, "scenario_id": row.scenario_id, "node": row.node,
                "status": row.status, "outcome": row.outcome, "started_at": row.started_at.isoformat(),
                "ended_at": row.ended_at.isoformat() if row.ended_at else None,
                "turns": [{"index": t.idx, "speaker": t.speaker, "role": t.role,
                           "text": self.store.open("practice_turns", t.id, "text", t.text_enc),
                           "analysis": (self.store.open_json("practice_turns", t.id, "analysis", t.analysis_enc)
                                        if t.analysis_enc else None),
                           "metrics": t.metrics, "at": t.created_at.isoformat()} for t in turns]}

    def _visible(self, s: Any, p: Principal, q: Any, owner_column: Any, user_id: str | None) -> Any:
        """Narrow a listing to what the caller may read: one person's (checked), or by role —
        a supervisor's own and their cohorts', a trainee's own, an admin's all."""
        if user_id is not None:
            self.store.check_owner(s, p, user_id)
            return q.where(owner_column == user_id)
        if p.role == "supervisor":
            return q.where(owner_column.in_(self.store.supervised_ids(s, p.user_id) + [p.user_id]))
        return q if p.role == "admin" else q.where(owner_column == p.user_id)

    def list_practice(self, p: Principal, user_id: str | None = None) -> list[dict[str, Any]]:
        with self.store.session() as s:
            q = self._visible(s, p, select(PracticeSession).order_by(PracticeSession.started_at.desc()),
                              PracticeSession.user_id, user_id)
            rows = list(s.scalars(q.limit(500)))
        self.store.audit(_actor(p), "read", "practice_sessions", {"count": len(rows)})
        return [{"id": r.id, "user_id": r.user_id, "scenario_id": r.scenario_id, "status": r.status,
                 "outcome": r.outcome, "started_at": r.started_at.isoformat(),
                 "ended_at": r.ended_at.isoformat() if r.ended_at else None} for r in rows]

    def delete_practice(self, p: Principal, session_id: str) -> None:
        with self.store.session() as s:
            row = self.store.require(s, PracticeSession, session_id, "No such practice session.")
            self.store.check_owner(s, p, row.user_id, delete=True)
            s.execute(delete(PracticeTurn).where(PracticeTurn.session_id == session_id))
            s.delete(row)
            s.commit()
        self.store.audit(_actor(p), "delete", f"practice:{session_id}", {})

    # ---- stored reviews -------------------------------------------------------------------
    def save_review(self, p: Principal, title: str, transcript: str, report: dict[str, Any],
                    metrics: dict[str, Any]) -> str:
        """`transcript` and `report` must already come from redacted text (the API redacts
        before it analyses, so the report's quotes hold no PII either)."""
        rid = new_id()
        with self.store.session() as s:
            s.add(Review(id=rid, user_id=p.user_id,
                         title_enc=self.store.seal("reviews", rid, "title", self.store.redactor(title)),
                         transcript_enc=self.store.seal("reviews", rid, "transcript", transcript),
                         report_enc=self.store.seal_json("reviews", rid, "report", report), metrics=metrics))
            s.commit()
        self.store.audit(_actor(p), "create", f"review:{rid}", {})
        return rid

    def review(self, p: Principal, review_id: str) -> dict[str, Any]:
        with self.store.session() as s:
            row = self.store.require(s, Review, review_id, "No such review.")
            self.store.check_owner(s, p, row.user_id)
        self.store.audit(_actor(p), "read", f"review:{review_id}", {})
        return {"id": row.id, "user_id": row.user_id, "created_at": row.created_at.isoformat(),
                "title": self.store.open("reviews", row.id, "title", row.title_enc),
                "transcript": self.store.open("reviews", row.id, "transcript", row.transcript_enc),
                "report": self.store.open_json("reviews", row.id, "report", row.report_enc), "metrics": row.metrics}

    def list_reviews(self, p: Principal, user_id: str | None = None) -> list[dict[str, Any]]:
        with self.store.session() as s:
            q = self._visible(s, p, select(Review).order_by(Review.created_at.desc()), Review.user_id, user_id)
            rows = list(s.scalars(q.limit(500)))
        self.store.audit(_actor(p), "read", "reviews", {"count": len(rows)})
        return [{"id": r.id, "user_id": r.user_id, "created_at": r.created_at.isoformat(),
                 "title": self.store.open("reviews", r.id, "title", r.title_enc), "metrics": r.metrics} for r in rows]

    def delete_review(self, p: Principal, review_id: str) -> None:
        with self.store.session() as s:
            row = self.store.require(s, Review, review_id, "No such review.")
            self.store.check_owner(s, p, row.user_id, delete=True)
            s.delete(row)
            s.commit()
        self.store.audit(_actor(p), "delete", f"review:{review_id}", {})

    # ---- trainers' scenarios ------------------------------------------------------------
    def add_scenario(self, p: Principal, scenario_id: str, source: str) -> None:
        if p.role not in ("supervisor", "admin"):
            raise PermissionDeniedError("Only supervisors and admins can add scenarios.")
        with self.store.session() as s:
            if s.get(Scenario, scenario_id) is not None:
                raise ConflictError(f"A scenario {scenario_id!r} already exists; delete it first to replace it.")
            s.add(Scenario(id=scenario_id, owner_id=p.user_id, source=source))
            s.commit()
        self.store.audit(_actor(p), "create", f"scenario:{scenario_id}", {})

    def scenario_source(self, scenario_id: str) -> str | None:
        with self.store.session() as s:
            row = s.get(Scenario, scenario_id)
            return row.source if row else None

    def scenario_sources(self) -> dict[str, str]:
        with self.store.session() as s:
            return {r.id: r.source for r in s.scalars(select(Scenario))}

    def delete_scenario(self, p: Principal, scenario_id: str) -> None:
        with self.store.session() as s:
            row = self.store.require(s, Scenario, scenario_id,
                                     f"No stored scenario {scenario_id!r} (bundled scenarios cannot be deleted).")
            if not (p.role == "admin" or row.owner_id == p.user_id):
                raise PermissionDeniedError("Only the scenario's author or an admin can delete it.")
            s.delete(row)
            s.commit()
        self.store.audit(_actor(p), "delete", f"scenario:{scenario_id}", {})

    # ---- progress (numbers only) ------------------------------------------------------------
    def metrics_rows(self, p: Principal, user_id: str, days: int = 120) -> dict[str, list[dict[str, Any]]]:
        """Every helper turn's and review's metrics with their date, for the dashboards."""
        since = utcnow() - timedelta(days=days)
        with self.store.session() as s:
            self.store.check_owner(s, p, user_id)
            turns = s.execute(select(PracticeTurn.created_at, PracticeTurn.metrics, PracticeTurn.role,
                                     PracticeSession.id, PracticeSession.scenario_id)
                              .join(PracticeSession, PracticeTurn.session_id == PracticeSession.id)
                              .where(PracticeSession.user_id == user_id, PracticeTurn.created_at >= since)
                              .order_by(PracticeTurn.created_at)).all()
            reviews = s.execute(select(Review.created_at, Review.metrics)
                                .where(Review.user_id == user_id, Review.created_at >= since)).all()
        self.store.audit(_actor(p), "read", f"progress:{user_id}", {})
        return {"turns": [{"at": t[0], "metrics": t[1] or {}, "role": t[2], "session": t[3], "scenario": t[4]}
                          for t in turns],
                "reviews": [{"at": r[0], "metrics": r[1] or {}} for r in reviews]}

    # ---- one person's data ------------------------------------------------------------------
    def export_user(self, p: Principal | None, user_id: str) -> dict[str, Any]:
        """Everything stored about one person, decrypted (admin, or the person)."""
        actor = _actor(p) if p else "system"
        with self.store.session() as s:
            if p is not None and not (p.role == "admin" or p.user_id == user_id):
                raise PermissionDeniedError("Only an admin or the person themselves can export their data.")
            user = self.store.require(s, User, user_id, "No such user.")
            member = s.get(CohortMember, user_id)
            sessions = [r.id for r in s.scalars(select(PracticeSession).where(PracticeSession.user_id == user_id))]
            reviews = [r.id for r in s.scalars(select(Review).where(Review.user_id == user_id))]
            keys = [{"id": k.id, "name": k.name, "prefix": k.prefix, "scopes": k.scopes,
                     "created_at": k.created_at.isoformat(), "revoked": k.revoked_at is not None}
                    for k in s.scalars(select(ApiKey).where(ApiKey.user_id == user_id))]
        owner = Principal(user_id, "admin", None, "system", ())
        out = {"schema": "attunement.export/1", "exported_at": utcnow().isoformat(),
               "user": user_view(user, member.cohort_id if member else None), "api_keys": keys,
               "practice_sessions": [self.practice(owner, i) for i in sessions],
               "reviews": [self.review(owner, i) for i in reviews]}
        self.store.audit(actor, "export", f"user:{user_id}", {"sessions": len(sessions), "reviews": len(reviews)})
        return out

    def delete_user(self, p: Principal | None, user_id: str) -> dict[str, int]:
        """Hard delete: the account, its sessions, keys, practice and reviews. The audit
        log keeps the entry (with the id only, no e-mail or name)."""
        actor = _actor(p) if p else "system"
        if p is not None and not (p.role == "admin" or p.user_id == user_id):
            raise PermissionDeniedError("Only an admin or the person themselves can delete their data.")
        counts: dict[str, int] = {}
        with self.store.session() as s:
            user = self.store.require(s, User, user_id, "No such user.")
            sessions = select(PracticeSession.id).where(PracticeSession.user_id == user_id)
            counts["turns"] = s.execute(delete(PracticeTurn).where(PracticeTurn.session_id.in_(sessions))).rowcount
            counts["practice_sessions"] = s.execute(delete(PracticeSession)
                                                    .where(PracticeSession.user_id == user_id)).rowcount
            counts["reviews"] = s.execute(delete(Review).where(Review.user_id == user_id)).rowcount
            counts["api_keys"] = s.execute(delete(ApiKey).where(ApiKey.user_id == user_id)).rowcount
            s.execute(delete(WebSession).where(WebSession.user_id == user_id))
            s.execute(delete(CohortMember).where(CohortMember.user_id == user_id))
            for c in s.scalars(select(Cohort).where(Cohort.supervisor_id == user_id)):
                c.supervisor_id = None
            for sc in s.scalars(select(Scenario).where(Scenario.owner_id == user_id)):
                sc.owner_id = None
            s.delete(user)
            s.commit()
        self.store.audit(actor, "delete", f"user:{user_id}", counts)
        return counts
