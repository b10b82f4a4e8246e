"""`attune users` and `attune db`: accounts and one person's data, from the command line
(the same store the service uses: ATTUNE_HOME, or --data-dir / --database-url)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import AttunementError

users_app = typer.Typer(help="Accounts, and one person's data: export and hard delete.", no_args_is_help=True)
db_app = typer.Typer(help="The database: migrations and re-encryption.", no_args_is_help=True)
DirOpt = Annotated[Optional[Path], typer.Option("--data-dir", help="Where the database, key file and audit log "
                                                 "live (default: $ATTUNE_HOME or ~/.attunement).")]
UrlOpt = Annotated[Optional[str], typer.Option("--database-url", help="SQLite or PostgreSQL URL (default: "
                                               "$ATTUNE_DATABASE_URL or a SQLite file in the data dir).")]


def _fail(exc: AttunementError) -> None:
    typer.secho(f"error: {exc}", err=True, fg="red")
    raise typer.Exit(2)


def _store(data_dir: Path | None, url: str | None):  # type: ignore[no-untyped-def]
    from .store.repository import Store, StoreConfig

    try:
        return Store(StoreConfig(url=url, home=str(data_dir) if data_dir else None))
    except AttunementError as exc:
        _fail(exc)


@users_app.command("create")
def users_create(email: str, role: Annotated[str, typer.Option("--role", help="trainee, supervisor or admin.")] = "trainee",
                 name: Annotated[str, typer.Option("--name")] = "",
                 password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from "
                                                              "standard input instead of asking.")] = False,
                 data_dir: DirOpt = None, database_url: UrlOpt = None) -> None:
    """Create an account (the first admin is made this way)."""
    store = _store(data_dir, database_url)
    password = sys.stdin.readline().rstrip("\n") if password_stdin else typer.prompt(
        "Password (10+ characters)", hide_input=True, confirmation_prompt=True)
    try:
        user = store.accounts.create_user(email, password, name=name, role=role, actor="cli")
    except AttunementError as exc:
        _fail(exc)
    typer.echo(f"created {user.role} {user.email} ({user.id})")


@users_app.command("list")
def users_list(data_dir: DirOpt = None, database_url: UrlOpt = None) -> None:
    """Every account: id, role, e-mail."""
    from .store.accounts import Principal

    store = _store(data_dir, database_url)
    for u in store.records.list_users(Principal("cli", "admin", None, "cli", ("admin",))):
        typer.echo(f"{u['id']}  {u['role']:10s} {u['email']}  {u['name']}")


@users_app.command("export")
def users_export(email: str, output: Annotated[Path, typer.Option("-o", "--output", help="JSON file to write.")],
                 data_dir: DirOpt = None, database_url: UrlOpt = None) -> None:
    """Everything stored about one person, decrypted, as one JSON file (audited)."""
    store = _store(data_dir, database_url)
    try:
        user = store.accounts.user_by_email(email)
        data = store.records.export_user(None, user.id)
    except AttunementError as exc:
        _fail(exc)
    output.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    typer.echo(f"wrote {output}: {len(data['practice_sessions'])} practice sessions, {len(data['reviews'])} reviews")


@users_app.command("delete")
def users_delete(email: str, yes: Annotated[bool, typer.Option("--yes", help="Do not ask to confirm.")] = False,
                 data_dir: DirOpt = None, database_url: UrlOpt = None) -> None:
    """Hard-delete one person's account and everything they stored; the audit entry stays."""
    store = _store(data_dir, database_url)
    try:
        user = store.accounts.user_by_email(email)
    except AttunementError as exc:
        _fail(exc)
    if not yes and not typer.confirm(f"Delete {email} and all their sessions and reviews for good?"):
        raise typer.Exit(1)
    counts = store.records.delete_user(None, user.id)
    typer.echo(f"deleted {email}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


@db_app.command("upgrade")
def db_upgrade(data_dir: DirOpt = None, database_url: UrlOpt = None) -> None:
    """Bring the schema to the newest revision (the service also does this when it starts)."""
    store = _store(data_dir, database_url)
    typer.echo(f"schema up to date at {store.engine.url.render_as_string(hide_password=True)}")


@db_app.command("reencrypt")
def db_reencrypt(data_dir: DirOpt = None, database_url: UrlOpt = None) -> None:
    """Re-encrypt every stored value under the key file's active key (after `attune keys rotate`)."""
    store = _store(data_dir, database_url)
    n = store.reencrypt_all()
    typer.echo(f"re-encrypted {n} values under key {store.cipher.keyring.active}")
