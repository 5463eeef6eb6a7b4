"""``briefgen extract``: every fact of single articles, as the JSON contract says."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from pathlib import Path
from typing import Any

from briefgen.build import check_length
from briefgen.errors import SourceError
from briefgen.sources.language import language_warning
from briefgen.sources.reader import read_article

log = logging.getLogger(__name__)


def extract_files(files: list[Path], published: dt.date | None, model: str | None) -> list[dict[str, Any]]:
    """Per file: its source metadata, attributions, mentions and dated events."""
    from briefgen import extract, nlp

    meta = {"published": published}
    articles, problems = [], []
    for i, file in enumerate(files, start=1):
        try:
            article = read_article(file, f"S{i}", meta)
        except SourceError as err:
            problems.append(str(err))
            continue
        article.source.path = str(file)
        articles.append(article)
    if problems:
        raise SourceError("\n".join(problems))
    model = model or nlp.DEFAULT_MODEL
    check_length(articles, model)
    out = []
    for article, file, doc in zip(articles, files, nlp.parse((a.text for a in articles), model)):
        for warning in [*article.warnings, language_warning(doc, str(file))]:
            if warning:
                log.warning(warning)
        facts = extract.extract_article(article, doc)
        source = article.source
        out.append({
            "path": str(file),
            "title": source.title,
            "published": source.published.isoformat() if source.published else None,
            "attributions": [dataclasses.asdict(a) for a in facts.attributions],
            "mentions": [dataclasses.asdict(m) for m in facts.mentions],
            "events": [dataclasses.asdict(e) for e in facts.events],
            "withheld": [dataclasses.asdict(w) for w in facts.withheld],
        })
    return out
