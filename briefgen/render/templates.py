"""The Jinja environment: the user's templates first, then the built-ins.

Built-ins stay reachable as ``default:<name>`` so an override can extend the
original. Markdown templates are not HTML-autoescaped; every piece of
article-derived text goes through the ``md`` filter instead, which makes it
inert Markdown. Article text is only ever a value, never template source.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import re
import traceback
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    select_autoescape,
)

from markupsafe import Markup

from briefgen.errors import RenderError
from briefgen.inert import drop

BUILTIN_PREFIX = "default"
STYLESHEET = "brief.css"


def builtin_dir() -> Path:
    """The folder of the built-in templates, installed or in a source checkout."""
    try:
        return Path(str(importlib.resources.files("briefgen.templates")))
    except ModuleNotFoundError:
        # Running from a source checkout: the package-dir mapping exists only once installed.
        return Path(__file__).resolve().parents[2] / "templates"


def environment(templates_dir: Path | None = None) -> Environment:
    builtin = FileSystemLoader(builtin_dir())
    user = [FileSystemLoader(templates_dir)] if templates_dir else []
    env = Environment(
        loader=ChoiceLoader([*user, PrefixLoader({BUILTIN_PREFIX: builtin}, delimiter=":"), builtin]),
        undefined=StrictUndefined,
        autoescape=select_autoescape(["html.j2", "html"], default_for_string=False, default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Whatever a template prints, escaped or not, carries no control or bidi override.
        finalize=_inert,
    )
    env.filters.update(md=md, yaml_str=yaml_str, fn=footnote_label, utc=utc, weblink=weblink, day=day)
    return env


def _inert(value: Any) -> Any:
    """A printed value without controls or bidi overrides; markup stays markup."""
    if isinstance(value, Markup):
        return Markup(drop(str(value)))
    return drop(value) if isinstance(value, str) else value


def render(env: Environment, name: str, **context: Any) -> str:
    """Render one template; any template fault becomes a one-line RenderError."""
    try:
        return env.get_template(name).render(**context)
    except TemplateNotFound as err:
        raise RenderError(
            f"template {err.name!r} not found in templates_dir or the built-in templates"
        ) from err
    except TemplateSyntaxError as err:
        raise RenderError(
            f"template syntax error in {err.filename or err.name}, line {err.lineno}: {err.message}"
        ) from err
    except Exception as err:  # noqa: BLE001 - a user template can raise anything while rendering
        raise RenderError(f"template error in {_where(err, name)}: {err}") from err


def stylesheet(env: Environment) -> str:
    """The CSS text, found like a template (a user's brief.css wins) but never evaluated."""
    try:
        source, _filename, _uptodate = env.loader.get_source(env, STYLESHEET)
    except TemplateNotFound as err:
        raise RenderError(f"stylesheet {STYLESHEET!r} not found in templates_dir or the built-ins") from err
    return source


def _where(err: BaseException, name: str) -> str:
    # Jinja rewrites tracebacks so template frames carry the template file and line.
    frames = [f for f in traceback.extract_tb(err.__traceback__) if not f.filename.endswith(".py")]
    if not frames:
        return name
    return f"{frames[-1].filename}, line {frames[-1].lineno}"


# --------------------------------------------------------------------------
# Filters
# --------------------------------------------------------------------------

# Characters that open inline markup anywhere on a line (emphasis, code, links,
# images, footnotes and ^[inline footnotes], raw HTML, entities, tables,
# strikethrough, headings).
_MD_INLINE = re.compile(r"([\\`*_\[\]!#<>|{}~&^])")
# Characters that matter only where a line starts (lists, setext headings,
# thematic breaks, front matter fences); a value may be placed at a line start.
_MD_LEAD = re.compile(r"^(\d+)([.)])|^([-+=])")


def md(value: Any) -> str:
    """Make ``value`` literal Markdown text on a single line.

    Hyphens and brackets mid-line are left alone: they open nothing there, and
    "cash-for-votes (UAE)" stays readable in the raw Markdown a wiki shows.
    """
    if value is None:
        return ""
    text = " ".join(drop(str(value)).split())  # a value can never start a new block
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_LEAD.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def yaml_str(value: Any) -> str:
    """A YAML scalar for front matter: null, or a double-quoted one-line string."""
    if value is None:
        return "null"
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()
    # A JSON string is a valid YAML double-quoted scalar once the characters
    # YAML forbids raw (DEL, C1 controls, surrogates, non-characters) are escaped too.
    text = json.dumps(" ".join(str(value).split()), ensure_ascii=False)
    return _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


_YAML_UNPRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def footnote_label(value: Any) -> str:
    """A source id usable as a footnote label (``[^S1]``)."""
    label = re.sub(r"[^A-Za-z0-9_-]", "", str(value))
    if not label:
        raise ValueError(f"source id {value!r} cannot be a footnote label")
    return label


def utc(value: dt.datetime) -> str:
    """``2024-05-01 07:30 UTC``; a naive time is taken to be UTC already."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc)
    return value.strftime("%Y-%m-%d %H:%M UTC")


def day(value: str | None) -> str:
    """"2005-11-27" -> "Sunday 27 November 2005"; a month or year stays as written."""
    from briefgen.fuse.event import day_text

    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return day_text(value)
    return value or ""


_WEB_URL = re.compile(r"https?://[^\s<>\\`\x00-\x1f\x7f]+", re.IGNORECASE)


def weblink(url: str | None) -> str:
    """An autolink for an http(s) URL; anything else as inert text."""
    if url and _WEB_URL.fullmatch(url):
        return f"<{url}>"
    return md(url)
