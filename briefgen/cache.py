"""Per-article extraction cache, keyed by everything that determines the result.

An entry is valid only for the same article text and metadata, spaCy model
and extractor versions: the key hashes all of them, and the entry repeats the
stamp so a hash collision or a hand-edited file is caught. A corrupt or stale
entry is logged, dropped and rebuilt, never trusted and never fatal.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from briefgen import __version__
from briefgen.atomic import write_bytes
from briefgen.model import ArticleFacts

log = logging.getLogger(__name__)


def stamp(raw: str, metadata: dict[str, Any], model: str, extractors: dict[str, str],
          cleaned: str) -> dict[str, Any]:
    """What an entry depends on. ``cleaned`` is what cleaning made of ``raw``
    (text and offsets): better cleaning changes the facts of an unchanged file."""
    return {
        "briefgen": __version__,
        "text_sha256": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        "cleaned_sha256": hashlib.sha256(cleaned.encode("utf-8")).hexdigest(),
        "metadata": {k: None if v is None else str(v) for k, v in sorted(metadata.items())},
        "model": model,
        "extractors": dict(sorted(extractors.items())),
    }


def key_of(entry_stamp: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(entry_stamp, sort_keys=True).encode("utf-8")).hexdigest()


class Cache:
    """A folder of ``<key>.json`` entries; ``None`` as folder disables caching."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def _file(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, entry_stamp: dict[str, Any]) -> ArticleFacts | None:
        if self.folder is None:
            return None
        file = self._file(key_of(entry_stamp))
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            if data.get("stamp") != entry_stamp:
                raise ValueError("stamp does not match")
            return ArticleFacts.from_dict(data["facts"])
        except FileNotFoundError:
            return None
        except Exception as err:  # noqa: BLE001 - a damaged entry can break the model in any way
            log.warning("cache entry %s unusable (%s); rebuilding it", file, err)
            with contextlib.suppress(OSError):
                file.unlink(missing_ok=True)
            return None

    def put(self, entry_stamp: dict[str, Any], facts: ArticleFacts) -> None:
        if self.folder is None:
            return
        payload = {"stamp": entry_stamp, "facts": facts.to_dict()}
        try:
            write_bytes(self._file(key_of(entry_stamp)), json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        except OSError as err:  # a read-only cache slows builds down but never stops them
            log.warning("cannot write cache entry in %s (%s); continuing without it", self.folder, err)


def _sound(packed: object) -> bool:
    """A stored vector that decodes to the model's 384 float16 numbers."""
    from briefgen.fuse.similar import DIMENSIONS

    if not isinstance(packed, str):
        return False
    try:
        return len(base64.b64decode(packed, validate=True)) == 2 * DIMENSIONS
    except ValueError:
        return False


class VectorCache:
    """Sentence vectors of each article's statements, one file per article text
    (``vectors/<sha>.json``): tomorrow's build embeds only the new articles.
    A damaged file is rebuilt like any other entry."""

    def __init__(self, folder: Path | None, texts: dict[str, str], model: str):
        self.folder = folder / "vectors" if folder is not None else None
        self.model = model
        self.key = {sid: hashlib.sha256(f"{model}\n{text}".encode("utf-8")).hexdigest() for sid, text in texts.items()}

    def _file(self, source_id: str) -> Path:
        assert self.folder is not None
        key = self.key[source_id]
        return self.folder / key[:2] / f"{key}.json"

    def _load(self, source_id: str) -> dict[str, str]:
        if self.folder is None or source_id not in self.key:
            return {}
        file = self._file(source_id)
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            if data.get("model") != self.model or not isinstance(data.get("vectors"), dict):
                raise ValueError("not a vector entry of this model")
            return {k: v for k, v in data["vectors"].items() if _sound(v)}
        except FileNotFoundError:
            return {}
        except Exception as err:  # noqa: BLE001 - any damage means: embed again
            log.warning("vector cache entry %s unusable (%s); rebuilding it", file, err)
            return {}

    def embedder(self, embed):
        """An ``Embedder`` that reads and fills this cache around ``embed(texts)``."""
        from briefgen.fuse.similar import DIMENSIONS, pack, unpack

        def cached(items):
            import numpy as np

            stored = {sid: self._load(sid) for sid in dict.fromkeys(sid for sid, _ in items)}
            digest = [hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] for _, text in items]
            missing = [n for n, (sid, _) in enumerate(items) if digest[n] not in stored[sid]]
            if missing:
                fresh = embed([items[n][1] for n in missing])
                for row, n in enumerate(missing):
                    stored[items[n][0]][digest[n]] = pack(fresh[row])
                self._write(stored, {items[n][0] for n in missing})
            if not items:
                return np.zeros((0, DIMENSIONS), dtype=np.float32)
            return np.stack([unpack(stored[sid][digest[n]]) for n, (sid, _) in enumerate(items)])

        return cached

    def _write(self, stored: dict[str, dict[str, str]], changed: set[str]) -> None:
        if self.folder is None:
            return
        for sid in changed:
            if sid not in self.key:
                continue
            payload = {"model": self.model, "vectors": stored[sid]}
            try:
                write_bytes(self._file(sid), json.dumps(payload, sort_keys=True).encode("utf-8"))
            except OSError as err:  # a read-only cache slows builds down but never stops them
                log.warning("cannot write vector cache in %s (%s); continuing without it", self.folder, err)
                return
