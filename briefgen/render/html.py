"""HTML: the Markdown body through markdown-it, in a self-contained page.

Raw HTML in the Markdown stays text, images are off and only http, https and
mailto links survive, so nothing in an article can run a script or load a
resource when the page is opened in a browser or printed by WeasyPrint.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup, escape
from mdit_py_plugins.footnote import footnote_plugin

from briefgen.render import RenderJob, register
from briefgen.render.templates import render, stylesheet

TEMPLATE = "brief.html.j2"
SAFE_SCHEMES = ("http://", "https://", "mailto:")


@register("html", ".html")
def render_html(job: RenderJob) -> bytes:
    body = markdown_to_html(strip_front_matter(job.output("md").decode("utf-8")))
    page = render(
        job.env,
        TEMPLATE,
        brief=job.brief,
        views=job.views,
        body=Markup(body),
        css=Markup(stylesheet(job.env)),
    )
    return page.encode("utf-8")


def strip_front_matter(text: str) -> str:
    # Front matter values are one-line YAML scalars, so the first fence line closes it.
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + len("\n---\n") :]
    return text


def markdown_to_html(text: str) -> str:
    return _parser().render(text)


def safe_link(url: str) -> bool:
    """markdown-it link validator: a link that fails it stays plain text."""
    return url.strip().lower().startswith(SAFE_SCHEMES)


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin).disable("image")
    parser.validateLink = safe_link
    parser.add_render_rule("footnote_caption", _footnote_caption)
    parser.add_render_rule("footnote_open", _footnote_open)
    return parser


# Footnote labels are source ids (S1, S2 ...): show them instead of the plugin's
# running numbers so the HTML cites sources exactly as the Markdown and JSON do.


def _footnote_caption(self, tokens, idx, options, env) -> str:
    meta = tokens[idx].meta
    return f"[{escape(meta.get('label') or meta['id'] + 1)}]"


def _footnote_open(self, tokens, idx, options, env) -> str:
    meta = tokens[idx].meta
    anchor = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    label = escape(meta.get("label") or meta["id"] + 1)
    return f'<li id="fn{anchor}" class="footnote-item"><span class="footnote-label">{label}</span>'
