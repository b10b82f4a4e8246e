from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from attunement.cli import app

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "pairs.jsonl"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_score_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "scored.jsonl"
    res = runner.invoke(app, ["score", str(EXAMPLES), "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = _rows(out)
    assert [r["id"] for r in rows] == [r["id"] for r in _rows(EXAMPLES)]
    for r in rows:
        for m in ("emotional_reactions", "interpretations", "explorations"):
            assert r["empathy"][m]["label"] in ("none", "weak", "strong")
        assert 0 <= r["empathy"]["total"] <= 6
        assert isinstance(r["seeker"]["emotions"], list)


def test_score_csv_with_epitome_columns_to_csv(tmp_path: Path) -> None:
    src = tmp_path / "pairs.csv"
    with open(src, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "seeker_post", "response_post"])
        w.writeheader()
        w.writerow({"id": "c1", "seeker_post": "I failed my driving test again.", "response_post": "Oh no, I'm sorry! How are you feeling about it?"})
    out = tmp_path / "out.csv"
    res = runner.invoke(app, ["score", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    row = next(csv.DictReader(open(out, encoding="utf-8")))
    assert row["id"] == "c1" and json.loads(row["empathy"])["total"] >= 1


def test_score_stdin_to_stdout() -> None:
    line = json.dumps({"id": 7, "seeker_post": "I feel so alone at uni.", "response": "That sounds really lonely."})
    res = runner.invoke(app, ["score", "-", "-o", "-"], input=line + "\n")
    assert res.exit_code == 0, res.output
    first = next(line for line in res.stdout.splitlines() if line.startswith("{"))
    assert json.loads(first)["id"] == 7


def test_score_post_reply_explains() -> None:
    res = runner.invoke(app, ["score", "--post", "My cat died this morning.", "--reply", "I'm so sorry, what was her name?"])
    assert res.exit_code == 0, res.output
    assert "Empathy" in res.stdout and "Explorations" in res.stdout and "“" in res.stdout


def test_bad_rows_are_reported_with_line_numbers(tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_bytes(b'{"id": 1, "seeker_post": "I lost my job.", "response": "That is rough."}\n'
                    b'{not json\n'
                    b'{"id": 3, "seeker_post": "I lost my job."}\n'
                    b'{"id": 4, "seeker_post": "x", "response": "   "}\n'
                    b'\xff\xfe binary junk \x00\x01\n'
                    b'{"id": 6, "seeker_post": "I lost my job.", "response": "Sorry to hear."}\n')
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["score", str(src), "-o", str(out)])
    assert res.exit_code == 2
    assert "bad.jsonl:2" in res.output and "--skip-bad" in res.output
    res = runner.invoke(app, ["score", str(src), "-o", str(out), "--skip-bad"])
    assert res.exit_code == 0, res.output
    for n in (2, 3, 4, 5):
        assert f"bad.jsonl:{n}" in res.output
    assert [r["id"] for r in _rows(out)] == [1, 6]


def test_one_megabyte_reply_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "big.jsonl"
    src.write_text(json.dumps({"id": "big", "seeker_post": "hi", "response": "a" * 1_048_576}) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["score", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 2 and "limit" in res.output


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    assert runner.invoke(app, ["score", str(tmp_path / "nope.jsonl")]).exit_code == 2
    (tmp_path / "x.xlsx").write_text("x")
    res = runner.invoke(app, ["score", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 2 and ".jsonl or .csv" in res.output


def _gold(tmp_path: Path) -> Path:
    rows = [
        ("I lost my job today.", "I'm so sorry, that's awful. How are you holding up?", 2, 0, 1,
         {"emotional_reactions": ["I'm so sorry, that's awful."], "explorations": ["How are you holding up?"]}),
        ("I lost my job today.", "Update your CV.", 0, 0, 0, {}),
        ("My dog died.", "When my dog died I cried for a week.", 0, 2, 0,
         {"interpretations": ["When my dog died I cried for a week."]}),
        ("My dog died.", "Sorry.", 1, 0, 0, {"emotional_reactions": ["Sorry."]}),
        ("I can't sleep before exams.", "What goes through your mind at night before an exam?", 0, 0, 2,
         {"explorations": ["What goes through your mind at night before an exam?"]}),
        ("I can't sleep before exams.", "I understand.", 0, 1, 0, {"interpretations": ["I understand."]}),
    ]
    path = tmp_path / "gold.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i, (p, r, er, ip, ex, rat) in enumerate(rows * 3):
            f.write(json.dumps({"id": f"g{i}", "seeker_post": p, "response": r, "emotional_reactions": er,
                                "interpretations": ip, "explorations": ex, "rationales": rat}) + "\n")
    return path


def test_evaluate_empathy_json(tmp_path: Path) -> None:
    res = runner.invoke(app, ["evaluate", "empathy", "--gold", str(_gold(tmp_path)), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    for m in ("emotional_reactions", "interpretations", "explorations"):
        r = report["mechanisms"][m]
        assert set(r) >= {"accuracy", "macro_f1", "kappa", "kappa_linear", "kappa_quadratic", "confusion",
                          "evidence_token_f1"}
        assert sum(map(sum, r["confusion"])) == 18


def test_evaluate_empathy_text(tmp_path: Path) -> None:
    res = runner.invoke(app, ["evaluate", "empathy", "--gold", str(_gold(tmp_path))])
    assert res.exit_code == 0, res.output
    assert "macro-F1" in res.stdout and "quadratic" in res.stdout and "evidence token F1" in res.stdout


def test_train_on_own_data_then_score_with_it(tmp_path: Path) -> None:
    model = tmp_path / "mymodel"
    res = runner.invoke(app, ["train", "empathy", "--data", str(_gold(tmp_path)), "--out", str(model)])
    assert res.exit_code == 0, res.output
    assert (model / "empathy.npz").exists()
    manifest = json.loads((model / "empathy.json").read_text())
    assert manifest["n_train"] == 18 and manifest["weights_sha256"]
    out = tmp_path / "o.jsonl"
    res = runner.invoke(app, ["score", str(EXAMPLES), "-o", str(out), "--model", str(model)])
    assert res.exit_code == 0, res.output
    assert any("empathy_model" in k for k in _rows(out)[0]["versions"])


def test_emotions_and_risk_commands(tmp_path: Path) -> None:
    src = tmp_path / "t.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "I'm so nervous about the job interview tomorrow", "conversation_id": "c", "turn_index": 0},
        {"id": "b", "text": "I've been thinking about ending my life", "conversation_id": "c", "turn_index": 1},
        {"id": "c", "text": "I already have the pills, tonight", "conversation_id": "c", "turn_index": 2},
    ]) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["emotions", str(src), "-o", str(tmp_path / "e.jsonl")])
    assert res.exit_code == 0, res.output
    emos = _rows(tmp_path / "e.jsonl")
    assert "fear" in [e["label"] for e in emos[0]["emotions"]] or "nervousness" in [e["label"] for e in emos[0]["emotions"]]
    res = runner.invoke(app, ["risk", str(src), "-o", str(tmp_path / "r.jsonl")])
    assert res.exit_code == 0, res.output
    levels = [r["risk"]["level"] for r in _rows(tmp_path / "r.jsonl")]
    assert levels[0] in ("none", "low") and levels[1] in ("high", "imminent") and levels[2] == "imminent"


def test_console_script_runs() -> None:
    res = subprocess.run([sys.executable, "-m", "attunement", "--version"], capture_output=True, text=True)
    assert res.returncode == 0 and res.stdout.strip()


def test_evaluate_risk_reports_the_safety_figures(tmp_path: Path) -> None:
    rows = [("this exam is killing me", "none", ["idiom"]), ("I keep thinking about killing myself", "high", []),
            ("I have my pills ready and tonight I'm doing it", "imminent", []),
            ("I wish I could fall asleep and never wake up", "moderate", [])]
    gold = tmp_path / "risk.jsonl"
    gold.write_text("\n".join(json.dumps({"id": str(i), "text": t, "level": lv, "categories": c})
                              for i, (t, lv, c) in enumerate(rows)) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["evaluate", "risk", "--gold", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    for key in ("macro_f1", "recall_imminent", "recall_moderate_plus", "false_alarm_any", "confusion"):
        assert key in report
    assert report["hard_negatives"] == 1


def test_evaluate_emotions_on_a_jsonl_gold(tmp_path: Path) -> None:
    gold = tmp_path / "emo.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"text": "Thank you so much, this made my day!", "labels": ["gratitude", "joy"]},
        {"text": "I'm terrified of the surgery tomorrow", "labels": ["fear"]},
    ]) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["evaluate", "emotions", "--gold", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["n"] == 2 and 0 <= report["macro_f1"] <= 1


TRANSCRIPTS = Path(__file__).resolve().parent / "data" / "transcripts"


def test_review_writes_json_and_html(tmp_path: Path) -> None:
    out, page = tmp_path / "r.json", tmp_path / "r.html"
    res = runner.invoke(app, ["review", str(TRANSCRIPTS / "t05-running-then-loss.txt"), "-o", str(out),
                              "--html", str(page)])
    assert res.exit_code == 0, res.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["roles"]["roles"]["Ruth"] == "helper"
    assert "<svg" in page.read_text(encoding="utf-8")


def test_review_terminal_and_unknown_helper() -> None:
    res = runner.invoke(app, ["review", str(TRANSCRIPTS / "t01-drinking-weekends.txt")])
    assert res.exit_code == 0 and "Reflections per question" in res.output
    res = runner.invoke(app, ["review", str(TRANSCRIPTS / "t01-drinking-weekends.txt"), "--helper", "Nobody"])
    assert res.exit_code == 2 and "E007" in res.output


def test_review_folder_with_a_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    for name in ("t03-family-curfew.txt", "t09-waiting-for-family.srt"):
        (folder / name).write_bytes((TRANSCRIPTS / name).read_bytes())
    (folder / "broken.txt").write_text("no speakers here at all\n", encoding="utf-8")
    out = tmp_path / "reviews"
    res = runner.invoke(app, ["review", str(folder), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == ["t03-family-curfew.html", "t03-family-curfew.json",
                                                     "t09-waiting-for-family.html", "t09-waiting-for-family.json"]
    assert "broken.txt" in res.output


def test_code_and_evaluate_codes(tmp_path: Path) -> None:
    gold = Path(__file__).resolve().parent / "data" / "coded_sample.jsonl"
    out = tmp_path / "coded.jsonl"
    res = runner.invoke(app, ["code", str(gold), "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = _rows(out)
    assert [("code" in r, "talk_type" in r) for r in rows[:2]] == [(True, False), (False, True)]
    res = runner.invoke(app, ["evaluate", "codes", "--gold", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert set(report["tasks"]) == {"coarse", "reflection_subtype", "question_subtype", "talk_type"}
    assert report["tasks"]["coarse"]["n"] == 5


def test_review_prints_to_pdf_with_real_chromium(tmp_path: Path) -> None:
    """`.ci/run` installs Debian's chromium; the PDF is printed by it, as a user's would be."""
    pdf = tmp_path / "r.pdf"
    res = runner.invoke(app, ["review", str(TRANSCRIPTS / "t06-sleep-dark-thoughts.txt"), "--pdf", str(pdf)])
    assert res.exit_code == 0, res.output
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000


def test_evaluate_risk_with_levels_kept_apart(tmp_path: Path) -> None:
    texts = tmp_path / "posts.jsonl"
    texts.write_text("\n".join(json.dumps(r) for r in [
        {"post_id": "a", "body": "I keep thinking about killing myself."},
        {"post_id": "a", "body": "I keep thinking about killing myself."},
        {"post_id": "b", "body": "This commute is killing me lol"},
        {"post_id": "c", "body": "not judged"}]) + "\n", encoding="utf-8")
    levels = tmp_path / "levels.jsonl"
    levels.write_text('{"post_id": "a", "level": "high"}\n{"post_id": "b", "level": "none", "basis": "idiom"}\n',
                      encoding="utf-8")
    res = runner.invoke(app, ["evaluate", "risk", "--gold", str(texts), "--levels", str(levels), "--key", "post_id",
                              "--text-field", "body", "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["joined"] == 2 and report["recall_high_plus"] == 1.0 and report["false_alarm_any"] == 0.0
