"""Accounts: Argon2id passwords (a dummy hash is checked for unknown e-mails, so timing
does not tell who has an account), login throttling kept in the database, browser
sessions with idle and absolute timeouts and a fresh id at every login, and API keys
that are shown once, stored as SHA-256, scoped and revocable."""
from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError as SqlIntegrityError

from ..errors import AuthenticationError, ConflictError, InputError, NotFoundError, RateLimitedError
from .tables import ROLES, ApiKey, CohortMember, LoginFailure, User, WebSession, utcnow

if TYPE_CHECKING:
    from .repository import Store

SCOPES = ("analyse", "practice", "reviews", "read", "admin")
ROLE_SCOPES = {"trainee": ("analyse", "practice", "reviews", "read"),
               "supervisor": ("analyse", "practice", "reviews", "read"),
               "admin": SCOPES}
KEY_PREFIX = "atk_"
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,63}$")


@dataclass(frozen=True)
class Timeouts:
    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=12)
    touch_every: timedelta = timedelta(seconds=60)


@dataclass(frozen=True)
class Throttle:
    """At most `failures` failed logins per e-mail, and `per_ip` per address, in `window`."""

    failures: int = 5
    per_ip: int = 30
    window: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class Principal:
    """Who is asking: a signed-in user, or a user's API key with its scopes."""

    user_id: str
    role: str
    cohort_id: str | None
    via: str  # "session" | "api_key"
    scopes: tuple[str, ...] = field(default_factory=tuple)
    session_id: str | None = None
    csrf: str | None = None

    def has(self, scope: str) -> bool:
        return scope in self.scopes


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)  # SQLite hands back naive datetimes


