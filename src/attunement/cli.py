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
    pipe = _pipeline(model, locale)
    if post is not None or reply is not None:
        if post is None or reply is None:
            _fail(InputError("--post and --reply go together."))
        try:
            result = pipe.analyze_reply(post, reply)
        except AttunementError as exc:
            _fail(exc)
        if as_json:
            typer.echo(result.model_dump_json(indent=2))
        else:
            from .explain import explain_reply

            typer.echo(explain_reply(result))
        return
    if input is None:
        _fail(InputError("Give an input file (or -), or --post and --reply."))

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
            worst = max(RISK_LEVELS.index(level), RISK_LEVELS.index(res.risk.level))
            context[str(conv)] = (int(turn or 0), RISK_LEVELS[worst])
        return {"id": row.get("id"), "conversation_id": conv, "turn_index": turn,
                "risk": res.risk.model_dump(mode="json")}

    _run_rows(input, output, skip_bad, handle)


@app.command()
def schema(output: OutOpt = "-") -> None:
    """Print the versioned JSON Schema of the results."""
    from .schema import result_schema

    text = json.dumps(result_schema(), indent=2)
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
                  model: ModelOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Recall for imminent and ≥ moderate, false alarms on hard negatives, 5-level macro-F1."""
    from .train.risk import evaluate_file

    try:
        report = evaluate_file(_pipeline(model).risk_model, gold)
    except AttunementError as exc:
        _fail(exc)
    _print_report(report, as_json, f"Risk vs labels: {gold}")


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
