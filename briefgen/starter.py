"""``briefgen init``: a config and an example article to start from.

The example is invented (no real story); the config names every key a
daily build uses, the optional ones commented out.
"""

from __future__ import annotations

from pathlib import Path

from briefgen.atomic import write_all
from briefgen.errors import BriefgenError

CONFIG = """\
# A briefgen config: which articles, which sections, which outputs.
# Reference: the README's "Config reference". Check it with `briefgen check`.
title: Harbour bridge closure
articles:
  - path: articles/example.md        # .txt, .md or .html; metadata below wins over the file's
    outlet: Coast Times
  # - glob: "articles/*.html"         # every matching file, in name order
  # - url: https://example.org/story  # a page to fetch (only url entries are fetched)
  # - feed: https://example.org/rss   # a feed's entries, chosen by time, words and a cap
  #   since: 24h
  #   any_of: [bridge, harbour]
  #   max_articles: 20
sections:
  - key_claims
  - name: actors
    max_items: 12
  - background
  - open_questions
  - source_comparison
output:
  dir: out
  formats: [md, html, pdf, json]
  # archive: true                     # also keep each day's brief in out/YYYY-MM-DD/
# fetch:
#   timeout: 20
#   on_error: warn                    # a page that cannot be fetched: warn (default) or fail
"""

ARTICLE = """\
---
title: Harbour bridge to close for six weeks of repairs
author: Mira Okafor
published: 2024-03-11
---

The harbour bridge in the fictional town of Tamsin will close to all traffic on
Monday for six weeks of repairs, the county council said on Sunday.

Council engineer Ilse Varga told reporters that corrosion had been found in two
of the bridge's main cables during an inspection last month. "We cannot take any
risk with the cables," Varga said.

The ferry operator said it would run a crossing every twenty minutes while the
bridge is shut. Local shop owners said the closure would cost them trade in the
spring, and asked the council for support; the council has not said whether it
will offer any.

The bridge was last closed for repairs in 2019, for three weeks.
"""


def init(folder: Path) -> list[Path]:
    """Write ``config.yaml`` and ``articles/example.md`` in ``folder``;
    nothing is written when either exists already."""
    files = {folder / "config.yaml": CONFIG, folder / "articles" / "example.md": ARTICLE}
    there = [str(p) for p in files if p.exists()]
    if there:
        raise BriefgenError(f"{there[0]}: exists already; nothing was written; choose an empty folder")
    try:
        (folder / "articles").mkdir(parents=True, exist_ok=True)
        write_all({path: text.encode("utf-8") for path, text in files.items()})
    except OSError as err:
        raise BriefgenError(f"{folder}: cannot write: {err.strerror}; choose a writable folder") from None
    return list(files)
