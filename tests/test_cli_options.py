"""Command-line options for cron (issue 17): -v before or after the command,
--quiet, --strict, and warnings labelled as such."""

from __future__ import annotations

from briefgen.cli import main

STORY = ("The council said on Monday that the Elm Street bridge would close for six weeks of repairs. "
         "Mayor Ana Ruiz told reporters that the work could not wait.\n")


def _project(tmp_path, article_name="a.txt", article=STORY):
    (tmp_path / article_name).write_text(article, encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(f"title: Bridge\narticles: [{{path: {article_name}}}]\n"
                      "output: {dir: out, formats: [md]}\n", encoding="utf-8")
    return str(config)


def test_verbose_before_the_command_is_kept(tmp_path, capsys):
    config = _project(tmp_path)
    assert main(["-v", "build", "-c", config]) == 0
    err = capsys.readouterr().err
    assert "  extract: " in err and "  render: " in err


def test_quiet_prints_nothing_when_all_is_well(tmp_path, capsys):
    config = _project(tmp_path)
    assert main(["build", "-q", "-c", config]) == 0
    assert capsys.readouterr() == ("", "")
    assert (tmp_path / "out" / "brief.md").is_file()
    assert main(["-q", "check", "-c", config]) == 0
    assert capsys.readouterr() == ("", "")


def test_warnings_are_labelled_and_quiet_hides_them(tmp_path, capsys):
    page = "<html><body><article><p>" + STORY + "</p><p>" + STORY + "</p></article></body></html>"
    config = _project(tmp_path, "a.txt", page)
    assert main(["build", "-c", config]) == 0
    err = capsys.readouterr().err.splitlines()
    assert any(line.startswith("briefgen: warning: a.txt: a web page in a .txt file") for line in err)
    assert main(["build", "-q", "--force", "-c", config]) == 0
    assert capsys.readouterr().err == ""


def test_strict_fails_on_a_warning_and_keeps_the_previous_brief(tmp_path, capsys):
    config = _project(tmp_path)
    assert main(["build", "--strict", "-c", config]) == 0  # no warning: builds
    before = (tmp_path / "out" / "brief.md").read_bytes()
    page = "<html><body><article><p>" + STORY.replace("six", "eight") + "</p></article></body></html>"
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    capsys.readouterr()
    assert main(["build", "--strict", "-c", config]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("briefgen: error: --strict: 1 warning above; the previous brief is kept")
    assert (tmp_path / "out" / "brief.md").read_bytes() == before


def test_verbose_and_quiet_together_is_a_usage_error(tmp_path, capsys):
    import pytest

    config = _project(tmp_path)
    with pytest.raises(SystemExit) as done:
        main(["-v", "build", "-q", "-c", config])
    assert done.value.code == 2 and "cannot be used together" in capsys.readouterr().err


def test_init_writes_a_config_that_checks_and_never_overwrites(tmp_path, capsys):
    assert main(["init", str(tmp_path / "new")]) == 0
    assert "next: briefgen build -c" in capsys.readouterr().out
    assert main(["check", "-c", str(tmp_path / "new" / "config.yaml")]) == 0
    assert "ok (1 articles" in capsys.readouterr().out
    (tmp_path / "new" / "articles" / "example.md").write_text("mine", encoding="utf-8")
    assert main(["init", str(tmp_path / "new")]) == 1
    assert "exists already; nothing was written" in capsys.readouterr().err
    assert (tmp_path / "new" / "articles" / "example.md").read_text(encoding="utf-8") == "mine"


def test_check_reports_unknown_names_with_schema_errors(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "config.yaml").write_text(
        "title: Bridge\narticles: [{path: a.txt}]\nsections: [key_claims, timeline]\n"
        "output: {formats: [md, docx], colour: blue}\n", encoding="utf-8")
    assert main(["check", "-c", str(tmp_path / "config.yaml")]) == 1
    err = capsys.readouterr().err
    assert "output.colour: unknown key" in err
    assert "sections[1]: unknown section 'timeline'" in err and "output.formats[1]: unknown format 'docx'" in err
