"""Who is calling, and may they: an API key (Authorization: Bearer atk_…) or a session
cookie; for cookie requests that change something, a same-origin check and the CSRF
token (header X-CSRF-Token, or form field csrf_token); per-caller rate limits."""
from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable

from fastapi import Request

from ..errors import AuthenticationError, CsrfError, PermissionDeniedError, RateLimitedError
from ..store.accounts import Principal

COOKIE = "attune_session"
CSRF_COOKIE = "attune_csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@dataclass(frozen=True)
class ServiceConfig:
    """What a deployment chooses about the service (see docs/api.md)."""

    secure_cookies: bool = False          # set True behind HTTPS
    allow_signup: bool = True             # trainees may create their own accounts
    rate_per_minute: int = 600            # requests per caller per minute
    anonymous_per_minute: int = 60        # sign-up / sign-in requests per address per minute
    idle_minutes: int = 30
    absolute_hours: int = 12

    @classmethod
    def from_env(cls) -> "ServiceConfig":
        """The settings `attune serve` passes to its worker processes."""
        import os

        env = os.environ.get
        return cls(secure_cookies=env("ATTUNE_SECURE_COOKIES", "0") == "1",
                   allow_signup=env("ATTUNE_ALLOW_SIGNUP", "1") == "1",
                   rate_per_minute=int(env("ATTUNE_RATE_PER_MINUTE", "600")),
                   anonymous_per_minute=int(env("ATTUNE_ANONYMOUS_PER_MINUTE", "60")))


class RateLimiter:
    """A sliding one-minute window per caller, in memory (one process)."""

    def __init__(self) -> None:
        self.hits: dict[str, deque[float]] = {}
        self.lock = threading.Lock()

    def hit(self, key: str, limit: int) -> None:
        now = time.monotonic()
        with self.lock:
            q = self.hits.setdefault(key, deque())
            while q and now - q[0] > 60.0:
                q.popleft()
            if len(q) >= limit:
                raise RateLimitedError(f"More than {limit} requests a minute; please slow down.",
                                       retry_after=max(1, int(60 - (now - q[0])) + 1))
            q.append(now)
            if len(self.hits) > 50_000:  # forget idle callers
                for k in [k for k, v in self.hits.items() if not v or now - v[-1] > 60.0][:25_000]:
                    del self.hits[k]


def client_ip(request: Request) -> str:
    return request.client.host if request.client else ""


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return True  # non-browser clients send neither; the CSRF token still applies
    host = request.headers.get("host", "")
    rest = origin.split("://", 1)[-1]
    return rest.split("/", 1)[0] == host


class Guard:
    """FastAPI dependencies: `guard.user` (anyone signed in) and `guard.scope("analyse")`."""

    def __init__(self, store: Any, config: ServiceConfig, limiter: RateLimiter) -> None:
        self.store = store
        self.config = config
        self.limiter = limiter

    async def principal(self, request: Request) -> Principal:
        auth = request.headers.get("authorization", "")
        if auth[:7].lower() == "bearer ":
            p = self.store.accounts.key_principal(auth[7:].strip())
            key = f"key:{auth[7:19]}"
        else:
            token = request.cookies.get(COOKIE)
            if not token:
                raise AuthenticationError("Please sign in, or send an API key (Authorization: Bearer atk_…).")
            p = self.store.accounts.session_principal(token)
            key = f"user:{p.user_id}"
            if request.method not in SAFE_METHODS:
                if not _same_origin(request):
                    raise CsrfError("This request came from another site.")
                sent = request.headers.get(CSRF_HEADER)
                if sent is None and request.headers.get("content-type", "").startswith(
                        ("application/x-www-form-urlencoded", "multipart/form-data")):
                    sent = (await request.form()).get("csrf_token")  # type: ignore[assignment]
                if not sent or sent != p.csrf:
                    raise CsrfError("The CSRF token is missing or wrong; reload the page and try again.")
        self.limiter.hit(key, self.config.rate_per_minute)
        request.state.principal = p
        return p

    def scope(self, scope: str) -> Callable[..., Any]:
        async def dependency(request: Request) -> Principal:
            p = await self.principal(request)
            if not p.has(scope):
                raise PermissionDeniedError(f"This needs the {scope!r} scope, which your key or role does not have.")
            return p

        return dependency

    def anonymous(self, request: Request) -> None:
        self.limiter.hit(f"ip:{client_ip(request)}", self.config.anonymous_per_minute)
