"""`attune`: a thin command line over the library (Typer)."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from . import __version__
from .errors import AttunementError, InputError, RecordError
from .io.records import RecordWriter, fmt_of, read_records
from .model import RISK_LEVELS

app = typer.Typer(help="attunement: measure, explain and coach empathy — offline.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)
evaluate_app = typer.Typer(help="Measure agreement with human raters.", no_args_is_help=True)
train_app = typer.Typer(help="Fit the trainable heads on labelled data.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
app.add_typer(train_app, name="train")


def _add_groups() -> None:
    from .cli_accounts import db_app, users_app
    from .cli_scenarios import scenarios_app

    app.add_typer(scenarios_app, name="scenarios")
    app.add_typer(users_app, name="users")
    app.add_typer(db_app, name="db")


_add_groups()

ModelOpt = Annotated[Optional[Path], typer.Option("--model", help="A model folder from `attune train`.")]
OutOpt = Annotated[str, typer.Option("-o", "--output", help="Output file (.jsonl or .csv), or - for stdout.")]
SkipOpt = Annotated[bool, typer.Option("--skip-bad", help="Report bad rows and keep going.")]


def _fail(exc: AttunementError) -> None:
    typer.secho(f"error: {exc}", err=True, fg="red")
    raise typer.Exit(2)


def _pipeline(model: Path | None, locale: str | None = None):  # type: ignore[no-untyped-def]
    from .pipeline import Pipeline

    return Pipeline(model_dir=model, locale=locale)


def _run_rows(input: str, output: str, skip_bad: bool, handle: Any) -> None:
    """Read rows, apply `handle`, write results; bad rows are reported with line numbers."""
    n_ok = n_bad = 0
    t0 = time.perf_counter()
    try:
        out_fmt = fmt_of(output, default="jsonl")
        with RecordWriter(output, out_fmt) as writer:
            for line, row in read_records(input):
                try:
                    if isinstance(row, RecordError):
                        raise row
                    writer.write(handle(row))
                    n_ok += 1
                except AttunementError as exc:
                    if not isinstance(exc, RecordError):
                        exc = RecordError(exc.message, path=input, line=line, hint=exc.hint)
                    if not skip_bad:
                        typer.secho(f"error: {exc}", err=True, fg="red")
                        typer.secho("Stopped. Use --skip-bad to report bad rows and keep going.", err=True)
                        raise typer.Exit(2)
                    n_bad += 1
                    typer.secho(f"skipped: {exc}", err=True, fg="yellow")
    except AttunementError as exc:
        _fail(exc)
    dt = time.perf_counter() - t0
    typer.secho(f"{n_ok} rows written to {output}" + (f", {n_bad} bad rows skipped" if n_bad else "")
                + f" ({dt:.1f} s)", err=True)


def _single_pair(input: str | None, post: str | None, reply: str | None, analyse: Any, render: Any,
                 as_json: bool) -> bool:
    """Handle --post/--reply (printing the result); False when a file is to be read instead."""
    if post is None and reply is None:
        if input is None:
            _fail(InputError("Give an input file (or -), or --post and --reply."))
        return False
    if post is None or reply is None:
        _fail(InputError("--post and --reply go together."))
    try:
        result = analyse(post, reply)
    except AttunementError as exc:
        _fail(exc)
    typer.echo(result.model_dump_json(indent=2) if as_json else render(result))
    return True


def _field(row: dict, *names: str) -> Any:
    for n in names:
        if n in row and row[n] is not None:
            return row[n]
    raise InputError(f"missing field '{names[0]}'")


@app.command()
def score(
    input: Annotated[Optional[str], typer.Argument(help="Pairs as .jsonl/.csv, or - for stdin.")] = None,
    output: OutOpt = "-",
    post: Annotated[Optional[str], typer.Option("--post", help="A seeker's post (with --reply).")] = None,
    reply: Annotated[Optional[str], typer.Option("--reply", help="A supporter's reply.")] = None,
    model: ModelOpt = None,
    skip_bad: SkipOpt = False,
    locale: Annotated[Optional[str], typer.Option("--locale", help="Crisis resources for this country code (US, GB, IE, …).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="With --post/--reply: print JSON.")] = False,
) -> None:
    """Score how empathic replies are: emotional reactions, interpretations, explorations."""
    from .explain import explain_reply

    pipe = _pipeline(model, locale)
    if _single_pair(input, post, reply, pipe.analyze_reply, explain_reply, as_json):
        return

    def handle(row: dict) -> dict:
        rid = row.get("id")
        res = pipe.analyze_reply(_field(row, "seeker_post", "post"), _field(row, "response", "response_post", "reply"),
                                 id=None if rid is None else str(rid))
        out = res.model_dump(mode="json")
        return {"id": rid, "empathy": out["empathy"], "seeker": out["seeker"], "safety": out["safety"],
                "reply_safety": out["reply_safety"], "language": out["language"],
                "warnings": out["warnings"], "versions": out["versions"]}

    _run_rows(input, output, skip_bad, handle)


@app.command()
def coach(
    input: Annotated[Optional[str], typer.Argument(help="Rows {id, seeker_post, response} as .jsonl/.csv, or -.")] = None,
    output: OutOpt = "-",
    post: Annotated[Optional[str], typer.Option("--post", help="A seeker's post (with --reply).")] = None,
    reply: Annotated[Optional[str], typer.Option("--reply", help="The reply or draft to coach.")] = None,
    top_k: Annotated[int, typer.Option("--top-k", help="How many rewrites.")] = 3,
    seed: Annotated[int, typer.Option("--seed", help="Seed for the choice of phrases.")] = 0,
    register: Annotated[Optional[str], typer.Option("--register", help="peer, youth, clinical or older_adult "
                                                    "(default: the reply's own).")] = None,
    live: Annotated[bool, typer.Option("--live", help="The fast estimate used while typing, not exact re-scoring.")] = False,
    llm_url: Annotated[Optional[str], typer.Option("--llm-url", help="An OpenAI-compatible server, e.g. "
                                                   "http://localhost:11434/v1 (Ollama).")] = None,
    llm_model: Annotated[str, typer.Option("--llm-model", help="The model name the server expects.")] = "local",
    model: ModelOpt = None,
    skip_bad: SkipOpt = False,
    locale: Annotated[Optional[str], typer.Option("--locale", help="Crisis resources for this country code.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="With --post/--reply: print JSON.")] = False,
) -> None:
    """Feedback and concrete rewrites that make a reply more empathic (safety first)."""
    from .coach import Coach
    from .coach.llm import LLMBackend

    try:
        llm = LLMBackend(llm_url, model=llm_model, seed=seed) if llm_url else None
        c = Coach(_pipeline(model, locale), top_k=top_k, seed=seed, register=register, exact=not live, llm=llm)
    except AttunementError as exc:
        _fail(exc)
    from .coach.render import render

    if _single_pair(input, post, reply, c.coach, render, as_json):
        return

    def handle(row: dict) -> dict:
        rid = row.get("id")
        res = c.coach(_field(row, "seeker_post", "post"), _field(row, "response", "response_post", "reply"),
                      id=None if rid is None else str(rid))
        out = res.model_dump(mode="json")
        kept = {k: v for k, v in row.items() if k not in ("feedback", "rewrites", "safety")}
        kept.update(feedback=out["feedback"], rewrites=out["rewrites"], empathy=out["empathy"],
                    seeker_risk=out["seeker"]["risk"], reply_register=out["reply_register"],
                    warnings=out["warnings"], versions=out["versions"])
        if out["safety"] is not None:
            kept["safety"] = out["safety"]
        return kept

    _run_rows(input, output, skip_bad, handle)


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="JSONL, CSV or Parquet files, or folders of them.")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output folder (results.parquet, results.jsonl, "
                                        "rejects.jsonl, URGENT-risk-high.jsonl, summary.json, manifest.json).")],
    workers: Annotated[int, typer.Option("--workers", help="Local processes (or Ray actors).")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local or ray.")] = "local",
    address: Annotated[Optional[str], typer.Option("--address", help="An existing Ray cluster ('auto', "
                                                   "'ray://head:10001'); default starts a local one.")] = None,
    chunk_rows: Annotated[int, typer.Option("--chunk-rows", help="Rows per checkpointed chunk.")] = 512,
    jsonl: Annotated[bool, typer.Option("--jsonl/--no-jsonl", help="Also write results.jsonl.")] = True,
    restart: Annotated[bool, typer.Option("--restart", help="Discard earlier checkpoints in the output folder.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress line.")] = False,
    model: ModelOpt = None,
    locale: Annotated[Optional[str], typer.Option("--locale", help="Crisis resources for this country code.")] = None,
) -> None:
    """Score pairs, utterances or whole conversations at scale; resumable (run it again after any stop)."""
    from .batch import BatchConfig, run_batch

    cfg = BatchConfig(inputs=inputs, output=output, workers=workers, engine=engine, address=address,
                      chunk_rows=chunk_rows, jsonl=jsonl, model_dir=str(model) if model else None, locale=locale,
                      restart=restart, progress=not quiet)
    try:
        m = run_batch(cfg)
    except AttunementError as exc:
        _fail(exc)
    c = m["counts"]
    t = m["timings"]
    typer.secho(f"{c['results']:,} rows scored, {c['rejects']:,} rejected (rejects.jsonl) in {t['total_s']:.1f} s "
                f"({m['input']['resumed_chunks']} of {m['input']['chunks']} chunks from earlier runs) → {output}", err=True)
    if c["urgent"]:
        typer.secho(f"!! {c['urgent']:,} rows at high or imminent risk: {output}/URGENT-risk-high.jsonl — "
                    "follow up now.", err=True, fg="red", bold=True)


@app.command()
def compare(
    a: Annotated[str, typer.Argument(help="Replies A: rows {post_id or id, seeker_post, response}.")],
    b: Annotated[str, typer.Argument(help="Replies B to the same posts.")],
    key: Annotated[Optional[str], typer.Option("--key", help="The column that names each post in both files "
                                               "(default post_id, then id).")] = None,
    plot: Annotated[Optional[Path], typer.Option("--plot", help="Write the differences as an SVG plot.")] = None,
    label_a: Annotated[str, typer.Option("--label-a")] = "A",
    label_b: Annotated[str, typer.Option("--label-b")] = "B",
    bootstrap: Annotated[int, typer.Option("--bootstrap", help="Bootstrap resamples.")] = 2000,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Compare two sets of replies to the same posts: differences with CIs, paired tests, a plot."""
    from .compare import compare_files, format_comparison, write_svg

    try:
        report = compare_files(_pipeline(model), a, b, key=key, n_boot=bootstrap, seed=seed, label_a=label_a,
                               label_b=label_b)
    except AttunementError as exc:
        _fail(exc)
    if plot is not None:
        write_svg(report, plot)
    typer.echo(json.dumps(report, indent=2) if as_json else format_comparison(report))


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on (localhost by default: nothing is "
                                      "exposed unless you say so).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    workers: Annotated[int, typer.Option("--workers", help="Server processes.")] = 1,
    locale: Annotated[Optional[str], typer.Option("--locale", help="Crisis resources for this country code.")] = None,
    data_dir: Annotated[Optional[Path], typer.Option("--data-dir", help="Database, key file and audit log "
                                                     "(default: $ATTUNE_HOME or ~/.attunement).")] = None,
    database_url: Annotated[Optional[str], typer.Option("--database-url", help="PostgreSQL (or SQLite) URL "
                                                        "instead of the SQLite file in the data dir.")] = None,
    no_redact: Annotated[bool, typer.Option("--no-redact", help="Store text without PII redaction (only where "
                                            "a deployment has its own).")] = False,
    secure_cookies: Annotated[bool, typer.Option("--secure-cookies", help="Mark cookies Secure (behind HTTPS).")] = False,
    no_signup: Annotated[bool, typer.Option("--no-signup", help="Only admins create accounts.")] = False,
    rate_limit: Annotated[Optional[int], typer.Option("--rate-limit", help="Requests per caller per minute "
                                                      "(default 600, or $ATTUNE_RATE_PER_MINUTE).")] = None,
) -> None:
    """Run the studio and the REST service (/api/v1, OpenAPI at /api/v1/docs); Ctrl-C stops it gracefully."""
    import logging
    import os

    import uvicorn

    if locale:
        os.environ["ATTUNEMENT_LOCALE"] = locale
    settings = {"ATTUNE_HOME": str(data_dir) if data_dir else None, "ATTUNE_DATABASE_URL": database_url,
                "ATTUNE_REDACT": "0" if no_redact else None, "ATTUNE_SECURE_COOKIES": "1" if secure_cookies else None,
                "ATTUNE_ALLOW_SIGNUP": "0" if no_signup else None,
                "ATTUNE_RATE_PER_MINUTE": str(rate_limit) if rate_limit is not None else None}
    os.environ.update({k: v for k, v in settings.items() if v is not None})
    typer.echo(f"attunement studio: http://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}/")
    typer.echo("trainees sign up in the browser; make the first admin with: attune users create EMAIL --role admin")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    # keep-alive longer than clients wait between requests: a server closing an idle connection
    # just as a client reuses it shows up as a dropped request (seen under load at uvicorn's 5 s)
    uvicorn.run("attunement.api.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="info", access_log=False, timeout_graceful_shutdown=10, timeout_keep_alive=75)


@app.command()
def emotions(input: Annotated[str, typer.Argument(help="Rows {id, text} as .jsonl/.csv, or -.")],
             output: OutOpt = "-", model: ModelOpt = None, skip_bad: SkipOpt = False) -> None:
    """Emotions (27 GoEmotions categories + neutral) with scores and evidence."""
    pipe = _pipeline(model)

    def handle(row: dict) -> dict:
        res = pipe.analyze_emotions(_field(row, "text"), id=None if row.get("id") is None else str(row["id"]))
        out = res.model_dump(mode="json")
        return {"id": row.get("id"), "emotions": out["emotions"], "warnings": out["warnings"]}

    _run_rows(input, output, skip_bad, handle)


@app.command()
def risk(input: Annotated[str, typer.Argument(help="Rows {id, text[, conversation_id, turn_index]}.")],
         output: OutOpt = "-", model: ModelOpt = None, skip_bad: SkipOpt = False) -> None:
    """Self-harm and suicide risk of each message's writer, in conversation context."""
    pipe = _pipeline(model)
    context: dict[str, tuple[int, str]] = {}

    def handle(row: dict) -> dict:
        conv = row.get("conversation_id")
        turn = row.get("turn_index")
        level = "none"
        if conv is not None:
            prev_turn, prev_level = context.get(str(conv), (-1, "none"))
            level = prev_level
        res = pipe.assess_risk(_field(row, "text"), id=None if row.get("id") is None else str(row["id"]),
                               context_level=level, conversation_id=None if conv is None else str(conv),
                               turn_index=None if turn is None else int(turn))
        if conv is not None:
            context[str(conv)] = (int(turn or 0), res.risk.context_after)
        return {"id": row.get("id"), "conversation_id": conv, "turn_index": turn,
                "risk": res.risk.model_dump(mode="json")}

    _run_rows(input, output, skip_bad, handle)


HelperOpt = Annotated[Optional[list[str]], typer.Option("--helper", help="Who the helper is (repeatable).")]
RolesOpt = Annotated[Optional[Path], typer.Option("--roles", help="A roles file: JSON {name: role} or 'Name: role' lines.")]


@app.command()
def review(
    input: Annotated[Path, typer.Argument(help="A transcript (.txt/.csv/.jsonl/.vtt/.srt) or a folder of them.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="JSON report (a folder when INPUT is a folder).")] = None,
    html_out: Annotated[Optional[Path], typer.Option("--html", help="Write the HTML report here.")] = None,
    pdf_out: Annotated[Optional[Path], typer.Option("--pdf", help="Print the HTML report to PDF (needs Chromium).")] = None,
    helper: HelperOpt = None, roles: RolesOpt = None, model: ModelOpt = None,
    locale: Annotated[Optional[str], typer.Option("--locale", help="Crisis resources for this country code.")] = None,
) -> None:
    """Review a whole session: behaviour codes, MITI-style summary, emotional shifts, risk first."""
    from .report_html import html_to_pdf, render_html
    from .roles import read_roles_file

    pipe = _pipeline(model, locale)
    try:
        role_map = read_roles_file(roles) if roles else None
        if input.is_dir():
            _review_folder(pipe, input, output, helper, role_map)
            return
        report = pipe.review(input, helper, role_map)
        if output:
            output.write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")
            typer.secho(f"report written to {output}", err=True)
        if html_out or pdf_out:
            page = render_html(report)
            if html_out:
                html_out.write_text(page, encoding="utf-8")
                typer.secho(f"HTML report written to {html_out}", err=True)
            if pdf_out:
                html_to_pdf(page, pdf_out)
                typer.secho(f"PDF report written to {pdf_out}", err=True)
        if not (output or html_out or pdf_out):
            from .explain import explain_review

            typer.echo(explain_review(report))
    except AttunementError as exc:
        _fail(exc)


def _review_folder(pipe, folder: Path, out: Path | None, helper: list[str] | None,  # type: ignore[no-untyped-def]
                   role_map: dict[str, str] | None) -> None:
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from .io.transcripts import SUFFIXES
    from .report_html import render_html

    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        raise InputError(f"No transcripts (.txt, .csv, .jsonl, .vtt, .srt) in {folder}.")
    out = out or Path(str(folder).rstrip("/") + "-reviews")
    out.mkdir(parents=True, exist_ok=True)
    failed: list[str] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeRemainingColumn(), transient=False) as bar:
        task = bar.add_task("reviewing", total=len(files))
        for f in files:
            try:
                report = pipe.review(f, helper, role_map)
                stem = out / f.relative_to(folder).with_suffix("").as_posix().replace("/", "__")
                Path(f"{stem}.json").write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")
                Path(f"{stem}.html").write_text(render_html(report), encoding="utf-8")
            except AttunementError as exc:
                failed.append(f"skipped {f}: {exc}")
            bar.advance(task)
    for line in failed:
        typer.secho(line, err=True, fg="yellow")
    typer.secho(f"{len(files) - len(failed)} reports written to {out}" + (f", {len(failed)} transcripts skipped" if failed else ""),
                err=True)


@app.command()
def code(input: Annotated[str, typer.Argument(help="Rows {id, speaker, text, context: [{speaker, text}]}.")],
         output: OutOpt = "-", model: ModelOpt = None, skip_bad: SkipOpt = False) -> None:
    """Behaviour codes for helper utterances and talk type for client utterances."""
    from .analysers.coding import last_said_by, speaker_role

    pipe = _pipeline(model)

    def handle(row: dict) -> dict:
        role = speaker_role(_field(row, "speaker"))
        ctx = row.get("context") or []
        if not isinstance(ctx, list):
            raise InputError("'context' must be a list of {speaker, text}")
        context = last_said_by(ctx, "client" if role == "helper" else "helper")
        result = pipe.code_utterance(_field(row, "text"), role, context)
        key = "code" if role == "helper" else "talk_type"
        return {"id": row.get("id"), "speaker": row.get("speaker"), key: result.model_dump(mode="json")}

    _run_rows(input, output, skip_bad, handle)


@app.command()
def schema(output: OutOpt = "-",
           review: Annotated[bool, typer.Option("--review", help="The session review report's schema.")] = False,
           coach: Annotated[bool, typer.Option("--coach", help="The coach's result schema.")] = False,
           openapi: Annotated[bool, typer.Option("--openapi", help="The REST API's OpenAPI document.")] = False,
           scenario: Annotated[bool, typer.Option("--scenario", help="The practice scenario file format.")] = False) -> None:
    """Print the versioned JSON Schema of the results (or of the session review, the coach,
    a practice scenario, or the API)."""
    from .schema import coach_schema, result_schema, review_schema

    if openapi:
        import tempfile

        from .api.app import create_app
        from .store.repository import Store, StoreConfig

        with tempfile.TemporaryDirectory() as tmp:  # a throwaway store: printing a schema writes nothing of yours
            store = Store(StoreConfig(home=tmp, url=f"sqlite:///{tmp}/schema.db"))
            doc = create_app(store=store).openapi()
            store.close()
    elif scenario:
        from .practice.scenario import Scenario

        doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "attunement.scenario/1.0",
               **Scenario.model_json_schema(by_alias=True)}
    else:
        doc = coach_schema() if coach else review_schema() if review else result_schema()
    text = json.dumps(doc, indent=2)
    if output == "-":
        typer.echo(text)
    else:
        Path(output).write_text(text + "\n", encoding="utf-8")


@app.command()
def version() -> None:
    """Print the version of attunement and its models."""
    from .pipeline import Pipeline

    typer.echo(json.dumps(Pipeline().versions, indent=2))


# ---- evaluate --------------------------------------------------------------------
def _print_report(report: dict, as_json: bool, title: str) -> None:
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    from .explain import format_agreement

    typer.echo(format_agreement(report, title))


@evaluate_app.command("empathy")
def evaluate_empathy(gold: Annotated[Path, typer.Option("--gold", help="Pairs with human levels (EPITOME columns).")],
                     model: ModelOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Agreement with human raters per mechanism, and token F1 of the evidence."""
    from .train.corpus import read_pairs
    from .train.empathy import evaluate

    try:
        pairs = read_pairs(gold)
        report = evaluate(_pipeline(model).empathy_model, pairs)
    except AttunementError as exc:
        _fail(exc)
    report["gold"] = str(gold)
    _print_report(report, as_json, f"Empathy vs human raters: {gold} ({len(pairs)} pairs)")


@evaluate_app.command("coach")
def evaluate_coach_cmd(gold: Annotated[Optional[Path], typer.Option("--gold", help="Pairs with human levels (EPITOME "
                                                                      "columns).")] = None,
                       builtin: Annotated[bool, typer.Option("--builtin", help="The project's own held-out pairs.")] = False,
                       max_total: Annotated[int, typer.Option("--max-total", help="Coach replies whose human total "
                                                              "is at most this.")] = 2,
                       limit: Annotated[Optional[int], typer.Option("--limit", help="Only the first N such replies.")] = None,
                       seed: Annotated[int, typer.Option("--seed")] = 0,
                       live: Annotated[bool, typer.Option("--live", help="Measure the live estimate path.")] = False,
                       model: ModelOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Uplift of the top suggestion on low-empathy replies, meaning similarity and variety."""
    from .coach import Coach
    from .train.coach_eval import evaluate_coach, format_coach_report
    from .train.corpus import read_pairs

    from .train.corpus import builtin_files, is_test

    try:
        if (gold is None) == (not builtin):
            raise InputError("Give --gold FILE or --builtin (the project's own held-out pairs).")
        pairs = read_pairs(gold) if gold else [p for f in builtin_files() for p in read_pairs(f) if is_test(p.post_id)]
        report = evaluate_coach(Coach(_pipeline(model), seed=seed, exact=not live), pairs, max_total, limit)
    except AttunementError as exc:
        _fail(exc)
    report["gold"] = str(gold) if gold else "builtin held-out split"
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        typer.echo(format_coach_report(report, f"Coach on {report['gold']}: top suggestion applied"))


@evaluate_app.command("emotions")
def evaluate_emotions(gold: Annotated[Path, typer.Option("--gold", help="GoEmotions .tsv, or .jsonl {text, labels}.")],
                      model: ModelOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Macro-F1 over the 28 emotion labels (multi-label, thresholds from training)."""
    from .train.emotion_eval import evaluate_file

    try:
        report = evaluate_file(_pipeline(model).emotion_model, gold)
    except AttunementError as exc:
        _fail(exc)
    _print_report(report, as_json, f"Emotions vs human raters: {gold}")


@evaluate_app.command("risk")
def evaluate_risk(gold: Annotated[Path, typer.Option("--gold", help="Messages with a 'level' column.")],
                  model: ModelOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False,
                  levels: Annotated[Optional[Path], typer.Option("--levels", help="Levels kept apart from the texts: "
                                    "rows {KEY, level}, joined to --gold on --key (e.g. your judgments of a data set "
                                    "you may not copy).")] = None,
                  key: Annotated[str, typer.Option("--key", help="The id column that joins --levels to --gold.")] = "id",
                  text_field: Annotated[str, typer.Option("--text-field", help="The column holding the message.")] = "text",
                  ) -> None:
    """Recall for imminent and ≥ moderate, false alarms on hard negatives, 5-level macro-F1."""
    from .train.risk import evaluate_file, evaluate_joined

    try:
        if levels is not None:
            report = evaluate_joined(_pipeline(model).risk_model, gold, levels, key, text_field)
        else:
            report = evaluate_file(_pipeline(model).risk_model, gold)
    except AttunementError as exc:
        _fail(exc)
    _print_report(report, as_json, f"Risk vs labels: {gold}")


@evaluate_app.command("codes")
def evaluate_codes(gold: Annotated[Path, typer.Option("--gold", help="Coded utterances (attunement or AnnoMI columns).")],
                   model: ModelOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Coarse helper codes, reflection and question subtypes, client talk type vs human coders."""
    from .train.coding import evaluate, read_coded

    try:
        utts = read_coded(gold)
        report = evaluate(_pipeline(model).coding_model, utts)
    except AttunementError as exc:
        _fail(exc)
    report["gold"] = str(gold)
    _print_report(report, as_json, f"Behaviour codes vs human coders: {gold} ({len(utts)} utterances)")


# ---- train -----------------------------------------------------------------------
BuiltinOpt = Annotated[bool, typer.Option("--builtin", help="Reproduce the shipped model from the project's corpus.")]
OutDirOpt = Annotated[Optional[Path], typer.Option("--out", help="Folder to write the model to.")]


@train_app.command("empathy")
def train_empathy(data: Annotated[Optional[list[Path]], typer.Option("--data", help="Labelled pairs (.jsonl/.csv).")] = None,
                  out: OutDirOpt = None, builtin: BuiltinOpt = False,
                  check: Annotated[bool, typer.Option("--check", help="With --builtin: compare with the shipped model.")] = False) -> None:
    """Fit the three empathy heads."""
    from .train.runs import train_empathy_run

    try:
        train_empathy_run(data, out, builtin, check)
    except AttunementError as exc:
        _fail(exc)


@train_app.command("emotions")
def train_emotions(data: Annotated[Optional[Path], typer.Option("--data", help="The GoEmotions folder.")] = None,
                   out: OutDirOpt = None, builtin: BuiltinOpt = False,
                   check: Annotated[bool, typer.Option("--check")] = False) -> None:
    """Fit the emotion head on GoEmotions (train split; thresholds on dev)."""
    from .train.runs import train_emotions_run

    try:
        train_emotions_run(data, out, builtin, check)
    except AttunementError as exc:
        _fail(exc)


@train_app.command("risk")
def train_risk(data: Annotated[Optional[list[Path]], typer.Option("--data", help="Labelled messages (.jsonl).")] = None,
               out: OutDirOpt = None, builtin: BuiltinOpt = False,
               check: Annotated[bool, typer.Option("--check")] = False) -> None:
    """Fit the risk head that backs up the rules."""
    from .train.runs import train_risk_run

    try:
        train_risk_run(data, out, builtin, check)
    except AttunementError as exc:
        _fail(exc)


@train_app.command("coding")
def train_coding(data: Annotated[Optional[list[Path]], typer.Option("--data", help="Coded utterances (.jsonl).")] = None,
                 out: OutDirOpt = None, builtin: BuiltinOpt = False,
                 check: Annotated[bool, typer.Option("--check")] = False) -> None:
    """Fit the behaviour coder (helper codes, client talk type)."""
    from .train.runs import train_coding_run

    try:
        train_coding_run(data, out, builtin, check)
    except AttunementError as exc:
        _fail(exc)


keys_app = typer.Typer(help="Encryption keys for stored text (a key file, never the database).", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")
app.add_typer(audit_app, name="audit")


@keys_app.command("new")
def keys_new(path: Annotated[Path, typer.Argument(help="Where to write the key file (mode 600).")]) -> None:
    """Create a key file with one fresh 256-bit key."""
    from .store.crypto import Keyring

    if path.exists():
        _fail(InputError(f"{path} exists; use `attune keys rotate {path}` to add a key."))
    Keyring.generate().save(path)
    typer.echo(f"wrote {path} (mode 600); back it up apart from the database")


@keys_app.command("rotate")
def keys_rotate(path: Annotated[Path, typer.Argument(help="The key file.")]) -> None:
    """Add a new active key; values stay readable with the old keys until re-encrypted."""
    from .store.crypto import Keyring

    try:
        ring = Keyring.load(path).rotated()
    except AttunementError as exc:
        _fail(exc)
    ring.save(path)
    typer.echo(f"active key is now {ring.active} ({len(ring.keys)} keys in {path})")


@audit_app.command("verify")
def audit_verify(path: Annotated[Path, typer.Argument(help="The audit log (JSONL).")],
                 head: Annotated[Optional[str], typer.Option("--head", help="The last hash you recorded "
                                                             "earlier: detects entries cut from the end.")] = None) -> None:
    """Check the chain: exit 0 when intact, 1 with the first broken entry when not."""
    from .store.audit import AuditLog

    log = AuditLog(path)
    v = log.verify()
    if not v.ok:
        typer.secho(f"BROKEN at entry {v.first_bad}: {v.reason} ({v.entries} entries verified before it)",
                    fg="red", err=True)
        raise typer.Exit(1)
    if head is not None and head not in {e["hash"] for e in log.entries()}:
        typer.secho(f"BROKEN: the recorded head {head[:12]}… is no longer in the log (entries were cut from the end)",
                    fg="red", err=True)
        raise typer.Exit(1)
    typer.echo(f"intact: {v.entries} entries; head {log.head()}")


@app.callback(invoke_without_command=True)
def main(show_version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False) -> None:
    if show_version:
        typer.echo(__version__)
        raise typer.Exit()


def run() -> None:  # console-script entry point
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
