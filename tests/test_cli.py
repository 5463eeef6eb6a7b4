"""Command line: exit codes, one line per problem, quiet no-change builds."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

from briefgen.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _config(tmp_path, body):
    path = tmp_path / "config.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_cli_check_reports_every_problem_one_line_each(tmp_path, capsys):
    path = _config(tmp_path, """
        title: T
        articles:
          - path: seeds/x.txt
          - path: seeds/y.txt
        output: {formats: [md], nme: b}
    """)
    assert main(["check", "-c", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "briefgen: error: articles[0].path: file not found: seeds/x.txt" in err
    assert "briefgen: error: articles[1].path: file not found: seeds/y.txt" in err
    assert "briefgen: error: output.nme: unknown key; did you mean 'name'?" in err
    assert not any("Traceback" in line for line in err)


def test_cli_check_ok(tmp_path, capsys):
    shutil.copy(SEEDS / "000_632284dcfae7039f.txt", tmp_path / "a.txt")
    path = _config(tmp_path, "title: T\narticles: [{path: a.txt}]\nsections: [actors, bogus]\n")
    assert main(["check", "-c", str(path)]) == 1
    assert "sections[1]: unknown section 'bogus'; expected one of: actors, background, key_claims, open_questions" in capsys.readouterr().err
    path = _config(tmp_path, "title: T\narticles: [{path: a.txt}]\n")
    assert main(["check", "-c", str(path)]) == 0
    assert "ok (1 articles" in capsys.readouterr().out


def test_cli_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["build", "--no-such-flag"])
    assert exit_.value.code == 2


def test_cli_missing_config_one_line(tmp_path, capsys):
    assert main(["build", "-c", str(tmp_path / "none.yaml")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "config file not found" in err[0]


def test_cli_extract_spans_index_the_file(capsys):
    seed = SEEDS / "003_98eb9938dce36607.txt"
    assert main(["extract", str(seed), "--published", "2023-08-30", "--format", "json"]) == 0
    (article,) = json.loads(capsys.readouterr().out)
    raw = seed.read_text(encoding="utf-8")
    assert article["published"] == "2023-08-30"
    assert len(article["attributions"]) >= 8
    for item in article["attributions"]:
        for key in ("cue", "content", "speaker"):
            span = item[key]
            if span is not None:
                assert raw[span["start"]:span["end"]] == span["text"]
    assert article["mentions"] and article["events"]


def test_cli_build_then_quiet_rebuild(tmp_path, capsys):
    shutil.copy(SEEDS / "000_632284dcfae7039f.txt", tmp_path / "a.txt")
    path = _config(tmp_path, """
        title: T
        articles: [{path: a.txt, published: 2023-08-30}]
        output: {formats: [md, json]}
    """)
    assert main(["build", "-c", str(path)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["build", "-c", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    (tmp_path / "a.txt").write_text((tmp_path / "a.txt").read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert main(["build", "-c", str(path)]) == 0
    assert "1 parsed" in capsys.readouterr().out
