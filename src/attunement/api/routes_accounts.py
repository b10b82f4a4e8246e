"""Sign-up, sign-in and out, API keys, users (admin) and cohorts."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response

from ..errors import AuthenticationError, PermissionDeniedError
from ..store.accounts import Principal
from ..store.records import user_view
from ..store.tables import ApiKey
from .schemas import (CohortIn, CohortOut, Deleted, ErrorOut, KeyCreatedOut, KeyIn, KeyOut, LoginIn, MeOut, PasswordIn,
                      SignupIn, UserIn, UserOut, UserPatch)
from .security import COOKIE, CSRF_COOKIE, Guard, ServiceConfig, client_ip

ERR: dict[int | str, dict[str, Any]] = {s: {"model": ErrorOut} for s in (401, 403, 404, 409, 422, 429)}


def _key_view(k: ApiKey) -> dict[str, Any]:
    return {"id": k.id, "name": k.name, "prefix": k.prefix, "scopes": k.scopes.split(","),
            "created_at": k.created_at.isoformat(), "last_used": k.last_used.isoformat() if k.last_used else None,
            "revoked": k.revoked_at is not None}


def accounts_router(store: Any, guard: Guard, config: ServiceConfig) -> APIRouter:
    r = APIRouter(prefix="/api/v1", responses=ERR)
    user = Depends(guard.principal)
    read = Depends(guard.scope("read"))

    def set_cookies(response: Response, token: str, csrf: str) -> None:
        age = config.absolute_hours * 3600
        response.set_cookie(COOKIE, token, max_age=age, httponly=True, samesite="lax", secure=config.secure_cookies,
                            path="/")
        response.set_cookie(CSRF_COOKIE, csrf, max_age=age, httponly=False, samesite="strict",
                            secure=config.secure_cookies, path="/")

    def me_of(p: Principal) -> MeOut:
        u = store.accounts.get_user(p.user_id)
        return MeOut(user=UserOut(**user_view(u, p.cohort_id)), csrf_token=p.csrf, scopes=list(p.scopes), via=p.via)

    @r.post("/auth/signup", response_model=MeOut, status_code=201, tags=["accounts"])
    def signup(body: SignupIn, request: Request, response: Response) -> MeOut:
        """Create a trainee account and sign in (when the deployment allows sign-up)."""
        guard.anonymous(request)
        if not config.allow_signup:
            raise PermissionDeniedError("Sign-up is closed here; ask an admin for an account.")
        u = store.accounts.create_user(body.email, body.password, name=body.name, role="trainee", actor="signup")
        token, csrf = store.accounts.start_session(u, replaces=request.cookies.get(COOKIE))
        set_cookies(response, token, csrf)
        return me_of(store.accounts.session_principal(token))

    @r.post("/auth/login", response_model=MeOut, tags=["accounts"])
    def login(body: LoginIn, request: Request, response: Response) -> MeOut:
        """Sign in: a new session id every time (the old cookie's session ends)."""
        guard.anonymous(request)
        u = store.accounts.authenticate(body.email, body.password, client_ip(request))
        token, csrf = store.accounts.start_session(u, replaces=request.cookies.get(COOKIE))
        set_cookies(response, token, csrf)
        return me_of(store.accounts.session_principal(token))

    @r.post("/auth/logout", status_code=204, tags=["accounts"])
    def logout(request: Request, response: Response, p: Principal = user) -> Response:
        """End this browser session."""
        token = request.cookies.get(COOKIE)
        if token:
            store.accounts.end_session(token)
        out = Response(status_code=204)
        out.delete_cookie(COOKIE, path="/")
        out.delete_cookie(CSRF_COOKIE, path="/")
        return out

    @r.get("/auth/me", response_model=MeOut, tags=["accounts"])
    def me(p: Principal = user) -> MeOut:
        """Who is signed in, their scopes and the CSRF token."""
        return me_of(p)

    @r.post("/auth/password", status_code=204, tags=["accounts"])
    def password(body: PasswordIn, request: Request, p: Principal = user) -> Response:
        """Change your password; every session of yours ends, so sign in again."""
        u = store.accounts.get_user(p.user_id)
        try:
            store.accounts.authenticate(u.email, body.current, client_ip(request))
        except AuthenticationError:
            raise AuthenticationError("The current password is not right.") from None
        store.accounts.set_password(p.user_id, body.new, actor=f"user:{p.user_id}")
        return Response(status_code=204)

    # ---- API keys ---------------------------------------------------------------------------
    @r.get("/keys", response_model=list[KeyOut], tags=["accounts"])
    def keys(p: Principal = user) -> list[dict[str, Any]]:
        """Your API keys (never the keys themselves)."""
        return [_key_view(k) for k in store.accounts.list_api_keys(p.user_id)]

    @r.post("/keys", response_model=KeyCreatedOut, status_code=201, tags=["accounts"])
    def new_key(body: KeyIn, p: Principal = user) -> dict[str, Any]:
        """A new key for a machine client, shown once. Scopes cannot exceed your role's."""
        if p.via == "api_key":
            raise PermissionDeniedError("API keys are created from a signed-in session, not with another key.")
        secret, key = store.accounts.create_api_key(p.user_id, body.name, list(body.scopes))
        return {**_key_view(key), "key": secret}

    @r.delete("/keys/{key_id}", status_code=204, tags=["accounts"])
    def revoke_key(key_id: str, p: Principal = user) -> Response:
        """Revoke one of your keys (at once)."""
        store.accounts.revoke_api_key(p.user_id, key_id, actor=f"user:{p.user_id}")
        return Response(status_code=204)

    # ---- users ----------------------------------------------------------------------------
    @r.get("/users", response_model=list[UserOut], tags=["users"])
    def users(p: Principal = read) -> list[dict[str, Any]]:
        """Admins: everyone. Supervisors: their cohorts and themselves. Trainees: themselves."""
        return store.records.list_users(p)

    @r.post("/users", response_model=UserOut, status_code=201, tags=["users"])
    def create_user(body: UserIn, p: Principal = read) -> dict[str, Any]:
        """Admins create accounts of any role."""
        if p.role != "admin" or not p.has("admin"):
            raise PermissionDeniedError("Only an admin can create accounts.")
        u = store.accounts.create_user(body.email, body.password, name=body.name, role=body.role,
                                       cohort_id=body.cohort_id, actor=f"user:{p.user_id}")
        return user_view(u, body.cohort_id)

    @r.get("/users/{user_id}", response_model=UserOut, tags=["users"])
    def get_user(user_id: str, p: Principal = read) -> dict[str, Any]:
        return store.records.get_user(p, user_id)

    @r.patch("/users/{user_id}", response_model=UserOut, tags=["users"])
    def patch_user(user_id: str, body: UserPatch, p: Principal = read) -> dict[str, Any]:
        """Admins change a role or a cohort."""
        if not p.has("admin"):
            raise PermissionDeniedError("Only an admin can change accounts.")
        return store.records.update_user(p, user_id, role=body.role, cohort_id=body.cohort_id,
                                         clear_cohort=body.clear_cohort)

    @r.get("/users/{user_id}/export", tags=["users"])
    def export_user(user_id: str, p: Principal = read) -> dict[str, Any]:
        """Everything stored about one person (admins, or the person)."""
        return store.records.export_user(p, user_id)

    @r.delete("/users/{user_id}", response_model=Deleted, tags=["users"])
    def delete_user(user_id: str, p: Principal = read) -> Deleted:
        """Hard-delete one person's account and work; the audit entry stays."""
        counts = store.records.delete_user(p, user_id)
        return Deleted(deleted=user_id, counts=counts)

    # ---- cohorts --------------------------------------------------------------------------
    @r.get("/cohorts", response_model=list[CohortOut], tags=["cohorts"])
    def cohorts(p: Principal = read) -> list[dict[str, Any]]:
        return store.records.list_cohorts(p)

    @r.post("/cohorts", response_model=CohortOut, status_code=201, tags=["cohorts"])
    def new_cohort(body: CohortIn, p: Principal = read) -> dict[str, Any]:
        if not p.has("admin"):
            raise PermissionDeniedError("Only an admin can create cohorts.")
        return store.records.create_cohort(p, body.name, body.supervisor_id)

    @r.get("/cohorts/{cohort_id}", response_model=CohortOut, tags=["cohorts"])
    def cohort(cohort_id: str, p: Principal = read) -> dict[str, Any]:
        return store.records.get_cohort(p, cohort_id)

    return r
