"""`attune scenarios`: list the bundled practice scenarios and validate scenario files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .errors import AttunementError

scenarios_app = typer.Typer(help="Practice scenarios (simulated clients with branching scripts).", no_args_is_help=True)
RANK = {"none": 0, "low": 1, "moderate": 2, "high": 3, "imminent": 4}


@scenarios_app.command("list")
def scenarios_list(as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False) -> None:
    """The bundled scenarios: id, difficulty, topics and title."""
    from .practice.scenario import bundled

    for sc in bundled().values():
        if as_json:
            typer.echo(json.dumps(sc.public(), ensure_ascii=False))
        else:
            risk = " [risk emerges]" if sc.risk_emerges else ""
            typer.echo(f"{sc.id:40s} {'★' * sc.difficulty:3s} {', '.join(sc.topics)[:40]:40s} {sc.title}{risk}")


@scenarios_app.command("validate")
def scenarios_validate(
    files: Annotated[list[Path], typer.Argument(help="Scenario files (YAML or JSON).")],
    check_risk: Annotated[bool, typer.Option("--check-risk", help="Also read every client message with the risk "
                                             "analyser and warn where it reads lower than the author.")] = False,
) -> None:
    """Explain every mistake in each file, with its line; exit 1 if any file has one."""
    from .practice.scenario import check, read_file

    bad = 0
    for path in files:
        try:
            source = read_file(path)
        except AttunementError as exc:
            typer.secho(f"{path}: {exc.message}", fg="red", err=True)
            bad += 1
            continue
        sc, problems = check(source, path.name)
        if problems:
            bad += 1
            typer.secho(f"{path}: {len(problems)} problem{'s' if len(problems) != 1 else ''}", fg="red")
            for p in problems:
                typer.echo(f"  {p}")
            continue
        assert sc is not None
        note = ""
        if check_risk:
            from .pipeline import Pipeline

            pipe = Pipeline()
            low = []
            for nid, node in sc.nodes.items():
                got = pipe.assess_risk(node.text).risk.level
                if RANK[node.risk] >= 2 and RANK[got] < 2:
                    low.append(f"{nid} (author {node.risk}, analyser {got})")
            if low:
                note = "; risk read lower than the author at: " + ", ".join(low)
        typer.secho(f"{path}: ok — {len(sc.nodes)} nodes, {len(sc.clients)} client(s){note}",
                    fg="yellow" if note else "green")
    if bad:
        raise typer.Exit(1)
