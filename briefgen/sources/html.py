"""Web pages: the article's main text and metadata, read with trafilatura.

The page is parsed from the string in memory: nothing it links to is
fetched, and no script runs. What briefgen reads is trafilatura's main text
(title first, then one paragraph per block, blank lines between); that text
is what every evidence span of the article indexes, and the build saves it
beside the brief (``sources/S1.txt``) so a reader can check each citation.
"""

from __future__ import annotations

import re
from typing import Any

from briefgen.errors import SourceError

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# A file that opens as an HTML document, or plain text full of block tags
# (a page saved under a .txt name: "Sport</nav><article><h1>Strike").
# A comment's body is "anything but -->", read possessively: no backtracking
# however many comments lead the file.
_DOCUMENT = re.compile(r"\A\s*+(?:<!--(?:[^-]|-(?!->))*+-->\s*+)*+<(?:!doctype\s+html|html|head|body)\b",
                       re.IGNORECASE)
_BLOCK_CLOSE = re.compile(r"</(?:p|div|article|section|nav|header|footer|h[1-6]|li|ul|ol|span|table|td|body)>",
                          re.IGNORECASE)
BLOCK_TAGS = 3  # closing block tags in a text before it is taken for a page
SNIFF_CHARS = 65_536


def looks_like_html(text: str) -> bool:
    """Whether a file's text is a web page rather than an article's text."""
    head = text[:SNIFF_CHARS]
    return bool(_DOCUMENT.match(head)) or len(_BLOCK_CLOSE.findall(head)) >= BLOCK_TAGS


def main_text(page: str, where: str) -> tuple[str, dict[str, Any]]:
    """The page's main text (headline first) and its metadata (title,
    outlet, author, published, url), each None when the page does not say."""
    import trafilatura

    found = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False,
                                        include_images=False, include_links=False, as_dict=False)
    body = _paragraphs(getattr(found, "text", None) or "")
    if not body:
        raise SourceError(f"{where}: no article text found in this web page; give the article's own page "
                          "or its text as a .txt file")
    title = _line(getattr(found, "title", None))
    meta = {"title": title, "outlet": _line(getattr(found, "sitename", None)),
            "author": _line(getattr(found, "author", None)), "published": _line(getattr(found, "date", None)),
            "url": _line(getattr(found, "url", None))}
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return text + "\n", meta


def _paragraphs(text: str) -> str:
    """One paragraph per extracted block, a blank line between; a list
    item's "- " (trafilatura's mark) dropped, so the item reads as the
    sentence it is, not as a menu line."""
    lines = (_ITEM.sub("", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


_ITEM = re.compile(r"^\s*+[-*•]\s++(?=\S)")


def _line(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
