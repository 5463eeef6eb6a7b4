"""Markdown for wikis: front matter, sections, source footnotes."""

from __future__ import annotations

from briefgen.render import RenderJob, register
from briefgen.render.templates import render

TEMPLATE = "brief.md.j2"


@register("md", ".md")
def render_markdown(job: RenderJob) -> bytes:
    text = render(job.env, TEMPLATE, brief=job.brief, views=job.views)
    return text.encode("utf-8")
