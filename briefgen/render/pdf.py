"""PDF: WeasyPrint prints the HTML output with the stylesheet's @page rules.

The fetcher refuses every URL except stylesheets and fonts inside the template
folders: whatever reaches the HTML, printing it never touches the network, the
file system at large, or data: URLs.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from briefgen.errors import RenderError
from briefgen.render import RenderJob, register
from briefgen.render.templates import builtin_dir

FETCHABLE_SUFFIXES = {".css", ".ttf", ".otf", ".woff", ".woff2"}


@register("pdf", ".pdf")
def render_pdf(job: RenderJob) -> bytes:
    folders = [builtin_dir(), *([job.templates_dir] if job.templates_dir else [])]
    pdf, job.pages = print_pdf(job.output("html").decode("utf-8"), folders)
    return pdf


def html_to_pdf(html: str, folders: list[Path]) -> bytes:
    return print_pdf(html, folders)[0]


def print_pdf(html: str, folders: list[Path]) -> tuple[bytes, int]:
    """Print ``html`` (the PDF and its page count); relative URLs resolve against
    the first folder, never the CWD."""
    import weasyprint  # heavy: only builds that ask for a PDF pay for it
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class TemplateFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            path = allowed_file(url, folders)
            if path is None:
                raise ValueError(f"briefgen fetches no resources outside its templates: {url}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    base_url = folders[0].resolve().as_uri() + "/"
    try:
        document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=TemplateFilesOnly()).render()
        return document.write_pdf(), len(document.pages)
    except Exception as err:  # noqa: BLE001 - WeasyPrint raises many types; the user needs one line
        raise RenderError(f"pdf: WeasyPrint could not print the brief: {err}") from err


def allowed_file(url: str, folders: list[Path]) -> Path | None:
    """The local stylesheet or font ``url`` names inside ``folders``, else None."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(unquote(parts.path)).resolve()
    if path.suffix.lower() not in FETCHABLE_SUFFIXES or not path.is_file():
        return None
    if any(path.is_relative_to(folder.resolve()) for folder in folders):
        return path
    return None
