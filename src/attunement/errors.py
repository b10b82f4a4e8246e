"""One error hierarchy. Every error carries a stable code (like spaCy's E001…) so that
users, the API and tests can rely on it while the wording improves."""
from __future__ import annotations


class AttunementError(Exception):
    """Base class of every error attunement raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"[{self.code}] {message}" + (f" {hint}" if hint else ""))


class InputError(AttunementError):
    """The caller's text or file cannot be analysed as given."""

    code = "E001"


class EmptyTextError(InputError):
    code = "E002"


class TextTooLongError(InputError):
    code = "E003"


class EncodingError(InputError):
    """Bytes that are not valid text in any encoding we accept."""

    code = "E004"


class RecordError(InputError):
    """One row of an input file is malformed; carries where it is."""

    code = "E005"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path or '<input>'}:{line}: " if line is not None else ""
        super().__init__(where + message, hint=hint)


class UnsupportedFormatError(InputError):
    code = "E006"


class TranscriptError(InputError):
    """A transcript cannot be read as speaker turns, or its roles are contradictory."""

    code = "E007"


class ModelError(AttunementError):
    """A model file is missing, corrupt or from an incompatible version."""

    code = "E101"


class ConfigError(AttunementError):
    """A parameter or configuration value is out of range."""

    code = "E201"


def check_param(name: str, owner: str, value: object, ok: bool, expected: str) -> None:
    """Raise a ConfigError in scikit-learn's one form of validation message."""
    if not ok:
        raise ConfigError(f"The '{name}' parameter of {owner} must be {expected}. Got {value!r} instead.")


class BackendError(AttunementError):
    """An optional backend (a local LLM server) did not answer usably."""

    code = "E301"


class IntegrityError(AttunementError):
    """Stored data failed its check: a ciphertext that does not decrypt under its key and
    context, or an audit log whose chain is broken."""

    code = "E501"


class NotFoundError(AttunementError):
    """The record does not exist — or the caller may not know that it does."""

    code = "E404"


class AuthenticationError(AttunementError):
    """No valid session or API key, or a wrong e-mail/password pair."""

    code = "E401"


class PermissionDeniedError(AttunementError):
    """The caller is known but their role or ownership does not allow this."""

    code = "E403"


class ConflictError(AttunementError):
    """The request clashes with what is stored (an e-mail already registered)."""

    code = "E409"


class RateLimitedError(AttunementError):
    """Too many requests or failed logins; says when to try again."""

    code = "E429"

    def __init__(self, message: str, *, retry_after: int, hint: str | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(message, hint=hint)


class CsrfError(AttunementError):
    """A state-changing request with a session cookie but without its CSRF token."""

    code = "E419"