class Accounts:
    def __init__(self, store: "Store", timeouts: Timeouts | None = None, throttle: Throttle | None = None,
                 argon2: dict[str, int] | None = None) -> None:
        from argon2 import PasswordHasher

        self.store = store
        self.timeouts = timeouts or Timeouts()
        self.throttle = throttle or Throttle()
        self.hasher = PasswordHasher(**(argon2 or {}))  # argon2-cffi's defaults (RFC 9106 low-memory) unless given
        self._dummy = self.hasher.hash(secrets.token_hex(16))

    # ---- users ------------------------------------------------------------------------
    def create_user(self, email: str, password: str, *, name: str = "", role: str = "trainee",
                    cohort_id: str | None = None, actor: str = "system") -> User:
        email = email.strip().lower()
        if not EMAIL.match(email):
            raise InputError(f"{email!r} is not an e-mail address.")
        if role not in ROLES:
            raise InputError(f"The role must be one of {', '.join(ROLES)}. Got {role!r} instead.")
        if len(password) < 10 or len(password) > 1024:
            raise InputError("A password must be 10 to 1,024 characters long.",
                             hint="A few unrelated words make a long password that is easy to remember.")
        user = User(email=email, name=(name.strip() or email.split("@")[0])[:120], role=role,
                    password_hash=self.hasher.hash(password))
        with self.store.session() as s:
            s.add(user)
            try:
                s.flush()
                if cohort_id:
                    self.store.require_cohort(s, cohort_id)
                    s.add(CohortMember(user_id=user.id, cohort_id=cohort_id))
                s.commit()
            except SqlIntegrityError:
                s.rollback()
                raise ConflictError("An account with that e-mail already exists.") from None
        self.store.audit(actor, "create", f"user:{user.id}", {"role": role})
        return user

    def get_user(self, user_id: str) -> User:
        with self.store.session() as s:
            user = self.store.require(s, User, user_id, "No such user.")
            return user

    def user_by_email(self, email: str) -> User:
        with self.store.session() as s:
            user = s.scalar(select(User).where(User.email == email.strip().lower()))
            if user is None:
                raise NotFoundError(f"No account for {email!r}.")
            return user

    def cohort_of(self, user_id: str) -> str | None:
        with self.store.session() as s:
            member = s.get(CohortMember, user_id)
            return member.cohort_id if member else None

    def set_password(self, user_id: str, password: str, actor: str) -> None:
        if len(password) < 10 or len(password) > 1024:
            raise InputError("A password must be 10 to 1,024 characters long.")
        with self.store.session() as s:
            user = self.store.require(s, User, user_id, "No such user.")
            user.password_hash = self.hasher.hash(password)
            s.execute(delete(WebSession).where(WebSession.user_id == user_id))  # sign out everywhere
            s.commit()
        self.store.audit(actor, "update", f"user:{user_id}", {"field": "password"})

    # ---- login --------------------------------------------------------------------------
    def _check_throttle(self, s: object, who: list[str]) -> None:
        since = utcnow() - self.throttle.window
        for key, limit in zip(who, (self.throttle.failures, self.throttle.per_ip)):
            n = s.scalar(select(func.count()).select_from(LoginFailure)  # type: ignore[attr-defined]
                         .where(LoginFailure.who == key, LoginFailure.at >= since))
            if n >= limit:
                raise RateLimitedError("Too many failed sign-ins. Please wait a little and try again.",
                                       retry_after=int(self.throttle.window.total_seconds()))

    def authenticate(self, email: str, password: str, ip: str = "") -> User:
        from argon2.exceptions import VerificationError

        email = email.strip().lower()
        who = [_sha256("email:" + email), _sha256("ip:" + ip)]
        with self.store.session() as s:
            self._check_throttle(s, who)
            user = s.scalar(select(User).where(User.email == email))
            try:
                self.hasher.verify(user.password_hash if user else self._dummy, password)
                ok = user is not None
            except VerificationError:
                ok = False
            if not ok:
                s.add_all([LoginFailure(who=k) for k in who])
                s.commit()
                self.store.audit("anonymous", "login_failed", "user:?", {})
                raise AuthenticationError("That e-mail and password do not match an account.")
            assert user is not None
            if self.hasher.check_needs_rehash(user.password_hash):
                user.password_hash = self.hasher.hash(password)
            s.execute(delete(LoginFailure).where(LoginFailure.who == who[0]))
            s.commit()
        self.store.audit(f"user:{user.id}", "login", f"user:{user.id}", {})
        return user

    # ---- browser sessions -----------------------------------------------------------------
    def start_session(self, user: User, replaces: str | None = None) -> tuple[str, str]:
        """A new session (token for the cookie, CSRF token); the old one, if any, ends."""
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(24)
        with self.store.session() as s:
            if replaces:
                s.execute(delete(WebSession).where(WebSession.id == _sha256(replaces)))
            s.add(WebSession(id=_sha256(token), user_id=user.id, csrf=csrf))
            s.commit()
        return token, csrf

    def session_principal(self, token: str) -> Principal:
        now = utcnow()
        with self.store.session() as s:
            row = s.get(WebSession, _sha256(token))
            if row is None:
                raise AuthenticationError("Please sign in.")
            if now - _aware(row.last_seen) > self.timeouts.idle or now - _aware(row.created_at) > self.timeouts.absolute:
                s.delete(row)
                s.commit()
                raise AuthenticationError("Your session has ended; please sign in again.")
            if now - _aware(row.last_seen) > self.timeouts.touch_every:
                row.last_seen = now
                s.commit()
            user = s.get(User, row.user_id)
            if user is None:
                raise AuthenticationError("Please sign in.")
            member = s.get(CohortMember, user.id)
            return Principal(user.id, user.role, member.cohort_id if member else None, "session",
                             ROLE_SCOPES[user.role], session_id=row.id, csrf=row.csrf)

    def end_session(self, token: str) -> None:
        with self.store.session() as s:
            row = s.get(WebSession, _sha256(token))
            if row is not None:
                s.delete(row)
                s.commit()
                self.store.audit(f"user:{row.user_id}", "logout", f"user:{row.user_id}", {})

    # ---- API keys -----------------------------------------------------------------------
    def create_api_key(self, user_id: str, name: str, scopes: list[str]) -> tuple[str, ApiKey]:
        """The key in clear (shown once) and its stored record."""
        user = self.get_user(user_id)
        bad = [x for x in scopes if x not in SCOPES]
        if bad or not scopes:
            raise InputError(f"Scopes must be some of {', '.join(SCOPES)}. Got {scopes!r} instead.")
        beyond = [x for x in scopes if x not in ROLE_SCOPES[user.role]]
        if beyond:
            raise InputError(f"A {user.role} cannot create a key with scope {beyond[0]!r}.")
        secret = KEY_PREFIX + secrets.token_urlsafe(32)
        key = ApiKey(user_id=user_id, name=name[:120] or "key", prefix=secret[:12], key_hash=_sha256(secret),
                     scopes=",".join(sorted(set(scopes))))
        with self.store.session() as s:
            s.add(key)
            s.commit()
        self.store.audit(f"user:{user_id}", "create", f"api_key:{key.id}", {"scopes": key.scopes})
        return secret, key

    def list_api_keys(self, user_id: str) -> list[ApiKey]:
        with self.store.session() as s:
            return list(s.scalars(select(ApiKey).where(ApiKey.user_id == user_id).order_by(ApiKey.created_at)))

    def revoke_api_key(self, user_id: str, key_id: str, actor: str) -> None:
        with self.store.session() as s:
            key = s.get(ApiKey, key_id)
            if key is None or key.user_id != user_id:
                raise NotFoundError("No such API key.")
            key.revoked_at = key.revoked_at or utcnow()
            s.commit()
        self.store.audit(actor, "revoke", f"api_key:{key_id}", {})

    def key_principal(self, secret: str) -> Principal:
        if not secret.startswith(KEY_PREFIX):
            raise AuthenticationError("That is not an attunement API key.")
        with self.store.session() as s:
            key = s.scalar(select(ApiKey).where(ApiKey.key_hash == _sha256(secret)))
            if key is None or key.revoked_at is not None:
                raise AuthenticationError("That API key is unknown or revoked.")
            user = s.get(User, key.user_id)
            if user is None:
                raise AuthenticationError("That API key is unknown or revoked.")
            now = utcnow()
            if key.last_used is None or now - _aware(key.last_used) > self.timeouts.touch_every:
                key.last_used = now
                s.commit()
            member = s.get(CohortMember, user.id)
            allowed = tuple(x for x in key.scopes.split(",") if x in ROLE_SCOPES[user.role])
            return Principal(user.id, user.role, member.cohort_id if member else None, "api_key", allowed)
