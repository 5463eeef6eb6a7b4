"""Config: every problem reported at once, with key path, expected and found."""

import textwrap

import pytest

from briefgen import config
from briefgen.errors import ConfigError


def _write(tmp_path, text):
    path = tmp_path / "config.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_config_loads_defaults(tmp_path):
    (tmp_path / "a.txt").write_text("Story.", encoding="utf-8")
    cfg = config.load(_write(tmp_path, """
        title: T
        articles:
          - path: a.txt
            published: 2024-01-02
    """))
    assert cfg.output.formats == ["md", "pdf", "json", "html"]
    assert cfg.section_list() == [("key_claims", None), ("actors", None), ("background", None), ("open_questions", None)]
    assert cfg.article_files()[0][0] == (tmp_path / "a.txt").resolve()
    assert str(cfg.articles[0].published) == "2024-01-02"


def test_config_reports_every_problem_with_key_paths(tmp_path):
    path = _write(tmp_path, """
        title: 3
        articles:
          - path: missing.txt
            publshed: 2023-08-30
        sections: [key_claims, {name: actors, max_items: 0}]
        output:
          nme: x
    """)
    with pytest.raises(ConfigError) as err:
        config.load(path)
    problems = err.value.problems
    assert "title: expected a valid string, found 3" in problems
    assert "articles[0].publshed: unknown key; did you mean 'published'?" in problems
    assert "sections[1].max_items: expected greater than or equal to 1, found 0" in problems
    assert "output.nme: unknown key; did you mean 'name'?" in problems
    assert "articles[0].path: file not found: missing.txt" in problems
    assert len(problems) == 5


def test_config_check_inputs_names_valid_choices(tmp_path):
    (tmp_path / "a.txt").write_text("Story.", encoding="utf-8")
    cfg = config.load(_write(tmp_path, """
        title: T
        articles: [{path: a.txt}, {path: a.txt}, {glob: "none/*.md"}]
        sections: [key_claims, timeline]
        output: {formats: [md, docx]}
    """))
    problems = config.check_inputs(cfg, ["key_claims", "actors"], ["md", "pdf"])
    assert "sections[1]: unknown section 'timeline'; expected one of: actors, key_claims" in problems
    assert "output.formats[1]: unknown format 'docx'; expected one of: md, pdf" in problems
    assert "articles[2].glob: no file matches 'none/*.md'" in problems
    assert "articles: a.txt is listed twice; remove the duplicate" in problems


def test_config_malformed_yaml_one_line(tmp_path):
    path = _write(tmp_path, "title: [unclosed\narticles: x\n")
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert len(err.value.problems) == 1
    assert "line" in err.value.problems[0] and "fix the YAML syntax" in err.value.problems[0]


def test_config_rejects_path_in_output_name(tmp_path):
    (tmp_path / "a.txt").write_text("Story.", encoding="utf-8")
    path = _write(tmp_path, """
        title: T
        articles: [{path: a.txt}]
        output: {name: ../../etc/x}
    """)
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert err.value.problems[0].startswith("output.name: expected a plain file name")


def test_config_yaml_tags_do_not_construct_objects(tmp_path):
    path = _write(tmp_path, "title: !!python/object/apply:os.system ['echo hacked']\narticles: []\n")
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert "could not determine a constructor" in str(err.value)
