"""Output formats, registered by name exactly as a third-party plugin would.

A renderer is ``func(job: RenderJob) -> bytes``; it reads the Brief and the
section views and may ask the job for another format's output (pdf is made
from the html, html from the markdown), which is rendered once per build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from jinja2 import Environment

from briefgen.errors import RenderError
from briefgen.model import Brief
from briefgen.registry import Registry
from briefgen.sections import SectionView

Renderer = Callable[["RenderJob"], bytes]


@dataclass(frozen=True)
class Format:
    name: str  # the name the config's output.formats uses
    suffix: str  # the output file's suffix, with the dot
    render: Renderer


FORMATS: Registry[Format] = Registry(
    "output format", tuple(f"briefgen.render.{m}" for m in ("html", "json", "markdown", "pdf")))


def register(name: str, suffix: str) -> Callable[[Renderer], Renderer]:
    """Register an output format; duplicate names are refused."""

    def wrap(func: Renderer) -> Renderer:
        FORMATS.add(name, Format(name, suffix, func), func.__module__)
        return func

    return wrap


def names() -> list[str]:
    return FORMATS.names()


def suffix(name: str) -> str:
    return FORMATS[name].suffix


@dataclass
class RenderJob:
    """One brief being rendered; each format's output is made at most once."""

    brief: Brief
    views: list[SectionView]
    templates_dir: Path | None = None
    pages: int | None = None  # pages of the PDF, once printed
    _outputs: dict[str, bytes] = field(default_factory=dict, repr=False)

    @cached_property
    def env(self) -> Environment:
        from briefgen.render.templates import environment

        return environment(self.templates_dir)

    def output(self, name: str) -> bytes:
        if name not in self._outputs:
            if name not in FORMATS:
                raise RenderError(f"no output format {name!r}. Available: {', '.join(FORMATS.names())}")
            self._outputs[name] = FORMATS[name].render(self)
        return self._outputs[name]


def render_all(
    brief: Brief, views: list[SectionView], formats: list[str], templates_dir: Path | None = None
) -> dict[str, bytes]:
    """Every requested format, by name, as bytes ready to write."""
    return render_job(brief, views, formats, templates_dir)[0]


def render_job(
    brief: Brief, views: list[SectionView], formats: list[str], templates_dir: Path | None = None
) -> tuple[dict[str, bytes], RenderJob]:
    """``render_all`` with the job, which tells the PDF's page count."""
    job = RenderJob(brief, views, templates_dir)
    return {name: job.output(name) for name in formats}, job
